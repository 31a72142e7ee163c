/**
 * Lay out: the box tree → a flat list of slices, measured and positioned across the page width.
 * Vertical margins collapse as in CSS; the print rules become keep-with-next flags on slices:
 * headings keep with what follows, paragraphs keep 2 lines at a page's bottom (orphans) and top
 * (widows), boxes marked break-inside: avoid keep together, and padding stays with its content.
 * Every text and image item gets its place in the structure tree (tagged PDF) here, from the
 * element it was laid out from: see `roleOf`.
 */
import type { Box, BlockBox, FlexBox, ImageBox, InlineRun, TableBox, TextBox } from './boxes.js';
import { breakLines, collapseWhiteSpace, contentWidths, narrowestWidths, type Line } from './lineBreak.js';
import { shapedWidth } from './shape.js';
import { newSlice, structNode, type Frame, type Slice, type StructNode } from './slices.js';
import type { ComputedStyle, Length } from './styles.js';
import type { Hyphenator } from './hyphenate.js';
import { noteFor, type FootnoteContext, type Note } from './footnotes.js';
import { lookupTable } from '../../lookupTable.js';
import { largest, smallest } from '../../extremes.js';

export interface LayoutOptions {
  /** Height of a page's text area, to scale images and split rows that would not fit. */
  pageHeight: number;
  /** Lines of a paragraph kept together at the bottom and at the top of a page. */
  orphans: number;
  widows: number;
  /** The document language's hyphenation dictionary, for words longer than the line. */
  hyphenate?: Hyphenator;
  /** Notes set at the foot of the page that refers to them (float: footnote). */
  footnotes?: FootnoteContext;
  /** Hears of what the page cannot show as written (a table too wide to read). */
  warn?: (message: string) => void;
  /**
   * The narrowest a nested box's column gets by indentation (margins, padding, borders): past it,
   * deeper lists and quotes are no longer indented further, so their text stays readable (30
   * levels of list once left columns a letter wide, and pages with nothing on them). 0 inside
   * table cells and flex items, whose widths are the table's to decide.
   */
  minIndentedWidth?: number;
}

const HEADING = /^h[1-6]$/;

/** Block elements that group others in the structure tree; the rest (div, main …) are transparent. */
const GROUP_ROLES = lookupTable({
  ul: 'L', ol: 'L', blockquote: 'BlockQuote', section: 'Sect', article: 'Art', aside: 'Sect', nav: 'Sect', figcaption: 'Caption',
});
/** Roles whose content may be text directly; elsewhere a run of text is a paragraph (P). */
const TEXT_HOLDERS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LBody', 'Lbl', 'TD', 'TH', 'Caption', 'Link']);

export class Layout {
  readonly slices: Slice[] = [];
  private pendingMargin = 0;
  private pendingBreak = false;
  /** The marker of a list item, waiting for the item's first line. */
  private pendingMarker?: { run: InlineRun; x: number; tag: StructNode };
  /** Where in the structure tree what is laid out now belongs. */
  private parent: StructNode;
  /** List items written outside any list (broken HTML): the list each run of them is tagged as. */
  private looseLists = new Map<StructNode, StructNode>();
  /** The levels of the headings whose sections are open: tags never skip a level (PDF/UA 7.4.2). */
  private openHeadings: number[] = [];

  constructor(private options: LayoutOptions, parent?: StructNode) {
    this.parent = parent ?? structNode('Document', undefined);
  }

  /** Lays out `box` in the column from `x`, `width` wide. */
  box(box: Box, x: number, width: number, frames: Frame[]): void {
    const { style } = box;
    if (style.breakBefore === 'page') this.pendingBreak = true;
    this.addMargin(style.margin[0]);
    const first = this.slices.length;
    const [innerX, innerWidth] = this.indented(x, width, style.margin[3], style.margin[1]);
    const outer = this.parent;
    const groupRole = box.kind === 'block' ? GROUP_ROLES[box.tag] : undefined;
    if (groupRole) this.parent = structNode(groupRole, outer);
    switch (box.kind) {
      case 'text': this.text(box, innerX, innerWidth, frames); break;
      case 'block': this.block(box, innerX, innerWidth, frames); break;
      case 'table': this.table(box, innerX, innerWidth, frames); break;
      case 'image': this.image(box, innerX, innerWidth, frames); break;
      case 'flex': this.flex(box, innerX, innerWidth, frames); break;
      case 'rule': this.rule(box, innerX, innerWidth, frames); break;
    }
    this.parent = outer;
    const made = this.slices.slice(first);
    if (made.length) {
      // A figure keeps its image and caption together, as break-inside: avoid does for any box.
      if (style.breakInside === 'avoid' || box.tag === 'figure') for (const s of made.slice(0, -1)) keepWeakly(s);
      if (style.breakAfter === 'avoid' || HEADING.test(box.tag) || introducesNext(box)) made[made.length - 1].keepWithNext = true;
    }
    if (style.breakAfter === 'page') this.pendingBreak = true;
    this.addMargin(style.margin[2]);
  }

