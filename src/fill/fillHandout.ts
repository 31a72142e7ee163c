/**
 * Fill stage: an Outline → what the templates are filled with. Content is turned into HTML here;
 * the template (handout.hbs, study-guide.hbs, summary-sheet.hbs) decides where it goes.
 */
import type { Warnings } from '../diagnostics.js';
import type { Outline, Section, SummaryTable } from '../outline/outline.js';
import { blocksToHtml, type ContentContext } from './contentToHtml.js';
import type { TemplateSet } from './templates.js';

export const GENERATOR = 'handout';

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
  /** False when the author wrote their own at-a-glance section or turned the table off. */
  showAtAGlance: boolean;
  stylesheet: string;
  generator: string;
}

export function handoutContext(outline: Outline, templates: TemplateSet, sourcePath: string, warnings: Warnings): HandoutContext {
  const ctx: ContentContext = { outline, sourcePath, warnings };
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
  return {
    lang: outline.meta.lang,
    title: outline.title,
    slug: outline.slug,
    meta: outline.meta,
    intro: blocksToHtml(outline.intro, ctx),
    sections: outline.sections.map(fillSection),
    closing: blocksToHtml(outline.closing, ctx),
    words: outline.words,
    atAGlance: outline.atAGlance,
    showAtAGlance: !!outline.atAGlance && outline.meta.summary?.show !== false && !hasOwnAtAGlance(outline.sections),
    stylesheet: templates.stylesheet.css,
    generator: GENERATOR,
  };
}

function hasOwnAtAGlance(sections: Section[]): boolean {
  return sections.some((s) => /\bat a glance\b/i.test(s.title) || hasOwnAtAGlance(s.sections));
}
