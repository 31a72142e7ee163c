/**
 * `handout packet`: several handouts as one PDF for a print room or a new-patient pack. Each
 * handout is built as usual, then the PDFs are joined (pdf-lib) behind a contents page that gives
 * each title and the page it starts on; each handout starts on a fresh page (an odd one with
 * `duplex`, so it starts on the front of a sheet), has one bookmark, and the pages are labelled
 * (contents i, ii …; then 1, 2 … as the contents page counts them).
 *
 * The handouts' own PDFs stay the tagged, accessible copies: joining keeps their pages and text
 * but not their structure trees.
 */
import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { NotRegularFileError, readRegularFile, readRegularFileIfAny } from '../read/regularFile.js';
import path from 'node:path';
import { PDFDocument, PDFHexString, PDFName, type PDFPage, type PDFRef } from 'pdf-lib';
import { HandoutError, Warnings, type Warning } from '../diagnostics.js';
import { buildDocument, type DocumentOptions } from '../document/buildDocument.js';
import { discoverSources } from '../collection/discover.js';
import { asHandoutError } from '../document/renderDocument.js';
import { buildDate } from '../document/reproducible.js';
import { writeAtomic } from '../collection/writeAtomic.js';
import { GENERATOR, logoDataUrl } from '../fill/fillHandout.js';
import { labelsFor } from '../fill/labels.js';
import { joinStylesheets, stylesheetsFor } from '../fill/stylesheets.js';
import type { TemplateSet } from '../fill/templates.js';
import { displayPath } from '../read/sourceFiles.js';
import { settingsFor } from '../options/config.js';
import type { PaperSize } from '../options/schema.js';
import { renderPdf } from '../render/pdf/renderPdf.js';

export interface PacketOptions {
  /** Source files or folders, in packet order; or none, with `list`. */
  inputs: string[];
  /** A packet list file: one source (or folder) a line, relative to the list; `#` starts a comment. */
  list?: string;
  out: string;
  /** Each handout starts on an odd page (a blank page is added before it when needed). */
  duplex?: boolean;
  /** The contents page's title; the settings file's organisation or "Handouts" otherwise. */
  title?: string;
  document: DocumentOptions;
}

export interface PacketEntry {
  file: string;
  title: string;
  subtitle?: string;
  /** The packet page (as labelled) the handout starts on. */
  page: number;
  pages: number;
}

export interface PacketReport {
  ok: boolean;
  entries: PacketEntry[];
  /** Pages in the packet, blank ones included. */
  pages: number;
  contentsPages: number;
  blankPages: number;
  errors: HandoutError[];
  warnings: Warning[];
}

/**
 * The packet is written only where it replaces nothing of the user's: not one of its own sources
 * or its list (`--out content/flu.md` wrote a PDF over the handout's text), and not a file that is
 * not a PDF (a PDF there is taken to be an earlier packet, replaced whole, as a build replaces its outputs).
 */
function refuseToReplace(out: string, inputs: string[]): void {
  const real = (file: string) => {
    try {
      return realpathSync(file);
    } catch {
      return path.resolve(file);
    }
  };
  if (!existsSync(out) || lstatSync(out).isDirectory()) return; // a folder fails the write, naming it
  const target = real(out);
  const input = inputs.find((f) => real(f) === target);
  if (input) {
    throw new HandoutError(`the packet would be written over ${displayPath(input)}, which it is made from; nothing is written`, { file: displayPath(out) }, 'give --out a name of its own, such as packet.pdf');
  }
  const head = readRegularFileIfAny(out)?.subarray(0, 5).toString('latin1');
  if (head !== '%PDF-') {
    throw new HandoutError(`${displayPath(out)} is not a PDF, so not an earlier packet; it is not overwritten`, { file: displayPath(out) }, 'move it away, or give --out another name');
  }
}

