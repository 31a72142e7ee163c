/**
 * Markdown exported by other tools, rewritten line for line before parsing (every line keeps its
 * number, so messages and raw HTML still point at the source):
 *
 * - Obsidian comments (`%% … %%`, on one line or many) are notes for the writer: left out, with a
 *   warning at each comment's line.
 * - Notion callouts (`<aside>` … `</aside>`, an emoji first) are written as GitHub alerts, the kind
 *   read from the emoji (💡 a tip, ⚠️ a warning …), so they print as labelled boxes as alerts do.
 * - Pandoc's tables (what `pandoc -t markdown` writes for a Word table): grid tables (`+---+`
 *   borders), simple tables (a header over dashed column rules) and multiline tables (the same,
 *   between full-width dashed lines) are written as GFM tables, their caption a paragraph below.
 *   A table takes fewer lines as GFM: the lines it frees are left blank after it.
 * - Pandoc's line blocks (`| ` before each line of an address or a verse) are lines with hard breaks.
 *
 * Each rewrite first looks for its marker in the text: a document without it is returned as it is.
 * Code blocks are left as they are.
 */
import type { Warnings } from '../diagnostics.js';
import type { Source } from '../read/readSource.js';
import { findFrontMatter } from '../read/frontMatter.js';

const FENCE = /^[ \t]*(`{3,}(?=[^`]*$)|~{3,})/;