  /**
   * The column inside `left` and `right` of indentation, which never takes it under the narrowest
   * indented width: past that, the indentation shrinks, in proportion on both sides, to what is
   * left above it. Said once per document.
   */
  private indented(x: number, width: number, left: number, right: number): [number, number] {
    const min = this.options.minIndentedWidth ?? 0;
    const inner = width - left - right;
    if (inner >= min || left + right <= 0) return [x + left, Math.max(1, inner)];
    const kept = Math.max(inner, Math.min(width, min));
    if (!narrowWarned.has(this.options)) {
      narrowWarned.add(this.options);
      this.options.warn?.('lists or quotes are nested too deep for the page: past the depth where their text would be narrower than it can be read, they are no longer indented further (nest them less deeply)');
    }
    return [x + ((width - kept) * left) / (left + right), Math.max(1, kept)];
  }

  private addMargin(m: number): void {
    this.pendingMargin = Math.max(this.pendingMargin, m);
  }

  private push(slice: Slice): Slice {
    slice.spaceBefore = this.pendingMargin;
    slice.breakBefore = this.pendingBreak;
    this.pendingMargin = 0;
    this.pendingBreak = false;
    for (const f of slice.frames) {
      f.first ??= slice;
      f.last = slice;
    }
    this.slices.push(slice);
    return slice;
  }

  /** A box with padding, border or background is framed; its padding becomes spacer slices. */
  private framed(style: ComputedStyle, x: number, width: number, frames: Frame[], inside: (x: number, width: number, frames: Frame[]) => void): void {
    const [bt, br, bb, bl] = style.border.map((b) => b.width);
    const [pt, pr, pb, pl] = style.padding;
    if (!style.backgroundColor && !bt && !br && !bb && !bl && !pt && !pb) {
      inside(...this.indented(x, width, pl, pr), frames);
      return;
    }
    const [ix, iw] = this.indented(x, width, bl + pl, br + pr);
    // Indentation shrunk by nesting too deep leaves no room between a side border and the text:
    // the border is left out rather than drawn through the letters.
    type Side = ComputedStyle['border'][number];
    const kept = (b: Side, room: number): Side => (!b.width || room >= b.width + Math.min(2, b.width) ? b : { ...b, width: 0 });
    const [top0, right, bottom, left] = style.border;
    const border: ComputedStyle['border'] = iw > width - bl - pl - br - pr ? [top0, kept(right, x + width - ix - iw), bottom, kept(left, ix - x)] : style.border;
    const frame: Frame = { x, width, background: style.backgroundColor, border };
    const own = [...frames, frame];
    const top = this.push({ ...newSlice('space', bt + pt, own), keepWithNext: true });
    const before = this.slices.length;
    inside(ix, iw, own);
    if (this.slices.length === before) top.keepWithNext = true;
    // The last content slice stays with the bottom padding, so a box never ends with an empty strip.
    if (this.slices.length > before) this.slices[this.slices.length - 1].keepWithNext = true;
    const margin = this.pendingMargin; // a child's bottom margin stays inside the padding
    this.pendingMargin = 0;
    this.push(newSlice('space', margin + pb + bb, own));
  }

  private block(box: BlockBox, x: number, width: number, frames: Frame[]): void {
    const outer = this.parent;
    if (box.style.display === 'list-item') {
      // A list item is LI > (Lbl, LBody): the marker is its label, the content its body.
      let list = outer.role === 'L' ? outer : this.looseLists.get(outer);
      if (!list) this.looseLists.set(outer, (list = structNode('L', outer)));
      const item = structNode('LI', list);
      this.parent = structNode('LBody', item);
      if (box.marker) this.pendingMarker = { run: box.marker, x: 0, tag: structNode('Lbl', item) };
    }
    this.framed(box.style, x, width, frames, (ix, iw, fr) => {
      if (this.pendingMarker) this.pendingMarker.x = ix;
      if (box.id) this.anchor(box.id, fr);
      const ends: number[] = [];
      for (const child of box.children) {
        // A run of loose list items is one list; anything else between them ends it.
        if (child.style.display !== 'list-item') this.looseLists.delete(this.parent);
        this.box(child, ix, iw, fr);
        ends.push(this.slices.length - 1);
      }
      this.pendingMarker = undefined;
      if (box.tag === 'ul' || box.tag === 'ol') this.keepItemsTogether(box, ends);
    });
    this.parent = outer;
  }

  /** An element with an id but no text of its own still gets a destination for links. */
  private anchor(id: string, frames: Frame[]): void {
    const s = this.push({ ...newSlice('anchor', 0, frames), keepWithNext: true });
    s.items.push({ kind: 'heading', level: 0, title: '', id, y: 0 });
  }

  private text(box: TextBox, x: number, width: number, frames: Frame[]): void {
    this.framed(box.style, x, width, frames, (ix, iw, fr) => {
      const lines = this.lines(box.runs, box.style, iw);
      const heading = HEADING.exec(box.tag) ? Number(box.tag[1]) : 0;
      const leaf = this.textLeaf(box.tag, heading);
      const links = new Map<number, StructNode>();
      const tagOf = (run: InlineRun): StructNode => {
        if (run.linkId === undefined) return leaf;
        let link = links.get(run.linkId);
        if (!link) links.set(run.linkId, (link = structNode('Link', leaf)));
        return link;
      };
      lines.forEach((line, i) => {
        const s = this.lineSlice(line, ix, fr, tagOf);
        if (i === 0 && (heading || box.id)) {
          // A bookmark is the heading's words: a footnote's number is not among them.
          const title = box.runs.filter((r) => !r.footnote).map((r) => r.text).join('').replace(/\s+/g, ' ').trim();
          s.items.unshift({ kind: 'heading', level: heading, title, id: box.id, y: 0 });
        }
      });
      this.keepLinesTogether(this.slices.slice(this.slices.length - lines.length));
    });
  }

