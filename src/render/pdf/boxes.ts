/**
 * Build boxes: styled HTML elements → a tree of boxes the layout understands: blocks, text
 * (a paragraph-like run of inline content), tables, images, rules and flex rows.
 * Every piece of text in the HTML lands in a box or is reported; nothing is dropped silently.
 */
import type { Element, ElementContent, Root } from 'hast';
import { vectorOf, type VectorDrawing } from './vector.js';
import { toHtml } from 'hast-util-to-html';
import type { Warnings } from '../../diagnostics.js';
import { covers, coversAsAscii, fallbackChain, hasGlyph, selectFace, splitByFace, type FontFace } from './fonts.js';
import { inheritFrom, type ComputedStyle, type ResolvedStyles } from './styles.js';

export interface InlineRun {
  text: string;
  face: FontFace;
  size: number;
  color: string;
  underline: boolean;
  lineHeight: number;
  /** URL, or `#id` for a place in the same document. */
  link?: string;
  /** Which <a> the run is part of: runs of one link become one Link in the structure tree. */
  linkId?: number;
  /** Filled in per page when drawn: the page number or the page count. */
  counter?: 'page' | 'pages';
  /** A footnote reference: the id of the note (a box of BoxTree.footnotes) it calls. */
  footnote?: string;
  /** How far the text is raised above the baseline (negative: lowered), in points. */
  rise?: number;
  /** The colour drawn behind the text (`<mark>`). */
  highlight?: string;
}

export interface BlockBox {
  kind: 'block';
  tag: string;
  style: ComputedStyle;
  children: Box[];
  id?: string;
  /** A list item's marker ("•", "3."), drawn beside its first line. */
  marker?: InlineRun;
}
export interface TextBox {
  kind: 'text';
  tag: string;
  style: ComputedStyle;
  runs: InlineRun[];
  id?: string;
}
export interface TableCell {
  style: ComputedStyle;
  header: boolean;
  colspan: number;
  content: BlockBox;
}
export interface TableRow {
  style: ComputedStyle;
  header: boolean;
  cells: TableCell[];
}
export interface TableBox {
  kind: 'table';
  tag: string;
  style: ComputedStyle;
  rows: TableRow[];
}
export interface ImageBox {
  kind: 'image';
  tag: string;
  style: ComputedStyle;
  /** A PNG or JPEG image's bytes, or vector shapes (a template's inline SVG of paths, such as the QR code); or, for an SVG figure, its sanitised markup (drawn by svg-to-pdfkit). */
  data?: Buffer | VectorDrawing;
  svg?: string;
  alt: string;
  /** Intrinsic size in CSS pixels. */
  width: number;
  height: number;
}
export interface RuleBox {
  kind: 'rule';
  tag: string;
  style: ComputedStyle;
}
export interface FlexBox {
  kind: 'flex';
  tag: string;
  style: ComputedStyle;
  children: BlockBox[];
}
export type Box = BlockBox | TextBox | TableBox | ImageBox | RuleBox | FlexBox;

export interface BoxTree {
  body: BlockBox;
  /** Elements marked data-running="footer" (or header): repeated on every page, not in the flow. */
  running: { header?: Box; footer?: Box };
  /** Notes styled `float: footnote`, by id: set at the foot of the page that refers to them. */
  footnotes: Map<string, Box>;
}

const INLINE_TAGS = new Set([
  'span', 'a', 'strong', 'b', 'em', 'i', 'code', 'sup', 'sub', 'small', 'mark', 'abbr', 'del', 's', 'ins', 'u', 'kbd', 'q',
  'cite', 'br', 'img', 'input', 'dfn', 'time', 'var', 'samp', 'data', 'bdi', 'bdo', 'wbr', 'label', 'big', 'font', 'strike', 'tt',
]);
const KNOWN_TAGS = new Set([
  ...INLINE_TAGS, 'html', 'head', 'body', 'title', 'meta', 'style', 'link', 'script', 'noscript', 'template', 'div', 'p', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'section', 'aside', 'header', 'footer', 'main', 'nav', 'article', 'figure',
  'figcaption', 'hr', 'pre', 'dl', 'dt', 'dd', 'details', 'summary', 'address', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td',
  'th', 'caption', 'colgroup', 'col', 'picture', 'source', 'svg',
]);

