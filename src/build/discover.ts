/** Find the sources to build: files named on the command line, and sources inside folders. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { HandoutError } from '../diagnostics.js';
import { formatOf } from '../read/readSource.js';

/** Files a folder holds that are not handouts. */
const IGNORED = /^(readme|license|licence|changelog|contributing)(\.|$)/i;

export function discoverSources(inputs: string[]): string[] {
  const found: string[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = statSync(input);
    } catch {
      throw new HandoutError('no such file or folder', { file: input }, 'check the path');
    }
    if (stat.isDirectory()) found.push(...walk(input));
    else found.push(path.resolve(input));
  }
  return [...new Set(found)];
}

function walk(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name.startsWith('_') || entry.name === 'node_modules') continue;
    const full = path.resolve(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (entry.isFile() && formatOf(entry.name) && !IGNORED.test(entry.name)) out.push(full);
  }
  return out;
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
