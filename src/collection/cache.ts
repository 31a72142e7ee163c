/**
 * The build cache: for each source, a hash of everything its outputs were made from (the source,
 * the files it embeds, the templates and stylesheet, the fonts, the options, and the tool's own
 * code), and the outputs it wrote with their hashes. A source whose hash and outputs are unchanged
 * is not rendered again; an output is overwritten or removed only when the cache says the build
 * wrote it (see outputFolder.ts).
 *
 * The cache is data, not instructions: CI jobs copy it between machines, so it is read with a
 * schema, and anything unexpected (another shape, a path outside the sources' root, a link that is
 * not one of the document's own outputs) means a warning and a full rebuild. Paths in it are
 * relative to the sources' root, so a build from another working folder, or a merged shard, is the
 * same build; `build` and `dev` share it. The file records that root too (see BuildCache.load).
 */
import { lstatSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Warning, Warnings } from '../diagnostics.js';
import type { DatedCheck } from '../check/reviewOnDay.js';
import { RULES } from '../check/findings.js';
import { VARIANTS } from '../fill/templates.js';
import { hashBytes } from '../hash.js';
import { isInside } from '../read/projectRoot.js';
import { readRegularFileIfAny } from '../read/regularFile.js';
import { displayPath } from '../read/sourceFiles.js';
import type { DocumentRow } from '../document/renderDocument.js';
import { writeAtomic } from './writeAtomic.js';

export { hashBytes } from '../hash.js';

export const CACHE_FILE = '.handout-cache.json';
const SHARD_CACHE = /^\.handout-cache\.\d+-of-\d+\.json$/;
const FORMAT = 'handout-build-cache/3';
/**
 * Above a library of ten thousand handouts (2–25 KB each, with their findings); a bigger file is
 * not read at all.
 */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;

/**
 * What a skipped document reports of its check (its findings, whether `--strict` fails it), with
 * what working it out on another day needs: "today" is not in a document's key, because no output
 * of a document prints anything that changes with the day (see build.ts).
 */
export type CachedCheck = DatedCheck;

export interface CacheEntry {
  /** Hash of the source, its options and everything global (templates, fonts, tool). */
  key: string;
  /** Files the source embeds (absolute paths), with their hashes ('' for a file that was absent). */
  dependencies: Record<string, string>;
  slug: string;
  /** The outputs the document wrote (names in the output folder) and the hash of each. */
  outputs: Record<string, string>;
  row: DocumentRow;
  warnings: Warning[];
  check?: CachedCheck;
}

/** The outputs a document of this slug may have: nothing else is ever written, linked or removed for it. */
export function documentOutputNames(slug: string): string[] {
  return [`${slug}.pdf`, `${slug}.html`, `${slug}.summary.pdf`, `${slug}.summary.html`, ...Object.values(VARIANTS).map((v) => `${slug}${v.suffix}.pdf`)];
}
export const COLLECTION_OUTPUTS = ['summary.pdf', 'summary.html', 'index.html'] as const;

// ---- The schema of the file ------------------------------------------------------------------

const Hash = z.string().regex(/^[0-9a-f]{64}$/);
/** slugify's output: letters and digits in runs joined by single hyphens. */
const Slug = z.string().max(200).regex(/^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u);
/** A path below the sources' root: relative, '/'-separated, normalised, never leaving it. */
const RootPath = z.string().max(4096).refine(isConfinedPath, 'not a path inside the sources\u2019 root');
const Text = z.string().max(100_000);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => !Number.isNaN(Date.parse(d)), 'not a date');
const Count = z.number().int().min(0).max(1e9);
const Grade = z.number().min(-1000).max(1000);
const Severity = z.enum(['error', 'warning', 'info']);
const ReviewStatus = z.enum(['current', 'due soon', 'overdue', 'not scheduled']);

