/**
 * Render a filled HTML document to PDF. The engine is a sequence of named steps, each a pure
 * function of the data the one before made; only the last touches pdfkit:
 *
 *   1. resolve styles   styles.ts (cascade), cssValues.ts (values)   HTML + CSS → a style per element
 *   2. boxes            boxes.ts                                     styled elements → a box tree
 *   3. shaped text      shape.ts                                     words → glyphs, once per process and face
 *   4. lines            lineBreak.ts                                 inline runs → lines that fit
 *   5. slices           layout.ts                                    boxes and lines → a flat list of measured slices
 *   6. pages            paginate.ts, placeFooters() below            slices → pages, each with its running footer
 *   7. draw             draw.ts                                      pages → PDF bytes (pdfkit)
 *
 * The same HTML the .html file holds is what is laid out: one template drives both formats.
 */
import { fromParse5 } from 'hast-util-from-parse5';
import { toString as hastToString } from 'hast-util-to-string';
import type { Element, Root } from 'hast';
import { visit } from '../../visitTree.js';
import type { Warnings } from '../../diagnostics.js';
import { buildBoxes, type Box, type InlineRun } from './boxes.js';
import { drawPdf, type PageGeometry } from './draw.js';
import { hyphenatorFor } from './hyphenate.js';
import { Layout } from './layout.js';
import { paginate, type Page, type PlacedSlice } from './paginate.js';
import { resolveStyles, type ResolvedStyles } from './styles.js';
import type { PaperSize } from '../../read/frontMatter.js';
import { largest } from '../../extremes.js';
import { parseHtml } from '../../parseHtml.js';

export const PAPER: Record<PaperSize, [number, number]> = { letter: [612, 792], a4: [595.28, 841.89] };
const DEFAULT_MARGIN = 54;
/** The edge of the sheet most printers cannot print on (about a sixth of an inch): the footer stays above it. */
const FOOTER_PRINTER_MARGIN = 12;
/** The footer is measured before the pages are counted, with the widest page numbers it will likely print. */
const LARGEST_PAGE_COUNT = 999;

export interface PdfInfo {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string[];
  lang: string;
  /** Creation date written into the PDF: from the source, never the clock (reproducible builds). */
  date: Date;
}

export interface RenderPdfOptions {
  paper: PaperSize;
  info: PdfInfo;
  /** The template and stylesheet the HTML came from, named in warnings. */
  templateFile: string;
  /** Stylesheets layered over `stylesheet`, in order (the project's, an edition's), named in their warnings. */
  layers?: { css: string; file: string }[];
  /** PDF/A-2a for records that must open in decades (see the README, "Archival PDF"). */
  archive?: boolean;
  /** The source document, named in warnings about its text (a character no font has). */
  documentFile?: string;
  /** Its text, so those warnings name the line. */
  documentText?: string;
  stylesheet: { css: string; file: string };
  warnings: Warnings;
}

export interface RenderedPdf {
  pdf: Buffer;
  pages: number;
}

export async function renderPdf(html: string, options: RenderPdfOptions): Promise<RenderedPdf> {
  const tree = fromParse5(parseHtml(html, { scripting: false })) as Root;
  const styles = styleStep(tree, options);
  const boxes = buildBoxes(tree, { styles, warnings: options.warnings, templateFile: options.templateFile, documentFile: options.documentFile, documentText: options.documentText });
  const geometry = pageGeometry(options.paper, styles);
  const { width, height, margin } = geometry;
  const contentWidth = width - margin.left - margin.right;
  const contentHeight = height - margin.top - margin.bottom;
  const footnotes = { boxes: boxes.footnotes, laidOut: new Set<string>(), deferred: new Set<string>(), x: margin.left, width: contentWidth };
  const warn = (message: string) => options.warnings.add(message, { file: options.documentFile ?? options.templateFile });
  // The running footer sits in the bottom margin; one too tall for it (a long title, an
  // organisation and a contact line) takes room from the text above rather than run off the page.
  const footerGap = Math.min(18, margin.bottom / 3);
  const footerRoom = margin.bottom - footerGap - FOOTER_PRINTER_MARGIN;
  const measured = placeFooters(boxes.running.footer, [[]], margin.left, contentWidth, contentHeight, LARGEST_PAGE_COUNT)[0];
  const overflow = footerHeight(measured) - footerRoom;
  const lift = Math.min(Math.max(0, overflow), contentHeight / 4);
  let footer = boxes.running.footer;
  if (overflow > lift) {
    warn('the running footer (the title, version, organisation, contact and review date) is too long for the foot of a page: its end is cut off (shorten the title or the contact line)');
    footer = footer && withTextCut(footer, 2 * charactersShown(measured, footerRoom + lift) + 100);
  }
  const pageHeight = contentHeight - lift;
  // A nested column keeps at least two fifths of the page's: about 30 characters on A4 or Letter.
  const layout = new Layout({ pageHeight, orphans: 2, widows: 2, hyphenate: hyphenatorFor(options.info.lang), footnotes, warn, minIndentedWidth: contentWidth * 0.4 });
  layout.box(boxes.body, margin.left, contentWidth, []);
  // A note nothing refers to is still printed, after the text: nothing is lost. Once: a note that
  // calls itself, or one that calls it back, is not set again at the foot.
  for (const [id, note] of boxes.footnotes) {
    if (footnotes.laidOut.has(id)) continue;
    footnotes.laidOut.add(id);
    layout.box(note, margin.left, contentWidth, []);
  }
  const pages = paginate(layout.slices, pageHeight);
  const footers = placeFooters(footer, pages, margin.left, contentWidth, pageHeight);
  const footerTop = height - margin.bottom + footerGap - lift;
  const pdf = await drawPdf(pages, footers, geometry, options.info, { archive: options.archive === true, footerTop });
  return { pdf, pages: pages.length };
}

