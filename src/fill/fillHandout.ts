/**
 * Fill stage: an Outline → what the templates are filled with. Content is turned into HTML here;
 * the template (handout.hbs, study-guide.hbs, summary-sheet.hbs) decides where it goes.
 */
import { NotRegularFileError, readRegularFile } from '../read/regularFile.js';
import { hashBytes } from '../hash.js';
import { HandoutError, type Warnings } from '../diagnostics.js';
import { toString } from 'mdast-util-to-string';
import type { FootnoteDefinition, Heading } from 'mdast';
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import Handlebars from 'handlebars';
import { visit } from '../visitTree.js';
import type { Block, Outline, Section, SummaryTable } from '../outline/outline.js';
import { blocksInReadingOrder } from '../outline/outline.js';
import { withColumns } from '../outline/summary/summaryTable.js';
import { blocksToHtml, unreferencedNotesHtml, type ContentContext } from './contentToHtml.js';
import type { TemplateSet } from './templates.js';
import { joinStylesheets, stylesheetsFor } from './stylesheets.js';
import { PaperLinks, type LinkNote } from './linksOnPaper.js';

export const GENERATOR = 'handout';
/** Columns of the at-a-glance table inside the handout, besides the parts' names. */
const HANDOUT_COLUMNS = 3;

export interface FilledSection {
  title: string;
  /** The heading's content as HTML: the title, escaped, or the written heading with its footnote calls. */
  titleHtml: string;
  slug: string;
  level: number;
  kind: Section['kind'];
  inferred: boolean;
  html: string;
  sections: FilledSection[];
  /** HTML after the subsections (inferred outlines). */
  closing: string;
  /**
   * The ids that name the section as a landmark (aria-labelledby): its heading's, after its
   * parents' when another section has the same title ("Treatment" under two conditions); none when
   * even that would not tell it apart. Landmarks of one name cannot be told apart by a screen reader.
   */
  labelledBy?: string;
}

export interface HandoutContext {
  lang: string;
  /** The writing direction of the language: "rtl" for Arabic, Hebrew, Persian, Urdu …, else "ltr". */
  dir: 'ltr' | 'rtl';
  title: string;
  /** The title as HTML (see FilledSection.titleHtml). */
  titleHtml: string;
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
  /** The build keeps remote images (`--remote-images keep`): the page's policy lets them load. */
  allowRemoteImages: boolean;
  /** Glossary terms the handout uses, in order of first use: the "Words to know" box. */
  wordsToKnow: { term: string; definition: string }[];
  /** ISO date of the next review, for the running footer. */
  nextReview?: string;
  /** With `links: notes`: the addresses of the handout's links, numbered, for "Links in this handout". */
  linkNotes: LinkNote[];
  /** The organisation's logo (`logo:`), embedded as a data URL. */
  logo?: string;
  /** The web copy of this handout (`url:`, or the settings file's `web-base-url` + the slug): its QR code goes on page 1. */
  webCopy?: { url: string; address: string };
}

export interface FillOptions {
  /** Collects the files read besides the source (images), each with the hash of the bytes read. */
  dependencies?: Map<string, string>;
  /** A missing or unsupported image: an error (default), or a warning and its alt text printed. */
  missingImages?: ContentContext['missingImages'];
  /** A remote image: its alt text (default), or kept for the browser to load. */
  remoteImages?: ContentContext['remoteImages'];
  /** The source's text, so raw HTML in it keeps its line numbers. */
  sourceText?: string;
}

/** What the check stage adds to a handout's page. */
export interface HandoutExtras {
  wordsToKnow?: { term: string; definition: string }[];
  nextReview?: string;
}

export function handoutContext(outline: Outline, templates: TemplateSet, sourcePath: string, warnings: Warnings, options: FillOptions = {}, extras: HandoutExtras = {}): HandoutContext {
  const { dependencies, remoteImages } = options;
  const webCopy = webCopyOf(outline);
  const { titleHtml, intro, sections, closing, links } = fillContent(outline, sourcePath, warnings, options);
  return {
    lang: outline.meta.lang,
    dir: directionOf(outline.meta.lang),
    title: outline.title,
    titleHtml,
    slug: outline.slug,
    meta: outline.meta,
    intro,
    sections,
    objectives: sections.find((s) => s.kind === 'objectives'),
    keyTerms: sections.find((s) => s.kind === 'key-terms'),
    mainSections: sections.filter((s) => s.kind !== 'objectives' && s.kind !== 'key-terms'),
    boldTerms: boldTerms(outline),
    closing,
    words: outline.words,
    // A portrait page has room for the key fact and two questions; the one-page sheet has them all.
    atAGlance: outline.atAGlance && withColumns(outline.atAGlance, HANDOUT_COLUMNS),
    showAtAGlance: !!outline.atAGlance && outline.meta.summary?.show !== false && !hasOwnAtAGlance(outline.sections),
    stylesheet: joinStylesheets(stylesheetsFor(templates, outline.meta)),
    generator: GENERATOR,
    allowRemoteImages: remoteImages === 'keep',
    wordsToKnow: (extras.wordsToKnow ?? []).map(({ term, definition }) => ({ term, definition })),
    nextReview: extras.nextReview,
    linkNotes: links.style === 'notes' ? links.notes : [],
    logo: outline.meta.logo ? logoDataUrl(outline.meta.logo, outline.file, dependencies) : undefined,
    webCopy: webCopy ? { url: webCopy, address: links.addressOf(webCopy) ?? webCopy } : undefined,
  };
}

