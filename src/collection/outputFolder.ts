/**
 * The output folder, and what the build may do in it. The build writes and removes only its own
 * outputs, directly inside the folder:
 *
 * - it overwrites a file only when it wrote it (its cache recorded those bytes under that name, or
 *   the file carries handout's generator mark, for outputs whose cache was lost); any other file
 *   stops that output with a message naming it, unless `--overwrite` says otherwise;
 * - it removes an output only when it wrote it and it is unchanged since (checked by its hash), and
 *   no source of this build writes that name any more;
 * - it refuses an output folder that is, or holds, a folder of sources;
 * - one build at a time writes to a folder: a lock file, taken over when the build that left it is gone.
 */
import { lstatSync, openSync, readFileSync, realpathSync, rmSync, writeSync, closeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HandoutError } from '../diagnostics.js';
import { hashBytes } from '../hash.js';
import { isInside } from '../read/projectRoot.js';
import { displayPath } from '../read/sourceFiles.js';
import { readRegularFileIfAny } from '../read/regularFile.js';
import type { BuildCache } from './cache.js';
import { isAlive, writeAtomic } from './writeAtomic.js';

export const LOCK_FILE = '.handout-build.lock';
/** A lock left by a build on another machine (a shared folder) whose process cannot be asked. */
const FOREIGN_LOCK_STALE_MS = 60 * 60 * 1000;
/** A lock file without its contents yet: the build that made it is writing them. */
const HALF_WRITTEN_MS = 5000;
/** Locks this process holds: a lock with our pid that is not among them was left by an earlier process that had it. */
const heldHere = new Set<string>();

/** The marks handout puts in what it writes: the HTML's generator meta, the PDF's XMP producer. */
const GENERATOR_MARKS = ['<meta name="generator" content="handout', '<pdf:Producer>handout'];

/**
 * Refuses an output folder that is, or holds, a folder the sources are in: cleaning it up would touch
 * sources. Compared as written and after following links, so `out -> content` is refused as
 * `content` is: the output folder's real path against each source folder's (an input folder's,
 * each source's folder, and the folder of the file a linked source leads to).
 */
export function checkNotSourceFolder(outDir: string, inputs: string[], sources: string[]): void {
  const folders = [
    ...inputs.filter((i) => isFolder(i)).map((i) => path.resolve(i)),
    ...sources.map((s) => path.dirname(s)),
  ];
  const inside = folders.find((f) => isInside(f, outDir));
  if (inside) {
    throw new HandoutError(
      inside === outDir ? 'the output folder is a folder of sources' : `the output folder holds the sources in ${displayPath(inside)}`,
      { file: displayPath(outDir) },
      SOURCE_FOLDER_HINT,
    );
  }
  const outReal = realPathOf(outDir);
  // Each folder's real path once (a library's sources share a few folders); a source that is not a
  // link lies in its folder's real path, so only a link is followed on its own.
  const reals = new Map<string, string>();
  const realFolder = (f: string) => reals.get(f) ?? reals.set(f, realPathOf(f)).get(f)!;
  const realFolderOf = (s: string) => (isLink(s) ? path.dirname(realPathOf(s)) : realFolder(path.dirname(s)));
  const linked = [...new Set(folders)].map((f) => ({ shown: f, real: realFolder(f) })).concat(sources.map((s) => ({ shown: path.dirname(s), real: realFolderOf(s) })));
  const hit = linked.find((f) => isInside(f.real, outReal));
  if (hit) {
    const out = displayPath(outDir);
    const leads = (shown: string, real: string) => (shown === real ? displayPath(shown) : `${displayPath(shown)} (which leads to ${displayPath(real)})`);
    throw new HandoutError(
      hit.real === outReal
        ? `the output folder is a folder of sources: ${leads(outDir, outReal)} and ${leads(hit.shown, hit.real)} are the same folder`
        : `the output folder ${leads(outDir, outReal)} holds the sources in ${leads(hit.shown, hit.real)}`,
      { file: out },
      SOURCE_FOLDER_HINT,
    );
  }
}

const SOURCE_FOLDER_HINT = 'choose an output folder of its own with --out, such as out';

/**
 * The path with every link in it followed; for a path that does not exist yet (an output folder
 * the build will make), its nearest existing folder's real path and the rest as written.
 */
export function realPathOf(p: string): string {
  const full = path.resolve(p);
  const rest: string[] = [];
  for (let dir = full; ; dir = path.dirname(dir)) {
    try {
      return path.join(realpathSync(dir), ...rest);
    } catch {
      if (path.dirname(dir) === dir) return full;
      rest.unshift(path.basename(dir));
    }
  }
}

/** True for a symbolic link, and for a path that cannot be read (its real path is then worked out whole). */
function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return true;
  }
}

function isFolder(p: string): boolean {
  try {
    return lstatSync(p).isDirectory();
  } catch {
    return false;
  }
}

export class OutputFolder {
  constructor(
    readonly dir: string,
    private cache: BuildCache,
    /** `--overwrite`: files the build did not write may be replaced. */
    private overwrite = false,
  ) {}

  /** Writes one output (atomically) and returns the hash of its bytes; refuses to replace a file the build did not write. */
  write(name: string, data: string | Uint8Array): string {
    const file = this.checkWritable(name);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    writeAtomic(file, bytes);
    return hashBytes(bytes);
  }

