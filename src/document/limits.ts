/**
 * Limits that keep every build bounded in time and stack: a source beyond them is refused with a
 * clear error naming its line, rather than taking minutes or overflowing the stack in a stage
 * below (micromark slows down steeply with nesting; mdast-util-to-hast, hast-util-raw and
 * hast-util-to-html recurse once per level; the PDF line breaker slows down steeply on very long
 * words). Real handouts are far inside them.
 */
import type { Root, Nodes } from 'mdast';
import { parseDocument, visit } from 'yaml';
import { HandoutError } from '../diagnostics.js';
import { tomlEntries } from '../options/validate.js';
import { RAW_INLINE_TAGS } from '../fill/safeHtml.js';
import type { Source } from '../read/readSource.js';
import { codeLines } from '../parse/codeLines.js';

/** Lists, quotes and HTML elements inside each other. */
export const MAX_NESTING = 100;
/** Columns of indentation before a line's text (about two per list level). */
export const MAX_INDENT = 4 * MAX_NESTING;
/** Columns of a table: a page holds a few dozen; 300,000 took the layout over fifteen minutes (20,000 took 9 s). */
export const MAX_COLUMNS = 1_000;
/** Rows of a table below its header: 5000 are some 150 pages; 100,000 took 36 s and 1 GB to lay out, 400,000 over 3 GB. */
export const MAX_TABLE_ROWS = 5_000;
/** Characters without a space: no line can hold them, and breaking them is slow. */
export const MAX_WORD = 10_000;
/**
 * Emphasis and strikethrough marks (*, _, ~) in one paragraph of Markdown: micromark pairs them in
 * time that grows with their square (60,000 marks took 5 s of CPU, 900,000 over ten minutes).
 */
export const MAX_MARKS = 100_000;
/** … of which tildes, whose strikethrough resolver slows down sooner (10,000 took 3 s of CPU). */
export const MAX_TILDES = 10_000;

const NESTING_HINT = 'flatten the lists or quotes';

/** Before parsing, which is itself what grows steeply with nesting. */
export function checkSourceText(source: Source): void {
  const lines = source.text.split('\n');
  if (source.format === 'markdown') {
    const code = codeLines(lines);
    checkMarks(source, lines, code);
    checkTableRows(source, lines, code);
  }
  for (let i = 0; i < lines.length; i++) {
    // The line's quote markers, list markers and indentation, before its text.
    const prefix = /^(?:[ \t>]|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))*/.exec(lines[i])![0];
    const indent = /^[ \t]*/.exec(lines[i])![0];
    const columns = [...indent].reduce((n, c) => (c === '\t' ? n + 4 - (n % 4) : n + 1), 0);
    const markers = (prefix.match(/>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])/g) ?? []).length;
    if (markers > MAX_NESTING) {
      throw new HandoutError(`nesting deeper than ${MAX_NESTING} levels is not supported (${markers} quote and list markers)`, { file: source.file, line: i + 1 }, NESTING_HINT);
    }
    if (columns > MAX_INDENT) {
      throw new HandoutError(`a line indented by ${columns} columns is not supported (nesting deeper than ${MAX_NESTING} levels)`, { file: source.file, line: i + 1 }, NESTING_HINT);
    }
  }
}

