/**
 * Markdown exported by other tools, read in the tree as a reader of that tool sees it:
 *
 * - Obsidian: a wikilink (`[[Page]]`, `[[Page|alias]]`, `[[Page#Heading]]`) prints its alias or the
 *   page's name; an embedded image (`![[chart.png]]`) is an image; an embedded note or file, which
 *   no build of ours can include, prints its name with a warning; `==highlight==` is highlighted
 *   (`<mark>`); a run of `#tags` ending a line and a block id (`^abc123`) are left out (tags with
 *   a warning; a block id is only an anchor).
 * - Pandoc: `[text]{.mark}` is highlighted; `^superscript^` and `H~2~O` (a tilde pair inside a word, which GFM reads as a
 *   strike-through) are raised and lowered.
 * - Google Docs' `**bold **` (the closing marker after a space) is left as CommonMark reads it: no
 *   sign in the text tells Google Docs' export from `*.tmp and *.bak`, and read so nothing is lost.
 * - R Markdown and Quarto: a code chunk (```` ```{r echo=FALSE} ````) is code in its language;
 *   one its author hid (`echo=FALSE`, `include=FALSE`, `#| echo: false`) is left out, and as no
 *   chunk is run, a warning says its output is not printed.
 *
 * Obsidian's constructs but wikilinks are read only in an Obsidian note, Pandoc's only in Pandoc's
 * Markdown (ExportedInfo, exportedSource.ts): `x==1`, `x^2+y^2`, `#1` are ordinary text elsewhere.
 * Each pass first looks for its marker in the source text; a text node is rewritten only when its
 * source holds no escape or character reference (`\[\[` stays as written).
 */
import type { Code, Image, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Position } from 'unist';
import type { Warnings } from '../diagnostics.js';
import { visit } from '../visitTree.js';
import { COMMENT_LINE, exportedSignals, type ExportedInfo } from './exportedSource.js';

declare module 'mdast' {
  interface EmphasisData {
    /** `mark`, `sup` or `sub`: Obsidian's highlight, Pandoc's superscript and subscript (mdast has no node for them). */
    hName?: 'mark' | 'sup' | 'sub';
  }
  interface DeleteData {
    hName?: 'sub';
  }
}

/**
 * Every pass below, each when its marker is in the text and the document is of its tool. `info`:
 * what exportedSourceRewritten found in the source (else read from `text`).
 */
export function exportedConstructs(tree: Root, text: string, file: string, warnings: Warnings, info: ExportedInfo = exportedSignals(text)): void {
  if (info.lineMap?.size) withSourceLines(tree, info.lineMap);
  // Only lines marked: the character itself is the author's anywhere else ("two \uE000 tablets").
  if (info.commentLines) withoutCommentLines(tree);
  if (text.includes('```{') || text.includes('~~~{') || text.includes('#| ')) codeChunks(tree, file, warnings);
  if (text.includes('[[')) wikilinks(tree, text, file, warnings);
  if (info.obsidian) {
    if (TAG_MARKER.test(text)) withoutTrailingTags(tree, text, file, warnings);
    if (text.includes('^')) withoutBlockIds(tree, text);
    if (text.includes('==')) highlights(tree, text);
  }
  if (info.pandoc) {
    if (text.includes(']{.mark}')) pandocMarks(tree, text);
    if (/\^[^\s^]+\^/.test(text)) superscripts(tree, text);
    if (/[^\s~]~[^\s~]/.test(text)) subscripts(tree, text);
  }
}

/** A table row that spanned lines in the source is one line of the text parsed: its nodes get the line it starts on. */
function withSourceLines(tree: Root, lineMap: Map<number, number>): void {
  visit(tree, (node) => {
    const p = node.position;
    if (!p) return;
    const start = lineMap.get(p.start.line);
    if (start === undefined) return;
    const end = lineMap.get(p.end.line) ?? start;
    node.position = { start: { ...p.start, line: start }, end: { ...p.end, line: Math.max(start, end) } };
  });
}