  /** The structure element a text box's lines belong to: a heading, a paragraph, or its container. */
  private textLeaf(tag: string, heading: number): StructNode {
    if (heading) {
      // A heading is tagged one deeper than the open heading it falls under: an H5 right after an
      // H3 is read as the H4 it stands for, and the page keeps its look.
      while (this.openHeadings.length && this.openHeadings[this.openHeadings.length - 1] >= heading) this.openHeadings.pop();
      this.openHeadings.push(heading);
      return structNode(`H${this.openHeadings.length}`, this.parent);
    }
    if (tag === 'blockquote') return structNode('P', structNode('BlockQuote', this.parent));
    if (tag === 'figcaption') return structNode('Caption', this.parent);
    if (TEXT_HOLDERS.has(this.parent.role) && tag !== 'p') return this.parent;
    return structNode('P', this.parent);
  }

  lines(runs: InlineRun[], style: ComputedStyle, width: number): Line[] {
    const strut = { text: '', face: runs[0]?.face, size: style.fontSize, color: style.color, underline: false, lineHeight: style.lineHeight } as InlineRun;
    const cleaned = collapseWhiteSpace(runs, style.whiteSpace);
    if (!strut.face) return [];
    return breakLines(cleaned, { width, align: style.textAlign, strut, noWrap: style.whiteSpace === 'nowrap', hyphenate: this.options.hyphenate, breaker: style.textWrap === 'pretty' ? 'total-fit' : 'greedy' });
  }

  private lineSlice(line: Line, x: number, frames: Frame[], tagOf: (run: InlineRun) => StructNode): Slice {
    const s = newSlice('line', line.height, frames);
    if (this.pendingMarker) {
      // The marker hangs left of the item's first line, on its baseline: it never parts from it.
      // It comes first in the slice, so a reader meets the label before the body.
      const { run, x: itemX, tag } = this.pendingMarker;
      const markerWidth = shapedWidth(run.face, run.text) * run.size;
      const gap = run.size * 0.45;
      s.items.push({
        kind: 'text', x: itemX - gap - markerWidth, baseline: line.baseline, lineTop: 0, lineHeight: line.height,
        fragment: { run, text: run.text, x: 0, width: markerWidth }, wordSpacing: 0, tag,
      });
      this.pendingMarker = undefined;
    }
    for (const f of line.fragments) {
      const tag = tagOf(f.run);
      s.items.push({ kind: 'text', x: x + f.x, baseline: line.baseline, lineTop: 0, lineHeight: line.height, fragment: f, wordSpacing: line.wordSpacing, tag });
      const notes = this.options.footnotes;
      if (f.run.footnote && notes) (s.notes ??= []).push(...this.footnotesOf(f.run.footnote, notes, tag, s.notes ?? []));
    }
    if (s.notes?.length === 0) delete s.notes;
    return this.push(s);
  }

  /**
   * The note a reference calls for, set at the foot of the page, followed by the notes its own
   * text refers to (they go on the same page; a note's lines already carry those of their notes).
   * A line's notes may take half the page at most (`onLine`: the line's notes so far): a note
   * past that cannot stand at the foot, and is left, with the notes it refers to, to be printed
   * after the text, once, and the reader is told.
   */
  private footnotesOf(id: string, notes: FootnoteContext, tag: StructNode, onLine: Note[]): Note[] {
    if (notes.deferred.has(id)) return [];
    const before = notes.laidOut.size; // a Set keeps its order: what this note lays out comes after
    const note = noteFor(id, notes, tag, (box, parent) => this.noteSlices(box, parent, notes));
    if (!note) return [];
    const all = [note, ...note.slices.flatMap(({ slice }) => slice.notes ?? [])];
    const height = (list: Note[]) => list.reduce((h, n) => h + n.height, 0);
    if (height(onLine) + height(all) <= this.options.pageHeight / 2) return all;
    for (const laid of [...notes.laidOut].slice(before)) notes.laidOut.delete(laid);
    notes.deferred.add(id);
    this.options.warn?.(`a footnote is too long for the foot of a page (with the other notes of its line, more than half of it): it is printed after the text, with the notes it refers to`);
    return [];
  }

  /** A note's own layout, at the page's column width; notes inside it are set with it. */
  private noteSlices(box: Box, parent: StructNode, notes: FootnoteContext): Slice[] {
    const sub = new Layout(this.options, parent);
    sub.box(box, notes.x, notes.width, []);
    return sub.slices;
  }

