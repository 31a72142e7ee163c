/**
 * Content blocks (mdast) → HTML for the templates. Raw HTML in Markdown is parsed and passed
 * through a sanitiser with an explicit schema (safeHtml.ts), so content never carries code into a
 * reader's browser. Local images, inside the project only, are embedded as data URLs after
 * sanitising: the HTML file stays self-contained and the PDF reads them from the same markup.
 */
import path from 'node:path';
import type { Root as MdRoot, FootnoteDefinition, Paragraph } from 'mdast';
import type { Root as HastRoot, Element, ElementContent } from 'hast';
import { defaultHandlers, toHast, type Handlers } from 'mdast-util-to-hast';
import { defListHastHandlers } from 'mdast-util-definition-list';
import { raw } from 'hast-util-raw';
import { htmlTagNames } from 'html-tag-names';
import { svgTagNames } from 'svg-tag-names';
import { mathmlTagNames } from 'mathml-tag-names';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { toString as hastText } from 'hast-util-to-string';
import { SKIP, visit } from '../visitTree.js';
import { VFile } from 'vfile';
import { HandoutError, type Warnings } from '../diagnostics.js';
import type { Block, Outline } from '../outline/outline.js';
import { resolveInProject } from '../read/projectRoot.js';
import { readRegularFile } from '../read/regularFile.js';
import { hashBytes } from '../hash.js';
import { CONTENT_SCHEMA, RAW_INLINE_TAGS, STRIPPED_TAGS, TEXT_HOLDING_TAGS } from './safeHtml.js';
import type { PaperLinks } from './linksOnPaper.js';
import { emptyFigure, FigureTooLarge, safeSvg } from './safeSvg.js';
import { readImageBytes } from './imageBytes.js';
import { lookupTable } from '../lookupTable.js';
import { labelsFor } from './labels.js';
import type { CalloutData } from '../parse/dialects.js';

const IMAGE_TYPES = lookupTable({
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml', // inlined, sanitised (safeSvg.ts): drawn as vectors in the PDF
  '.webp': 'image/webp',
});

export interface ContentContext {
  outline: Outline;
  /** The source file's absolute path, to resolve images against. */
  sourcePath: string;
  /** The source's whole text: lets raw HTML keep its line numbers through parsing. */
  sourceText?: string;
  warnings: Warnings;
  /** Files read besides the source (images), each with the hash of the bytes read: a change to one must rebuild the handout. */
  dependencies?: Map<string, string>;
  /** A missing or unsupported image: an error (default), or a warning and its alt text printed. */
  missingImages?: 'error' | 'alt';
  /** Prints each link's address for paper (linksOnPaper.ts). */
  links?: PaperLinks;
  /** A remote image: its alt text (default: no page loads anything from the network), or kept as a link the browser loads. */
  remoteImages?: 'alt' | 'keep';
}

/** `finish`: a last change to the sanitised tree, before it is written. */
export function blocksToHtml(blocks: Block[], ctx: ContentContext, finish?: (tree: HastRoot) => void): string {
  if (blocks.length === 0) return '';
  const tree: MdRoot = { type: 'root', children: [...blocks, ...ctx.outline.definitions] };
  let hast = toHast(tree, { allowDangerousHtml: true, handlers: dialectHandlers(ctx.outline.meta.lang) }) as HastRoot;
  unknownTagsAsText(hast, ctx);
  dropUnclosedSwallowingTags(hast, ctx);
  closeUnclosedInlineTags(hast, ctx);
  // Raw HTML is parsed into the tree, which goes through an HTML parser whole (hast-util-raw). A tree
  // without any is already what that parser makes of it, but for a link inside a link (a footnote
  // call in a link's text), which the parser splits, and a code block's first line break, which it
  // drops, done here instead (tests/property/rawHtml.test.ts). Skipping it saves a twentieth of a
  // handout's time.
  if (needsHtmlParser(hast)) hast = raw(hast, ctx.sourceText === undefined ? {} : { file: new VFile({ value: ctx.sourceText }) }) as HastRoot;
  else dropFirstLineBreakOfPre(hast);
  const images = checkImages(hast, ctx); // before sanitising, while every image still has its line
  keepHiddenText(hast, ctx);
  dropMalformedLinks(hast, ctx);
  blocksKeptApart(hast);
  hast = sanitize(hast, CONTENT_SCHEMA) as HastRoot;
  dropEmptyClasses(hast);
  embedImages(hast, images, ctx.remoteImages ?? 'alt', ctx);
  alignmentToClass(hast);
  labelTaskCheckboxes(hast);
  linkTextForEmptyLinks(hast);
  summariesOutsideDetails(hast);
  ctx.links?.mark(hast);
  finish?.(hast);
  return toHtml(hast);
}

