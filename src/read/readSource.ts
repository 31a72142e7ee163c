/**
 * Read stage: a source file on disk → its text and metadata.
 * Markdown (.md, .markdown) and plain text (.txt) may start with YAML front matter (`---` fenced; TOML, `+++` fenced, in Markdown);
 * its settings go over the project's settings file (handout.config.yaml).
 */
import path from 'node:path';
import { HandoutError, type Warnings } from '../diagnostics.js';
import { findFrontMatter, readFrontMatter, withDefaults, type HandoutMeta } from './frontMatter.js';
import { detectLanguage } from './detectLanguage.js';
import { reviewedInText } from './reviewedInText.js';
import { settingsFor } from '../options/config.js';
import type { Config, FrontMatter } from '../options/schema.js';
import { resolveInProject } from './projectRoot.js';
import { outputName } from '../slug.js';
import { NotRegularFileError, readRegularFile, TooLargeError } from './regularFile.js';
import { displayPath, formatOf, MAX_SOURCE_BYTES, type SourceFormat } from './sourceFiles.js';

// What the collection needs of sources without reading one lives in sourceFiles.ts; kept here too for callers.
export { displayPath, formatOf, MAX_SOURCE_BYTES, SOURCE_EXTENSIONS, type SourceFormat } from './sourceFiles.js';

export interface Source {
  /** Path used in messages (relative to the working directory when inside it). */
  file: string;
  slug: string;
  format: SourceFormat;
  /** The whole text, front matter included, so parser positions are file lines. */
  text: string;
  meta: HandoutMeta;
  /** Lines (from 1) where a form feed stood: a printed copy's page breaks (pdftotext writes one a page). */
  pageBreaks?: number[];
}

/**
 * `bytes`: the file's contents when the caller has read them already (the build hashes exactly the
 * bytes it renders, so an edit saved during a build is never recorded as built).
 */
export function readSource(filePath: string, warnings: Warnings, bytes?: Uint8Array): Source {
  const file = displayPath(filePath);
  const format = formatOf(filePath);
  if (!format) {
    throw new HandoutError(`not a source handout can read`, { file }, 'use .md for Markdown or .txt for plain text');
  }
  try {
    bytes ??= readRegularFile(filePath, MAX_SOURCE_BYTES);
  } catch (e) {
    if (e instanceof NotRegularFileError) throw new HandoutError(`cannot read the file: it is ${e.kind}`, { file }, 'sources must be regular files');
    if (e instanceof TooLargeError) {
      throw new HandoutError(`the source is too large to be a handout: ${megabytes(e.size)}, more than ${megabytes(e.max)}`, { file }, 'split it into several handouts, or check that this is the file you meant');
    }
    throw new HandoutError(`cannot read the file: ${(e as NodeJS.ErrnoException).code ?? e}`, { file });
  }
  const pageBreaks: number[] = [];
  const text = decodeText(bytes, file, warnings, pageBreaks);
  if (text.trim() === '') {
    throw new HandoutError('the source is empty', { file }, 'write some text, or remove the file');
  }
  const project = settingsFor(filePath);
  for (const w of project.warnings) warnings.add(w.message, w);
  // A plain text that opens with a line of dashes that never closes is prose, not front matter.
  const own = format === 'text' && findFrontMatter(text)?.lastLine === -1 ? {} : readFrontMatter(text, file, warnings);
  if (own.logo) own.logo = ownLogo(own.logo, filePath, file, text);
  const meta = mergeSettings(project.settings, own);
  const bodyStart = Math.max(0, findFrontMatter(text)?.lastLine ?? 0);
  const body = text.split('\n').slice(bodyStart).join('\n');
  if (own.lang === undefined && project.settings.lang === undefined) {
    const detected = detectLanguage(body);
    if (detected) Object.assign(meta, { lang: detected, langDetected: true });
  }
  if (meta.reviewed === undefined && meta.nextReview === undefined) {
    const stated = reviewedInText(body);
    if (stated) Object.assign(meta, { reviewed: stated.date, reviewedLine: bodyStart + stated.line });
  }
  const slug = meta.slug ?? outputName(path.basename(filePath, path.extname(filePath)));
  if (!slug) throw new HandoutError('cannot make an output name from this file name', { file }, 'set `slug:` in front matter');
  return { file, slug, format, text, meta, ...(pageBreaks.length ? { pageBreaks } : {}) };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
}

