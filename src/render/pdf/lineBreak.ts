/**
 * Break lines: a text box's inline runs → lines that fit a width. Break opportunities follow
 * Unicode UAX #14 (the linebreak package); lines are filled greedily, left to right. A word wider
 * than the line (a long drug name) is hyphenated by the document language's dictionary, with a
 * visible hyphen; what no dictionary can split (a URL, a long number) is broken between
 * characters. Nothing ever runs past the margin.
 */
import LineBreaker from 'linebreak';
import type { InlineRun } from './boxes.js';
import { shapedWidth } from './shape.js';
import type { Hyphenator } from './hyphenate.js';
import { totalFit } from './totalFit.js';
import type { ComputedStyle } from './styles.js';
import { segmenter } from '../../outline/sentences.js';
import { largest } from '../../extremes.js';

/** A piece of one run on one line, positioned from the line's left edge. */
export interface Fragment {
  run: InlineRun;
  text: string;
  x: number;
  width: number;
  /**
   * Text a reader gets after the fragment that the eye does not see: the space at a line break
   * inside a paragraph, so screen readers and copy-paste do not glue the words either side.
   */
  readAfter?: string;
  /** A hyphen added where a word was split at a line end: layout, not part of the word. */
  addedHyphen?: boolean;
}

export interface Line {
  fragments: Fragment[];
  /** Width of the text on the line, trailing spaces excluded. */
  width: number;
  height: number;
  /** Distance from the top of the line to the baseline. */
  baseline: number;
  /** Extra space per space character, for justified lines. */
  wordSpacing: number;
}

const HARD_BREAK = '\u2028';

const WHITE_SPACE = /[ \t\n\r\f]+/g;
/** White space that is not already a single space. */
const COLLAPSIBLE = /[\t\n\r\f]| {2}/;
const ENDS_IN_WHITE_SPACE = /[ \t\n\r\f]$/;

/** Collapses white space as CSS `white-space: normal` does, across run boundaries. */
export function collapseWhiteSpace(runs: InlineRun[], mode: ComputedStyle['whiteSpace']): InlineRun[] {
  if (mode === 'pre') return runs.map((r) => ({ ...r, text: r.text.replace(/\r?\n/g, HARD_BREAK).replace(/\t/g, '    ') }));
  const out: InlineRun[] = [];
  let lastWasSpace = true; // trims leading space
  for (const run of runs) {
    const source = run.text;
    if (!source.includes(HARD_BREAK)) {
      // Most runs: each stretch of white space becomes one space (none after a space before it).
      let text = COLLAPSIBLE.test(source) ? source.replace(WHITE_SPACE, ' ') : source;
      if (lastWasSpace && text.startsWith(' ')) text = text.slice(1);
      if (source) lastWasSpace = ENDS_IN_WHITE_SPACE.test(source);
      if (text || run.counter) out.push({ ...run, text });
      continue;
    }
    let text = '';
    let from = 0; // start of the stretch of other characters not yet copied into `text`
    for (let i = 0; i < source.length; i++) {
      const c = source.charCodeAt(i);
      const space = c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c;
      if (!space && c !== 0x2028) {
        lastWasSpace = false;
        continue;
      }
      text += source.slice(from, i);
      from = i + 1;
      if (c === 0x2028) {
        // A hard break drops the space before it (in this run).
        if (text.endsWith(' ')) text = text.slice(0, -1);
        text += HARD_BREAK;
      } else if (!lastWasSpace) text += ' ';
      lastWasSpace = true;
    }
    text += source.slice(from);
    if (text || run.counter) out.push({ ...run, text });
  }
  // Trim trailing space of the box.
  for (let i = out.length - 1; i >= 0; i--) {
    out[i] = { ...out[i], text: out[i].text.replace(/ +$/, '') };
    if (out[i].text !== '') break;
  }
  return out.filter((r) => r.text !== '' || r.counter);
}

interface Piece {
  run: InlineRun;
  text: string;
  addedHyphen?: boolean;
}

/** One unbreakable stretch between two break opportunities, possibly across several runs. */
interface Segment {
  pieces: Piece[];
  width: number;
  /** Width of its trailing spaces, which do not count at the end of a line. */
  trailingSpace: number;
  required: boolean;
}