/** Raw HTML, or a link inside a link: what only the HTML parser puts right. */
function needsHtmlParser(node: { type: string; tagName?: string; children?: { type: string }[] }, inLink = false): boolean {
  if (node.type === 'raw') return true;
  const link = node.type === 'element' && node.tagName === 'a';
  if (link && inLink) return true;
  return node.children?.some((c) => needsHtmlParser(c, inLink || link)) ?? false;
}

/**
 * As hast-util-raw leaves a <pre>: without the line break its text starts with, even inside <code>
 * (HTML drops one straight after <pre>; the package, feeding the parser tag by tag, drops the
 * first one after it). So a page is the same whether its content held raw HTML or not.
 */
function dropFirstLineBreakOfPre(tree: HastRoot): void {
  visit<Element>(tree, 'element', (pre) => {
    if (pre.tagName !== 'pre') return;
    let parent: Element = pre;
    while (parent.children[0]?.type === 'element') parent = parent.children[0];
    const first = parent.children[0];
    if (first?.type === 'text' && first.value.startsWith('\n')) {
      if (first.value === '\n') parent.children.shift();
      else first.value = first.value.slice(1);
    }
    return SKIP;
  });
}

/** Kinds whose label stays before a title the source gives ("Warning: Do not drive"): a reader must not miss what they are. */
const KEEP_KIND = new Set(['warning', 'caution', 'danger', 'important']);

/**
 * The constructs of other dialects (src/parse/dialects.ts): a definition list is a <dl>; a callout
 * (a GitHub alert, an admonition, a fenced div) a note (`role="note"`) whose first line is its label
 * in the page's language ("Warning", "Advertencia") or the title the source gave it.
 */
function dialectHandlers(lang: string): Handlers {
  const labels = labelsFor(lang).callouts;
  return {
    ...(defListHastHandlers as unknown as Handlers),
    blockquote(state, node) {
      const callout = node.data?.callout;
      if (!callout) return defaultHandlers.blockquote(state, node);
      const label: Element = { type: 'element', tagName: 'p', properties: { className: ['callout-label'] }, children: [{ type: 'text', value: calloutLabel(callout, labels) }] };
      const result: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['callout', `callout-${callout.kind}`], role: 'note' },
        children: state.wrap([label, ...state.all(node)], true),
      };
      state.patch(node, result);
      return state.applyData(node, result);
    },
  };
}

export function calloutLabel(callout: CalloutData, labels: Record<CalloutData['kind'], string>): string {
  const kind = labels[callout.kind];
  if (!callout.title || callout.title.toLowerCase() === kind.toLowerCase()) return kind;
  return KEEP_KIND.has(callout.kind) ? `${kind}: ${callout.title}` : callout.title;
}

/**
 * Footnotes the text never refers to (`referenced`: the identifiers it does): mdast-util-to-hast
 * prints only notes that are referred to, so these would vanish from both outputs. They are
 * printed after the others, with a warning at each: gatherFootnotes (footnotes.ts) puts notes
 * nothing refers to at the end of the list, and the PDF sets a note never called at the end.
 */