/** A source's own settings over the project's; glossary terms and check rules are added to, key by key. */
export function mergeSettings(project: Config, own: FrontMatter): HandoutMeta {
  const { glossary, checks, ...rest } = project;
  const projectTerms = typeof glossary === 'object' ? glossary : undefined;
  const merged: HandoutMeta = withDefaults({ ...rest, ...own });
  if (projectTerms || own.glossary) merged.glossary = { ...projectTerms, ...own.glossary };
  if (checks || own.checks) merged.checks = { ...checks, ...own.checks };
  return merged;
}

/** A logo named in front matter: relative to the source, inside its project, like its images. */
function ownLogo(ref: string, sourcePath: string, file: string, text: string): string {
  const line = text.split('\n').findIndex((l) => /^logo\s*:/i.test(l)) + 1 || undefined;
  const resolved = resolveInProject(ref, sourcePath);
  if (resolved.ok) return resolved.path;
  if (resolved.reason === 'missing') throw new HandoutError(`the logo ${ref} does not exist`, { file, line }, 'give a PNG or JPEG file, relative to the source');
  throw new HandoutError(`the logo ${ref} is outside the project (${resolved.root})`, { file, line }, 'copy it into the project');
}

/**
 * UTF-8 is expected. Text pasted from old systems is often Windows-1252 (a superset of Latin-1):
 * convert it and say so, rather than printing replacement boxes. A NUL byte means a binary file.
 */
export function decodeText(bytes: Uint8Array, file: string, warnings: Warnings, pageBreaks: number[] = []): string {
  // Notepad's "Unicode" is UTF-16 with a byte-order mark: unambiguous, so it is read as it is.
  const utf16 = utf16Of(bytes);
  if (utf16) {
    const text = decodeText(Buffer.from(utf16.text, 'utf8'), file, warnings, pageBreaks);
    // A UTF-16 file is whole pairs of bytes: a last byte alone is half a character, cut off in copying.
    if (utf16.halfCharacterAtEnd) warnings.add('the file ends in half a character (UTF-16 with an odd number of bytes): its last byte was left out; check that the end of the file is complete', { file, line: text.split('\n').length });
    return text;
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1 && looksLikeUtf16(bytes)) {
    throw new HandoutError(
      'this looks like UTF-16 text without a byte-order mark, which cannot be read reliably',
      { file },
      'save it as UTF-8: in Notepad, Save As with Encoding UTF-8',
    );
  }
  if (nul !== -1) {
    throw new HandoutError(
      `this looks like a binary file, not text (a NUL byte at byte ${nul + 1})`,
      { file, line: lineOfByte(bytes, nul) },
      'handout reads Markdown (.md) and plain text (.txt) saved as UTF-8',
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const line = lineOfFirstInvalidUtf8(bytes);
    const mixed = decodeMixed(bytes, false);
    if (mixed.utf8Characters > mixed.strayBytes) {
      // UTF-8 with a few bytes from elsewhere ("Caf\xe9" pasted into a UTF-8 file): the UTF-8 stays
      // as it is, and each stray byte is read as the Windows-1252 character it most likely was.
      text = decodeMixed(bytes, true).text;
      warnings.add(`the file is UTF-8 except for ${mixed.strayBytes === 1 ? 'one byte' : `${mixed.strayBytes} bytes`}, read as Windows-1252 (Latin-1): check ${mixed.strayBytes === 1 ? 'it' : 'them'}`, { file, line });
    } else {
      text = decodeWindows1252(bytes);
      warnings.add('the file is not UTF-8; it was read as Windows-1252 (Latin-1)', { file, line });
    }
  }
  // Form feed, vertical tab and NEL (U+0085) separate words, as page and line breaks in the text
  // they come from: a space keeps them apart (the stages below remove control characters, which
  // would join "us\u0085tomorrow" into one word) and keeps every line's number as editors count it.
  // Where the form feeds stood is kept aside (`pageBreaks`): the plain-text reader knows a page's furniture by it.
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (lines.includes('\f')) lines.split('\n').forEach((l, i) => void (l.includes('\f') && pageBreaks.push(i + 1)));
  return lines.replace(/[\f\v\u0085]/g, ' ');
}

/** The text of a UTF-16 file that opens with its byte-order mark (little- or big-endian); undefined otherwise. */
function utf16Of(bytes: Uint8Array): { text: string; halfCharacterAtEnd: boolean } | undefined {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!le && !be) return undefined;
  const body = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
  if (be) body.swap16(); // Node decodes UTF-16 little-endian only
  return { text: body.toString('utf16le'), halfCharacterAtEnd: bytes.length % 2 === 1 };
}