/** Step 1: the document's <style> elements cascaded onto its elements; warnings name the stylesheet's own lines. */
function styleStep(tree: Root, options: RenderPdfOptions): ResolvedStyles {
  // The page's <style> elements in document order (a plain walk: hast-util-select's matching
  // machinery cost a tenth of a long table's rendering for this one type selector).
  const sheets: string[] = [];
  visit<Element>(tree, 'element', (el) => void (el.tagName === 'style' && sheets.push(hastToString(el))));
  const css = sheets.join('\n');
  const sheetStart = css.indexOf(options.stylesheet.css.trim());
  const lineAt = (index: number) => css.slice(0, index).split('\n').length;
  // Each layer is found after the one before it, so a warning names the right file and line.
  let from = Math.max(0, sheetStart);
  const then = (options.layers ?? []).flatMap((layer) => {
    const start = css.indexOf(layer.css.trim(), from);
    if (start < 0) return [];
    from = start + 1;
    return [{ file: layer.file, fromLine: lineAt(start) }];
  });
  return resolveStyles(tree, css, {
    file: sheetStart >= 0 ? options.stylesheet.file : options.templateFile,
    lineOffset: sheetStart >= 0 ? -(lineAt(sheetStart) - 1) : 0,
    then,
  }, options.warnings);
}

/** The paper, turned for a landscape template, with the stylesheet's @page margins. */
function pageGeometry(paper: PaperSize, styles: ResolvedStyles): PageGeometry {
  const [short, long] = PAPER[paper];
  const [width, height] = styles.page.landscape ? [long, short] : [short, long];
  const m = styles.page.margin ?? [DEFAULT_MARGIN, DEFAULT_MARGIN, DEFAULT_MARGIN, DEFAULT_MARGIN];
  return { width, height, margin: { top: m[0], right: m[1], bottom: m[2], left: m[3] } };
}

/**
 * Part of step 6: the running footer of each page, laid out with its page counters filled in
 * ("Page 2 of 5"). Pagination is finished first, so the page count is known for page one.
 */
function placeFooters(footer: Box | undefined, pages: unknown[], x: number, width: number, pageHeight: number, pageCount = pages.length): PlacedSlice[][] {
  return pages.map((_, index) => {
    if (!footer) return [];
    const sub = new Layout({ pageHeight, orphans: 1, widows: 1 });
    sub.box(withCounters(footer, pageCount === pages.length ? index + 1 : pageCount, pageCount), x, width, []);
    let y = 0;
    return sub.slices.map((slice, i) => {
      y += i === 0 ? 0 : slice.spaceBefore;
      const at = { slice, y };
      y += slice.height;
      return at;
    });
  });
}

/** The characters of a placed footer's lines that end within `room` of its top: what shows on the page. */
function charactersShown(placed: PlacedSlice[], room: number): number {
  let shown = 0;
  for (const { slice, y } of placed) {
    if (y + slice.height > room) continue;
    for (const item of slice.items) if (item.kind === 'text') shown += item.fragment.text.length;
  }
  return shown;
}

/**
 * A footer too tall for the foot of a page, each of its texts cut to `most` characters: what is
 * past its room is cut off on every page, so it is not laid out again for each (a title of
 * 100 000 characters made every page's footer a layout of all of them: minutes for one handout).
 * Page counters and short texts (the page number's "Page … of …") stay whole.
 */
function withTextCut(box: Box, most: number): Box {
  const cut = (runs: InlineRun[]) => {
    let left = most;
    return runs.map((r) => {
      if (r.counter) return r;
      let end = Math.max(0, left);
      left -= r.text.length;
      if (end >= r.text.length) return r;
      if (/[\uD800-\uDBFF]/.test(r.text[end - 1] ?? '')) end--; // not between the halves of a character
      return { ...r, text: r.text.slice(0, end) };
    });
  };
  switch (box.kind) {
    case 'text': return { ...box, runs: cut(box.runs) };
    case 'block': return { ...box, children: box.children.map((c) => withTextCut(c, most)) };
    case 'flex': return { ...box, children: box.children.map((c) => withTextCut(c, most) as typeof c) };
    default: return box;
  }
}

/** How far a placed footer reaches down from its top. */
function footerHeight(placed: PlacedSlice[]): number {
  return Math.max(0, largest(placed.map((p) => p.y + p.slice.height)));
}

function withCounters(box: Box, page: number, pages: number): Box {
  const fill = (runs: InlineRun[]) => runs.map((r) => (r.counter ? { ...r, text: String(r.counter === 'page' ? page : pages), counter: undefined } : r));
  switch (box.kind) {
    case 'text': return { ...box, runs: fill(box.runs) };
    case 'block': return { ...box, children: box.children.map((c) => withCounters(c, page, pages)) };
    case 'flex': return { ...box, children: box.children.map((c) => withCounters(c, page, pages) as typeof c) };
    default: return box;
  }
}