export function unreferencedNotesHtml(referenced: Set<string>, ctx: ContentContext): string {
  // A label defined twice prints only its first note (mdast-util-to-hast's rule): the second is told, at its line.
  const defined = new Map<string, number | undefined>();
  for (const d of ctx.outline.definitions) {
    if (d.type !== 'footnoteDefinition') continue;
    if (!defined.has(d.identifier)) defined.set(d.identifier, d.position?.start.line);
    else ctx.warnings.add(`the footnote [^${d.label ?? d.identifier}] is defined a second time; only the first, at line ${defined.get(d.identifier) ?? '?'}, is printed (give this one a label of its own, or join the two)`, { file: ctx.outline.file, line: d.position?.start.line });
  }
  const notes = ctx.outline.definitions.filter((d): d is FootnoteDefinition => d.type === 'footnoteDefinition' && !referenced.has(d.identifier));
  if (notes.length === 0) return '';
  for (const note of notes) {
    ctx.warnings.add(`the footnote [^${note.label ?? note.identifier}] is never referred to in the text; it is printed at the end of the notes (refer to it with [^${note.label ?? note.identifier}] where it belongs, or delete it)`, {
      file: ctx.outline.file,
      line: note.position?.start.line,
    });
  }
  // A paragraph refers to each note so that it is printed; the paragraph, and the notes' links back to it, are taken out again.
  const calls: Paragraph = { type: 'paragraph', children: notes.map((n) => ({ type: 'footnoteReference', identifier: n.identifier, label: n.label })) };
  return blocksToHtml([calls], ctx, (tree) => {
    tree.children = tree.children.filter((c) => !(c.type === 'element' && c.tagName === 'p'));
    visit(tree, 'element', (node: Element, index, parent) => {
      if (parent && index !== undefined && node.properties.dataFootnoteBackref !== undefined) {
        parent.children.splice(index, 1);
        return index;
      }
    });
  });
}

/** What an image's src became: a data URL we made, a sanitised inline SVG, or a remote URL never fetched. */
type CheckedImage = { kind: 'embed'; dataUrl: string } | { kind: 'svg'; svg: Element } | { kind: 'remote' };

/**
 * Every image is checked where the source wrote it, so an error names the line: a local file must be
 * inside the project and be PNG or JPEG (or GIF, WebP for the web page); a remote one is a warning.
 */
