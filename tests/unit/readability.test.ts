/**
 * Reading level: the formulas against values worked out by hand from the published formulas,
 * Flesch-Kincaid grade = 0.39 × words/sentences + 11.8 × syllables/words − 15.59 (Kincaid et al. 1975)
 * and SMOG grade = 1.0430 × √(polysyllables × 30 / sentences) + 3.1291 (McLaughlin 1969),
 * and the counting of sentences, words and syllables on short texts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { proseOf, withoutPronunciation, wordsOf } from '../../src/check/prose.js';
import { countSentence, grades, readingLevel } from '../../src/check/readability.js';
import { outlineFrom } from '../helpers/check.js';
import { loadPronunciations } from '../../src/check/counting.js';

// English syllables come from the CMU dictionary, which a check loads before it counts.
beforeAll(loadPronunciations);

function level(markdown: string, target = 8) {
  const o = outlineFrom(markdown);
  return readingLevel(proseOf(o), o.sections, target);
}

describe('formulas', () => {
  it('Flesch-Kincaid grade from counts', () => {
    // 0.39 × 10 + 11.8 × 1.5 − 15.59 = 6.01
    expect(grades({ sentences: 1, words: 10, syllables: 15, polysyllables: 0 }).fleschKincaid).toBe(6);
    // 0.39 × 20 + 11.8 × 1.2 − 15.59 = 6.37 over two sentences of 20 words
    expect(grades({ sentences: 2, words: 40, syllables: 48, polysyllables: 0 }).fleschKincaid).toBe(6.4);
  });

  it('SMOG grade from counts: 30 polysyllables in the 30-sentence sample → 1.043 × √30 + 3.1291 = 8.84', () => {
    expect(grades({ sentences: 30, words: 300, syllables: 400, polysyllables: 30 }).smog).toBe(8.8);
    // No long words at all: the formula's floor, 3.1291.
    expect(grades({ sentences: 30, words: 300, syllables: 300, polysyllables: 0 }).smog).toBe(3.1);
    // Fewer sentences are scaled to 30: 4 polysyllables in 2 sentences = 60 in 30 → 1.043 × √60 + 3.1291 = 11.21.
    expect(grades({ sentences: 2, words: 14, syllables: 26, polysyllables: 4 }).smog).toBe(11.2);
  });

  it('an empty text has grade 0, not NaN', () => {
    expect(grades({ sentences: 0, words: 0, syllables: 0, polysyllables: 0 })).toEqual({ fleschKincaid: 0, smog: 0 });
  });
});

describe('counting a short text', () => {
  it('"The cat sat on the mat." is 1 sentence, 6 words, 6 syllables: FK −1.45, SMOG 3.13', () => {
    const r = level('The cat sat on the mat.\n');
    expect([r.sentences, r.words, r.syllables, r.polysyllables]).toEqual([1, 6, 6, 0]);
    expect(r.fleschKincaid).toBe(-1.4); // −1.45, rounded half up to one decimal
    expect(r.smog).toBe(3.1);
  });

  it('two sentences, worked by hand', () => {
    // "Calcinosis(4) is the development(4) of hard calcium(3) deposits(3)." 8 words, 18 syllables, 4 polysyllables
    // "You should call your doctor(2) today(2)." 6 words, 8 syllables
    // FK = 0.39 × 14/2 + 11.8 × 26/14 − 15.59 = 9.05; SMOG = 1.043 × √(4 × 30/2) + 3.1291 = 11.21
    const r = level('Calcinosis is the development of hard calcium deposits. You should call your doctor today.\n');
    expect([r.sentences, r.words, r.syllables, r.polysyllables]).toEqual([2, 14, 26, 4]);
    expect(r.fleschKincaid).toBe(9.1);
    expect(r.smog).toBe(11.2);
    expect(r.grade).toBe(11.2);
    expect(r.meetsTarget).toBe(false);
  });

  it('the sentence that raises the grade most comes with its line', () => {
    const r = level('# Title\n\nYou should call your doctor today.\nThe cat sat on the mat.\n\nCalcinosis is the development of hard calcium deposits.\n');
    expect(r.hardest).toHaveLength(1);
    expect(r.hardest[0]).toMatchObject({ line: 6, words: 8, longWords: ['Calcinosis', 'development', 'calcium', 'deposits'] });
    expect(r.hardest[0].raisesGradeBy).toBeGreaterThan(5);
  });

  it('a text at or under its target lists no hard sentences', () => {
    const r = level('Calcinosis is the development of hard calcium deposits. You should call your doctor today.\n', 12);
    expect(r.target).toBe(12);
    expect(r.meetsTarget).toBe(true);
    expect(r.hardest).toEqual([]);
  });

  it('gives a grade per section, its subsections included', () => {
    const r = level('Intro text here.\n\n## Easy part\n\nThe cat sat on the mat.\n\n### Hard part\n\nCalcinosis is the development of hard calcium deposits.\n\n## Other\n\nYou should call your doctor today.\n');
    expect(r.sections.map((s) => [s.title, s.level, s.sentences])).toEqual([['Easy part', 2, 2], ['Hard part', 3, 1], ['Other', 2, 1]]);
    expect(r.sections[1].smog).toBe(14.6); // 1.043 × √(4 × 30/1) + 3.1291 = 14.55
  });

  it('only running text counts: headings and table cells are not sentences', () => {
    const r = level('## A heading with extraordinarily complicated vocabulary\n\n| Column | Another |\n|---|---|\n| responsibility | organization |\n\nThe cat sat on the mat.\n');
    expect(r.sentences).toBe(1);
    expect(r.words).toBe(6);
  });
});

describe('sentences and words', () => {
  it('a line break inside a paragraph does not end a sentence, and each sentence knows its line', () => {
    const o = outlineFrom('First line of a sentence\nthat goes on here. Second one.\nThird\none.\n');
    const [unit] = proseOf(o);
    expect(unit.sentences.map((s) => [s.text, s.line])).toEqual([
      ['First line of a sentence that goes on here.', 1],
      ['Second one.', 2],
      ['Third one.', 3],
    ]);
  });

  it('plain-text paragraphs keep their lines', () => {
    const o = outlineFrom('One para.\nTwo para. And more.\n', 'x.txt');
    expect(proseOf(o).flatMap((u) => u.sentences.map((s) => s.line))).toEqual([1, 2, 2]);
  });

  it('leaves pronunciation guides out of the counts', () => {
    expect(withoutPronunciation('Dystrophic (dis-TROH-fik) means hurt.')).toBe('Dystrophic means hurt.');
    expect(withoutPronunciation('Rheumatoid arthritis (ROO-muh-toyd ar-THRY-tis), a disease')).toBe('Rheumatoid arthritis, a disease');
    expect(withoutPronunciation('tumors (growths) and soft-tissue (well-known)')).toBe('tumors (growths) and soft-tissue (well-known)');
  });

  it('counts words by the Unicode rules and syllables with the syllable package', () => {
    expect(wordsOf("It's 2026 — don't panic.")).toEqual(["It's", '2026', "don't", 'panic']);
    const counts = countSentence({ text: 'Idiopathic calcinosis is rare.', line: 1, words: ['Idiopathic', 'calcinosis', 'is', 'rare'] });
    expect(counts).toMatchObject({ words: 4, syllables: 11, polysyllables: 2, longWords: ['Idiopathic', 'calcinosis'] });
  });
});
