/**
 * Reading PDFs back as a user's tools do: pdfjs-dist (Firefox's PDF reader) for text, metadata,
 * outline and links; Poppler's command-line tools where a test needs them.
 */
import { execFileSync } from 'node:child_process';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { visit } from 'unist-util-visit';
import { fromHtml } from 'hast-util-from-html';
import { parseMarkdown } from '../../src/parse/parseSource.js';

export interface PdfTextItem {
  str: string;
  x: number;
  /** From the top of the page. */
  y: number;
  size: number;
  font: string;
}

export interface PdfPage {
  items: PdfTextItem[];
  /** The page's text in reading order, lines joined by newlines. */
  text: string;
  links: { url?: string; dest?: unknown }[];
  width: number;
  height: number;
}

export interface ReadPdf {
  pages: PdfPage[];
  info: Record<string, unknown>;
  outline: { title: string; items: { title: string; items: unknown[] }[] }[];
  /** Text line by line as it looks on the pages. */
  text: string;
  /** Text in content-stream order: the order a screen reader or copy-paste meets it. */
  streamText: string;
}

export async function readPdf(data: Uint8Array): Promise<ReadPdf> {
  const doc = await getDocument({ data: new Uint8Array(data), isEvalSupported: false, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items: PdfTextItem[] = [];
    for (const it of content.items) {
      if (!('str' in it)) continue;
      const [a, b, , , e, f] = it.transform as number[];
      items.push({ str: it.str, x: e, y: viewport.height - f, size: Math.round(Math.hypot(a, b) * 100) / 100, font: it.fontName });
    }
    // Group into lines by baseline, top to bottom, left to right.
    const lines = new Map<number, PdfTextItem[]>();
    for (const it of items) {
      if (!it.str) continue;
      const key = [...lines.keys()].find((k) => Math.abs(k - it.y) < 2) ?? it.y;
      lines.set(key, [...(lines.get(key) ?? []), it]);
    }
    const text = [...lines.entries()]
      .sort((p, q) => p[0] - q[0])
      .map(([, its]) => its.sort((p, q) => p.x - q.x).map((i) => i.str).join(''))
      .join('\n');
    const annotations = await page.getAnnotations();
    const links = annotations.filter((a: { subtype: string }) => a.subtype === 'Link').map((a: { url?: string; dest?: unknown }) => ({ url: a.url, dest: a.dest }));
    pages.push({ items, text, links, width: viewport.width, height: viewport.height });
  }
  const meta = await doc.getMetadata();
  const outline = ((await doc.getOutline()) ?? []) as ReadPdf['outline'];
  await doc.destroy();
  return {
    pages,
    info: meta.info as Record<string, unknown>,
    outline,
    text: pages.map((p) => p.text).join('\n'),
    streamText: pages.map((p) => p.items.map((i) => i.str).join(' ')).join('\n'),
  };
}

/** Words of a text, for "nothing lost" comparisons: letters and digits only, case-folded. */
export function words(text: string): string[] {
  return (text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** True when every word of `expected` appears in `actual` in the same order (others may be between). */
export function inOrder(expected: string[], actual: string[]): { ok: boolean; missing?: string; at?: number } {
  let j = 0;
  for (let i = 0; i < expected.length; i++) {
    while (j < actual.length && actual[j] !== expected[i]) j++;
    if (j === actual.length) return { ok: false, missing: expected.slice(i, i + 8).join(' '), at: i };
    j++;
  }
  return { ok: true };
}

export function hasCommand(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** `pdffonts` rows: name, type, embedded. */
export function pdfFonts(file: string): { name: string; type: string; embedded: boolean }[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name, type words..., encoding, emb, sub, uni, object, id
      const emb = cols[cols.length - 5];
      return { name: cols[0], type: cols.slice(1, cols.length - 6).join(' '), embedded: emb === 'yes' };
    });
}

/** Pandoc's attributes (`[term]{#id}`, `![](x){alt='…'}`): ids, classes and settings, not words a reader is meant to read. */
const PANDOC_ATTRIBUTES = /\{\s*(?:(?:#[\w:.-]+|\.[\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s}"']+))\s*)+\}/g;

/** Every word a Markdown source says (its text, not its markup), in order. */
export function sourceWords(markdown: string): string[] {
  const parts: string[] = [];
  visit(parseMarkdown(markdown), (node) => {
    if (node.type === 'text' && 'value' in node) parts.push(String(node.value).replace(PANDOC_ATTRIBUTES, ' '));
    else if (node.type === 'inlineCode' && 'value' in node) parts.push(String(node.value));
  });
  return words(parts.join(' '));
}

/** Words of `expected` missing from `actual`, counting repeats (order not considered). */
export function missingWords(expected: string[], actual: string[]): string[] {
  const have = new Map<string, number>();
  for (const w of actual) have.set(w, (have.get(w) ?? 0) + 1);
  const missing: string[] = [];
  for (const w of expected) {
    const n = have.get(w) ?? 0;
    if (n === 0) missing.push(w);
    else have.set(w, n - 1);
  }
  return missing;
}

export interface StructElem {
  role: string;
  alt?: string;
  children: StructElem[];
}

/**
 * The PDF's structure tree (tagged PDF), read with qpdf --json from the catalog's StructTreeRoot:
 * each element's role (/S), its /Alt, and its child elements (marked content is left out).
 */
export function structTree(file: string): { root?: StructElem; catalog: Record<string, unknown>; objects: Record<string, { value?: unknown }> } {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-stream-data=none', file], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  const objects = json.qpdf[1] as Record<string, { value?: unknown }>;
  const deref = (v: unknown): unknown => (typeof v === 'string' && /^\d+ \d+ R$/.test(v) ? objects[`obj:${v}`]?.value : v);
  const trailer = objects.trailer.value as Record<string, string>;
  const catalog = deref(trailer['/Root']) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v.replace(/^u:/, '') : undefined);
  const walk = (v: unknown): StructElem | undefined => {
    const d = deref(v) as Record<string, unknown> | undefined;
    if (!d || typeof d !== 'object' || Array.isArray(d) || !('/S' in d)) return undefined;
    const kids = d['/K'] === undefined ? [] : Array.isArray(d['/K']) ? d['/K'] : [d['/K']];
    return { role: String(d['/S']).slice(1), alt: text(deref(d['/Alt'])), children: kids.map(walk).filter((k): k is StructElem => !!k) };
  };
  const root = deref(catalog['/StructTreeRoot']) as Record<string, unknown> | undefined;
  const top = root ? (Array.isArray(root['/K']) ? root['/K'] : [root['/K']]).map(walk).filter((k): k is StructElem => !!k) : [];
  return { root: root ? { role: 'StructTreeRoot', children: top } : undefined, catalog, objects };
}

/** Every element of a structure tree, depth first. */
export function structElements(e: StructElem | undefined): StructElem[] {
  return e ? [e, ...e.children.flatMap(structElements)] : [];
}

/** `pdfinfo` fields as a map. */
export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

/** qpdf --check: throws (with qpdf's report) when the file has errors. */
export function qpdfCheck(file: string): string {
  return execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });
}

/**
 * The words a reader gets from a PDF with Poppler's pdftotext (-raw: content-stream order, the
 * order a screen reader meets them), with the hyphens handout adds at line ends joined again: a
 * word split "hydroxy-" / "chloroquine" is joined when the joined word is one of `known`.
 */
export function pdftotextWords(file: string, known: Set<string>): string[] {
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const joined = text.replace(/(\p{L}+)-\n(\p{L}+)/gu, (m, a: string, b: string) => (known.has(`${a}${b}`.normalize('NFC').toLowerCase()) ? `${a}${b}\n` : m));
  return words(joined);
}

/**
 * The words of the PDF's structure tree in its order, the order a screen reader reads them, as
 * Poppler reads them (`pdfinfo -struct-text`). Artifacts (running footer, repeated table headers,
 * hyphens added at line ends) are not in the tree. With `labels: false`, list labels (bullets,
 * numbers) are left out, as the HTML's list markers are not text either.
 */
export function structTextWords(file: string, options: { labels?: boolean } = {}): string[] {
  const out = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const texts: string[] = [];
  let skipBelow = -1; // indentation of a Lbl element whose text is skipped
  for (const line of out.split('\n')) {
    const indent = line.length - line.trimStart().length;
    if (skipBelow >= 0 && indent <= skipBelow) skipBelow = -1;
    if (options.labels === false && /^\s*Lbl\b/.test(line)) skipBelow = indent;
    else if (skipBelow < 0 && /^\s*"/.test(line)) texts.push(line.trim().slice(1, -1));
  }
  return words(texts.join('\n'));
}

/** The words drawn as artifacts (page furniture, repeated table headers), read with pdfjs. */
export async function artifactWords(data: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(data), isEvalSupported: false, verbosity: 0 }).promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent({ includeMarkedContent: true });
    const stack: string[] = [];
    for (const item of content.items as { type?: string; tag?: string; str?: string }[]) {
      if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') stack.push(item.tag ?? '');
      else if (item.type === 'endMarkedContent') stack.pop();
      else if (item.str !== undefined && stack.includes('Artifact')) text += `${item.str}\n`;
    }
  }
  await doc.destroy();
  return words(text);
}

