/**
 * Markdown written for other tools, printed as a reader of that tool would see it:
 *
 * - Callouts: GitHub alerts (`> [!WARNING]`, and Obsidian's `> [!tip] Title`), MkDocs / Python-Markdown
 *   admonitions (`!!! note "Title"` over an indented body; `???` for collapsible ones) and
 *   Docusaurus / Pandoc / Quarto fenced divs (`::: warning`, `:::tip Title`, `:::tip[Title]`,
 *   `::: {.callout-note title="…"}` … `:::`). Admonitions and divs are first written as alerts,
 *   line for line (`admonitionsAsAlerts`), so every construct is one blockquote for the parser and
 *   one transform (`calloutsFromAlerts`) marks it; the fill stage prints it as a labelled box.
 * - Template tags no build of ours can expand (Liquid/Jekyll `{% … %}`, Hugo shortcodes `{{< … >}}`
 *   and `{{% … %}}`, MDX `import`/`export` lines, kramdown attribute lists `{: .lead}`) are left out
 *   with one warning a kind, at its first line (`withoutTemplateTags`); whatever they enclose is text
 *   for the reader and stays.
 *
 * Each pass first looks for its marker in the text, so ordinary Markdown costs a regular expression.
 */
import type { Blockquote, Literal, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Warnings } from '../diagnostics.js';
import type { Source } from '../read/readSource.js';
import { findFrontMatter } from '../read/frontMatter.js';
import { visit } from '../visitTree.js';
import { codeLines, indentOf } from './codeLines.js';

/** The kinds of callout, each printed with its label in the page's language (src/fill/labels.ts). */
export const CALLOUT_KINDS = [
  'note', 'info', 'tip', 'important', 'warning', 'caution', 'danger', 'summary', 'success', 'question', 'failure', 'bug', 'example', 'quote',
] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];

/** Other tools' names for the same kinds (Material for MkDocs, Docusaurus, reStructuredText, Obsidian). */
const KIND_ALIASES: Record<string, CalloutKind> = {
  seealso: 'note', secondary: 'note', todo: 'info', abstract: 'summary', tldr: 'summary', hint: 'tip', check: 'success', done: 'success',
  help: 'question', faq: 'question', attention: 'warning', error: 'danger', fail: 'failure', missing: 'failure', cite: 'quote',
};

/** A callout's kind, and its title when the source gives one (else the kind's label is printed). */
export interface CalloutData {
  kind: CalloutKind;
  /** The title written in the source (`!!! note "Remember"`); for a type no tool names, the type itself ("Remember" for `[!remember]`). */
  title?: string;
}

/** Hugo's front matter, fenced by `+++` (remark-frontmatter's `toml` node). */
export interface Toml extends Literal {
  type: 'toml';
}

declare module 'mdast' {
  interface FrontmatterContentMap {
    toml: Toml;
  }
  interface RootContentMap {
    toml: Toml;
  }
  interface BlockquoteData {
    /** Set on a blockquote that is a callout (an alert, an admonition, a fenced div). */
    callout?: CalloutData;
  }
}

function kindOf(type: string): CalloutKind | undefined {
  const t = type.toLowerCase().replace(/^callout-/, '');
  return (CALLOUT_KINDS as readonly string[]).includes(t) ? (t as CalloutKind) : KIND_ALIASES[t];
}

// ── Admonitions and fenced divs, written as alerts ──────────────────────────────────────────────