function checkImages(tree: HastRoot, ctx: ContentContext): Map<string, CheckedImage> {
  const file = ctx.outline.file;
  const checked = new Map<string, CheckedImage>();
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'img') return;
    const src = String(node.properties.src ?? '').trim();
    const line = node.position?.start.line;
    if (!src || checked.has(src)) return;
    // The PDF's Figure needs alternative text (tagged PDF, PDF/UA): a screen reader has nothing else.
    if (!String(node.properties.alt ?? '').trim()) {
      ctx.warnings.add(`image ${src.slice(0, 80)} has no alt text (say what it shows: ![what it shows](${src.slice(0, 80)}))`, { file, line });
    }
    if (/^data:/i.test(src)) {
      ctx.warnings.add('an image written as a data: URL is left out; its alt text is printed instead', { file, line });
      return;
    }
    if (/^file:/i.test(src)) {
      throw new HandoutError(`image ${src} is a file: URL`, { file, line }, 'write a path relative to the source file');
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) {
      // Builds are offline and reproducible: a remote image is never fetched.
      ctx.warnings.add(`remote image ${src} is not fetched; its alt text is printed instead`, { file, line });
      checked.set(src, { kind: 'remote' });
      return;
    }
    let ref: string;
    try {
      ref = decodeURIComponent(src.split(/[?#]/)[0]);
    } catch {
      ref = src.split(/[?#]/)[0];
    }
    const resolved = resolveInProject(ref, ctx.sourcePath);
    // With --missing-images alt, a draft still builds: the image's alt text stands in for it.
    // An image outside the project is never read either way.
    const problem = (message: string, hint: string) => {
      if (ctx.missingImages !== 'alt') throw new HandoutError(message, { file, line }, hint);
      ctx.warnings.add(`${message}; its alt text is printed instead`, { file, line });
      checked.set(src, { kind: 'remote' });
    };
    if (!resolved.ok && resolved.reason === 'outside') {
      return problem(
        `image ${src} is outside the project (${resolved.root})`,
        'images must be inside the folder that holds package.json or .git, or the current folder; copy the image there',
      );
    }
    const target = resolved.path;
    let bytes: Buffer;
    try {
      if (!resolved.ok) throw new Error('not a file');
      bytes = readRegularFile(target);
      ctx.dependencies?.set(target, hashBytes(bytes));
    } catch {
      return problem(`image not found: ${src} (looked for ${target})`, 'check the path, relative to the source file');
    }
    const type = IMAGE_TYPES[path.extname(target).toLowerCase()];
    if (!type) return problem(`unsupported image type: ${src}`, 'use PNG or JPEG');
    if (type === 'image/svg+xml') {
      const warn = (message: string) => ctx.warnings.add(`image ${src}: ${message}`, { file, line });
      let svg: ReturnType<typeof safeSvg>;
      try {
        svg = safeSvg(bytes.toString('utf8'), warn);
      } catch (e) {
        if (!(e instanceof FigureTooLarge)) throw e;
        return problem(`image ${src} ${e.message}`, 'simplify the figure, or export it as PNG');
      }
      if (!svg) return problem(`image ${src} holds no SVG`, 'export it again as SVG, or use PNG');
      const empty = emptyFigure(svg, warn);
      if (empty) return problem(`image ${src} ${empty}: a browser draws nothing of it`, 'give the figure a width, height and viewBox above zero');
      checked.set(src, { kind: 'svg', svg });
      return;
    }
    // Its bytes, not its name, say what it is: a file cut short or random bytes is a message here, not a crash in the PDF or garbage in the page.
    const content = readImageBytes(bytes);
    if (!content.ok) return problem(`image ${src} ${content.problem}`, 'save or download the image again, as PNG or JPEG');
    if (content.type === 'image/gif' || content.type === 'image/webp') {
      ctx.warnings.add(`image ${src} is ${content.type === 'image/gif' ? 'a GIF' : 'a WebP image'}: the web page shows it, but the PDF cannot draw it and prints its alt text instead (save it as PNG or JPEG)`, { file, line });
    }
    checked.set(src, { kind: 'embed', dataUrl: `data:${content.type};base64,${bytes.toString('base64')}` });
  });
  return checked;
}

/** The most image data (as base64) one handout's page may carry. */
const MAX_EMBEDDED_IMAGE_BYTES = 100 * 1024 * 1024;
/** Image data embedded so far, by handout: its content is turned into HTML a section at a time. */
const embeddedBytes = new WeakMap<ContentContext, number>();

/**
 * After sanitising: our own data URLs go in (the sanitiser drops any a source wrote), and an SVG
 * image becomes its sanitised figure, inline, named by the image's alt text. A remote image
 * becomes its alt text, as in the PDF, so opening the page sends no request (which would tell a
 * third-party server who read which handout, with any query string the link carries).
 */
function embedImages(tree: HastRoot, images: Map<string, CheckedImage>, remote: 'alt' | 'keep', ctx: ContentContext): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'img') return;
    const image = images.get(String(node.properties.src ?? '').trim());
    if (image?.kind === 'embed') {
      // Every use of an image is a copy of it in the page: 450 uses of a 1 MB photo made a page
      // longer than a string can be, and the build failed with an internal error.
      embeddedBytes.set(ctx, (embeddedBytes.get(ctx) ?? 0) + image.dataUrl.length);
      if (embeddedBytes.get(ctx)! > MAX_EMBEDDED_IMAGE_BYTES) {
        throw new HandoutError(`the images embedded in this handout add up to more than ${MAX_EMBEDDED_IMAGE_BYTES / 1024 / 1024} MB (each use of an image is a copy of it in the page)`, { file: ctx.outline.file, line: node.position?.start.line }, 'use fewer or smaller images: a photo for print needs about 300 KB');
      }
      node.properties.src = image.dataUrl;
    }
    else if (image?.kind === 'svg' && parent && index !== undefined) {
      const alt = String(node.properties.alt ?? '').trim();
      const svg = structuredClone(image.svg);
      // The alt text names the figure; without one, the SVG's own title does.
      svg.properties = { ...svg.properties, role: 'img', ...(alt ? { ariaLabel: alt } : {}) };
      parent.children[index] = svg;
      return;
    } else if (remote === 'alt' && parent && index !== undefined) {
      const alt = String(node.properties.alt ?? '').trim();
      const replacement: ElementContent[] = alt ? [{ type: 'element', tagName: 'span', properties: { className: ['image-alt'] }, children: [{ type: 'text', value: alt }] }] : [];
      parent.children.splice(index, 1, ...replacement);
      return index + replacement.length;
    }
  });
}

