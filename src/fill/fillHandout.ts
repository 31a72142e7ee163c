/**
 * Fill stage: an Outline → what the templates are filled with. Content is turned into HTML here;
 * the template (handout.hbs, study-guide.hbs, summary-sheet.hbs) decides where it goes.
 */
import type { Warnings } from '../diagnostics.js';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Block, Outline, Section, SummaryTable } from '../outline/outline.js';
import { blocksInReadingOrder } from '../outline/outline.js';
import { withColumns } from '../outline/summary/summaryTable.js';
import { blocksToHtml, type ContentContext } from './contentToHtml.js';
import type { TemplateSet } from './templates.js';

export const GENERATOR = 'handout';
/** Columns of the at-a-glance table inside the handout, besides the parts' names. */
const HANDOUT_COLUMNS = 3;

export interface FilledSection {
  title: string;
  slug: string;
  level: number;
  kind: Section['kind'];
  inferred: boolean;
  html: string;
  sections: FilledSection[];
  /** HTML after the subsections (inferred outlines). */
  closing: string;
}

export interface HandoutContext {
  lang: string;
  title: string;
  slug: string;
  meta: Outline['meta'];
  intro: string;
  sections: FilledSection[];
  closing: string;
  words: number;
  atAGlance?: SummaryTable;
  /** For templates that place them apart (the study guide): the objectives and key-terms sections, */
  objectives?: FilledSection;
  keyTerms?: FilledSection;
  /** the other sections, and the bold terms of the text when it has no key-terms section. */
  mainSections: FilledSection[];
  boldTerms: string[];
  /** False when the author wrote their own at-a-glance section or turned the table off. */
  showAtAGlance: boolean;
  stylesheet: string;
  generator: string;
  /** Glossary terms the handout uses, in order of first use: the "Words to know" box. */
  wordsToKnow: { term: string; definition: string }[];
  /** ISO date of the next review, for the running footer. */
  nextReview?: string;
}

export interface FillOptions {
  /** Collects the files read besides the source (images). */
  dependencies?: string[];
  /** A missing or unsupported image: an error (default), or a warning and its alt text printed. */
  missingImages?: ContentContext['missingImages'];
  /** The source's text, so raw HTML in it keeps its line numbers. */
  sourceText?: string;
}

/** What the check stage adds to a handout's page. */
export interface HandoutExtras {
  wordsToKnow?: { term: string; definition: string }[];
  nextReview?: string;
}

export function handoutContext(outline: Outline, templates: TemplateSet, sourcePath: string, warnings: Warnings, options: FillOptions = {}, extras: HandoutExtras = {}): HandoutContext {
  const { dependencies, missingImages, sourceText } = options;
  const ctx: ContentContext = { outline, sourcePath, sourceText, warnings, dependencies, missingImages };
  const fillSection = (s: Section): FilledSection => ({
    title: s.title,
    slug: s.slug,
    level: s.level,
    kind: s.kind,
    inferred: s.inferred === true,
    html: blocksToHtml(s.blocks, ctx),
    sections: s.sections.map(fillSection),
    closing: blocksToHtml(s.closing ?? [], ctx),
  });
  const sections = outline.sections.map(fillSection);
  return {
    lang: outline.meta.lang,
    title: outline.title,
    slug: outline.slug,
    meta: outline.meta,
    intro: blocksToHtml(outline.intro, ctx),
    sections,
    objectives: sections.find((s) => s.kind === 'objectives'),
    keyTerms: sections.find((s) => s.kind === 'key-terms'),
    mainSections: sections.filter((s) => s.kind !== 'objectives' && s.kind !== 'key-terms'),
    boldTerms: boldTerms(outline),
    closing: blocksToHtml(outline.closing, ctx),
    words: outline.words,
    // A portrait page has room for the key fact and two questions; the one-page sheet has them all.
    atAGlance: outline.atAGlance && withColumns(outline.atAGlance, HANDOUT_COLUMNS),
    showAtAGlance: !!outline.atAGlance && outline.meta.summary?.show !== false && !hasOwnAtAGlance(outline.sections),
    stylesheet: templates.stylesheet.css,
    generator: GENERATOR,
    wordsToKnow: (extras.wordsToKnow ?? []).map(({ term, definition }) => ({ term, definition })),
    nextReview: extras.nextReview,
  };
}

/** Distinct bold phrases of one to four words, in order of first use: the terms a text stresses. */
function boldTerms(outline: Outline): string[] {
  const terms = new Map<string, string>();
  for (const { block } of blocksInReadingOrder(outline)) {
    visit(block, 'strong', (node) => {
      const raw = toString(node).trim();
      if (/:$/.test(raw)) return; // a label ("**Causes:**"), not a term
      const text = raw.replace(/[.,;]$/, '');
      const key = text.toLowerCase();
      if (text && text.split(/\s+/).length <= 4 && !terms.has(key)) terms.set(key, text);
    });
  }
  return [...terms.values()];
}

function hasOwnAtAGlance(sections: Section[]): boolean {
  return sections.some((s) => /\bat a glance\b/i.test(s.title) || hasOwnAtAGlance(s.sections));
}