const ADMONITION_MARKER = /^[ \t]*(?:!!!|\?\?\?)|^ {0,3}:{3}/m;
/** `!!! warning "Title"`, `??? note`, `???+ tip ""`, with MkDocs' optional modifiers (`inline end`). */
const ADMONITION = /^( *)(?:!!!|\?\?\?\+?)[ \t]+([A-Za-z][\w-]*)((?:[ \t]+[a-z]+)*)(?:[ \t]+"([^"]*)")?[ \t]*$/;
/** `::: warning`, `:::tip Title`, `:::tip[Title]`, `::: {.callout-note title="Title"}`, trailing colons allowed. */
// The rest of the line is taken whole and trimmed in code (divClass): a lazy capture between
// optional spaces and colons backtracked cubically on a long line that did not end as `$` wants.
const DIV_OPEN = /^ {0,3}:{3,}[ \t]*(?:\{([^}]*)\}|([A-Za-z][\w-]*)(?:\[([^\]]*)\])?)([^]*)$/;
const DIV_CLOSE = /^ {0,3}:{3,}[ \t]*$/;

/**
 * The source with each admonition and fenced div written as a GitHub alert (`> [!KIND] Title`,
 * its body quoted), every line on its own line number: messages and raw HTML keep their lines. A
 * div of a class that is no callout (`::: columns`) loses only its fences. Code blocks are left as
 * they are.
 */
export function admonitionsAsAlerts(source: Source): Source {
  if (source.format !== 'markdown' || !ADMONITION_MARKER.test(source.text)) return source;
  const lines = source.text.split('\n');
  const front = findFrontMatter(source.text);
  const skip = front && front.lastLine > 0 ? front.lastLine : 0;
  const body = rewriteLines(lines.slice(skip));
  const text = [...lines.slice(0, skip), ...body].join('\n');
  return text === source.text ? source : { ...source, text };
}

/** `line` less `n` columns of indentation (tabs counted to the next multiple of four). */
function dedent(line: string, n: number): string {
  let width = 0;
  let i = 0;
  while (i < line.length && width < n && (line[i] === ' ' || line[i] === '\t')) {
    width += line[i] === '\t' ? 4 - (width % 4) : 1;
    i++;
  }
  return ' '.repeat(Math.max(0, width - n)) + line.slice(i);
}

const blank = (line: string) => line.trim() === '';

function alertLines(kind: string, title: string | undefined, inner: string[], indent = ''): string[] {
  const marker = `${indent}> [!${kind.toUpperCase()}]${title ? ` ${title}` : ''}`;
  return [marker, ...inner.map((l) => `${indent}>${l ? ` ${l}` : ''}`)];
}

/** The same number of lines, admonitions and fenced divs written as alerts (nested ones too). */
function rewriteLines(lines: string[]): string[] {
  const out: string[] = [];
  const code = codeLines(lines);
  for (let i = 0; i < lines.length; ) {
    const line = lines[i];
    if (code[i]) {
      out.push(line);
      i++;
      continue;
    }
    const admonition = ADMONITION.exec(line);
    if (admonition) {
      const indent = admonition[1].length;
      let last = i;
      for (let j = i + 1; j < lines.length && (blank(lines[j]) || indentOf(lines[j]) >= indent + 4); j++) if (!blank(lines[j])) last = j;
      const inner = rewriteLines(lines.slice(i + 1, last + 1).map((l) => dedent(l, indent + 4)));
      const type = admonition[2];
      // Python-Markdown: `""` is no title; without one, a type no tool names is its own title.
      const title = admonition[4] ?? (kindOf(type) ? undefined : capitalised(type));
      out.push(...alertLines(type, title === '' ? undefined : title, inner, admonition[1]));
      i = last + 1;
      continue;
    }
    const div = DIV_OPEN.exec(line);
    if (div) {
      const close = closingFence(lines, i, code);
      const inner = rewriteLines(lines.slice(i + 1, close));
      const { type, title } = divClass(div);
      const kind = type && kindOf(type);
      // Unclosed, a div runs to the end of the document (Pandoc, Docusaurus).
      const end = close < lines.length ? [''] : [];
      if (kind) out.push(...alertLines(type, title || undefined, inner), ...end);
      else out.push('', ...inner, ...end);
      i = close + 1;
      continue;
    }
    out.push(line);
    i++;
  }
  return out;
}

