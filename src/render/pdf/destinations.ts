/**
 * Where bookmarks and internal links land. pdfkit's outline computes an item's destination as
 * `left = page width - option` and `top = page height - option`, so a bookmark made with its
 * defaults points at the page's top-right corner. We write every destination ourselves, as an
 * explicit [page /XYZ left top null] array: left at the page's left edge, top at the heading's top,
 * the reader's zoom kept (null).
 */
import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;
type Outline = Doc['outline'];

/** The parts of pdfkit used here that its type definitions leave out. */
interface PdfkitPage {
  page: { dictionary: unknown; height: number };
}
interface PdfkitOutlineItem {
  outlineData: Record<string, unknown>;
}

/** A destination on the current page at `y` points from its top (PDF space counts from the bottom). */
export function destinationAt(doc: Doc, y: number): unknown[] {
  const { page } = doc as unknown as PdfkitPage;
  return [page.dictionary, 'XYZ', 0, page.height - y, null];
}

/** A named destination (the target of `#id` links) at the left edge of the current page, `y` from its top. */
export function addNamedDestination(doc: Doc, name: string, y: number): void {
  // pdfkit converts y from the page's top itself here; left is written as given.
  doc.addNamedDestination(name, 'XYZ', 0, y, null);
}

/** A bookmark under `parent` that opens the current page at `y` from its top, left edge in view. */
export function addBookmark(doc: Doc, parent: Outline, title: string, y: number): Outline {
  const item = parent.addItem(title, { expanded: true });
  (item as unknown as PdfkitOutlineItem).outlineData.Dest = destinationAt(doc, y);
  return item;
}
