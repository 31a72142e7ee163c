/**
 * The build: which sources, which outputs, what is stale, in what order, on how many workers.
 * Each document is built on its own: one that fails is reported with its file and line, its
 * earlier good outputs are kept, and the others still build. Unchanged documents are not rendered
 * again (see cache.ts). The collection summary and the catalog page come last.
 */
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { HandoutError, Warnings, type Warning } from '../diagnostics.js';
import { loadTemplates, type TemplateSet, type Variant } from '../fill/templates.js';
import type { LinkStyle, PaperSize } from '../options/schema.js';
import { settingsKey } from '../options/config.js';
import { displayPath, MAX_SOURCE_BYTES } from '../read/sourceFiles.js';
import { readRegularFileIfAny } from '../read/regularFile.js';
import { fontFiles } from '../render/pdf/fontFiles.js';
import type { DocumentOptions } from '../document/buildDocument.js';
import { BuildCache, COLLECTION_OUTPUTS, hashBytes, toolHash, type CacheEntry, type CachedCheck } from './cache.js';
import { discoverSources, sourcesRoot } from './discover.js';
import { checkNotSourceFolder, lockOutputFolder, OutputFolder } from './outputFolder.js';
import { RenderPool } from './pool.js';
import { asHandoutError, errorData, renderDocument, toHandoutError, type DocumentRow, type RenderedDocument } from '../document/renderDocument.js';
import { removeStaleTemps } from './writeAtomic.js';
import type { CheckOptions } from '../check/checkHandout.js';
import { DEFAULT_TARGET_GRADE } from '../check/readability.js';
import { today } from '../check/reviewDates.js';
import { checkOnDay, datedCheck } from '../check/reviewOnDay.js';
import { parseCheckSettings, resolveCheckSettings } from '../check/checkSettings.js';

/** Names the collection's own outputs use. */
const RESERVED_SLUGS = new Set(['index', 'summary']);
/**
 * The summary's order: titles as people sort them ("Part 2" before "Part 10"), then slugs. One
 * collator each, made on first use (ICU's collator costs a few milliseconds to make, and
 * localeCompare with options made one for every comparison: 15 ms for 200 rows).
 */
let collators: { title: Intl.Collator; slug: Intl.Collator } | undefined;
function summaryOrder(a: { title: string; slug: string }, b: { title: string; slug: string }): number {
  collators ??= { title: new Intl.Collator('en', { numeric: true }), slug: new Intl.Collator('en') };
  return collators.title.compare(a.title, b.title) || collators.slug.compare(a.slug, b.slug);
}

export interface BuildOptions {
  inputs: string[];
  outDir: string;
  /** Overrides each document's own paper size. */
  paper?: PaperSize;
  /** Overrides each document's own `links:` (how link addresses are printed). */
  links?: LinkStyle;
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
  /** Replace files in the output folder that the build did not write (by default it stops at them). */
  overwrite?: boolean;
  /** 'keep': remote images stay in the HTML (and the page's policy lets them load); by default they become their alt text. */
  remoteImages?: 'alt' | 'keep';
  /**
   * Threads to render on (1: this one; 2: this one and a worker), never more than the cores there
   * are; 'auto': workers only when they pay, on the cores that are free (see threadsFor).
   */
  jobs?: number | 'auto';
  /** Build only every `count`-th source from the `index`-th (1-based): one slice of a large library. */
  shard?: { index: number; count: number };
  /** Options of the health-literacy check run on every document; "today" from the injectable clock when not given. */
  check?: Partial<CheckOptions>;
  /** Check rules off, thresholds and severities (`checks:` in handout.config.yaml; see check/checkSettings.ts). */
  checks?: unknown;
}

export type { DocumentRow } from '../document/renderDocument.js';

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
  check?: CachedCheck;
}

export interface BuildReport {
  documents: DocumentResult[];
  /** Outputs of the whole collection (summary, index), and errors that stopped them. */
  collection: { outputs: string[]; error?: HandoutError; warnings: Warning[]; skipped: boolean };
  /** Outputs removed because their source was deleted. */
  removed: string[];
  /** Warnings about the build itself (a corrupt cache, an output changed by hand and left in place). */
  warnings: Warning[];
  /** Threads that rendered (1: this one; 2: this one and a worker). */
  workers: number;
  ms: number;
  ok: boolean;
}

/** What a build tells as it goes: each document as it is done (in source order), then the whole report. */
export interface BuildListener {
  document?(result: DocumentResult, done: number, total: number): void;
  done?(report: BuildReport): void;
}