function measure(run: InlineRun, text: string): number {
  return shapedWidth(run.face, text) * run.size;
}

function segmentsOf(runs: InlineRun[]): Segment[] {
  const text = runs.map((r) => r.text).join('');
  const starts: number[] = [];
  let pos = 0;
  for (const r of runs) {
    starts.push(pos);
    pos += r.text.length;
  }
  const segments: Segment[] = [];
  const breaker = new LineBreaker(text);
  let last = 0;
  let first = 0; // the first run not wholly before `last`: breaks come in order
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    const pieces: Piece[] = [];
    let width = 0;
    while (first < runs.length && starts[first] + runs[first].text.length <= last) first++;
    for (let i = first; i < runs.length && starts[i] < bk.position; i++) {
      const from = Math.max(last, starts[i]);
      const to = Math.min(bk.position, starts[i] + runs[i].text.length);
      if (to <= from) continue;
      // The hard-break character itself is not drawn.
      const piece = text.slice(from, to).replace(HARD_BREAK, '');
      if (piece === '') continue;
      pieces.push({ run: runs[i], text: piece });
      width += measure(runs[i], piece);
    }
    const lastPiece = pieces[pieces.length - 1];
    const spaces = lastPiece?.text.endsWith(' ') ? /( +)$/.exec(lastPiece.text)![1] : '';
    const trailingSpace = spaces ? measure(lastPiece.run, spaces) : 0;
    segments.push({ pieces, width, trailingSpace, required: bk.required && text.slice(last, bk.position).includes(HARD_BREAK) });
    last = bk.position;
  }
  return segments;
}

/** Splits a segment too wide for any line into pieces that fit, between grapheme clusters. */
function splitWide(segment: Segment, maxWidth: number): Segment[] {
  const out: Segment[] = [];
  let current: Piece[] = [];
  let width = 0;
  const graphemes = segmenter(undefined, 'grapheme');
  for (const piece of segment.pieces) {
    for (const { segment: g } of graphemes.segment(piece.text)) {
      const w = measure(piece.run, g);
      if (width + w > maxWidth && width > 0) {
        out.push({ pieces: current, width, trailingSpace: 0, required: false });
        current = [];
        width = 0;
      }
      const prev = current[current.length - 1];
      if (prev && prev.run === piece.run) prev.text += g;
      else current.push({ run: piece.run, text: g });
      width += w;
    }
  }
  if (current.length) out.push({ pieces: current, width, trailingSpace: segment.trailingSpace, required: segment.required });
  return out;
}

const HYPHEN = '-';
/** Text a hyphen must not be added to: addresses, where a hyphen would change what is typed. */
const NOT_WORDS = /[/@:\\_]|\.\w|\d{3}/;

/**
 * Splits a segment too wide for any line at the dictionary's hyphenation points, each piece but
 * the last ending with a hyphen; a piece still too wide (or a segment with no dictionary, several
 * runs, or an address) is split between characters.
 */
function hyphenateWide(segment: Segment, maxWidth: number, hyphenate: Hyphenator | undefined): Segment[] {
  const [piece] = segment.pieces;
  if (!hyphenate || segment.pieces.length !== 1 || NOT_WORDS.test(piece.text)) return splitWide(segment, maxWidth);
  const syllables = hyphenate(piece.text);
  if (syllables.length < 2) return splitWide(segment, maxWidth);
  const { run } = piece;
  const hyphenWidth = measure(run, HYPHEN);
  const segmentOf = (text: string): Segment => ({ pieces: [{ run, text }], width: measure(run, text), trailingSpace: 0, required: false });
  const hyphenated = (text: string): Segment => ({ pieces: [{ run, text }, { run, text: HYPHEN, addedHyphen: true }], width: measure(run, text) + hyphenWidth, trailingSpace: 0, required: false });
  const out: Segment[] = [];
  // Invariant: `acc` followed by a hyphen fits the line.
  let acc = '';
  syllables.forEach((syllable, i) => {
    const last = i === syllables.length - 1;
    const fits = (text: string) => measure(run, last ? text.trimEnd() : text) + (last ? 0 : hyphenWidth) <= maxWidth;
    if (fits(acc + syllable)) {
      acc += syllable;
      return;
    }
    if (acc) out.push(hyphenated(acc));
    acc = syllable;
    if (!fits(acc)) {
      // A syllable wider than the line itself: break it between characters, leaving room for
      // the hyphen after its last piece, which then goes on with the next syllables.
      const pieces = splitWide(segmentOf(acc), Math.max(1, maxWidth - (last ? 0 : hyphenWidth)));
      out.push(...pieces.slice(0, -1));
      acc = pieces[pieces.length - 1].pieces.map((p) => p.text).join('');
    }
  });
  out.push({ ...segmentOf(acc), trailingSpace: segment.trailingSpace, required: segment.required });
  return out;
}

