/**
 * Draw: paginated slices → PDF pages with pdfkit. The only part of the renderer that touches
 * pdfkit, organised like pdfkit's own mixins: frames (backgrounds, borders), text, images,
 * navigation (bookmarks, destinations, links), and tagging (the structure tree).
 */
import { withoutControlCharacters } from '../../controlCharacters.js';
import PDFDocument from 'pdfkit';
import { addBookmark, addNamedDestination } from './destinations.js';
import type { FontFace } from './fonts.js';
import { drawVector } from './vector.js';
import { NOTES_GAP, notesHeight, RULE, type Note } from './footnotes.js';
import { drawSvg } from './svg.js';
import type { Page, PlacedSlice } from './paginate.js';
import type { PdfInfo } from './renderPdf.js';
import { shapeWord, wordsOf } from './shape.js';
import type { DrawItem, Frame, StructNode } from './slices.js';

type Doc = InstanceType<typeof PDFDocument>;
type PdfOutline = ReturnType<Doc['outline']['addItem']>;
type StructElement = ReturnType<Doc['struct']>;
type StructContent = ReturnType<Doc['markStructureContent']>;

/** Artifact types (PDF 32000-1, 14.8.2.2): page furniture, or decoration of the layout. */
export type ArtifactType = 'Pagination' | 'Layout';

/**
 * Tagged PDF: wraps what is drawn in marked content, either as the content of a structure element
 * (from the item's StructNode) or as an artifact. Structure elements are made when their first
 * content is drawn, so the tree's order is the order of the pages, and nothing empty is tagged.
 */
class Tagger {
  private elements = new Map<StructNode, StructElement>();
  private openLinks = new Set<StructNode>();
  private open?: { node: StructNode; content: StructContent } | { artifact: ArtifactType };

  constructor(private doc: Doc) {}

  element(node: StructNode, bbox?: [number, number, number, number]): StructElement {
    let el = this.elements.get(node);
    if (!el) {
      const options: Record<string, unknown> = {};
      if (node.alt !== undefined) options.alt = node.alt;
      if (node.scope) options.scope = node.scope;
      if (bbox) options.bbox = bbox;
      el = this.doc.struct(node.role, options);
      if (node.parent) this.element(node.parent).add(el);
      else this.doc.addStructure(el);
      this.elements.set(node, el);
      if (node.role === 'Link') this.openLinks.add(node);
    }
    return el;
  }

  /** What is drawn next is content of `node`. */
  content(node: StructNode, bbox?: [number, number, number, number]): void {
    if (this.open && 'node' in this.open && this.open.node === node) return;
    this.close();
    this.element(node, bbox);
    this.endLinks(node);
    this.open = { node, content: this.doc.markStructureContent(node.role) };
  }

  /** What is drawn next is an artifact: not read out, not part of the text. */
  artifact(type: ArtifactType): void {
    if (this.open && 'artifact' in this.open && this.open.artifact === type) return;
    this.close();
    this.doc.markContent('Artifact', { type } as never);
    this.open = { artifact: type };
  }

  close(): void {
    if (!this.open) return;
    this.doc.endMarkedContent();
    if ('node' in this.open) this.elements.get(this.open.node)!.add(this.open.content);
    this.open = undefined;
  }

  /**
   * A Link is finished once other content starts: end it now, so pdfkit writes it while its page
   * is current (pdfkit records the current page for a link annotation when the element is written).
   */
  private endLinks(next: StructNode): void {
    for (const node of this.openLinks) {
      if (node === next) continue;
      this.elements.get(node)!.end();
      this.elements.delete(node);
      this.openLinks.delete(node);
    }
  }
}

