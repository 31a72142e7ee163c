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
import type { TemplateSet, Variant } from '../fill/templates.js';
import { renderPdf } from '../render/pdf/renderPdf.js';
import type { PaperSize } from '../read/frontMatter.js';
import { buildDate } from './reproducible.js';
import { shortened } from '../outline/atAGlance.js';
import { checkOutline, type CheckOptions, type HandoutCheck } from '../check/checkHandout.js';
import { glossaryFiles } from '../check/glossary.js';
import { loadPronunciations } from '../check/counting.js';
import { today } from '../check/reviewDates.js';
import { checkSourceText, checkTree } from './limits.js';

export interface RenderedOutput {
  html: string;
  pdf: Buffer;
  pages: number;
}

export interface BuiltDocument extends RenderedOutput {
  source: Source;
  outline: Outline;
  /** Files read besides the source (images). */
  dependencies: string[];
  /** The at-a-glance table as a sheet of its own, when the handout has parallel parts. */
  summarySheet?: RenderedOutput;
  /** Other editions built from the same source (large print), each its own PDF. */
  editions: { variant: Variant; pdf: Buffer; pages: number }[];
  /** The health-literacy check; its glossary terms and next review date are printed in the handout. */
  check: HandoutCheck;
}

export interface DocumentOptions {
  /** Overrides the source's own paper size. */
  paper?: PaperSize;
  /** Overrides the source's own `template:`. */
  template?: string;
  /** Also build this edition; the source's `variant:` asks for it too. */
  variant?: Variant;
  /** PDF/A for records (see renderPdf). */
  archive?: boolean;
  /** 'alt': a missing image is a warning and its alt text is printed, instead of an error. */
  missingImages?: 'error' | 'alt';
  /** The health-literacy check run on the document ("today", target grade, glossary file); today by the clock when not given. */
  check?: CheckOptions;
}

export function outlineOf(sourcePath: string, warnings: Warnings): { source: Source; outline: Outline } {
  const source = readSource(sourcePath, warnings);
  checkSourceText(source);
  const tree = parseSource(source);
  checkTree(tree, source.file);
  const outline = buildOutline(source, tree);
  return { source, outline };
}

export async function buildDocument(sourcePath: string, templates: TemplateSet, options: DocumentOptions, warnings: Warnings): Promise<BuiltDocument> {
  // Warnings from reading the source are the check's findings (as in `handout check`), not printed twice.
  const sourceWarnings = new Warnings();
  const read = outlineOf(sourcePath, sourceWarnings);
  const { source } = read;
  const outline = options.template ? { ...read.outline, meta: { ...read.outline.meta, template: options.template } } : read.outline;
  const { meta } = outline;
  const checkOptions = options.check ?? { today: today() };
  const dependencies: string[] = [...glossaryFiles(sourcePath), ...(checkOptions.glossaryFile ? [path.resolve(checkOptions.glossaryFile)] : [])];
  await loadPronunciations();
  const check = checkOutline(outline, path.resolve(sourcePath), source.text, { ...checkOptions, sourceWarnings: sourceWarnings.list });
  // Content is turned into HTML once; each output only changes the template or stylesheet it is printed with.
  const context = handoutContext(
    outline, templates, path.resolve(sourcePath), warnings,
    { dependencies, missingImages: options.missingImages, sourceText: source.text },
    { wordsToKnow: check.wordsToKnow, nextReview: check.review.nextReview },
  );
  const render = async (template: string, title: string, extra: object = {}, variant?: Variant): Promise<RenderedOutput> => {
    const sheet = variant ? templates.variantStylesheet(variant) : undefined;
    const html = templates.render(template, { ...context, ...extra, ...(sheet ? { variant, stylesheet: `${context.stylesheet}\n${sheet.css}` } : {}) });
    const { pdf, pages } = await renderPdf(html, {
      paper: options.paper ?? meta.paper ?? 'letter',
      info: {
        title,
        author: meta.author ?? meta.organisation,
        subject: meta.description ?? meta.subtitle,
        keywords: meta.keywords,
        lang: meta.lang,
        date: buildDate(meta.reviewed),
      },
      archive: options.archive,
      templateFile: displayPath(templates.fileOf(template)),
      documentFile: displayPath(sourcePath),
      stylesheet: templates.stylesheet,
      variantStylesheet: sheet,
      warnings,
    });
    return { html, pdf, pages };
  };
  const template = templateFor(outline, templates, warnings);
  const handout = await render(template, outline.title);
  let summarySheet: RenderedOutput | undefined;
  if (outline.atAGlance) {
    // The sheet is one page: when the full table runs over, each cell keeps its most telling sentence.
    summarySheet = await render('summary-sheet', outline.atAGlance.title, { atAGlance: outline.atAGlance });
    if (summarySheet.pages > 1) {
      summarySheet = await render('summary-sheet', outline.atAGlance.title, { atAGlance: shortened(outline.atAGlance, 1) });
    }
  }
  const editions: BuiltDocument['editions'] = [];
  const variant = options.variant ?? meta.variant;
  if (variant) {
    const { pdf, pages } = await render(template, outline.title, {}, variant);
    editions.push({ variant, pdf, pages });
  }
  return { source, outline, ...handout, summarySheet, editions, check, dependencies: [...new Set(dependencies)].sort() };
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
