/**
 * Paginate: slices → pages. A pure function of measured heights and break rules:
 * - a break falls only between slices, never inside one;
 * - never right after a slice that keeps with the next (headings, orphan and widow lines, boxes
 *   that avoid breaks), unless the kept chain is longer than a page, when it breaks where it must;
 * - but a page is never left more than a quarter empty to keep a box, a list or a table row
 *   together (a weak keep): such a keep gives way where the page is at least three-quarters full;
 * - forced breaks (break-before: page) are honoured;
 * - a table row that starts a page has its table's header row repeated above it;
 * - a slice's footnotes go on its page, at the foot: the room they take is kept free.
 */
import { notesHeight, type Note } from './footnotes.js';
import type { Slice } from './slices.js';

export interface PlacedSlice {
  slice: Slice;
  /** Top of the slice, from the top of the page's text area. */
  y: number;
  /** True for a repeated table header (drawn again, not part of the flow). */
  repeated?: boolean;
}

export interface Page {
  slices: PlacedSlice[];
  /** Footnotes set at the foot of the page, in order. */
  notes: Note[];
}

export function paginate(slices: Slice[], pageHeight: number): Page[] {
  const pages: Page[] = [];
  let i = 0;
  while (i < slices.length) {
    const start = i;
    const page: Page = { slices: [], notes: [] };
    let y = 0;
    const header = slices[i].repeatHeader;
    if (header && header !== slices[i] && header.height + slices[i].height <= pageHeight) {
      page.slices.push({ slice: header, y: 0, repeated: true });
      y = header.height;
    }
    let end = slices.length;
    const notes: Note[] = [];
    /** Where each slice placed so far ends, from the top of the page. */
    const bottoms: number[] = [];
    for (let j = i; j < slices.length; j++) {
      const s = slices[j];
      if (j > start && s.breakBefore) {
        end = j;
        break;
      }
      const gap = j === start ? 0 : s.spaceBefore;
      if (j > start && y + gap + s.height + notesHeight([...notes, ...(s.notes ?? [])]) > pageHeight + 0.01) {
        end = breakPoint(slices, start, j, (k) => bottoms[k - 1 - start] + notesHeight(notes) >= pageHeight * FULL);
        break;
      }
      y += gap + s.height;
      bottoms.push(y);
      notes.push(...(s.notes ?? []));
    }
    for (let j = start; j < end; j++) page.notes.push(...(slices[j].notes ?? []));
    // Place slices start..end-1.
    let top = page.slices.length ? page.slices[0].slice.height : 0;
    for (let j = start; j < end; j++) {
      const gap = j === start ? 0 : slices[j].spaceBefore;
      page.slices.push({ slice: slices[j], y: top + gap });
      top += gap + slices[j].height;
    }
    pages.push(page);
    i = end;
  }
  return pages;
}

/** A page this full may end where a weak keep would rather it did not. */
const FULL = 0.75;

/**
 * Where the page ends, given that slice `j` does not fit: the last break no rule forbids; when that
 * leaves more than a quarter of the page empty, the last break only a weak keep forbids that leaves
 * the page full enough (`full(k)`: the page ending before slice k is full enough); else the first
 * allowed break found, else `j` (a kept chain longer than the page breaks where the page is full).
 */
function breakPoint(slices: Slice[], start: number, j: number, full: (k: number) => boolean): number {
  let allowed: number | undefined;
  for (let k = j; k > start; k--) {
    if (!slices[k - 1].keepWithNext) {
      allowed = k;
      break;
    }
  }
  if (allowed !== undefined && full(allowed)) return allowed;
  for (let k = j; k > start && full(k); k--) {
    if (!slices[k - 1].keepWithNext || slices[k - 1].keepWeak) return k;
  }
  return allowed ?? j;
}