/** A GFM table's delimiter row: `|---|:--:|`, `--- | ---` (a cell of dashes with optional colons, pipes between). */
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
/** A line that starts another block, which ends a table (not `<`: inline HTML such as `<i>` starts a row). */
const ENDS_TABLE = /^ {0,3}(?:>|#{1,6}(?:[ \t]|$)|[-+*][ \t]|\d{1,9}[.)][ \t]|```|~~~)/;

/**
 * A table's rows before parsing: parsing 400,000 of them alone took a minute and 3 GB. After a
 * delimiter row (outside code), each line up to a blank one or one that starts another block is
 * a row; past MAX_TABLE_ROWS the source is refused at the table's line. (A table inside a list or
 * a quote is counted after parsing, in checkTree.)
 */
function checkTableRows(source: Source, lines: string[], code: ReturnType<typeof codeLines>): void {
  for (let i = 1; i < lines.length; i++) {
    if (code[i] || !lines[i].includes('-') || !TABLE_DELIMITER.test(lines[i]) || !lines[i - 1].includes('|')) continue;
    let end = i + 1;
    while (end < lines.length && lines[end].trim() !== '' && !ENDS_TABLE.test(lines[end])) end++;
    if (end - i - 1 > MAX_TABLE_ROWS) throw tooManyRows(end - i - 1, source.file, i);
    i = end;
  }
}

function tooManyRows(rows: number, file: string, line: number | undefined): HandoutError {
  return new HandoutError(`a table of ${rows} rows is not supported (at most ${MAX_TABLE_ROWS}): it would print on hundreds of pages, and laying it out takes minutes`, { file, line }, 'split it into smaller tables, or link to the data instead');
}

/** Counts the emphasis marks of each paragraph (code is never parsed for them); refuses past MAX_MARKS. */
function checkMarks(source: Source, lines: string[], code: ReturnType<typeof codeLines>): void {
  let marks = 0;
  let tildes = 0;
  let start = -1;
  for (let i = 0; i < lines.length; i++) {
    // A blank line, code, or a line that opens a block of its own (a list item, a heading, a table
    // row) ends the run of inline text micromark pairs marks in.
    if (code[i] || lines[i].trim() === '' || BLOCK_START.test(lines[i])) {
      marks = tildes = 0;
      start = -1;
      if (code[i] || lines[i].trim() === '') continue;
    }
    if (start === -1) start = i;
    const found = marksIn(lines[i]);
    marks += found.all;
    tildes += found.tildes;
    if (marks > MAX_MARKS || tildes > MAX_TILDES) {
      const what = marks > MAX_MARKS ? `${MAX_MARKS} emphasis marks (*, _ or ~)` : `${MAX_TILDES} tildes (~, strikethrough marks)`;
      throw new HandoutError(`a paragraph with more than ${what} is not supported: Markdown's parser would take minutes to pair them`, { file: source.file, line: start + 1 }, 'split the paragraph, or write the marks that are not emphasis as \\*, \\_ or \\~');
    }
  }
}
/** The marks of a line that are not escaped by a backslash (two backslashes then a mark: an escaped backslash, then a real mark). */
function marksIn(line: string): { all: number; tildes: number } {
  let all = 0;
  let tildes = 0;
  let slashes = 0;
  for (const c of line) {
    if (c === '\\') {
      slashes++;
      continue;
    }
    if ((c === '*' || c === '_' || c === '~') && slashes % 2 === 0) {
      all++;
      if (c === '~') tildes++;
    }
    slashes = 0;
  }
  return { all, tildes };
}
/** A line that starts a block of its own inline text: a list item, a heading, a table row (a quote's lines go on with its paragraph). */
const BLOCK_START = /^ {0,3}(?:[-+*]\s|\d{1,9}[.)]\s|#{1,6}\s|\|)/;

/** After parsing: how deep the tree goes (raw HTML counted by its open tags), and how long its words are. */
export function checkTree(tree: Root, file: string): void {
  // Elements raw HTML leaves open: block ones run on through the document; inline ones (<b>, <i> …)
  // are closed at the end of the block they open in (contentToHtml.ts), so they count only among
  // their siblings: 101 paragraphs each opening a <b> nest nothing.
  let htmlDepth = 0;
  const inlineOpenBefore = new Map<Nodes, number>();
  // An explicit stack: this check must not itself overflow on the trees it is there to refuse.
  // Every element counts (lists, quotes, emphasis, links …) but a list item, part of its list's level.
  const stack: [Nodes, number][] = [[tree, 0]];
  while (stack.length) {
    const [node, outer] = stack.pop()!;
    const line = node.position?.start.line;
    const depth = outer + ('children' in node && node.type !== 'listItem' && node.type !== 'root' ? 1 : 0);
    if (depth > MAX_NESTING) {
      throw new HandoutError(`nesting deeper than ${MAX_NESTING} levels is not supported`, { file, line }, NESTING_HINT);
    }
    if (node.type === 'table' && node.children.length - 1 > MAX_TABLE_ROWS) throw tooManyRows(node.children.length - 1, file, line);
    if (node.type === 'tableRow' && node.children.length > MAX_COLUMNS) {
      throw new HandoutError(`a table of ${node.children.length} columns is not supported (at most ${MAX_COLUMNS}): no page can print it, and laying it out takes minutes`, { file, line }, 'split it into narrower tables, or write it as a list');
    }
    if ('children' in node) {
      let inlineOpen = 0;
      for (const child of node.children as Nodes[]) {
        if (child.type !== 'html') continue;
        inlineOpenBefore.set(child, inlineOpen);
        inlineOpen = Math.max(0, inlineOpen + htmlNesting(child.value).inlineChange);
      }
    }
    if (node.type === 'html') {
      const { change, inlineChange, deepest } = htmlNesting(node.value);
      const reached = htmlDepth + (inlineOpenBefore.get(node) ?? 0) + deepest;
      htmlDepth = Math.max(0, htmlDepth + change - inlineChange);
      if (depth + reached > MAX_NESTING) {
        throw new HandoutError(`nesting deeper than ${MAX_NESTING} levels is not supported (HTML elements inside each other)`, { file, line }, 'close the HTML elements');
      }
    }
    if (node.type === 'yaml') checkFrontMatterWords(node.value, file, (line ?? 1) + 1);
    else if (node.type === 'toml') checkTomlWords(node.value, file, (line ?? 1) + 1);
    else if ('value' in node && typeof node.value === 'string') {
      // In raw HTML only the text between tags is printed (a pasted data: image is long, and dropped).
      const printed = node.type === 'html' ? node.value.replace(/<[^>]*>/g, ' ') : node.value;
      checkWords(printed, file, line);
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i] as Nodes, depth]);
  }
}

