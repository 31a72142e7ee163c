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
import { handoutContext } from '../fill/fillHandout.js';
import type { TemplateSet, Variant } from '../fill/templates.js';
import { renderPdf } from '../render/pdf/renderPdf.js';
import type { PaperSize } from '../read/frontMatter.js';
import { buildDate } from './reproducible.js';

export interface BuiltDocument {
  source: Source;
  outline: Outline;
  html: string;
  pdf: Buffer;
  pages: number;
  /** Other editions built from the same source (large print), each its own PDF. */
  editions: { variant: Variant; pdf: Buffer; pages: number }[];
}

export interface DocumentOptions {
  /** Overrides the source's own paper size. */
  paper?: PaperSize;
  /** Also build this edition; the source's `variant:` asks for it too. */
  variant?: Variant;
  /** PDF/A for records (see renderPdf). */
  archive?: boolean;
  /** 'alt': a missing image is a warning and its alt text is printed, instead of an error. */
  missingImages?: 'error' | 'alt';
}

export function outlineOf(sourcePath: string, warnings: Warnings): { source: Source; outline: Outline } {
  const source = readSource(sourcePath, warnings);
  const outline = buildOutline(source, parseSource(source));
  return { source, outline };
}

export async function buildDocument(sourcePath: string, templates: TemplateSet, options: DocumentOptions, warnings: Warnings): Promise<BuiltDocument> {
  const { source, outline } = outlineOf(sourcePath, warnings);
  // Content is turned into HTML once; each edition only changes the stylesheet it is printed with.
  const context = handoutContext(outline, templates, path.resolve(sourcePath), warnings, options.missingImages);
  const html = templates.render('handout', context);
  const { meta } = outline;
  const common = {
    paper: options.paper ?? meta.paper ?? 'letter',
    info: {
      title: outline.title,
      author: meta.author ?? meta.organisation,
      subject: meta.description ?? meta.subtitle,
      keywords: meta.keywords,
      lang: meta.lang,
      date: buildDate(meta.reviewed),
    },
    archive: options.archive,
    templateFile: displayPath(templates.fileOf('handout')),
    documentFile: displayPath(sourcePath),
    stylesheet: templates.stylesheet,
    warnings,
  };
  const { pdf, pages } = await renderPdf(html, common);
  const editions: BuiltDocument['editions'] = [];
  const variant = options.variant ?? meta.variant;
  if (variant) {
    const sheet = templates.variantStylesheet(variant);
    const variantHtml = templates.render('handout', { ...context, variant, stylesheet: `${context.stylesheet}\n${sheet.css}` });
    editions.push({ variant, ...(await renderPdf(variantHtml, { ...common, variantStylesheet: sheet })) });
  }
  return { source, outline, html, pdf, pages, editions };
}
