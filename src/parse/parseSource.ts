/**
 * Parse stage: source text → mdast. Markdown goes through unified + remark-parse with GFM
 * (tables, strikethrough, autolinks, task lists) and front matter; plain text is never read as
 * Markdown (an asterisk in prose stays an asterisk): its paragraphs become mdast paragraphs.
 */
import { ENGLISH_MONTHS } from '../months.js';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { defList } from 'micromark-extension-definition-list';
import { defListFromMarkdown } from 'mdast-util-definition-list';
import type { Root, Paragraph, Html, Table } from 'mdast';
import type { Source } from '../read/readSource.js';
import { findFrontMatter } from '../read/frontMatter.js';
import { HandoutError, type Warnings } from '../diagnostics.js';
import { LIST_MARKER } from './listMarkers.js';
import { visit } from '../visitTree.js';
import { calloutsFromAlerts } from './dialects.js';
import { largest } from '../extremes.js';

/**
 * GitHub Flavored Markdown, one construct at a time, in remark-gfm's order, each with what a text
 * must hold for the construct to occur in it at all (its marker; for autolinks, what the syntax and
 * the tree's literal-link pass both start from). Each construct's syntax is tried at every
 * character it could start at, and the autolink pass searches every text node, so a text without
 * the marker is parsed without the construct: the same tree, in about half the time for a handout
 * with no links, footnotes, strike-through or task lists (tests/property/gfmConstructs.test.ts
 * compares the trees on the CommonMark and GFM specs' examples).
 */
