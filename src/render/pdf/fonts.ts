/**
 * Fonts for the PDF: open-licensed TrueType faces installed from npm, parsed once per process
 * (font parsing is the largest per-document cost in a pdfkit renderer) and shared by every document.
 * Measuring uses the same fontkit objects that pdfkit embeds, so a line measured to fit is drawn to fit.
 *
 * The families form a fallback chain: text a family cannot draw is drawn by the next one that can
 * (Atkinson Hyperlegible Next for Latin, then Noto Sans for Vietnamese, Greek, Cyrillic …, then
 * Noto Sans Math for arrows and symbols).
 * To add a script, add a family to FAMILIES (see the README, "Fonts").
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';

export type FaceStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

export interface FontFace {
  /** Name the face is registered under in each PDF document. */
  key: string;
  /** The family's name, e.g. "Noto Sans". */
  family: string;
  style: FaceStyle;
  font: fontkit.Font;
  /** The TrueType file the face was read from (the HTML page embeds a subset of it). */
  file: string;
  /** Ascent and descent per point of font size (descent is negative). */
  ascent: number;
  descent: number;
}

export interface FontFamily {
  name: string;
  faces: { regular: FontFace; bold: FontFace; italic: FontFace; boldItalic: FontFace };
}

const require = createRequire(import.meta.url);

const parsedFiles = new Map<string, fontkit.Font>();

function loadFace(family: string, key: string, style: FaceStyle, file: string): FontFace {
  let font = parsedFiles.get(file);
  if (!font) {
    const parsed = fontkit.create(readFileSync(file));
    font = ('fonts' in parsed ? parsed.fonts[0] : parsed) as fontkit.Font;
    glyphsKeepTheirCharacters(font);
    parsedFiles.set(file, font); // a one-style family's faces share one parse
  }
  return { key, family, style, font, file, ascent: font.ascent / font.unitsPerEm, descent: font.descent / font.unitsPerEm };
}

/** The parts of fontkit used below that its type definitions leave out. */
interface FontkitInternals {
  getGlyph(id: number, characters?: number[]): unknown;
  _cmapProcessor: { codePointsForGlyph(id: number): number[] };
}

/**
 * fontkit caches each glyph with the characters of its first use. A glyph first met as the output
 * of a substitution (GSUB) has none, and pdfkit writes a glyph's characters into the PDF's
 * ToUnicode map, what copy-paste and screen readers read: every later document sharing the parsed
 * font would lose that character from its text (a "." vanished from file names so). A glyph made
 * without characters takes those the font's cmap maps to it.
 */
function glyphsKeepTheirCharacters(font: fontkit.Font): void {
  const internals = font as unknown as FontkitInternals;
  const getGlyph = internals.getGlyph.bind(font);
  // The first character mapped to it: a glyph drawn for a space stands for one space, not for
  // every character (space, no-break space) that shares it.
  internals.getGlyph = (id, characters = []) => getGlyph(id, characters.length ? characters : internals._cmapProcessor.codePointsForGlyph(id).slice(0, 1));
}

/**
 * The families, in fallback order. `files` maps a style to a TrueType or OpenType file (pdfkit
 * embeds the glyphs used); `key` prefixes the face names registered in each PDF.
 */
const FAMILIES: { name: string; key: string; files: Record<FaceStyle, () => string> }[] = [
  {
    name: 'Atkinson Hyperlegible Next',
    key: 'AHN',
    files: expoGoogleFont('atkinson-hyperlegible-next', 'AtkinsonHyperlegibleNext'),
  },
  {
    name: 'Noto Sans',
    key: 'NotoSans',
    files: expoGoogleFont('noto-sans', 'NotoSans'),
  },
  {
    // Arrows, mathematical and technical symbols (the footnote back-reference ↩, ≥, ∑, ★ …): one
    // style only, which every style draws with.
    name: 'Noto Sans Math',
    key: 'NotoSansMath',
    files: oneStyle(() => require.resolve('@expo-google-fonts/noto-sans-math/400Regular/NotoSansMath_400Regular.ttf')),
  },
];

function oneStyle(file: () => string): Record<FaceStyle, () => string> {
  return { regular: file, bold: file, italic: file, boldItalic: file };
}

/** The files of a font installed from npm as @expo-google-fonts/<pkg> (TrueType, one per style). */
function expoGoogleFont(pkg: string, prefix: string): Record<FaceStyle, () => string> {
  const file = (dir: string) => () => require.resolve(`@expo-google-fonts/${pkg}/${dir}/${prefix}_${dir}.ttf`);
  return { regular: file('400Regular'), bold: file('700Bold'), italic: file('400Regular_Italic'), boldItalic: file('700Bold_Italic') };
}

/** The font files the renderer embeds (part of what every output depends on). */
export function fontFiles(): string[] {
  return [...new Set(FAMILIES.flatMap(({ files }) => Object.values(files).map((file) => file())))];
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

/** True when `face` has a glyph for every character of `text`. */
export function covers(face: FontFace, text: string): boolean {
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

/** The face for a CSS font-family list, weight and style; unknown families fall to the default. */
export function selectFace(familyList: string[], weight: number, italic: boolean): FontFace {
  const all = fontFamilies();
  const wanted = familyList.map((f) => f.toLowerCase());
  const family = all.find((f) => wanted.includes(f.name.toLowerCase())) ?? all[0];
  const bold = weight >= 600;
  const { faces } = family;
  return bold ? (italic ? faces.boldItalic : faces.bold) : italic ? faces.italic : faces.regular;
}

const widthCache = new Map<string, Map<string, number>>();

/** Advance width of `text` at 1 pt, with the font's kerning and ligatures as pdfkit will draw it. */
export function unitWidth(face: FontFace, text: string): number {
  let cache = widthCache.get(face.key);
  if (!cache) widthCache.set(face.key, (cache = new Map()));
  let w = cache.get(text);
  if (w === undefined) {
    w = face.font.layout(text).advanceWidth / face.font.unitsPerEm;
    if (cache.size > 50_000) cache.clear(); // bounded: memory stays flat across a large library
    cache.set(text, w);
  }
  return w;
}

export function hasGlyph(face: FontFace, char: string): boolean {
  const cp = char.codePointAt(0);
  return cp !== undefined && face.font.hasGlyphForCodePoint(cp);
}