/** For each line, whether it is part of a fenced code block (its fences too). */
function inFencedCode(lines: string[]): boolean[] {
  const code: boolean[] = [];
  let fence: string | undefined;
  for (const line of lines) {
    if (fence) {
      code.push(true);
      if (line.trim().startsWith(fence) && /^[`~]+$/.test(line.trim())) fence = undefined;
      continue;
    }
    const opens = FENCE.exec(line);
    if (opens) fence = opens[1];
    code.push(!!opens);
  }
  return code;
}

/** The source with every rewrite below applied (each only when its marker is in the text). */
export function exportedSourceRewritten(source: Source, warnings: Warnings): Source {
  if (source.format !== 'markdown' || !ANY_MARKER.test(source.text)) return source;
  const all = source.text.split('\n');
  const front = findFrontMatter(source.text);
  const skip = front && front.lastLine > 0 ? front.lastLine : 0;
  let lines = all.slice(skip);
  if (lines.some((l) => l.includes('%%'))) lines = withoutObsidianComments(lines, skip, source.file, warnings);
  if (ASIDE.test(source.text)) lines = notionAsidesAsAlerts(lines);
  if (GRID_BORDER_MARKER.test(source.text) || DASHES_MARKER.test(source.text)) lines = pandocTablesAsGfm(lines);
  if (LINE_BLOCK_MARKER.test(source.text)) lines = lineBlocksAsBreaks(lines);
  const text = [...all.slice(0, skip), ...lines].join('\n');
  return text === source.text ? source : { ...source, text };
}

const ASIDE = /^[ \t]*<aside>/im;
const GRID_BORDER_MARKER = /^[ \t]*\+-{3,}[-+:]*\+[ \t]*$/m;
const DASHES_MARKER = /^ {0,3}-{2,}(?: +-{2,})+[ \t]*$/m;
const LINE_BLOCK_MARKER = /^\|(?: |$)/m;
const ANY_MARKER = /%%|^[ \t]*<aside>|^[ \t]*\+-{3,}|^ {0,3}-{2,} +-{2,}|^\|(?: |$)/im;

// ── Obsidian comments ───────────────────────────────────────────────────────────────────────────

/** `%% … %%` left out, newlines kept; inline code and code blocks are the author's and stay. A `%%` never closed stays too. */
function withoutObsidianComments(lines: string[], firstLine: number, file: string, warnings: Warnings): string[] {
  const code = inFencedCode(lines);
  // Code blanked out, so a `%%` in code neither opens nor closes a comment.
  const masked = lines.map((l, i) => (code[i] ? ' '.repeat(l.length) : l.replace(/(`+)[^`]*?\1/g, (m) => ' '.repeat(m.length)))).join('\n');
  const text = lines.join('\n');
  const comments = [...masked.matchAll(/%%[^]*?%%/g)];
  if (!comments.length) return lines;
  let out = '';
  let at = 0;
  const where: number[] = [];
  for (const m of comments) {
    out += text.slice(at, m.index) + m[0].replace(/[^\n]/g, '');
    at = m.index + m[0].length;
    where.push(firstLine + 1 + countNewlines(text.slice(0, m.index)));
  }
  out += text.slice(at);
  const one = where.length === 1;
  warnings.add(
    `${one ? 'an Obsidian comment (%% … %%) is' : `${where.length} Obsidian comments (%% … %%, lines ${where.join(', ')}) are`} left out: ${one ? 'it is a note' : 'they are notes'} for the writer, not the reader (write the words outside %% … %% to print them)`,
    { file, line: where[0] },
  );
  // Lines left holding only spaces where a comment stood are blank, so they end no paragraph the comment did not.
  return out.split('\n');
}

function countNewlines(text: string): number {
  let n = 0;
  for (const c of text) if (c === '\n') n++;
  return n;
}

// ── Notion callouts ─────────────────────────────────────────────────────────────────────────────

/** The callout kind each of Notion's usual emoji stands for; any other emoji is a note. */
const EMOJI_KINDS: [RegExp, string][] = [
  [/^(?:💡|✨|⭐|🌟)/u, 'tip'],
  [/^(?:⚠|🚧|🔥)/u, 'warning'],
  [/^(?:❗|‼|📣|📢)/u, 'important'],
  [/^(?:🚫|⛔|❌|🛑|☠)/u, 'danger'],
  [/^(?:ℹ|🔎|🔍)/u, 'info'],
  [/^(?:✅|✔|👍)/u, 'success'],
  [/^(?:❓|❔|🤔)/u, 'question'],
];
/** An emoji (with its variation selector, skin tone or joined parts) opening a line, and the spaces after it. */
const LEADING_EMOJI = /^[ \t]*(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\uFE0F|\u200D(?:\p{Extended_Pictographic})|\p{Emoji_Modifier}|\p{Regional_Indicator})*\uFE0F?[ \t]*/u;

/**
 * `<aside>` on its own line, the callout's lines, `</aside>`: an alert, `> [!TIP]` over the quoted
 * lines, the emoji that gave the kind taken out (a handout's fonts have no emoji: it would print
 * as an empty box). An aside that does not close is left as it is.
 */
function notionAsidesAsAlerts(lines: string[]): string[] {
  const code = inFencedCode(lines);
  const out = [...lines];
  for (let i = 0; i < lines.length; i++) {
    if (code[i] || !/^[ \t]*<aside>[ \t]*$/i.test(lines[i])) continue;
    let close = i + 1;
    while (close < lines.length && !/^[ \t]*<\/aside>[ \t]*$/i.test(lines[close])) close++;
    if (close >= lines.length) continue;
    const body = lines.slice(i + 1, close);
    const first = body.findIndex((l) => l.trim() !== '');
    let kind = 'note';
    if (first !== -1) {
      const emoji = LEADING_EMOJI.exec(body[first]);
      if (emoji) {
        const symbol = emoji[0].trim();
        kind = EMOJI_KINDS.find(([re]) => re.test(symbol))?.[1] ?? 'note';
        body[first] = body[first].slice(emoji[0].length);
      }
    }
    // Trailing blank lines inside the aside would end the quote early: only the lines with text are quoted.
    let last = body.length - 1;
    while (last >= 0 && body[last].trim() === '') last--;
    out[i] = `> [!${kind.toUpperCase()}]`;
    body.forEach((l, j) => (out[i + 1 + j] = j <= last ? `>${l.trim() ? ` ${l.trim()}` : ''}` : ''));
    out[close] = '';
    i = close;
  }
  return out;
}

// ── Pandoc tables ───────────────────────────────────────────────────────────────────────────────

const GRID_BORDER = /^[ \t]*\+(?:[-=:]+\+)+[ \t]*$/;
const GRID_ROW = /^[ \t]*\|.*\|[ \t]*$/;
/** The dashed rule under a simple or multiline table's header: one run of dashes a column. */
const COLUMN_RULE = /^ {0,3}-{2,}(?: +-{2,})+[ \t]*$/;
/** The dashed line that opens and closes a multiline table. */
const FULL_RULE = /^ {0,3}-{3,}[ \t]*$/;
/** A table's caption: `: text` or `Table: text`, under the table after a blank line. */
const CAPTION = /^ {0,3}(?:Table)?:[ \t]+(\S.*)$/;

function pandocTablesAsGfm(lines: string[]): string[] {
  const code = inFencedCode(lines);
  const out = [...lines];
  const blankBefore = (i: number) => i === 0 || lines[i - 1].trim() === '';
  for (let i = 0; i < lines.length; i++) {
    if (code[i] || !blankBefore(i)) continue;
    const table = gridTable(lines, i) ?? multilineTable(lines, i) ?? simpleTable(lines, i);
    if (!table) continue;
    const { rows, end } = table;
    let last = end;
    const gfm = gfmTable(rows);
    // A caption below, after a blank line, is printed as the paragraph it is.
    const caption = end + 2 < lines.length && lines[end + 1].trim() === '' ? CAPTION.exec(lines[end + 2]) : null;
    if (caption) {
      gfm.push('', caption[1]);
      last = end + 2;
    }
    for (let j = i; j <= last; j++) out[j] = gfm[j - i] ?? '';
    i = last;
  }
  return out;
}

interface TableLines {
  /** Each row's cells as Markdown text; the first row is the header. */
  rows: string[][];
  /** The table's last line. */
  end: number;
}

/** A grid table opening at `start`: `+---+---+` borders (`+===+` under the header), `|` between cells. */
function gridTable(lines: string[], start: number): TableLines | undefined {
  if (!GRID_BORDER.test(lines[start])) return undefined;
  const border = lines[start].trimEnd();
  const columns = [...border.matchAll(/\+/g)].map((m) => m.index);
  if (columns.length < 2) return undefined;
  const rows: string[][] = [];
  let cellLines: string[][] = columns.slice(1).map(() => []);
  let end = start;
  for (let j = start + 1; j < lines.length; j++) {
    const line = lines[j].trimEnd();
    if (GRID_BORDER.test(line)) {
      rows.push(cellLines.map(cellText));
      cellLines = columns.slice(1).map(() => []);
      end = j;
      continue;
    }
    if (!GRID_ROW.test(line)) break;
    // A cell spanning columns has no `|` at the boundary: its text goes into the first of them.
    let from = 0;
    for (let c = 0; c + 1 < columns.length; c++) {
      const boundary = columns[c + 1];
      if (c + 2 < columns.length && line[boundary] !== '|') continue;
      cellLines[from].push(line.slice(columns[from] + 1, Math.min(boundary, line.length)).replace(/\|[ \t]*$/, ''));
      from = c + 1;
    }
  }
  return rows.length && end > start ? { rows, end } : undefined;
}

/** A simple table opening at `start`: a header line over a rule of dashes a column, rows to a blank line. */
function simpleTable(lines: string[], start: number): TableLines | undefined {
  if (start + 2 >= lines.length || lines[start].trim() === '' || !COLUMN_RULE.test(lines[start + 1])) return undefined;
  const ranges = columnRanges(lines[start + 1]);
  let end = start + 1;
  while (end + 1 < lines.length && lines[end + 1].trim() !== '') end++;
  if (end === start + 1) return undefined;
  // A headerless table closes with a rule of dashes too: that line is no row.
  const last = COLUMN_RULE.test(lines[end]) ? end - 1 : end;
  const rows = [lines[start], ...lines.slice(start + 2, last + 1)].map((l) => splitColumns(l, ranges).map((c) => cellText([c])));
  return { rows, end };
}

/** A multiline table: a full-width rule, header lines, a column rule, rows separated by blank lines, a full-width rule. */
function multilineTable(lines: string[], start: number): TableLines | undefined {
  if (!FULL_RULE.test(lines[start])) return undefined;
  let rule = start + 1;
  while (rule < lines.length && lines[rule].trim() !== '' && !COLUMN_RULE.test(lines[rule])) rule++;
  if (rule >= lines.length || rule === start + 1 || !COLUMN_RULE.test(lines[rule])) return undefined;
  let end = rule + 1;
  while (end < lines.length && !FULL_RULE.test(lines[end])) end++;
  if (end >= lines.length) return undefined;
  const ranges = columnRanges(lines[rule]);
  const group = (from: number, to: number) => {
    const cells: string[][] = ranges.map(() => []);
    for (const l of lines.slice(from, to)) splitColumns(l, ranges).forEach((c, k) => cells[k].push(c));
    return cells.map(cellText);
  };
  const rows = [group(start + 1, rule)];
  let from = rule + 1;
  for (let j = rule + 1; j <= end; j++) {
    if (j === end || lines[j].trim() === '') {
      if (j > from) rows.push(group(from, j));
      from = j + 1;
    }
  }
  return rows.length > 1 ? { rows, end } : undefined;
}

/** Where each column's dashes start and end. */
function columnRanges(rule: string): [number, number][] {
  return [...rule.matchAll(/-+/g)].map((m) => [m.index, m.index + m[0].length]);
}

/**
 * A line cut into its columns. Pandoc aligns text within its column's dashes, but a right-aligned
 * cell may start left of them: each cut is made at a space in the gap between two columns' dashes
 * (or the nearest space to it), never inside a word.
 */
function splitColumns(line: string, ranges: [number, number][]): string[] {
  const cuts: number[] = [];
  for (let k = 1; k < ranges.length; k++) {
    const [gapStart, gapEnd] = [ranges[k - 1][1], ranges[k][0]];
    let cut = -1;
    for (let p = gapEnd; p >= gapStart; p--) if (p >= line.length || line[p] === ' ' || line[p] === '\t') { cut = p; break; }
    if (cut === -1) for (let d = 1; d < line.length && cut === -1; d++) for (const p of [gapStart - d, gapEnd + d]) if (p > 0 && p < line.length && line[p] === ' ') { cut = p; break; }
    cuts.push(Math.max(cut === -1 ? gapEnd : cut, cuts[cuts.length - 1] ?? 0));
  }
  return [0, ...cuts].map((from, k) => line.slice(from, cuts[k] ?? line.length));
}

/** A cell's lines as one line of GFM: lines joined with spaces, a list item or a new paragraph on a line of its own (`<br>`). */
function cellText(cell: string[]): string {
  const parts: string[] = [];
  let gap = false;
  for (const raw of cell) {
    const line = raw.trim();
    if (!line) {
      gap = parts.length > 0;
      continue;
    }
    if (parts.length && (gap || /^(?:[-*+]|\d+[.)])[ \t]/.test(line))) parts.push('<br>');
    else if (parts.length) parts.push(' ');
    parts.push(line);
    gap = false;
  }
  return parts.join('').replace(/\|/g, '\\|');
}

function gfmTable(rows: string[][]): string[] {
  const width = Math.max(...rows.map((r) => r.length));
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, k) => cells[k] ?? '').join(' | ')} |`;
  return [line(rows[0]), line(Array<string>(width).fill('---')), ...rows.slice(1).map(line)];
}

// ── Line blocks ─────────────────────────────────────────────────────────────────────────────────

/**
 * Pandoc's line block: lines opening with `|` and a space, each printed on its own line, leading
 * spaces kept. A run of such lines that is a GFM table (a delimiter row) or whose lines all end
 * with `|` is a table, and left to the table parser.
 */
function lineBlocksAsBreaks(lines: string[]): string[] {
  const code = inFencedCode(lines);
  const out = [...lines];
  const opens = (l: string) => /^\|(?: |$)/.test(l);
  for (let i = 0; i < lines.length; i++) {
    if (code[i] || !opens(lines[i]) || (i > 0 && lines[i - 1].trim() !== '')) continue;
    let end = i;
    // A line of the block may go on, indented, on the next line.
    while (end + 1 < lines.length && (opens(lines[end + 1]) || (/^[ \t]+\S/.test(lines[end + 1]) && !code[end + 1]))) end++;
    const block = lines.slice(i, end + 1);
    const starts = block.filter(opens);
    const table = block.some((l) => /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/.test(l)) || starts.every((l) => /\|[ \t]*$/.test(l.slice(1)));
    if (table) {
      i = end;
      continue;
    }
    for (let j = i; j <= end; j++) {
      let line = lines[j];
      if (opens(line)) {
        const content = line.slice(2);
        const indent = /^ */.exec(content)![0].length;
        // Pandoc keeps a line's leading spaces; a marker opening it (`# `, `- `, `1. `) is text, not a block.
        line = '\u00a0'.repeat(indent) + content.slice(indent).replace(/^(#|>|[-+*](?=[ \t])|\d+(?=[.)][ \t]))/, '\\$1');
        if (line.trim() === '') line = '\u00a0';
      }
      const next = lines[j + 1];
      out[j] = j < end && next !== undefined && opens(next) ? `${line}\\` : line;
    }
    i = end;
  }
  return out;
}