/** The sources in packet order: the list file's lines, else the inputs (folders in name order). */
export function packetSources(options: Pick<PacketOptions, 'inputs' | 'list'>, warnings?: Warnings): string[] {
  if (!options.list) return discoverSources(options.inputs, warnings);
  let text: string;
  try {
    text = readRegularFile(options.list).toString('utf8'); // never a FIFO, which would block for ever
  } catch (e) {
    const why = e instanceof NotRegularFileError ? `it is ${e.kind}` : ((e as NodeJS.ErrnoException).code ?? e);
    throw new HandoutError(`cannot read the packet list: ${why}`, { file: displayPath(options.list) }, 'a packet list is a text file, one source or folder a line');
  }
  const base = path.dirname(path.resolve(options.list));
  const sources: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    try {
      sources.push(...discoverSources([path.resolve(base, line)], warnings));
    } catch (e) {
      // A broken link or a loop says so; anything else is a path that is not there.
      const why = e instanceof HandoutError && e.message !== 'no such file or folder' ? `${line}: ${e.message}` : `no such file or folder: ${line}`;
      throw new HandoutError(why, { file: displayPath(options.list!), line: i + 1 }, 'paths in a packet list are relative to the list');
    }
  });
  return [...new Set(sources)];
}

export async function buildPacket(options: PacketOptions, templates: TemplateSet): Promise<PacketReport> {
  const warnings = new Warnings();
  const sources = packetSources(options, warnings);
  if (!sources.length) throw new HandoutError('no handouts to put in the packet', { file: options.list ? displayPath(options.list) : options.inputs.join(' ') || '.' });
  refuseToReplace(path.resolve(options.out), [...sources, ...(options.list ? [options.list] : [])]);
  const errors: HandoutError[] = [];
  const built: { file: string; title: string; subtitle?: string; pdf: Uint8Array; pages: number; reviewed?: string }[] = [];
  for (const sourcePath of sources) {
    const docWarnings = new Warnings();
    try {
      const doc = await buildDocument(sourcePath, templates, options.document, docWarnings);
      built.push({ file: doc.source.file, title: doc.outline.title, subtitle: doc.outline.meta.subtitle, pdf: doc.pdf, pages: doc.pages, reviewed: doc.outline.meta.reviewed });
    } catch (e) {
      errors.push(asHandoutError(e, displayPath(sourcePath)));
    }
    for (const w of docWarnings.list) warnings.add(w.message, w);
  }
  const report = { ok: false, entries: [] as PacketEntry[], pages: 0, contentsPages: 0, blankPages: 0, errors, warnings: warnings.list };
  // A packet missing a handout is not a packet: the earlier one is kept.
  if (errors.length) return report;

  const settings = settingsFor(sources[0]).settings;
  const lang = 'en';
  const title = options.title ?? settings.organisation ?? labelsFor(lang).handouts;
  const logo = settings.logo ? logoDataUrl(settings.logo, displayPath(settingsFor(sources[0]).file ?? sources[0])) : undefined;
  const latest = built.map((b) => b.reviewed).filter((r): r is string => !!r).sort().pop();

  // The contents page's length decides where the handouts start, and so the numbers it prints.
  let contentsPages = 1;
  let contents: { pdf: Uint8Array; pages: number } | undefined;
  let plan: ReturnType<typeof layoutPacket> | undefined;
  for (let attempt = 0; attempt < 4; attempt++) {
    plan = layoutPacket(built.map((b) => b.pages), contentsPages, options.duplex === true);
    const entries = built.map((b, i) => ({ title: b.title, subtitle: b.subtitle, page: plan!.starts[i] }));
    contents = await renderContents(templates, { title, lang, entries, organisation: settings.organisation !== title ? settings.organisation : undefined, logo, latest, paper: options.document.paper ?? settings.paper }, warnings);
    if (contents.pages === contentsPages) break;
    contentsPages = contents.pages;
  }
  if (!contents || !plan || contents.pages !== contentsPages) throw new HandoutError('the contents page did not settle on a length', { file: 'packet' });

  const packet = await PDFDocument.create({ updateMetadata: false });
  const append = async (bytes: Uint8Array) => {
    const source = await PDFDocument.load(bytes, { updateMetadata: false });
    const pages = await packet.copyPages(source, source.getPageIndices());
    return pages.map((p) => packet.addPage(p));
  };
  const contentsFirst = (await append(contents.pdf))[0];
  const firstPages: PDFPage[] = [];
  let blankPages = 0;
  for (let i = 0; i < built.length; i++) {
    for (let b = 0; b < plan.blanksBefore[i]; b++) {
      const last = packet.getPage(packet.getPageCount() - 1);
      packet.addPage([last.getWidth(), last.getHeight()]);
      blankPages++;
    }
    firstPages.push((await append(built[i].pdf))[0]);
  }
  addBookmarks(packet, [{ title: labelsFor(lang).contents, page: contentsFirst }, ...built.map((b, i) => ({ title: b.title, page: firstPages[i] }))]);
  addPageLabels(packet, contentsPages);
  const date = buildDate(latest);
  packet.setTitle(title, { showInWindowTitleBar: true });
  packet.setLanguage(lang);
  packet.setCreator(GENERATOR);
  packet.setProducer(GENERATOR);
  packet.setCreationDate(date);
  packet.setModificationDate(date);
  writeAtomic(path.resolve(options.out), await packet.save());
  return {
    ok: true,
    entries: built.map((b, i) => ({ file: b.file, title: b.title, subtitle: b.subtitle, page: plan!.starts[i], pages: b.pages })),
    pages: packet.getPageCount(),
    contentsPages,
    blankPages,
    errors,
    warnings: warnings.list,
  };
}

