/**
 * Shaped text: a run of text in one face → its glyphs, with advances and offsets in font units.
 * Each word (a stretch up to and including the space after it) is shaped once per process and face
 * and kept: measuring a line and drawing it read the same glyphs, and the thousandth handout that
 * uses "medicine" pays nothing for it. Words are shaped on their own, with the font's kerning and
 * ligatures inside them, as pdfkit's own text layout does, by HarfBuzz (harfbuzz.ts).
 */
import { fontFileBytes, type FontFace } from './fonts.js';
import { HarfBuzzFont, type HarfBuzzGlyph } from './harfbuzz.js';

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
/** One HarfBuzz font per file: the styles of a one-style family share it. */
const shapers = new Map<string, HarfBuzzFont>();

/** One word's glyphs (see wordsOf), shaped once per process and face. */
export function shapeWord(face: FontFace, word: string): ShapedWord {
  let words = cache.get(face);
  if (!words) cache.set(face, (words = new Map()));
  let shaped = words.get(word);
  if (!shaped) {
    let shaper = shapers.get(face.file);
    if (!shaper) shapers.set(face.file, (shaper = new HarfBuzzFont(fontFileBytes(face.file))));
    const glyphs = withCharacters(word, shaper.shape(word), (c) => face.font.glyphForCodePoint(c)?.id);
    shaped = { glyphs, width: glyphs.reduce((sum, g) => sum + g.xAdvance, 0) / face.font.unitsPerEm };
    if (words.size >= MAX_WORDS_PER_FACE) words.clear();
    words.set(word, shaped);
  }
  return shaped;
}

/**
 * Each glyph with the characters it draws: those of its cluster (a ligature's two or three, a
 * letter and the accent composed with it), given to the cluster's first glyph; a cluster drawn
 * with several glyphs (a letter and a separate accent) leaves the others none, so copied text
 * holds each character once. But a glyph after the first that draws the cluster's last character
 * on its own (the font's glyph for it, or an accent taking no room) takes that character, and so
 * on backwards: the PDF maps a glyph to one text for the whole document, so a letter given the text
 * of a letter and 150 accents copied as that everywhere (and made a map entry too long to read).
 * Invisible formatting characters (a soft hyphen, a zero-width space or joiner, a direction mark)
 * are no one's text: HarfBuzz draws them as the space glyph with no width, which is left out, and
 * the PDF would otherwise map a glyph to them for good (every later space in the document copied
 * as a soft hyphen).
 */
function withCharacters(word: string, glyphs: HarfBuzzGlyph[], nominal: (codePoint: number) => number | undefined): ShapedGlyph[] {
  const starts = [...new Set(glyphs.map((g) => g.cluster))].sort((a, b) => a - b);
  const endOf = new Map(starts.map((s, i) => [s, starts[i + 1] ?? word.length]));
  const out: ShapedGlyph[] = [];
  const text = new Array<number[]>(glyphs.length);
  glyphs.forEach((g, i) => {
    if (i > 0 && glyphs[i - 1].cluster === g.cluster) return; // set by its cluster's first glyph, if at all
    const codePoints = [...word.slice(g.cluster, endOf.get(g.cluster))].map((c) => c.codePointAt(0)!);
    let last = i;
    while (glyphs[last + 1]?.cluster === g.cluster) last++;
    for (let j = last; j > i && codePoints.length > 1 && drawsAlone(glyphs[j], codePoints[codePoints.length - 1], nominal); j--) text[j] = [codePoints.pop()!];
    text[i] = codePoints;
  });
  glyphs.forEach((g, i) => {
    const cluster = text[i] ?? [];
    const codePoints = cluster.filter((c) => !INVISIBLE.test(String.fromCodePoint(c)));
    if (cluster.length && !codePoints.length && g.xAdvance === 0 && !g.xOffset && !g.yOffset) return;
    out.push({ id: g.id, codePoints, advanceWidth: g.advanceWidth, xAdvance: g.xAdvance, xOffset: g.xOffset, yOffset: g.yOffset });
  });
  return out;
}

const INVISIBLE = /^\p{Default_Ignorable_Code_Point}$/u;
const MARK = /^\p{M}$/u;

/** A glyph that draws this character on its own: the font's glyph for it, or (a variant of) an accent, taking no room. */
function drawsAlone(glyph: HarfBuzzGlyph, codePoint: number, nominal: (codePoint: number) => number | undefined): boolean {
  return nominal(codePoint) === glyph.id || (glyph.xAdvance === 0 && MARK.test(String.fromCodePoint(codePoint)));
}

/** Where the word starting at `start` ends: after its space or tab, or at the end of the text. */
function wordEnd(text: string, start: number): number {
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09) return i + 1;
  }
  return text.length;
}

/** The words of `text`, each ending after its space or tab (the last may have none). */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (let start = 0, end = 0; start < text.length; start = end) words.push(text.slice(start, (end = wordEnd(text, start))));
  return words;
}

/** Advance width of `text` at 1 pt: the sum of its shaped words (no array made: it is measured very often). */
export function shapedWidth(face: FontFace, text: string): number {
  let width = 0;
  for (let start = 0, end = 0; start < text.length; start = end) {
    end = wordEnd(text, start);
    width += shapeWord(face, start === 0 && end === text.length ? text : text.slice(start, end)).width;
  }
  return width;
}