/** The lines that held only an Obsidian comment inside a paragraph (COMMENT_LINE) are taken out of its text. */
function withoutCommentLines(tree: Root): void {
  visit(tree, 'text', (node: Text) => {
    if (node.value.includes(COMMENT_LINE)) node.value = node.value.replace(COMMENT_LINES, '');
  });
  removeEmpty(tree);
}
/** A marked line: the whole line, and the line break before it (or after it, at the text's start). */
const COMMENT_LINES = new RegExp(`\\n[ \\t]*${COMMENT_LINE}[ \\t]*(?=\\n|$)|^[ \\t]*${COMMENT_LINE}[ \\t]*(?:\\n|$)`, 'g');

// ── Helpers ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Whether `written` stands in a text node's source as it is in its value: not made by an escape or
 * a character reference (`\\*\\*` is no bold marker), though other escapes in the node may be.
 */
function literal(node: Text, text: string, written: string): boolean {
  const { start, end } = node.position ?? {};
  if (start?.offset === undefined || end?.offset === undefined) return false;
  return text.slice(start.offset, end.offset).includes(written);
}

/** Where each line starts in a text node's value (cached while the value is unchanged). */
const lineStarts = new WeakMap<Text, { value: string; starts: number[] }>();

/** The position of `length` characters at `at` in a text node's value (its line counted; columns and offsets as near as a quote's prefixes allow). */
function positionIn(node: Text, at: number, length: number): Position | undefined {
  const p = node.position;
  if (!p) return undefined;
  let cached = lineStarts.get(node);
  if (!cached || cached.value !== node.value) {
    const starts = [0];
    for (let i = node.value.indexOf('\n'); i !== -1; i = node.value.indexOf('\n', i + 1)) starts.push(i + 1);
    cached = { value: node.value, starts };
    lineStarts.set(node, cached);
  }
  // The number of line starts at or before `at`, less the first: a binary search.
  const { starts } = cached;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  const line = p.start.line + lo;
  const offset = (p.start.offset ?? 0) + at;
  return { start: { line, column: 1, offset }, end: { line, column: 1, offset: offset + length } };
}

/**
 * Replaces matches of `pattern` (global) in the literal text nodes of the tree by what `make`
 * returns for them. `make` may return undefined to leave a match as it is.
 */
function replaceInText(tree: Root, text: string, pattern: RegExp, make: (m: RegExpExecArray, node: Text) => PhrasingContent[] | undefined): void {
  visit(tree, 'text', (node: Text, index, parent) => {
    if (!parent || index === undefined) return;
    pattern.lastIndex = 0;
    if (!pattern.test(node.value)) return;
    pattern.lastIndex = 0;
    const pieces: PhrasingContent[] = [];
    let at = 0;
    for (let m = pattern.exec(node.value); m; m = pattern.exec(node.value)) {
      const made = literal(node, text, m[0]) ? make(m, node) : undefined;
      if (!made) continue;
      if (m.index > at) pieces.push({ type: 'text', value: node.value.slice(at, m.index), position: positionIn(node, at, m.index - at) });
      pieces.push(...made);
      at = m.index + m[0].length;
    }
    if (!pieces.length) return;
    if (at < node.value.length) pieces.push({ type: 'text', value: node.value.slice(at), position: positionIn(node, at, node.value.length - at) });
    const children = (parent as Parent).children;
    // A node of 100 000 matches would be as many arguments to splice, beyond the stack: those few nodes copy the list.
    if (pieces.length < 10_000) children.splice(index, 1, ...(pieces as RootContent[]));
    else (parent as Parent).children = [...children.slice(0, index), ...(pieces as RootContent[]), ...children.slice(index + 1)];
    return index + pieces.length;
  });
}

function lineOf(node: Text, at: number): number | undefined {
  return positionIn(node, at, 0)?.start.line;
}

