/**
 * Fonts for the PDF: open-licensed TrueType faces installed from npm, parsed once per process
 * (font parsing is the largest per-document cost in a pdfkit renderer) and shared by every document.
 * Measuring uses the same fontkit objects that pdfkit embeds, so a line measured to fit is drawn to fit.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';

export interface FontFace {
  /** Name the face is registered under in each PDF document. */
  key: string;
  font: fontkit.Font;
  /** Ascent and descent per point of font size (descent is negative). */
  ascent: number;
  descent: number;
}

export interface FontFamily {
  name: string;
  faces: { regular: FontFace; bold: FontFace; italic: FontFace; boldItalic: FontFace };
}

const require = createRequire(import.meta.url);

function loadFace(key: string, file: string): FontFace {
  const parsed = fontkit.create(readFileSync(file));
  const font = ('fonts' in parsed ? parsed.fonts[0] : parsed) as fontkit.Font;
  return { key, font, ascent: font.ascent / font.unitsPerEm, descent: font.descent / font.unitsPerEm };
}

function atkinsonFile(dir: string): string {
  return require.resolve(`@expo-google-fonts/atkinson-hyperlegible-next/${dir}/AtkinsonHyperlegibleNext_${dir}.ttf`);
}

/** The font files the renderer embeds (part of what every output depends on). */
export function fontFiles(): string[] {
  return ['400Regular', '700Bold', '400Regular_Italic', '700Bold_Italic'].map(atkinsonFile);
}

let families: FontFamily[] | undefined;

/** The font families known to the renderer, first one the default. Loaded on first use. */
export function fontFamilies(): FontFamily[] {
  families ??= [
    {
      name: 'Atkinson Hyperlegible Next',
      faces: {
        regular: loadFace('AHN-Regular', atkinsonFile('400Regular')),
        bold: loadFace('AHN-Bold', atkinsonFile('700Bold')),
        italic: loadFace('AHN-Italic', atkinsonFile('400Regular_Italic')),
        boldItalic: loadFace('AHN-BoldItalic', atkinsonFile('700Bold_Italic')),
      },
    },
  ];
  return families;
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
