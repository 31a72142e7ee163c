/**
 * Acronyms defined in the text ("small cell lung cancer (SCLC)") are searched from each
 * parenthesis back (src/outline/infer/names.ts); held here to the matches a search of the whole
 * text with the same expression finds, on random texts (long runs without parentheses, spaces
 * before the parenthesis, nested and unbalanced parentheses, characters outside the BMP) and on
 * the corpus.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acronymDefinitions, DEFINED_ACRONYM } from '../../src/outline/infer/names.js';
import { SHARED } from '../helpers/build.js';
import { textFiles } from '../helpers/corpus.js';

const wholeText = (text: string) => [...text.matchAll(new RegExp(DEFINED_ACRONYM.source, 'gu'))].map((m) => [m[1], m[2]]);

const pick = (chars: string) => fc.constantFrom(...chars);
const piece = fc.oneof(
  { weight: 8, arbitrary: pick('abcdefgh') },
  { weight: 4, arbitrary: pick('ABCDEFGH') },
  { weight: 3, arbitrary: pick(' \n\t') },
  { weight: 2, arbitrary: pick('()') },
  { weight: 1, arbitrary: pick('-,.19É\u{1F600}\u00a0') },
  { weight: 1, arbitrary: fc.constantFrom(' (AB)', ' (ABC DE)', '(SMA-LED)', '  \n (AB)', ' (A)', ' (ab)', ' (ABCDEFGHIJKLMN)') },
  { weight: 1, arbitrary: fc.string({ minLength: 150, maxLength: 260, unit: pick('abc \u{1F600}') }) },
);

describe('acronyms defined in the text', () => {
  it('random texts: the same definitions as a search of the whole text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }).map((p) => p.join('')), (text) => {
        expect(acronymDefinitions(text)).toEqual(wholeText(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('the corpus: the same definitions as a search of the whole text', (ctx) => {
    const dirs = ['corpus/plain', 'corpus/markdown', 'seeds'].map((d) => path.join(SHARED, d)).filter((d) => existsSync(d));
    if (!dirs.length) return ctx.skip('../shared is not here: the corpus is read from it');
    const texts = dirs.flatMap((d) => textFiles(d, /\.(txt|md)$/));
    let found = 0;
    for (const text of texts) {
      const ours = acronymDefinitions(text);
      expect(ours).toEqual(wholeText(text));
      found += ours.length;
    }
    expect(found).toBeGreaterThan(10);
  });
});