/** The line of the fence closing the div opened at `open` (nested divs counted), or the end. */
function closingFence(lines: string[], open: number, code: boolean[]): number {
  let depth = 1;
  for (let j = open + 1; j < lines.length; j++) {
    const line = lines[j];
    if (code[j]) continue;
    if (DIV_CLOSE.test(line) && --depth === 0) return j;
    else if (DIV_OPEN.test(line)) depth++;
  }
  return lines.length;
}

/** The callout type and title of a div's opening line: a name and `[title]` or trailing text, or Pandoc attributes. */
function divClass(div: RegExpExecArray): { type?: string; title?: string } {
  // What follows the class, without the closing colons a fence may end with (`::: note :::`).
  const rest = div[4].replace(/[ \t:]+$/, '').trim();
  if (div[1] === undefined) return { type: div[2], title: (div[3] ?? rest).trim() };
  const attributes = div[1];
  const classes = [...attributes.matchAll(/(?:^|\s)\.([\w-]+)/g)].map((m) => m[1]);
  const title = /\btitle=(?:"([^"]*)"|'([^']*)'|(\S+))/.exec(attributes);
  return { type: classes.find((c) => kindOf(c)) ?? classes[0], title: title ? (title[1] ?? title[2] ?? title[3]) : rest };
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).replace(/[-_]/g, ' ');
}

// ── Alerts → callouts ───────────────────────────────────────────────────────────────────────────

const ALERT = /^\[!([A-Za-z][\w-]*)\][+-]?[ \t]*/;

/**
 * A blockquote whose first line is `[!TYPE]` (GitHub, Obsidian; and every admonition and fenced
 * div, written so) is a callout: the marker is taken out and the rest of its line is its title.
 */
export function calloutsFromAlerts(tree: Root, text: string): void {
  if (!text.includes('[!')) return;
  visit(tree, 'blockquote', (quote: Blockquote) => {
    const first = quote.children[0];
    if (first?.type !== 'paragraph') return;
    const head = first.children[0];
    if (head?.type !== 'text') return;
    const marker = ALERT.exec(head.value);
    if (!marker) return;
    const type = marker[1];
    const kind = kindOf(type);
    head.value = head.value.slice(marker[0].length);
    // A first line holding a link or a note's call stays the callout's text, under its label: as a
    // plain title it lost the address (`> [!WARNING] Call [us](tel:5550100) now` printed "Call us now").
    const title = firstLineHasLinks(first) ? '' : toString({ type: 'paragraph', children: firstLine(first) }).trim();
    quote.data = { ...quote.data, callout: { kind: kind ?? 'note', title: title || (kind ? undefined : capitalised(type)) } };
    if (first.children.length === 0 || toString(first).trim() === '') quote.children.shift();
  });
}

/** Does the paragraph's first line (up to its first line break) hold a link, an image or a note's call? */
function firstLineHasLinks(paragraph: Paragraph): boolean {
  const linked = (n: { type: string; children?: unknown[] }): boolean => LINKING.has(n.type) || (n.children ?? []).some((c) => linked(c as typeof n));
  for (const node of paragraph.children) {
    if (node.type === 'break' || (node.type === 'text' && node.value.includes('\n'))) return false;
    if (linked(node)) return true;
  }
  return false;
}
const LINKING = new Set(['link', 'linkReference', 'image', 'imageReference', 'footnoteReference']);

/** Takes the paragraph's first line (up to its first line break) out of it and returns it. */
function firstLine(paragraph: Paragraph): PhrasingContent[] {
  const line: PhrasingContent[] = [];
  while (paragraph.children.length) {
    const node = paragraph.children[0];
    if (node.type === 'break') {
      paragraph.children.shift();
      break;
    }
    if (node.type === 'text' && node.value.includes('\n')) {
      const at = node.value.indexOf('\n');
      line.push({ type: 'text', value: node.value.slice(0, at) });
      node.value = node.value.slice(at + 1);
      break;
    }
    line.push(node);
    paragraph.children.shift();
  }
  return line;
}

// ── Pandoc attributes ───────────────────────────────────────────────────────────────────────────

