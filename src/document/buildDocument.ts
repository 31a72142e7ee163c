/**
 * One source through every stage: read → parse → outline → fill → render (HTML and PDF).
 * Nothing is written here; the caller writes outputs only when every stage succeeded.
 */
import path from 'node:path';
import { Warnings } from '../diagnostics.js';
import { displayPath, readSource, type Source } from '../read/readSource.js';
import { parseSource, widenRaggedTables, withoutUnclosedComments } from '../parse/parseSource.js';
import { admonitionsAsAlerts, withoutPandocAttributes, withoutTemplateTags } from '../parse/dialects.js';
import { exportedSourceRewritten } from '../parse/exportedSource.js';
import { exportedConstructs } from '../parse/exportedTree.js';
import { buildOutline } from '../outline/buildOutline.js';
import type { Outline } from '../outline/outline.js';
import { embedFonts } from '../fill/embedFonts.js';
import { gatherFootnotes } from '../fill/footnotes.js';
import { labelsFor } from '../fill/labels.js';
import { handoutContext } from '../fill/fillHandout.js';
import type { TemplateSet, Variant } from '../fill/templates.js';
import { joinStylesheets, stylesheetsFor } from '../fill/stylesheets.js';
import type { LinkStyle, PaperSize } from '../options/schema.js';
import { buildDate } from './reproducible.js';
import { withColumns } from '../outline/summary/summaryTable.js';
import { checkOutline, type CheckOptions, type HandoutCheck } from '../check/checkHandout.js';
import { glossaryFiles } from '../check/glossary.js';
import { loadPronunciations } from '../check/counting.js';
import { today } from '../check/reviewDates.js';
import { parseCheckSettingsIn } from '../check/checkSettings.js';
import { checkSourceText, checkTree } from './limits.js';
import { hashBytes } from '../hash.js';
import { readRegularFileIfAny } from '../read/regularFile.js';

export interface RenderedOutput {
  html: string;
  pdf: Buffer;
  pages: number;
}

export interface BuiltDocument extends RenderedOutput {
  source: Source;
  outline: Outline;
  /** Files read besides the source (glossaries, images), each with the hash of its bytes as read. */
  dependencies: Record<string, string>;
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
  /** Overrides the source's own `links:` and the settings file's. */
  links?: LinkStyle;
  /** Overrides the source's own `template:`. */
  template?: string;
  /** Also build this edition; the source's `variant:` asks for it too. */
  variant?: Variant;
  /** PDF/A for records (see renderPdf). */
  archive?: boolean;
  /** 'alt': a missing image is a warning and its alt text is printed, instead of an error. */
  missingImages?: 'error' | 'alt';
  /** 'keep': a remote image stays in the HTML for the browser to load, instead of its alt text. */
  remoteImages?: 'alt' | 'keep';
  /** The health-literacy check run on the document ("today", target grade, glossary file); today by the clock when not given. */
  check?: CheckOptions;
}

/** `bytes`: the source as the caller read (and hashed) it, so what is rendered is what was hashed. */
export function outlineOf(sourcePath: string, warnings: Warnings, bytes?: Uint8Array): { source: Source; outline: Outline } {
  // The text without unclosed comments is the source from here on: raw HTML's line numbers are read from it.
  // Admonitions and fenced divs are written as GitHub alerts, line for line, before parsing (dialects.ts);
  // so are Notion's callouts, Pandoc's tables and line blocks, and Obsidian's comments left out (exportedSource.ts).
  const source = admonitionsAsAlerts(exportedSourceRewritten(withoutUnclosedComments(readSource(sourcePath, warnings, bytes), warnings), warnings));
  checkSourceText(source);
  const tree = parseSource(source, warnings);
  if (source.format === 'markdown') {
    withoutTemplateTags(tree, source.text, source.file, warnings);
    // Before Pandoc's attributes go: a `[text]{.mark}` span is a highlight.
    exportedConstructs(tree, source.text, source.file, warnings, source.exported);
    withoutPandocAttributes(tree, source.text);
  }
  widenRaggedTables(tree, source.file, warnings);
  checkTree(tree, source.file);
  const outline = buildOutline(source, tree);
  return { source, outline };
}

