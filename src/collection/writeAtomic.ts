/**
 * Write a file so that readers only ever see the old complete file or the new complete one:
 * write beside it under a temporary name, then rename (atomic on one filesystem). A build killed
 * half-way leaves the previous good output in place, and at most a temporary file, which the next
 * build removes (removeStaleTemps).
 */
import { lstatSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { HandoutError } from '../diagnostics.js';
import { displayPath } from '../read/sourceFiles.js';

/**
 * `.<name>.handout-<pid>.tmp`: a name only this build uses (so cleaning up never touches anyone
 * else's `.something.12345.tmp`), and the pid tells whether the process writing it is still alive.
 */
const TEMP_NAME = /^\..+\.handout-(\d+)\.tmp$/;

export function tempName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.handout-${process.pid}.tmp`);
}

export function writeAtomic(file: string, data: string | Uint8Array): void {
  const tmp = tempName(file);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    rmSync(tmp, { force: true });
    // Exclusive create: never writes through a link or a FIFO planted under the temporary name.
    writeFileSync(tmp, data, { flag: 'wx' });
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new HandoutError(`cannot write ${displayPath(file)}: ${code}`, { file: displayPath(file) }, 'check that the output folder is a folder you can write to, with space left');
  }
}

/** Removes temporary files left in `dir` by builds that were killed (their process is gone). */
export function removeStaleTemps(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of entries) {
    const pid = Number(TEMP_NAME.exec(name)?.[1]);
    if (!pid || (pid !== process.pid && isAlive(pid))) continue;
    const file = path.join(dir, name);
    try {
      if (lstatSync(file).isDirectory()) continue; // a folder of that name is not a file we wrote
      rmSync(file, { force: true });
      removed.push(name);
    } catch {
      // gone already
    }
  }
  return removed;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