const RowSchema = z.strictObject({
  title: Text,
  subtitle: Text.optional(),
  slug: Slug,
  audience: Text.optional(),
  lang: z.string().max(100),
  version: Text.optional(),
  reviewed: IsoDate.optional(),
  pages: Count,
  words: Count,
  pdf: z.string(),
  html: z.string(),
  summaryPdf: z.string().optional(),
  summaryHtml: z.string().optional(),
  largePrint: z.string().optional(),
  grade: Grade.optional(),
  fleschKincaid: Grade.optional(),
  smog: Grade.optional(),
  fernandezHuerta: Grade.optional(),
  readingFormula: z.enum(['Flesch-Kincaid and SMOG', 'Fernández Huerta']).optional(),
  readingStatus: z.enum(['meets target', 'over target', 'not measured']),
  targetGrade: Grade,
  meetsTarget: z.boolean().optional(),
  nextReview: IsoDate.optional(),
  reviewStatus: ReviewStatus,
});

const Line = z.number().int().min(0).max(1e9);
const WarningSchema = z.strictObject({ file: Text, line: Line.optional(), column: Line.optional(), message: Text });
const FindingSchema = z.strictObject({
  rule: z.enum(RULES),
  severity: Severity,
  file: Text,
  line: Line.optional(),
  message: Text,
  suggestion: Text.optional(),
  subject: Text.optional(),
});

const EntrySchema = z
  .strictObject({
    key: Hash,
    dependencies: z.record(RootPath, z.union([Hash, z.literal('')])),
    slug: Slug,
    outputs: z.record(z.string(), Hash),
    row: RowSchema,
    warnings: z.array(WarningSchema).max(100_000),
    check: z
      .strictObject({
        file: Text,
        findings: z.array(FindingSchema).max(100_000),
        failsStrict: z.boolean(),
        // The review as of the day the document was checked, and how its rule applies: enough to work it out for another day.
        review: z.strictObject({ reviewed: IsoDate.optional(), nextReview: IsoDate.optional(), status: ReviewStatus, daysLeft: z.number().int().min(-1e7).max(1e7).optional() }),
        reviewRule: z.strictObject({ dueSoonDays: Count, line: Line, severity: Severity.optional(), off: z.boolean(), missesReadingTarget: z.boolean() }),
      })
      .optional(),
  })
  .superRefine((entry, ctx) => {
    // The catalog and the summary link a row's file names: each must be this document's own
    // output, so a cache cannot put a `javascript:` link, or a link to anything else, into them.
    const own = documentOutputNames(entry.slug);
    const { row } = entry;
    const links: [string | undefined, string][] = [
      [row.pdf, `${entry.slug}.pdf`],
      [row.html, `${entry.slug}.html`],
      [row.summaryPdf, `${entry.slug}.summary.pdf`],
      [row.summaryHtml, `${entry.slug}.summary.html`],
      [row.largePrint, `${entry.slug}${VARIANTS['large-print'].suffix}.pdf`],
    ];
    if (row.slug !== entry.slug) ctx.addIssue({ code: 'custom', message: 'the row is of another document' });
    for (const [link, expected] of links) {
      if (link !== undefined && (link !== expected || !(link in entry.outputs))) ctx.addIssue({ code: 'custom', message: `link ${link} is not one of the document's outputs` });
    }
    for (const name of Object.keys(entry.outputs)) if (!own.includes(name)) ctx.addIssue({ code: 'custom', message: `${name} is not an output of ${entry.slug}` });
  });

const CollectionSchema = z.strictObject({ key: Hash, outputs: z.partialRecord(z.enum(COLLECTION_OUTPUTS), Hash) });

/** The file's outer shape; its documents are checked one by one after it (see readCacheFile). */
const CacheShape = z.strictObject({
  format: z.literal(FORMAT),
  // The sources' root, relative to the cache's folder (see BuildCache.load). Absent in older files.
  root: z.string().max(4096).refine((p) => !p.includes('\0') && !path.isAbsolute(p), 'not a relative path').optional(),
  // An object, not copied key by key here (a crafted file may have millions).
  documents: z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'expected an object of documents'),
  collection: CollectionSchema.optional(),
});