export interface PageGeometry {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

/**
 * A new PDF: tagged, with its language and metadata (each font is registered as it is first
 * drawn); `done` resolves to the file's bytes once `doc.end()` is called. Tagged PDF identified
 * as PDF/UA-1; with `archive`, PDF/A-2a (which also requires the tags) and the PDF/UA
 * identification declared for PDF/A.
 */
function openDocument(geometry: PageGeometry, info: PdfInfo, options: { archive: boolean }): { doc: Doc; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: [geometry.width, geometry.height],
    margin: 0,
    pdfVersion: '1.7',
    lang: info.lang,
    displayTitle: true,
    tagged: true,
    subset: (options.archive ? 'PDF/A-2a' : 'PDF/UA') as never,
    // No default font: pdfkit would parse Helvetica's metrics for every document, and nothing uses it.
    font: null as never,
    // pdfkit writes every key it is given, and fails on an undefined one.
    // Control characters are not text, and most are not allowed in the XMP's XML at all.
    info: withoutUndefined({
      Title: clean(info.title),
      Author: clean(info.author),
      Subject: clean(info.subject),
      Keywords: clean(info.keywords?.join(', ')),
      Creator: 'handout',
      Producer: 'handout (pdfkit)',
      CreationDate: info.date,
      ModDate: info.date,
    }),
  });
  addMetadata(doc as unknown as PdfkitInternals, info, options.archive);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

/** The parts of pdfkit's font and page objects that drawing glyphs reads and fills in (not in its type definitions). */
interface PdfkitText {
  _font: { id: string; subset: { includeGlyph(glyph: number): number }; widths: number[]; unicode: number[][]; ref(): unknown };
  page: { height: number; fonts: Record<string, unknown> };
}