/**
 * `jobs: 'auto'` starts workers only from this many documents to render. A worker first loads its
 * own code, fonts and templates and warms up its own compiled code, about half a second of a core,
 * while this thread renders at full speed from the start: below this, a build ends sooner without
 * it: on 2 cores, 0.82× at 50, 0.97× at 100, 1.06× at 200, about 1.4× at 1000 (measured with
 * `npm run bench`, "Workers against one thread"; README, Performance).
 */
const AUTO_MIN_DOCUMENTS = 200;

/**
 * Threads for a build with `stale` documents to render. 'auto': one per core that is free, when
 * there are enough documents; on a machine whose cores are already busy (a load average near the
 * core count) more threads cannot run side by side and only add their start-up. A number is
 * taken as asked, capped at the cores and the documents. Outputs are byte-identical either way.
 */
export function threadsFor(jobs: BuildOptions['jobs'], stale: number): number {
  const cores = availableParallelism();
  if (jobs === 'auto') return stale < AUTO_MIN_DOCUMENTS ? 1 : Math.max(1, Math.min(cores, Math.round(cores - loadavg()[0] + 0.5)));
  // More threads than cores only adds memory and switching: `--jobs 8` on 2 cores runs 2.
  return Math.max(1, Math.min(jobs ?? 1, cores, stale));
}

export async function build(options: BuildOptions, listener: BuildListener = {}): Promise<BuildReport> {
  const outDir = path.resolve(options.outDir);
  // Sources skipped in folders (links leading out, broken or looping) are told among the build's warnings.
  const buildWarnings = new Warnings();
  const sources = shardOf(discoverSources(options.inputs, buildWarnings), options.shard);
  checkNotSourceFolder(outDir, options.inputs, sources);
  const templates = loadTemplates(options.templateDirs);
  ensureWritable(outDir);
  const lock = lockOutputFolder(outDir);
  let report: BuildReport;
  try {
    report = await buildLocked({ ...options, outDir }, sources, templates, listener, buildWarnings);
  } finally {
    lock.release();
  }
  listener.done?.(report);
  return report;
}

