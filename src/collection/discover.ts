/**
 * Find the sources to build: files named on the command line, and sources inside folders.
 *
 * Symbolic links inside a folder are followed only where they stay inside it: a link to a source in
 * the same folder (or below it) is that source, built once under its own name, however many links
 * lead to it. A link leading outside the folder (a handout copied from elsewhere with a link to
 * `~/.ssh/id_rsa.md` must not end up in a PDF), a broken link, a loop, a link to a FIFO or a device,
 * and a link to a folder holding sources outside are skipped, each with a warning naming it and why.
 * A file named on the command line is the user's own choice, and is read wherever it leads.
 */
import { existsSync, lstatSync, readdirSync, readlinkSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { HandoutError, type Warnings } from '../diagnostics.js';
import { displayPath, formatOf, SOURCE_EXTENSIONS } from '../read/sourceFiles.js';
import { isInside } from '../read/projectRoot.js';
import { notRegular } from '../read/regularFile.js';

/** Files a folder holds that are not handouts. */
const IGNORED = /^(readme|license|licence|changelog|contributing)(\.|$)/i;
/** How many entries a linked folder outside is looked through for a source, to say whether skipping it leaves one out. */
const LINKED_FOLDER_LOOK = 10_000;

/** `warnings`: where sources skipped in folders (links leading out, broken or looping) are told. */
export function discoverSources(inputs: string[], warnings?: Warnings): string[] {
  const found: Found[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = statSync(input);
    } catch (e) {
      throw missing(input, e as NodeJS.ErrnoException);
    }
    if (stat.isDirectory()) {
      const inFolder = walk(path.resolve(input), { shown: path.resolve(input), real: realpathSync(input) }, warnings);
      found.push(...inFolder);
      // A folder of nothing but drafts ("_draft.md"): say why nothing was built.
      const passedOver = inFolder.length ? [] : readdirSync(input).filter((n) => /^[._]/.test(n) && formatOf(n) && !IGNORED.test(n)).sort();
      if (passedOver.length) {
        warnings?.add(`no sources in this folder: ${passedOver.length === 1 ? `"${passedOver[0]}" is` : `${passedOver.length} files (${passedOver.slice(0, 3).map((n) => `"${n}"`).join(', ')}${passedOver.length > 3 ? ', …' : ''}) are`} passed over, as names starting with "_" or "." are drafts`, { file: displayPath(path.resolve(input)) });
      }
      // A folder named by mistake (a typo'd path that exists, a folder called "x.md") built nothing in silence.
      else if (!inFolder.length) warnings?.add(`no sources in this folder: handout builds ${Object.keys(SOURCE_EXTENSIONS).join(', ').replace(/, ([^,]*)$/, ' and $1')} files, and it holds none`, { file: displayPath(path.resolve(input)) });
    } else found.push({ file: path.resolve(input), linked: false });
  }
  // A link to a source found anyway adds nothing; a source found only through links is built once, where its first link is.
  const direct = new Set(found.filter((f) => !f.linked).map((f) => f.file));
  return [...new Set(found.filter((f) => !f.linked || !direct.has(f.file)).map((f) => f.file))];
}

/** Why a path named on the command line cannot be read: missing, a broken link, a loop. */
function missing(input: string, e: NodeJS.ErrnoException): HandoutError {
  if (e.code === 'ELOOP') return new HandoutError('a symbolic link loop: following it never reaches a file', { file: input }, 'fix or remove the link');
  let target: string | undefined;
  try {
    if (lstatSync(input).isSymbolicLink()) target = readlinkSync(input);
  } catch {
    // not there at all
  }
  if (target !== undefined) return new HandoutError(`a symbolic link to ${target}, which does not exist`, { file: input }, 'fix or remove the link');
  return new HandoutError('no such file or folder', { file: input }, 'check the path');
}

interface Found {
  file: string;
  /** Found through a link (its target's own path, inside the folder). */
  linked: boolean;
}

function walk(dir: string, root: { shown: string; real: string }, warnings: Warnings | undefined): Found[] {
  const out: Found[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name.startsWith('_') || entry.name === 'node_modules') continue;
    const full = path.resolve(dir, entry.name);
    const isSource = !!formatOf(entry.name) && !IGNORED.test(entry.name);
    if (entry.isDirectory()) out.push(...walk(full, root, warnings));
    else if (entry.isFile()) {
      if (isSource) out.push({ file: full, linked: false });
    } else if (entry.isSymbolicLink()) {
      const followed = followLink(full, isSource, root, warnings);
      if (followed) out.push({ file: followed, linked: true });
    } else if (isSource) {
      skipped(warnings, full, `it is ${kindOf(entry)}, not a regular file`);
    }
  }
  return out;
}