  /**
   * Orphans and widows one level up: a list of three or more items never leaves its first item
   * alone at the foot of a page, nor its last item alone at the head of the next.
   */
  private keepItemsTogether(list: BlockBox, ends: number[]): void {
    const items = list.children.filter((c) => c.style.display === 'list-item').length;
    if (items < 3 || ends.length < 3) return;
    const firstEnd = this.slices[ends[0]];
    const beforeLast = this.slices[ends[ends.length - 2]];
    if (firstEnd) keepWeakly(firstEnd);
    if (beforeLast) keepWeakly(beforeLast);
  }

  /** Orphans and widows: the first and last lines of a paragraph keep company. */
  private keepLinesTogether(lines: Slice[]): void {
    const n = lines.length;
    if (n < 2) return;
    for (let i = 0; i < Math.min(this.options.orphans - 1, n - 1); i++) lines[i].keepWithNext = true;
    for (let i = Math.max(0, n - this.options.widows); i < n - 1; i++) lines[i].keepWithNext = true;
  }

  private rule(box: Box, x: number, width: number, frames: Frame[]): void {
    const b = box.style.border[0].width ? box.style.border[0] : { width: 0.75, color: '#999999' };
    const s = newSlice('rule', b.width, frames);
    s.items.push({ kind: 'rect', x, y: 0, width, height: b.width, color: b.color });
    this.push(s);
  }

  private image(box: ImageBox, x: number, width: number, frames: Frame[]): void {
    // CSS pixels are 0.75 pt; scale down (never up) to the column and the page, keeping the shape.
    let w = resolveLength(box.style.width, width) ?? box.width * 0.75;
    const max = resolveLength(box.style.maxWidth, width) ?? width;
    w = Math.min(w, max, width);
    let h = (w * box.height) / box.width;
    const maxH = this.options.pageHeight * 0.9;
    if (h > maxH) {
      w = (w * maxH) / h;
      h = maxH;
    }
    const s = newSlice('image', h, frames);
    s.items.push({ kind: 'image', x, y: 0, width: w, height: h, data: box.data, svg: box.svg, tag: structNode('Figure', this.parent, { alt: box.alt }) });
    this.push(s);
  }

  /** A flex row: children side by side, each as wide as its content when they fit. */
  private flex(box: FlexBox, x: number, width: number, frames: Frame[]): void {
    this.framed(box.style, x, width, frames, (ix, iw, fr) => {
      const natural = box.children.map((c) => maxContentWidth(c));
      const total = natural.reduce((a, b) => a + b, 0);
      // Too wide: items that must not wrap (white-space: nowrap) keep their width, the others share the rest.
      const fixed = box.children.map((c) => c.style.whiteSpace === 'nowrap');
      const fixedWidth = natural.reduce((a, n, i) => a + (fixed[i] ? n : 0), 0);
      const flexible = total - fixedWidth;
      const room = Math.max(0, iw - fixedWidth);
      const widths = total <= iw ? natural : natural.map((n, i) => (fixed[i] ? Math.min(n, iw) : flexible ? (n / flexible) * room : 0));
      const free = Math.max(0, iw - widths.reduce((a, b) => a + b, 0));
      const spacing = box.style.justifyContent === 'space-between' && widths.length > 1 ? free / (widths.length - 1) : 0;
      let cx = ix + (box.style.justifyContent === 'center' ? free / 2 : box.style.justifyContent === 'flex-end' ? free : 0);
      const columns = box.children.map((child, i) => {
        const cell = { x: cx, width: widths[i], box: child };
        cx += widths[i] + spacing;
        return cell;
      });
      this.row(columns, fr, 'flex');
    });
  }

  /**
   * Cells side by side: each is laid out on its own, then the row is one slice as tall as the
   * tallest cell, or several pieces cut between lines (see bandCuts, pageCuts).
   */
  private row(cells: { x: number; width: number; box: Box; background?: string; border?: ComputedStyle['border']; tag?: StructNode }[], frames: Frame[], what: string, minHeight = 0): Slice[] {
    const options = this.options.minIndentedWidth ? cellOptions(this.options) : this.options;
    const subs = cells.map((c) => {
      const sub = new Layout(options, c.tag ?? this.parent);
      sub.box(c.box, c.x, c.width, []);
      return sub;
    });
    // Inside a cell nothing collapses with the outside: the first margin and the last count.
    const laid = subs.map((sub) => placeStacked(sub.slices, sub.pendingMargin));
    const height = Math.max(minHeight, largest(laid.map((l) => l.height)));
    const limit = this.options.pageHeight * 0.95;
    const pieces: Slice[] = [];
    // A table body row may break between its lines, every cell at the same height: a weak keep, so
    // it moves whole unless that would leave a quarter of the page empty. Other rows (a header, a
    // flex row) are cut only when taller than a page.
    const cuts = what === 'row' ? bandCuts(laid, height) : height > limit ? pageCuts(laid, height, limit) : [];
    const edges = [0, ...cuts, height];
    for (let b = 0; b + 1 < edges.length; b++) {
      const [from, to] = [edges[b], edges[b + 1]];
      const items = laid.map((l) => l.cutAt(from, to).items.map((it) => shiftItem(it, -from)));
      const piece = this.rowSlice(cells, items, Math.max(1, to - from), frames, what, { first: b === 0, last: b + 2 === edges.length });
      if (b + 2 < edges.length && what === 'row') keepWeakly(piece);
      pieces.push(piece);
    }
    // Notes referred to inside the cells travel with the row's first piece.
    const notes = subs.flatMap((sub) => sub.slices.flatMap((sl) => sl.notes ?? []));
    if (notes.length) pieces[0].notes = [...(pieces[0].notes ?? []), ...notes];
    for (const p of pieces) this.push(p);
    return pieces;
  }

