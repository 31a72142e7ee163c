/**
 * Reading a file the build was pointed at (a source, an image, a glossary, a cache): only regular
 * files are read. A FIFO would block the build for ever, a device (/dev/zero) would never end, and
 * either can be planted where a file is expected (a source, a path in a cache copied from elsewhere).
 * The path is checked with lstat first (a link is followed only to a regular file), and the file is
 * opened without blocking and checked again on its descriptor, so a swap between the two is caught.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, statSync } from 'node:fs';

export class NotRegularFileError extends Error {
  constructor(readonly file: string, readonly kind: string) {
    super(`${file} is ${kind}, not a regular file`);
  }
}

/** A regular file larger than the reader allows: refused before a byte of it is read. */
export class TooLargeError extends Error {
  constructor(readonly file: string, readonly size: number, readonly max: number) {
    super(`${file} is ${size} bytes, more than the ${max} allowed`);
  }
}

/** What a path is, in words for a message ("a FIFO", "a folder" …); undefined when it is a regular file or a link to one. */
export function notRegular(file: string): string | undefined {
  const own = lstatSync(file);
  const stat = own.isSymbolicLink() ? statSync(file) : own;
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * The bytes of a regular file; throws NotRegularFileError for anything else, TooLargeError for one
 * of more than `maxBytes` (checked on the open file, before reading), and the usual errors for a missing file.
 */
export function readRegularFile(file: string, maxBytes = Infinity): Buffer {
  const kind = notRegular(file);
  if (kind) throw new NotRegularFileError(file, kind);
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new NotRegularFileError(file, 'not a regular file');
    if (stat.size > maxBytes) throw new TooLargeError(file, stat.size, maxBytes);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The bytes of a regular file, or undefined when it is missing, not a regular file, or larger than `maxBytes`. */
export function readRegularFileIfAny(file: string, maxBytes = Infinity): Buffer | undefined {
  try {
    return readRegularFile(file, maxBytes);
  } catch {
    return undefined;
  }
}
