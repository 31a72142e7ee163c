/**
 * Markdown exported by other tools, rewritten line for line before parsing (every line keeps its
 * number, so messages and raw HTML still point at the source):
 *
 * - In an Obsidian note (ExportedInfo.obsidian: a wikilink or a folded callout), comments
 *   (`%% … %%`, on one line or many) are notes for the writer: left out, with a warning at each
 *   comment's line. Elsewhere `%%` is text (`%%i` in a batch file).
 * - Notion callouts (`<aside>` … `</aside>`, an emoji first) are written as GitHub alerts, the kind
 *   read from the emoji (💡 a tip, ⚠️ a warning …), so they print as labelled boxes as alerts do.
 * - Pandoc's tables (what `pandoc -t markdown` writes for a Word table): grid tables (`+---+`
 *   borders), simple tables (a header over dashed column rules) and multiline tables (the same,
 *   between full-width dashed lines) are written as GFM tables, their caption a paragraph below.
 *   A table takes fewer lines as GFM: the lines it frees are left blank after it.
 * - Pandoc's line blocks (`| ` before each line of an address or a verse) are lines with hard breaks.
 *
 * Each rewrite first looks for its marker in the text: a document without it is returned as it is.
 * Code blocks (fenced, indented, in quotes and list items: codeLines.ts) are left as they are. What
 * the text shows of its tool (ExportedInfo) is returned with it, for the passes over the tree.
 */
import type { Warnings } from '../diagnostics.js';
import type { Source } from '../read/readSource.js';
import { findFrontMatter } from '../read/frontMatter.js';
import { codeLines } from './codeLines.js';
import { largest } from '../extremes.js';

/** What a document's own text shows of the tool that wrote it (outside code), and where table rows came from. */
export interface ExportedInfo {
  /**
   * An Obsidian note: it writes a wikilink or embed (`[[Page]]`, `![[file]]`) or a callout folded
   * (`> [!tip]-`, `> [!tip]+`). Only then are Obsidian's comments, block ids, highlights and tags
   * read: `%%i`, `x==1`, `power ^2` and `#1` are ordinary text elsewhere.
   */
  obsidian: boolean;
  /**
   * Pandoc's Markdown: it writes an attribute (`{.class}`, `{#id}`, `::: {…}`), a grid, simple or
   * multiline table, or a line block. Only then are `^sup^`, `H~2~O` and `[text]{.mark}` read.
   */
  pandoc: boolean;
  /** For a line of the rewritten text holding a table row that spanned lines (1-based), the source line the row starts on. */
  lineMap?: Map<number, number>;
  /** Lines an Obsidian comment emptied inside a paragraph were marked (COMMENT_LINE), for the tree pass to take out. */
  commentLines?: boolean;
}

declare module '../read/readSource.js' {
  interface Source {
    /** Set by exportedSourceRewritten: which tools' constructs the passes over the tree read. */
    exported?: ExportedInfo;
  }
}

/** Stands on a line that held only an Obsidian comment inside a paragraph: the tree pass takes the line out, so the paragraph stays one. */
export const COMMENT_LINE = '\uE000';

