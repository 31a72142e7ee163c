/**
 * One document, rendered to the bytes of its outputs: plain, cloneable data, so it can come back
 * from a worker thread. Errors come back as data too, never thrown across the thread boundary.
 */
import { HandoutError, Warnings, type Warning } from '../diagnostics.js';
import { VARIANTS, type TemplateSet } from '../fill/templates.js';
import type { HandoutCheck } from '../check/checkHandout.js';
import { displayPath } from '../read/sourceFiles.js';
import type { DocumentOptions } from './buildDocument.js';

export interface DocumentRow {
  title: string;
  subtitle?: string;
  slug: string;
  audience?: string;
  lang: string;
  version?: string;
  reviewed?: string;
  pages: number;
  words: number;
  pdf: string;
  html: string;
  /** The at-a-glance sheet, when the handout has one. */
  summaryPdf?: string;
  summaryHtml?: string;
  /** The large-print PDF, when one was built. */
  largePrint?: string;
  /** Reading grade (English: the higher of Flesch-Kincaid and SMOG; Spanish: from Fernández Huerta), each score, and the target; none when not measured. */
  grade?: number;
  fleschKincaid?: number;
  smog?: number;
  fernandezHuerta?: number;
  readingFormula?: HandoutCheck['readingLevel']['formula'];
  readingStatus: HandoutCheck['readingLevel']['status'];
  targetGrade: number;
  meetsTarget?: boolean;
  nextReview?: string;
  reviewStatus: HandoutCheck['review']['status'];
}

export interface ErrorData {
  message: string;
  file: string;
  line?: number;
  column?: number;
  hint?: string;
}

export interface RenderedDocument {
  file: string;
  ok: boolean;
  slug?: string;
  row?: DocumentRow;
  /** Output file names (inside the output folder) and their contents. */
  files: { name: string; data: Uint8Array | string }[];
  /** Files read besides the source, with the hash of the bytes read. */
  dependencies: Record<string, string>;
  warnings: Warning[];
  error?: ErrorData;
  ms: number;
  /** The health-literacy check (plain data). */
  check?: HandoutCheck;
}

/** `bytes`: the source's contents as the build read and hashed them (read from disk when not given). */
export async function renderDocument(sourcePath: string, templates: TemplateSet, options: DocumentOptions, bytes?: Uint8Array): Promise<RenderedDocument> {
  const t0 = performance.now();
  const warnings = new Warnings();
  const file = displayPath(sourcePath);
  try {
    // Loaded on first use: a build where nothing changed never loads the stages.
    const { buildDocument } = await import('./buildDocument.js');
    const doc = await buildDocument(sourcePath, templates, options, warnings, bytes);
    const { outline } = doc;
    const { slug, meta: m } = outline;
    const files: RenderedDocument['files'] = [
      { name: `${slug}.pdf`, data: doc.pdf },
      { name: `${slug}.html`, data: doc.html },
    ];
    if (doc.summarySheet) {
      files.push({ name: `${slug}.summary.pdf`, data: doc.summarySheet.pdf }, { name: `${slug}.summary.html`, data: doc.summarySheet.html });
    }
    for (const e of doc.editions) files.push({ name: `${slug}${VARIANTS[e.variant].suffix}.pdf`, data: e.pdf });
    const large = doc.editions.find((e) => e.variant === 'large-print');
    return {
      file,
      ok: true,
      slug,
      files,
      dependencies: doc.dependencies,
      warnings: warnings.list,
      ms: performance.now() - t0,
      row: {
        title: outline.title, subtitle: m.subtitle, slug, audience: m.audience, lang: m.lang, version: m.version,
        reviewed: m.reviewed, pages: doc.pages, words: outline.words, pdf: `${slug}.pdf`, html: `${slug}.html`,
        summaryPdf: doc.summarySheet ? `${slug}.summary.pdf` : undefined,
        summaryHtml: doc.summarySheet ? `${slug}.summary.html` : undefined,
        largePrint: large ? `${slug}${VARIANTS[large.variant].suffix}.pdf` : undefined,
        ...checkRow(doc.check),
      },
      check: doc.check,
    };
  } catch (e) {
    const err = asHandoutError(e, file);
    return { file, ok: false, files: [], dependencies: {}, warnings: warnings.list, error: errorData(err), ms: performance.now() - t0 };
  }
}

/** What the collection summary shows of a handout's check. */
function checkRow(check: HandoutCheck) {
  const level = check.readingLevel;
  return {
    grade: level.grade, fleschKincaid: level.fleschKincaid, smog: level.smog, fernandezHuerta: level.fernandezHuerta,
    readingFormula: level.formula, readingStatus: level.status, targetGrade: level.target, meetsTarget: level.meetsTarget,
    nextReview: check.review.nextReview, reviewStatus: check.review.status,
  };
}

export function errorData(e: HandoutError): ErrorData {
  return { message: e.message, file: e.file, line: e.line, column: e.column, hint: e.hint };
}

export function toHandoutError(d: ErrorData): HandoutError {
  return new HandoutError(d.message, { file: d.file, line: d.line, column: d.column }, d.hint);
}

/** Anything that is not already a HandoutError is a bug of ours: say so, with the file, not a stack. */
export function asHandoutError(e: unknown, file: string): HandoutError {
  if (e instanceof HandoutError) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (process.env.HANDOUT_DEBUG && e instanceof Error) console.error(e.stack);
  return new HandoutError(`internal error: ${message}`, { file }, 'please report this; HANDOUT_DEBUG=1 shows details');
}