/**
 * Raw HTML elements whose content the sanitiser removes, or that the HTML parser lets swallow the
 * rest of a paragraph (`<textarea>` in a sentence takes every word after it): the text of a form
 * control, a title, a frame's or a noscript's fallback is a reader's text and stays, as plain text;
 * a script's or a style's goes, with a warning that says what was dropped.
 */
function keepHiddenText(tree: HastRoot, ctx: ContentContext): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (!parent || index === undefined) return;
    // A <template>'s content is a fragment of its own, not its children.
    const text = hastText(node.tagName === 'template' && node.content ? node.content : node);
    if (TEXT_HOLDING_TAGS.includes(node.tagName)) {
      parent.children.splice(index, 1, ...(text ? [{ type: 'text', value: text } as ElementContent] : []));
      return index;
    }
    if (STRIPPED_TAGS.includes(node.tagName) && text.trim()) {
      const words = text.trim().replace(/\s+/g, ' ');
      ctx.warnings.add(`raw HTML <${node.tagName}> is removed with the text inside it: "${words.length > 80 ? words.slice(0, 79) + '…' : words}" (close the element where it should end, or write the text outside it)`, {
        file: ctx.outline.file,
        line: node.position?.start.line,
      });
    }
  });
}

/** Every element name HTML, SVG and MathML have: raw HTML naming another is not markup. */
const ELEMENT_NAMES = new Set([...htmlTagNames, ...svgTagNames, ...mathmlTagNames].map((n) => n.toLowerCase()));

/**
 * `Dear <Patient Name>, your appointment is on <date>.`: Markdown reads anything shaped like a tag
 * as raw HTML, and a tag of no element HTML has is removed with nothing to show, so the words in it
 * vanished from both outputs. Such a tag is a placeholder or a key (`<Enter>`), written to be
 * read: it is printed as written, with a warning that says how to mark it as text.
 */
function unknownTagsAsText(tree: HastRoot, ctx: ContentContext): void {
  visit(tree, 'raw', (node: RawNode) => {
    if (!/<\/?[A-Za-z]/.test(node.value)) return;
    node.value = node.value.replace(/<!--[\s\S]*?(?:-->|$)|<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^<>]*)?)>/g, (tag, _closing: string | undefined, name: string | undefined) => {
      if (!name || ELEMENT_NAMES.has(name.toLowerCase())) return tag;
      ctx.warnings.add(`${tag} is not an HTML element, so Markdown would remove it with the words in it; it is printed as written (write it as \\${tag} to say it is text)`, {
        file: ctx.outline.file,
        line: node.position?.start.line,
      });
      return tag.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    });
  });
}

/** Elements whose opening tag makes the HTML parser take everything after it as their content, up to their closing tag. */
const SWALLOWING_TAGS = [...TEXT_HOLDING_TAGS, 'script', 'style'];

/**
 * `Rest <select> an hour.`: an opening tag that is never closed among its siblings would take the
 * rest of the paragraph, and in a select even the paragraphs and images after it. It is left out,
 * with a warning, and the text after it stays.
 */
function dropUnclosedSwallowingTags(tree: HastRoot, ctx: ContentContext): void {
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const children = node.children as { type: string; value?: string; position?: { start: { line: number } } }[];
    for (let i = children.length - 1; i >= 0; i--) {
      const tag = children[i].type === 'raw' ? /^<([a-z]+)\b[^>]*>$/i.exec(children[i].value!.trim())?.[1]?.toLowerCase() : undefined;
      if (!tag || !SWALLOWING_TAGS.includes(tag)) continue;
      const closed = children.slice(i + 1).some((c) => c.type === 'raw' && new RegExp(`</${tag}\\s*>`, 'i').test(c.value!));
      if (closed) continue;
      ctx.warnings.add(`raw HTML <${tag}> is never closed, so it would hide the text after it; the tag is left out (close it with </${tag}>, or remove it)`, {
        file: ctx.outline.file,
        line: children[i].position?.start.line,
      });
      children.splice(i, 1);
    }
  });
}