  /** One piece of a row; a row cut in pieces has its top border on the first, its bottom on the last. */
  private rowSlice(cells: { x: number; width: number; background?: string; border?: ComputedStyle['border'] }[], items: Slice['items'][], height: number, frames: Frame[], what: string, ends = { first: true, last: true }): Slice {
    const s = newSlice(what, height, frames);
    cells.forEach((c, i) => {
      if (c.background) s.items.push({ kind: 'rect', x: c.x, y: 0, width: c.width, height, color: c.background });
    });
    items.forEach((list) => s.items.push(...list));
    cells.forEach((c) => {
      const b = c.border;
      if (!b) return;
      if (b[0].width && ends.first) s.items.push({ kind: 'line', x1: c.x, y1: b[0].width / 2, x2: c.x + c.width, y2: b[0].width / 2, width: b[0].width, color: b[0].color });
      if (b[2].width && ends.last) s.items.push({ kind: 'line', x1: c.x, y1: height - b[2].width / 2, x2: c.x + c.width, y2: height - b[2].width / 2, width: b[2].width, color: b[2].color });
      if (b[3].width) s.items.push({ kind: 'line', x1: c.x + b[3].width / 2, y1: 0, x2: c.x + b[3].width / 2, y2: height, width: b[3].width, color: b[3].color });
      if (b[1].width) s.items.push({ kind: 'line', x1: c.x + c.width - b[1].width / 2, y1: 0, x2: c.x + c.width - b[1].width / 2, y2: height, width: b[1].width, color: b[1].color });
    });
    return s;
  }

  private warnIfUnreadable(box: TableBox, widths: number[]): void {
    if (!this.options.warn || !hasUnreadableColumn(box, widths)) return;
    this.options.warn(`a table of ${widths.length} columns${firstCells(box)} is too wide for the page: its columns are narrower than a letter, so letters overlap and cannot be read (split it into narrower tables, or write it as a list)`);
  }

  /**
   * A table too wide for the page to hold its words whole (30 columns on a portrait page broke
   * every word letter by letter) is printed in parts of columns that do fit, one below the other,
   * each with the first column again so its rows can still be read across.
   */
  private table(box: TableBox, x: number, width: number, frames: Frame[]): void {
    const columns = Math.max(0, largest(box.rows.map((r) => r.cells.reduce((n, c) => n + c.colspan, 0))));
    if (!columns) return;
    const sizes = columnSizes(box, columns, width, this.options.hyphenate);
    const groups = sizes.whole && columnGroups(box, sizes.whole, width);
    if (!groups) {
      this.warnIfUnreadable(box, sizes.widths);
      this.tableRows(box, x, sizes.widths, frames);
      return;
    }
    this.options.warn?.(`a table of ${columns} columns${firstCells(box)} is too wide for the page to print its words whole: it is printed in ${groups.length} parts, one below the other, each with the first column again (split it into narrower tables, or write it as a list)`);
    groups.forEach((group, i) => {
      const part: TableBox = { ...box, rows: box.rows.map((r) => ({ ...r, cells: group.flatMap((c) => (r.cells[c] ? [r.cells[c]] : [])) })) };
      const partColumns = Math.max(1, largest(part.rows.map((r) => r.cells.length)));
      if (i > 0) this.addMargin(Math.max(box.style.margin[2], box.style.fontSize));
      const widths = columnWidths(part, partColumns, width, this.options.hyphenate);
      this.warnIfUnreadable(part, widths);
      this.tableRows(part, x, widths, frames);
    });
  }

  private tableRows(box: TableBox, x: number, widths: number[], frames: Frame[]): void {
    let header: Slice | undefined;
    const tableTag = structNode('Table', this.parent);
    box.rows.forEach((row, r) => {
      const rowTag = structNode('TR', tableTag);
      let col = 0;
      const cells = row.cells.map((cell) => {
        const cx = x + widths.slice(0, col).reduce((a, b) => a + b, 0);
        const cw = widths.slice(col, col + cell.colspan).reduce((a, b) => a + b, 0);
        col += cell.colspan;
        // The cell's padding and border are drawn by the row; its content sits inside them.
        const { padding, border } = cell.style;
        const content: BlockBox = {
          ...cell.content,
          style: { ...cell.content.style, margin: [padding[0] + border[0].width, padding[1], padding[2] + border[2].width, padding[3]], padding: [0, 0, 0, 0], border: noBorders, backgroundColor: undefined },
        };
        const tag = cell.header ? structNode('TH', rowTag, { scope: row.header ? 'Column' : 'Row' }) : structNode('TD', rowTag);
        return { x: cx, width: cw, box: content as Box, background: cell.style.backgroundColor ?? row.style.backgroundColor, border: cell.style.border, tag };
      });
      const pieces = this.row(cells, frames, row.header ? 'header-row' : 'row');
      if (row.header && r === 0) {
        header = pieces[0];
        for (const p of pieces) p.keepWithNext = true;
      } else if (header) {
        for (const p of pieces) p.repeatHeader = header;
      }
    });
  }
}