type CacheData = Omit<z.infer<typeof CacheShape>, 'documents'> & { documents: Record<string, StoredEntry> };
type StoredEntry = z.infer<typeof EntrySchema>;

/** Relative, '/'-separated, normalised, with no segment that leaves or names the root itself. */
function isConfinedPath(p: string): boolean {
  if (!p || p.includes('\0') || p.includes('\\') || p.startsWith('/') || /^[A-Za-z]:/.test(p)) return false;
  return p.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..') && path.posix.normalize(p) === p;
}

// ---- Hashing -----------------------------------------------------------------------------

/** The hash of a file's bytes; undefined when it is missing or not a regular file (a FIFO is never read). */
export function hashFile(file: string): string | undefined {
  const bytes = readRegularFileIfAny(file);
  return bytes && hashBytes(bytes);
}

/**
 * The bundle's own hash, written into it by scripts/bundle.mjs: the code that runs, with every
 * package bundled in it. Undefined when running from tsc's output or the sources. Compiling also
 * writes it beside the bundle with the digest of the modules it was bundled from: tsc's output,
 * run as a library, takes the bundle's hash when its own modules have that digest, so the command
 * and the library share one key (and an output folder built by either); modules compiled again
 * without the bundle (`tsc --watch`, a compile stopped half-way) are known by their own digest.
 */
declare const __handoutBundleHash: string | undefined;
const BUNDLE_HASH_FILE = path.join('bundle', 'handout.hash');

/** The digest of the compiled modules under `root` (tsc's output, or the sources when run from them), each by its path and bytes. */
export function moduleDigest(root: string): string {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(js|ts)$/.test(e.name) && !e.name.endsWith('.d.ts')) files.push(full);
    }
  };
  walk(root);
  return hashBytes(...files.map((f) => `${path.relative(root, f)}:${hashFile(f)}`));
}

/** The code part of the tool's key (see __handoutBundleHash). */
function codeKey(root: string): string {
  if (typeof __handoutBundleHash === 'string') return `bundle:${__handoutBundleHash}`;
  const digest = moduleDigest(root);
  const [bundleHash, bundledFrom] = readRegularFileIfAny(path.join(root, BUNDLE_HASH_FILE), 1024)?.toString('latin1').split('\n') ?? [];
  return bundledFrom === digest && /^[0-9a-f]{64}$/.test(bundleHash) ? `bundle:${bundleHash}` : `modules:${digest}`;
}

/** The tool itself: its code and its fonts. A changed renderer invalidates every output. */
let toolKey: string | undefined;
export function toolHash(fontFiles: string[]): string {
  if (toolKey) return toolKey;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  // The bundle knows its hash; otherwise each module is read and hashed (about 10 ms a build).
  toolKey = hashBytes(codeKey(root), ...fontFiles.map((f) => `${path.relative(root, f)}:${hashFile(f)}`));
  return toolKey;
}

// ---- The cache -----------------------------------------------------------------------------

export class BuildCache {
  private documents = new Map<string, StoredEntry>();
  private collection?: CacheData['collection'];
  /** Every output hash any cache file read here recorded: what the build may overwrite or remove. */
  private written = new Map<string, Set<string>>();
  /** Shard caches read into this one, removed once it is saved. */
  private merged: string[] = [];

  private constructor(
    private file: string,
    /** The sources' root: every path in the cache is relative to it. */
    readonly root: string,
  ) {}