async function buildLocked(options: BuildOptions, sources: string[], templates: TemplateSet, listener: BuildListener, buildWarnings: Warnings): Promise<BuildReport> {
  const started = performance.now();
  const { outDir } = options;
  removeStaleTemps(outDir); // left by a build that was killed
  const cache = BuildCache.load(outDir, sourcesRoot(options.inputs), buildWarnings, options.shard);
  const folder = new OutputFolder(outDir, cache, options.overwrite);
  const checks = parseCheckSettings(options.checks ?? options.check?.checks);
  const checkOptions: CheckOptions = { ...options.check, checks, today: options.check?.today ?? today() };
  const { glossaryFile, ...perDocumentCheck } = checkOptions;
  const docOptions: DocumentOptions = {
    check: perDocumentCheck,
    paper: options.paper,
    links: options.links,
    template: options.template,
    variant: options.variant,
    archive: options.archive,
    missingImages: options.missingImages,
    remoteImages: options.remoteImages,
  };
  // The explicit glossary (--glossary, anywhere) is part of every document's key: hashed here, before any document reads it.
  const glossary = glossaryFile ? readRegularFileIfAny(path.resolve(glossaryFile)) : undefined;
  if (glossaryFile) docOptions.check = { ...perDocumentCheck, glossaryFile: path.resolve(glossaryFile) };
  const global = hashBytes(
    toolHash(fontFiles()),
    // A template is known by its name and contents, not where it lies: the key is the same from any working folder.
    ...templates.files.map((f) => `${path.basename(path.dirname(f)) === 'partials' ? 'partials/' : ''}${path.basename(f)}:${templates.hashes.get(f)}`),
    // What changes outputs, with defaults filled in, so `build` and `dev` share the cache. "Today" is
    // not among them: no document's outputs print what changes with the day (its footer prints the
    // next review's date, not its status). The day reaches a document's check, worked out again for
    // each kept document (checkOnDay), and the summary and catalog, made again when a status changed.
    JSON.stringify({
      paper: options.paper, template: options.template, variant: options.variant, archive: options.archive === true,
      missingImages: options.missingImages ?? 'error', remoteImages: options.remoteImages ?? 'alt',
      targetGrade: checkOptions.targetGrade ?? DEFAULT_TARGET_GRADE, checks,
    }),
    glossaryFile ? `glossary:${glossary ? hashBytes(glossary) : 'missing'}` : '',
    process.env.SOURCE_DATE_EPOCH ?? '',
  );

  // Decide what is stale before rendering anything, so workers start only when there is work. Each
  // source is read once: the bytes hashed are the bytes rendered. The sources of one folder share
  // their settings file: it is looked for once per folder, not once per source.
  const folderSettings = new Map<string, string>();
  const settingsKeyOf = (sourcePath: string) => {
    const folder = path.dirname(sourcePath);
    if (!folderSettings.has(folder)) folderSettings.set(folder, settingsKey(sourcePath));
    return folderSettings.get(folder)!;
  };
  const plan = sources.map((sourcePath) => {
    // A source too large to read is left to the render, which says so.
    const bytes = readRegularFileIfAny(sourcePath, MAX_SOURCE_BYTES);
    const key = bytes ? hashBytes(global, settingsKeyOf(sourcePath), bytes) : '';
    const fresh = !options.force && bytes ? cache.fresh(sourcePath, key, outDir) : undefined;
    return { sourcePath, bytes, key, fresh };
  });
  const stale = plan.filter((p) => !p.fresh).length;
  if (stale) beforeRendering();
  const jobs = threadsFor(options.jobs, stale);
  const renderHere = (sourcePath: string, bytes: Uint8Array | undefined, o: DocumentOptions) => renderDocument(sourcePath, templates, o, bytes);
  const pool = jobs > 1 ? new RenderPool(jobs - 1, options.templateDirs, renderHere) : undefined;

  const documents: DocumentResult[] = [];
  const slugOwners = new Map<string, string>();
  const outputs: Outputs = { claimed: new Set(), leftovers: [] };
  try {
    // Queue every stale document on the pool at once; results are taken in source order.
    const rendering = plan.map((p) => (!p.fresh && pool ? pool.render(p.sourcePath, p.bytes, docOptions) : undefined));
    for (let i = 0; i < plan.length; i++) {
      const { sourcePath, bytes, key, fresh } = plan[i];
      let result: DocumentResult;
      if (fresh) {
        const entry = onDay(fresh, checkOptions);
        if (entry !== fresh) cache.set(sourcePath, entry);
        result = skippedResult(sourcePath, entry, outDir);
        claimSlug(slugOwners, fresh.slug, result.file);
        for (const name of Object.keys(fresh.outputs)) outputs.claimed.add(name);
      } else {
        const rendered = await (rendering[i] ?? renderHere(sourcePath, bytes, docOptions)).catch((e: Error) => crashed(sourcePath, e));
        // Let go of it once written: a settled promise keeps its value, and a library's outputs would all stay in memory.
        rendering[i] = undefined;
        result = writeRendered(rendered, sourcePath, key, cache, folder, slugOwners, outputs);
      }
      documents.push(result);
      listener.document?.(result, i + 1, plan.length);
    }
  } finally {
    await pool?.close();
  }

  forgetReplacedSources(cache, new Set(sources), slugOwners, outputs);
  const removed = removeLeftovers(folder, outputs, buildWarnings);
  const collection = await buildCollection(cache, folder, templates, options, global);
  cache.save();
  return {
    documents,
    collection,
    removed,
    warnings: buildWarnings.list,
    workers: pool ? jobs : 1,
    ms: performance.now() - started,
    ok: documents.every((d) => d.ok && !(checkOptions.strict && d.check?.failsStrict)) && !collection.error,
  };
}

/** Output names the sources of this build write (kept), and outputs earlier builds wrote that may no longer be wanted. */
interface Outputs {
  claimed: Set<string>;
  leftovers: [name: string, hash: string][];
}

/** `--shard i/n`: every n-th source from the i-th (1-based), in a stable order. */
export function shardOf(sources: string[], shard?: { index: number; count: number }): string[] {
  if (!shard) return sources;
  return [...sources].sort().filter((_, i) => i % shard.count === shard.index - 1);
}

function ensureWritable(outDir: string): void {
  try {
    mkdirSync(outDir, { recursive: true });
    if (!statSync(outDir).isDirectory()) throw new Error('not a folder');
    accessSync(outDir, constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // What the system calls EEXIST or ENOTDIR here is a file where the folder, or one above it, should be.
    const file = fileInTheWay(outDir);
    const reason = file ? `${displayPath(file)} is a file, not a folder` : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? (e as Error).message);
    throw new HandoutError(`cannot write to the output folder: ${reason}`, { file: displayPath(outDir) }, 'choose another folder with --out');
  }
}