/**
 * The handout's content as HTML: its intro, sections and closing (with the notes nothing refers
 * to). What it warns of (a footnote never referred to, raw HTML removed, an image left out) is
 * what `handout check` reports too, so check and build say the same.
 */
export function fillContent(outline: Outline, sourcePath: string, warnings: Warnings, options: FillOptions = {}): { titleHtml: string; intro: string; sections: FilledSection[]; closing: string; links: PaperLinks } {
  const { dependencies, missingImages, remoteImages, sourceText } = options;
  const links = new PaperLinks(outline.meta.links ?? 'after', outline.meta.webBaseUrl);
  const ctx: ContentContext = { outline, sourcePath, sourceText, warnings, dependencies, missingImages, remoteImages, links };
  const fillSection = (s: Section): FilledSection => {
    const heading = headingHtml(s.title, s.heading, ctx);
    return {
      title: s.title,
      titleHtml: heading.html,
      slug: s.slug,
      level: s.level,
      kind: s.kind,
      inferred: s.inferred === true,
      html: heading.notes + blocksToHtml(s.blocks, ctx),
      sections: s.sections.map(fillSection),
      closing: blocksToHtml(s.closing ?? [], ctx),
    };
  };
  // In reading order, so numbered link notes count up down the page.
  const title = headingHtml(outline.title, outline.titleHeading, ctx);
  const intro = title.notes + blocksToHtml(outline.intro, ctx);
  const sections = outline.sections.map(fillSection);
  labelLandmarks(sections);
  // Last, so the notes nothing refers to come after those the text does.
  const closing = blocksToHtml(outline.closing, ctx) + unreferencedNotesHtml(footnotesReferred(outline), ctx);
  warnOfUnusedLinkDefinitions(outline, warnings);
  return { titleHtml: title.html, intro, sections, closing, links };
}

/**
 * `[Important]: Fasting` on a line of its own is a link's definition in Markdown: it prints
 * nothing, and is meant for a `[text][Important]` elsewhere. One that nothing uses is most likely
 * text the reader was meant to see, lost without a word: it is told, at its line. So is a note's
 * call that no definition answers.
 */
function warnOfUnusedLinkDefinitions(outline: Outline, warnings: Warnings): void {
  const used = new Set<string>();
  const nodes = [...textOf(outline), ...outline.definitions];
  const notes = new Set(outline.definitions.flatMap((d) => (d.type === 'footnoteDefinition' ? [d.identifier] : [])));
  for (const node of nodes) {
    visit(node, (n: { type: string; identifier?: string; value?: string; position?: { start: { line: number } } }) => {
      if ((n.type === 'linkReference' || n.type === 'imageReference') && n.identifier) used.add(n.identifier);
      // A call of a note no line defines stays text, "[^nodef]", printed as written: the author is told.
      if (n.type === 'text' && n.value?.includes('[^')) {
        for (const m of n.value.matchAll(/\[\^([^\]\s]+)\]/g)) {
          if (!notes.has(m[1].toLowerCase())) warnings.add(`${m[0]} calls a footnote that is not defined, so it prints as written (define it on a line of its own: ${m[0]}: the note)`, { file: outline.file, line: n.position?.start.line });
        }
      }
    });
  }
  for (const d of outline.definitions) {
    if (d.type !== 'definition' || used.has(d.identifier)) continue;
    const written = `[${d.label ?? d.identifier}]: ${d.url}`;
    warnings.add(`${written} is a link definition that nothing refers to, so it is not printed (to print it as text, write \\[${d.label ?? d.identifier}]: …)`, { file: outline.file, line: d.position?.start.line });
  }
}