  /**
   * A shard build keeps its own cache file, so shards built apart can be copied into one folder;
   * a whole build then reads them all, renders nothing they already rendered, and merges them.
   *
   * Each file records the root its paths are relative to, as a path from its own folder (so a
   * project moved or cloned whole keeps its cache). Building another folder into the same output
   * folder gives another root: the cache's root widens to hold both, and every path is re-based
   * on it, so the first folder's sources are still known as themselves, not read as missing (which
   * removed their outputs). A recorded root that is not a folder here (an output folder copied
   * alone) is taken to be today's root, as a file without one is.
   */
  static load(outDir: string, root: string, warnings: Warnings, shard?: { index: number; count: number }): BuildCache {
    const name = shard ? `.handout-cache.${shard.index}-of-${shard.count}.json` : CACHE_FILE;
    let shardFiles: string[] = [];
    try {
      shardFiles = shard ? [] : readdirSync(outDir).filter((f) => SHARD_CACHE.test(f)).sort();
    } catch {
      // no output folder yet
    }
    const files = [name, ...shardFiles].flatMap((f) => {
      const data = readCacheFile(path.join(outDir, f), warnings);
      return data ? [{ f, data, root: recordedRoot(outDir, data, root) ?? root }] : [];
    });
    const cache = new BuildCache(path.join(outDir, name), files.reduce((r, file) => commonFolder(r, file.root), root));
    for (const { f, data, root: from } of files) {
      const rebase = from === cache.root ? (p: string) => p : (p: string) => cache.relative(path.join(from, p));
      for (const [source, entry] of Object.entries(data.documents)) {
        cache.documents.set(rebase(source), from === cache.root ? entry : { ...entry, dependencies: mapKeys(entry.dependencies, rebase) });
        for (const [output, hash] of Object.entries(entry.outputs)) cache.recordWritten(output, hash);
      }
      for (const [output, hash] of Object.entries(data.collection?.outputs ?? {})) cache.recordWritten(output, hash);
      if (f === name) cache.collection = data.collection;
    }
    cache.merged = shardFiles.map((f) => path.join(outDir, f));
    return cache;
  }

  private recordWritten(output: string, hash: string): void {
    const hashes = this.written.get(output) ?? new Set<string>();
    hashes.add(hash);
    this.written.set(output, hashes);
  }

  /** True when a cache recorded writing exactly these bytes under this name. */
  wrote(output: string, hash: string): boolean {
    return this.written.get(output)?.has(hash) ?? false;
  }

  /** The cached entry for a source, if its outputs can be trusted as they are. */
  fresh(source: string, key: string, outDir: string): CacheEntry | undefined {
    const entry = this.entry(source);
    if (!entry || entry.key !== key) return undefined;
    for (const [dep, hash] of Object.entries(entry.dependencies)) if ((hashFile(dep) ?? '') !== hash) return undefined;
    for (const f of Object.keys(entry.outputs)) if (!isRegularFile(path.join(outDir, f))) return undefined;
    return entry;
  }

  entry(source: string): CacheEntry | undefined {
    const stored = this.documents.get(this.relative(source));
    if (!stored) return undefined;
    return { ...stored, dependencies: mapKeys(stored.dependencies, (d) => path.join(this.root, d)) };
  }

  set(source: string, entry: CacheEntry): void {
    const dependencies: Record<string, string> = {};
    let outside = false;
    for (const [dep, hash] of Object.entries(entry.dependencies)) {
      if (isInside(dep, this.root)) dependencies[this.relative(dep)] = hash;
      else outside = true;
    }
    // A file outside the sources' root cannot be recorded (paths are confined): such a document is
    // recorded with a key no build computes, so it is rendered again every time rather than kept stale.
    const key = outside ? hashBytes(entry.key, 'depends on files outside the sources\u2019 root') : entry.key;
    for (const [output, hash] of Object.entries(entry.outputs)) this.recordWritten(output, hash);
    this.documents.set(this.relative(source), { ...entry, key, dependencies });
  }

  delete(source: string): void {
    this.documents.delete(this.relative(source));
  }

  /** Every source the cache knows (absolute paths), in a stable order. */
  sources(): string[] {
    return [...this.documents.keys()].sort().map((s) => path.join(this.root, s));
  }

  collectionFresh(key: string, outDir: string): boolean {
    const c = this.collection;
    return !!c && c.key === key && COLLECTION_OUTPUTS.every((f) => c.outputs[f] !== undefined && isRegularFile(path.join(outDir, f)));
  }