/** The line (counting newline bytes, as an editor would) that the byte at `offset` is on. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** ASCII-heavy text in UTF-16: a NUL in most characters, all on the same side of each pair. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096 - (Math.min(bytes.length, 4096) % 2));
  let even = 0;
  let odd = 0;
  sample.forEach((b, i) => b === 0 && (i % 2 ? odd++ : even++));
  const pairs = sample.length / 2;
  // Enough characters to tell, most of them ASCII, and no NUL on the other side (binary files have them anywhere).
  return pairs >= 8 && ((odd > pairs / 2 && even === 0) || (even > pairs / 2 && odd === 0));
}

/**
 * Bytes read as UTF-8 where they form a well-formed sequence, and as Windows-1252 one by one
 * where they do not (`decode`; else only counted); with how many characters of each kind (beyond
 * ASCII) there were.
 */
function decodeMixed(bytes: Uint8Array, decode: boolean): { text: string; utf8Characters: number; strayBytes: number } {
  let text = '';
  let utf8Characters = 0;
  let strayBytes = 0;
  let from = 0; // start of the stretch of well-formed UTF-8 not yet decoded
  const cont = (i: number, lo = 0x80, hi = 0xbf) => i < bytes.length && bytes[i] >= lo && bytes[i] <= hi;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    let n = 0; // length of the well-formed sequence starting here, or 0
    if (b < 0x80) n = 1;
    else if (b >= 0xc2 && b <= 0xdf) n = cont(i + 1) ? 2 : 0;
    else if (b >= 0xe0 && b <= 0xef) n = cont(i + 1, b === 0xe0 ? 0xa0 : 0x80, b === 0xed ? 0x9f : 0xbf) && cont(i + 2) ? 3 : 0;
    else if (b >= 0xf0 && b <= 0xf4) n = cont(i + 1, b === 0xf0 ? 0x90 : 0x80, b === 0xf4 ? 0x8f : 0xbf) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    if (n) {
      if (n > 1) utf8Characters++;
      i += n;
      continue;
    }
    // Counted first, decoded only when kept (a long Windows-1252 file has many stray bytes).
    if (decode) text += Buffer.from(bytes.subarray(from, i)).toString('utf8') + decodeWindows1252(bytes.subarray(i, i + 1));
    strayBytes++;
    from = ++i;
  }
  return { text: decode ? text + Buffer.from(bytes.subarray(from)).toString('utf8') : '', utf8Characters, strayBytes };
}

function lineOfFirstInvalidUtf8(bytes: Uint8Array): number {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const bad = lenient.indexOf('\uFFFD');
  return lenient.slice(0, Math.max(0, bad)).split('\n').length;
}

/**
 * Windows-1252 differs from Latin-1 only in 0x80–0x9F, where it has the curly quotes, dashes and
 * euro sign that text pasted from word processors is full of. Node's TextDecoder may be built
 * without it (small ICU decodes that label as Latin-1), so the 32 code points are mapped here.
 */
const CP1252_HIGH = '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}