/** Scripts written right to left: drawn left to right by this renderer, so a reader is told. */
const RIGHT_TO_LEFT: [string, RegExp][] = [
  ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Syriac', /\p{Script=Syriac}/u],
  ['Thaana', /\p{Script=Thaana}/u],
  ['N\'Ko', /\p{Script=Nko}/u],
];

export interface BoxContext {
  styles: ResolvedStyles;
  warnings: Warnings;
  /** The template the HTML came from, named in warnings about elements the PDF does not support. */
  templateFile: string;
  /** The source document, named in warnings about characters no font can draw. */
  documentFile?: string;
  /** The source document's text: a warning about what it holds names the line it first appears on. */
  documentText?: string;
}

/** Characters no font has, each reported on its own line up to this many a document; the rest in one line. */
const MISSING_CHARACTERS_SHOWN = 5;
/** The characters no font has reported for each document (its warnings), over all its outputs. */
const missingReported = new WeakMap<Warnings, Set<string>>();

export function buildBoxes(root: Root, ctx: BoxContext): BoxTree {
  const running: BoxTree['running'] = {};
  const html = root.children.find((n): n is Element => n.type === 'element' && n.tagName === 'html');
  const body = html?.children.find((n): n is Element => n.type === 'element' && n.tagName === 'body');
  const bodyEl: Element = body ?? { type: 'element', tagName: 'body', properties: {}, children: root.children as ElementContent[] };
  const footnotes = new Map<string, Box>();
  const builder = new BoxBuilder(ctx, running, footnotes);
  const tree = { body: builder.block(bodyEl, ctx.styles.styleOf(bodyEl)), running, footnotes };
  builder.reportOtherMissing();
  return tree;
}

class BoxBuilder {
  private listDepth = 0;
  private links = 0;

  constructor(
    private ctx: BoxContext,
    private running: BoxTree['running'],
    private footnotes: BoxTree['footnotes'],
  ) {}

  /** Past MISSING_CHARACTERS_SHOWN: characters no font has, told in one line at the end. */
  private otherMissing: string[] = [];

  /** An element the PDF does not draw: where the source has it (raw HTML), its line there; else the template. */
  private unsupported(what: string, tag: string): void {
    const inSource = this.inSource(new RegExp(`<${tag}[\\s/>]`, 'i'));
    this.ctx.warnings.add(`${what} is not supported in the PDF; its text is printed as plain text`, inSource ?? { file: this.ctx.templateFile });
  }

  /** The source document and the line where `what` first appears in it, when it does. */
  private inSource(what: RegExp | string): { file: string; line: number } | undefined {
    const { documentFile: file, documentText: text } = this.ctx;
    if (!file || !text) return undefined;
    const at = typeof what === 'string' ? text.indexOf(what) : text.search(what);
    if (at < 0) return undefined;
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
    return { file, line };
  }

  /** Characters no font has beyond the few told one by one: one line for all of them. */
  reportOtherMissing(): void {
    const others = this.otherMissing;
    if (!others.length) return;
    const shown = others.slice(0, 10).map((ch) => `"${ch}"`).join(', ');
    this.ctx.warnings.add(
      `no font can draw ${others.length} other characters (${shown}${others.length > 10 ? ' …' : ''}); they print as empty boxes (add a font that has them: see "Fonts" in the README)`,
      this.inSource(others[0]) ?? { file: this.ctx.documentFile ?? this.ctx.templateFile },
    );
  }

