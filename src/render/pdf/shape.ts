/**
 * Shaped text: a run of text in one face → its glyphs, with advances and offsets in font units.
 * Each word (a stretch up to and including the space after it) is shaped once per process and face
 * and kept: measuring a line and drawing it read the same glyphs, and the thousandth handout that
 * uses "medicine" pays nothing for it. Words are shaped on their own, with the font's kerning and
 * ligatures inside them, as pdfkit's own text layout does.
 */
import type { FontFace } from './fonts.js';

export interface ShapedGlyph {
  id: number;
  /** The characters the glyph draws (several for a ligature), for the PDF's text extraction. */
  codePoints: number[];
  /** The glyph's own width and the pen's advance after it (they differ by kerning), in font units. */
  advanceWidth: number;
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}

export interface ShapedWord {
  glyphs: ShapedGlyph[];
  /** Advance of the whole word at 1 pt. */
  width: number;
}

/** Bounded per face, so memory stays flat across a library with a large vocabulary. */
const MAX_WORDS_PER_FACE = 50_000;
const cache = new Map<FontFace, Map<string, ShapedWord>>();

/** One word's glyphs (see wordsOf), shaped once per process and face. */
export function shapeWord(face: FontFace, word: string): ShapedWord {
  let words = cache.get(face);
  if (!words) cache.set(face, (words = new Map()));
  let shaped = words.get(word);
  if (!shaped) {
    const run = face.font.layout(word);
    const glyphs = run.glyphs.map((g, i): ShapedGlyph => {
      const p = run.positions[i];
      return { id: g.id, codePoints: g.codePoints, advanceWidth: g.advanceWidth, xAdvance: p.xAdvance, xOffset: p.xOffset, yOffset: p.yOffset };
    });
    shaped = { glyphs, width: run.advanceWidth / face.font.unitsPerEm };
    if (words.size >= MAX_WORDS_PER_FACE) words.clear();
    words.set(word, shaped);
  }
  return shaped;
}

/** The words of `text`, each ending after its space or tab (the last may have none). */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09) {
      words.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) words.push(text.slice(start));
  return words;
}

/** Advance width of `text` at 1 pt: the sum of its shaped words. */
export function shapedWidth(face: FontFace, text: string): number {
  let width = 0;
  for (const word of wordsOf(text)) width += shapeWord(face, word).width;
  return width;
}
