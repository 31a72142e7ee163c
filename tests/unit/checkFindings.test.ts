/** Each kind of finding on input made for it: plain language, terms, accessibility, PEMAT-P. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityFindings } from '../../src/check/accessibility.js';
import { checkOutline } from '../../src/check/checkHandout.js';
import { glossaryFor, looksMedical, readGlossaryFile, termsUsed, undefinedTerms, type Glossary } from '../../src/check/glossary.js';
import { isPassive, plainLanguageFindings } from '../../src/check/plainLanguage.js';
import { proseOf, wordsOf } from '../../src/check/prose.js';
import { HandoutError } from '../../src/diagnostics.js';
import { outlineFrom } from '../helpers/check.js';
import { removeDir, tempDir } from '../helpers/build.js';
import { loadPronunciations } from '../../src/check/counting.js';

// English syllables come from the CMU dictionary, which a check loads before it counts.
beforeAll(loadPronunciations);

const sentence = (text: string, line = 1) => ({ text, line, words: wordsOf(text) });
const glossaryOf = (entries: Record<string, string>): Glossary => new Map(Object.entries(entries).map(([term, definition]) => [term.toLowerCase(), { term, definition }]));

describe('plain language', () => {
  it('flags a sentence over 20 words, not one of 20', () => {
    const twenty = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty.';
    const f = plainLanguageFindings('a.md', [sentence(twenty, 3), sentence('Also ' + twenty, 4)]).findings.filter((x) => x.rule === 'long-sentence');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ file: 'a.md', line: 4, severity: 'warning' });
    expect(f[0].message).toMatch(/^long sentence \(21 words\)/);
    expect(f[0].suggestion).toMatch(/20 words or fewer/);
  });

  it('finds the passive voice, irregular (retext-passive) and regular verbs', () => {
    expect(isPassive(sentence('The lumps were taken out.'))).toBe('taken');
    expect(isPassive(sentence('The lump is removed by the surgeon.'))).toBe('is removed');
    expect(isPassive(sentence('It was usually caused by surgery.'))).toBe('was caused');
    expect(isPassive(sentence('The surgeon removes the lump.'))).toBeUndefined();
    expect(isPassive(sentence('You may be tired after surgery.'))).toBeUndefined();
  });

  it('suggests simpler words (retext-simplify), with the line', () => {
    const { findings } = plainLanguageFindings('a.md', [sentence('You can utilize ice in order to reduce swelling.', 9)]);
    const simpler = findings.filter((f) => f.rule === 'simpler-word');
    expect(simpler.map((f) => [f.line, f.message, f.suggestion])).toEqual([
      [9, '"utilize" has a simpler alternative', 'use "use"'],
      [9, '"in order to" has a simpler alternative', 'use "to"'],
    ]);
  });
});

describe('terms', () => {
  it('recognises medical-looking words by ending or word list, not everyday words', () => {
    for (const w of ['ischemic', 'hemorrhagic', 'thrombocytopenia', 'insulin', 'arthritis', 'calcinosis', 'anemia', 'appendectomy', 'neuropathy', 'lupus', 'lesions', 'phosphate', 'scleroderma', 'iatrogenic', 'idiopathic', 'metastatic', 'dystrophic']) {
      expect(looksMedical(w), w).toBe(true);
    }
    for (const w of ['academic', 'pandemic', 'logical', 'technology', 'diagnosis', 'empathy', 'catastrophic', 'diploma', 'calcium', 'doctor', 'lumps', 'kidney']) {
      expect(looksMedical(w), w).toBe(false);
    }
  });

  it('reports each undefined term once, at its first use, and not when the glossary covers it', () => {
    const o = outlineFrom('# T\n\nLupus can cause arthritis.\n\nMore arthritis and lupus.\n\nRheumatoid arthritis hurts. Lesions form.\n');
    const none = undefinedTerms('a.md', proseOf(o), new Map());
    expect(none.map((f) => [f.line, f.message])).toEqual([
      [3, 'undefined term? "Lupus" looks medical and is not in the glossary'],
      [3, 'undefined term? "arthritis" looks medical and is not in the glossary'],
      [7, 'undefined term? "Rheumatoid" looks medical and is not in the glossary'],
      [7, 'undefined term? "Lesions" looks medical and is not in the glossary'],
    ]);
    const some = undefinedTerms('a.md', proseOf(o), glossaryOf({ lupus: 'x', 'rheumatoid arthritis': 'y', lesion: 'z' }));
    // "arthritis" alone (line 3) is not covered by "rheumatoid arthritis".
    expect(some.map((f) => f.message)).toEqual(['undefined term? "arthritis" looks medical and is not in the glossary']);
  });

  it('lists the glossary terms used, in order of first use, plurals included', () => {
    const o = outlineFrom('# T\n\nSome **lesions** form.\n\n## Lupus\n\nPhosphate too.\n');
    const used = termsUsed(proseOf(o), glossaryOf({ phosphate: 'a mineral', lupus: 'a disease', lesion: 'a spot', thyroid: 'a gland' }));
    expect(used.map((t) => [t.term, t.line])).toEqual([['lesion', 3], ['lupus', 5], ['phosphate', 7]]);
  });

  describe('glossary files', () => {
    let dir: string;
    beforeAll(() => {
      dir = tempDir();
      mkdirSync(path.join(dir, 'sub'));
      writeFileSync(path.join(dir, 'glossary.yml'), 'lupus: outer definition\nphosphate: a mineral\n');
      writeFileSync(path.join(dir, 'sub', 'glossary.yml'), '# nearer wins\nlupus: inner definition\n');
      writeFileSync(path.join(dir, 'bad.yml'), 'lupus: fine\nlesion:\n');
    });
    afterAll(() => removeDir(dir));

    it('merges the glossary.yml beside a source with front matter terms', () => {
      const g = glossaryFor(path.join(dir, 'sub', 'a.md'), { lang: 'en', keywords: [], glossary: { thyroid: 'a gland in your neck' } });
      expect(g.get('lupus')?.definition).toBe('inner definition');
      expect(g.get('thyroid')?.definition).toBe('a gland in your neck');
      // The parent folder's file is outside the working directory here, so only the nearest is read.
      expect(g.has('phosphate')).toBe(path.resolve(dir).startsWith(process.cwd() + path.sep));
    });

    it('an entry without a definition is an error with file and line', () => {
      try {
        readGlossaryFile(path.join(dir, 'bad.yml'));
        throw new Error('expected an error');
      } catch (e) {
        expect(e).toBeInstanceOf(HandoutError);
        expect((e as HandoutError).line).toBe(2);
        expect((e as HandoutError).format()).toMatch(/bad\.yml:2: error: glossary entry "lesion" needs a plain definition/);
      }
    });
  });
});

describe('accessibility', () => {
  const kinds = (md: string) => accessibilityFindings(outlineFrom(md)).map((f) => [f.rule, f.line]);

  it('images without alt text, in Markdown and raw HTML', () => {
    expect(kinds('# T\n\n![](a.png)\n\n![A heel](b.png)\n\n<img src="c.png">\n\n<img src="d.png" alt="">\n')).toEqual([['alt-text', 3], ['alt-text', 7]]);
  });

  it('headings that skip a level, as printed', () => {
    expect(kinds('# T\n\n## A\n\n#### B\n\n## C\n\n### D\n')).toEqual([['heading-order', 5]]);
    const [f] = accessibilityFindings(outlineFrom('# T\n\n## A\n\n#### B\n'));
    expect(f.message).toBe('heading "B" skips from level 2 to level 4');
  });

  it('tables without a header row', () => {
    expect(kinds('# T\n\n| | |\n|---|---|\n| a | b |\n\n| H | I |\n|---|---|\n| a | b |\n\n<table><tr><td>x</td></tr></table>\n')).toEqual([['table-header', 3], ['table-header', 11]]);
  });

  it('link text that says nothing out of context', () => {
    expect(kinds('# T\n\nFor more, [click here](https://x.org).\n\nRead [our diet guide](https://x.org) or [here](https://y.org).\n')).toEqual([['link-text', 3], ['link-text', 5]]);
  });
});

describe('PEMAT-P', () => {
  const good = [
    '---', 'reviewed: 2026-01-01', 'review-every: 2y', '---', '# Heel lumps', '', 'You may find a hard lump on your heel.', '',
    '## Key points', '', '- Lumps are **common**.', '- Call us if one hurts.', '',
    '## What to do', '', 'Call your doctor if a lump gets red. You can use ice.', '',
    '| Sign | What to do |', '|---|---|', '| Red | Call |', '',
  ].join('\n');

  it('a plain, well-organised handout meets every item a program can judge', () => {
    const r = checkOutline(outlineFrom(good), '/nowhere/a.md', good, { today: '2026-06-01' });
    // Too short (under 150 words) for chunking to matter: not applicable, so not judged.
    expect(r.pemat.items.filter((i) => i.verdict !== 'agree').map((i) => [i.name, i.verdict])).toEqual([['Chunked into short sections', 'n/a']]);
    expect(r.pemat).toMatchObject({ agree: 8, judged: 8, percent: 100 });
    expect(r.pemat.forPerson.length).toBeGreaterThan(10);
    expect(r.pemat.forPerson).toContain('The material uses common, everyday language');
  });

  it('a wall of passive text without headings fails the items it should', () => {
    const text = Array.from({ length: 20 }, () => 'The lumps are removed by surgery and the tissue is treated by doctors in the clinic.').join(' ') + '\n';
    const r = checkOutline(outlineFrom(text, 'wall.txt'), '/nowhere/wall.txt', text, { today: '2026-06-01' });
    const verdict = Object.fromEntries(r.pemat.items.map((i) => [i.name, i.verdict]));
    expect(verdict).toMatchObject({
      'Informative headers': 'disagree',
      'Chunked into short sections': 'disagree',
      'Provides a summary': 'disagree',
      'Uses the active voice': 'disagree',
      'Addresses the reader directly ("you")': 'disagree',
      'Identifies at least one action': 'disagree',
      'Tables have clear row and column headings': 'n/a',
    });
    expect(r.pemat.judged).toBe(8);
  });

  it('a callout box (a GitHub alert) is a visual cue for key points, and named as the evidence', () => {
    const text = '# Heel lumps\n\nYou may find a hard lump on your heel.\n\n> [!TIP]\n> Rest your foot when it hurts.\n';
    const r = checkOutline(outlineFrom(text), '/nowhere/a.md', text, { today: '2026-06-01' });
    expect(r.pemat.items.find((i) => i.name === 'Visual cues for key points')).toMatchObject({ verdict: 'agree', why: '1 callout box' });
  });
});

describe('checkOutline', () => {
  it('a handout in a language without a formula is "not measured", never "meets target"', () => {
    const text = '---\nlang: fr\n---\nLa calcinose est la formation de dépôts de calcium extraordinairement compliqués.\n';
    const r = checkOutline(outlineFrom(text), '/nowhere/a.md', text, { today: '2026-06-01' });
    expect(r.readingLevel).toMatchObject({ measured: false, status: 'not measured', hardest: [] });
    expect(r.readingLevel.meetsTarget).toBeUndefined();
    expect(r.readingLevel.grade).toBeUndefined();
    expect(r.failsStrict).toBe(false);
    expect(r.findings.some((f) => f.rule === 'simpler-word' || (f.rule === 'passive-voice' && f.severity !== 'info'))).toBe(false);
    expect(r.findings.find((f) => f.rule === 'reading-grade')).toMatchObject({ severity: 'info', message: expect.stringMatching(/not measured.*"fr"/) });
    expect(r.pemat.items.find((i) => i.name === 'Uses the active voice')?.verdict).toBe('n/a');
  });

  it('a Spanish handout is graded with Fernández Huerta, and labelled so', () => {
    const text = '---\nlang: es\n---\nLa calcinosis es la formación de depósitos de calcio extraordinariamente complicados.\n';
    const r = checkOutline(outlineFrom(text), '/nowhere/a.md', text, { today: '2026-06-01' });
    // La(1) cal-ci-no-sis(4) es(1) la(1) for-ma-ción(3) de(1) de-pó-si-tos(4) de(1) cal-cio(2)
    // ex-tra-or-di-na-ria-men-te(8) com-pli-ca-dos(4): 11 words, 30 syllables, 1 sentence.
    // 206.84 − 60 × 30/11 − 1.02 × 11/1 = 206.84 − 163.64 − 11.22 = 31.98: "difícil" (30–50), the band of grade 14.
    expect(r.readingLevel).toMatchObject({ measured: true, formula: 'Fernández Huerta', words: 11, syllables: 30, fernandezHuerta: 32, grade: 14, status: 'over target' });
    expect(r.findings.find((f) => f.rule === 'reading-grade' && f.severity === 'warning')?.message).toMatch(/^reads at grade 14 \(Fernández Huerta 32\.0\)/);
  });

  it('front matter target-grade wins over the configured one', () => {
    const text = '---\ntarget-grade: 15\n---\nCalcinosis is the development of hard calcium deposits.\n';
    const r = checkOutline(outlineFrom(text), '/nowhere/a.md', text, { today: '2026-06-01', targetGrade: 6 });
    expect(r.readingLevel.target).toBe(15);
    expect(r.readingLevel.meetsTarget).toBe(true);
    const r2 = checkOutline(outlineFrom('Calcinosis is the development of hard calcium deposits.\n'), '/nowhere/a.md', '', { today: '2026-06-01', targetGrade: 6 });
    expect(r2.readingLevel.target).toBe(6);
    expect(r2.failsStrict).toBe(true);
    expect(r2.findings.find((f) => f.rule === 'reading-grade')?.message).toMatch(/^reads at grade 14\.6 \(Flesch-Kincaid 14\.1, SMOG 14\.6\); the target is 6/);
  });
});
