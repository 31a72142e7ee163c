/**
 * The Outline: the structured form of one handout that every later stage works from.
 * Plain, JSON-serialisable data: metadata, a title, the blocks before the first heading,
 * a tree of sections, and the summary table of its parallel parts. Content blocks are mdast
 * nodes, untouched. This is the model: it imports nothing from the stages that build or read it.
 */
import type { RootContent, Definition, FootnoteDefinition, Heading } from 'mdast';
import type { HandoutMeta } from '../read/frontMatter.js';
import type { SourceFormat } from '../read/readSource.js';

export type Block = Exclude<RootContent, Definition | FootnoteDefinition>;

export type SectionKind = 'section' | 'key-points' | 'objectives' | 'key-terms';

export interface Section {
  title: string;
  /** Unique within the handout; used for HTML anchors and PDF bookmarks. */
  slug: string;
  /** Heading level as printed: 2 for the top sections (the title is level 1). */
  level: number;
  /** Source line of the heading, when there is one. */
  line?: number;
  kind: SectionKind;
  blocks: Block[];
  sections: Section[];
  /** Inferred from plain prose rather than written as a heading. */
  inferred?: boolean;
  /** For a section about parts the text enumerates ("dystrophic", "type C1"): their names. */
  parts?: string[];
  /** What the parts are, as the text calls them: "form", "type". */
  partKind?: string;
  /** Blocks after the subsections that belong to this section as a whole (inferred outlines only). */
  closing?: Block[];
  /** The written heading, when its text calls a footnote or holds a link: printed as written, so neither is lost. */
  heading?: Heading;
}

export interface Outline {
  file: string;
  slug: string;
  format: SourceFormat;
  meta: HandoutMeta;
  title: string;
  /** Where the title came from, so a user can see why the handout is called what it is. */
  titleFrom: 'front matter' | 'first heading' | 'first line' | 'opening sentence' | 'the text' | 'file name';
  /** The heading the title was taken from, when it calls a footnote or holds a link (see Section.heading). */
  titleHeading?: Heading;
  /** Blocks before the first section. */
  intro: Block[];
  sections: Section[];
  /** Blocks after the sections about the handout as a whole (inferred outlines only). */
  closing: Block[];
  /** Why an inferred outline is what it is (title, parts, general paragraphs), one decision a line. */
  notes?: string[];
  /** The parallel parts side by side, when the handout has them. */
  atAGlance?: SummaryTable;
  /** Link and footnote definitions, needed to resolve references anywhere in the handout. */
  definitions: (Definition | FootnoteDefinition)[];
  words: number;
}

/** One statement in the at-a-glance table, taken word for word from its part; empty prints as a dash. */
export interface SummaryCell {
  /** Statements or labelled facts from the part's text, in source order (one, for chosen sentences). */
  texts: string[];
  /** Source lines they came from. */
  lines: number[];
}

export interface SummaryRow {
  part: string;
  /** The section the row summarises, for a link. */
  slug: string;
  cells: SummaryCell[];
}

/** The parallel parts of one handout side by side: one row per part, one column per question. */
export interface SummaryTable {
  title: string;
  /** Header of the first column: what the parts are ("Form", "Type"). */
  partLabel: string;
  columns: string[];
  rows: SummaryRow[];
  /** Where the columns came from: facts labelled in the parts, front matter, or what the parts say. */
  columnsFrom: 'labelled facts' | 'front matter' | 'the parts';
}

/** Every section in reading order, depth first. */
export function* walkSections(sections: Section[]): Generator<Section> {
  for (const s of sections) {
    yield s;
    yield* walkSections(s.sections);
  }
}

/** A content block and the sections it sits in, outermost first (empty for the introduction and the closing). */
export interface BlockInReadingOrder {
  block: Block;
  sections: Section[];
}

/**
 * Every content block of the handout in the order a reader meets it: the introduction, then each
 * section (its own blocks, its subsections, then its closing blocks), then the handout's closing.
 * Checks and counts walk this one traversal, so no block (a closing paragraph) goes unmeasured.
 */
export function* blocksInReadingOrder(outline: Pick<Outline, 'intro' | 'sections' | 'closing'>): Generator<BlockInReadingOrder> {
  for (const block of outline.intro) yield { block, sections: [] };
  function* walk(section: Section, path: Section[]): Generator<BlockInReadingOrder> {
    const here = [...path, section];
    for (const block of section.blocks) yield { block, sections: here };
    for (const sub of section.sections) yield* walk(sub, here);
    for (const block of section.closing ?? []) yield { block, sections: here };
  }
  for (const section of outline.sections) yield* walk(section, []);
  for (const block of outline.closing ?? []) yield { block, sections: [] };
}

/** One section's blocks in the same reading order: its own, its subsections', then its closing blocks. */
export function blocksOfSection(section: Section): Block[] {
  return [...blocksInReadingOrder({ intro: [], sections: [section], closing: [] })].map((b) => b.block);
}
