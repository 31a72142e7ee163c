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
}

export function handoutContext(outline: Outline, templates: TemplateSet, sourcePath: string, warnings: Warnings, missingImages?: ContentContext['missingImages']): HandoutContext {
  const ctx: ContentContext = { outline, sourcePath, warnings, missingImages };
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
  };
}

export function fillHandout(outline: Outline, templates: TemplateSet, sourcePath: string, warnings: Warnings): string {
  return templates.render('handout', handoutContext(outline, templates, sourcePath, warnings));
}
