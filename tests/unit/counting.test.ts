/**
 * The counting rules (src/check/counting.ts, stated in the README) on short texts written for these
 * tests, each counted by hand: sentences, words, syllables, words of 3+ syllables, and the
 * Flesch-Kincaid and SMOG grades worked from those counts with the published formulas,
 *   FK   = 0.39 × words/sentences + 11.8 × syllables/words − 15.59
 *   SMOG = 1.0430 × √(polysyllables × 30 / sentences) + 3.1291
 * and the Spanish one with Fernández Huerta's (corrected): 206.84 − 60 × syllables/words − 1.02 × words/sentences.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { englishSyllables, loadPronunciations, sentenceSpans, spanishSyllables, wordsOf } from '../../src/check/counting.js';
import { checkOutline } from '../../src/check/checkHandout.js';
import { proseOf } from '../../src/check/prose.js';
import { readingLevel } from '../../src/check/readability.js';
import { blocksInReadingOrder } from '../../src/outline/outline.js';
import { toString } from 'mdast-util-to-string';
import { outlineFrom } from '../helpers/check.js';
import { ROOT } from '../helpers/build.js';

// English syllables come from the CMU dictionary, which a check loads before it counts.
beforeAll(loadPronunciations);

interface Fixture {
  name: string;
  text: string;
  lang?: string;
  counts: [sentences: number, words: number, syllables: number, polysyllables: number];
  fleschKincaid?: number;
  smog?: number;
  fernandezHuerta?: number;
}

const FIXTURES: Fixture[] = [
  {
    name: 'titles, U.S.-style initials, e.g. and a genus abbreviation do not end sentences',
    text: 'Dr. Patel works at the U.S. Centers for Disease Control. She trained nurses at St. Mary Hospital, e.g. in wound care. Germs such as Y. pestis spread fast.\n',
    // 1: Dr(doc-tor 2) Pa-tel(2) works at the U.S.(2, letters) Cen-ters(2) for Dis-ease(2) Con-trol(2): 10 words, 16 syllables
    // 2: She trained nur-ses(2) at St.(saint 1) Ma-ry(2) Hos-pi-tal(3) e.g.(2, letters) in wound care: 11 words, 16 syllables
    // 3: Germs such as Y.(1) pes-tis(2) spread fast: 7 words, 8 syllables
    // FK = 0.39 × 28/3 + 11.8 × 40/28 − 15.59 = 3.64 + 16.86 − 15.59 = 4.91; SMOG = 1.043 × √(1 × 30/3) + 3.1291 = 6.43
    counts: [3, 28, 40, 1],
    fleschKincaid: 4.9,
    smog: 6.4,
  },
  {
    name: 'a hyphenated name is one word; a list item without a full stop is a sentence',
    text: 'Niemann-Pick disease is rare. It is passed down in families.\n\n- Trouble with balance\n- Slurred speech\n- A large liver\n',
    // Nie-mann-Pick(3) dis-ease(2) is rare: 4 words, 7; It is passed down in fam-i-lies(3): 6 words, 8;
    // Trou-ble(2) with bal-ance(2): 3 words, 5; Slurred speech: 2 words, 2; A large li-ver(2): 3 words, 4
    // FK = 0.39 × 18/5 + 11.8 × 26/18 − 15.59 = 1.40 + 17.04 − 15.59 = 2.86; SMOG = 1.043 × √(2 × 30/5) + 3.1291 = 6.74
    counts: [5, 18, 26, 2],
    fleschKincaid: 2.9,
    smog: 6.7,
  },
  {
    name: 'a number is one word of one syllable, separators and all',
    text: 'Take 2 tablets at 9:30 each morning. Do not take more than 1,000 mg a day. Call us if you feel worse.\n',
    // Take 2 tab-lets(2) at 9:30 each mor-ning(2): 7 words, 9; Do not take more than 1,000 mg(em-gee 2) a day: 9 words, 10;
    // Call us if you feel worse: 6 words, 6. FK = 0.39 × 22/3 + 11.8 × 25/22 − 15.59 = 2.86 + 13.41 − 15.59 = 0.68;
    // SMOG with no long words = 3.1291
    counts: [3, 22, 25, 0],
    fleschKincaid: 0.7,
    smog: 3.1,
  },
  {
    name: 'common words the syllable rules of thumb overcount',
    text: 'Your large cut is blocked by a clean cloth. Press firmly. Therefore, keep the area dry and change the dressing frequently. Else it may get infected.\n',
    // large, blocked, cloth, else: one syllable each; there-fore(2), fre-quent-ly(3), a-re-a(3), in-fect-ed(3), dress-ing(2), firm-ly(2)
    // 9 words, 9; 2 words, 3; 10 words, 16; 5 words, 7. FK = 0.39 × 26/4 + 11.8 × 35/26 − 15.59 = 2.54 + 15.88 − 15.59 = 2.83;
    // SMOG = 1.043 × √(3 × 30/4) + 3.1291 = 8.08
    counts: [4, 26, 35, 3],
    fleschKincaid: 2.8,
    smog: 8.1,
  },
  {
    name: 'Spanish, by Spanish syllable rules',
    lang: 'es',
    text: '---\nlang: es\n---\nTome el medicamento cada día. Si tiene preguntas, llame a su médico. La enfermera le ayudará.\n',
    // To-me(2) el me-di-ca-men-to(5) ca-da(2) dí-a(2, hiatus): 5 words, 12; Si tie-ne(2) pre-gun-tas(3) lla-me(2) a su
    // mé-di-co(3): 7 words, 13; La en-fer-me-ra(4) le a-yu-da-rá(4): 4 words, 10.
    // FH = 206.84 − 60 × 35/16 − 1.02 × 16/3 = 206.84 − 131.25 − 5.44 = 70.15 ("bastante fácil", grade 6)
    counts: [3, 16, 35, 5],
    fernandezHuerta: 70.2,
  },
];

describe('hand-counted fixtures', () => {
  for (const f of FIXTURES) {
    it(f.name, () => {
      const o = outlineFrom(f.text);
      const r = readingLevel(proseOf(o), o.sections, 8, 5, f.lang ?? 'en');
      expect([r.sentences, r.words, r.syllables, r.polysyllables]).toEqual(f.counts);
      if (f.fleschKincaid !== undefined) expect(r.fleschKincaid).toBe(f.fleschKincaid);
      if (f.smog !== undefined) expect(r.smog).toBe(f.smog);
      if (f.fernandezHuerta !== undefined) expect(r.fernandezHuerta).toBe(f.fernandezHuerta);
    });
  }
});

describe('the rules one by one', () => {
  it('sentences: abbreviations hold a sentence together, a real full stop ends it', () => {
    const spans = (t: string) => sentenceSpans(t, 'en').map((s) => s.text.trim());
    expect(spans('Ask Dr. Lee. Then rest.')).toEqual(['Ask Dr. Lee.', 'Then rest.']);
    expect(spans('Take vitamin D. Then rest.')).toEqual(['Take vitamin D.', 'Then rest.']);
    expect(spans('John F. Kennedy spoke. Mrs. Ortiz vs. Mr. Tan, i.e. two people.')).toEqual(['John F. Kennedy spoke.', 'Mrs. Ortiz vs. Mr. Tan, i.e. two people.']);
    expect(spans('It rained. It stopped!')).toEqual(['It rained.', 'It stopped!']);
  });

  it('words: hyphenated words and numbers stay whole; dashes and spaces separate', () => {
    expect(wordsOf("COVID-19 and x-rays cost 1,000 — or 3.5% at 9:30; don't.")).toEqual(['COVID-19', 'and', 'x-rays', 'cost', '1,000', 'or', '3.5', 'at', '9:30', "don't"]);
    expect(wordsOf('ages 3 - 5')).toEqual(['ages', '3', '5']);
  });

  it('English syllables: the CMU dictionary first, then the syllable package', () => {
    const counted = Object.fromEntries(['large', 'else', 'blocked', 'prone', 'therefore', 'frequent', 'Niemann-Pick', 'calcinosis', 'zorbletic'].map((w) => [w, englishSyllables(w)]));
    expect(counted).toEqual({ large: 1, else: 1, blocked: 1, prone: 1, therefore: 2, frequent: 2, 'Niemann-Pick': 3, calcinosis: 4, zorbletic: 3 });
  });

  it('Spanish syllables: hiatus, diphthongs, silent u, y', () => {
    const counted = Object.fromEntries(['día', 'país', 'poeta', 'leer', 'cuidado', 'ciudad', 'guerra', 'pingüino', 'que', 'muy', 'ayuda', 'y'].map((w) => [w, spanishSyllables(w)]));
    expect(counted).toEqual({ día: 2, país: 2, poeta: 3, leer: 2, cuidado: 3, ciudad: 2, guerra: 2, pingüino: 3, que: 1, muy: 1, ayuda: 3, y: 1 });
  });
});

describe('every block is measured, through one reading-order traversal', () => {
  const file = path.join(ROOT, 'tests/fixtures/anemia.txt');
  const text = readFileSync(file, 'utf8');
  const o = outlineFrom(text, 'anemia.txt');

  it('the traversal visits the closing paragraph the inferred outline puts after the parts', () => {
    // The general paragraph after the parts has a section of its own (not a part), the last one.
    const last = o.sections[o.sections.length - 1];
    expect([last.parts, last.blocks.length]).toEqual([undefined, 1]);
    const visited = [...blocksInReadingOrder(o)].map((b) => toString(b.block));
    expect(visited.at(-1)).toMatch(/^All types of anemia can be found/);
  });

  it('its words are counted and its passive sentence is flagged', () => {
    const all = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
    const r = checkOutline(o, file, text, { today: '2026-06-01' });
    expect(r.readingLevel.words).toBe(all.reduce((n, p) => n + wordsOf(p).length, 0));
    const closingLine = text.split('\n').findIndex((l) => l.startsWith('All types of anemia')) + 1;
    expect(r.findings.find((f) => f.rule === 'passive-voice' && f.line === closingLine)?.message).toMatch(/can be found/);
  });
});

describe('the dictionary as a table', () => {
  it('gives every word the CMU dictionary lists the syllables of its first pronunciation', async () => {
    const { dictionary } = await import('cmu-pronouncing-dictionary');
    const words = Object.keys(dictionary).filter((w) => !w.includes('('));
    // Every 97th word, and the first and last (the ends of the search by halves), spelled as text has them.
    const sample = [words[0], words[words.length - 1], ...words.filter((_, i) => i % 97 === 0)];
    for (const word of sample) {
      if (/^[\d.,:]+$/.test(word) || /[-‐‑]/.test(word)) continue; // numbers and hyphens follow their own rules
      const expected = Math.max(1, dictionary[word].replace(/[^012]/g, '').length);
      expect(englishSyllables(word), word).toBe(expected);
    }
    expect(sample.length).toBeGreaterThan(1000);
  });
});
