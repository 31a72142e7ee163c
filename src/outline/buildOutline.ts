/** Outline stage: mdast → Outline. */
import type { Root, Heading, RootContent, Definition, FootnoteDefinition } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Source } from '../read/readSource.js';
import { SlugCounter } from '../slug.js';
import type { Block, Outline, Section, SectionKind } from './outline.js';
import { inferOutline } from './infer/inferOutline.js';
import { summaryTable } from './summary/summaryTable.js';
import { wordSegmentsOf } from './sentences.js';
import { sectionsWithLists, withLists } from './bulletLists.js';
import { smallest } from '../extremes.js';

/** Headings that mark a highlighted summary box, in the languages handouts are printed in. */
const KEY_POINT_TITLES = /^(key points?|the main points|in brief|puntos clave|lo más importante|points clés|l'essentiel)\s*:?$/i;

export function buildOutline(source: Source, tree: Root): Outline {
  const { meta } = source;
  const definitions: (Definition | FootnoteDefinition)[] = [];
  let nodes: RootContent[] = [];
  for (const node of tree.children) {
    if (node.type === 'yaml' || node.type === 'toml') continue;
    if (node.type === 'definition' || node.type === 'footnoteDefinition') definitions.push(node);
    else nodes.push(node);
  }

  let title = meta.title;
  let titleFrom: Outline['titleFrom'] = 'front matter';
  let titleHeading: Heading | undefined;
  // The document's own top heading is its title: print it once, in the title block. It is the
  // first block, or the document's only H1 wherever it stands (after a badge, an import, a note).
  const topHeadings = nodes.filter((n): n is Heading => n.type === 'heading' && n.depth === 1);
  const first = nodes[0]?.type === 'heading' && nodes[0].depth === 1 ? nodes[0] : topHeadings.length === 1 ? topHeadings[0] : undefined;
  if (first && (!title || toString(first).trim() === title)) {
    title = toString(first).trim();
    titleFrom = title === meta.title ? 'front matter' : 'first heading';
    if (writtenAsIs(first)) titleHeading = first;
    nodes = nodes.filter((n) => n !== first);
  }
  // Prose without headings (plain text always; Markdown when asked) gets an inferred outline.
  // Written headings always win: a document that has them is never re-divided.
  const hasHeadings = nodes.some((n) => n.type === 'heading');
  // `infer: false` keeps even plain text as written; `parts:` asks for the inference with those parts.
  const infer = meta.infer ?? meta.inferSections ?? (source.format === 'text' || !!meta.parts);
  const inferred = !hasHeadings && infer ? inferOutline(nodes as Block[], meta.lang, title, { parts: meta.parts }) : undefined;
  if (!title && inferred?.title) {
    title = inferred.title;
    titleFrom = inferred.titleFrom ?? 'opening sentence';
    // The line is printed once, as the title.
    if (titleFrom === 'first line') nodes = nodes.filter((n) => n !== inferred.titleBlock);
  }
  if (!title) {
    title = titleFromFileName(source.slug);
    titleFrom = 'file name';
  }
  const words = countWords([title, ...nodes.map((n) => toString(n))].join('\n'), meta.lang);
  if (inferred && inferred.sections.length) {
    return withAtAGlance({
      file: source.file, slug: source.slug, format: source.format, meta, title, titleFrom, ...(titleHeading ? { titleHeading } : {}),
      intro: withLists(inferred.intro, meta.lang), sections: sectionsWithLists(withKinds(inferred.sections), meta.lang), closing: [], definitions, words, notes: inferred.notes,
    });
  }

  // Shift levels so the top body heading prints as level 2, under the title.
  const depths = nodes.filter((n): n is Heading => n.type === 'heading').map((h) => h.depth);
  const shift = depths.length ? 2 - smallest(depths) : 0;

  const slugs = new SlugCounter();
  const intro: Block[] = [];
  const sections: Section[] = [];
  const open: Section[] = [];
  // Plain text's list-marked lines print as lists (Markdown's lists are already lists).
  for (const node of source.format === 'text' ? withLists(nodes as Block[], meta.lang) : (nodes as Block[])) {
    if (node.type === 'heading') {
      const level = Math.min(6, node.depth + shift);
      const text = toString(node).trim();
      const section: Section = {
        title: text,
        slug: slugs.next(text),
        level,
        line: node.position?.start.line,
        kind: sectionKind(text),
        blocks: [],
        sections: [],
        ...(writtenAsIs(node) ? { heading: node } : {}),
      };
      while (open.length && open[open.length - 1].level >= level) open.pop();
      (open.length ? open[open.length - 1].sections : sections).push(section);
      open.push(section);
    } else {
      (open.length ? open[open.length - 1].blocks : intro).push(node);
    }
  }

  return withAtAGlance({
    file: source.file,
    slug: source.slug,
    format: source.format,
    meta,
    title,
    titleFrom,
    ...(titleHeading ? { titleHeading } : {}),
    intro,
    sections,
    closing: [],
    definitions,
    words,
    notes: inferred?.notes,
  });
}

/**
 * A heading whose text calls a footnote or holds a link: its plain text would lose the call, or the
 * address (`## Email [us](mailto:clinic@example.org)` printed "Email us").
 */
function writtenAsIs(heading: Heading): boolean {
  const walk = (n: { type: string; children?: unknown[] }): boolean => WRITTEN_IN_HEADING.has(n.type) || (n.children ?? []).some((c) => walk(c as typeof n));
  return walk(heading);
}
const WRITTEN_IN_HEADING = new Set(['footnoteReference', 'link', 'linkReference']);

function withAtAGlance(outline: Outline): Outline {
  const table = summaryTable(outline);
  return table ? { ...outline, atAGlance: table } : outline;
}

const OBJECTIVE_TITLES = /^(learning objectives|objectives|learning goals|goals|you will learn|what you will learn|objetivos(?: de aprendizaje)?)\s*:?$/i;
const KEY_TERM_TITLES = /^(key terms|key words|vocabulary|terms to know|words to know|glossary|términos clave|vocabulario)\s*:?$/i;

/** An inferred heading names a box as a written one does: "Key points", "Learning objectives", "Key terms". */
function withKinds(sections: Section[]): Section[] {
  return sections.map((s) => ({ ...s, kind: s.kind === 'section' && !s.parts ? sectionKind(s.title) : s.kind, sections: withKinds(s.sections) }));
}

function sectionKind(title: string): SectionKind {
  if (KEY_POINT_TITLES.test(title)) return 'key-points';
  if (OBJECTIVE_TITLES.test(title)) return 'objectives';
  if (KEY_TERM_TITLES.test(title)) return 'key-terms';
  return 'section';
}

function titleFromFileName(slug: string): string {
  const words = slug.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Words as a reader counts them, by the Unicode word rules of the document's language. V8's
 * segmenter takes time quadratic in the length of the string it walks (a 200 000-character text
 * takes minutes), so it walks pieces of a few hundred characters, cut at whitespace.
 */
export function countWords(text: string, lang: string): number {
  let n = 0;
  // In pieces: V8's segmenter takes time quadratic in the length of what it is given (pieces of
  // 500 characters count a handout's words three times as fast as pieces of 4000).
  for (const piece of text.match(/[\s\S]{1,500}(?:[^\s]{0,200})/g) ?? []) n += wordSegmentsOf(piece, lang).length;
  return n;
}