/**
 * The narrowest a segment can be drawn: its widest syllable with its hyphen when the dictionary
 * can split it, else its whole width. For table columns too narrow for their longest words.
 */
function hyphenatedMinWidth(segment: Segment, hyphenate: Hyphenator): number {
  const whole = segment.width - segment.trailingSpace;
  const [piece] = segment.pieces;
  if (segment.pieces.length !== 1 || NOT_WORDS.test(piece.text)) return whole;
  const syllables = hyphenate(piece.text.trimEnd());
  if (syllables.length < 2) return whole;
  return largest(syllables.map((s, i) => measure(piece.run, i === syllables.length - 1 ? s : s + HYPHEN)));
}

export interface LineOptions {
  width: number;
  /** Splits a word longer than the line at dictionary hyphenation points. */
  hyphenate?: Hyphenator;
  align: ComputedStyle['textAlign'];
  /** The block's own font and line height: every line is at least this tall (the CSS strut). */
  strut: InlineRun;
  /** Width taken from the first line (e.g. by nothing, today); kept for hanging markers later. */
  noWrap?: boolean;
  /** How lines are filled: greedily (each as full as it can be; the default) or by total fit. */
  breaker?: 'greedy' | 'total-fit';
}

export function breakLines(input: InlineRun[], options: LineOptions): Line[] {
  const { width: maxWidth } = options;
  const segments = segmentsOf(input).flatMap((s) => (s.width - s.trailingSpace > maxWidth && !options.noWrap ? hyphenateWide(s, maxWidth, options.hyphenate) : [s]));
  const lines = options.breaker === 'total-fit' && !options.noWrap && segments.length ? totalFit(segments, maxWidth) : fillGreedily(segments, options);
  return lines.map((segs, i) => makeLine(segs, options, i === lines.length - 1));
}

/** Each line as full as it can be, left to right. */
function fillGreedily(segments: Segment[], options: LineOptions): Segment[][] {
  const { width: maxWidth } = options;
  const lines: Segment[][] = [];
  let current: Segment[] = [];
  let width = 0;
  for (const seg of segments) {
    const fits = width + seg.width - seg.trailingSpace <= maxWidth + 0.01;
    if (!fits && current.length && !options.noWrap) {
      lines.push(current);
      current = [];
      width = 0;
    }
    current.push(seg);
    width += seg.width;
    if (seg.required) {
      lines.push(current);
      current = [];
      width = 0;
    }
  }
  if (current.length || lines.length === 0) lines.push(current);
  return lines;
}