  /** A block-level element and its children. */
  block(el: Element, style: ComputedStyle): BlockBox {
    const box: BlockBox = { kind: 'block', tag: el.tagName, style, children: [], id: idOf(el) };
    let pending: InlineRun[] = [];
    const flushInline = () => {
      if (pending.some((r) => r.text.trim() !== '' || r.counter)) {
        box.children.push({ kind: 'text', tag: 'span', style: anonymous(style), runs: this.withFallbackFaces(pending) });
      }
      pending = [];
    };
    let listIndex = Number(el.properties?.start ?? 1);
    const isList = el.tagName === 'ul' || el.tagName === 'ol';
    if (isList) this.listDepth++;
    for (const child of el.children) {
      if (child.type === 'text') {
        pending.push(this.run(child.value, style));
        continue;
      }
      if (child.type !== 'element') continue;
      const childStyle = this.ctx.styles.styleOf(child);
      if (childStyle.display === 'none') continue;
      const runningKind = child.properties?.dataRunning;
      if (runningKind === 'footer' || runningKind === 'header') {
        this.running[runningKind] = this.blockLevel(child, childStyle);
        continue;
      }
      if (childStyle.display === 'inline' && child.tagName !== 'img' && child.tagName !== 'svg') {
        pending.push(...this.inline(child, childStyle));
        continue;
      }
      flushInline();
      const built = this.blockLevel(child, childStyle);
      if (!built) continue;
      if (childStyle.display === 'list-item' && built.kind === 'block') {
        built.marker = this.marker(el.tagName, bulletFor(childStyle.listStyleType, this.listDepth), listIndex++, childStyle);
      }
      const id = idOf(child);
      if (childStyle.float === 'footnote' && id) this.footnotes.set(id, built);
      else if (!isEmptyNotes(built)) box.children.push(built);
    }
    flushInline();
    if (isList) this.listDepth--;
    return box;
  }

  private blockLevel(el: Element, style: ComputedStyle): Box | undefined {
    if (el.tagName === 'img') return this.image(el, style);
    if (el.tagName === 'svg') return this.vector(el, style);
    if (el.tagName === 'hr') return { kind: 'rule', tag: 'hr', style };
    if (style.display === 'table') return this.table(el, style);
    if (style.display === 'flex') {
      const children = el.children
        .filter((c): c is Element => c.type === 'element' && this.ctx.styles.styleOf(c).display !== 'none')
        .map((c) => this.block(c, this.ctx.styles.styleOf(c)));
      return { kind: 'flex', tag: el.tagName, style, children };
    }
    if (!KNOWN_TAGS.has(el.tagName)) this.unsupported(`element <${el.tagName}>`, el.tagName);
    if (style.display === 'list-item') {
      // A list item is always a block, so its marker has a first line to sit beside.
      return this.block(el, style);
    }
    return this.blockOrText(el, style);
  }

  /** A block whose content is only inline becomes one text box; otherwise a block of boxes. */
  private blockOrText(el: Element, style: ComputedStyle): Box {
    const b = this.block(el, style);
    if (b.children.length === 1 && b.children[0].kind === 'text' && !hasBlockChild(el, this.ctx.styles)) {
      return { kind: 'text', tag: el.tagName, style, runs: b.children[0].runs, id: b.id };
    }
    return b;
  }