/** The source a link in a folder leads to (as a path inside the folder), or undefined, with a warning when a source is left out. */
function followLink(link: string, isSource: boolean, root: { shown: string; real: string }, warnings: Warnings | undefined): string | undefined {
  let real: string;
  try {
    real = realpathSync(link);
  } catch (e) {
    if (!isSource) return undefined; // a broken link to an image is its handout's to report
    const code = (e as NodeJS.ErrnoException).code;
    skipped(warnings, link, code === 'ELOOP' ? 'it is a symbolic link loop' : `it is a symbolic link to ${readlinkSync(link)}, which does not exist`);
    return undefined;
  }
  const inside = isInside(real, root.real);
  let folder: boolean;
  try {
    folder = statSync(real).isDirectory();
  } catch (e) {
    if (isSource) skipped(warnings, link, `cannot read where it leads (${displayPath(real)}): ${(e as NodeJS.ErrnoException).code ?? e}`);
    return undefined;
  }
  if (folder) {
    // Inside the folder, its sources are found where they are; outside, say when sources are left out.
    if (!inside && holdsSources(real)) {
      skipped(warnings, link, `it is a link to a folder of sources outside ${displayPath(root.shown)} (${displayPath(real)}), which is not followed`, 'name it on the command line to build them');
    }
    return undefined;
  }
  if (!isSource) return undefined;
  if (!inside) {
    skipped(warnings, link, `it is a link to ${displayPath(real)}, outside ${displayPath(root.shown)}`, 'name it on the command line to build it, or copy the file in');
    return undefined;
  }
  const kind = notRegular(real);
  if (kind) {
    skipped(warnings, link, `it leads to ${displayPath(real)}, which is ${kind}, not a regular file`);
    return undefined;
  }
  const target = path.join(root.shown, path.relative(root.real, real));
  if (!formatOf(target)) {
    skipped(warnings, link, `it leads to ${displayPath(target)}, which is not a .md or .txt file`);
    return undefined;
  }
  return target;
}

function skipped(warnings: Warnings | undefined, file: string, why: string, hint?: string): void {
  warnings?.add(`skipped: ${why}${hint ? ` (${hint})` : ''}`, { file: displayPath(file) });
}

function kindOf(entry: Dirent): string {
  if (entry.isFIFO()) return 'a FIFO (named pipe)';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** Whether a folder holds a source (links not followed; up to a bound): a link to a folder of pictures is not worth a warning. */
function holdsSources(dir: string): boolean {
  let seen = 0;
  const look = (d: string): boolean => {
    let entries: Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return false;
    }
    for (const e of entries) {
      if (++seen > LINKED_FOLDER_LOOK) return false;
      if (e.name.startsWith('.') || e.name.startsWith('_') || e.name === 'node_modules') continue;
      if ((e.isFile() || e.isSymbolicLink()) && formatOf(e.name) && !IGNORED.test(e.name)) return true;
      if (e.isDirectory() && look(path.join(d, e.name))) return true;
    }
    return false;
  };
  return look(dir);
}

const PROJECT_MARKERS = ['package.json', '.git'];

/**
 * The sources' root, against which the build cache records paths: the nearest folder holding
 * package.json or .git above the inputs, else the folder that holds them all. It does not depend
 * on the working folder, so building the same sources from anywhere is the same build.
 */
export function sourcesRoot(inputs: string[]): string {
  const folders = inputs.map((i) => {
    const full = path.resolve(i);
    return existsSync(full) && statSync(full).isDirectory() ? full : path.dirname(full);
  });
  let common = folders[0] ?? process.cwd();
  for (const f of folders) while (path.relative(common, f).startsWith('..') || path.isAbsolute(path.relative(common, f))) common = path.dirname(common);
  for (let dir = common; ; dir = path.dirname(dir)) {
    if (PROJECT_MARKERS.some((m) => existsSync(path.join(dir, m)))) return dir;
    if (path.dirname(dir) === dir) return common;
  }
}
