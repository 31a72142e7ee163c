/**
 * Files a source refers to (images) must lie inside its project, so a handout pasted from
 * elsewhere cannot pull `../../etc/passwd` or `/home/someone/.ssh/id_rsa` into a PDF.
 *
 * The project root of a source is, in order:
 *   1. the nearest folder at or above the source holding package.json or .git;
 *   2. else the current working directory, when the source is inside it;
 *   3. else the source's own folder.
 * Symbolic links are followed before the check, so a link cannot point out of the project either.
 */
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';

const PROJECT_MARKERS = ['package.json', '.git'];

export function projectRoot(sourcePath: string): string {
  const sourceDir = path.dirname(path.resolve(sourcePath));
  for (let dir = sourceDir; ; dir = path.dirname(dir)) {
    if (PROJECT_MARKERS.some((m) => existsSync(path.join(dir, m)))) return dir;
    if (path.dirname(dir) === dir) break;
  }
  const cwd = process.cwd();
  return isInside(sourceDir, cwd) ? cwd : sourceDir;
}

/** True when `target` is `root` or below it (both absolute). */
export function isInside(target: string, root: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export type Resolved = { ok: true; path: string } | { ok: false; reason: 'outside'; root: string } | { ok: false; reason: 'missing'; path: string };

/**
 * Resolves `ref` (a path written in the source, relative to it, or absolute) and checks that the file,
 * after following links, is inside the source's project.
 */
export function resolveInProject(ref: string, sourcePath: string): Resolved {
  const root = projectRoot(sourcePath);
  const target = path.resolve(path.dirname(path.resolve(sourcePath)), ref);
  if (!isInside(target, root)) return { ok: false, reason: 'outside', root };
  let real: string;
  try {
    real = realpathSync(target);
  } catch {
    return { ok: false, reason: 'missing', path: target };
  }
  if (!isInside(real, realpathSync(root))) return { ok: false, reason: 'outside', root };
  return { ok: true, path: real };
}