/** Elements that make their parent a container of blocks rather than of a line of text. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul',
]);

type RawNode = { type: 'raw'; value: string; position?: { start: { line: number } } };
type AnyNode = { type: string; value?: string; children?: AnyNode[]; tagName?: string; position?: { start: { line: number } } };

/** The opening and closing tags in raw HTML, in order, comments left out. */
function tagsIn(html: string): { tag: string; closing: boolean }[] {
  return [...html.replace(/<!--[\s\S]*?(?:-->|$)/g, '').matchAll(/<(\/?)([a-z][a-z0-9]*)\b[^>]*>/gi)].map((m) => ({ tag: m[2].toLowerCase(), closing: m[1] === '/' }));
}

/**
 * `Take your pills. <b>Never <i>double a dose.`: an inline element raw HTML opens and never closes
 * would, in the HTML parser, run on into every block after it (the rest of the section bold, a list
 * wrapped in <b> and printed without its bullets). Each is closed at the end of the block it opens
 * in (the paragraph, heading, list item or cell; an HTML block itself), innermost first, with a
 * warning. An element closed later in the same block, at any depth, is left as it is.
 */
function closeUnclosedInlineTags(tree: HastRoot, ctx: ContentContext): void {
  visit(tree, (node) => {
    const parent = node as AnyNode;
    const children = parent.children;
    if (!children?.some((c) => c.type === 'raw')) return;
    // The elements open at each point, in order: a closing tag closes the last one of its name
    // (as the parser does, misnested or not); what a child element left open ends with it.
    const open: { tag: string; raw: RawNode }[] = [];
    const scan = (n: AnyNode) => {
      if (n.type === 'raw') {
        for (const t of tagsIn(n.value ?? '')) {
          if (!RAW_INLINE_TAGS.has(t.tag)) continue;
          if (!t.closing) {
            open.push({ tag: t.tag, raw: n as RawNode });
            continue;
          }
          for (let i = open.length - 1; i >= 0; i--) {
            if (open[i].tag !== t.tag) continue;
            open.splice(i, 1);
            break;
          }
        }
      }
      if (!n.children) return;
      const before = new Set(open);
      for (const c of n.children) scan(c);
      for (let i = open.length - 1; i >= 0; i--) if (!before.has(open[i])) open.splice(i, 1);
    };
    for (const c of children) scan(c);
    if (open.length === 0) return;
    const inline = parent.type === 'element' && !children.some((c) => c.type === 'element' && BLOCK_TAGS.has(c.tagName ?? ''));
    const where = inline ? (/^h[1-6]$/.test(parent.tagName ?? '') ? 'heading' : parent.tagName === 'td' || parent.tagName === 'th' ? 'table cell' : parent.tagName === 'li' ? 'list item' : 'paragraph') : 'HTML block';
    for (const o of open) {
      ctx.warnings.add(`raw HTML <${o.tag}> is never closed, so it would run on into the text after it; it is closed at the end of its ${where} (close it with </${o.tag}> where it should end)`, {
        file: ctx.outline.file,
        line: o.raw.position?.start.line,
      });
    }
    const closers = (list: typeof open) => list.map((o) => `</${o.tag}>`).reverse().join('');
    if (inline) {
      children.push({ type: 'raw', value: closers(open) });
      return;
    }
    // Among blocks (the document, a quote, a loose list item) each raw node is an HTML block of its own.
    for (const raw of new Set(open.map((o) => o.raw))) raw.value += closers(open.filter((o) => o.raw === raw));
  });
}

/** Block elements the sanitiser does not keep: each becomes a <div>, so its text stays a block of its own. */
const UNKEPT_BLOCKS = new Set(['address', 'article', 'aside', 'center', 'dialog', 'dir', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'legend', 'listing', 'main', 'menu', 'nav', 'search']);
/** Elements whose content is blocks, where a <div> may stand. */
const FLOW_PARENTS = new Set(['div', 'section', 'li', 'blockquote', 'td', 'th', 'dd', 'details', 'body', ...UNKEPT_BLOCKS]);

