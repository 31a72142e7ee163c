/**
 * One source through every stage: read → parse → outline → fill → render (HTML and PDF).
 * Nothing is written here; the caller writes outputs only when every stage succeeded.
 */
import path from 'node:path';
import { Warnings } from '../diagnostics.js';
import { displayPath, readSource, type Source } from '../read/readSource.js';
import { parseSource } from '../parse/parseSource.js';
import { buildOutline } from '../outline/buildOutline.js';
import type { Outline } from '../outline/outline.js';
import { fillHandout } from '../fill/fillHandout.js';
import type { TemplateSet } from '../fill/templates.js';
import { renderPdf } from '../render/pdf/renderPdf.js';
import type { PaperSize } from '../read/frontMatter.js';
import { buildDate } from './reproducible.js';
import { checkOutline, type CheckOptions, type HandoutCheck } from '../check/checkHandout.js';

export interface BuiltDocument {
  source: Source;
  outline: Outline;
  html: string;
  pdf: Buffer;
  pages: number;
  /** The health-literacy check; its glossary terms and next review date are printed in the handout. */
  check: HandoutCheck;
}

export function outlineOf(sourcePath: string, warnings: Warnings): { source: Source; outline: Outline } {
  const source = readSource(sourcePath, warnings);
  const outline = buildOutline(source, parseSource(source));
  return { source, outline };
}

export async function buildDocument(sourcePath: string, templates: TemplateSet, paper: PaperSize | undefined, warnings: Warnings, checkOptions: CheckOptions): Promise<BuiltDocument> {
  const { source, outline } = outlineOf(sourcePath, warnings);
  const check = checkOutline(outline, path.resolve(sourcePath), source.text, checkOptions);
  const html = fillHandout(outline, templates, path.resolve(sourcePath), warnings, { wordsToKnow: check.wordsToKnow, nextReview: check.review.nextReview });
  const { meta } = outline;
  const { pdf, pages } = await renderPdf(html, {
    paper: paper ?? meta.paper ?? 'letter',
    info: {
      title: outline.title,
      author: meta.author ?? meta.organisation,
      subject: meta.description ?? meta.subtitle,
      keywords: meta.keywords,
      lang: meta.lang,
      date: buildDate(meta.reviewed),
    },
    templateFile: displayPath(templates.fileOf('handout')),
    stylesheet: templates.stylesheet,
    warnings,
  });
  return { source, outline, html, pdf, pages, check };
}
