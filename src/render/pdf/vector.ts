/**
 * Vector pictures in the PDF: an inline `<svg>` made of filled `<path>`s (the QR code a template
 * prints) is drawn as the same shapes, scaled to its box, never as a bitmap. Anything richer in
 * an SVG is not drawn; its label is printed instead.
 */
import type { Element } from 'hast';
import type { ComputedStyle } from './styles.js';
import { toColor } from './styles.js';

export interface VectorDrawing {
  /** The viewBox's width and height: the path coordinates' space. */
  viewBox: [number, number];
  paths: { d: string; fill: string }[];
}

/** An `<svg>` of paths → what to draw and its size in CSS pixels (its CSS width when set in points); undefined when it holds more. */
export function vectorOf(el: Element, style: ComputedStyle): { drawing: VectorDrawing; width: number; height: number; alt: string } | undefined {
  const box = String(el.properties?.viewBox ?? '').trim().split(/[\s,]+/).map(Number);
  if (box.length !== 4 || box.some((n) => !Number.isFinite(n)) || box[2] <= 0 || box[3] <= 0) return undefined;
  const shapes = el.children.filter((c): c is Element => c.type === 'element');
  if (!shapes.length || shapes.some((c) => c.tagName !== 'path' || typeof c.properties?.d !== 'string')) return undefined;
  const paths = shapes.map((p) => ({ d: String(p.properties.d), fill: toColor(String(p.properties.fill ?? '#000000')) ?? '#000000' }));
  const [vw, vh] = [box[2], box[3]];
  // CSS pixels are 0.75 pt: a width set in points is the intrinsic size, so layout keeps it in flex rows.
  const width = style.width && 'pt' in style.width ? style.width.pt / 0.75 : vw;
  return { drawing: { viewBox: [vw, vh], paths }, width, height: (width * vh) / vw, alt: String(el.properties?.ariaLabel ?? '') };
}

/** Draws the shapes into the rectangle at (x, y), `width` × `height` points. */
export function drawVector(doc: PDFKit.PDFDocument, drawing: VectorDrawing, x: number, y: number, width: number, height: number): void {
  doc.save();
  doc.translate(x, y).scale(width / drawing.viewBox[0], height / drawing.viewBox[1]);
  for (const p of drawing.paths) doc.path(p.d).fill(p.fill);
  doc.restore();
}