  /** Throws, naming the file, when an output of this name may not be written; else returns its path. */
  checkWritable(name: string): string {
    const file = this.pathOf(name);
    const existing = kindOf(file);
    if (existing === 'folder') {
      throw new HandoutError(`cannot write ${displayPath(file)}: EISDIR, a folder of that name is in the way`, { file: displayPath(file) }, 'move it away, or choose another --out');
    }
    if (existing === 'other' && !this.overwrite && !this.isOurs(name, file)) {
      throw new HandoutError(
        `${displayPath(file)} was not written by handout (or was changed since); it is not overwritten`,
        { file: displayPath(file) },
        'move it away, choose another --out, or pass --overwrite to replace it',
      );
    }
    return file;
  }

  /** Removes an output the build wrote, when it is unchanged since; says what happened. */
  remove(name: string, hash: string): 'removed' | 'changed' | 'absent' {
    const file = this.pathOf(name);
    if (kindOf(file) === 'absent') return 'absent';
    const bytes = kindOf(file) === 'other' && lstatSync(file).isFile() ? readRegularFileIfAny(file) : undefined;
    if (!bytes || hashBytes(bytes) !== hash) return 'changed';
    rmSync(file, { force: true });
    return 'removed';
  }

  private isOurs(name: string, file: string): boolean {
    if (!lstatSync(file).isFile()) return false; // a link or a FIFO is nobody's output
    const bytes = readRegularFileIfAny(file);
    if (!bytes) return false;
    if (this.cache.wrote(name, hashBytes(bytes))) return true;
    // An output of a build whose cache was lost (killed before saving it, or deleted): handout's own
    // mark, anywhere in the file (a PDF's metadata comes last).
    return GENERATOR_MARKS.some((m) => bytes.includes(m));
  }

  /** Output names are plain file names: whatever a cache says, nothing outside the folder is reached. */
  private pathOf(name: string): string {
    const file = path.join(this.dir, name);
    if (!name || name.includes('/') || name.includes('\\') || name.startsWith('.') || path.dirname(file) !== this.dir) {
      throw new HandoutError(`refusing an output name that is not a plain file name: ${JSON.stringify(name)}`, { file: displayPath(this.dir) });
    }
    return file;
  }
}

function kindOf(file: string): 'absent' | 'folder' | 'other' {
  try {
    return lstatSync(file).isDirectory() ? 'folder' : 'other';
  } catch {
    return 'absent';
  }
}

/**
 * One build at a time per output folder. The lock holds the pid and host of its build: a lock whose
 * build is gone (killed, crashed, the machine restarted) is taken over; a live one refuses, naming it.
 */
export function lockOutputFolder(outDir: string): { release(): void } {
  const file = path.join(outDir, LOCK_FILE);
  const mine = JSON.stringify({ pid: process.pid, host: os.hostname(), started: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, mine);
      closeSync(fd);
      heldHere.add(file);
      return {
        release() {
          heldHere.delete(file);
          // Only our own lock: a stale-lock takeover by another build must not be undone by us.
          if (readLock(file)?.raw === mine) rmSync(file, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new HandoutError(`cannot lock the output folder: ${(e as NodeJS.ErrnoException).code ?? e}`, { file: displayPath(outDir) }, 'check that you can write to it');
      }
    }
    if (isFolder(file)) {
      // Not a lock any build made: someone's folder, never removed.
      throw new HandoutError(`cannot lock the output folder: ${displayPath(file)} is a folder, where the build keeps its lock file`, { file: displayPath(outDir) }, 'move that folder away');
    }
    const held = readLock(file);
    if (!held && youngerThan(file, HALF_WRITTEN_MS)) {
      throw new HandoutError('another handout build is starting in this output folder', { file: displayPath(outDir) }, 'wait for it to finish');
    }
    if (held && !isStale(held, file)) {
      throw new HandoutError(
        `another handout build (process ${held.pid}${held.host !== os.hostname() ? ` on ${held.host}` : ''}, started ${held.started}) is writing to this output folder`,
        { file: displayPath(outDir) },
        `wait for it to finish; if no build is running, delete ${displayPath(file)}`,
      );
    }
    rmSync(file, { force: true }); // stale: its build is gone
  }
  throw new HandoutError('cannot lock the output folder: another build keeps taking it', { file: displayPath(outDir) }, 'run one build at a time');
}

interface Lock {
  raw: string;
  pid: number;
  host: string;
  started: string;
}

function readLock(file: string): Lock | undefined {
  try {
    if (!lstatSync(file).isFile()) return undefined;
    const raw = readFileSync(file, 'utf8');
    const data = JSON.parse(raw) as Partial<Lock>;
    if (!Number.isInteger(data.pid) || typeof data.host !== 'string' || typeof data.started !== 'string') return undefined;
    return { raw, pid: data.pid!, host: data.host, started: data.started };
  } catch {
    return undefined; // unreadable or half-written: treated as stale
  }
}

function youngerThan(file: string, ms: number): boolean {
  try {
    return Date.now() - lstatSync(file).mtimeMs < ms;
  } catch {
    return false;
  }
}

function isStale(lock: Lock, file: string): boolean {
  if (lock.host === os.hostname()) return lock.pid === process.pid ? !heldHere.has(file) : !isAlive(lock.pid);
  const started = Date.parse(lock.started);
  return !Number.isFinite(started) || Date.now() - started > FOREIGN_LOCK_STALE_MS;
}
