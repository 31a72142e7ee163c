/**
 * Words are shaped by HarfBuzz (src/render/pdf/harfbuzz.ts). fontkit, which pdfkit embeds fonts
 * with, is the reference: for text a face can draw, both give the same glyphs, advances and
 * offsets, in every face the renderer uses; and whatever the text, the characters given to the
 * glyphs are the word's own, each once (invisible formatting characters none), so copying text out
 * of the PDF loses nothing and adds nothing.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fontFamilies, type FontFace } from '../../src/render/pdf/fonts.js';
import { shapedWidth, shapeWord, wordsOf } from '../../src/render/pdf/shape.js';
import { ROOT, SHARED } from '../helpers/build.js';
import { textFiles } from '../helpers/corpus.js';

const faces: FontFace[] = [...new Map(fontFamilies().flatMap((f) => Object.values(f.faces)).map((face) => [face.file, face])).values()];

/** fontkit's glyphs for a word, as shape.ts keeps them (no characters: fontkit's depend on which word met a glyph first). */
function fontkitShape(face: FontFace, word: string) {
  const run = face.font.layout(word);
  return run.glyphs.map((g, i) => ({ id: g.id, advanceWidth: g.advanceWidth, xAdvance: run.positions[i].xAdvance, xOffset: run.positions[i].xOffset, yOffset: run.positions[i].yOffset }));
}

function harfbuzzShape(face: FontFace, word: string) {
  return shapeWord(face, word).glyphs.map(({ codePoints: _, ...g }) => g);
}

const covers = (face: FontFace, word: string) => [...word].every((c) => /\s/.test(c) || face.font.hasGlyphForCodePoint(c.codePointAt(0)!));

describe('shaping', () => {
  const texts = [
    ...textFiles(path.join(ROOT, 'content'), /\.(md|txt)$/),
    ...textFiles(path.join(SHARED, 'corpus/plain'), /\.txt$/),
    ...textFiles(path.join(SHARED, 'corpus/markdown'), /\.md$/),
    ...textFiles(path.join(SHARED, 'seeds'), /\.txt$/),
  ];
  // Kerning pairs, ligatures, accents, other scripts, symbols, and the Spanish the bench has.
  const tricky = ['AVATAR ', 'To ', 'Wo ', 'office ', 'affluent ', 'fjord ', 'ﬁne ', 'naïve ', 'café ', 'niño ', '¿Qué? ', 'Tiếng ', 'Việt ', 'Ελληνικά ', 'Привет ', '→ ', '≥ ', '∑ ', '½ ', 'H₂O ', 'x² ', '38 °C ', '“quoted” ', '— ', '… ', '1,000 ', '(IgE) '];
  const words = [...new Set([...texts.flatMap((t) => wordsOf(t.replace(/\s+/g, ' '))), ...tricky])];

  it('has the text to compare', () => {
    expect(words.length).toBeGreaterThan(tricky.length);
  });

  it('gives fontkit’s glyphs, advances and offsets for every word a face can draw', () => {
    let compared = 0;
    for (const face of faces) {
      for (const word of words) {
        if (!covers(face, word)) continue;
        expect(harfbuzzShape(face, word), `${face.key} ${JSON.stringify(word)}`).toEqual(fontkitShape(face, word));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(words.length);
  });

  it('gives each character of a word to exactly one glyph, in order, whatever the text', () => {
    const anyCharacter = fc.integer({ min: 0x21, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => String.fromCodePoint(c));
    const anyText = fc.array(fc.oneof(anyCharacter, fc.constantFrom('f', 'i', 'l', 'e', '\u0301', '\u0323', '\u200d', '\u00ad', ' ', 'ọ', 'ﬁ')), { minLength: 1, maxLength: 12 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(anyText, fc.constantFrom(...faces), (word, face) => {
        const glyphs = shapeWord(face, word).glyphs;
        // Invisible formatting characters (soft hyphen, zero-width joiner …) stand for no text.
        const codePoints = [...word].filter((c) => !/^\p{Default_Ignorable_Code_Point}$/u.test(c)).map((c) => c.codePointAt(0));
        const given = glyphs.flatMap((g) => g.codePoints);
        // Right-to-left words come out in visual order, their clusters reversed.
        expect([...given].sort((a, b) => a - b)).toEqual([...codePoints].sort((a, b) => a! - b!));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('words as shaping takes them', () => {
  it('split a text after each space or tab, and a text measures as the sum of its words', () => {
    const face = fontFamilies()[0].faces.regular;
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', ' ', '\t', 'é', '-', '\n'), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const words = wordsOf(text);
        expect(words.join('')).toBe(text);
        words.forEach((w, i) => {
          expect(w.length).toBeGreaterThan(0);
          // A space or tab only at a word's end, and every word but the last ends with one.
          expect(/[ \t]/.test(w.slice(0, -1))).toBe(false);
          if (i < words.length - 1) expect(w).toMatch(/[ \t]$/);
        });
        expect(shapedWidth(face, text)).toBe(words.reduce((sum, w) => sum + shapeWord(face, w).width, 0));
      }),
      { numRuns: 300 },
    );
  });
});
