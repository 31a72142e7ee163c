/**
 * The web page uses the print font: the faces the PDF draws with are embedded in the HTML as WOFF2
 * data URLs, each subset to the characters the page shows, so the page stays one self-contained
 * file and looks like the handout on every device. The fallback chain is the PDF's: text the
 * first family cannot draw (Vietnamese, Greek, Cyrillic …) comes from the next family that can,
 * declared under the same CSS family name with a `unicode-range`, as browsers compose families.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readRegularFile } from '../read/regularFile.js';
import os from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { covers, fontFamilies, type FaceStyle, type FontFace } from '../render/pdf/fonts.js';

const CSS_STYLE: Record<FaceStyle, { weight: number; style: 'normal' | 'italic' }> = {
  regular: { weight: 400, style: 'normal' },
  bold: { weight: 700, style: 'normal' },
  italic: { weight: 400, style: 'italic' },
  boldItalic: { weight: 700, style: 'italic' },
};

/** Printable ASCII is always kept: text a reader types into the page's find box, digits of dates. */
const ALWAYS = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

/** Subsets are the costly part and repeat across a library's pages: kept per face and character set. */
const subsets = new Map<string, Promise<Buffer>>();
const MAX_SUBSETS = 200;

/**
 * WOFF2 compression takes about half a second a face, so subsets are also kept on disk, shared by
 * the user's builds: named by a hash of the font file and the characters, so an entry is never
 * stale, and written whole or not at all. In the user's own cache folder (created private), not the
 * shared temporary folder, where another account could plant a font that draws other glyphs.
 */
const DISK_CACHE = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'handout', 'font-subsets');
const fileHashes = new Map<string, string>();

function subsetOf(face: FontFace, chars: string): Promise<Buffer> {
  const key = `${face.key}\u0000${chars}`;
  let subset = subsets.get(key);
  if (!subset) {
    if (subsets.size >= MAX_SUBSETS) subsets.clear(); // bounded: memory stays flat across a large library
    subset = cachedOnDisk(face.file, chars);
    subsets.set(key, subset);
  }
  return subset;
}

async function cachedOnDisk(file: string, chars: string): Promise<Buffer> {
  let fileHash = fileHashes.get(file);
  if (!fileHash) fileHashes.set(file, (fileHash = createHash('sha256').update(readFileSync(file)).digest('hex')));
  const name = path.join(DISK_CACHE, `${createHash('sha256').update(`${fileHash}\u0000${chars}`).digest('hex').slice(0, 32)}.woff2`);
  try {
    const cached = readRegularFile(name); // never a FIFO or a device planted in its place
    if (wholeWoff2(cached)) return cached;
    // Cut short or emptied (a full disk, a crash of the machine): made again below, never embedded.
  } catch {
    // Not made yet: make it below.
  }
  // Loaded only when a subset must be made: a build that finds them all on disk never pays for it.
  // Through require, not import(): Node 20 loses a script's import() callback when the script comes
  // from V8's code cache, as the bundled command does (bin/loadBundle.js), and every first build failed.
  const subsetFont = createRequire(import.meta.url)('subset-font') as typeof import('subset-font').default;
  const subset = await subsetFont(readFileSync(file), chars, { targetFormat: 'woff2' });
  try {
    mkdirSync(DISK_CACHE, { recursive: true, mode: 0o700 });
    const tmp = `${name}.${process.pid}.${threadId}.tmp`;
    writeFileSync(tmp, subset);
    renameSync(tmp, name);
  } catch {
    // A cache that cannot be written only costs time.
  }
  return subset;
}

/** A WOFF2 file as long as its header says: 'wOF2', and its length at byte 8. */
function wholeWoff2(bytes: Buffer): boolean {
  return bytes.length >= 48 && bytes.toString('latin1', 0, 4) === 'wOF2' && bytes.readUInt32BE(8) === bytes.length;
}

/**
 * What a face is subset to: every character it has in each run of 128 code points (Basic Latin,
 * Latin-1, General Punctuation …) the page uses. Pages of one language then share one subset, made
 * once per process (WOFF2 compression is the slow part), and a later edit that adds an "é" needs
 * no new font.
 */
function blocksOf(face: FontFace, chars: string): string {
  const blocks = new Set([...chars].map((ch) => ch.codePointAt(0)! >> 7));
  const out: string[] = [];
  for (const block of [...blocks].sort((a, b) => a - b)) {
    for (let cp = block << 7; cp < (block + 1) << 7; cp++) {
      if (face.font.hasGlyphForCodePoint(cp) && !(cp < 32 || (cp >= 0x7f && cp < 0xa0))) out.push(String.fromCodePoint(cp));
    }
  }
  return out.join('');
}

/**
 * The characters a page shows, to the block: the characters of its markup outside style and
 * script elements. Tag and attribute names are Basic Latin, always embedded; our HTML writes every
 * other character as itself, so no block a page shows is missed.
 */
export function pageCharacters(html: string): string {
  const chars = new Set<string>(ALWAYS);
  // Only characters outside ALWAYS (printable Basic Latin) can add to it.
  for (const [ch] of html.replace(/<(style|script)\b[\s\S]*?<\/\1>/gi, '').matchAll(/[^\x20-\x7e]/gu)) chars.add(ch);
  return [...chars].filter((ch) => !/[\n\r\t]/.test(ch)).sort().join('');
}

/** `U+0041, U+00E9 …` for a `unicode-range` descriptor. */
function unicodeRange(chars: string): string {
  return [...chars].map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase()}`).join(', ');
}

/** The @font-face rules for a page showing `chars`: each family's faces, subset to what it draws. */
export async function fontFaceCss(chars: string): Promise<string> {
  const families = fontFamilies();
  const cssName = families[0].name;
  let left = chars;
  const rules: string[] = [];
  for (const [i, family] of families.entries()) {
    const regular = family.faces.regular;
    // The first family draws what it has; each next one only what the ones before it lack.
    const own = [...left].filter((ch) => covers(regular, ch)).join('');
    if (!own) continue;
    left = [...left].filter((ch) => !covers(regular, ch)).join('');
    const files = new Set<string>();
    for (const face of Object.values(family.faces)) {
      // A family with one file (symbols) is declared once; the browser draws its bold itself.
      if (files.has(face.file)) continue;
      files.add(face.file);
      const data = (await subsetOf(face, blocksOf(face, own))).toString('base64');
      const { weight, style } = CSS_STYLE[face.style];
      const range = i === 0 ? '' : ` unicode-range: ${unicodeRange(own)};`;
      rules.push(`@font-face { font-family: "${cssName}"; font-weight: ${weight}; font-style: ${style}; font-display: swap;${range} src: url(data:font/woff2;base64,${data}) format("woff2"); }`);
    }
    if (!left) break;
  }
  return rules.join('\n');
}

/** The page with its fonts embedded: first in its stylesheet, or in a style element of their own. */
export async function embedFonts(html: string): Promise<string> {
  const css = await fontFaceCss(pageCharacters(html));
  const head = html.indexOf('</head>');
  if (!css || head < 0) return html;
  const rules = `\n/* The handout's fonts, subset to this page's characters (see the README, "Fonts"). */\n${css}\n`;
  const style = /<style>/i.exec(html.slice(0, head));
  if (style) return `${html.slice(0, style.index + style[0].length)}${rules}${html.slice(style.index + style[0].length)}`;
  return `${html.slice(0, head)}<style>${rules}</style>\n${html.slice(head)}`;
}