/** Sets each section's labelledBy (see FilledSection): its own heading, else its parents' and its own, else none. */
function labelLandmarks(sections: FilledSection[]): void {
  const all: { section: FilledSection; path: FilledSection[] }[] = [];
  const walk = (list: FilledSection[], path: FilledSection[]) => list.forEach((s) => (all.push({ section: s, path }), walk(s.sections, [...path, s])));
  walk(sections, []);
  const name = (list: FilledSection[]) => list.map((s) => s.title.trim().toLowerCase()).join(' ');
  const count = (names: string[]) => names.reduce((m, n) => m.set(n, (m.get(n) ?? 0) + 1), new Map<string, number>());
  const own = count(all.map(({ section }) => name([section])));
  const withParents = count(all.map(({ section, path }) => name([...path, section])));
  for (const { section, path } of all) {
    // A heading written empty (`##` alone) is not printed: it names nothing.
    if (!section.title.trim()) continue;
    if (own.get(name([section])) === 1) section.labelledBy = section.slug;
    else if (path.length && withParents.get(name([...path, section])) === 1) section.labelledBy = [...path, section].map((s) => s.slug).join(' ');
  }
}

/**
 * A heading's content as HTML: its text, escaped; or, for a written heading that calls footnotes,
 * the heading as written (`html`) and the notes it calls (`notes`: mdast-util-to-hast's section of
 * them, gathered with the others by footnotes.ts), to be put in the section's content.
 */
function headingHtml(title: string, heading: Heading | undefined, ctx: ContentContext): { html: string; notes: string } {
  // Escaped as the template would have escaped the title itself.
  if (!heading) return { html: Handlebars.Utils.escapeExpression(title), notes: '' };
  let html = '';
  const notes = blocksToHtml([{ type: 'paragraph', children: heading.children, position: heading.position }], ctx, (tree) => {
    const first = tree.children.findIndex((c) => c.type === 'element' && c.tagName === 'p');
    if (first < 0) return;
    html = toHtml((tree.children[first] as Element).children);
    tree.children.splice(first, 1);
  });
  return { html, notes };
}

/** The handout's text as written: its blocks in reading order, and the headings kept as written (title and sections). */
function textOf(outline: Outline): (Block | Heading)[] {
  const headings = (sections: Section[]): Heading[] => sections.flatMap((s) => [...(s.heading ? [s.heading] : []), ...headings(s.sections)]);
  return [...[...blocksInReadingOrder(outline)].map((b) => b.block), ...(outline.titleHeading ? [outline.titleHeading] : []), ...headings(outline.sections)];
}

/** The footnotes the handout's text (or another note, or a heading) refers to, by identifier. */
function footnotesReferred(outline: Outline): Set<string> {
  const ids = new Set<string>();
  for (const block of textOf(outline)) visit(block, 'footnoteReference', (node: { identifier: string }) => void ids.add(node.identifier));
  // And the notes those notes call, and theirs: notes that call only each other ("see[^d]" in [^c],
  // "see[^c]" in [^d]) are reached from nowhere, and were printed nowhere.
  const notes = new Map(outline.definitions.filter((d): d is FootnoteDefinition => d.type === 'footnoteDefinition').map((d) => [d.identifier, d]));
  for (const id of ids) {
    const note = notes.get(id);
    if (note) visit(note, 'footnoteReference', (node: { identifier: string }) => void ids.add(node.identifier)); // a Set visits what is added while it is walked
  }
  return ids;
}

/** `url:` in front matter, else the settings file's web base URL and the handout's HTML file. */
function webCopyOf(outline: Outline): string | undefined {
  const { url, webBaseUrl } = outline.meta;
  if (url) return url;
  return webBaseUrl ? `${webBaseUrl.replace(/\/+$/, '')}/${outline.slug}.html` : undefined;
}

/** The logo file (already resolved to an absolute path by the read stage) as a data URL; PNG or JPEG only, so both outputs can show it. */
export function logoDataUrl(file: string, source: string, dependencies?: Map<string, string>): string {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file); // never a FIFO or device: see regularFile.ts
  } catch (e) {
    throw new HandoutError(`cannot read the logo ${file}: ${e instanceof NotRegularFileError ? `it is ${e.kind}` : ((e as NodeJS.ErrnoException).code ?? e)}`, { file: source }, 'give a PNG or JPEG file');
  }
  const type = bytes.subarray(0, 8).equals(PNG_SIGNATURE) ? 'image/png' : bytes[0] === 0xff && bytes[1] === 0xd8 ? 'image/jpeg' : undefined;
  if (!type) throw new HandoutError(`the logo ${file} is not a PNG or JPEG image`, { file: source }, 'save it as PNG or JPEG');
  dependencies?.set(file, hashBytes(bytes)); // the bytes embedded are the bytes hashed
  return `data:${type};base64,${bytes.toString('base64')}`;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

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
  return sections.some((s) => /\bat a glance\b|\bde un vistazo\b/i.test(s.title) || hasOwnAtAGlance(s.sections));
}

/** Languages written right to left (their BCP 47 primary subtags): the web page says so, so a browser lays them out that way. */
const RIGHT_TO_LEFT = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ckb']);

export function directionOf(lang: string): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(lang.toLowerCase().split('-')[0]) ? 'rtl' : 'ltr';
}
