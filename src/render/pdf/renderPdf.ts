/**
 * Render a filled HTML document to PDF: resolve styles → build boxes → lay out → paginate → draw.
 * The same HTML the .html file holds is what is laid out: one template drives both formats.
 */
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
import type { Warnings } from '../../diagnostics.js';
import { buildBoxes, type Box, type InlineRun } from './boxes.js';
import { openDocument, PageDrawer, type PageGeometry } from './draw.js';
import { hyphenatorFor } from './hyphenate.js';
import { Layout } from './layout.js';
import { paginate } from './paginate.js';
import { resolveStyles } from './styles.js';
import type { PaperSize } from '../../read/frontMatter.js';

export const PAPER: Record<PaperSize, [number, number]> = { letter: [612, 792], a4: [595.28, 841.89] };
const DEFAULT_MARGIN = 54;

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
  stylesheet: { css: string; file: string };
  warnings: Warnings;
}

export interface RenderedPdf {
  pdf: Buffer;
  pages: number;
}

export async function renderPdf(html: string, options: RenderPdfOptions): Promise<RenderedPdf> {
  const tree = fromHtml(html);
  const styleElements = selectAll('style', tree);
  const css = styleElements.map((el) => hastToString(el)).join('\n');
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
  const styles = resolveStyles(tree, css, {
    file: sheetStart >= 0 ? options.stylesheet.file : options.templateFile,
    lineOffset: sheetStart >= 0 ? -(lineAt(sheetStart) - 1) : 0,
    then,
  }, options.warnings);
  const boxes = buildBoxes(tree, { styles, warnings: options.warnings, templateFile: options.templateFile, documentFile: options.documentFile });

  const [short, long] = PAPER[options.paper];
  const [width, height] = styles.page.landscape ? [long, short] : [short, long];
  const m = styles.page.margin ?? [DEFAULT_MARGIN, DEFAULT_MARGIN, DEFAULT_MARGIN, DEFAULT_MARGIN];
  const geometry: PageGeometry = { width, height, margin: { top: m[0], right: m[1], bottom: m[2], left: m[3] } };
  const contentWidth = width - m[1] - m[3];
  const contentHeight = height - m[0] - m[2];

  const footnotes = { boxes: boxes.footnotes, laidOut: new Set<string>(), x: m[3], width: contentWidth };
  const layout = new Layout({ pageHeight: contentHeight, orphans: 2, widows: 2, hyphenate: hyphenatorFor(options.info.lang), footnotes });
  layout.box(boxes.body, m[3], contentWidth, []);
  // A note nothing refers to is still printed, after the text: nothing is lost.
  for (const [id, note] of boxes.footnotes) if (!footnotes.laidOut.has(id)) layout.box(note, m[3], contentWidth, []);
  const pages = paginate(layout.slices, contentHeight);

  const { doc, done } = openDocument(geometry, options.info, { archive: options.archive === true });
  const drawer = new PageDrawer(doc, geometry);
  pages.forEach((page, index) => {
    drawer.page(page, () => {
      const footer = boxes.running.footer;
      if (!footer) return;
      // Lay the footer out for this page, with its page counters filled in.
      const sub = new Layout({ pageHeight: contentHeight, orphans: 1, widows: 1 });
      sub.box(withCounters(footer, index + 1, pages.length), m[3], contentWidth, []);
      let y = 0;
      const placed = sub.slices.map((slice, i) => {
        y += i === 0 ? 0 : slice.spaceBefore;
        const at = { slice, y };
        y += slice.height;
        return at;
      });
      drawer.placed(placed, height - m[2] + Math.min(18, m[2] / 3));
    });
  });
  doc.end();
  return { pdf: await done, pages: pages.length };
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