/** A number as pdfkit writes it into content streams (six decimals at most). */
function num(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

/** The parts of pdfkit's metadata mixin used below (not in its type definitions). */
interface PdfkitInternals {
  info: Record<string, unknown>;
  appendXML(xml: string): void;
  _addInfo(): void;
}

/**
 * XMP metadata that pdfkit leaves out: the modification date (PDF/A wants it to match the Info
 * dictionary), and in PDF/A the PDF/UA identification with the extension schema PDF/A requires for
 * it. pdfkit writes Info values into the XMP unescaped, so a title with "&" would break the XML:
 * they are escaped for the XMP only.
 */
function addMetadata(doc: PdfkitInternals, info: PdfInfo, archive: boolean): void {
  const addInfo = doc._addInfo;
  doc._addInfo = function (this: PdfkitInternals) {
    const plain = this.info;
    this.info = Object.fromEntries(Object.entries(plain).map(([k, v]) => [k, typeof v === 'string' ? escapeXml(v) : v]));
    addInfo.call(this);
    this.info = plain;
    this.appendXML(`<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:ModifyDate>${info.date.toISOString().split('.')[0]}Z</xmp:ModifyDate></rdf:Description>`);
    if (archive) this.appendXML(PDFUA_IN_PDFA);
  };
}

const PDFUA_IN_PDFA = `<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category><pdfaProperty:description>Part of ISO 14289 (PDF/UA) the file follows</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"><pdfuaid:part>1</pdfuaid:part></rdf:Description>`;

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function clean(text: string | undefined): string | undefined {
  return text === undefined ? undefined : withoutControlCharacters(text);
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;
}

/**
 * Step 7, the only one that touches pdfkit: each page's slices, then its footer (page furniture,
 * tagged as an artifact) in the bottom margin, into one PDF.
 */
export async function drawPdf(pages: Page[], footers: PlacedSlice[][], geometry: PageGeometry, info: PdfInfo, options: { archive: boolean; footerTop: number }): Promise<Buffer> {
  const { doc, done } = openDocument(geometry, info, options);
  const drawer = new PageDrawer(doc, geometry);
  const footerTop = options.footerTop;
  pages.forEach((page, i) => drawer.page(page, () => drawer.placed(footers[i] ?? [], footerTop)));
  doc.end();
  return done;
}

class PageDrawer {
  private outlineStack: { level: number; item: PdfOutline }[] = [];
  private destinations = new Set<string>();
  /** Each font's glyph ids in its subset as the hex a TJ string writes, made once per glyph. */
  private glyphCodes = new Map<string, string[]>();
  /** The faces registered with this document: each as it is first drawn. */
  private registered = new Set<string>();
  private tagger: Tagger;
  /** Set while drawing furniture: everything is then an artifact of this type. */
  private furniture?: ArtifactType;
  /**
   * The fill colour the page's graphics state holds (undefined: not known), so that a run of text
   * in the colour already set does not set it again: pdfkit parses the colour and writes its
   * operator on every call, for every word of a table of hundreds of rows.
   */
  private fill?: string;

  constructor(
    private doc: Doc,
    private geometry: PageGeometry,
  ) {
    this.tagger = new Tagger(doc);
  }

  /** Draws one page of flow content; `furniture` draws what repeats on each page (the footer). */
  page(page: Page, furniture: () => void): void {
    const { doc, geometry } = this;
    doc.addPage({ size: [geometry.width, geometry.height], margin: 0 });
    this.fill = undefined; // a new page starts from the default graphics state
    this.placed(page.slices, geometry.margin.top);
    this.footnotes(page.notes);
    this.furniture = 'Pagination';
    furniture();
    this.furniture = undefined;
    this.tagger.close(); // marked content never runs across a page
  }

  /** The page's footnotes at the foot of its text area, under a short rule. */
  private footnotes(notes: Note[]): void {
    if (!notes.length) return;
    const { margin, width, height } = this.geometry;
    let y = height - margin.bottom - notesHeight(notes) + NOTES_GAP;
    this.tagger.artifact('Layout');
    this.rect(margin.left, y - NOTES_GAP / 2 - RULE.width / 2, (width - margin.left - margin.right) * RULE.fraction, RULE.width, RULE.color);
    for (const note of notes) {
      this.placed(note.slices, y);
      y += note.height;
    }
  }

  /** Slices placed from `top` down: their frames, then their content. */
  placed(slices: PlacedSlice[], top: number): void {
    this.frames(slices, top);
    for (const placed of slices) {
      for (const item of placed.slice.items) this.item(item, top + placed.y, placed.repeated === true);
    }
  }

  /** Tags what is drawn next: as the item's structure element, or as an artifact. */
  private mark(tag: StructNode | undefined, repeated: boolean, bbox?: [number, number, number, number]): void {
    // A repeated table header is drawn again for the eye; a reader has met it once already.
    if (this.furniture || repeated || !tag) this.tagger.artifact(this.furniture ?? 'Layout');
    else this.tagger.content(tag, bbox);
  }

  /** Each framed box's part on this page: background first, then its borders on top. */
  private frames(slices: PlacedSlice[], top: number): void {
    const extents = new Map<Frame, { top: number; bottom: number }>();
    for (const { slice, y } of slices) {
      for (const f of slice.frames) {
        const e = extents.get(f);
        const t = top + y;
        const b = top + y + slice.height;
        if (e) e.bottom = Math.max(e.bottom, b);
        else extents.set(f, { top: t, bottom: b });
      }
    }
    const onPage = new Set(slices.map((s) => s.slice));
    if (extents.size) this.tagger.artifact(this.furniture ?? 'Layout');
    for (const [f, e] of extents) {
      if (f.background) this.rect(f.x, e.top, f.width, e.bottom - e.top, f.background);
    }
    for (const [f, e] of extents) {
      const [bt, br, bb, bl] = f.border;
      // A box continued from the previous page has no top border here; one continuing has no bottom.
      if (bt.width && f.first && onPage.has(f.first)) this.rect(f.x, e.top, f.width, bt.width, bt.color);
      if (bb.width && f.last && onPage.has(f.last)) this.rect(f.x, e.bottom - bb.width, f.width, bb.width, bb.color);
      if (bl.width) this.rect(f.x, e.top, bl.width, e.bottom - e.top, bl.color);
      if (br.width) this.rect(f.x + f.width - br.width, e.top, br.width, e.bottom - e.top, br.color);
    }
  }

  /** A filled rectangle; pdfkit's fill(colour) leaves that colour set. */
  private rect(x: number, y: number, w: number, h: number, color: string): void {
    if (this.fill === color) this.doc.rect(x, y, w, h).fill();
    else this.doc.rect(x, y, w, h).fill(color);
    this.fill = color;
  }

  private item(item: DrawItem, top: number, repeated: boolean): void {
    const { doc } = this;
    switch (item.kind) {
      case 'text': {
        const { fragment: f } = item;
        const run = f.run;
        const x = item.x;
        const baseline = top + item.baseline - (run.rise ?? 0);
        if (run.highlight) {
          this.mark(undefined, repeated);
          this.rect(x, top + item.lineTop, f.width, item.lineHeight, run.highlight);
        }
        // A hyphen added at a line end is an artifact: the tagged word reads whole across the break.
        this.mark(f.addedHyphen ? undefined : item.tag, repeated);
        if (this.fill !== run.color) {
          doc.fillColor(run.color);
          this.fill = run.color;
        }
        this.glyphs(run.face, run.size, x, baseline, f.text + (f.readAfter ?? ''), item.wordSpacing);
        if (run.link) this.link(run.link, x, top + item.lineTop, f.width, item.lineHeight, f.text, this.furniture || repeated ? undefined : item.tag);
        if (run.underline) {
          const thickness = Math.max(0.5, run.size / 18);
          this.mark(undefined, repeated);
          this.rect(x, baseline + run.size * 0.12, f.width, thickness, run.color);
        }
        return;
      }
      case 'rect':
        this.mark(undefined, repeated);
        this.rect(item.x, top + item.y, item.width, item.height, item.color);
        return;
      case 'line':
        this.mark(undefined, repeated);
        // A border (every line is one) is a rectangle as wide as the line: a stroke with butt ends
        // covers exactly that, and a filled rectangle needs no saved state or stroke colour.
        if (item.y1 === item.y2) this.rect(Math.min(item.x1, item.x2), top + item.y1 - item.width / 2, Math.abs(item.x2 - item.x1), item.width, item.color);
        else if (item.x1 === item.x2) this.rect(item.x1 - item.width / 2, top + Math.min(item.y1, item.y2), item.width, Math.abs(item.y2 - item.y1), item.color);
        else doc.save().moveTo(item.x1, top + item.y1).lineTo(item.x2, top + item.y2).lineWidth(item.width).strokeColor(item.color).stroke().restore();
        return;
      case 'image':
        this.mark(item.tag, repeated, [item.x, top + item.y, item.x + item.width, top + item.y + item.height]);
        if (item.svg) drawSvg(doc, item.svg, item.x, top + item.y, item.width, item.height);
        else if (Buffer.isBuffer(item.data)) doc.image(item.data, item.x, top + item.y, { width: item.width, height: item.height });
        else if (item.data) drawVector(doc, item.data, item.x, top + item.y, item.width, item.height);
        this.fill = undefined; // a figure may leave another colour set
        return;
      case 'heading':
        if (!repeated) this.heading(item.level, item.title, item.id, top + item.y);
        return;
    }
  }

  /**
   * Text as positioned glyphs, from the same shaped words that layout measured: pdfkit's own text
   * layout would shape the text again. Written as pdfkit writes text (a TJ array of glyph ids of
   * the font's subset, kerning as adjustments, marks at their offsets), so the font pdfkit embeds
   * holds exactly the glyphs drawn, with their widths and the characters they stand for.
   */
  private glyphs(face: FontFace, size: number, x: number, baseline: number, text: string, wordSpacing: number): void {
    const doc = this.doc as unknown as PdfkitText;
    // Registered on first use, which parses the face (fonts.ts): pdfkit numbers fonts as they are first drawn either way.
    if (!this.registered.has(face.key)) {
      this.doc.registerFont(face.key, face.font as never);
      this.registered.add(face.key);
    }
    this.doc.font(face.key);
    const font = doc._font;
    const toText = 1000 / face.font.unitsPerEm; // font units → the text space's thousandths of an em
    const pt = size / 1000;
    const spaceExtra = (wordSpacing * 1000) / size;
    doc.page.fonts[font.id] ??= font.ref();
    let codes = this.glyphCodes.get(font.id);
    if (!codes) this.glyphCodes.set(font.id, (codes = []));
    const y = doc.page.height - baseline;
    // What pdfkit's save(), transform(…) (the PDF's y axis points up), text operators and restore()
    // would write, one operator a line, written at once. Every character is ASCII.
    let out = `q\n1 0 0 -1 0 ${num(doc.page.height)} cm\nBT\n1 0 0 1 ${num(x)} ${num(y)} Tm\n/${font.id} ${num(size)} Tf`;
    let tj = '';
    let hex = '';
    const segment = (adjust: number) => {
      if (hex) tj += `${tj ? ' ' : ''}<${hex}> ${num(-adjust)}`;
      hex = '';
    };
    const flush = () => {
      segment(0);
      if (tj) out += `\n[${tj}] TJ`;
      tj = '';
    };
    let penX = x;
    let shifted = false;
    for (const word of wordsOf(text)) {
      for (const g of shapeWord(face, word).glyphs) {
        const gid = font.subset.includeGlyph(g.id);
        font.widths[gid] ??= g.advanceWidth * toText;
        // The characters a glyph stands for, from its first use that has any (a separate accent has none).
        if (!font.unicode[gid]?.length) font.unicode[gid] = mappable(g.codePoints);
        const width = g.advanceWidth * toText;
        const advance = g.xAdvance * toText + (g.codePoints.length === 1 && g.codePoints[0] === 0x20 ? spaceExtra : 0);
        const code = (codes[gid] ??= gid.toString(16).padStart(4, '0'));
        if (g.xOffset || g.yOffset) {
          // A mark placed off the pen (an accent): drawn on its own at its offset.
          flush();
          out += `\n1 0 0 1 ${num(penX + g.xOffset * toText * pt)} ${num(y + g.yOffset * toText * pt)} Tm`;
          hex = code;
          segment(advance - width);
          flush();
          shifted = true;
        } else {
          if (shifted) {
            out += `\n1 0 0 1 ${num(penX)} ${num(y)} Tm`;
            shifted = false;
          }
          hex += code;
          if (advance !== width) segment(advance - width);
        }
        penX += advance * pt;
      }
    }
    flush();
    // As bytes (Latin-1, what pdfkit makes of a string, which it ends with a newline): Node converts at once.
    this.doc.addContent(Buffer.from(`${out}\nET\nQ\n`, 'latin1') as never);
  }

  private heading(level: number, title: string, id: string | undefined, y: number): void {
    const { doc } = this;
    if (id && !this.destinations.has(id)) {
      this.destinations.add(id);
      addNamedDestination(doc, id, y);
    }
    if (!level || !title) return;
    while (this.outlineStack.length && this.outlineStack[this.outlineStack.length - 1].level >= level) this.outlineStack.pop();
    const parent = this.outlineStack.length ? this.outlineStack[this.outlineStack.length - 1].item : doc.outline;
    this.outlineStack.push({ level, item: addBookmark(doc, parent, title, y) });
  }

  /** A link annotation; in the flow it belongs to its Link element, and says where it goes. */
  private link(target: string, x: number, y: number, w: number, h: number, text: string, tag: StructNode | undefined): void {
    const options = tag?.role === 'Link' ? { structParent: this.tagger.element(tag), Contents: new String(`${text.trim()} (${target})`) } : {};
    if (target.startsWith('#')) this.doc.goTo(x, y, w, h, decodeURIComponent(target.slice(1)), options as never);
    else this.doc.link(x, y, w, h, target, options as never);
  }
}

/**
 * Poppler reads each entry of a font's ToUnicode map as one token of at most 255 characters: 63
 * UTF-16 units in hex. A longer entry (a cluster of a letter and 150 accents no glyph of their own
 * draws) made the whole map unreadable, and every word of the font lost for copying and search.
 */
const MAX_MAPPED_UNITS = 60;

function mappable(codePoints: number[]): number[] {
  let units = 0;
  let n = 0;
  while (n < codePoints.length && (units += codePoints[n] > 0xffff ? 2 : 1) <= MAX_MAPPED_UNITS) n++;
  return n === codePoints.length ? codePoints : codePoints.slice(0, n);
}
