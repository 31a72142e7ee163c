/**
 * Footnotes at the foot of the page (CSS GCPM `float: footnote`): a note is laid out where its
 * first reference is, at the page's column width, and travels with the line that refers to it;
 * pagination keeps room for the notes of the lines it places, and the page draws them at its foot,
 * under a short rule. In the structure tree a note is a Note inside the paragraph that refers to
 * it, so a screen reader meets it at its reference.
 */
import type { Box } from './boxes.js';
import { structNode, type Slice, type StructNode } from './slices.js';

/** A note laid out: its slices stacked from its top, and its height. */
export interface Note {
  id: string;
  slices: { slice: Slice; y: number }[];
  height: number;
}

/** What a layout needs to set notes: the boxes, the ones already set, and the page's column. */
export interface FootnoteContext {
  boxes: Map<string, Box>;
  laidOut: Set<string>;
  /** Notes too tall for the foot of a page, left to be printed after the text. */
  deferred: Set<string>;
  x: number;
  width: number;
}

/** Space between the text and the notes, where the rule is drawn. */
export const NOTES_GAP = 14;
/** The rule above the notes: a third of the column, as book typography has it. */
export const RULE = { width: 0.6, fraction: 1 / 3, color: '#9fb3ba' };

/** Slices stacked one under the other, margins between them (not before the first). */
export function stack(slices: Slice[]): { slices: { slice: Slice; y: number }[]; height: number } {
  let y = 0;
  const placed = slices.map((slice, i) => {
    y += i === 0 ? 0 : slice.spaceBefore;
    const at = { slice, y };
    y += slice.height;
    return at;
  });
  return { slices: placed, height: y };
}

/**
 * The note `id` laid out by `layOut` (a Layout of its own), once: a later reference to a note
 * already set gets nothing. The note's structure element hangs under `referrer`'s paragraph.
 */
export function noteFor(id: string, ctx: FootnoteContext, referrer: StructNode, layOut: (box: Box, parent: StructNode) => Slice[]): Note | undefined {
  const box = ctx.boxes.get(id);
  if (!box || ctx.laidOut.has(id)) return undefined;
  ctx.laidOut.add(id);
  // A reference is a link; its note belongs to the paragraph the link is in.
  const paragraph = referrer.role === 'Link' && referrer.parent ? referrer.parent : referrer;
  const { slices, height } = stack(layOut(box, structNode('Note', paragraph)));
  return { id, slices, height };
}

/** The height the notes of a page take, with the gap above them. */
export function notesHeight(notes: Note[]): number {
  return notes.length ? NOTES_GAP + notes.reduce((h, n) => h + n.height, 0) : 0;
}
