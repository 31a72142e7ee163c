/**
 * Source files as the collection sees them before reading one: which files are sources, how they
 * are named in messages, how large one may be. Apart from readSource.ts, so a build where nothing
 * changed loads none of the reading stage (front matter, language detection and their packages).
 */
import path from 'node:path';

export type SourceFormat = 'markdown' | 'text';

export const SOURCE_EXTENSIONS: Record<string, SourceFormat> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
};

/**
 * The largest source read: 2 MB of prose is about 750 pages and takes half a minute and 1.5 GB to
 * render; far beyond a handout, and a file much larger (a log, a disk image named by mistake) would
 * exhaust the memory rather than fail with a message.
 */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

export function formatOf(file: string): SourceFormat | undefined {
  return SOURCE_EXTENSIONS[path.extname(file).toLowerCase()];
}

export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