const LONG_WORD = new RegExp(`\\S{${MAX_WORD + 1},}`);

function checkWords(text: string, file: string, line: number | undefined): void {
  const long = LONG_WORD.exec(text);
  if (long) {
    throw new HandoutError(`a word of ${long[0].length} characters is not supported (the longest is ${MAX_WORD})`, { file, line }, 'put spaces in it, or leave it out');
  }
}

/**
 * Front matter's words are those of its values, each on its line: `keywords: [a,b,c …]` is many
 * short words, not one long one (5000 keywords on a line were refused as "a word of 28891 characters").
 */
function checkFrontMatterWords(yaml: string, file: string, firstLine: number): void {
  // A value's words come from the text's: YAML folds a line break inside a value into a space, and
  // its escapes stand for fewer characters than they take, except an escaped line break, which
  // joins the lines. So front matter with no long run of characters and no such escape has no
  // long word, and is not parsed a second time (about 0.4 ms a handout).
  if (!LONG_WORD.test(yaml) && !/\\[\r\n]/.test(yaml)) return;
  // The line is worked out only for a value that is refused: counting lines for every value was
  // quadratic (60 000 keywords took 89 s).
  const lineOf = (offset: number) => firstLine + (yaml.slice(0, offset).match(/\n/g)?.length ?? 0);
  visit(parseDocument(yaml), {
    Scalar(_, scalar) {
      // A number is printed as written (`version: 1.10` is "1.10"): its words are its source's.
      const text = typeof scalar.value === 'string' ? scalar.value : scalar.source;
      if (typeof text === 'string' && LONG_WORD.test(text)) checkWords(text, file, lineOf(scalar.range?.[0] ?? 0));
    },
  });
}

/**
 * TOML front matter's words, value by value, as for YAML: a long array of keywords on one line is
 * many short words; a word that a line-ending backslash joins from short lines is one long word.
 * Without a long run of characters or such a backslash, none can be long.
 */
function checkTomlWords(toml: string, file: string, firstLine: number): void {
  if (!LONG_WORD.test(toml) && !/\\[ \t]*[\r\n]/.test(toml)) return;
  let entries: ReturnType<typeof tomlEntries>;
  try {
    entries = tomlEntries(toml, { file, firstLine, what: 'front-matter key' });
  } catch {
    return; // invalid TOML is refused, at its line, when the front matter is read
  }
  const words = (value: unknown, line: number): void => {
    if (typeof value === 'string') checkWords(value, file, line);
    else if (Array.isArray(value)) for (const v of value) words(v, line);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) words([k, v], line);
  };
  for (const { rawKey, value, line } of entries) words([rawKey, value], line);
}

const VOID_ELEMENTS = /^(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)$/i;

/**
 * Opening tags minus closing tags in a piece of raw HTML, and the deepest it went (void and
 * self-closing tags count for nothing); `inlineChange`, the part of `change` made by inline tags.
 */
function htmlNesting(html: string): { change: number; inlineChange: number; deepest: number } {
  let change = 0;
  let inlineChange = 0;
  let deepest = 0;
  for (const m of html.matchAll(/<(\/?)([a-z][a-z0-9-]*)[^>]*?(\/?)>/gi)) {
    if (VOID_ELEMENTS.test(m[2]) || m[3]) continue;
    change += m[1] ? -1 : 1;
    if (RAW_INLINE_TAGS.has(m[2].toLowerCase())) inlineChange += m[1] ? -1 : 1;
    deepest = Math.max(deepest, change);
  }
  return { change, inlineChange, deepest };
}
