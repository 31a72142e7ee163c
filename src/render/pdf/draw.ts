/**
 * Draw: paginated slices → PDF pages with pdfkit. The only part of the renderer that touches
 * pdfkit, organised like pdfkit's own mixins: frames (backgrounds, borders), text, images,
 * navigation (bookmarks, destinations, links).
 */
import type PDFDocumentType from 'pdfkit';
import type { Page, PlacedSlice } from './paginate.js';
import type { DrawItem, Frame } from './slices.js';

type Doc = InstanceType<typeof PDFDocumentType>;
type PdfOutline = ReturnType<Doc['outline']['addItem']>;

export interface PageGeometry {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export class PageDrawer {
  private outlineStack: { level: number; item: PdfOutline }[] = [];
  private destinations = new Set<string>();

  constructor(
    private doc: Doc,
    private geometry: PageGeometry,
  ) {}

  /** Draws one page of flow content; `furniture` draws what repeats on each page (the footer). */
  page(page: Page, furniture: () => void): void {
    const { doc, geometry } = this;
    doc.addPage({ size: [geometry.width, geometry.height], margin: 0 });
    this.placed(page.slices, geometry.margin.top);
    furniture();
  }

  /** Slices placed from `top` down: their frames, then their content. */
  placed(slices: PlacedSlice[], top: number): void {
    this.frames(slices, top);
    for (const placed of slices) {
      for (const item of placed.slice.items) this.item(item, top + placed.y, placed.repeated === true);
    }
  }

  /** Each framed box's part on this page: background first, then its borders on top. */
  private frames(slices: PlacedSlice[], top: number): void {
    const extents = new Map<Frame, { top: number; bottom: number }>();
    for (const { slice, y } of slices) {
      for (const f of slice.frames) {
        const e = extents.get(f);
        const t = top + y;
        const b = top + y + slice.height;
        if (e) e.bottom = Math.max(e.bottom, b);
        else extents.set(f, { top: t, bottom: b });
      }
    }
    const onPage = new Set(slices.map((s) => s.slice));
    for (const [f, e] of extents) {
      if (f.background) this.doc.rect(f.x, e.top, f.width, e.bottom - e.top).fill(f.background);
    }
    for (const [f, e] of extents) {
      const [bt, br, bb, bl] = f.border;
      // A box continued from the previous page has no top border here; one continuing has no bottom.
      if (bt.width && f.first && onPage.has(f.first)) this.rect(f.x, e.top, f.width, bt.width, bt.color);
      if (bb.width && f.last && onPage.has(f.last)) this.rect(f.x, e.bottom - bb.width, f.width, bb.width, bb.color);
      if (bl.width) this.rect(f.x, e.top, bl.width, e.bottom - e.top, bl.color);
      if (br.width) this.rect(f.x + f.width - br.width, e.top, br.width, e.bottom - e.top, br.color);
    }
  }

  private rect(x: number, y: number, w: number, h: number, color: string): void {
    this.doc.rect(x, y, w, h).fill(color);
  }

  private item(item: DrawItem, top: number, repeated: boolean): void {
    const { doc } = this;
    switch (item.kind) {
      case 'text': {
        const { fragment: f } = item;
        const run = f.run;
        const x = item.x;
        const baseline = top + item.baseline;
        doc.font(run.face.key).fontSize(run.size).fillColor(run.color);
        doc.text(f.text, x, baseline, { lineBreak: false, baseline: 'alphabetic', wordSpacing: item.wordSpacing || undefined });
        if (run.underline) {
          const thickness = Math.max(0.5, run.size / 18);
          doc.rect(x, baseline + run.size * 0.12, f.width, thickness).fill(run.color);
        }
        if (run.link) this.link(run.link, x, top + item.lineTop, f.width, item.lineHeight);
        return;
      }
      case 'rect':
        doc.rect(item.x, top + item.y, item.width, item.height).fill(item.color);
        return;
      case 'line':
        doc.save().moveTo(item.x1, top + item.y1).lineTo(item.x2, top + item.y2).lineWidth(item.width).strokeColor(item.color).stroke().restore();
        return;
      case 'image':
        doc.image(item.data, item.x, top + item.y, { width: item.width, height: item.height });
        return;
      case 'heading':
        if (!repeated) this.heading(item.level, item.title, item.id, top + item.y);
        return;
    }
  }

  private heading(level: number, title: string, id: string | undefined, y: number): void {
    const { doc } = this;
    if (id && !this.destinations.has(id)) {
      this.destinations.add(id);
      doc.addNamedDestination(id, 'XYZ', this.geometry.margin.left, y, null);
    }
    if (!level || !title) return;
    while (this.outlineStack.length && this.outlineStack[this.outlineStack.length - 1].level >= level) this.outlineStack.pop();
    const parent = this.outlineStack.length ? this.outlineStack[this.outlineStack.length - 1].item : doc.outline;
    const item = parent.addItem(title, { expanded: true });
    this.outlineStack.push({ level, item });
  }

  private link(target: string, x: number, y: number, w: number, h: number): void {
    if (target.startsWith('#')) this.doc.goTo(x, y, w, h, decodeURIComponent(target.slice(1)));
    else this.doc.link(x, y, w, h, target);
  }
}
