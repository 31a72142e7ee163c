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
  SVGtoPDF(doc, svg, x, y, {
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
  });
  doc.restore();
}