/**
 * Where each handout starts, as the pages are labelled (1 is the first page after the contents),
 * and how many blank pages go before it: with duplex, each starts on an odd sheet side of the
 * whole packet (the contents included), so on the front of a sheet.
 */
export function layoutPacket(pages: number[], contentsPages: number, duplex: boolean): { starts: number[]; blanksBefore: number[] } {
  let physical = contentsPages + 1; // 1-based physical page the next handout starts on
  const starts: number[] = [];
  const blanksBefore: number[] = [];
  for (const count of pages) {
    const blank = duplex && physical % 2 === 0 ? 1 : 0;
    physical += blank;
    blanksBefore.push(blank);
    starts.push(physical - contentsPages);
    physical += count;
  }
  return { starts, blanksBefore };
}

async function renderContents(
  templates: TemplateSet,
  data: { title: string; lang: string; entries: { title: string; subtitle?: string; page: number }[]; organisation?: string; logo?: string; latest?: string; paper?: PaperSize },
  warnings: Warnings,
): Promise<{ pdf: Uint8Array; pages: number }> {
  const [stylesheet, ...layers] = stylesheetsFor(templates, {});
  const html = templates.render('packet-contents', { ...data, generator: GENERATOR, stylesheet: joinStylesheets([stylesheet, ...layers]), meta: {} });
  const { pdf, pages } = await renderPdf(html, {
    paper: data.paper ?? 'letter',
    info: { title: data.title, lang: data.lang, date: buildDate(data.latest) },
    templateFile: displayPath(templates.fileOf('packet-contents')),
    stylesheet,
    layers,
    warnings,
  });
  return { pdf, pages };
}

/** One top-level bookmark per handout (and the contents), each opening its first page. */
function addBookmarks(doc: PDFDocument, marks: { title: string; page: PDFPage }[]): void {
  const ctx = doc.context;
  const outlines = ctx.nextRef();
  const refs: PDFRef[] = marks.map(() => ctx.nextRef());
  marks.forEach((m, i) => {
    const item = ctx.obj({
      Title: PDFHexString.fromText(m.title),
      Parent: outlines,
      Dest: [m.page.ref, 'Fit'],
      ...(i > 0 ? { Prev: refs[i - 1] } : {}),
      ...(i < marks.length - 1 ? { Next: refs[i + 1] } : {}),
    });
    ctx.assign(refs[i], item);
  });
  ctx.assign(outlines, ctx.obj({ Type: 'Outlines', First: refs[0], Last: refs[refs.length - 1], Count: refs.length }));
  doc.catalog.set(PDFName.of('Outlines'), outlines);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** Contents pages i, ii …; then 1, 2 … to the end, the numbers the contents page prints. */
function addPageLabels(doc: PDFDocument, contentsPages: number): void {
  doc.catalog.set(PDFName.of('PageLabels'), doc.context.obj({ Nums: [0, { S: 'r' }, contentsPages, { S: 'D', St: 1 }] }));
}