export async function buildDocument(sourcePath: string, templates: TemplateSet, options: DocumentOptions, warnings: Warnings, bytes?: Uint8Array): Promise<BuiltDocument> {
  // Warnings from reading the source are the check's findings (as in `handout check`), not printed twice.
  const sourceWarnings = new Warnings();
  const read = outlineOf(sourcePath, sourceWarnings, bytes);
  const { source } = read;
  // Command-line options override front matter and the settings file.
  const overrides = Object.fromEntries(Object.entries({ paper: options.paper, template: options.template, links: options.links }).filter(([, v]) => v !== undefined));
  const outline = { ...read.outline, meta: { ...read.outline.meta, ...overrides } };
  const { meta } = outline;
  const base = options.check ?? { today: today() };
  // The settings file's and the front matter's `checks:` over the build's.
  const checkOptions = { ...base, checks: meta.checks ? parseCheckSettingsIn({ ...base.checks, ...meta.checks }, outline.file, source.text) : base.checks };
  // Hashed before the check reads them: an edit saved in between makes the next build render again.
  // (An explicit --glossary file is in the build's key instead: see build.ts.)
  const dependencies = new Map<string, string>();
  for (const f of glossaryFiles(sourcePath)) {
    const bytes = readRegularFileIfAny(f);
    dependencies.set(f, bytes ? hashBytes(bytes) : '');
  }
  await loadPronunciations();
  const check = checkOutline(outline, path.resolve(sourcePath), source.text, { ...checkOptions, sourceWarnings: sourceWarnings.list });
  // Content is turned into HTML once; each output only changes the template or stylesheet it is printed with.
  const context = handoutContext(
    outline, templates, path.resolve(sourcePath), warnings,
    { dependencies, missingImages: options.missingImages, remoteImages: options.remoteImages, sourceText: source.text },
    { wordsToKnow: check.wordsToKnow, nextReview: check.review.nextReview },
  );
  const render = async (template: string, title: string, extra: object = {}, variant?: Variant): Promise<RenderedOutput> => {
    const [base, ...layers] = stylesheetsFor(templates, meta, variant);
    const html = gatherFootnotes(
      templates.render(template, { ...context, ...extra, variant, stylesheet: joinStylesheets([base, ...layers]) }),
      labelsFor(meta.lang).notes,
    );
    // Loaded on first use: `handout check` and `handout outline` read documents without printing them.
    const { renderPdf } = await import('../render/pdf/renderPdf.js');
    const { pdf, pages } = await renderPdf(html, {
      paper: meta.paper ?? 'letter',
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
      documentText: source.text,
      stylesheet: base,
      layers,
      warnings,
    });
    // The PDF is laid out from the HTML as the template made it; the web page also gets the fonts.
    return { html: await embedFonts(html), pdf, pages };
  };
  const template = templateFor(outline, templates, warnings);
  const handout = await render(template, outline.title);
  let summarySheet: RenderedOutput | undefined;
  if (outline.atAGlance) {
    // The sheet is one page: when the whole table runs over, its last columns go (never the key
    // fact), then its type gets smaller; a table that still runs over is printed whole, and said.
    const table = outline.atAGlance;
    const counts = [...table.columns.keys()].map((n) => n + 1).reverse();
    const tries = [false, true].flatMap((compact) => counts.map((n) => ({ atAGlance: withColumns(table, n), compact })));
    for (const t of tries) {
      summarySheet = await render('summary-sheet', table.title, t);
      if (summarySheet.pages === 1) break;
    }
    if (summarySheet && summarySheet.pages > 1) {
      warnings.add(`the at-a-glance sheet needs ${summarySheet.pages} pages for ${table.rows.length} parts (fewer parts, or shorter opening sentences, fit one page)`, { file: outline.file });
    }
  }
  const editions: BuiltDocument['editions'] = [];
  const variant = options.variant ?? meta.variant;
  if (variant) {
    const { pdf, pages } = await render(template, outline.title, {}, variant);
    editions.push({ variant, pdf, pages });
  }
  return { source, outline, ...handout, summarySheet, editions, check, dependencies: Object.fromEntries([...dependencies].sort(([a], [b]) => (a < b ? -1 : 1))) };
}

/** Page templates that lay out a handout; the others (summary, index, summary-sheet) are for other outputs. */
const NOT_FOR_HANDOUTS = new Set(['summary', 'index', 'summary-sheet', 'packet-contents']);

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
