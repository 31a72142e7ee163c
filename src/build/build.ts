/**
 * The build: which sources, which outputs, what is stale, in what order, on how many workers.
 * Each document is built on its own: one that fails is reported with its file and line, its
 * earlier good outputs are kept, and the others still build. Unchanged documents are not rendered
 * again (see cache.ts). The collection summary and the catalog page come last.
 */
import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { HandoutError, Warnings, type Warning } from '../diagnostics.js';
import { loadTemplates, type TemplateSet, type Variant } from '../fill/templates.js';
import { GENERATOR } from '../fill/fillHandout.js';
import { labelsFor } from '../fill/labels.js';
import type { PaperSize } from '../read/frontMatter.js';
import { displayPath } from '../read/readSource.js';
import { fontFiles } from '../render/pdf/fonts.js';
import { renderPdf } from '../render/pdf/renderPdf.js';
import type { DocumentOptions } from './buildDocument.js';
import { BuildCache, hashBytes, hashFile, toolHash, type CacheEntry } from './cache.js';
import { discoverSources } from './discover.js';
import { RenderPool } from './pool.js';
import { asHandoutError, errorData, renderDocument, toHandoutError, type DocumentRow, type RenderedDocument } from './renderDocument.js';
import { buildDate } from './reproducible.js';
import { removeStaleTemps, writeAtomic } from './writeAtomic.js';
import type { CheckOptions, HandoutCheck } from '../check/checkHandout.js';
import { today } from '../check/reviewDates.js';
import { parseCheckSettings, resolveCheckSettings } from '../check/checkSettings.js';
import { catalogContext, collectionRow } from '../fill/catalog.js';
import { inlineScriptHashes } from '../fill/scriptHashes.js';

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
  /** Also build this edition of every document (large print: `<slug>.large.pdf`). */
  variant?: Variant;
  /** Build archival PDF/A. */
  archive?: boolean;
  /** 'alt': a missing image is a warning and its alt text is printed, instead of an error. */
  missingImages?: 'error' | 'alt';
  /** Render everything, even what the cache says is unchanged. */
  force?: boolean;
  /** Worker threads to render on (1: in this thread). */
  jobs?: number;
  /** Build only every `count`-th source from the `index`-th (1-based): one slice of a large library. */
  shard?: { index: number; count: number };
  /** Options of the health-literacy check run on every document; "today" from the injectable clock when not given. */
  check?: Partial<CheckOptions>;
  /** Check rules off, thresholds and severities (`checks:` in handout.config.yaml; see check/checkSettings.ts). */
  checks?: unknown;
}

export type { DocumentRow } from './renderDocument.js';

export interface DocumentResult {
  file: string;
  slug?: string;
  ok: boolean;
  /** Unchanged since the last build: its outputs were kept as they are. */
  skipped?: boolean;
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
  collection: { outputs: string[]; error?: HandoutError; warnings: Warning[]; skipped: boolean };
  /** Outputs removed because their source was deleted. */
  removed: string[];
  /** Warnings about the build itself (a corrupt cache). */
  warnings: Warning[];
  ms: number;
  ok: boolean;
}

export interface BuildListener {
  document?(result: DocumentResult, done: number, total: number): void;
}

/** With fewer documents to render than this, starting worker threads costs more than it saves. */
const MIN_DOCUMENTS_FOR_WORKERS = 8;

