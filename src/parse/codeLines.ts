/**
 * Which lines of a Markdown text are code, for the passes that rewrite lines before parsing
 * (dialects.ts, exportedSource.ts): a code block is the author's example, left as written.
 *
 * A line is code when it is part of a fenced code block (its fences too), at the top level, in a
 * list item or inside `>` quotes, or part of an indented code block (four columns more than the
 * list item it stands in, not continuing a paragraph). This is a line scanner, not the parser: where
 * it is unsure it says "code", so a rewrite leaves the line as CommonMark reads it.
 */

/** A code fence: three or more backticks (no backtick in the info string) or tildes. */
const FENCE = /^[ \t]*(`{3,}(?=[^`]*$)|~{3,})/;
/** A list item's marker and the spaces after it (1 to 4; more, and the content is indented code). */
const LIST_ITEM = /^([-+*]|\d{1,9}[.)])( {1,4}(?=\S)|[ \t]*$)/;
/** A line that ends a paragraph and cannot be continued: an ATX heading, a thematic break. */
const CLOSED_LINE = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|(?:([-*_])[ \t]*)(?:\1[ \t]*){2,}$)/;

/** A line's width of leading spaces and tabs (a tab to the next multiple of four). */
export function indentOf(line: string): number {
  let width = 0;
  for (const c of line) {
    if (c === ' ') width++;
    else if (c === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

/** The line without its blockquote markers (`> `, `>`), and how many there were. */
function unquoted(line: string): { depth: number; content: string } {
  let depth = 0;
  let content = line;
  for (let m = /^ {0,3}> ?/.exec(content); m; m = /^ {0,3}> ?/.exec(content)) {
    depth++;
    content = content.slice(m[0].length);
  }
  return { depth, content };
}

/** For each line, whether it is code: in a fenced code block (fences included) or an indented one. Linear in the text. */
export function codeLines(lines: readonly string[]): boolean[] {
  const code: boolean[] = new Array<boolean>(lines.length).fill(false);
  let fence: { marker: string; depth: number } | undefined;
  /** The content columns of the list items the current line may stand in, innermost last. */
  let lists: number[] = [];
  let quoteDepth = 0;
  /** Whether the line before is a paragraph's line, which an indented line continues. */
  let paragraph = false;
  for (let i = 0; i < lines.length; i++) {
    const { depth, content } = unquoted(lines[i]);
    if (fence && depth < fence.depth) fence = undefined; // the quote holding the fence ended
    if (fence) {
      code[i] = true;
      const t = content.trim();
      if (t.startsWith(fence.marker) && /^[`~]+$/.test(t)) fence = undefined;
      continue;
    }
    if (depth !== quoteDepth) {
      quoteDepth = depth;
      lists = [];
    }
    if (content.trim() === '') {
      paragraph = false;
      continue;
    }
    const indent = indentOf(content);
    // Leave the list items this line is not indented into (a lazy paragraph line stays in them).
    if (!paragraph) while (lists.length && indent < lists[lists.length - 1]) lists.pop();
    const base = lists.length ? lists[lists.length - 1] : 0;
    if (indent >= base + 4) {
      // Indented code, or a paragraph's line (a lazy one, or one indented further).
      if (!paragraph) code[i] = true;
      continue;
    }
    const opens = FENCE.exec(content);
    if (opens) {
      fence = { marker: opens[1], depth };
      code[i] = true;
      paragraph = false;
      continue;
    }
    if (CLOSED_LINE.test(content)) {
      paragraph = false;
      continue;
    }
    const inner = content.trimStart();
    const marker = LIST_ITEM.exec(inner);
    if (marker) {
      while (lists.length && lists[lists.length - 1] > indent) lists.pop();
      const rest = inner.slice(marker[0].length);
      lists.push(indent + marker[1].length + (rest.trim() ? marker[2].length : 1));
      paragraph = rest.trim() !== '';
      continue;
    }
    paragraph = true;
  }
  return code;
}