/** One warning for all the places a construct was met, at the first. */
class Sightings {
  readonly lines: number[] = [];
  readonly what: string[] = [];
  add(line: number | undefined, what: string): void {
    if (line !== undefined && !this.lines.includes(line)) this.lines.push(line);
    if (!this.what.includes(what)) this.what.push(what);
  }
  get count(): number {
    return this.what.length;
  }
  linesNote(): string {
    return this.lines.length > 1 ? ` (lines ${this.lines.join(', ')})` : '';
  }
}

function quoted(items: string[], max = 4): string {
  const shown = items.slice(0, max).map((s) => `"${s}"`);
  return items.length > max ? `${shown.join(', ')} …` : shown.join(', ');
}

// ── Obsidian wikilinks and embeds ───────────────────────────────────────────────────────────────

const WIKILINK = /(!?)\[\[([^[\]\n]+)\]\]/g;
const IMAGE_FILE = /\.(?:png|jpe?g|gif|svg|webp|avif|bmp)$/i;

function wikilinks(tree: Root, text: string, file: string, warnings: Warnings): void {
  const notes = new Sightings();
  replaceInText(tree, text, WIKILINK, (m, node) => {
    const [target, ...rest] = m[2].split('|');
    const alias = rest.join('|').trim();
    const [page, ...parts] = target.split('#');
    const name = page.trim().replace(/\.md$/i, '');
    const heading = parts.join(' › ').replace(/^\^.*$|› \^\S*$/, '').trim();
    if (m[1] && IMAGE_FILE.test(name)) {
      // `![[chart.png|300]]` gives a width, `![[chart.png|A chart]]` its alt text.
      const alt = /^\d+(?:x\d+)?$/.test(alias) ? '' : alias;
      const image: Image = { type: 'image', url: encodeURI(name), alt, position: positionIn(node, m.index, m[0].length) };
      return [image];
    }
    const shown = alias || (name ? (heading ? `${name} › ${heading}` : name) : heading);
    if (!shown) return undefined;
    if (m[1]) notes.add(lineOf(node, m.index), m[2]);
    return [{ type: 'text', value: shown, position: positionIn(node, m.index, m[0].length) }];
  });
  if (notes.count) {
    const one = notes.count === 1;
    warnings.add(
      `${one ? 'an Obsidian embed' : `${notes.count} Obsidian embeds`} of a note or file (${quoted(notes.what.map((w) => `![[${w}]]`))}) cannot be included: only ${one ? 'its name is' : 'their names are'} printed${notes.linesNote()} (paste the text to print in its place)`,
      { file, line: notes.lines[0] },
    );
  }
}

// ── Obsidian tags and block ids ─────────────────────────────────────────────────────────────────

const TAG = String.raw`#[\p{L}_][\p{L}\p{N}_/-]*`;
const TAG_MARKER = new RegExp(String.raw`(?:^|\s)${TAG}`, 'mu');

const TAG_ALONE = new RegExp(`^${TAG}$`, 'u');
const isSpace = (c: string | undefined) => c === ' ' || c === '\t';

