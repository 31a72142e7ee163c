/**
 * The build cache: for each source, a hash of everything its outputs were made from (the source,
 * the files it embeds, the templates and stylesheet, the fonts, the options, and the tool's own
 * code). A source whose hash and outputs are unchanged is not rendered again. The cache lives in
 * the output folder; a file that is corrupt or from another tool is ignored with a warning.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Warnings } from '../diagnostics.js';
import { writeAtomic } from './writeAtomic.js';
import type { DocumentRow } from './renderDocument.js';
import type { Warning } from '../diagnostics.js';

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

  static load(outDir: string, warnings: Warnings): BuildCache {
    const file = path.join(outDir, CACHE_FILE);
    const empty: CacheData = { format: FORMAT, documents: {} };
    if (!existsSync(file)) return new BuildCache(file, empty);
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as CacheData;
      if (data?.format !== FORMAT || typeof data.documents !== 'object' || data.documents === null) throw new Error('not ours');
      return new BuildCache(file, data);
    } catch {
      warnings.add('the build cache is corrupt or from another tool; it is ignored and everything is rebuilt', { file });
      return new BuildCache(file, empty);
    }
  }

  /** The cached entry for a source, if its outputs can be trusted as they are. */
  fresh(source: string, key: string, outDir: string): CacheEntry | undefined {
    const entry = this.data.documents[source];
    if (!entry || entry.key !== key) return undefined;
    for (const [dep, hash] of Object.entries(entry.dependencies)) if (hashFile(dep) !== hash) return undefined;
    for (const f of entry.files) if (!existsSync(path.join(outDir, f))) return undefined;
    return entry;
  }

  entry(source: string): CacheEntry | undefined {
    return this.data.documents[source];
  }

  set(source: string, entry: CacheEntry): void {
    this.data.documents[source] = entry;
  }

  delete(source: string): void {
    delete this.data.documents[source];
  }

  sources(): string[] {
    return Object.keys(this.data.documents).sort();
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
  }
}