function makeLine(segments: Segment[], options: LineOptions, endsBox: boolean): Line {
  const endsHard = segments[segments.length - 1]?.required === true;
  // Justification stops at the box's last line and at a hard break, as in CSS.
  const isLast = endsBox || endsHard;
  // Merge consecutive pieces of the same run into one fragment, so a line draws in few calls.
  const pieces: Piece[] = [];
  for (const seg of segments) {
    for (const p of seg.pieces) {
      const prev = pieces[pieces.length - 1];
      if (prev && prev.run === p.run && !prev.addedHyphen && !p.addedHyphen) prev.text += p.text;
      else pieces.push({ ...p });
    }
  }
  const lastPiece = pieces[pieces.length - 1];
  const trimmed = lastPiece ? lastPiece.text.replace(/ +$/, '') : '';
  // A break at a space or a hard break separates words: a reader still gets a space there.
  const wordBreak = !endsBox && ((lastPiece !== undefined && trimmed !== lastPiece.text) || endsHard);
  if (lastPiece) lastPiece.text = trimmed;
  const fragments: Fragment[] = [];
  let x = 0;
  for (const p of pieces) {
    if (p.text === '' && !p.run.counter) continue;
    const w = measure(p.run, p.text);
    fragments.push({ run: p.run, text: p.text, x, width: w, ...(p.addedHyphen ? { addedHyphen: true } : {}) });
    x += w;
  }
  if (wordBreak && fragments.length) fragments[fragments.length - 1].readAfter = ' ';
  const textWidth = x;

  let above = 0;
  let below = 0;
  for (const run of [options.strut, ...fragments.map((f) => f.run)]) {
    const asc = run.face.ascent * run.size;
    const desc = -run.face.descent * run.size;
    const halfLeading = (run.lineHeight - (asc + desc)) / 2;
    above = Math.max(above, asc + halfLeading);
    below = Math.max(below, desc + halfLeading);
  }

  let offset = 0;
  let wordSpacing = 0;
  const free = options.width - textWidth;
  if (options.align === 'center') offset = free / 2;
  else if (options.align === 'right') offset = free;
  else if (options.align === 'justify' && !isLast && free > 0) {
    const spaces = fragments.reduce((n, f) => n + (f.text.match(/ /g)?.length ?? 0), 0);
    if (spaces > 0) wordSpacing = free / spaces;
  }
  let spacesBefore = 0;
  for (const f of fragments) {
    f.x += offset + spacesBefore * wordSpacing;
    const own = f.text.match(/ /g)?.length ?? 0;
    f.width += own * wordSpacing;
    spacesBefore += own;
  }
  return { fragments, width: textWidth + spacesBefore * wordSpacing, height: above + below, baseline: above, wordSpacing };
}

/**
 * The widest unbreakable piece and the whole unwrapped width: a table column's min and max.
 * With `hyphenate`, the min is the widest piece left once long words are hyphenated.
 */
export function contentWidths(runs: InlineRun[], hyphenate?: Hyphenator): { min: number; max: number } {
  let min = 0;
  let max = 0;
  let line = 0;
  for (const seg of segmentsOf(runs)) {
    min = Math.max(min, hyphenate ? hyphenatedMinWidth(seg, hyphenate) : seg.width - seg.trailingSpace);
    line += seg.width;
    if (seg.required) {
      max = Math.max(max, line);
      line = 0;
    }
  }
  return { min, max: Math.max(max, line) };
}

/** A piece this long that no dictionary splits (an address, a version, a hash, a run of letters) is a token, not a word. */
const TOKEN_CHARACTERS = 16;
/** The narrowest a column holding a long token is made for it: about eight characters. */
const TOKEN_FLOOR_EMS = 4;

/** Is the segment a long unbreakable token (a URL, a version, a hash), which may be broken anywhere sooner than a word? */
function isLongToken(segment: Segment, hyphenate: Hyphenator | undefined): boolean {
  const text = segment.pieces.map((p) => p.text).join('').trimEnd();
  if (text.length < TOKEN_CHARACTERS) return false;
  if (NOT_WORDS.test(text) || !hyphenate || segment.pieces.length !== 1) return true;
  return hyphenate(text).length < 2;
}

/**
 * What a table column must give its cell before words are broken, step by step (see columnWidths
 * in layout.ts): every piece whole; long tokens broken anywhere (down to about eight characters);
 * then words hyphenated at the dictionary's points too. Each is the widest piece at that step.
 */
export function narrowestWidths(runs: InlineRun[], hyphenate?: Hyphenator): { whole: number; tokensBroken: number; hyphenated: number } {
  let whole = 0;
  let tokensBroken = 0;
  let hyphenated = 0;
  for (const seg of segmentsOf(runs)) {
    const w = seg.width - seg.trailingSpace;
    whole = Math.max(whole, w);
    if (isLongToken(seg, hyphenate)) {
      const floor = Math.min(w, TOKEN_FLOOR_EMS * seg.pieces[0].run.size);
      tokensBroken = Math.max(tokensBroken, floor);
      hyphenated = Math.max(hyphenated, floor);
    } else {
      tokensBroken = Math.max(tokensBroken, w);
      hyphenated = Math.max(hyphenated, hyphenate ? hyphenatedMinWidth(seg, hyphenate) : w);
    }
  }
  return { whole, tokensBroken, hyphenated };
}