/** Layouts whose nesting too deep for the page was said. */
const narrowWarned = new WeakSet<LayoutOptions>();
/** The options of a table's or flex row's cells: their widths are the table's, not indentation's. */
const cellOptionsOf = new WeakMap<LayoutOptions, LayoutOptions>();
function cellOptions(options: LayoutOptions): LayoutOptions {
  let cells = cellOptionsOf.get(options);
  if (!cells) cellOptionsOf.set(options, (cells = { ...options, minIndentedWidth: 0 }));
  return cells;
}

/** Which table a warning is about: ` (the one starting "Drug", "Dose", "When" …)`, or nothing. */
function firstCells(box: TableBox): string {
  const first = box.rows[0]?.cells.map((c) => textOf(c.content).replace(/\s+/g, ' ').trim()).filter(Boolean) ?? [];
  return first.length ? ` (the one starting "${first.slice(0, 3).join('", "')}"${first.length > 3 ? ' …' : ''})` : '';
}

/**
 * The columns of a table too wide to hold its words whole, in parts that do, each led by the
 * first column (`whole`: each column's narrowest with its words whole). Only
 * a table of single cells is parted: a cell spanning columns would be cut. Undefined when it
 * cannot be parted, or parting it gives one part.
 */
export function columnGroups(box: TableBox, whole: number[], width: number): number[][] | undefined {
  if (whole.length < 3 || box.rows.some((r) => r.cells.some((c) => c.colspan !== 1))) return undefined;
  const groups: number[][] = [];
  let group: number[] = [];
  let used = whole[0];
  for (let col = 1; col < whole.length; col++) {
    if (group.length && used + whole[col] > width) {
      groups.push(group);
      group = [];
      used = whole[0];
    }
    group.push(col);
    used += whole[col];
  }
  groups.push(group);
  return groups.length > 1 ? groups.map((g) => [0, ...g]) : undefined;
}

/**
 * A column narrower than the widest letter in it (a table of 200 columns on a page that holds
 * 50) breaks its words between every letter and still cannot hold them: letters overlap and
 * nothing can be read. The words are all in the PDF, but a reader cannot get them back.
 */
function hasUnreadableColumn(box: TableBox, widths: number[]): boolean {
  // No letter is twice as wide as its type is tall: columns that wide need no look at the letters
  // (the usual table, and every summary row, is decided here without shaping a character).
  const type = Math.max(0, largest(box.rows.flatMap((r) => r.cells.map((c) => largestSize(c.content)))));
  if (smallest(widths) >= 2 * type) return false;
  for (const row of box.rows) {
    let col = 0;
    for (const cell of row.cells) {
      // Into its padding a letter still reads; past it, it runs into the next column's.
      const width = widths.slice(col, col + cell.colspan).reduce((a, b) => a + b, 0);
      col += cell.colspan;
      if (widestLetter(cell.content) > width + 0.01) return true;
    }
  }
  return false;
}

/** The largest type size a box prints in. */
function largestSize(box: Box): number {
  if (box.kind === 'text') return Math.max(0, largest(box.runs.map((r) => r.size)));
  if (box.kind === 'block' || box.kind === 'flex') return Math.max(0, largest(box.children.map(largestSize)));
  return 0;
}

/** The widest single character a box prints. */
function widestLetter(box: Box): number {
  if (box.kind === 'text') return Math.max(0, largest(box.runs.flatMap((r) => [...new Set(r.text.replace(/\s/g, ''))].map((ch) => shapedWidth(r.face, ch) * r.size))));
  if (box.kind === 'block' || box.kind === 'flex') return Math.max(0, largest(box.children.map(widestLetter)));
  return 0;
}

/** The text a box prints, for messages. */
function textOf(box: Box): string {
  if (box.kind === 'text') return box.runs.map((r) => r.text).join('');
  if (box.kind === 'block' || box.kind === 'flex') return box.children.map(textOf).join(' ');
  if (box.kind === 'table') return box.rows.flatMap((r) => r.cells.map((c) => textOf(c.content))).join(' ');
  return '';
}

/** A keep that gives way rather than leave a quarter of a page empty; a strong keep stays strong. */
function keepWeakly(slice: Slice): void {
  if (slice.keepWithNext) return;
  slice.keepWithNext = true;
  slice.keepWeak = true;
}

const noBorders: ComputedStyle['border'] = [0, 1, 2, 3].map(() => ({ width: 0, color: '#000000' })) as ComputedStyle['border'];

function resolveLength(len: Length | undefined, of: number): number | undefined {
  if (!len) return undefined;
  return 'pt' in len ? len.pt : len.percent * of;
}

function shiftItem(item: Slice['items'][number], dy: number): Slice['items'][number] {
  switch (item.kind) {
    case 'text': return { ...item, baseline: item.baseline + dy, lineTop: item.lineTop + dy };
    case 'rect': case 'image': case 'heading': return { ...item, y: item.y + dy };
    case 'line': return { ...item, y1: item.y1 + dy, y2: item.y2 + dy };
  }
}

