/**
 * SVG figures drawn as vectors (svg-to-pdfkit), their text as real text in the handout's own
 * embedded fonts: a font the SVG names is matched like a CSS font-family (unknown ones get the
 * default family), so nothing is drawn in a font the PDF does not embed. The figure is already
 * sanitised (src/fill/safeSvg.ts): it references nothing outside itself.
 */
import type PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { selectFace } from './fonts.js';

type Doc = InstanceType<typeof PDFDocument>;

export function drawSvg(doc: Doc, svg: string, x: number, y: number, width: number, height: number): void {
  doc.save();
  withGlyphsMapped(doc, () => SVGtoPDF(doc, svg, x, y, {
    width,
    height,
    preserveAspectRatio: 'xMidYMid meet',
    fontCallback: (family, bold, italic) => selectFace(String(family ?? '').split(',').map((f) => f.trim().replace(/^['"]|['"]$/g, '')), bold ? 700 : 400, italic).key,
    // Never reached for a sanitised figure; a link out would be a fetch.
    imageCallback: () => undefined,
    // No other documents (an empty list: svg-to-pdfkit reads `undefined` as one document and
    // crashes looking an unknown #id up in it); a reference to nothing draws nothing, as in a browser.
    documentCallback: () => [],
    warningCallback: () => {},
  }));
  doc.restore();
}

/** What of pdfkit's embedded font this needs: its fontkit font and the characters each glyph id maps to. */
interface EmbeddedFontLike {
  font?: { _cmapProcessor?: { codePointsForGlyph(gid: number): number[] } };
  /** The subset: `glyphs[id in the subset]` is the glyph's id in the font. */
  subset?: { glyphs: number[] };
  /** Characters by glyph id in the subset. */
  unicode?: number[][];
}

/**
 * svg-to-pdfkit writes its text through pdfkit, which maps each glyph to the characters fontkit's
 * glyph object was first made with. fontkit keeps one object per glyph for the life of the
 * process, and one made without characters (to subset an earlier document's font) maps to none:
 * "Some text" in a figure copied as "So e te t" when another handout of the build used those
 * letters first. A glyph the figure is first to map, to nothing, takes the character the font's
 * own map gives it. (The body's glyphs are mapped by draw.ts, which knows what each stands for.)
 */
function withGlyphsMapped(doc: Doc, draw: () => void): void {
  const fonts = () => Object.values((doc as unknown as { _fontFamilies?: Record<string, EmbeddedFontLike> })._fontFamilies ?? {});
  const mapped = new Map(fonts().map((f) => [f, new Set(Object.keys(f.unicode ?? []))]));
  draw();
  for (const f of new Set(fonts())) {
    const cmap = f.font?._cmapProcessor;
    const subset = f.subset?.glyphs;
    if (!f.unicode || !cmap || !subset) continue;
    const before = mapped.get(f);
    f.unicode.forEach((codePoints, gid) => {
      if (codePoints?.length || before?.has(String(gid)) || subset[gid] === undefined) return;
      const own = cmap.codePointsForGlyph(subset[gid]);
      if (own.length) f.unicode![gid] = [own[0]];
    });
  }
}
