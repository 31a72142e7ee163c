/**
 * Fill stage: an Outline → the HTML of one handout, by the handout.hbs template.
 * Content is turned into HTML here; the template decides where it goes.
 */
import type { Warnings } from '../diagnostics.js';
import type { Outline, Section } from '../outline/outline.js';
import { blocksToHtml, type ContentContext } from './contentToHtml.js';
import type { TemplateSet } from './templates.js';

export const GENERATOR = 'handout';

export interface FilledSection {
  title: string;
  slug: string;
  level: number;
  kind: Section['kind'];
  html: string;
  sections: FilledSection[];
}

export interface HandoutContext {
  lang: string;
  title: string;
  slug: string;
  meta: Outline['meta'];
  intro: string;
  sections: FilledSection[];
  words: number;
  stylesheet: string;
  generator: string;
  /** Glossary terms the handout uses, in order of first use: the "Words to know" box. */
  wordsToKnow: { term: string; definition: string }[];
  /** ISO date of the next review, for the running footer. */
  nextReview?: string;
}

/** What the check stage adds to a handout's page. */
export interface HandoutExtras {
  wordsToKnow?: { term: string; definition: string }[];
  nextReview?: string;
}

export function handoutContext(outline: Outline, templates: TemplateSet, sourcePath: string, warnings: Warnings, extras: HandoutExtras = {}): HandoutContext {
  const ctx: ContentContext = { outline, sourcePath, warnings };
  const fillSection = (s: Section): FilledSection => ({
    title: s.title,
    slug: s.slug,
    level: s.level,
    kind: s.kind,
    html: blocksToHtml(s.blocks, ctx),
    sections: s.sections.map(fillSection),
  });
  return {
    lang: outline.meta.lang,
    title: outline.title,
    slug: outline.slug,
    meta: outline.meta,
    intro: blocksToHtml(outline.intro, ctx),
    sections: outline.sections.map(fillSection),
    words: outline.words,
    stylesheet: templates.stylesheet.css,
    generator: GENERATOR,
    wordsToKnow: (extras.wordsToKnow ?? []).map(({ term, definition }) => ({ term, definition })),
    nextReview: extras.nextReview,
  };
}

export function fillHandout(outline: Outline, templates: TemplateSet, sourcePath: string, warnings: Warnings, extras: HandoutExtras = {}): string {
  return templates.render('handout', handoutContext(outline, templates, sourcePath, warnings, extras));
}