/** Where the run of `#tags` ending `line` starts (its spaces before included) and its tags, if the line starts with it or it follows a sentence's end. Linear in the line. */
function trailingTagRun(line: string): { from: number; run: string; tags: string[] } | undefined {
  let end = line.length;
  while (end > 0 && isSpace(line[end - 1])) end--;
  const tags: string[] = [];
  let runStart = end;
  for (let at = end; at > 0; ) {
    let k = at;
    while (k > 0 && !isSpace(line[k - 1])) k--;
    const token = line.slice(k, at);
    if (!TAG_ALONE.test(token)) break;
    tags.unshift(token);
    runStart = k;
    at = k;
    while (at > 0 && isSpace(line[at - 1])) at--;
  }
  if (!tags.length) return undefined;
  let from = runStart;
  while (from > 0 && isSpace(line[from - 1])) from--;
  if (from > 0 && !/[.!?:;)"”’]/.test(line[from - 1])) return undefined;
  return { from, run: line.slice(runStart, end), tags };
}

/** A run of `#tags` ending a line of a paragraph or heading (Obsidian's, for sorting notes) is left out with a warning. */
function withoutTrailingTags(tree: Root, text: string, file: string, warnings: Warnings): void {
  const seen = new Sightings();
  cutLineEnds(tree, '#', (line, k, node, index) => {
    const found = trailingTagRun(line);
    // The run starts a line or follows a sentence in this node.
    if (!found || (found.from === 0 && k === 0 && index > 0) || !literal(node, text, found.run)) return undefined;
    const at = node.position ? node.position.start.line + k : undefined;
    for (const tag of found.tags) seen.add(at, tag);
    return found.from;
  });
  if (!seen.count) return;
  removeEmpty(tree);
  const one = seen.count === 1;
  warnings.add(
    `${one ? 'an Obsidian tag' : `${seen.count} Obsidian tags`} (${seen.what.slice(0, 6).join(' ')}${seen.count > 6 ? ' …' : ''}) ${one ? 'is' : 'are'} left out${seen.linesNote()}: tags sort notes in Obsidian and mean nothing on paper (write the word without # to print it)`,
    { file, line: seen.lines[0] },
  );
}

/**
 * Obsidian's block ids (`^abc123` ending a line after a space, or alone on one) are anchors for its
 * links: no reader's text. An id of digits alone (`the power ^2`) is left as written.
 */
function withoutBlockIds(tree: Root, text: string): void {
  const removed = cutLineEnds(tree, '^', (line, k, node, index) => {
    let end = line.length;
    while (end > 0 && isSpace(line[end - 1])) end--;
    const caret = line.lastIndexOf('^', end - 1);
    if (caret < 0) return undefined;
    const id = line.slice(caret + 1, end);
    if (!/^[\w-]+$/.test(id) || !/[A-Za-z]/.test(id)) return undefined;
    let from = caret;
    while (from > 0 && isSpace(line[from - 1])) from--;
    // After a space, or opening the node's line (a line of the node's own, or the node the paragraph's first).
    if (from === caret && caret > 0) return undefined;
    if (from === 0 && k === 0 && index > 0 && caret === 0) return undefined;
    return literal(node, text, `^${id}`) ? from : undefined;
  });
  if (removed) removeEmpty(tree);
}

/**
 * For each line of a text node that ends a line of the source (a line ending follows, or the end
 * of its paragraph) and holds `marker`, `cut` says where the line's end is cut off, if anywhere.
 * Whether any line was cut.
 */
function cutLineEnds(tree: Root, marker: string, cut: (line: string, k: number, node: Text, index: number) => number | undefined): boolean {
  let removed = false;
  visit(tree, 'text', (node: Text, index, parent) => {
    if (!parent || index === undefined || !node.value.includes(marker)) return;
    const last = index === (parent as Parent).children.length - 1;
    const lines = node.value.split('\n');
    let changed = false;
    lines.forEach((line, k) => {
      if (!line.includes(marker) || (k === lines.length - 1 && !last)) return;
      const from = cut(line, k, node, index);
      if (from === undefined) return;
      lines[k] = line.slice(0, from);
      changed = true;
    });
    if (changed) {
      node.value = lines.join('\n');
      removed = true;
    }
  });
  return removed;
}

/** Paragraphs and headings left with no text (a line of tags, a block id alone) go. */
function removeEmpty(tree: Root): void {
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const children = (node as Parent).children;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if ((child.type === 'paragraph' || child.type === 'heading') && child.children.every((c) => c.type === 'text' && c.value.trim() === '')) children.splice(i, 1);
    }
  });
}

// ── Highlights, superscripts, subscripts ────────────────────────────────────────────────────────

