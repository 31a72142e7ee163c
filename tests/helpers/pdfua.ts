/**
 * PDF/UA-1 (ISO 14289-1) checked by machine, as the Matterhorn Protocol lists its machine-checkable
 * failure conditions: our own checks, read with qpdf (objects, streams) and pdfjs (the content
 * stream as operators). Each check returns the problems it finds, as a reader would report them;
 * none means the condition holds. The README lists these and the conditions left to a person.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

type Dict = Record<string, unknown>;
interface QpdfObject { value?: unknown; stream?: { dict: Dict; data?: string } }

export interface Condition {
  /** The Matterhorn Protocol checkpoint and the PDF/UA-1 clause it tests, e.g. "13 · 7.3". */
  id: string;
  what: string;
  problems: string[];
}

class PdfObjects {
  readonly objects: Record<string, QpdfObject>;
  constructor(file: string) {
    const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-stream-data=inline', '--decode-level=generalized', file], { encoding: 'utf8', maxBuffer: 1 << 30 }));
    this.objects = json.qpdf[1];
  }
  /** A value with references followed; streams give their dictionary. */
  get(v: unknown): unknown {
    if (typeof v === 'string' && /^\d+ \d+ R$/.test(v)) {
      const o = this.objects[`obj:${v}`];
      return o?.stream ? o.stream.dict : o?.value;
    }
    return v;
  }
  dict(v: unknown): Dict | undefined {
    const d = this.get(v);
    return d && typeof d === 'object' && !Array.isArray(d) ? (d as Dict) : undefined;
  }
  array(v: unknown): unknown[] {
    const a = this.get(v);
    return Array.isArray(a) ? a : a === undefined ? [] : [a];
  }
  streamText(ref: unknown): string {
    const o = typeof ref === 'string' ? this.objects[`obj:${ref}`] : undefined;
    return o?.stream?.data ? Buffer.from(o.stream.data, 'base64').toString('latin1') : '';
  }
  all(): Dict[] {
    return Object.values(this.objects).map((o) => (o.stream ? o.stream.dict : o.value)).filter((v): v is Dict => !!v && typeof v === 'object' && !Array.isArray(v));
  }
  refsTo(type: string): string[] {
    return Object.entries(this.objects).filter(([, o]) => (o.value as Dict | undefined)?.['/Type'] === type).map(([k]) => k.slice(4));
  }
}

const text = (v: unknown) => (typeof v === 'string' ? v.replace(/^[ub]:/, '') : '');

/** A structure element as the checks see it: its role, page, attributes and what it holds. */
interface Elem { role: string; dict: Dict; page?: string; kids: (Elem | { mcid: number; page?: string } | { objr: string })[] }

function structTree(pdf: PdfObjects, root: Dict): Elem[] {
  const roleMap = pdf.dict(root['/RoleMap']) ?? {};
  const walk = (v: unknown, page?: string): Elem | { mcid: number; page?: string } | { objr: string } | undefined => {
    if (typeof v === 'number') return { mcid: v, page };
    const d = pdf.dict(v);
    if (!d) return undefined;
    if (d['/Type'] === '/MCR') return { mcid: Number(d['/MCID']), page: String(d['/Pg'] ?? page) };
    if (d['/Type'] === '/OBJR') return { objr: String(d['/Obj']) };
    if (!('/S' in d)) return undefined;
    const own = d['/Pg'] !== undefined ? String(d['/Pg']) : page;
    const s = String(d['/S']).slice(1);
    const role = text(roleMap[`/${s}`]).replace(/^\//, '') || s;
    return { role, dict: d, page: own, kids: pdf.array(d['/K']).map((k) => walk(k, own)).filter((k): k is NonNullable<typeof k> => !!k) };
  };
  return pdf.array(root['/K']).map((k) => walk(k)).filter((k): k is Elem => !!k && 'role' in k);
}

function elements(list: Elem[]): Elem[] {
  return list.flatMap((e) => [e, ...elements(e.kids.filter((k): k is Elem => 'role' in k))]);
}

/** The operators that put something on the page: text, painted paths, images, shadings. */
function isContent(fn: number, args: unknown[]): boolean {
  if (fn === OPS.showText || fn === OPS.showSpacedText || fn === OPS.nextLineShowText || fn === OPS.nextLineSetSpacingShowText) return true;
  if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject || fn === OPS.shadingFill) return true;
  // A path only used to clip (ended with `n`) paints nothing.
  return fn === OPS.constructPath && args?.[0] !== OPS.endPath;
}

