/**
 * Fonts for the PDF: open-licensed TrueType faces installed from npm, parsed once per process
 * (font parsing is the largest per-document cost in a pdfkit renderer) and shared by every document.
 * pdfkit embeds the glyphs drawn from these fontkit objects; HarfBuzz shapes the text (shape.ts).
 *
 * The families form a fallback chain: text a family cannot draw is drawn by the next one that can
 * (Atkinson Hyperlegible Next for Latin, then Noto Sans for Vietnamese, Greek, Cyrillic …, then
 * Noto Sans Math for arrows and symbols).
 * To add a script, add a family to FAMILIES in fontFiles.ts (see the README, "Fonts").
 */
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { FAMILIES, type FaceStyle } from './fontFiles.js';

export type { FaceStyle } from './fontFiles.js';

export interface FontFace {
  /** Name the face is registered under in each PDF document. */
  key: string;
  /** The family's name, e.g. "Noto Sans". */
  family: string;
  style: FaceStyle;
  /** Parsed on first use (see loadFace). */
  readonly font: fontkit.Font;
  /** The TrueType file the face was read from (the HTML page embeds a subset of it). */
  file: string;
  /** Ascent and descent per point of font size (descent is negative). */
  readonly ascent: number;
  readonly descent: number;
}

export interface FontFamily {
  name: string;
  faces: { regular: FontFace; bold: FontFace; italic: FontFace; boldItalic: FontFace };
}

const parsedFiles = new Map<string, fontkit.Font>();
const fileBytes = new Map<string, Buffer>();

/** A font file's bytes, read once per process: fontkit parses them, HarfBuzz shapes with them (shape.ts). */
export function fontFileBytes(file: string): Buffer {
  let bytes = fileBytes.get(file);
  if (!bytes) fileBytes.set(file, (bytes = readFileSync(file)));
  return bytes;
}

/**
 * A face whose file is parsed when something first reads its glyphs or metrics: most pages never
 * need the fallback families (Noto Sans for other scripts, Noto Sans Math), and parsing their five
 * files, with the glyph offsets the subsets need, cost every process about 10 ms.
 */
function loadFace(family: string, key: string, style: FaceStyle, file: string): FontFace {
  let font: fontkit.Font | undefined;
  const parsed = (): fontkit.Font => (font ??= parseFile(file));
  return {
    key,
    family,
    style,
    file,
    get font() {
      return parsed();
    },
    get ascent() {
      return parsed().ascent / parsed().unitsPerEm;
    },
    get descent() {
      return parsed().descent / parsed().unitsPerEm;
    },
  };
}

function parseFile(file: string): fontkit.Font {
  let font = parsedFiles.get(file);
  if (!font) {
    const parsed = fontkit.create(fontFileBytes(file));
    font = ('fonts' in parsed ? parsed.fonts[0] : parsed) as fontkit.Font;
    keepSubsetGlyphs(font as unknown as SubsettableFont);
    parsedFiles.set(file, font); // a one-style family's faces share one parse
  }
  return font;
}

/** The parts of a fontkit TrueType font and of its subset (pdfkit embeds the subset) read below. */
interface SubsettableFont {
  loca?: { offsets: number[] };
  _variationProcessor?: unknown;
  getGlyph(gid: number): { advanceWidth: number; _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null; _getMetrics(): { leftBearing: number } };
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
  createSubset(): TrueTypeSubset;
}
interface TrueTypeSubset {
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  includeGlyph(gid: number): number;
  _addGlyph?(gid: number): number;
}

/**
 * Each document embeds a subset of every face it uses, made by fontkit, which decodes each
 * glyph's outline for every document only to copy its bytes. A glyph's bytes, components and
 * metrics are the same in every document: they are read once per process and kept. The subset
 * written is byte for byte the one fontkit writes.
 */
function keepSubsetGlyphs(font: SubsettableFont): void {
  if (!font.loca || font._variationProcessor) return; // CFF and variable fonts: as fontkit does it
  const offsets = font.loca.offsets;
  const glyphs = new Map<number, { bytes: Uint8Array; components?: { glyphID: number; pos: number }[]; advance: number; bearing: number }>();
  const read = (gid: number) => {
    let g = glyphs.get(gid);
    if (!g) {
      const glyph = font.getGlyph(gid);
      const outline = glyph._decode();
      const stream = font._getTableStream('glyf');
      stream.pos += offsets[gid];
      const bytes = stream.readBuffer(offsets[gid + 1] - offsets[gid]);
      const components = outline && outline.numberOfContours < 0 ? outline.components?.map((c) => ({ glyphID: c.glyphID, pos: c.pos })) : undefined;
      g = { bytes, components, advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing };
      glyphs.set(gid, g);
    }
    return g;
  };
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset();
    if (typeof subset._addGlyph !== 'function') return subset;
    subset._addGlyph = function (this: TrueTypeSubset, gid: number): number {
      const g = read(gid);
      let bytes = g.bytes;
      if (g.components) {
        // A compound glyph names its parts by glyph id: renumbered for this subset.
        bytes = new Uint8Array(bytes);
        const view = new DataView(bytes.buffer);
        for (const c of g.components) view.setUint16(c.pos, this.includeGlyph(c.glyphID));
      }
      this.glyf.push(bytes);
      this.loca.offsets.push(this.offset);
      this.hmtx.metrics.push({ advance: g.advance, bearing: g.bearing });
      this.offset += bytes.length;
      return this.glyf.length - 1;
    };
    return subset;
  };
}

