/**
 * The fast word finder for plain Latin text gives exactly Intl.Segmenter's word-like segments:
 * random strings over its whole alphabet (letters, digits, the joiners ":", ".", ",", ";", "'",
 * "’", "_", spaces, newlines and other punctuation), and over a wider one that must go to the segmenter.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wordSegmentsOf } from '../../src/outline/sentences.js';

function icuWords(text: string, lang: string) {
  return [...new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)].filter((s) => s.isWordLike).map((s) => ({ segment: s.segment, index: s.index }));
}

const pick = (chars: string) => fc.constantFrom(...chars);
// Weighted so that joiners often sit between letters and digits, where the rules are.
const latin = fc.oneof(
  { weight: 6, arbitrary: pick('abcxyzABCéÉñßÿÀøØ') },
  { weight: 3, arbitrary: pick('0123456789') },
  { weight: 3, arbitrary: pick(":.,;'’‘_") },
  { weight: 2, arbitrary: pick(' \n\t\r\u00a0') },
  { weight: 2, arbitrary: pick('-!?()"“”–—…/@#%&*+=<>[]{}|~`$^\\') },
);
const wider = fc.oneof(latin, pick('\u00ad\u0301\u00b7\u00aa\u00b5\u00d7\u03b1\u05d0\u0627\u4e2d\u3042\u0e01\u200d\u{1f600}\u2024\ufe52\u000b\u0085'));

describe('word segments', () => {
  it('plain Latin text: the same words, at the same offsets, as Intl.Segmenter', () => {
    fc.assert(
      fc.property(fc.array(latin, { maxLength: 60 }).map((cs) => cs.join('')), fc.constantFrom('en', 'es', 'fr', 'de', 'fi', 'sv'), (text, lang) => {
        expect(wordSegmentsOf(text, lang)).toEqual(icuWords(text, lang));
      }),
      { numRuns: 3000 },
    );
  });

  it('any other text: still the segmenter’s words', () => {
    fc.assert(
      fc.property(fc.array(wider, { maxLength: 40 }).map((cs) => cs.join('')), (text) => {
        expect(wordSegmentsOf(text, 'en')).toEqual(icuWords(text, 'en'));
      }),
      { numRuns: 1000 },
    );
  });

  it('reads handout prose as a reader would', () => {
    expect(wordSegmentsOf('Don’t take 1,000 mg (e.g. 2.5 tablets) at 10:30; call the clinic_line.', 'en').map((w) => w.segment))
      .toEqual(['Don’t', 'take', '1,000', 'mg', 'e.g', '2.5', 'tablets', 'at', '10', '30', 'call', 'the', 'clinic_line']);
  });
});