type Stacked = ReturnType<typeof placeStacked>;

/**
 * Where a row may break: between lines, at a height where no cell has a line (or an image) across
 * it, leaving at least two lines' worth above and below (orphans and widows of a row).
 */
function bandCuts(cells: Stacked[], height: number): number[] {
  const candidates = [...new Set(cells.flatMap((c) => c.placed.map((p) => p.bottom)))].sort((a, b) => a - b);
  const clear = (y: number) => cells.every((c) => c.placed.every((p) => p.bottom <= y + 0.01 || p.top >= y - 0.01));
  const valid = candidates.filter((y) => y > 0.01 && y < height - 0.01 && clear(y));
  // The last clear point is below the last line (only the cell padding follows): leave out the
  // first and the last two, so the first and the last piece hold two lines each.
  return valid.slice(1, -2);
}

/** Cuts for a row taller than a page: at the last clear line boundary before each page's worth. */
function pageCuts(cells: Stacked[], height: number, limit: number): number[] {
  const cuts: number[] = [];
  let from = 0;
  while (height - from > limit) {
    const to = from + limit;
    const end = largest(cells.map((c) => c.cutAt(from, to).end));
    from = end > from + 0.01 ? end : to;
    cuts.push(from);
  }
  return cuts;
}

/** Stacks slices one under the other (as inside a table cell), keeping where each one is. */
function placeStacked(slices: Slice[], bottomMargin: number) {
  const placed: { top: number; bottom: number; items: Slice['items'] }[] = [];
  let y = 0;
  for (const s of slices) {
    y += s.spaceBefore;
    placed.push({ top: y, bottom: y + s.height, items: s.items.map((it) => shiftItem(it, y)) });
    y += s.height;
  }
  const items = placed.flatMap((p) => p.items);
  return {
    height: y + bottomMargin,
    items,
    placed,
    /** The slices that fit between `from` and `to`; `end` is where the last of them ends. */
    cutAt(from: number, to: number) {
      const inside = placed.filter((p) => p.top >= from - 0.01 && (p.bottom <= to + 0.01 || p.top <= from + 0.01));
      return { items: inside.flatMap((p) => p.items), end: inside.length ? largest(inside.map((p) => p.bottom)) : from };
    },
  };
}

function boxRuns(box: Box): InlineRun[][] {
  switch (box.kind) {
    case 'text': return [box.runs];
    case 'block': case 'flex': return box.children.flatMap(boxRuns);
    case 'table': return box.rows.flatMap((r) => r.cells.flatMap((c) => boxRuns(c.content)));
    default: return [];
  }
}

function horizontalExtra(style: ComputedStyle): number {
  return style.margin[1] + style.margin[3] + style.padding[1] + style.padding[3] + style.border[1].width + style.border[3].width;
}

/** The widest line a box would have with no wrapping at all. */
function maxContentWidth(box: Box): number {
  const own = horizontalExtra(box.style);
  if (box.kind === 'image') return box.width * 0.75 + own;
  // A block holding a picture (the QR code's box) is as wide as the picture.
  if (box.kind === 'block' && box.children.some((c) => c.kind === 'image')) return own + Math.max(0, largest(box.children.map(maxContentWidth)));
  return own + Math.max(0, largest(boxRuns(box).map((runs) => contentWidths(collapseWhiteSpace(runs, box.style.whiteSpace)).max)));
}

/** minContentWidth (without hyphenation) and maxContentWidth at once: text is read once for both. */
function intrinsicWidths(box: Box): { min: number; max: number } {
  if (box.kind === 'image' || (box.kind === 'block' && box.children.some((c) => c.kind === 'image'))) return { min: minContentWidth(box), max: maxContentWidth(box) };
  let min = 0;
  let max = 0;
  for (const runs of boxRuns(box)) {
    const widths = contentWidths(collapseWhiteSpace(runs, box.style.whiteSpace));
    min = Math.max(min, widths.min);
    max = Math.max(max, widths.max);
  }
  const own = horizontalExtra(box.style);
  return { min: own + min, max: own + max };
}

function minContentWidth(box: Box): number {
  const own = horizontalExtra(box.style);
  return own + Math.max(0, largest(boxRuns(box).map((runs) => contentWidths(collapseWhiteSpace(runs, box.style.whiteSpace)).min)));
}

/** A box's narrowest widths step by step (see narrowestWidths): the widest of its text boxes' at each step. */
function narrowestBoxWidths(box: Box, hyphenate?: Hyphenator): { tokensBroken: number; hyphenated: number } {
  if (box.kind === 'image' || (box.kind === 'block' && box.children.some((c) => c.kind === 'image'))) {
    const min = intrinsicWidths(box).min;
    return { tokensBroken: min, hyphenated: min };
  }
  let tokensBroken = 0;
  let hyphenated = 0;
  for (const runs of boxRuns(box)) {
    const widths = narrowestWidths(collapseWhiteSpace(runs, box.style.whiteSpace), hyphenate);
    tokensBroken = Math.max(tokensBroken, widths.tokensBroken);
    hyphenated = Math.max(hyphenated, widths.hyphenated);
  }
  const own = horizontalExtra(box.style);
  return { tokensBroken: own + tokensBroken, hyphenated: own + hyphenated };
}