const WIKILINK_SIGNAL = /\[\[[^[\]\n]+\]\]/;
const FOLDED_CALLOUT = /^ {0,3}>[ \t>]*\[![\w-]+\][+-]/;
const PANDOC_ATTRIBUTE = /\]\{[ \t]*[.#][\w-]|\{[ \t]*[.#][\w-][^{}\n]*\}[ \t]*$|^ {0,3}:{3,}[ \t]*\{/;

/** A line with its inline code spans blanked (same length), so what they hold is no marker. */
function withoutInlineCode(line: string): string {
  return line.includes('`') ? line.replace(/(`+)[^`]*?\1/g, (m) => ' '.repeat(m.length)) : line;
}

/** The signals of `exportedSourceRewritten` for a text (tables and line blocks not looked for): for a tree made without it. */
export function exportedSignals(text: string): ExportedInfo {
  const lines = text.split('\n');
  const code = codeLines(lines);
  const masked = lines.map((l, i) => (code[i] ? '' : withoutInlineCode(l)));
  return { obsidian: masked.some(obsidianSignal), pandoc: masked.some((l) => PANDOC_ATTRIBUTE.test(l)) };
}

const obsidianSignal = (l: string) => WIKILINK_SIGNAL.test(l) || FOLDED_CALLOUT.test(l);

/** The source with every rewrite below applied (each only when its marker is in the text). */
export function exportedSourceRewritten(source: Source, warnings: Warnings): Source {
  if (source.format !== 'markdown') return source;
  const all = source.text.split('\n');
  const front = findFrontMatter(source.text);
  const skip = front && front.lastLine > 0 ? front.lastLine : 0;
  let lines = all.slice(skip);
  const code = codeLines(lines);
  const masked = lines.map((l, i) => (code[i] ? '' : withoutInlineCode(l)));
  const info: ExportedInfo = { obsidian: masked.some(obsidianSignal), pandoc: masked.some((l) => PANDOC_ATTRIBUTE.test(l)) };
  if (ANY_MARKER.test(source.text)) {
    if (info.obsidian && masked.some((l) => l.includes('%%'))) {
      lines = withoutObsidianComments(lines, masked, code, skip, source.file, warnings);
      info.commentLines = lines.includes(COMMENT_LINE);
    }
    if (ASIDE.test(source.text)) lines = notionAsidesAsAlerts(lines, code);
    if (GRID_BORDER_MARKER.test(source.text) || DASHES_MARKER.test(source.text)) {
      const tables = pandocTablesAsGfm(lines, code, skip);
      lines = tables.lines;
      if (tables.lineMap.size) {
        info.pandoc = true;
        info.lineMap = tables.lineMap;
      }
    }
    if (LINE_BLOCK_MARKER.test(source.text)) {
      const before = lines;
      lines = lineBlocksAsBreaks(lines, code);
      if (lines.some((l, i) => l !== before[i])) info.pandoc = true;
    }
  }
  const text = [...all.slice(0, skip), ...lines].join('\n');
  return { ...source, text, exported: info };
}

const ASIDE = /^[ \t]*<aside>/im;
const GRID_BORDER_MARKER = /^[ \t]*\+-{3,}[-+:]*\+[ \t]*$/m;
const DASHES_MARKER = /^ {0,3}-{2,}(?: +-{2,})+[ \t]*$/m;
const LINE_BLOCK_MARKER = /^\|(?: |$)/m;
const ANY_MARKER = /%%|^[ \t]*<aside>|^[ \t]*\+-{3,}|^ {0,3}-{2,} +-{2,}|^\|(?: |$)/im;

// ── Obsidian comments ───────────────────────────────────────────────────────────────────────────

/**
 * In an Obsidian note, `%% … %%` left out (on one line or across lines), newlines kept; inline
 * code and code blocks are the author's and stay, and a `%%` in them neither opens nor closes a
 * comment. A `%%` never closed stays. A line that held only a comment inside a paragraph gets
 * COMMENT_LINE, so the paragraph is not split in two.
 */
function withoutObsidianComments(lines: string[], masked: string[], code: boolean[], firstLine: number, file: string, warnings: Warnings): string[] {
  const out = [...lines];
  const where: number[] = [];
  /** The open comment: its line, and that line's text before it. */
  let open: { line: number; before: string; at: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    if (code[i]) {
      if (open) out[i] = '';
      continue;
    }
    const m = masked[i];
    let result = '';
    let pos = 0;
    for (;;) {
      const idx = m.indexOf('%%', pos);
      if (!open) {
        if (idx < 0) {
          result += lines[i].slice(pos);
          break;
        }
        result += lines[i].slice(pos, idx);
        open = { line: i, before: result, at: idx };
        pos = idx + 2;
      } else {
        if (idx < 0) break;
        where.push(open.line);
        open = undefined;
        pos = idx + 2;
      }
    }
    out[i] = result;
  }
  if (open) {
    // Never closed: left as it is.
    out[open.line] = open.before + lines[open.line].slice(open.at);
    for (let j = open.line + 1; j < lines.length; j++) out[j] = lines[j];
  }
  if (!where.length) return lines;
  // Runs of lines a comment emptied, between two lines of text: the paragraph goes on over them.
  const emptied = (i: number) => out[i].trim() === '' && lines[i].trim() !== '';
  for (let i = 0; i < lines.length; i++) {
    if (!emptied(i) || code[i]) continue;
    let end = i;
    while (end + 1 < lines.length && emptied(end + 1) && !code[end + 1]) end++;
    const text = (j: number) => j >= 0 && j < lines.length && !code[j] && out[j].trim() !== '';
    if (text(i - 1) && text(end + 1)) for (let j = i; j <= end; j++) out[j] = COMMENT_LINE;
    else for (let j = i; j <= end; j++) out[j] = '';
    i = end;
  }
  const lineNumbers = where.map((l) => firstLine + 1 + l);
  const one = where.length === 1;
  warnings.add(
    `${one ? 'an Obsidian comment (%% … %%) is' : `${where.length} Obsidian comments (%% … %%, lines ${lineNumbers.join(', ')}) are`} left out: ${one ? 'it is a note' : 'they are notes'} for the writer, not the reader (write the words outside %% … %% to print them)`,
    { file, line: lineNumbers[0] },
  );
  return out;
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
 * lines (each as written, its indentation kept), the emoji that gave the kind taken out (a
 * handout's fonts have no emoji: it would print as an empty box). An aside inside an aside is an
 * alert inside the alert. An aside that does not close is left as it is.
 */
function notionAsidesAsAlerts(lines: string[], code: boolean[]): string[] {
  // Each `</aside>` closes the innermost open `<aside>`: one pass, a stack.
  const pairs: [number, number][] = [];
  const stack: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (code[i]) continue;
    if (/^[ \t]*<aside>[ \t]*$/i.test(lines[i])) stack.push(i);
    else if (stack.length && /^[ \t]*<\/aside>[ \t]*$/i.test(lines[i])) pairs.push([stack.pop()!, i]);
  }
  if (!pairs.length) return lines;
  // How many asides hold each line (their own opening and closing lines not counted): a difference array.
  const delta = new Array<number>(lines.length + 1).fill(0);
  for (const [open, close] of pairs) {
    delta[open + 1]++;
    delta[close]--;
  }
  const depth: number[] = [];
  for (let i = 0, d = 0; i < lines.length; i++) depth.push((d += delta[i]));
  /** Lines that are an aside's trailing blank lines: quoted one level less, or they would end the quote early. */
  const trailing = new Array<boolean>(lines.length).fill(false);
  const out = [...lines];
  const quote = (n: number) => Array<string>(n).fill('>').join(' ');
  const kinds = new Map<number, string>();
  for (const [open, close] of pairs) {
    let first = open + 1;
    while (first < close && lines[first].trim() === '') first++;
    let kind = 'note';
    if (first < close) {
      const emoji = LEADING_EMOJI.exec(lines[first]);
      if (emoji) {
        const symbol = emoji[0].trim();
        kind = EMOJI_KINDS.find(([re]) => re.test(symbol))?.[1] ?? 'note';
        out[first] = lines[first].slice(emoji[0].length);
      }
    }
    kinds.set(open, kind);
    for (let j = close - 1; j > open && lines[j].trim() === ''; j--) trailing[j] = true;
  }
  for (let i = 0; i < lines.length; i++) {
    const opening = kinds.get(i);
    const d = depth[i];
    if (opening !== undefined) out[i] = `${d ? `${quote(d)} ` : ''}> [!${opening.toUpperCase()}]`;
    else if (d === 0) continue;
    else if (out[i].trim() === '') out[i] = quote(trailing[i] ? d - 1 : d);
    else out[i] = `${quote(d)} ${out[i]}`;
  }
  for (const [, close] of pairs) out[close] = quote(depth[close]);
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

function pandocTablesAsGfm(lines: string[], code: boolean[], firstLine: number): { lines: string[]; lineMap: Map<number, number> } {
  const out = [...lines];
  const lineMap = new Map<number, number>();
  const blankBefore = (i: number) => i === 0 || lines[i - 1].trim() === '';
  for (let i = 0; i < lines.length; i++) {
    if (code[i] || !blankBefore(i)) continue;
    const table = gridTable(lines, i) ?? multilineTable(lines, i) ?? simpleTable(lines, i);
    if (!table) continue;
    const { rows, starts, end } = table;
    let last = end;
    const gfm = gfmTable(rows);
    // Each row is one line now: what it holds is reported at the line the row starts on in the source.
    starts.forEach((from, k) => lineMap.set(firstLine + 1 + i + (k === 0 ? 0 : k + 1), firstLine + 1 + from));
    // A caption below, after a blank line, is printed as the paragraph it is.
    const caption = end + 2 < lines.length && lines[end + 1].trim() === '' ? CAPTION.exec(lines[end + 2]) : null;
    if (caption) {
      gfm.push('', caption[1]);
      last = end + 2;
      lineMap.set(firstLine + 1 + i + gfm.length - 1, firstLine + 1 + last);
    }
    for (let j = i; j <= last; j++) out[j] = gfm[j - i] ?? '';
    i = last;
  }
  return { lines: out, lineMap };
}

interface TableLines {
  /** Each row's cells as Markdown text; the first row is the header. */
  rows: string[][];
  /** The line each row starts on. */
  starts: number[];
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
  const starts: number[] = [];
  let cellLines: string[][] = columns.slice(1).map(() => []);
  let end = start;
  for (let j = start + 1; j < lines.length; j++) {
    const line = lines[j].trimEnd();
    if (GRID_BORDER.test(line)) {
      // Two borders with no row between are no table (a line of `+----+` drawn twice).
      if (end === j - 1) return undefined;
      rows.push(cellLines.map(cellText));
      starts.push(end + 1);
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
  return rows.length && end > start ? { rows, starts, end } : undefined;
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
  return { rows, starts: [start, ...rows.slice(1).map((_, k) => start + 2 + k)], end };
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
  const starts = [start + 1];
  let from = rule + 1;
  for (let j = rule + 1; j <= end; j++) {
    if (j === end || lines[j].trim() === '') {
      if (j > from) {
        rows.push(group(from, j));
        starts.push(from);
      }
      from = j + 1;
    }
  }
  return rows.length > 1 ? { rows, starts, end } : undefined;
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
  const width = largest(rows.map((r) => r.length));
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, k) => cells[k] ?? '').join(' | ')} |`;
  return [line(rows[0]), line(Array<string>(width).fill('---')), ...rows.slice(1).map(line)];
}

// ── Line blocks ─────────────────────────────────────────────────────────────────────────────────

/**
 * Pandoc's line block: lines opening with `|` and a space, each printed on its own line, leading
 * spaces kept. A run of such lines that is a GFM table (a delimiter row) or whose lines all end
 * with `|` is a table, and left to the table parser.
 */
function lineBlocksAsBreaks(lines: string[], code: boolean[]): string[] {
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
        line = '\u00a0'.repeat(indent) + content.slice(indent).replace(/^(?:(#|>|[-+*](?=[ \t]))|(\d+)(?=[.)](?:[ \t]|$)))/, (_, mark: string | undefined, number: string | undefined) => (mark ? `\\${mark}` : `${number}\\`));
        if (line.trim() === '') line = '\u00a0';
      }
      const next = lines[j + 1];
      out[j] = j < end && next !== undefined && opens(next) ? `${line}\\` : line;
    }
    i = end;
  }
  return out;
}