let families: FontFamily[] | undefined;

/** The font families known to the renderer, first one the default. Loaded on first use. */
export function fontFamilies(): FontFamily[] {
  families ??= FAMILIES.map(({ name, key, files }) => ({
    name,
    faces: {
      regular: loadFace(name, `${key}-Regular`, 'regular', files.regular()),
      bold: loadFace(name, `${key}-Bold`, 'bold', files.bold()),
      italic: loadFace(name, `${key}-Italic`, 'italic', files.italic()),
      boldItalic: loadFace(name, `${key}-BoldItalic`, 'boldItalic', files.boldItalic()),
    },
  }));
  return families;
}

/** `face` first, then the same style of every other family, in fallback order. */
export function fallbackChain(face: FontFace): FontFace[] {
  return [face, ...fontFamilies().map((f) => f.faces[face.style]).filter((f) => f !== face)];
}

/** Which words each face can draw whole, per process: a handout's words recur, in it and across a library. */
const coverage = new Map<FontFace, Map<string, boolean>>();

/** True when `face` has a glyph for every character of `text`. */
export function covers(face: FontFace, text: string): boolean {
  let known = coverage.get(face);
  if (!known) coverage.set(face, (known = new Map()));
  let answer = known.get(text);
  if (answer === undefined) {
    answer = hasEveryGlyph(face, text);
    if (known.size >= 50_000) known.clear(); // bounded, as the shaped words are
    known.set(text, answer);
  }
  return answer;
}

function hasEveryGlyph(face: FontFace, text: string): boolean {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    // Joiners and variation selectors are drawn by no face: they only shape their neighbours.
    if (cp === 0x200d || cp === 0x200c || (cp >= 0xfe00 && cp <= 0xfe0f)) continue;
    if (!face.font.hasGlyphForCodePoint(cp)) return false;
  }
  return true;
}

export interface FaceSpan {
  text: string;
  face: FontFace;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Which face draws each part of `text`: a word stays in one face when any face in the chain has
 * all of it (a word drawn in two typefaces looks broken); otherwise each character takes the first
 * face that has it. `prefer` is tried first (a paragraph mostly in another script keeps one face).
 * Characters no face has are listed in `missing` and left to the first face.
 */
export function splitByFace(text: string, face: FontFace, prefer?: FontFace): { spans: FaceSpan[]; missing: string[] } {
  const chain = prefer && prefer !== face ? [prefer, ...fallbackChain(face).filter((f) => f !== prefer)] : fallbackChain(face);
  // Most text is drawn whole by the first face: one span, without cutting and joining it again.
  if (everyWordCovered(chain[0], text)) return { spans: text ? [{ text, face: chain[0] }] : [], missing: [] };
  const spans: FaceSpan[] = [];
  const missing: string[] = [];
  const add = (t: string, f: FontFace) => {
    const last = spans[spans.length - 1];
    if (last && last.face === f) last.text += t;
    else spans.push({ text: t, face: f });
  };
  for (const token of text.match(/\s+|[^\s]+/g) ?? []) {
    if (/^\s/.test(token)) {
      add(token, spans[spans.length - 1]?.face ?? chain[0]);
      continue;
    }
    const whole = chain.find((f) => covers(f, token));
    if (whole) {
      add(token, whole);
      continue;
    }
    for (const { segment } of graphemes.segment(token)) {
      const f = chain.find((c) => covers(c, segment));
      if (!f) missing.push(segment);
      add(segment, f ?? chain[0]);
    }
  }
  return { spans, missing };
}

/** Printable ASCII and white space: the text of most handouts, which every built-in face draws. */
const ASCII_TEXT = /^[\x21-\x7e\s]*$/;
const PRINTABLE_ASCII = Array.from({ length: 94 }, (_, i) => String.fromCharCode(0x21 + i)).join('');

/** True when `face` draws every word of `text` because the text is printable ASCII and the face has all of it. */
export function coversAsAscii(face: FontFace, text: string): boolean {
  return ASCII_TEXT.test(text) && covers(face, PRINTABLE_ASCII);
}

function everyWordCovered(face: FontFace, text: string): boolean {
  if (coversAsAscii(face, text)) return true;
  const words = /[^\s]+/g;
  for (let m = words.exec(text); m; m = words.exec(text)) if (!covers(face, m[0])) return false;
  return true;
}

/** The face for a CSS font-family list, weight and style; unknown families fall to the default. */
export function selectFace(familyList: string[], weight: number, italic: boolean): FontFace {
  const all = fontFamilies();
  const wanted = familyList.map((f) => f.toLowerCase());
  const family = all.find((f) => wanted.includes(f.name.toLowerCase())) ?? all[0];
  const bold = weight >= 600;
  const { faces } = family;
  return bold ? (italic ? faces.boldItalic : faces.bold) : italic ? faces.italic : faces.regular;
}

export function hasGlyph(face: FontFace, char: string): boolean {
  const cp = char.codePointAt(0);
  return cp !== undefined && face.font.hasGlyphForCodePoint(cp);
}