export async function build(options: BuildOptions, listener: BuildListener = {}): Promise<BuildReport> {
  const started = performance.now();
  const buildWarnings = new Warnings();
  const sources = shardOf(discoverSources(options.inputs), options.shard);
  const templates = loadTemplates(options.templateDirs);
  ensureWritable(options.outDir);
  removeStaleTemps(options.outDir); // left by a build that was killed
  const cache = BuildCache.load(options.outDir, buildWarnings, options.shard);
  const checks = parseCheckSettings(options.checks ?? options.check?.checks);
  const checkOptions: CheckOptions = { ...options.check, checks, today: options.check?.today ?? today() };
  const docOptions: DocumentOptions = {
    check: checkOptions,
    paper: options.paper,
    template: options.template,
    variant: options.variant,
    archive: options.archive,
    missingImages: options.missingImages,
  };
  const global = hashBytes(
    toolHash(fontFiles()),
    ...templates.files.map((f) => `${path.relative(process.cwd(), f)}:${hashFile(f)}`),
    // The options include "today": a review date falls due on a day, not on an edit.
    JSON.stringify(docOptions),
    process.env.SOURCE_DATE_EPOCH ?? '',
  );

  // Decide what is stale before rendering anything, so workers start only when there is work.
  const plan = sources.map((sourcePath) => {
    const bytes = readBytes(sourcePath);
    const key = bytes ? hashBytes(global, bytes) : '';
    const fresh = !options.force && bytes ? cache.fresh(sourcePath, key, options.outDir) : undefined;
    return { sourcePath, key, fresh };
  });
  const stale = plan.filter((p) => !p.fresh).length;
  const jobs = Math.min(options.jobs ?? 1, stale);
  const pool = jobs > 1 && stale >= MIN_DOCUMENTS_FOR_WORKERS ? new RenderPool(jobs, options.templateDirs) : undefined;

  const documents: DocumentResult[] = [];
  const slugOwners = new Map<string, string>();
  try {
    // Queue every stale document on the pool at once; results are taken in source order.
    const rendering = plan.map((p) => (!p.fresh && pool ? pool.render(p.sourcePath, docOptions) : undefined));
    for (let i = 0; i < plan.length; i++) {
      const { sourcePath, key, fresh } = plan[i];
      let result: DocumentResult;
      if (fresh) {
        result = skippedResult(sourcePath, fresh, options.outDir);
        claimSlug(slugOwners, fresh.slug, result.file);
      } else {
        const rendered = await (rendering[i] ?? renderDocument(sourcePath, templates, docOptions)).catch((e: Error) => crashed(sourcePath, e));
        result = writeRendered(rendered, sourcePath, key, cache, options.outDir, slugOwners);
      }
      documents.push(result);
      listener.document?.(result, i + 1, plan.length);
    }
  } finally {
    await pool?.close();
  }

  const removed = removeDeletedSources(cache, options.outDir);
  const collection = await buildCollection(cache, templates, options, global);
  cache.save();
  return {
    documents,
    collection,
    removed,
    warnings: buildWarnings.list,
    ms: performance.now() - started,
    ok: documents.every((d) => d.ok && !(checkOptions.strict && d.check?.failsStrict)) && !collection.error,
  };
}

/** `--shard i/n`: every n-th source from the i-th (1-based), in a stable order. */
export function shardOf(sources: string[], shard?: { index: number; count: number }): string[] {
  if (!shard) return sources;
  return [...sources].sort().filter((_, i) => i % shard.count === shard.index - 1);
}