/**
 * Widths between `lo` and `hi`, column by column, adding up to `width` (which lies between their
 * sums): every column gets the same cap, `lo` permitting, so only the columns that want the most
 * give way, and the others keep all they want.
 */
function capped(lo: number[], hi: number[], width: number): number[] {
  const at = (cap: number) => lo.map((l, i) => Math.max(l, Math.min(hi[i], cap)));
  const total = (cap: number) => at(cap).reduce((a, b) => a + b, 0);
  let low = 0;
  let high = Math.max(0, largest(hi));
  for (let i = 0; i < 60 && high - low > 1e-6; i++) {
    const mid = (low + high) / 2;
    if (total(mid) > width) high = mid;
    else low = mid;
  }
  return at(low);
}

/**
 * Column widths as browsers' automatic table layout does, in short: every column gets at least
 * its longest word, and the rest of the width is shared in proportion to how much text it holds.
 * When the longest pieces do not fit side by side, the table gives way one step at a time, each
 * step only as far as it must and in the columns that want the most: first long tokens (a URL, a
 * version, a hash) are broken anywhere (overflow-wrap: anywhere), keeping every word whole; then
 * words in body cells are hyphenated (with `hyphenate`); then words in header cells; only then
 * are words broken between letters.
 */
export function columnWidths(table: TableBox, columns: number, width: number, hyphenate?: Hyphenator): number[] {
  return columnSizes(table, columns, width, hyphenate).widths;
}

/** columnWidths, and when they break words between letters, each column's narrowest with its words whole (`whole`). */
function columnSizes(table: TableBox, columns: number, width: number, hyphenate?: Hyphenator): { widths: number[]; whole?: number[] } {
  // Both extents of each cell from one reading of its text: a long table has many cells.
  const min = new Array<number>(columns).fill(0);
  const max = new Array<number>(columns).fill(0);
  eachOneColumnCell(table, (cell, col, padding) => {
    const extent = intrinsicWidths(cell.content);
    min[col] = Math.max(min[col], extent.min + padding);
    max[col] = Math.max(max[col], extent.max + padding);
  });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const minTotal = sum(min);
  const maxTotal = sum(max);
  if (minTotal >= width) {
    // The steps of giving way, each column's minimum at each: tokens broken, body words
    // hyphenated, header words hyphenated.
    const tokens = new Array<number>(columns).fill(0);
    const body = new Array<number>(columns).fill(0);
    const all = new Array<number>(columns).fill(0);
    eachOneColumnCell(table, (cell, col, padding) => {
      const narrow = narrowestBoxWidths(cell.content, hyphenate);
      tokens[col] = Math.max(tokens[col], narrow.tokensBroken + padding);
      body[col] = Math.max(body[col], (cell.header ? narrow.tokensBroken : narrow.hyphenated) + padding);
      all[col] = Math.max(all[col], narrow.hyphenated + padding);
    });
    // Long tokens broken, every word whole: the rest is shared as when everything fits, by how
    // much text each column holds (a column of long addresses gets the room, not one of names).
    if (sum(tokens) <= width) return { widths: shared(tokens, max.map((m, i) => Math.max(m, tokens[i])), width) };
    let upper = tokens;
    for (const step of [body, all]) {
      if (sum(step) <= width) return { widths: capped(step, upper, width) };
      upper = step;
    }
    // Words will be broken between letters: every column gives the same share of its narrowest,
    // which the slack at the end of its lines often absorbs (a cap would take it all from one).
    const total = sum(upper);
    return { widths: upper.map((m) => (m / total) * width), whole: tokens };
  }
  if (maxTotal <= width) {
    // Everything fits on one line: share the spare width in proportion to content (table width: 100%).
    const spare = width - maxTotal;
    return { widths: max.map((m) => m + (maxTotal ? (m / maxTotal) * spare : spare / columns)) };
  }
  return { widths: shared(min, max, width) };
}

type TableCell = TableBox['rows'][number]['cells'][number];

/** Each cell that spans one column, with its column and its side padding: what sizes the columns. */
function eachOneColumnCell(table: TableBox, visit: (cell: TableCell, col: number, padding: number) => void): void {
  for (const row of table.rows) {
    let col = 0;
    for (const cell of row.cells) {
      if (cell.colspan === 1) visit(cell, col, cell.style.padding[1] + cell.style.padding[3]);
      col += cell.colspan;
    }
  }
}

/** Each column its least, and the rest of the width in proportion to how much more it would take. */
function shared(least: number[], most: number[], width: number): number[] {
  const spare = width - least.reduce((a, b) => a + b, 0);
  const flex = most.map((m, i) => m - least[i]);
  const flexTotal = flex.reduce((a, b) => a + b, 0) || 1;
  return least.map((m, i) => m + (flex[i] / flexTotal) * spare);
}

/** A paragraph ending in a colon ("Causes include:") introduces what follows: like a heading, it never ends a page without it. */
function introducesNext(box: Box): boolean {
  return box.kind === 'text' && box.tag === 'p' && /:\s*$/.test(box.runs.map((r) => r.text).join(''));
}
