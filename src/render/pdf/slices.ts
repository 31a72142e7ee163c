/**
 * The measured, positioned material pagination works on: a flat list of horizontal slices
 * (a line of text, a table row, an image, the padding of a box), each with the rules that say
 * where a page may break. Plain data: paginate() is a pure function of it.
 */
import type { VectorDrawing } from './vector.js';
import type { Fragment } from './lineBreak.js';
import type { Border } from './styles.js';
import type { Note } from './footnotes.js';

/**
 * A node of the PDF's structure tree (tagged PDF): a role (P, H2, LI, TD …) and its parent.
 * Layout hangs one on every text and image item, so the tags are built from exactly what is drawn;
 * items without one (backgrounds, borders, rules) are drawn as artifacts.
 */
export interface StructNode {
  role: string;
  parent?: StructNode;
  /** Alternative text (Figure). */
  alt?: string;
  /** Table header scope (TH). */
  scope?: 'Column' | 'Row';
}

export function structNode(role: string, parent: StructNode | undefined, extra: Partial<StructNode> = {}): StructNode {
  return { role, parent, ...extra };
}

export type DrawItem =
  /** A fragment of text; `baseline` is relative to the slice top. */
  | { kind: 'text'; x: number; baseline: number; lineTop: number; lineHeight: number; fragment: Fragment; wordSpacing: number; tag?: StructNode }
  | { kind: 'rect'; x: number; y: number; width: number; height: number; color: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; width: number; color: string }
  | { kind: 'image'; x: number; y: number; width: number; height: number; data?: Buffer | VectorDrawing; svg?: string; tag?: StructNode }
  /** A heading: a bookmark in the viewer's outline and a named destination for links to its id. */
  | { kind: 'heading'; level: number; title: string; id?: string; y: number };

/** A box with a background or border that spans several slices (and maybe pages). */
export interface Frame {
  x: number;
  width: number;
  background?: string;
  border: [Border, Border, Border, Border];
  first?: Slice;
  last?: Slice;
}

export interface Slice {
  height: number;
  /** Space above the slice; dropped when the slice starts a page (as CSS margins at a break). */
  spaceBefore: number;
  /** No page break between this slice and the next. */
  keepWithNext: boolean;
  /**
   * The keep is weak (a box, list or table row kept together): it gives way rather than leave
   * more than a quarter of a page empty. Headings, orphans and widows keep strongly.
   */
  keepWeak?: boolean;
  /** A page break before this slice. */
  breakBefore: boolean;
  items: DrawItem[];
  /** The framed boxes this slice is inside, outermost first. */
  frames: Frame[];
  /** A table body row: the header row to repeat when this row starts a page. */
  repeatHeader?: Slice;
  /** Why this slice exists, for tests and debugging: 'line', 'row', 'image', 'space' … */
  what: string;
  /** Footnotes first referred to on this slice: set at the foot of its page. */
  notes?: Note[];
}

export function newSlice(what: string, height: number, frames: Frame[]): Slice {
  return { what, height, spaceBefore: 0, keepWithNext: false, breakBefore: false, items: [], frames };
}
