/**
 * The build: which sources, which outputs, in what order. Each document is built on its own:
 * one that fails is reported with its file and line, its earlier good outputs are kept, and the
 * others still build. The collection summary and the catalog page come last.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { HandoutError, Warnings, type Warning } from '../diagnostics.js';
import { loadTemplates, type TemplateSet } from '../fill/templates.js';
import { GENERATOR } from '../fill/fillHandout.js';
import { labelsFor } from '../fill/labels.js';
import type { PaperSize } from '../read/frontMatter.js';
import { displayPath } from '../read/readSource.js';
import { renderPdf } from '../render/pdf/renderPdf.js';
import { buildDocument } from './buildDocument.js';
import { discoverSources } from './discover.js';
import { buildDate } from './reproducible.js';
import { writeAtomic } from './writeAtomic.js';
import type { CheckOptions, HandoutCheck } from '../check/checkHandout.js';
import { today } from '../check/reviewDates.js';

export interface BuildOptions {
  inputs: string[];
  outDir: string;
  /** Overrides each document's own paper size. */
  paper?: PaperSize;
  /** Template folders searched before the built-in templates. */
  templateDirs: string[];
  /** Options of the health-literacy check run on every document; "today" from the injectable clock when not given. */
  check?: Partial<CheckOptions>;
}

export interface DocumentRow {
  title: string;
  subtitle?: string;
  slug: string;
  audience?: string;
  lang: string;
  version?: string;
  reviewed?: string;
  pages: number;
  words: number;
  pdf: string;
  html: string;
  /** Reading grade (the higher of Flesch-Kincaid and SMOG), each formula, and the target; no grade when not measured (not English). */
  grade?: number;
  fleschKincaid: number;
  smog: number;
  targetGrade: number;
  meetsTarget: boolean;
  nextReview?: string;
  reviewStatus: HandoutCheck['review']['status'];
}

export interface DocumentResult {
  file: string;
  slug?: string;
  ok: boolean;
  pages?: number;
  ms: number;
  outputs: string[];
  error?: HandoutError;
  warnings: Warning[];
  row?: DocumentRow;
  check?: HandoutCheck;
}

export interface BuildReport {
  documents: DocumentResult[];
  /** Outputs of the whole collection (summary, index), and errors that stopped them. */
  collection: { outputs: string[]; error?: HandoutError; warnings: Warning[] };
  ms: number;
  ok: boolean;
}

export interface BuildListener {
  document?(result: DocumentResult): void;
}

export async function build(options: BuildOptions, listener: BuildListener = {}): Promise<BuildReport> {
  const started = performance.now();
  const sources = discoverSources(options.inputs);
  const templates = loadTemplates(options.templateDirs);
  const documents: DocumentResult[] = [];
  const slugOwners = new Map<string, string>();
  const checkOptions: CheckOptions = { today: options.check?.today ?? today(), ...options.check };

  for (const sourcePath of sources) {
    const result = await buildOne(sourcePath, templates, options, slugOwners, checkOptions);
    documents.push(result);
    listener.document?.(result);
  }

  const collection = await buildCollection(documents, templates, options);
  return {
    documents,
    collection,
    ms: performance.now() - started,
    ok: documents.every((d) => d.ok && !(checkOptions.strict && d.check?.failsStrict)) && !collection.error,
  };
}

async function buildOne(sourcePath: string, templates: TemplateSet, options: BuildOptions, slugOwners: Map<string, string>, checkOptions: CheckOptions): Promise<DocumentResult> {
  const t0 = performance.now();
  const warnings = new Warnings();
  const file = displayPath(sourcePath);
  try {
    const doc = await buildDocument(sourcePath, templates, options.paper, warnings, checkOptions);
    const { outline } = doc;
    const owner = slugOwners.get(outline.slug);
    if (owner) {
      throw new HandoutError(`another source, ${owner}, already writes ${outline.slug}.pdf`, { file }, 'rename one of them or set `slug:` in its front matter');
    }
    slugOwners.set(outline.slug, file);
    const pdfPath = path.join(options.outDir, `${outline.slug}.pdf`);
    const htmlPath = path.join(options.outDir, `${outline.slug}.html`);
    writeAtomic(pdfPath, doc.pdf);
    writeAtomic(htmlPath, doc.html);
    const m = outline.meta;
    const level = doc.check.readingLevel;
    return {
      file,
      slug: outline.slug,
      ok: true,
      pages: doc.pages,
      ms: performance.now() - t0,
      outputs: [pdfPath, htmlPath],
      warnings: warnings.list,
      row: {
        title: outline.title, subtitle: m.subtitle, slug: outline.slug, audience: m.audience, lang: m.lang, version: m.version,
        reviewed: m.reviewed, pages: doc.pages, words: outline.words, pdf: `${outline.slug}.pdf`, html: `${outline.slug}.html`,
        grade: level.measured ? level.grade : undefined, fleschKincaid: level.fleschKincaid, smog: level.smog, targetGrade: level.target, meetsTarget: level.meetsTarget,
        nextReview: doc.check.review.nextReview, reviewStatus: doc.check.review.status,
      },
      check: doc.check,
    };
  } catch (e) {
    return { file, ok: false, ms: performance.now() - t0, outputs: [], error: asHandoutError(e, file), warnings: warnings.list };
  }
}

/** Anything that is not already a HandoutError is a bug of ours: say so, with the file, not a stack. */
export function asHandoutError(e: unknown, file: string): HandoutError {
  if (e instanceof HandoutError) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (process.env.HANDOUT_DEBUG && e instanceof Error) console.error(e.stack);
  return new HandoutError(`internal error: ${message}`, { file }, 'please report this; HANDOUT_DEBUG=1 shows details');
}

async function buildCollection(documents: DocumentResult[], templates: TemplateSet, options: BuildOptions): Promise<BuildReport['collection']> {
  const warnings = new Warnings();
  const rows = documents.flatMap((d) => (d.row ? [d.row] : [])).sort((a, b) => a.title.localeCompare(b.title, 'en'));
  const lang = 'en';
  const latest = rows.map((r) => r.reviewed).filter((r): r is string => !!r).sort().pop();
  const base = { lang, generator: GENERATOR, stylesheet: templates.stylesheet.css, meta: {} };
  const outputs: string[] = [];
  try {
    const summaryTitle = labelsFor(lang).summaryTitle;
    const summaryHtml = templates.render('summary', { ...base, title: summaryTitle, rows });
    const summary = await renderPdf(summaryHtml, {
      paper: options.paper ?? 'letter',
      info: { title: summaryTitle, lang, date: buildDate(latest) },
      templateFile: displayPath(templates.fileOf('summary')),
      stylesheet: templates.stylesheet,
      warnings,
    });
    const indexHtml = templates.render('index', { ...base, title: labelsFor(lang).handouts, documents: rows });
    const files: [string, string | Buffer][] = [
      [path.join(options.outDir, 'summary.pdf'), summary.pdf],
      [path.join(options.outDir, 'summary.html'), summaryHtml],
      [path.join(options.outDir, 'index.html'), indexHtml],
    ];
    for (const [f, data] of files) {
      writeAtomic(f, data);
      outputs.push(f);
    }
    return { outputs, warnings: warnings.list };
  } catch (e) {
    return { outputs, error: asHandoutError(e, 'summary'), warnings: warnings.list };
  }
}