function readBytes(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function ensureWritable(outDir: string): void {
  try {
    mkdirSync(outDir, { recursive: true });
    if (!statSync(outDir).isDirectory()) throw new Error('not a folder');
    accessSync(outDir, constants.W_OK);
  } catch (e) {
    throw new HandoutError(`cannot write to the output folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { file: displayPath(outDir) }, 'choose another folder with --out');
  }
}

function claimSlug(owners: Map<string, string>, slug: string, file: string): void {
  const owner = owners.get(slug);
  if (owner && owner !== file) {
    throw new HandoutError(`another source, ${owner}, already writes ${slug}.pdf`, { file }, 'rename one of them or set `slug:` in its front matter');
  }
  if (RESERVED_SLUGS.has(slug)) {
    throw new HandoutError(`the output name "${slug}" is taken by the collection's own ${slug}.html`, { file }, 'rename the file or set `slug:` in its front matter');
  }
  owners.set(slug, file);
}

function skippedResult(sourcePath: string, entry: CacheEntry, outDir: string): DocumentResult {
  return {
    file: displayPath(sourcePath),
    slug: entry.slug,
    ok: true,
    skipped: true,
    pages: entry.row.pages,
    ms: 0,
    outputs: entry.files.map((f) => path.join(outDir, f)),
    warnings: entry.warnings,
    row: entry.row,
    check: entry.check,
  };
}

function crashed(sourcePath: string, e: Error): RenderedDocument {
  const err = asHandoutError(e, displayPath(sourcePath));
  return { file: displayPath(sourcePath), ok: false, files: [], dependencies: [], warnings: [], error: errorData(err), ms: 0 };
}

/** Writes a rendered document's outputs (each atomically) and records it in the cache. */
function writeRendered(rendered: RenderedDocument, sourcePath: string, key: string, cache: BuildCache, outDir: string, slugOwners: Map<string, string>): DocumentResult {
  const { file } = rendered;
  const failed = (error: HandoutError): DocumentResult => ({ file, ok: false, ms: rendered.ms, outputs: [], error, warnings: rendered.warnings });
  if (!rendered.ok || !rendered.slug || !rendered.row) return failed(toHandoutError(rendered.error!));
  try {
    claimSlug(slugOwners, rendered.slug, file);
    for (const f of rendered.files) writeAtomic(path.join(outDir, f.name), f.data);
  } catch (e) {
    return failed(asHandoutError(e, file));
  }
  // Outputs the document no longer makes (a renamed slug, a sheet it no longer has) go.
  const names = rendered.files.map((f) => f.name);
  for (const old of cache.entry(sourcePath)?.files ?? []) if (!names.includes(old)) rmSync(path.join(outDir, old), { force: true });
  cache.set(sourcePath, {
    key,
    dependencies: Object.fromEntries(rendered.dependencies.map((d) => [d, hashFile(d) ?? ''])),
    slug: rendered.slug,
    files: names,
    row: rendered.row,
    warnings: rendered.warnings,
    check: rendered.check,
  });
  return {
    file, slug: rendered.slug, ok: true, pages: rendered.row.pages, ms: rendered.ms, outputs: names.map((n) => path.join(outDir, n)),
    warnings: rendered.warnings, row: rendered.row, check: rendered.check,
  };
}

/** A source that no longer exists has its outputs removed. */
function removeDeletedSources(cache: BuildCache, outDir: string): string[] {
  const removed: string[] = [];
  for (const source of cache.sources()) {
    if (existsSync(source)) continue;
    for (const f of cache.entry(source)!.files) {
      rmSync(path.join(outDir, f), { force: true });
      removed.push(path.join(outDir, f));
    }
    cache.delete(source);
  }
  return removed;
}

/**
 * The summary table and the catalog list every handout whose outputs are in the folder (built now
 * or earlier); they are made again only when one of their rows changed.
 */
async function buildCollection(cache: BuildCache, templates: TemplateSet, options: BuildOptions, global: string): Promise<BuildReport['collection']> {
  const warnings = new Warnings();
  for (const w of templates.warnings) warnings.add(w.message, w);
  const rows = cache
    .sources()
    .map((s) => cache.entry(s)!.row)
    .sort((a, b) => a.title.localeCompare(b.title, 'en', { numeric: true }) || a.slug.localeCompare(b.slug, 'en'));
  const files = ['summary.pdf', 'summary.html', 'index.html'];
  const key = hashBytes(global, JSON.stringify(rows));
  if (!options.force && cache.collectionFresh(key, options.outDir)) return { outputs: files.map((f) => path.join(options.outDir, f)), warnings: [], skipped: true };
  const lang = 'en';
  const latest = rows.map((r) => r.reviewed).filter((r): r is string => !!r).sort().pop();
  const base = { lang, generator: GENERATOR, stylesheet: templates.stylesheet.css, meta: {} };
  const outputs: string[] = [];
  try {
    const summaryTitle = labelsFor(lang).summaryTitle;
    const summaryHtml = templates.render('summary', { ...base, title: summaryTitle, rows: rows.map(collectionRow) });
    const summary = await renderPdf(summaryHtml, {
      paper: options.paper ?? 'letter',
      info: { title: summaryTitle, lang, date: buildDate(latest) },
      archive: options.archive,
      templateFile: displayPath(templates.fileOf('summary')),
      stylesheet: templates.stylesheet,
      warnings,
    });
    // The catalog allows its own inline script by hash: render, hash the script, render with the hash.
    const catalog = { ...base, title: labelsFor(lang).handouts, ...catalogContext(rows, resolveCheckSettings(parseCheckSettings(options.checks ?? options.check?.checks)).dueSoonDays) };
    const indexHtml = templates.render('index', { ...catalog, scriptHashes: inlineScriptHashes(templates.render('index', { ...catalog, scriptHashes: [] })) });
    const contents: [string, string | Buffer][] = [
      ['summary.pdf', summary.pdf],
      ['summary.html', summaryHtml],
      ['index.html', indexHtml],
    ];
    for (const [f, data] of contents) {
      writeAtomic(path.join(options.outDir, f), data);
      outputs.push(path.join(options.outDir, f));
    }
    cache.setCollection(key, files);
    return { outputs, warnings: warnings.list, skipped: false };
  } catch (e) {
    return { outputs, error: asHandoutError(e, 'summary'), warnings: warnings.list, skipped: false };
  }
}