export async function checkPdfUa(file: string): Promise<Condition[]> {
  const pdf = new PdfObjects(file);
  const trailer = pdf.objects.trailer.value as Dict;
  const catalog = pdf.dict(trailer['/Root'])!;
  const conditions: Condition[] = [];
  const check = (id: string, what: string, problems: string[]) => conditions.push({ id, what, problems });

  // Catalog, metadata, viewer.
  const markInfo = pdf.dict(catalog['/MarkInfo']) ?? {};
  check('01 · 7.1', 'the document is marked as tagged, with no suspect content', [
    ...(markInfo['/Marked'] === true ? [] : ['MarkInfo /Marked is not true']),
    ...(markInfo['/Suspects'] === true ? ['MarkInfo /Suspects is true'] : []),
  ]);
  const xmp = pdf.streamText(catalog['/Metadata']);
  check('06 · 5', 'XMP metadata identifies the file as PDF/UA-1', [
    ...(xmp ? [] : ['no XMP metadata stream']),
    ...(/pdfuaid:part(>|=")1/.test(xmp) ? [] : ['no pdfuaid:part 1 in the XMP']),
  ]);
  const title = /<dc:title>[\s\S]*?<rdf:li[^>]*>([^<]+)<\/rdf:li>/.exec(xmp)?.[1]?.trim();
  check('06 · 7.1', 'the XMP metadata has a title (dc:title)', title ? [] : ['no dc:title']);
  const prefs = pdf.dict(catalog['/ViewerPreferences']) ?? {};
  check('07 · 7.1', 'the viewer shows the title, not the file name (DisplayDocTitle)', prefs['/DisplayDocTitle'] === true ? [] : ['ViewerPreferences /DisplayDocTitle is not true']);
  const lang = text(catalog['/Lang']);
  check('11 · 7.2', 'the document language is set, as a BCP 47 tag', /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/i.test(lang) ? [] : [`catalog /Lang is "${lang}"`]);

  // Structure tree.
  const root = pdf.dict(catalog['/StructTreeRoot']);
  check('01 · 7.1', 'there is a structure tree', root ? [] : ['no StructTreeRoot']);
  const tree = root ? structTree(pdf, root) : [];
  const all = elements(tree);
  check('13 · 7.3', 'every Figure has alternative text', all.filter((e) => e.role === 'Figure' && !text(e.dict['/Alt']).trim() && !text(e.dict['/ActualText']).trim()).map(() => 'a Figure without /Alt'));
  const scopes = all.filter((e) => e.role === 'TH').map((e) => pdf.array(e.dict['/A']).map((a) => pdf.dict(a)?.['/Scope']).find((s) => s !== undefined));
  check('15 · 7.5', 'every table header cell has a scope', scopes.filter((s) => !['/Row', '/Column', '/Both'].includes(String(s))).map((s) => `a TH with scope ${String(s)}`));
  const headings = all.map((e) => /^H([1-6])$/.exec(e.role)).filter((m): m is RegExpExecArray => !!m).map((m) => Number(m[1]));
  const skipped: string[] = [];
  if (headings.length && headings[0] !== 1) skipped.push(`the first heading is H${headings[0]}`);
  headings.forEach((h, i) => i > 0 && h > headings[i - 1] + 1 && skipped.push(`H${headings[i - 1]} is followed by H${h}`));
  check('14 · 7.4.2', 'headings start at H1 and never skip a level going down', skipped);
  const nesting: string[] = [];
  const allowed: Record<string, RegExp> = { L: /^(LI|L|Caption)$/, LI: /^(Lbl|LBody)$/, Table: /^(TR|THead|TBody|TFoot|Caption)$/, TR: /^(TH|TD)$/, THead: /^TR$/, TBody: /^TR$/, TFoot: /^TR$/ };
  for (const e of all) {
    for (const k of e.kids) {
      if ('role' in k && allowed[e.role] && !allowed[e.role].test(k.role)) nesting.push(`${k.role} inside ${e.role}`);
      // And from the child's side: a list item only in a list, a cell only in a row, a row only in a table.
      if (!('role' in k)) continue;
      if (k.role === 'LI' && e.role !== 'L') nesting.push(`LI inside ${e.role}`);
      if (/^(TH|TD)$/.test(k.role) && e.role !== 'TR') nesting.push(`${k.role} inside ${e.role}`);
      if (k.role === 'TR' && !/^(Table|THead|TBody|TFoot)$/.test(e.role)) nesting.push(`TR inside ${e.role}`);
    }
  }
  check('09 · 7.1', 'lists and tables nest as the standard structure types require', [...new Set(nesting)]);

  // Content: every item tagged or an artifact; structure order = content order.
  const data = new Uint8Array(readFileSync(file));
  const doc = await getDocument({ data, isEvalSupported: false, verbosity: 0 }).promise;
  const untagged: string[] = [];
  const contentOrder: string[] = [];
  const notdef: string[] = [];
  const pageRefs = pdf.array(pdf.dict(catalog['/Pages'])?.['/Kids']);
  for (let n = 1; n <= doc.numPages; n++) {
    const ops = await (await doc.getPage(n)).getOperatorList();
    const stack: ({ artifact: true } | { mcid: number } | { other: string })[] = [];
    ops.fnArray.forEach((fn: number, i: number) => {
      const args = ops.argsArray[i] as unknown[];
      if (fn === OPS.beginMarkedContent) stack.push(args[0] === 'Artifact' ? { artifact: true } : { other: String(args[0]) });
      else if (fn === OPS.beginMarkedContentProps) {
        if (args[0] === 'Artifact') stack.push({ artifact: true });
        else if (typeof args[1] === 'number') {
          stack.push({ mcid: args[1] });
          contentOrder.push(`${pageRefs[n - 1]}#${args[1]}`);
        } else stack.push({ other: String(args[0]) });
      } else if (fn === OPS.endMarkedContent) stack.pop();
      else if (isContent(fn, args) && !stack.some((s) => 'artifact' in s || 'mcid' in s)) untagged.push(`page ${n}: ${Object.keys(OPS).find((k) => (OPS as Record<string, number>)[k] === fn)} outside tagged content and artifacts`);
      if (fn === OPS.showText || fn === OPS.showSpacedText) {
        for (const g of (args[0] as ({ originalCharCode?: number; unicode?: string } | number)[]) ?? []) {
          if (typeof g === 'object' && g && g.originalCharCode === 0) notdef.push(`page ${n}: a character drawn as .notdef`);
        }
      }
    });
  }
  await doc.destroy();
  check('01 · 7.1', 'every item on a page is tagged content or an artifact', [...new Set(untagged)]);
  // A footnote (Note) is read at its reference, and printed at the page's foot: it is left out of
  // the comparison. The cells of a table row stand side by side, so a row that goes on to the next
  // page has its cells' parts interleaved on the pages: a row's content is taken in page order.
  const structOrder: string[] = [];
  const noteContent = new Set<string>();
  const mcidsOf = (e: Elem): string[] => e.kids.flatMap((k) => ('mcid' in k ? [`${k.page}#${k.mcid}`] : 'role' in k ? mcidsOf(k) : []));
  const walkOrder = (e: Elem): void =>
    e.kids.forEach((k) => {
      if ('mcid' in k) structOrder.push(`${k.page}#${k.mcid}`);
      else if ('role' in k && k.role === 'Note') mcidsOf(k).forEach((m) => noteContent.add(m));
      else if ('role' in k && k.role === 'TR') structOrder.push(...mcidsOf(k).sort((a, b) => contentOrder.indexOf(a) - contentOrder.indexOf(b)));
      else if ('role' in k) walkOrder(k);
    });
  tree.forEach(walkOrder);
  const flowOrder = contentOrder.filter((c) => !noteContent.has(c));
  const orderProblems: string[] = [];
  if (structOrder.length !== flowOrder.length) orderProblems.push(`${structOrder.length} marked-content references in the tree, ${flowOrder.length} tagged sequences on the pages`);
  const at = structOrder.findIndex((s, i) => s !== flowOrder[i]);
  if (at >= 0) orderProblems.push(`the structure tree and the pages part at sequence ${at}: ${structOrder[at]} vs ${flowOrder[at]}`);
  check('09 · 7.2', 'the structure tree\'s order is the reading order of the pages', orderProblems);

  // Annotations.
  const annots = pageRefs.flatMap((p) => pdf.array(pdf.dict(p)?.['/Annots']).map((a) => ({ page: String(p), ref: String(a), dict: pdf.dict(a)! })));
  const objrs = new Set(all.flatMap((e) => e.kids.filter((k): k is { objr: string } => 'objr' in k).map((k) => `${e.role}:${k.objr}`)));
  const linkProblems: string[] = [];
  for (const a of annots.filter((x) => x.dict['/Subtype'] === '/Link')) {
    if (!text(a.dict['/Contents']).trim()) linkProblems.push(`link ${a.ref} has no /Contents`);
    if (!objrs.has(`Link:${a.ref}`)) linkProblems.push(`link ${a.ref} is not inside a Link element`);
    if (a.dict['/StructParent'] === undefined) linkProblems.push(`link ${a.ref} has no /StructParent`);
  }
  check('28 · 7.18.5', 'every link annotation is in a Link element and says where it goes (Contents)', linkProblems);
  const tabs = pageRefs.filter((p) => pdf.array(pdf.dict(p)?.['/Annots']).length && pdf.dict(p)?.['/Tabs'] !== '/S');
  check('28 · 7.18.3', 'pages with annotations tab in structure order (/Tabs /S)', tabs.map((p) => `page ${p} has no /Tabs /S`));

  // Fonts.
  const fontProblems: string[] = [];
  const unicodeProblems: string[] = [];
  for (const font of pdf.all().filter((d) => d['/Type'] === '/Font' && d['/Subtype'] !== '/CIDFontType2' && d['/Subtype'] !== '/CIDFontType0')) {
    const name = text(font['/BaseFont']);
    const descendants = pdf.array(font['/DescendantFonts']).map((d) => pdf.dict(d)!);
    const descriptors = [font, ...descendants].map((f) => pdf.dict(f['/FontDescriptor'])).filter((d): d is Dict => !!d);
    if (!descriptors.some((d) => d['/FontFile'] || d['/FontFile2'] || d['/FontFile3'])) fontProblems.push(`${name} is not embedded`);
    if (font['/Subtype'] === '/Type0') {
      const cmap = pdf.streamText(font['/ToUnicode']);
      if (!cmap) {
        unicodeProblems.push(`${name} has no ToUnicode map`);
        continue;
      }
      const mapped = toUnicodeMap(cmap);
      // Every glyph the font holds (its widths list them) maps to the characters it stands for.
      for (const cid of descendants.flatMap((d) => cidsOf(pdf.array(d['/W'])))) {
        if (cid !== 0 && !mapped.get(cid)) unicodeProblems.push(`${name}: glyph ${cid} maps to no character`);
      }
    }
  }
  check('31 · 7.21.4', 'every font is embedded', fontProblems);
  check('31 · 7.21.7', 'every glyph maps to Unicode (ToUnicode)', unicodeProblems);
  check('31 · 7.21.8', 'no character is drawn as .notdef', [...new Set(notdef)]);
  return conditions;
}

/** The CIDs a /W array gives widths for: `c [w1 w2 …]` and `c1 c2 w` forms. */
function cidsOf(w: unknown[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < w.length; ) {
    const first = Number(w[i]);
    if (Array.isArray(w[i + 1])) {
      (w[i + 1] as unknown[]).forEach((_, k) => out.push(first + k));
      i += 2;
    } else {
      for (let c = first; c <= Number(w[i + 1]); c++) out.push(c);
      i += 3;
    }
  }
  return out;
}

/** A ToUnicode CMap's bfchar and bfrange entries: code → the text it stands for ('' when empty). */
export function toUnicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => (hex.length ? String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16))) : '');
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, dst] of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) map.set(parseInt(code, 16), utf16(dst));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, rest] of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]*>)/g)) {
      const from = parseInt(lo, 16);
      const to = parseInt(hi, 16);
      if (rest.startsWith('[')) {
        [...rest.matchAll(/<([0-9a-fA-F]*)>/g)].forEach(([, dst], k) => map.set(from + k, utf16(dst)));
      } else {
        const base = rest.slice(1, -1);
        for (let c = from; c <= to; c++) map.set(c, base ? utf16((parseInt(base, 16) + c - from).toString(16).padStart(base.length, '0')) : '');
      }
    }
  }
  return map;
}
