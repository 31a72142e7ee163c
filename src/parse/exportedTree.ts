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
 * - Google Docs: `**bold **` (the closing marker after a space, which CommonMark does not close)
 *   is bold, the space kept after it.
 * - R Markdown and Quarto: a code chunk (```` ```{r echo=FALSE} ````) is code in its language;
 *   one its author hid (`echo=FALSE`, `include=FALSE`, `#| echo: false`) is left out, and as no
 *   chunk is run, a warning says its output is not printed.
 *
 * Each pass first looks for its marker in the source text; a text node is rewritten only when its
 * source holds no escape or character reference (`\[\[` stays as written).
 */
import type { Code, Image, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Position } from 'unist';
import type { Warnings } from '../diagnostics.js';
import { visit } from '../visitTree.js';

declare module 'mdast' {
  interface EmphasisData {
    /** `mark`, `sup` or `sub`: Obsidian's highlight, Pandoc's superscript and subscript (mdast has no node for them). */
    hName?: 'mark' | 'sup' | 'sub';
  }
  interface DeleteData {
    hName?: 'sub';
  }
}

/** Every pass below, each when its marker is in the text. */
export function exportedConstructs(tree: Root, text: string, file: string, warnings: Warnings): void {
  if (text.includes('```{') || text.includes('~~~{') || text.includes('#| ')) codeChunks(tree, file, warnings);
  if (text.includes('[[')) wikilinks(tree, text, file, warnings);
  // A line of `#words` is Obsidian's tags only in a note that is Obsidian's; elsewhere it may be a campaign's hashtags.
  if (TAG_MARKER.test(text) && OBSIDIAN.test(text)) withoutTrailingTags(tree, text, file, warnings);
  if (BLOCK_ID_MARKER.test(text)) withoutBlockIds(tree, text);
  if (LOOSE_EMPHASIS_MARKER.test(text)) looseEmphasis(tree, text);
  if (text.includes('==')) highlights(tree, text);
  if (text.includes(']{.mark}')) pandocMarks(tree, text);
  if (/\^[^\s^]+\^/.test(text)) superscripts(tree, text);
  if (/[^\s~]~[^\s~]/.test(text)) subscripts(tree, text);
}

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

/** The position of `length` characters at `at` in a text node's value (its line counted; columns and offsets as near as a quote's prefixes allow). */
function positionIn(node: Text, at: number, length: number): Position | undefined {
  const p = node.position;
  if (!p) return undefined;
  const before = node.value.slice(0, at);
  const line = p.start.line + (before.match(/\n/g)?.length ?? 0);
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
    (parent as Parent).children.splice(index, 1, ...(pieces as RootContent[]));
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

/** What only Obsidian writes: a wikilink or embed, a comment, a highlight. */
const OBSIDIAN = /\[\[[^[\]\n]+\]\]|%%[^]*?%%|==[^\s=][^=\n]*==/;
const TAG = String.raw`#[\p{L}_][\p{L}\p{N}_/-]*`;
const TAG_MARKER = new RegExp(String.raw`(?:^|\s)${TAG}`, 'mu');
/** A run of tags ending a line: after the line's start or a sentence's end. */
const TRAILING_TAGS = new RegExp(String.raw`(?:^|(?<=[.!?:;)"”’]))(?:[ \t]*${TAG})+[ \t]*$`, 'gmu');

/** A run of `#tags` ending a line of a paragraph or heading (Obsidian's, for sorting notes) is left out with a warning. */
function withoutTrailingTags(tree: Root, text: string, file: string, warnings: Warnings): void {
  const seen = new Sightings();
  visit(tree, 'text', (node: Text, index, parent) => {
    if (!parent || index === undefined || !node.value.includes('#')) return;
    const last = index === (parent as Parent).children.length - 1;
    node.value = node.value.replace(TRAILING_TAGS, (run: string, at: number) => {
      // The run ends a line (a line ending follows, or the paragraph's end) and starts one or follows a sentence in this node.
      const endsLine = at + run.length < node.value.length || last;
      if (!endsLine || (at === 0 && index > 0) || !literal(node, text, run.trim())) return run;
      for (const tag of run.trim().split(/\s+/)) seen.add(lineOf(node, at), tag);
      return '';
    });
    node.value = node.value.replace(/[ \t]+$/, '');
  });
  if (!seen.count) return;
  removeEmpty(tree);
  const one = seen.count === 1;
  warnings.add(
    `${one ? 'an Obsidian tag' : `${seen.count} Obsidian tags`} (${seen.what.slice(0, 6).join(' ')}${seen.count > 6 ? ' …' : ''}) ${one ? 'is' : 'are'} left out${seen.linesNote()}: tags sort notes in Obsidian and mean nothing on paper (write the word without # to print it)`,
    { file, line: seen.lines[0] },
  );
}

const BLOCK_ID_MARKER = /(?:^|[ \t])\^[\w-]+[ \t]*$/m;
const BLOCK_ID = /(?:^|[ \t]+)\^[\w-]+[ \t]*(?=\n|$)/g;

/** Obsidian's block ids (`^abc123` ending a line, or alone on one) are anchors for its links: no reader's text. */
function withoutBlockIds(tree: Root, text: string): void {
  let removed = false;
  visit(tree, 'text', (node: Text, index, parent) => {
    if (!parent || index === undefined || !node.value.includes('^')) return;
    const last = index === (parent as Parent).children.length - 1;
    node.value = node.value.replace(BLOCK_ID, (id, at: number) => {
      const end = at + id.length;
      if (end === node.value.length && !last) return id;
      // `10 ^3^`'s closing caret is no block id; a caret that opens the node's line only if the node opens it.
      if ((at === 0 && index > 0 && !id.startsWith(' ') && !id.startsWith('\t')) || !literal(node, text, id.trim())) return id;
      removed = true;
      return '';
    });
  });
  if (removed) removeEmpty(tree);
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

// ── Google Docs' loose emphasis ─────────────────────────────────────────────────────────────────

const LOOSE_EMPHASIS_MARKER = /\*[^\s*][^*\n]*?[ \t]\*+[^\s*]/;
/**
 * `**Bold. **Next`: an opening marker CommonMark opens, a closing one after spaces it cannot close,
 * a word straight after it (Google Docs keeps the space inside the bold run). At a paragraph's end,
 * `**foo bar **` stays as CommonMark reads it.
 */
const LOOSE_EMPHASIS = /(?<![*\\\p{L}\p{N}])(\*\*|\*)(?=[^\s*])([^*\n]*?[^\s*])([ \t]+)\1(?=[^\s*])/gu;

function looseEmphasis(tree: Root, text: string): void {
  replaceInText(tree, text, LOOSE_EMPHASIS, (m, node) => {
    const inner: Text = { type: 'text', value: m[2], position: positionIn(node, m.index + m[1].length, m[2].length) };
    const emphasis: PhrasingContent = m[1] === '**' ? { type: 'strong', children: [inner] } : { type: 'emphasis', children: [inner] };
    return [emphasis, { type: 'text', value: m[3] }];
  });
}

// ── Highlights, superscripts, subscripts ────────────────────────────────────────────────────────

/**
 * `==text==`: the text highlighted. The two markers may stand in different text nodes of one
 * paragraph (`==**Stop** now==`): what lies between them is highlighted whole.
 */
function highlights(tree: Root, text: string): void {
  visit(tree, (node) => {
    if (!('children' in node) || node.type === 'code' || node.type === 'inlineCode') return;
    const children = (node as Parent).children as PhrasingContent[];
    if (!children.some((c) => c.type === 'text' && c.value.includes('=='))) return;
    for (let i = 0; i < children.length; i++) {
      const open = children[i];
      if (open.type !== 'text' || !literal(open, text, '==')) continue;
      const o = /(?<![=\\])==(?=[^\s=]|$)/.exec(open.value);
      if (!o) continue;
      // The closing marker: after the opening one in the same node (something between), or in a later text node.
      let j = i;
      let c: RegExpExecArray | null = null;
      for (; j < children.length && !c; j++) {
        const node = children[j];
        if (node.type !== 'text' || !literal(node, text, '==')) continue;
        const re = /(?<=[^\s=])==(?!=)|^==(?!=)/g;
        re.lastIndex = j === i ? o.index + 3 : 0;
        c = re.exec(node.value);
      }
      if (!c) continue;
      j--;
      const close = children[j] as Text;
        const before: Text = { type: 'text', value: open.value.slice(0, o.index), position: open.position };
        const after: Text = { type: 'text', value: close.value.slice(c.index + 2), position: close.position };
        let middle: PhrasingContent[];
        if (j === i) middle = [{ type: 'text', value: open.value.slice(o.index + 2, c.index), position: positionIn(open, o.index + 2, c.index - o.index - 2) }];
        else middle = [{ type: 'text', value: open.value.slice(o.index + 2) }, ...children.slice(i + 1, j), { type: 'text', value: close.value.slice(0, c.index) }];
        const mark: PhrasingContent = { type: 'emphasis', data: { hName: 'mark' }, children: middle.filter((n) => n.type !== 'text' || n.value !== '') };
        const replacement = [before, mark, after].filter((n) => n.type !== 'text' || n.value !== '');
        children.splice(i, j - i + 1, ...replacement);
      i = i + replacement.indexOf(mark);
    }
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