/**
 * `<figure><img alt="Chart"><figcaption>Rates</figcaption></figure>`, `<address>`, `<fieldset>`:
 * the sanitiser unwraps elements it does not keep, and the text of blocks unwrapped side by side ran
 * together ("ChartRates", "Legend wordsField words"). Among blocks, each stays a block (a <div>).
 */
function blocksKeptApart(tree: HastRoot): void {
  visit(tree, 'element', (node: Element, _index, parent) => {
    const flow = parent?.type === 'root' || (parent?.type === 'element' && FLOW_PARENTS.has((parent as Element).tagName));
    if (flow && UNKEPT_BLOCKS.has(node.tagName)) node.tagName = 'div';
  });
}

/** A <summary> belongs first in a <details>; anywhere else its text is text (a span), and the page stays valid HTML. */
function summariesOutsideDetails(tree: HastRoot): void {
  visit(tree, 'element', (node: Element, _index, parent) => {
    if (node.tagName === 'summary' && !(parent?.type === 'element' && (parent as Element).tagName === 'details')) node.tagName = 'span';
  });
}

/**
 * `[](https://example.org/x)`: a link with nothing to read or click on (html-validate's wcag/h30)
 * reads as its address, as an autolink does; its link-text finding still tells the author.
 */
function linkTextForEmptyLinks(tree: HastRoot): void {
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'a' || typeof node.properties.href !== 'string' || node.properties.href.startsWith('#')) return;
    if (hastText(node).trim() || selectImages(node)) return;
    node.children.push({ type: 'text', value: node.properties.href.replace(/^(?:mailto|tel):(?:\/\/)?/i, '') });
  });
}

/** Does the element hold an image with alt text (which names a link)? */
function selectImages(node: Element): boolean {
  return node.children.some((c) => c.type === 'element' && ((c.tagName === 'img' && String(c.properties.alt ?? '').trim() !== '') || c.tagName === 'svg' || selectImages(c)));
}

/** A link to `#%C3` (an unfinished escape) cannot be followed or written into the PDF: it is dropped, its text kept. */
function dropMalformedLinks(tree: HastRoot, ctx: ContentContext): void {
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return;
    const href = node.properties.href;
    try {
      decodeURI(href);
      if (href.startsWith('#')) decodeURIComponent(href.slice(1));
    } catch {
      ctx.warnings.add(`the link ${JSON.stringify(href.slice(0, 80))} is not a valid address (a % not followed by a valid escape); it is left out and its text kept`, {
        file: ctx.outline.file,
        line: node.position?.start.line,
      });
      delete node.properties.href;
    }
  });
}

/**
 * A raw `<div class="…">` whose classes are none of the callout's the sanitiser keeps: its `class`
 * is left empty, and goes, as it did before divs could keep one.
 */
function dropEmptyClasses(tree: HastRoot): void {
  visit(tree, 'element', (node: Element) => {
    const className = node.properties.className;
    if (Array.isArray(className) && className.length === 0) delete node.properties.className;
  });
}

/** `align` is not valid HTML any more: a table cell's alignment becomes a class the stylesheet styles (`.align-center`). */
function alignmentToClass(tree: HastRoot): void {
  visit(tree, 'element', (node: Element) => {
    const align = node.properties.align;
    if (align === undefined) return;
    delete node.properties.align;
    if (align !== 'left') node.properties.className = [`align-${String(align)}`];
  });
}

/** A task list's checkbox (`- [x] Done`) is named by its item's text, so a screen reader says what it is for. */
function labelTaskCheckboxes(tree: HastRoot): void {
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'li') return;
    // The checkbox opens the item, or its first paragraph when the list is loose.
    const paragraph = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'p');
    const holder = paragraph ?? node;
    const box = holder.children.find((c): c is Element => c.type === 'element' && c.tagName === 'input');
    const text = holder.children.filter((c) => c.type === 'text' || (c.type === 'element' && !['ul', 'ol', 'input'].includes(c.tagName)));
    if (box) box.properties.ariaLabel = hastText({ type: 'root', children: text }).trim() || 'task';
  });
}
