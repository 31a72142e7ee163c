/**
 * The build cache: for each source, a hash of everything its outputs were made from (the source,
 * the files it embeds, the templates and stylesheet, the fonts, the options, and the tool's own
 * code). A source whose hash and outputs are unchanged is not rendered again. The cache lives in
 * the output folder; a file that is corrupt or from another tool is ignored with a warning.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Warnings } from '../diagnostics.js';
import { writeAtomic } from './writeAtomic.js';
import type { DocumentRow } from './renderDocument.js';
import type { Warning } from '../diagnostics.js';
import type { HandoutCheck } from '../check/checkHandout.js';

export const CACHE_FILE = '.handout-cache.json';
const FORMAT = 'handout-build-cache/1';

export interface CacheEntry {
  /** Hash of the source, its options and everything global (templates, fonts, tool). */
  key: string;
  /** Files the source embeds, with their hashes. */
  dependencies: Record<string, string>;
  slug: string;
  files: string[];
  row: DocumentRow;
  warnings: Warning[];
  check?: HandoutCheck;
}

interface CacheData {
  format: string;
  documents: Record<string, CacheEntry>;
  collection?: { key: string; files: string[] };
}

export function hashBytes(...parts: (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(p);
    h.update('\0');
  }
  return h.digest('hex');
}

export function hashFile(file: string): string | undefined {
  try {
    return hashBytes(readFileSync(file));
  } catch {
    return undefined;
  }
}

/** The tool itself: its compiled code and its fonts. A changed renderer invalidates every output. */
let toolKey: string | undefined;
export function toolHash(fontFiles: string[]): string {
  if (toolKey) return toolKey;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = path.resolve(here, '..');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(js|ts)$/.test(e.name) && !e.name.endsWith('.d.ts')) files.push(full);
    }
  };
  walk(root);
  toolKey = hashBytes(...[...files, ...fontFiles].map((f) => `${path.relative(root, f)}:${hashFile(f)}`));
  return toolKey;
}

export class BuildCache {
  private data: CacheData;

  private constructor(
    private file: string,
    data: CacheData,
  ) {
    this.data = data;
  }

  /**
   * A shard build keeps its own cache file, so shards built apart can be copied into one folder;
   * a whole build then reads them all, renders nothing they already rendered, and merges them.
   */
  static load(outDir: string, warnings: Warnings, shard?: { index: number; count: number }): BuildCache {
    const name = shard ? `.handout-cache.${shard.index}-of-${shard.count}.json` : CACHE_FILE;
    const file = path.join(outDir, name);
    const data: CacheData = { format: FORMAT, documents: {} };
    const shardFiles = shard || !existsSync(outDir) ? [] : readdirSync(outDir).filter((f) => /^\.handout-cache\.\d+-of-\d+\.json$/.test(f)).sort();
    const cache = new BuildCache(file, data);
    for (const f of [name, ...shardFiles]) {
      const loaded = readCacheFile(path.join(outDir, f), warnings);
      if (!loaded) continue;
      Object.assign(data.documents, loaded.documents);
      if (f === name) data.collection = loaded.collection;
    }
    cache.merged = shardFiles.map((f) => path.join(outDir, f));
    return cache;
  }

  /** Shard caches read into this one, removed once it is saved. */
  private merged: string[] = [];

  // Paths are stored relative to the working directory, so a cache made by a CI job in another
  // checkout (a shard) is valid here; callers pass and get absolute paths.

  /** The cached entry for a source, if its outputs can be trusted as they are. */
  fresh(source: string, key: string, outDir: string): CacheEntry | undefined {
    const entry = this.entry(source);
    if (!entry || entry.key !== key) return undefined;
    for (const [dep, hash] of Object.entries(entry.dependencies)) if (hashFile(dep) !== hash) return undefined;
    for (const f of entry.files) if (!existsSync(path.join(outDir, f))) return undefined;
    return entry;
  }

  entry(source: string): CacheEntry | undefined {
    const entry = this.data.documents[relative(source)];
    return entry && { ...entry, dependencies: mapKeys(entry.dependencies, (d) => path.resolve(d)) };
  }

  set(source: string, entry: CacheEntry): void {
    this.data.documents[relative(source)] = { ...entry, dependencies: mapKeys(entry.dependencies, relative) };
  }

  delete(source: string): void {
    delete this.data.documents[relative(source)];
  }

  sources(): string[] {
    return Object.keys(this.data.documents).sort().map((s) => path.resolve(s));
  }

  collectionFresh(key: string, outDir: string): boolean {
    const c = this.data.collection;
    return !!c && c.key === key && c.files.every((f) => existsSync(path.join(outDir, f)) && statSync(path.join(outDir, f)).isFile());
  }

  setCollection(key: string, files: string[]): void {
    this.data.collection = { key, files };
  }

  save(): void {
    writeAtomic(this.file, JSON.stringify(this.data));
    for (const f of this.merged) rmSync(f, { force: true });
  }
}

function relative(file: string): string {
  return path.relative(process.cwd(), path.resolve(file)).split(path.sep).join('/');
}

function mapKeys(o: Record<string, string>, f: (k: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [f(k), v]));
}

function readCacheFile(file: string, warnings: Warnings): CacheData | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as CacheData;
    if (data?.format !== FORMAT || typeof data.documents !== 'object' || data.documents === null) throw new Error('not ours');
    return data;
  } catch {
    warnings.add('the build cache is corrupt or from another tool; it is ignored and everything is rebuilt', { file });
    return undefined;
  }
}