/** `{#id .class key="value"}`: Pandoc's (and kramdown's) attributes, as written after a span, an image, a link or a heading. */
// One attribute, then more, each after a space: with the spaces optional and "=" allowed in an
// unquoted value, "{a=a=a=…" without its brace backtracked exponentially.
const ATTRIBUTE = String.raw`(?:#[\w:.-]+|\.[\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s}"'=]+))`;
const ATTRIBUTES = String.raw`\{\s*${ATTRIBUTE}(?:\s+${ATTRIBUTE})*\s*\}`;
const SPAN = new RegExp(String.raw`\[([^\[\]\n]*)\]` + ATTRIBUTES, 'g');
const LEADING_ATTRIBUTES = new RegExp(`^${ATTRIBUTES}`);
const TRAILING_ATTRIBUTES = new RegExp(String.raw`[ \t]+${ATTRIBUTES}[ \t]*$`);

/**
 * Pandoc's attributes give ids and classes, which mean nothing on paper, and sometimes a reader's
 * text: a bracketed span (`[absolute path]{#absolute-path}`) prints its words, an image's
 * `{alt='…'}` is its alt text, a heading's `{#id}` goes. Nothing a reader would read is lost, so
 * there is no warning.
 */
export function withoutPandocAttributes(tree: Root, text: string): void {
  if (!/[\])]\{|[ \t]\{#/.test(text)) return;
  visit(tree, 'text', (node: Text, index, parent) => {
    if (node.value.includes(']{')) node.value = node.value.replace(SPAN, '$1');
    const before = index ? (parent as Paragraph | undefined)?.children[index - 1] : undefined;
    const leading = (before?.type === 'image' || before?.type === 'link') && LEADING_ATTRIBUTES.exec(node.value);
    if (leading) {
      const alt = /\balt=(?:"([^"]*)"|'([^']*)')/.exec(leading[0]);
      if (before.type === 'image' && alt && !before.alt) before.alt = alt[1] ?? alt[2];
      node.value = node.value.slice(leading[0].length);
    }
    if (parent?.type === 'heading' && index === (parent as Paragraph).children.length - 1) node.value = node.value.replace(TRAILING_ATTRIBUTES, '');
  });
}

// ── Template tags ───────────────────────────────────────────────────────────────────────────────

interface TagKind {
  /** What the warning calls it, and how it is written. */
  name: string;
  syntax: string;
  /** Its marker: a text without it holds none. */
  marker: RegExp;
  /** The tag in a text node. */
  tag: RegExp;
  /** What the warning says to do. */
  hint: string;
}

