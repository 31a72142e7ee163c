/**
 * One source through every stage: read → parse → outline → fill → render (HTML and PDF).
 * Nothing is written here; the caller writes outputs only when every stage succeeded.
 */
import path from 'node:path';
import { Warnings } from '../diagnostics.js';
import { displayPath, readSource, type Source } from '../read/readSource.js';
import { parseSource } from '../parse/parseSource.js';
import { buildOutline } from '../outline/buildOutline.js';
import type { Outline } from '../outline/outline.js';
import { handoutContext } from '../fill/fillHandout.js';
import type { TemplateSet } from '../fill/templates.js';
import { renderPdf } from '../render/pdf/renderPdf.js';
import type { PaperSize } from '../read/frontMatter.js';
import { buildDate } from './reproducible.js';
import { shortened } from '../outline/atAGlance.js';
import { checkSourceText, checkTree } from './limits.js';

export interface RenderedOutput {
  html: string;
  pdf: Buffer;
  pages: number;
}

export interface BuiltDocument extends RenderedOutput {
  source: Source;
  outline: Outline;
  /** The at-a-glance table as a sheet of its own, when the handout has parallel parts. */
  summarySheet?: RenderedOutput;
}

export function outlineOf(sourcePath: string, warnings: Warnings): { source: Source; outline: Outline } {
  const source = readSource(sourcePath, warnings);
  checkSourceText(source);
  const tree = parseSource(source);
  checkTree(tree, source.file);
  const outline = buildOutline(source, tree);
  return { source, outline };
}

export interface DocumentOptions {
  /** Overrides the document's own paper size. */
  paper?: PaperSize;
  /** Overrides the document's own `template:`. */
  template?: string;
}

export async function buildDocument(sourcePath: string, templates: TemplateSet, options: DocumentOptions, warnings: Warnings): Promise<BuiltDocument> {
  const { paper } = options;
  const read = outlineOf(sourcePath, warnings);
  const { source } = read;
  const outline = options.template ? { ...read.outline, meta: { ...read.outline.meta, template: options.template } } : read.outline;
  const context = handoutContext(outline, templates, path.resolve(sourcePath), warnings, source.text);
  const render = async (template: string, title: string, extra: object = {}): Promise<RenderedOutput> => {
    const html = templates.render(template, { ...context, ...extra });
    const { meta } = outline;
    const { pdf, pages } = await renderPdf(html, {
      paper: paper ?? meta.paper ?? 'letter',
      info: {
        title,
        author: meta.author ?? meta.organisation,
        subject: meta.description ?? meta.subtitle,
        keywords: meta.keywords,
        lang: meta.lang,
        date: buildDate(meta.reviewed),
      },
      templateFile: displayPath(templates.fileOf(template)),
      stylesheet: templates.stylesheet,
      warnings,
    });
    return { html, pdf, pages };
  };
  const handout = await render(templateFor(outline, templates, warnings), outline.title);
  let summarySheet: RenderedOutput | undefined;
  if (outline.atAGlance) {
    // The sheet is one page: when the full table runs over, each cell keeps its most telling sentence.
    summarySheet = await render('summary-sheet', outline.atAGlance.title);
    if (summarySheet.pages > 1) {
      summarySheet = await render('summary-sheet', outline.atAGlance.title, { atAGlance: shortened(outline.atAGlance, 1) });
    }
  }
  return { source, outline, ...handout, summarySheet };
}

/** Page templates that lay out a handout; the others (summary, index, summary-sheet) are for other outputs. */
const NOT_FOR_HANDOUTS = new Set(['summary', 'index', 'summary-sheet']);

/**
 * The template a handout asks for (`template: study-guide`), else the handout. Front matter written
 * for other systems often names their templates: that is a warning, not a failed build.
 */
export function templateFor(outline: Outline, templates: TemplateSet, warnings: Warnings): string {
  const wanted = outline.meta.template?.replace(/\.hbs$/, '');
  if (!wanted) return 'handout';
  if (templates.names.includes(wanted) && !NOT_FOR_HANDOUTS.has(wanted)) return wanted;
  const known = templates.names.filter((n) => !NOT_FOR_HANDOUTS.has(n)).join(', ');
  warnings.add(`template "${outline.meta.template}" does not exist; the handout template is used (there are: ${known})`, { file: outline.file });
  return 'handout';
}