const HTML_BLOCKS = new Set(['p', 'div', 'li', 'td', 'th', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'br', 'section', 'aside', 'header', 'footer', 'main', 'table', 'ul', 'ol', 'pre', 'blockquote', 'dt', 'dd', 'dl', 'figure', 'figcaption', 'hr', 'nav', 'article', 'details', 'summary', 'address', 'thead', 'tbody', 'tfoot', 'caption']);

/**
 * The words of a handout's HTML as the PDF prints them: the body without the running footer; an
 * image the PDF draws says nothing, one it cannot draw prints "[Image: alt]", one inside a line its
 * alt text; a task-list checkbox prints "[x]" or "[ ]".
 */
export function htmlWords(html: string): string[] {
  const parts: string[] = [];
  const walk = (node: HastNode, inline: boolean): void => {
    if (node.type === 'text') parts.push(node.value ?? '');
    if (node.type !== 'element' && node.type !== 'root') return;
    const tag = node.tagName ?? '';
    const props = node.properties ?? {};
    if (['head', 'style', 'script', 'template'].includes(tag) || props.dataRunning !== undefined) return;
    if (tag === 'img') {
      const alt = String(props.alt ?? '');
      const drawn = /^data:image\/(png|jpeg);base64,/.test(String(props.src ?? ''));
      parts.push(' ', inline ? alt : drawn ? '' : alt ? `[Image: ${alt}]` : '[Image]', ' ');
      return;
    }
    if (tag === 'input') parts.push(props.checked !== undefined && props.checked !== false ? '[x] ' : '[ ] ');
    const block = HTML_BLOCKS.has(tag);
    if (block) parts.push(' ');
    // Inside an inline element (a, strong …) an image is part of the line.
    const childInline = block || tag === 'body' || tag === 'html' || node.type === 'root' ? false : true;
    for (const child of node.children ?? []) walk(child, childInline || inline);
    if (block) parts.push(' ');
  };
  walk(fromHtml(html) as unknown as HastNode, false);
  return words(parts.join(''));
}

interface HastNode {
  type: string;
  value?: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}
