/**
 * The build: which sources, which outputs, in what order. Each document is built on its own:
 * one that fails is reported with its file and line, its earlier good outputs are kept, and the
 * others still build. The collection summary and the catalog page come last.
 */
import { accessSync, constants, mkdirSync } from 'node:fs';
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
import { removeStaleTemps, writeAtomic } from './writeAtomic.js';

/** Names the collection's own outputs use. */
const RESERVED_SLUGS = new Set(['index', 'summary']);

export interface BuildOptions {
  inputs: string[];
  outDir: string;
  /** Overrides each document's own paper size. */
  paper?: PaperSize;
  /** Overrides each document's own template (handout, study-guide). */
  template?: string;
  /** Template folders searched before the built-in templates. */
  templateDirs: string[];
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
  /** The at-a-glance sheet, when the handout has one. */
  summaryPdf?: string;
  summaryHtml?: string;
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
  checkOutputFolder(options.outDir);
  removeStaleTemps(options.outDir); // left by a build that was killed
  const documents: DocumentResult[] = [];
  const slugOwners = new Map<string, string>();

  for (const sourcePath of sources) {
    const result = await buildOne(sourcePath, templates, options, slugOwners);
    documents.push(result);
    listener.document?.(result);
  }

  const collection = await buildCollection(documents, templates, options);
  return {
    documents,
    collection,
    ms: performance.now() - started,
    ok: documents.every((d) => d.ok) && !collection.error,
  };
}

async function buildOne(sourcePath: string, templates: TemplateSet, options: BuildOptions, slugOwners: Map<string, string>): Promise<DocumentResult> {
  const t0 = performance.now();
  const warnings = new Warnings();
  const file = displayPath(sourcePath);
  try {
    const doc = await buildDocument(sourcePath, templates, { paper: options.paper, template: options.template }, warnings);
    const { outline } = doc;
    const owner = slugOwners.get(outline.slug);
    if (owner) {
      throw new HandoutError(`another source, ${owner}, already writes ${outline.slug}.pdf`, { file }, 'rename one of them or set `slug:` in its front matter');
    }
    if (RESERVED_SLUGS.has(outline.slug)) {
      throw new HandoutError(`the output name "${outline.slug}" is taken by the collection's own ${outline.slug}.html`, { file }, 'rename the file or set `slug:` in its front matter');
    }
    slugOwners.set(outline.slug, file);
    const outputs: [string, string | Buffer][] = [
      [path.join(options.outDir, `${outline.slug}.pdf`), doc.pdf],
      [path.join(options.outDir, `${outline.slug}.html`), doc.html],
    ];
    if (doc.summarySheet) {
      outputs.push([path.join(options.outDir, `${outline.slug}.summary.pdf`), doc.summarySheet.pdf]);
      outputs.push([path.join(options.outDir, `${outline.slug}.summary.html`), doc.summarySheet.html]);
    }
    for (const [f, data] of outputs) writeAtomic(f, data);
    const m = outline.meta;
    return {
      file,
      slug: outline.slug,
      ok: true,
      pages: doc.pages,
      ms: performance.now() - t0,
      outputs: outputs.map(([f]) => f),
      warnings: warnings.list,
      row: {
        title: outline.title, subtitle: m.subtitle, slug: outline.slug, audience: m.audience, lang: m.lang, version: m.version,
        reviewed: m.reviewed, pages: doc.pages, words: outline.words, pdf: `${outline.slug}.pdf`, html: `${outline.slug}.html`,
        summaryPdf: doc.summarySheet ? `${outline.slug}.summary.pdf` : undefined,
        summaryHtml: doc.summarySheet ? `${outline.slug}.summary.html` : undefined,
      },
    };
  } catch (e) {
    return { file, ok: false, ms: performance.now() - t0, outputs: [], error: asHandoutError(e, file), warnings: warnings.list };
  }
}

/** Fails the whole build early, with one clear message, when no output could be written. */
function checkOutputFolder(outDir: string): void {
  try {
    mkdirSync(outDir, { recursive: true });
    accessSync(outDir, constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new HandoutError(`cannot write to the output folder: ${code}`, { file: displayPath(outDir) }, 'choose another folder with --out');
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
  for (const w of templates.warnings) warnings.add(w.message, w);
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