const TAG_KINDS: TagKind[] = [
  {
    name: 'Hugo shortcode',
    syntax: '{{< … >}}, {{% … %}}',
    marker: /\{\{[<%]/,
    tag: /\{\{<[\s\S]*?>\}\}|\{\{%[\s\S]*?%\}\}/g,
    hint: 'handout does not run Hugo: write what a shortcode inserts as Markdown (the text between paired shortcodes is printed)',
  },
  {
    name: 'Liquid/Jekyll template tag',
    syntax: '{% … %}',
    // After Hugo's, whose `{{% … %}}` holds one.
    marker: /\{%/,
    tag: /\{%-?[\s\S]*?-?%\}/g,
    hint: 'handout does not run Liquid: paste in the text a tag includes, or delete it (the text between paired tags, as in {% raw %} … {% endraw %}, is printed)',
  },
  {
    name: 'kramdown attribute list',
    syntax: '{: …}',
    marker: /\{:/,
    tag: /[ \t]*\{:(?:[^{}\n"']|"[^"\n]*"|'[^'\n]*')*\}/g,
    hint: 'classes and ids mean nothing on a handout: delete it',
  },
];

const MDX_LINES = { name: 'MDX import/export line', syntax: "import X from '…'", hint: 'handout does not run MDX: delete the line (a component it imports prints only the text inside it)' };

/** MDX's ES module lines: `import X from '…'`, `import '…'`, `export const …`, `export default …`. */
const MDX_IMPORT = /^import\s+(?:[\w$*{][\w$*{}\s,]*\s+from\s+)?["'][^"'\n]+["'];?\s*$/;
const MDX_EXPORT = /^export\s+(?:const|let|var|function|default|async|class|\{)/;
const MDX_MARKER = /^(?:import|export)\s/m;

/**
 * Template tags left out of the tree's text, one warning a kind at its first line; a paragraph
 * left empty goes too. Code (inline or a block) is the author's example and is kept as written.
 */
export function withoutTemplateTags(tree: Root, text: string, file: string, warnings: Warnings): void {
  const kinds = TAG_KINDS.filter((k) => k.marker.test(text));
  const mdx = MDX_MARKER.test(text);
  if (kinds.length === 0 && !mdx) return;
  const found = new Map<string, { count: number; lines: number[]; syntax: string; hint: string }>();
  const note = (kind: Omit<TagKind, 'marker' | 'tag'>, line: number | undefined) => {
    const entry = found.get(kind.name) ?? { count: 0, lines: [], syntax: kind.syntax, hint: kind.hint };
    entry.count++;
    if (line !== undefined && !entry.lines.includes(line)) entry.lines.push(line);
    found.set(kind.name, entry);
  };
  if (mdx) {
    tree.children = tree.children.filter((node) => {
      if (node.type !== 'paragraph') return true;
      const lines = toString(node).split('\n');
      const esm = MDX_EXPORT.test(lines[0]) || lines.every((l) => MDX_IMPORT.test(l.trim()));
      if (esm) note(MDX_LINES, node.position?.start.line);
      return !esm;
    });
  }
  if (kinds.length) {
    const touched = new Set<Paragraph>();
    visit(tree, 'text', (node: Text, _index, parent) => {
      for (const kind of kinds) {
        kind.tag.lastIndex = 0;
        if (!kind.tag.test(node.value)) continue;
        kind.tag.lastIndex = 0; // matchAll starts where test left off
        const start = node.position?.start.line;
        for (const m of node.value.matchAll(kind.tag)) note(kind, start === undefined ? undefined : start + countLines(node.value.slice(0, m.index)));
        node.value = node.value.replace(kind.tag, '');
        if (parent?.type === 'paragraph') touched.add(parent as Paragraph);
      }
    });
    if (touched.size) dropEmptyParagraphs(tree, touched);
  }
  for (const [name, { count, lines, syntax, hint }] of found) {
    const what = count === 1 ? `${/^(?:MDX|[aeiou])/i.test(name) ? 'an' : 'a'} ${name} (${syntax}) cannot be expanded and is` : `${count} ${name}s (${syntax}) cannot be expanded and are`;
    warnings.add(`${what} left out${lines.length > 1 ? ` (lines ${lines.join(', ')})` : ''}; ${hint}`, { file, line: lines[0] });
  }
}

function countLines(text: string): number {
  let n = 0;
  for (const c of text) if (c === '\n') n++;
  return n;
}

/** Paragraphs that held only template tags are left out; the others lose the line breaks the tags stood on. */
function dropEmptyParagraphs(tree: Root, touched: Set<Paragraph>): void {
  visit(tree, (node) => {
    if (!('children' in node) || node.type === 'paragraph') return;
    const children = node.children as RootContent[];
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child.type !== 'paragraph' || !touched.has(child)) continue;
      if (child.children.every((c) => c.type === 'text' && c.value.trim() === '')) children.splice(i, 1);
      else trimParagraph(child);
    }
  });
}

function trimParagraph(paragraph: Paragraph): void {
  const first = paragraph.children[0];
  if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '');
  const last = paragraph.children[paragraph.children.length - 1];
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
  for (const c of paragraph.children) if (c.type === 'text') c.value = c.value.replace(/[ \t]*\n[ \t]*\n/g, '\n');
}