/** The output folder, or the nearest folder above it, when it exists as something other than a folder. */
function fileInTheWay(outDir: string): string | undefined {
  for (let at = path.resolve(outDir); ; at = path.dirname(at)) {
    try {
      return statSync(at).isDirectory() ? undefined : at;
    } catch {
      if (path.dirname(at) === at) return undefined;
    }
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

/** A kept document as of today: its check worked out for the day, and its row's review status with it. */
function onDay(entry: CacheEntry, options: CheckOptions): CacheEntry {
  if (!entry.check) return entry;
  const check = checkOnDay(entry.check, options.today, !!options.strict);
  const same = check.review.daysLeft === entry.check.review.daysLeft && JSON.stringify(check.findings) === JSON.stringify(entry.check.findings);
  return same ? entry : { ...entry, check, row: { ...entry.row, reviewStatus: check.review.status } };
}

function skippedResult(sourcePath: string, entry: CacheEntry, outDir: string): DocumentResult {
  return {
    file: displayPath(sourcePath),
    slug: entry.slug,
    ok: true,
    skipped: true,
    pages: entry.row.pages,
    ms: 0,
    outputs: Object.keys(entry.outputs).map((f) => path.join(outDir, f)),
    warnings: entry.warnings,
    row: entry.row,
    check: entry.check,
  };
}

function crashed(sourcePath: string, e: Error): RenderedDocument {
  const err = asHandoutError(e, displayPath(sourcePath));
  return { file: displayPath(sourcePath), ok: false, files: [], dependencies: {}, warnings: [], error: errorData(err), ms: 0 };
}

/** Writes a rendered document's outputs (each atomically) and records it in the cache. */
function writeRendered(rendered: RenderedDocument, sourcePath: string, key: string, cache: BuildCache, folder: OutputFolder, slugOwners: Map<string, string>, outputs: Outputs): DocumentResult {
  const { file } = rendered;
  const earlier = cache.entry(sourcePath);
  const failed = (error: HandoutError): DocumentResult => {
    // A document that fails keeps its earlier outputs, and they stay in the catalog.
    for (const name of Object.keys(earlier?.outputs ?? {})) outputs.claimed.add(name);
    return { file, ok: false, ms: rendered.ms, outputs: [], error, warnings: rendered.warnings };
  };
  if (!rendered.ok || !rendered.slug || !rendered.row) return failed(toHandoutError(rendered.error!));
  const written: Record<string, string> = {};
  try {
    claimSlug(slugOwners, rendered.slug, file);
    for (const f of rendered.files) folder.checkWritable(f.name); // all or none: no half-updated document
    for (const f of rendered.files) written[f.name] = folder.write(f.name, f.data);
  } catch (e) {
    return failed(asHandoutError(e, file));
  }
  for (const name of Object.keys(written)) outputs.claimed.add(name);
  // Outputs the document no longer makes (a renamed slug, a sheet it no longer has) go, unless another source makes them now.
  for (const [name, hash] of Object.entries(earlier?.outputs ?? {})) if (!(name in written)) outputs.leftovers.push([name, hash]);
  cache.set(sourcePath, {
    key,
    dependencies: rendered.dependencies,
    slug: rendered.slug,
    outputs: written,
    row: rendered.row,
    warnings: rendered.warnings,
    check: rendered.check && datedCheck(rendered.check),
  });
  const names = Object.keys(written);
  return {
    file, slug: rendered.slug, ok: true, pages: rendered.row.pages, ms: rendered.ms, outputs: names.map((n) => path.join(folder.dir, n)),
    warnings: rendered.warnings, row: rendered.row, check: rendered.check,
  };
}

/**
 * A source that no longer exists, or whose output name a source of this build now writes (`mv b.md
 * B.md`), leaves the cache; its outputs become leftovers, removed unless a current source writes them.
 */
function forgetReplacedSources(cache: BuildCache, current: Set<string>, slugOwners: Map<string, string>, outputs: Outputs): void {
  for (const source of cache.sources()) {
    if (current.has(source)) continue;
    const entry = cache.entry(source)!;
    if (existsSync(source) && !slugOwners.has(entry.slug)) continue;
    cache.delete(source);
    outputs.leftovers.push(...Object.entries(entry.outputs));
  }
}

/** Removes the outputs nobody writes any more, when the build wrote them and they are unchanged since. */
function removeLeftovers(folder: OutputFolder, outputs: Outputs, warnings: Warnings): string[] {
  const removed: string[] = [];
  for (const [name, hash] of outputs.leftovers) {
    if (outputs.claimed.has(name)) continue;
    outputs.claimed.add(name); // once
    const what = folder.remove(name, hash);
    if (what === 'removed') removed.push(path.join(folder.dir, name));
    if (what === 'changed') warnings.add('no source writes this output any more, but it was changed since handout wrote it: it is left in place', { file: displayPath(path.join(folder.dir, name)) });
  }
  return removed;
}

/**
 * Set by the command's loader (bin/handout.js): V8 settings for a process that renders, which a
 * build where nothing changed does without (see bin/loadBundle.js). The library run by other code
 * leaves the process's settings alone.
 */
export const BEFORE_RENDERING = Symbol.for('handout.beforeRendering');

function beforeRendering(): void {
  (globalThis as { [BEFORE_RENDERING]?: () => void })[BEFORE_RENDERING]?.();
}

/**
 * The summary table and the catalog list every handout whose outputs are in the folder (built now
 * or earlier); they are made again only when one of their rows changed.
 */
async function buildCollection(cache: BuildCache, folder: OutputFolder, templates: TemplateSet, options: BuildOptions, global: string): Promise<BuildReport['collection']> {
  const warnings = new Warnings();
  for (const w of templates.warnings) warnings.add(w.message, w);
  const unsorted = cache.sources().map((s) => cache.entry(s)!.row);
  // Known by its rows as a set, in an order that needs no collator (ICU's costs 10 ms to make, and a
  // build where nothing changed makes none); the order printed is the collator's, ICU's version
  // being part of the key.
  const key = hashBytes(global, process.versions.icu ?? '', ...unsorted.map((r) => JSON.stringify(r)).sort());
  if (!options.force && cache.collectionFresh(key, options.outDir)) return { outputs: COLLECTION_OUTPUTS.map((f) => path.join(options.outDir, f)), warnings: [], skipped: true };
  beforeRendering();
  const rows = unsorted.sort(summaryOrder);
  const lang = 'en';
  // The stages load only when something is made: a build where nothing changed never loads them.
  const [{ GENERATOR }, { labelsFor }, { joinStylesheets, stylesheetsFor }, { catalogContext, collectionRow }, { templateScriptHashes }, { buildDate }, { renderPdf }] = await Promise.all([
    import('../fill/fillHandout.js'), import('../fill/labels.js'), import('../fill/stylesheets.js'), import('../fill/catalog.js'), import('../fill/scriptHashes.js'),
    import('../document/reproducible.js'), import('../render/pdf/renderPdf.js'),
  ]);
  const latest = rows.map((r) => r.reviewed).filter((r): r is string => !!r).sort().pop();
  const [stylesheet, ...layers] = stylesheetsFor(templates, {});
  const base = { lang, generator: GENERATOR, stylesheet: joinStylesheets([stylesheet, ...layers]), meta: {} };
  const outputs: string[] = [];
  try {
    const summaryTitle = labelsFor(lang).summaryTitle;
    const summaryHtml = templates.render('summary', { ...base, title: summaryTitle, rows: rows.map(collectionRow) });
    const summary = await renderPdf(summaryHtml, {
      paper: options.paper ?? 'letter',
      info: { title: summaryTitle, lang, date: buildDate(latest) },
      archive: options.archive,
      templateFile: displayPath(templates.fileOf('summary')),
      stylesheet,
      layers,
      warnings,
    });
    // The catalog allows its own inline script by hash: render, hash the script, render with the hash.
    const dueSoonDays = resolveCheckSettings(parseCheckSettings(options.checks ?? options.check?.checks)).dueSoonDays;
    const catalog = { ...base, title: labelsFor(lang).handouts, ...catalogContext(rows, dueSoonDays) };
    const withoutRows = { ...base, title: catalog.title, ...catalogContext([], dueSoonDays) };
    const scriptHashes = templateScriptHashes(templates.render('index', { ...catalog, scriptHashes: [] }), templates.render('index', { ...withoutRows, scriptHashes: [] }));
    const indexHtml = templates.render('index', { ...catalog, scriptHashes });
    const contents: [(typeof COLLECTION_OUTPUTS)[number], string | Buffer][] = [
      ['summary.pdf', summary.pdf],
      ['summary.html', summaryHtml],
      ['index.html', indexHtml],
    ];
    for (const [f] of contents) folder.checkWritable(f);
    const written: Partial<Record<(typeof COLLECTION_OUTPUTS)[number], string>> = {};
    for (const [f, data] of contents) {
      written[f] = folder.write(f, data);
      outputs.push(path.join(options.outDir, f));
    }
    cache.setCollection(key, written);
    return { outputs, warnings: warnings.list, skipped: false };
  } catch (e) {
    return { outputs, error: asHandoutError(e, 'summary'), warnings: warnings.list, skipped: false };
  }
}