  setCollection(key: string, outputs: Partial<Record<(typeof COLLECTION_OUTPUTS)[number], string>>): void {
    for (const [output, hash] of Object.entries(outputs)) this.recordWritten(output, hash);
    this.collection = { key, outputs };
  }

  save(): void {
    const root = path.relative(path.dirname(this.file), this.root).split(path.sep).join('/') || '.';
    const data: CacheData = { format: FORMAT, root, documents: Object.fromEntries([...this.documents].sort(([a], [b]) => (a < b ? -1 : 1))), collection: this.collection };
    writeAtomic(this.file, JSON.stringify(data));
    for (const f of this.merged) rmSync(f, { force: true });
  }

  private relative(file: string): string {
    return path.relative(this.root, path.resolve(file)).split(path.sep).join('/');
  }
}

/**
 * The root a cache file recorded, when it can be trusted here: a folder inside the one that holds
 * both today's sources' root and the output folder (a crafted `"../../.."` never widens the root
 * to the whole machine), holding one of the sources the file names (an output folder moved on its
 * own keeps today's root, and its cache).
 */
function recordedRoot(outDir: string, data: CacheData, today: string): string | undefined {
  if (data.root === undefined) return undefined;
  const root = path.resolve(outDir, data.root);
  if (!isInside(root, commonFolder(today, path.resolve(outDir)))) return undefined;
  try {
    if (!statSync(root).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  const sources = Object.keys(data.documents).slice(0, 20);
  return sources.length === 0 || sources.some((s) => isRegularFile(path.join(root, s))) ? root : undefined;
}

/** The nearest folder holding both (absolute paths). */
function commonFolder(a: string, b: string): string {
  let common = a;
  while (!isInside(b, common)) common = path.dirname(common);
  return common;
}

function isRegularFile(file: string): boolean {
  try {
    return lstatSync(file).isFile();
  } catch {
    return false;
  }
}

function mapKeys(o: Record<string, string>, f: (k: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [f(k), v]));
}

/** A cache file, checked against the schema; anything else is a warning, and the build renders everything. */
function readCacheFile(file: string, warnings: Warnings): CacheData | undefined {
  let stat;
  try {
    stat = lstatSync(file);
  } catch {
    return undefined; // no cache yet
  }
  const ignored = (why: string) => {
    warnings.add(`the build cache is corrupt or from another tool; it is ignored and everything is rebuilt (it ${why})`, { file: displayPath(file) });
    return undefined;
  };
  // lstat, not stat: a link or a FIFO planted under the cache's name is never followed or read.
  if (!stat.isFile()) return ignored('is not a regular file');
  if (stat.size > MAX_CACHE_BYTES) return ignored(`is larger than ${MAX_CACHE_BYTES / 1024 / 1024} MB`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return ignored('is not valid JSON');
  }
  const wrongShape = (error: z.ZodError, at: PropertyKey[] = []) => {
    const issue = error.issues[0];
    const path = [...at, ...issue.path];
    const where = path.length ? ` at ${path.map(String).join('.').slice(0, 120)}` : '';
    return ignored(`does not have the shape this version writes: ${issue.message.slice(0, 120)}${where}`);
  };
  const shape = CacheShape.safeParse(json);
  if (!shape.success) return wrongShape(shape.error);
  // Document by document, stopping at the first that is wrong: a crafted file of two million wrong
  // entries made the schema list two million issues, and ran out of memory.
  const documents: Record<string, StoredEntry> = {};
  for (const source of Object.keys(shape.data.documents)) {
    const stored = shape.data.documents[source];
    const confined = RootPath.safeParse(source);
    if (!confined.success) return wrongShape(confined.error, ['documents', source]);
    const entry = EntrySchema.safeParse(stored);
    if (!entry.success) return wrongShape(entry.error, ['documents', source]);
    documents[source] = entry.data;
  }
  return { ...shape.data, documents };
}