const GFM_CONSTRUCTS: { occursIn: RegExp; syntax: () => ReturnType<typeof gfmTable>; tree: () => ReturnType<typeof gfmTableFromMarkdown> }[] = [
  // The literal-link pass reads text with character references decoded ("a&#64;b.co" is a link), so
  // any reference counts too.
  { occursIn: /@|www\.|https?:\/\/|&(?:#|[a-z][a-z\d]*;)/i, syntax: gfmAutolinkLiteral, tree: gfmAutolinkLiteralFromMarkdown },
  { occursIn: /\[\^/, syntax: gfmFootnote, tree: gfmFootnoteFromMarkdown },
  { occursIn: /~/, syntax: () => gfmStrikethrough(), tree: gfmStrikethroughFromMarkdown },
  // A table needs a pipe, except a one-column table whose delimiter row has a colon ("word\n:--").
  { occursIn: /\||:-|-:/, syntax: gfmTable, tree: gfmTableFromMarkdown },
  // A task's box: "[", a space, tab, line ending, x or X, then "]".
  { occursIn: /\[[\s xX]\]/, syntax: gfmTaskListItem, tree: gfmTaskListItemFromMarkdown },
];

/**
 * Constructs of other Markdown dialects, gated the same way: definition lists (Pandoc, PHP
 * Markdown Extra, kramdown: `Term` over `: Definition`), whose marker is a line opening with a
 * colon and a space (in a quote or a list item too), and TOML front matter (Hugo's `+++` fence).
 * tests/property/dialectConstructs.test.ts checks the gate gives the tree of the parser that
 * always has them.
 */
export const DIALECT_CONSTRUCTS: typeof GFM_CONSTRUCTS = [
  { occursIn: /^[ \t>*+\-\d.)]*[:~](?:[ \t]|$)/m, syntax: () => defList, tree: () => defListFromMarkdown },
];
const TOML_FRONT_MATTER = /^\+\+\+[ \t]*\r?\n/;

/** A parser for each set of constructs met so far, by which constructs (bit i: ALL_CONSTRUCTS[i]; the last, TOML front matter). */
const parsers = new Map<number, ReturnType<typeof parserWith>>();
const ALL_CONSTRUCTS = [...GFM_CONSTRUCTS, ...DIALECT_CONSTRUCTS];

function parserWith(constructs: typeof GFM_CONSTRUCTS, toml: boolean) {
  return unified()
    .use(remarkParse)
    .use(function gfmConstructs() {
      const data = this.data();
      (data.micromarkExtensions ??= []).push(...constructs.map((c) => c.syntax()));
      (data.fromMarkdownExtensions ??= []).push(constructs.map((c) => c.tree()));
    })
    .use(remarkFrontmatter, toml ? ['yaml', 'toml'] : ['yaml']);
}

function markdownParserFor(text: string, constructs: typeof GFM_CONSTRUCTS) {
  let set = 0;
  constructs.forEach((c) => (set |= c.occursIn.test(text) ? 1 << ALL_CONSTRUCTS.indexOf(c) : 0));
  if (constructs !== GFM_CONSTRUCTS && TOML_FRONT_MATTER.test(text)) set |= 1 << ALL_CONSTRUCTS.length;
  let parser = parsers.get(set);
  if (!parser) parsers.set(set, (parser = parserWith(ALL_CONSTRUCTS.filter((_, i) => set & (1 << i)), !!(set & (1 << ALL_CONSTRUCTS.length)))));
  return parser;
}

/** `warnings`: told of plain text's lines that are left out (a page number from a printed copy). */
export function parseSource(source: Source, warnings?: Warnings): Root {
  if (source.format === 'markdown') {
    const tree = parseMarkdownWithDialects(source.text);
    calloutsFromAlerts(tree, source.text);
    return tree;
  }
  // Plain text may open with front matter too: its lines are settings, not paragraphs.
  const frontMatter = findFrontMatter(source.text);
  const dropped: DroppedLine[] = [];
  const tree = parsePlainText(source.text, frontMatter && frontMatter.lastLine > 0 ? frontMatter.lastLine : 0, dropped, source.pageBreaks);
  for (const d of dropped.filter((d) => !d.running)) warnings?.add(`"${d.text}" looks like the number of a page of a printed copy, not part of the text: it is left out`, { file: source.file, line: d.line });
  // A running header or footer, once for all its copies.
  const running = new Map<string, DroppedLine[]>();
  for (const d of dropped) if (d.running) running.set(d.running, [...(running.get(d.running) ?? []), d]);
  for (const copies of running.values()) {
    warnings?.add(`"${copies[0].text}" is a printed copy's running header or footer, repeated by its page numbers (line${copies.length > 1 ? 's' : ''} ${copies.map((c) => c.line).join(', ')}): it is left out`, { file: source.file, line: copies[0].line });
  }
  // Only rules ("=====") and page numbers: nothing to print, as with a file of blank lines.
  if (!tree.children.length) throw new HandoutError('the source holds no text, only lines that draw rules or number pages', { file: source.file }, 'write some text, or remove the file');
  return tree;
}

/** CommonMark with GitHub's extensions (GFM) and YAML front matter: what remark-gfm parses. */
export function parseMarkdown(text: string): Root {
  // remark-gfm and remark-frontmatter register their syntax extensions in the transformer chain,
  // so `runSync` is not needed: `parse` already knows GFM and YAML fences.
  return markdownParserFor(text, GFM_CONSTRUCTS).parse(text);
}

/** GFM, and the constructs of other dialects a handout's source may be written in (definition lists, TOML front matter). */
export function parseMarkdownWithDialects(text: string): Root {
  return markdownParserFor(text, ALL_CONSTRUCTS).parse(text);
}

/**
 * A `<!--` never closed: CommonMark makes everything after it (to the end of the file, or of its
 * list item or quote) one HTML block, and the browser one comment, so every word after it would
 * vanish. As with a raw HTML tag that would hide the text after it (contentToHtml.ts), the opener
 * is left out with a warning and the text after it is printed. Only the four characters go, so
 * every line keeps its number.
 */
export function withoutUnclosedComments(source: Source, warnings: Warnings): Source {
  if (source.format !== 'markdown' || !source.text.includes('<!--')) return source;
  let text = source.text;
  // Each pass removes one opener; a comment closed later in the file stays a comment.
  for (;;) {
    let unclosed: Html | undefined;
    visit(parseMarkdown(text), 'html', (node: Html) => {
      if (!unclosed && /^\s*<!--/.test(node.value) && !node.value.includes('-->')) unclosed = node;
    });
    const start = unclosed?.position?.start;
    const at = start?.offset === undefined ? -1 : text.indexOf('<!--', start.offset);
    if (!unclosed || at === -1) return text === source.text ? source : { ...source, text };
    const toEnd = unclosed.position!.end.offset! >= text.trimEnd().length;
    warnings.add(
      `the HTML comment opened here ("<!--") is never closed, so it would hide ${toEnd ? 'the rest of the file' : 'the text after it'}; the "<!--" is left out and the text after it printed (close the comment with --> where it should end)`,
      { file: source.file, line: start!.line },
    );
    text = text.slice(0, at) + text.slice(at + 4);
  }
}

/**
 * A GFM table row with more cells than its header: the GFM spec (and mdast-util-to-hast) drops the
 * cells past the header's, and with them words like a dose's "once a day with food". The table is
 * widened instead, the header getting empty cells, with a warning at the row: a missing header is
 * easier to spot on paper than missing instructions.
 */
export function widenRaggedTables(tree: Root, file: string, warnings: Warnings): void {
  visit(tree, 'table', (table: Table) => {
    const [header] = table.children;
    const widest = largest(table.children.map((row) => row.children.length));
    if (!header || widest <= header.children.length) return;
    // One warning a table, at its first long row: the build's report prints one line a rule.
    const long = table.children.slice(1).filter((row) => row.children.length > header.children.length);
    const lines = long.map((row) => row.position?.start.line);
    warnings.add(
      `${long.length === 1 ? 'a table row has' : `${long.length} table rows (lines ${lines.join(', ')}) have`} up to ${widest} cells but the table's header has ${header.children.length}; the table is widened to ${widest} columns so no words are lost (give the new column a header, or join the cells)`,
      { file, line: lines[0] },
    );
    while (header.children.length < widest) header.children.push({ type: 'tableCell', children: [] });
    table.align = [...(table.align ?? []), ...Array<null>(widest).fill(null)].slice(0, widest);
  });
}

/**
 * Paragraphs of plain text. A blank line always ends one. Inside a run of lines, a line break joins
 * two lines into one paragraph when the text is hard-wrapped (see `wrapOf`) and the line is
 * full (the next word would not have fitted after it; see `isFull`), or when the sentence plainly goes on
 * (`goesOn`). Otherwise each line is a paragraph of its own: a heading directly over its text, a
 * list item, a byline, or one paragraph a line as text exported from web pages is. A line that opens with a list marker
 * ("- ", "• ", "1) ") always starts a paragraph, even in wrapped text.
 */
export function parsePlainText(text: string, skipLines = 0, dropped: DroppedLine[] = [], pageBreaks: number[] = []): Root {
  const lines = text.split('\n');
  const wrap = wrapOf(lines.slice(skipLines));
  const children: Paragraph[] = [];
  // Offsets too, not only lines: hast-util-raw (images, raw HTML) requires them on positions.
  const lineStarts: number[] = [];
  lines.reduce((offset, l) => (lineStarts.push(offset), offset + l.length + 1), 0);
  let start = -1;
  const join = lineJoiner(text);
  const anew = startsAnew(text);
  const { pageNumbers, running, breaks } = pageFurniture(lines, skipLines, wrap, new Set(pageBreaks.map((l) => l - 1)));
  const indents = opensIndented(lines.slice(skipLines));
  // The last line of text read: across a page break, the line before the break.
  let previous = -1;
  const flush = (end: number) => {
    if (start === -1) return;
    const value = join(lines.slice(start, end).filter((_, k) => !breaks.has(start + k)).map((l) => l.trim()));
    children.push({
      type: 'paragraph',
      children: [{ type: 'text', value }],
      position: {
        start: { line: start + 1, column: 1, offset: lineStarts[start] },
        end: { line: end, column: lines[end - 1].length + 1, offset: lineStarts[end - 1] + lines[end - 1].length },
      },
    });
    start = -1;
  };
  lines.forEach((line, i) => {
    if (i < skipLines) return;
    // A page break inside a paragraph (its page number, running lines and blank lines) is no break in the text.
    if (breaks.has(i)) {
      if (pageNumbers.has(i) || running.has(i)) dropped.push({ line: i + 1, text: line.trim(), running: running.get(i) });
      return;
    }
    if (running.has(i)) {
      flush(i);
      dropped.push({ line: i + 1, text: line.trim(), running: running.get(i) });
      return;
    }
    if (line.trim() === '') return flush(i);
    // A rule drawn with characters ("=====" under a heading, "* * *" between parts) ends what is
    // above it and is no text: a line over it stands alone, as a heading does.
    if (RULE_LINE.test(line)) {
      const underlines = start !== -1 && start === i - 1 && !LIST_MARKER.test(lines[start]);
      flush(i);
      if (underlines) children[children.length - 1].data = { underlined: true };
      return;
    }
    // A page's number left from a printed or converted document is not the reader's text: said, and left out.
    if (pageNumbers.has(i)) {
      flush(i);
      dropped.push({ line: i + 1, text: line.trim() });
      return;
    }
    const before = lines[previous] ?? '';
    // In text whose paragraphs open indented, an indented line after a sentence's end opens one.
    // So does a short line there that the next opening follows, without a sentence's end: a heading ("Overview").
    const next = lines[i + 1] ?? '';
    const heading = indents && SENTENCE_END.test(before) && next.trim() !== '' && indentOf(next) > indentOf(line) && !/[.!?;,]$/.test(line.trim()) && line.trim().split(/\s+/).length <= 10;
    // (Not inside a list item, whose next sentences hang under its first line.)
    // (Not a line that hangs under a list item's text, where its next sentences go.)
    const item = start >= 0 ? LIST_MARKER.exec(lines[start]) : null;
    const hangs = !!item && indentOf(line) === columns(item[0]);
    const indented = indents && !hangs && ((SENTENCE_END.test(before) && indentOf(line) > indentOf(before)) || heading);
    // (A capital the text writes small starts anew only after a paragraph's first line: inside a
    // wrapped paragraph, "… early in" / "May …" and "… Grace and" / "Will …" are names going on.)
    // Lines after a lead-in that each end in a semicolon ("Get help if:" or "GET HELP IF", "you have
    // a fever;", "you cannot pass urine.") are the items of a list, as legal and British leaflets set
    // one: not one sentence.
    // (Item lines are short, and the first stands right under its lead-in or after one blank line
    // at most: a wrapped sentence under "Dosage:" that breaks after a semicolon goes on.)
    const semicolonItem = start !== -1 && /;$/.test(before.trim()) && before.trim().split(/\s+/).length <= 12 && line.trim().split(/\s+/).length <= 12 && !(wrap && isFull(before, line, wrap)) && (/[:;]$/.test(lineAbove(lines, start)) || endsOnContinuingWord(lineAbove(lines, start)));
    if (start !== -1 && (indented || semicolonItem || startsItem(line, before, wrap, lines[start]) || anew(before, line, start === previous) || !((wrap && isFull(before, line, wrap)) || goesOn(before, line)))) flush(i);
    if (start === -1) start = i;
    previous = i;
  });
  flush(lines.length);
  return { type: 'root', children };
}

/**
 * Joins two lines of one paragraph. A word broken at the line's end by a hyphen, as a typeset page
 * (a PDF) breaks it, is one word again: "treat-" and "ment" are "treatment". A hyphen the word has
 * anyway stays, without the space: "well-known", "follow-up". Which it is, the text itself says
 * when it uses either form elsewhere; otherwise both halves being words it uses ("well", "known"),
 * or a first half that makes compounds ("self-", "non-"), keep the hyphen.
 */
function lineJoiner(text: string): (lines: string[]) => string {
  let words: Set<string> | undefined;
  const used = (w: string) => (words ??= new Set(text.toLowerCase().match(/[\p{L}][\p{L}'’-]*/gu) ?? [])).has(w.toLowerCase());
  return (lines) => {
    // Each line is read once, on its own: a paragraph of thousands of lines stays linear.
    const pieces = [lines[0]];
    for (let i = 1; i < lines.length; i++) {
      const [line, next] = [lines[i - 1], lines[i]];
      const broken = line.endsWith('-') ? /(\p{L}+)-$/u.exec(line.slice(-80)) : null;
      const rest = /^(\p{Ll}+)/u.exec(next);
      // "Short-" over "and long-term" is a hyphen left hanging for the word after "and": it stays.
      if (!broken || !rest || /[-–—]\p{L}+-$/u.test(line.slice(-80)) || /^(?:and|or|to|nor)\b/.test(next)) {
        pieces.push(' ', next);
        continue;
      }
      const [head, tail] = [broken[1], rest[1]];
      // Both halves words the text uses ("well", "known") make a compound, unless one is a little
      // word that makes one word with the other ("with-" / "out", "some-" / "times").
      const words = !LITTLE_HALVES.has(head.toLowerCase()) && !LITTLE_HALVES.has(tail) && used(head) && used(tail);
      // Two like vowels either side ("anti-" / "inflammatory", "pre-" / "existing") are kept apart by the hyphen.
      const vowels = VOWEL_PREFIXES.has(head.toLowerCase()) && head.slice(-1).toLowerCase() === tail[0];
      const keep = !used(head + tail) && (used(`${head}-${tail}`) || words || vowels || COMPOUND_HEADS.has(head.toLowerCase()));
      if (!keep) pieces[pieces.length - 1] = pieces[pieces.length - 1].slice(0, -1);
      pieces.push(next);
    }
    return pieces.join('');
  };
}

/**
 * Does this line start something new, though the line before is full? A sentence does not go on
 * with a capital the text otherwise writes small: "Home > Public advice > Plants and berries" over
 * "Plants and berries: advice for parents", or a title over "Learning outcomes. By the end …", are
 * two lines. Names go on: "… carried by the" over "NHS", "… in" over "Kraków", "… the Council" over
 * "Tax Reduction", "… see" over "Sheet 5", and German nouns, which the text never writes small.
 * After a sentence's end the next line may start a new sentence of the same paragraph, as wrapping
 * puts it.
 */
function startsAnew(text: string): (before: string, line: string, firstLine: boolean) => boolean {
  let small: Set<string> | undefined;
  let named: Set<string> | undefined;
  const learn = () => {
    small = new Set();
    named = new Set();
    // A capital after another word of the same line is a name's; one after a sentence's end or at a
    // line's start proves nothing.
    for (const m of text.matchAll(/(?<=([\p{L}\p{N}][,;]?[ \t]+)?)\p{L}[\p{L}'’-]*/gu)) {
      if (/^\p{Ll}/u.test(m[0])) small.add(m[0]);
      else if (m[1]) named.add(m[0].toLowerCase());
    }
  };
  return (before, line, firstLine) => {
    // A line of a form ("Name: ______   Class: ____") or a trail of links is a line of its own
    // (a trail's last link may run on in lower case: "… › Talking" over "therapies").
    if (/_{4,}\s*$/.test(before) || (isTrailOfLinks(before) && !/^\s*\p{Ll}/u.test(line))) return true;
    // So is a line set in columns ("Northfield Hospital NHS Trust        Rheumatology Department"),
    // with a gap that no justified line of prose leaves.
    if (COLUMN_GAP.test(before.trim()) || COLUMN_GAP.test(line.trim())) return true;
    // Dated lines in a row, a diary's entries ("Tuesday 18 March – Year 4 trip …" over "Friday 21 March – …").
    if (firstLine && DATED_LINE.test(before) && DATED_LINE.test(line)) return true;
    // A phone or an address under its label, on a line of its own, after an address ("… HB3 7QT"
    // over "Telephone 01632 960 418"), not after a word a sentence goes on from ("… call us on").
    if (firstLine && CONTACT_LABEL.test(line) && !endsOnContinuingWord(before)) return true;
    // The line before ends on a word in lower case, not a sentence's end, a name or a separator,
    // nor a word a sentence goes on after ("… early in" / "May …", "… Grace and" / "Will …").
    if (!firstLine || !/(?:^|\s)\p{Ll}[\p{L}'’-]*\s*$/u.test(before)) return false;
    if (endsOnContinuingWord(before)) return false;
    // The line opens on a capitalised word, not a name of several ("Feline Friends Welfare Fund")
    // or a reference ("Sheet 5", "Table 2").
    const m = /^\s*(\p{Lu}[\p{Ll}'’-]+)(?:[,:;.!?]|\s+(?![\p{Lu}\p{N}])|$)/u.exec(line);
    if (!m) return false;
    if (!small) learn();
    const lower = m[1].toLowerCase();
    return small!.has(lower) && !named!.has(lower);
  };
}

/** Columns a piece of a line takes, a tab as four. */
const columns = (text: string) => text.replace(/\t/g, '    ').length;
const indentOf = (line: string) => columns(/^[ \t]*/.exec(line)![0]);

/**
 * Do the text's paragraphs open with an indented first line, as typed without blank lines between
 * them ("    Dystrophic calcinosis occurs …" under the last line of the paragraph before)? Three
 * such lines or more, each opening as a sentence does under a line less indented, and most of the
 * text's indented lines: not lines that hang under a list item's first, or go on in lower case
 * under a line they hang from ("Take one tablet" over "  every morning.").
 */
function opensIndented(lines: string[]): boolean {
  let opening = 0;
  let indented = 0;
  // Lines that hang under a list item's first, where its text starts, are the item's.
  let hang = -1;
  lines.forEach((line, i) => {
    const item = LIST_MARKER.exec(line);
    if (item) hang = columns(item[0]);
    else if (indentOf(line) !== hang || !line.trim()) hang = -1;
    if (!line.trim() || indentOf(line) === 0 || hang >= 0) return;
    indented++;
    const before = lines[i - 1];
    // An opening starts as a sentence does, under a line less indented (a sentence's end or a heading).
    if (before?.trim() && indentOf(before) < indentOf(line) && /^\s*["“‘'(]?[\p{Lu}\p{N}]/u.test(line)) opening++;
  });
  return opening >= 3 && opening >= 0.6 * indented;
}

/** A line that opens on a date: "Tuesday 18 March", "21 March", "March 21", "Fri 4 Oct". */
const DATED_LINE = new RegExp(`^\\s*(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\\.?,?\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${ENGLISH_MONTHS})|(?:${ENGLISH_MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?)\\b`, 'i');
/** A line that opens on how to reach someone, then the number or address: "Telephone 01632 960 418", "Email: …". */
const CONTACT_LABEL = /^\s*(?:Tel(?:ephone)?|Phone|Fax|Mobile|E-?mail|Web(?:site)?)\b\.?:?\s+(?:[+(]?\d|\S+@|www\.|https?:)/u;

/** A gap of five spaces or more, or a tab, between words. */
const COLUMN_GAP = /\S(?: {5,}|\t)\S/;

/** A trail of links copied from a web page: "Home › Wildlife › Helping hedgehogs", three links or more, not broken off after a "›". */
const TRAIL_LINE = /^\s*[^\s›»>][^›»>]*(?:\s[›»>]\s+[^\s›»>][^›»>]*){2,}$/u;

/**
 * A trail of links: three links or more parted by "›", "»" or ">", each of a few words, none a
 * sentence ("Home › Wildlife › Helping hedgehogs"); not French quoted words ("de « repos » et …")
 * nor a comparison ("heart rate is > 140 or breathing is > 50 breaths a minute, or ring").
 */
export function isTrailOfLinks(line: string): boolean {
  if (!TRAIL_LINE.test(line) || /[«‹]/.test(line)) return false;
  const links = line.trim().split(/\s+[›»>]\s+/);
  return links.every((l) => l.split(/\s+/).length <= 6 && !/[,;.!?]$|[.!?]\s/.test(l) && !/^\d/.test(l));
}

/** Prefixes that keep a hyphen before a word opening on their own last vowel: "anti-inflammatory", "re-enter" (not "vacu-" / "um"). */
const VOWEL_PREFIXES = new Set(['anti', 'pre', 're', 'de', 'co', 'semi', 'multi', 'micro', 'macro', 'ultra', 'intra', 'extra', 'infra', 'supra', 'auto', 'neo', 'proto', 'pseudo', 'mini', 'meta', 'bio', 'geo', 'hydro', 'electro', 'photo', 'radio', 'retro', 'socio', 'psycho', 'tri', 'bi', 'uni']);

/** First halves that make hyphenated compounds: "self-care", "non-urgent", "X-ray". */
const COMPOUND_HEADS = new Set(['self', 'well', 'long', 'short', 'full', 'half', 'non', 'co', 'x', 'e', 'follow', 'check', 'high', 'low', 'one', 'two', 'three']);
/** Words that join others into one word: "without", "sometimes", "overweight", "into". */
const LITTLE_HALVES = new Set(['with', 'out', 'in', 'to', 'on', 'up', 'over', 'under', 'any', 'some', 'every', 'no', 'where', 'there', 'here', 'what', 'who', 'how', 'for', 'be', 'a', 'times', 'thing', 'one', 'body', 'self', 'ever', 'side']);

declare module 'mdast' {
  interface ParagraphData {
    /** A line of plain text underlined with a rule ("=====", "-----"): its writer made it a heading. */
    underlined?: boolean;
    /** A line of a web page's frame copied with the text ("a cookie banner"): printed small, and named by the check. */
    frame?: string;
  }
}

/**
 * Does this line start a list item? A word processor's "o" bullet only where the line before ends
 * a sentence or is an item itself: in wrapped Portuguese or Spanish prose a line may open with the
 * word "o" ("o Enfermeiro de família …"). In text filled to its width, a number the line before had
 * no room for, mid-sentence, is the sentence going on ("… most often between 15 and / 35. A …"),
 * in a paragraph of prose.
 */
function startsItem(line: string, before: string, wrap: Wrap | undefined, first: string): boolean {
  const m = LIST_MARKER.exec(line);
  if (!m) return false;
  // (Only in a paragraph of prose: in a list, the next number is the next item.)
  // So is a "·" that parts the pieces of a line ("… at the Village Hall" over "· New members welcome"):
  // a list opens after a colon or a sentence's end.
  if ((m[2] || m[1] === '·') && wrap?.filled && !LIST_MARKER.test(first) && !SENTENCE_END.test(before) && isFull(before, line, wrap)) return false;
  return m[1] !== 'o' || LIST_MARKER.test(before) || SENTENCE_END.test(before);
}

/** The last line with text above line `i` (a blank line may stand between), trimmed. */
function lineAbove(lines: string[], i: number): string {
  for (let j = i - 1; j >= 0; j--) if (lines[j].trim()) return lines[j].trim();
  return '';
}

/** A line of plain text left out of the outline, for the warning that says so. */
export interface DroppedLine {
  line: number;
  text: string;
  /** A running header or footer repeated by a printed copy's page numbers, not a page number: the line as its copies share it. */
  running?: string;
}

/**
 * What a printed copy's page breaks left in its text. Its page numbers ("Page 2 of 3", or a number
 * alone next to a form feed). Its running lines: at a page's edge, next to a page break with only
 * page numbers and other running lines between, a line of two words or more that stands there on
 * two pages or more ("Leaflet RH-014 Issue 2", "Gout – page 2", the same but for the page's
 * number), not the text's first line (its masthead, which counts as one copy). And the page breaks
 * that fall inside a paragraph: the lines from a line that stops mid-sentence to one that goes on
 * in lower case, when only blank lines, page numbers and running lines stand between them.
 */
function pageFurniture(lines: string[], from: number, wrap: Wrap | undefined, feeds: Set<number>): { pageNumbers: Set<number>; running: Map<number, string>; breaks: Set<number> } {
  const running = new Map<number, string>();
  const breaks = new Set<number>();
  const content = lines.flatMap((l, i) => (i >= from && l.trim() ? [i] : []));
  // A form feed starts a page at the first line of text from it (pdftotext writes one a page).
  const fed = new Set<number>();
  const sortedFeeds = [...feeds].sort((a, b) => a - b);
  for (let k = 0, f = 0; k < content.length && f < sortedFeeds.length; ) {
    if (content[k] < sortedFeeds[f]) k++;
    else (fed.add(k), f++);
  }
  const numbered = new Set(shownPaged(content.map((i) => lines[i]), feeds.size > 0).map((k) => content[k]));
  const number = (k: number) => numbered.has(content[k]) || (BARE_NUMBER.test(lines[content[k]]) && (fed.has(k) || fed.has(k + 1)));
  const pageNumbers = new Set(content.filter((_, k) => number(k)));
  const anchors = content.flatMap((i, k) => (pageNumbers.has(i) || fed.has(k) ? [k] : []));
  if (!anchors.length) return { pageNumbers, running, breaks };
  // The same line but for the page's number in it.
  const key = (l: string) => l.trim().replace(/\s+/g, ' ').replace(PAGE_IN_LINE, '#');
  const copies = new Map<string, number>();
  for (const i of content) copies.set(key(lines[i]), (copies.get(key(lines[i])) ?? 0) + 1);
  const edge = new Map<string, Set<number>>();
  for (const a of anchors) {
    // From the break outwards, two lines each way, up to the first line that is no furniture.
    for (const [first, step] of [[a - 1, -1], [fed.has(a) ? a : a + 1, 1]] as const) {
      for (let k = first, n = 0; k >= 0 && k < content.length && n < 2; k += step, n++) {
        const i = content[k];
        if (pageNumbers.has(i)) continue;
        const line = key(lines[i]);
        if (line.split(' ').length < 2 || (copies.get(line) ?? 0) < 2) break;
        edge.set(line, (edge.get(line) ?? new Set()).add(i));
      }
    }
  }
  const masthead = key(lines[content[0]] ?? '');
  for (const [line, at] of edge) {
    const kept = [...at].filter((i) => i !== content[0]);
    if (kept.length + (line === masthead ? 1 : 0) >= 2) for (const i of kept) running.set(i, line);
  }
  // Each break: the text lines either side of a run of page numbers, running lines and blank lines.
  const furniture = (i: number) => !lines[i].trim() || pageNumbers.has(i) || running.has(i);
  // (Each run of furniture is walked once, however many breaks it holds: linear in the lines.)
  let walked = -1;
  for (const k of anchors) {
    let [a, b] = [content[k], content[k]];
    if (!furniture(a) || a <= walked) continue;
    while (a > from && furniture(a - 1)) a--;
    while (b < lines.length - 1 && furniture(b + 1)) b++;
    walked = b;
    const [last, next] = [lines[a - 1], lines[b + 1]];
    if (last === undefined || next === undefined || a - 1 < from) continue;
    // "… take them" over "until it has settled.": a sentence going on, in prose, not a list.
    if (!SENTENCE_END.test(last) && /^\s*\p{Ll}/u.test(next) && !LIST_MARKER.test(next) && (wrap || goesOn(last, next) || /\p{Ll}$/u.test(last.trimEnd()))) {
      for (let i = a; i <= b; i++) breaks.add(i);
    }
  }
  return { pageNumbers, running, breaks };
}

/**
 * The lines (by index) that number a printed copy's pages: "Page 2 of 3" always; "Page 3" or
 * "- 4 -" only in a text its pages are fed in (`paged`), or as one of two or more lines of one
 * shape counting up. An answer ("Which page has the chart?", "Page 3") is the reader's text.
 */
function shownPaged(texts: string[], paged: boolean): number[] {
  const candidates = texts.flatMap((t, k) => (PAGE_NUMBER_LINE.test(t) ? [k] : []));
  if (paged) return candidates;
  const shapes = new Map<string, number[]>();
  for (const k of candidates) {
    const shape = texts[k].trim().toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
    shapes.set(shape, [...(shapes.get(shape) ?? []), k]);
  }
  const numberOf = (k: number) => Number(/\d+/.exec(texts[k])![0]);
  return [...shapes].flatMap(([shape, ks]) => (/\s(?:of|de|von|\/)\s#$/.test(shape) || (ks.length >= 2 && ks.every((k, n) => n === 0 || numberOf(k) > numberOf(ks[n - 1]))) ? ks : []));
}

/** A line that only draws a rule: "=====", "-----", "* * *", "______", "~~~~". */
const RULE_LINE = /^\s*([=\-_~*#+•·])(?:\s*\1){2,}\s*$/;
/** "Page 2 of 3", "Página 2 de 5", "- 4 -": a page's number, alone on its line. */
/** A page's number inside a running line: "Gout – page 2", "Leaflet 12 · 2 of 4" (not "Exercises for week 2"). */
const PAGE_IN_LINE = /\b(?:page|p\.|seite|p[aá]gina)\s*\d+(?:\s*(?:of|\/|von|de|di)\s*\d+)?\b|\b\d+\s*(?:of|\/)\s*\d+\b/giu;
/** A number alone on its line: a page's, next to a form feed. */
const BARE_NUMBER = /^\s*\d{1,4}\s*$/;
const PAGE_NUMBER_LINE = /^\s*(?:(?:page|p[aá]gina|seite)\s+\d{1,4}(?:\s+(?:of|de|von|\/)\s+\d{1,4})?|[-–—]\s*\d{1,4}\s*[-–—])\s*$/iu;

const SENTENCE_END = /[.!?:;]["'”’)\]]*\s*$/;

/**
 * A sentence broken over two lines by hand, wherever the text is not wrapped at one width: the
 * line stops on a comma or a word no sentence ends on ("Call us if / you feel dizzy."), or the next
 * line hangs under it ("Take one tablet / ··every morning."); and the next line goes on in lower case.
 */
function goesOn(line: string, next: string): boolean {
  // A capital after the break starts something new: "What it is used for" over its text is a heading.
  if (!/^\s*\p{Ll}/u.test(next)) return false;
  const end = line.trimEnd();
  const indent = (l: string) => /^\s*/.exec(l)![0].length;
  return /[,;–-]$/.test(end) || endsOnContinuingWord(end) || indent(next) > indent(line);
}

/** Does the line stop on a word a sentence goes on from ("… early in", "… Grace and")? */
function endsOnContinuingWord(line: string): boolean {
  return CONTINUING_WORDS.has(line.trim().split(/\s+/).pop()!.toLowerCase());
}

/** Words a sentence does not end on, in the languages handouts are written in. */
const CONTINUING_WORDS = new Set(
  ('and or but nor the a an of to in on at by for with from into if as than that which who whose your our their its his her my this these those is are was were be been has have had will would can could may might must should not de del la el los las en con para por que su sus et le les des du au aux pour avec dans sur ' +
    // German, Dutch, Italian, Portuguese.
    'und oder aber auf mit für von zu im am an dem den der die das ein eine einen einem dass ist sind van het een op voor met naar bij te dat di della delle dei degli per con il lo gli una che em para com dos das na no um uma').split(' '),
);

/** A glossary's line: a term in lower case, then a dash or a colon and what it means ("insulator – a material that …"). */
const DEFINITION_LINE = /^\s*\p{Ll}[\p{L}'’ -]{0,30}?\s*(?:\s[–—-]|:)\s+\S/u;

/** How a hard-wrapped text is wrapped: the width, and whether every line was filled before breaking. */
interface Wrap {
  width: number;
  /**
   * Wrapped by counting characters, a word to a line until the next would not fit (an e-mail, a text
   * editor, `fold`): then a line the next word would have fitted after ends where its writer ended
   * it (a heading, a byline, a question, a paragraph's last line). Text copied from a PDF is set in
   * proportional type, where the count of characters a line holds varies, and text wrapped to even
   * out its lines (`fmt`) leaves room too: there only a line well short of the width ends.
   */
  filled?: { width: number; length: (s: string) => number }[];
}

/** Does the text go on from this line to the next, as wrapping put it there? */
function isFull(line: string, next: string, wrap: Wrap): boolean {
  const end = line.trimEnd();
  if (!wrap.filled) return end.length >= 0.6 * wrap.width;
  return wrap.filled.some(({ width, length }) => length(end) + 1 + length(firstWord(next)) > width);
}

const firstWord = (line: string) => /^\s*(\S*)/.exec(line)![1];
/** Lengths as a wrapper counts them: characters, or bytes of UTF-8 (`fold` counts bytes, so "—" is three). */
const LENGTHS = [(s: string) => s.length, (s: string) => Buffer.byteLength(s)];

/**
 * How the text is hard-wrapped, or undefined when it is not. Wrapped text breaks most lines
 * mid-sentence, near one width (a text editor's or an e-mail's 70–80 columns); a text of one
 * paragraph a line ends its lines with sentences and has lines of every length.
 */
function wrapOf(lines: string[]): Wrap | undefined {
  // Lines of running text that another line follows: not a list item, a rule, or a line over a rule (a heading).
  const prose = (l: string | undefined) => !!l?.trim() && !LIST_MARKER.test(l) && !RULE_LINE.test(l);
  const pairs = lines.flatMap((l, i) => (prose(l) && prose(lines[i + 1]) ? [[l.trimEnd(), lines[i + 1]] as const] : []));
  const inner = pairs.map(([l]) => l);
  if (inner.length < 2) return undefined;
  const width = largest(inner.map((l) => l.length));
  if (width < 30 || width > 120) return undefined;
  // Wrapped at that width, no line is much longer (a long address may be).
  const longer = lines.filter((l) => l.trimEnd().length > width * 1.1 + 2).length;
  if (longer > 0.05 * lines.filter((l) => l.trim()).length) return undefined;
  const wrapped = inner.filter((l) => l.length >= 0.7 * width && !SENTENCE_END.test(l));
  if (wrapped.length < Math.max(2, 0.4 * inner.length)) return undefined;
  // Where the next line goes on in lower case the sentence mostly runs on (a glossary's "term:
  // meaning" lines aside): was nearly every such line filled until the next word no longer fitted,
  // counting as some wrapper does?
  // (Not a glossary's lines, "insulator – a material that …" under "conductor – a material …".)
  const runOn = pairs.filter(([, next]) => /^\s*\p{Ll}/u.test(next) && !DEFINITION_LINE.test(next));
  if (runOn.length < 3) return { width };
  const filled = LENGTHS.map((length) => ({ width: largest(inner.map(length)), length })).filter(
    ({ width, length }) => runOn.filter(([l, next]) => length(l) + 1 + length(firstWord(next)) <= width).length <= 0.1 * runOn.length,
  );
  return { width, filled: filled.length ? filled : undefined };
}