  /** Inline content → runs, each with its face, size, colour and link. */
  private inline(el: Element, style: ComputedStyle, link?: string, linkId?: number): InlineRun[] {
    if (el.tagName === 'br') return [this.run('\u2028', style, link, linkId)];
    if (el.tagName === 'input') {
      const checked = el.properties?.checked !== undefined && el.properties?.checked !== false;
      return [this.run(checked ? '[x] ' : '[ ] ', style, link, linkId)];
    }
    if (el.properties?.dataPage !== undefined) return [{ ...this.run('0', style, link), counter: 'page' }];
    if (el.properties?.dataPages !== undefined) return [{ ...this.run('0', style, link), counter: 'pages' }];
    if (!KNOWN_TAGS.has(el.tagName)) this.unsupported(`element <${el.tagName}>`, el.tagName);
    const isLink = el.tagName === 'a' && typeof el.properties?.href === 'string';
    const href = isLink ? String(el.properties.href) : link;
    const id = isLink ? ++this.links : linkId;
    const footnote = isLink && el.properties?.dataFootnoteRef !== undefined ? decodeURIComponent(href!.replace(/^#/, '')) : undefined;
    const runs: InlineRun[] = [];
    for (const child of el.children) {
      if (child.type === 'text') runs.push({ ...this.run(child.value, style, href, id), ...(footnote ? { footnote } : {}) });
      else if (child.type === 'element') {
        const s = this.ctx.styles.styleOf(child);
        if (s.display === 'none') continue;
        if (child.tagName === 'img' || child.tagName === 'svg') {
          // An image inside a line prints its alt text in the line: nothing is lost.
          const alt = String(child.properties?.alt ?? child.properties?.ariaLabel ?? '');
          if (alt) runs.push(this.run(alt, s, href, id));
          continue;
        }
        runs.push(...this.inline(child, s, href, id));
      }
    }
    return runs;
  }

  /**
   * Splits runs where their face lacks glyphs, so each part is measured and drawn by a face that
   * has them. A paragraph mostly in another script (Greek, Vietnamese …) prefers the face that
   * has most of it, so it reads in one typeface. A character no face has is reported once.
   */
  private withFallbackFaces(runs: InlineRun[]): InlineRun[] {
    // Most runs are printable ASCII in a face that has all of it: nothing to split, prefer or report.
    if (runs.every((run) => coversAsAscii(run.face, run.text))) return runs.map((run) => (run.text ? { ...run } : run));
    const needs = new Map<string, { face: FontFace; count: number }>();
    let wordCount = 0;
    for (const run of runs) {
      for (const word of run.text.match(/[^\s]+/g) ?? []) {
        wordCount++;
        if (covers(run.face, word)) continue;
        for (const f of fallbackChain(run.face).slice(1)) {
          if (covers(f, word)) {
            needs.set(f.family, { face: f, count: (needs.get(f.family)?.count ?? 0) + 1 });
            break;
          }
        }
      }
    }
    const top = [...needs.values()].sort((a, b) => b.count - a.count)[0];
    const preferFamily = top && top.count * 2 > wordCount ? top.face.family : undefined;
    const out: InlineRun[] = [];
    for (const run of runs) {
      const prefer = preferFamily ? fallbackChain(run.face).find((f) => f.family === preferFamily) : undefined;
      const { spans, missing } = splitByFace(run.text, run.face, prefer);
      for (const ch of missing) this.missingCharacter(ch);
      const drawn = missing.reduce((text, ch) => text.replaceAll(ch, ''), run.text);
      for (const [script, letters] of RIGHT_TO_LEFT) {
        if (!letters.test(drawn)) continue;
        this.ctx.warnings.add(`${script} text prints left to right in the PDF, so it reads backwards: the PDF does not lay out right-to-left text yet (the web page shows it right; see "Fonts" in the README)`, { file: this.ctx.documentFile ?? this.ctx.templateFile });
      }
      if (spans.length <= 1) out.push(spans.length ? { ...run, face: spans[0].face } : run);
      else for (const span of spans) out.push({ ...run, text: span.text, face: span.face });
    }
    return out;
  }

  /** A character no font has: told once a document, at the line it first appears on; past a few, in one line for all. */
  private missingCharacter(ch: string): void {
    const reported = missingReported.get(this.ctx.warnings) ?? new Set<string>();
    missingReported.set(this.ctx.warnings, reported);
    if (reported.has(ch)) return;
    reported.add(ch);
    if (reported.size > MISSING_CHARACTERS_SHOWN) {
      this.otherMissing.push(ch);
      return;
    }
    const cp = [...ch].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
    this.ctx.warnings.add(
      `no font can draw the character "${ch}" (${cp}); it prints as an empty box (add a font that has it: see "Fonts" in the README)`,
      this.inSource(ch) ?? { file: this.ctx.documentFile ?? this.ctx.templateFile },
    );
  }

  run(text: string, style: ComputedStyle, link?: string, linkId?: number): InlineRun {
    return {
      text: transform(text, style.textTransform),
      face: selectFace(style.fontFamily, style.fontWeight, style.italic),
      size: style.fontSize,
      color: style.color,
      underline: style.underline,
      lineHeight: style.lineHeight,
      link,
      linkId: link ? linkId : undefined,
      ...(style.verticalAlign === 'baseline' ? {} : { rise: style.fontSize * (style.verticalAlign === 'super' ? 0.5 : -0.25) }),
      ...(style.highlight ? { highlight: style.highlight } : {}),
    };
  }

  private marker(listTag: string, type: string, index: number, style: ComputedStyle): InlineRun | undefined {
    if (type === 'none') return undefined;
    let text: string;
    if (listTag === 'ol' || /decimal|alpha|latin|roman/.test(type)) {
      const t = listTag === 'ol' && type === 'disc' ? 'decimal' : type;
      text = `${counterText(index, t)}.`;
    } else {
      text = type === 'circle' ? '◦' : type === 'square' ? '▪' : '•';
    }
    const run = this.run(text, style);
    // Not every font draws every bullet: fall back to ones it has rather than print an empty box.
    const fallbacks = text === '◦' ? ['◦', '–', '-'] : text === '▪' ? ['▪', '■', '•', '-'] : [text, '•', '-'];
    for (const fallback of fallbacks) {
      if ([...fallback].every((ch) => hasGlyph(run.face, ch))) return { ...run, text: fallback };
    }
    return run;
  }

  /** An inline SVG: filled paths only (a template's QR code) as shapes sized by CSS; any other figure through svg-to-pdfkit. */
  private vector(el: Element, style: ComputedStyle): Box {
    const vector = vectorOf(el, style);
    if (vector) return { kind: 'image', tag: 'img', style, data: vector.drawing, alt: vector.alt, width: vector.width, height: vector.height };
    this.svgTextCovered(el, style);
    return svgImage(el, style);
  }

  /**
   * A figure's text is drawn in one face, without the fallback faces body text gets: a character it
   * lacks ("中文" in a label) prints as an empty box, and is told as one in the text is.
   */
  private svgTextCovered(el: Element, style: ComputedStyle): void {
    const face = selectFace(style.fontFamily, 400, false);
    const missing = new Set<string>();
    const walk = (node: ElementContent | Element) => {
      if (node.type === 'text') {
        for (const ch of node.value) if (/\S/u.test(ch) && !/\p{Default_Ignorable_Code_Point}/u.test(ch) && !hasGlyph(face, ch)) missing.add(ch);
      } else if (node.type === 'element' && !SVG_NOT_DRAWN.has(node.tagName)) node.children.forEach(walk);
    };
    walk(el);
    if (!missing.size) return;
    const alt = String(el.properties?.ariaLabel ?? '').trim();
    const shown = [...missing].slice(0, 10).map((ch) => `"${ch}"`).join(', ');
    this.ctx.warnings.add(
      `the figure${alt ? ` "${alt}"` : ''} has text its font cannot draw (${shown}${missing.size > 10 ? ' …' : ''}); it prints as empty boxes (write that text outside the figure, or export the figure with its text as shapes)`,
      { file: this.ctx.documentFile ?? this.ctx.templateFile },
    );
  }

  private image(el: Element, style: ComputedStyle): Box | undefined {
    const src = String(el.properties?.src ?? '');
    const alt = String(el.properties?.alt ?? '');
    const m = /^data:image\/(png|jpeg);base64,(.*)$/s.exec(src);
    if (m) {
      const data = Buffer.from(m[2], 'base64');
      const size = imageSize(data, m[1] as 'png' | 'jpeg');
      if (size) return { kind: 'image', tag: 'img', style, data, alt, ...size };
    }
    // No drawable image: print its alt text where it stood, so the reader still gets the content.
    const text = alt ? `[Image: ${alt}]` : '[Image]';
    return { kind: 'text', tag: 'p', style, runs: this.withFallbackFaces([this.run(text, { ...style, italic: true })]) };
  }

  private table(el: Element, style: ComputedStyle): TableBox {
    const rows: TableRow[] = [];
    const collect = (parent: Element, inHead: boolean) => {
      for (const child of parent.children) {
        if (child.type !== 'element') continue;
        const s = this.ctx.styles.styleOf(child);
        if (s.display === 'none') continue;
        if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') collect(child, child.tagName === 'thead');
        else if (child.tagName === 'tr') {
          const cells: TableCell[] = child.children
            .filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'))
            .map((c) => {
              const cs = this.ctx.styles.styleOf(c);
              return { style: cs, header: c.tagName === 'th', colspan: spanOf(c.properties?.colSpan), content: this.block(c, cs) };
            });
          const header = inHead || (cells.length > 0 && cells.every((c) => c.header));
          if (cells.length) rows.push({ style: s, header, cells });
        } else if (child.tagName === 'caption') {
          this.unsupported('a table <caption>', 'caption');
        }
      }
    };
    collect(el, false);
    return { kind: 'table', tag: 'table', style, rows };
  }
}

/** An inline SVG figure (sanitised when the HTML was made): its markup, alt text and intrinsic size. */
function svgImage(el: Element, style: ComputedStyle): ImageBox {
  const svg = toHtml(el, { space: 'svg' });
  const alt = String(el.properties?.ariaLabel ?? '');
  return { kind: 'image', tag: 'svg', style, svg, alt, ...svgSize(el) };
}

/** SVG elements whose text is not drawn: a figure's name and description. */
const SVG_NOT_DRAWN = new Set(['title', 'desc', 'metadata']);

/** CSS pixels per unit of an SVG length. */
const SVG_UNITS: Record<string, number> = { '': 1, px: 1, pt: 4 / 3, pc: 16, mm: 96 / 25.4, cm: 96 / 2.54, in: 96 };

/** An SVG's size in CSS pixels: its width and height, else its viewBox, else the CSS default 300 × 150. */
export function svgSize(el: Element): { width: number; height: number } {
  const length = (v: unknown) => {
    const m = /^\s*([\d.]+)\s*(px|pt|pc|mm|cm|in)?\s*$/.exec(String(v ?? ''));
    return m ? Number(m[1]) * SVG_UNITS[m[2] ?? ''] : undefined;
  };
  const box = String(el.properties?.viewBox ?? '').trim().split(/[\s,]+/).map(Number);
  const [vw, vh] = box.length === 4 && box[2] > 0 && box[3] > 0 ? [box[2], box[3]] : [undefined, undefined];
  let width = length(el.properties?.width);
  let height = length(el.properties?.height);
  if (width && !height) height = vw && vh ? (width * vh) / vw : 150;
  if (height && !width) width = vw && vh ? (height * vw) / vh : 300;
  return { width: width ?? vw ?? 300, height: height ?? vh ?? 150 };
}

/**
 * A notes section whose notes all went to the feet of their pages: only its heading is left, a
 * label for nothing, so it is not printed.
 */
function isEmptyNotes(box: Box): boolean {
  if (box.kind !== 'block' || box.tag !== 'section') return false;
  const texts = boxTexts(box);
  return box.children.some((c) => c.kind === 'block' && (c.tag === 'ol' || c.tag === 'ul') && c.children.length === 0) && texts.length === 1;
}

function boxTexts(box: Box): Box[] {
  if (box.kind === 'text') return [box];
  if (box.kind === 'block') return box.children.flatMap(boxTexts);
  return [];
}

function anonymous(parent: ComputedStyle): ComputedStyle {
  const s = inheritFrom(parent);
  s.display = 'block';
  return s;
}

function hasBlockChild(el: Element, styles: ResolvedStyles): boolean {
  return el.children.some((c) => c.type === 'element' && styles.styleOf(c).display !== 'inline' && styles.styleOf(c).display !== 'none');
}

function idOf(el: Element): string | undefined {
  const id = el.properties?.id;
  return typeof id === 'string' && id ? id : undefined;
}

/** Nested bullet lists alternate their bullets, as browsers do: disc, circle, square. */
function bulletFor(type: string, depth: number): string {
  if (type !== 'disc') return type;
  return depth <= 1 ? 'disc' : depth === 2 ? 'circle' : 'square';
}

function transform(text: string, how: ComputedStyle['textTransform']): string {
  if (how === 'uppercase') return text.toUpperCase();
  if (how === 'lowercase') return text.toLowerCase();
  if (how === 'capitalize') return text.replace(/(^|\s)(\p{L})/gu, (_, s: string, c: string) => s + c.toUpperCase());
  return text;
}

export function counterText(n: number, type: string): string {
  if (/alpha|latin/.test(type)) {
    let s = '';
    for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
    return type.startsWith('upper') ? s.toUpperCase() : s;
  }
  if (/roman/.test(type)) {
    const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
    let s = '';
    let k = n;
    for (const [v, r] of table) while (k >= v) { s += r; k -= v; }
    return type.startsWith('upper') ? s.toUpperCase() : s;
  }
  return String(n);
}

/** Pixel size of a PNG or JPEG, read from its header. */
export function imageSize(data: Buffer, format: 'png' | 'jpeg'): { width: number; height: number } | undefined {
  if (format === 'png') {
    if (data.length < 24 || data.readUInt32BE(12) !== 0x49484452) return undefined;
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  let i = 2;
  while (i + 9 < data.length) {
    if (data[i] !== 0xff) return undefined;
    const marker = data[i + 1];
    const len = data.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: data.readUInt16BE(i + 5), width: data.readUInt16BE(i + 7) };
    }
    i += 2 + len;
  }
  return undefined;
}

/**
 * A cell's colspan as browsers read it: its leading digits, else 1 (`colspan="all"`, 0 or a
 * negative number), at most 1000. NaN here dropped the whole table from the page.
 */
function spanOf(value: unknown): number {
  const n = Number.parseInt(String(value ?? '').trim(), 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}