/** `==` opening a highlight: not inside a word or a run of `=` (`x==1` is a comparison), something but a space after it. */
const HIGHLIGHT_OPEN = /(?<![=\\\p{L}\p{N}])==(?=[^\s=]|$)/gu;
/** `==` closing one: after something but a space, not before a word. */
const HIGHLIGHT_CLOSE = /(?:(?<=[^\s=])|^)==(?![=\p{L}\p{N}])/gu;

function find(re: RegExp, value: string, from: number): RegExpExecArray | null {
  re.lastIndex = from;
  return re.exec(value);
}

/**
 * `==text==`: the text highlighted. The two markers may stand in different text nodes of one
 * paragraph (`==**Stop** now==`): what lies between them is highlighted whole. One pass over each
 * parent's children: where each later closing marker is, is known before.
 */
function highlights(tree: Root, text: string): void {
  visit(tree, (node) => {
    if (!('children' in node) || node.type === 'code' || node.type === 'inlineCode') return;
    const children = (node as Parent).children as PhrasingContent[];
    const marked = (c: PhrasingContent): c is Text => c.type === 'text' && c.value.includes('==') && literal(c, text, '==');
    if (!children.some(marked)) return;
    // The first closing marker in each child, and the next child from each that holds one.
    const closeAt = children.map((c) => (marked(c) ? (find(HIGHLIGHT_CLOSE, c.value, 0)?.index ?? -1) : -1));
    const nextClose = new Array<number>(children.length + 1).fill(-1);
    for (let j = children.length - 1; j >= 0; j--) nextClose[j] = closeAt[j] >= 0 ? j : nextClose[j + 1];
    const out: PhrasingContent[] = [];
    let changed = false;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (!marked(child)) {
        out.push(child);
        continue;
      }
      // The node's text from `from` on is yet to be read; `node` is the node it is in.
      let current: Text = child;
      let from = 0;
      for (;;) {
        const o = find(HIGHLIGHT_OPEN, current.value, from);
        if (!o) break;
        const c = find(HIGHLIGHT_CLOSE, current.value, o.index + 3);
        if (c) {
          if (o.index > from) out.push({ type: 'text', value: current.value.slice(from, o.index), position: positionIn(current, from, o.index - from) });
          const inner = current.value.slice(o.index + 2, c.index);
          out.push({ type: 'emphasis', data: { hName: 'mark' }, children: [{ type: 'text', value: inner, position: positionIn(current, o.index + 2, inner.length) }] });
          from = c.index + 2;
          changed = true;
          continue;
        }
        const k = nextClose[i + 1];
        if (k < 0) break;
        // The highlight runs on into later nodes, to the closing marker in node k.
        const close = children[k] as Text;
        if (o.index > from) out.push({ type: 'text', value: current.value.slice(from, o.index), position: positionIn(current, from, o.index - from) });
        const middle = ([
          { type: 'text', value: current.value.slice(o.index + 2) },
          ...children.slice(i + 1, k),
          { type: 'text', value: close.value.slice(0, closeAt[k]) },
        ] as PhrasingContent[]).filter((n) => n.type !== 'text' || n.value !== '');
        out.push({ type: 'emphasis', data: { hName: 'mark' }, children: middle });
        changed = true;
        i = k;
        current = close;
        from = closeAt[k] + 2;
      }
      if (from === 0 && current === child) out.push(child);
      else if (from < current.value.length) out.push({ type: 'text', value: current.value.slice(from), position: positionIn(current, from, current.value.length - from) });
    }
    if (changed) (node as Parent).children = out as RootContent[];
  });
}

/** Pandoc's highlighted span, `[text]{.mark}` (Word's highlighter): highlighted, as `==text==` is. Other spans print their words (dialects.ts). */
function pandocMarks(tree: Root, text: string): void {
  replaceInText(tree, text, /\[([^[\]\n]+)\]\{\.mark\}/g, (m, node) => [
    { type: 'emphasis', data: { hName: 'mark' }, children: [{ type: 'text', value: m[1], position: positionIn(node, m.index + 1, m[1].length) }] },
  ]);
}

/** Pandoc's `^superscript^` (no space inside: `2^10^`, `1^st^`). */
function superscripts(tree: Root, text: string): void {
  replaceInText(tree, text, /(?<![\\^])\^([^\s^]+)\^/g, (m, node) => [
    { type: 'emphasis', data: { hName: 'sup' }, children: [{ type: 'text', value: m[1], position: positionIn(node, m.index + 1, m[1].length) }] },
  ]);
}

/**
 * Pandoc's `~subscript~` (`H~2~O`, `CO~2~`): GFM reads a single tilde pair as a strike-through;
 * one of a single tilde, with no space inside, right after a letter or digit is a subscript.
 */
function subscripts(tree: Root, text: string): void {
  visit(tree, 'delete', (node: Extract<PhrasingContent, { type: 'delete' }>, index, parent) => {
    if (!parent || !index) return;
    const start = node.position?.start.offset;
    if (start === undefined || text[start] !== '~' || text[start + 1] === '~') return;
    const before = (parent as Parent).children[index - 1];
    if (before?.type !== 'text' || !/[\p{L}\p{N}]$/u.test(before.value)) return;
    if (node.children.length !== 1 || node.children[0].type !== 'text' || /\s/.test(node.children[0].value)) return;
    node.data = { ...node.data, hName: 'sub' };
  });
}

// ── R Markdown and Quarto code chunks ───────────────────────────────────────────────────────────

const HIDDEN = /\b(?:echo|include)\s*=\s*(?:FALSE|F|false)\b/;
const QUARTO_OPTION = /^#\|[ \t]*([\w.-]+)[ \t]*:[ \t]*(.*?)[ \t]*$/;

function codeChunks(tree: Root, file: string, warnings: Warnings): void {
  const hidden: number[] = [];
  const shown: number[] = [];
  visit(tree, 'code', (node: Code, index, parent) => {
    const info = `${node.lang ?? ''} ${node.meta ?? ''}`.trim();
    const chunk = /^\{([A-Za-z][\w-]*)[ ,]*([^]*?)\}$/.exec(info);
    const lines = node.value.split('\n');
    const options = lines.slice(0, lines.findIndex((l) => !QUARTO_OPTION.test(l)) >>> 0);
    if (!chunk && !(options.length && node.lang)) return;
    const line = node.position?.start.line;
    const hides = (chunk && HIDDEN.test(chunk[2])) || options.some((o) => /^(?:echo|include)$/.test(QUARTO_OPTION.exec(o)![1]) && /^false$/i.test(QUARTO_OPTION.exec(o)![2]));
    if (hides && parent && index !== undefined) {
      if (line !== undefined) hidden.push(line);
      (parent as Parent).children.splice(index, 1);
      return index;
    }
    if (line !== undefined && chunk) shown.push(line);
    if (chunk) {
      node.lang = chunk[1].toLowerCase();
      node.meta = null;
    }
    if (options.length) node.value = lines.slice(options.length).join('\n');
  });
  if (hidden.length) {
    warnings.add(
      `${hidden.length === 1 ? 'a code chunk its author hid (echo=FALSE or include=FALSE) is' : `${hidden.length} code chunks their author hid (echo=FALSE or include=FALSE, lines ${hidden.join(', ')}) are`} left out; handout does not run code, so what ${hidden.length === 1 ? 'it' : 'they'} would print is missing too (knit or render the document first, and build its Markdown output)`,
      { file, line: hidden[0] },
    );
  }
  if (shown.length) {
    warnings.add(
      `${shown.length === 1 ? 'a code chunk is' : `${shown.length} code chunks (lines ${shown.join(', ')}) are`} printed as code, but not run: what ${shown.length === 1 ? 'it' : 'they'} would print is missing (knit or render the document first, and build its Markdown output)`,
      { file, line: shown[0] },
    );
  }
}
