/**
 * Resolve styles: the stylesheet(s) in the filled HTML → a computed style for every element,
 * for the subset of CSS the PDF renderer honours (listed in SUPPORTED below and in the README).
 * This is the cascade: selectors matched from an index of the page's tags, classes and ids (the
 * rest by hast-util-select), declarations ordered by specificity
 * then order, inheritance as CSS. What a declaration's value means is read in cssValues.ts.
 * A stylesheet is parsed once per process (every handout of a build shares it); anything it has
 * that the PDF cannot honour is reported for each document, naming the stylesheet and line.
 */
import postcss, { type Root as CssRoot, type Declaration } from 'postcss';
import { applyDeclaration, expandShorthand, toPt, type Warn } from './cssValues.js';
import { selectAll } from 'hast-util-select';
import { calculate as specificityOf } from 'specificity';
import type { Element, Root } from 'hast';
import type { Warnings } from '../../diagnostics.js';
import { customPropertiesOf, isCustomProperty, NO_CUSTOM_PROPERTIES, withCustomProperties, type CustomProperties } from './customProperties.js';
import { lookupTable } from '../../lookupTable.js';

export type Display = 'block' | 'inline' | 'none' | 'list-item' | 'table' | 'table-row' | 'table-cell' | 'flex';
export interface Border {
  width: number;
  color: string;
}
export type Box4 = [top: number, right: number, bottom: number, left: number];

export interface ComputedStyle {
  display: Display;
  fontFamily: string[];
  fontSize: number;
  fontWeight: number;
  italic: boolean;
  color: string;
  /** Line height in points. */
  lineHeight: number;
  /** Set when line-height was a plain number: children inherit the factor, not the points. */
  lineHeightFactor?: number;
  textAlign: 'left' | 'right' | 'center' | 'justify';
  textTransform: 'none' | 'uppercase' | 'lowercase' | 'capitalize';
  underline: boolean;
  whiteSpace: 'normal' | 'pre' | 'nowrap';
  /** `text-wrap: pretty`: lines broken for the whole paragraph (total fit) rather than greedily. */
  textWrap: 'wrap' | 'pretty';
  margin: Box4;
  padding: Box4;
  border: [Border, Border, Border, Border];
  backgroundColor?: string;
  breakBefore: 'auto' | 'page' | 'avoid';
  breakAfter: 'auto' | 'page' | 'avoid';
  breakInside: 'auto' | 'avoid';
  listStyleType: string;
  /** Fraction of the containing block (1 = 100 %), or points; undefined = auto. */
  maxWidth?: Length;
  width?: Length;
  justifyContent: 'flex-start' | 'space-between' | 'center' | 'flex-end';
  /** `float: footnote` (CSS GCPM): the element is set at the foot of the page that refers to it. */
  float: 'none' | 'footnote';
  /** Raised or lowered text (footnote numbers, chemical formulas). */
  verticalAlign: 'baseline' | 'super' | 'sub';
  /** Highlighted text's background (`<mark>`: Obsidian's `==highlight==`), drawn behind each of its runs. */
  highlight?: string;
}

export type Length = { pt: number } | { percent: number };

/** Properties the PDF renderer understands (shorthands are expanded before this check). */
export const SUPPORTED = [
  'display', 'font-family', 'font-size', 'font-weight', 'font-style', 'color', 'line-height', 'text-align',
  'text-transform', 'text-decoration', 'text-decoration-line', 'white-space', 'margin', 'margin-top', 'margin-right',
  'margin-bottom', 'margin-left', 'padding', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border', 'border-top', 'border-right', 'border-bottom', 'border-left', 'border-width', 'border-color', 'border-style',
  'border-collapse', 'background', 'background-color', 'break-before', 'break-after', 'break-inside',
  'page-break-before', 'page-break-after', 'page-break-inside', 'list-style', 'list-style-type', 'max-width', 'width',
  'justify-content', 'vertical-align', 'float', 'text-wrap',
  ...['top', 'right', 'bottom', 'left'].flatMap((side) => ['width', 'color', 'style'].map((what) => `border-${side}-${what}`)),
];
/** Properties that only matter on screen: accepted silently, since they cannot change print. */
const SCREEN_ONLY = new Set(['overflow', 'overflow-x', 'overflow-y', 'cursor', 'transition', 'outline', 'scroll-behavior', 'box-sizing']);

const INHERITED = new Set([
  'fontFamily', 'fontSize', 'fontWeight', 'italic', 'color', 'lineHeight', 'lineHeightFactor', 'textAlign', 'textTransform', 'whiteSpace', 'listStyleType', 'underline', 'textWrap',
  // Not inherited in CSS, but the inline boxes inside a raised (or highlighted) one are raised (highlighted) with it.
  'verticalAlign', 'highlight',
]);

const BLOCK_TAGS = new Set([
  'html', 'body', 'div', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'blockquote', 'section', 'aside', 'header',
  'footer', 'main', 'nav', 'article', 'figure', 'figcaption', 'hr', 'pre', 'dl', 'dt', 'dd', 'details', 'summary', 'address',
  'caption',
]);
const HIDDEN_TAGS = new Set(['head', 'style', 'script', 'title', 'meta', 'link', 'template', 'noscript']);

const USER_AGENT_FONT_SIZES = lookupTable({ h1: 2, h2: 1.5, h3: 1.17, small: 0.83, sub: 0.83, sup: 0.83 });

/** The browser's default font size for an element, relative to its parent's. */
function userAgentFontSize(tag: string, parentSize: number): number {
  return parentSize * (USER_AGENT_FONT_SIZES[tag] ?? 1);
}

/** The browser's defaults for what our stylesheet does not set; `em` is the element's own font size. */
function userAgentDefaults(tag: string, em: number): Partial<ComputedStyle> {
  switch (tag) {
    case 'h1': return { fontWeight: 700, margin: [em * 0.67, 0, em * 0.67, 0] };
    case 'h2': return { fontWeight: 700, margin: [em * 0.83, 0, em * 0.83, 0] };
    case 'h3': return { fontWeight: 700, margin: [em, 0, em, 0] };
    case 'h4': case 'h5': case 'h6': return { fontWeight: 700, margin: [em * 1.33, 0, em * 1.33, 0] };
    case 'p': case 'blockquote': case 'dl': case 'figure': return { margin: [em, 0, em, 0] };
    case 'pre': return { margin: [em, 0, em, 0], whiteSpace: 'pre' };
    case 'ul': case 'ol': return { margin: [em, 0, em, 0], padding: [0, 0, 0, 30], listStyleType: tag === 'ol' ? 'decimal' : 'disc' };
    case 'strong': case 'b': case 'th': return { fontWeight: 700 };
    case 'em': case 'i': case 'cite': case 'dfn': return { italic: true };
    case 'sup': return { verticalAlign: 'super' };
    case 'sub': return { verticalAlign: 'sub' };
    // A browser's yellow, light enough for black text on paper, grey but visible in black and white.
    case 'mark': return { highlight: '#fff3a0' };
    case 'a': case 'u': case 'ins': return { underline: true };
    case 'dd': return { margin: [0, 0, 0, 30] };
    default: return {};
  }
}

function defaultDisplay(tag: string): Display {
  if (HIDDEN_TAGS.has(tag)) return 'none';
  if (tag === 'li') return 'list-item';
  if (tag === 'table') return 'table';
  if (tag === 'tr') return 'table-row';
  if (tag === 'td' || tag === 'th') return 'table-cell';
  if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') return 'block';
  return BLOCK_TAGS.has(tag) ? 'block' : 'inline';
}

const noBorder: Border = { width: 0, color: '#000000' };

export function rootStyle(): ComputedStyle {
  return {
    display: 'block', fontFamily: [], fontSize: 12, fontWeight: 400, italic: false, color: '#000000', lineHeight: 12 * 1.2, lineHeightFactor: 1.2,
    textAlign: 'left', textTransform: 'none', underline: false, whiteSpace: 'normal', textWrap: 'wrap', margin: [0, 0, 0, 0], padding: [0, 0, 0, 0],
    border: [noBorder, noBorder, noBorder, noBorder], breakBefore: 'auto', breakAfter: 'auto', breakInside: 'auto',
    listStyleType: 'disc', justifyContent: 'flex-start', float: 'none', verticalAlign: 'baseline',
  };
}

interface MatchedRule {
  specificity: number;
  order: number;
  declarations: Declaration[];
}

/** A computed style as the cascade made it, with the warnings it raised (raised again wherever it is reused). */
interface CascadeResult {
  style: ComputedStyle;
  vars: CustomProperties;
  warnings: [message: string, line?: number][];
}

export interface PageRule {
  margin?: Box4;
  landscape?: boolean;
}

export interface StyleSheetInfo {
  /** Where the stylesheet came from, for messages. */
  file: string;
  /** Line in `file` where the CSS of the <style> element starts (0 when it is the whole file). */
  lineOffset?: number;
  /** Later stylesheets in the same CSS (a variant layered over the main one): from which line on. */
  then?: { file: string; fromLine: number }[];
}

export interface ResolvedStyles {
  styleOf(el: Element): ComputedStyle;
  page: PageRule;
}

/** A stylesheet as parsed once: its rules in order, and what it has that the PDF cannot honour, where. */
interface ParsedSheet {
  items: ({ note: string; line?: number } | { selector: string; specificity: number; declarations: Declaration[]; line?: number })[];
  page: PageRule;
  /**
   * Computed styles already made with this sheet, by the parent's style, then by the element's tag,
   * matched rules and style attribute: most elements of a page (and of every page of a build)
   * repeat a few combinations, so the cascade runs once for each combination.
   */
  cascaded: Map<ComputedStyle, Map<string, CascadeResult>>;
  /** How many styles `cascaded` holds. */
  cascadedCount: number;
}

/** Bounded, so a long `handout dev` session keeps flat memory. */
const MAX_CASCADED = 20_000;
/** The style the cascade starts from: one object, so the styles made from it can be reused across documents. */
const ROOT_STYLE = rootStyle();
/** A number for each set of custom properties, for the reuse key. */
const varsIds = new WeakMap<CustomProperties, number>();
let nextVarsId = 0;
function varsId(vars: CustomProperties): number {
  let id = varsIds.get(vars);
  if (id === undefined) varsIds.set(vars, (id = nextVarsId++));
  return id;
}

/** Parsed stylesheets by their text: a build has a few (the stylesheet, with or without a variant's). */
const parsedSheets = new Map<string, ParsedSheet>();

function parseSheet(css: string): ParsedSheet {
  const cached = parsedSheets.get(css);
  if (cached) return cached;
  const sheet: ParsedSheet = { items: [], page: {}, cascaded: new Map(), cascadedCount: 0 };
  const { items, page } = sheet;
  const note = (message: string, line?: number) => items.push({ note: message, line });
  const visitRules = (container: CssRoot | postcss.AtRule) => {
    container.each((node) => {
      if (node.type === 'atrule') {
        if (node.name === 'media') {
          // The PDF is print: take print and all, leave screen-only rules to the HTML page.
          const media = node.params.toLowerCase();
          if (/\bprint\b|^all$/.test(media) && !/\bnot\b/.test(media)) visitRules(node);
        } else if (node.name === 'page') {
          node.walkDecls((d) => {
            const expanded = expandShorthand(d.prop, d.value);
            const m = expanded.filter(([p]) => p.startsWith('margin-'));
            if (m.length) {
              page.margin ??= [54, 54, 54, 54];
              for (const [p, v] of m) page.margin[['margin-top', 'margin-right', 'margin-bottom', 'margin-left'].indexOf(p)] = toPt(v, 12) ?? 54;
            } else if (d.prop === 'size') {
              // The paper comes from the document or the command line; a template chooses the orientation.
              if (/\blandscape\b/i.test(d.value)) page.landscape = true;
              else if (/\bportrait\b/i.test(d.value)) page.landscape = false;
            } else note(`@page property "${d.prop}" is not supported in the PDF`, d.source?.start?.line);
          });
        } else {
          note(`@${node.name} is not supported in the PDF`, node.source?.start?.line);
        }
        return;
      }
      if (node.type !== 'rule') return;
      const declarations: Declaration[] = [];
      node.each((d) => {
        if (d.type !== 'decl') return;
        if (SCREEN_ONLY.has(d.prop)) return;
        if (!SUPPORTED.includes(d.prop) && !isCustomProperty(d.prop)) {
          note(`CSS property "${d.prop}" is not supported in the PDF; it is left out there`, d.source?.start?.line);
          return;
        }
        declarations.push(d);
      });
      if (!declarations.length) return;
      for (const selector of node.selectors) {
        if (/::?(before|after|first-line|first-letter|marker)\b/.test(selector)) {
          note(`pseudo-element in "${selector}" is not supported in the PDF`, node.source?.start?.line);
          continue;
        }
        items.push({ selector, specificity: specificityValue(selector), declarations, line: node.source?.start?.line });
      }
    });
  };
  visitRules(postcss.parse(css));
  if (parsedSheets.size >= 16) parsedSheets.clear(); // bounded: templates come and go in `handout dev`
  parsedSheets.set(css, sheet);
  return sheet;
}

/**
 * Cascade every rule of the document's <style> elements onto its elements.
 * `root` is the parsed HTML; styles are computed top-down so inheritance is exact.
 */
export function resolveStyles(root: Root, css: string, source: StyleSheetInfo, warnings: Warnings): ResolvedStyles {
  const sheet = parseSheet(css);
  const page: PageRule = { ...sheet.page, margin: sheet.page.margin && [...sheet.page.margin] as Box4 };
  const matched = new Map<Element, (MatchedRule & { itemIndex: number })[]>();
  const warn: Warn = (message, line) => {
    const later = line === undefined ? undefined : [...(source.then ?? [])].reverse().find((t) => line >= t.fromLine);
    if (later) warnings.add(message, { file: later.file, line: line! - later.fromLine + 1 });
    else warnings.add(message, { file: source.file, line: line === undefined ? undefined : line + (source.lineOffset ?? 0) });
  };
  const elementIndex = indexElements(root);
  let order = 0;
  for (const [itemIndex, item] of sheet.items.entries()) {
    if ('note' in item) {
      warn(item.note, item.line);
      continue;
    }
    const { selector } = item;
    let elements: Element[];
    try {
      // Most rules of a shared stylesheet are for elements this page does not have: skip them;
      // most others are answered from the index, without walking the tree.
      elements = !mayMatch(selector, elementIndex.index) ? [] : combinatorMatch(selector, elementIndex) ?? selectAll(selector, root);
    } catch {
      warn(`selector "${selector}" is not supported in the PDF`, item.line);
      continue;
    }
    const rule = { specificity: item.specificity, order: order++, declarations: item.declarations, itemIndex };
    for (const el of elements) {
      const list = matched.get(el);
      if (list) list.push(rule);
      else matched.set(el, [rule]);
    }
  }

  const computed = new Map<Element, ComputedStyle>();
  const compute = (el: Element, parent: ComputedStyle, inherited: CustomProperties): CascadeResult => {
    const rules = matched.get(el) ?? [];
    const inline = el.properties?.style;
    const key = `${el.tagName} ${varsId(inherited)} ${rules.map((r) => r.itemIndex).join(',')} ${typeof inline === 'string' ? inline : ''}`;
    const done = sheet.cascaded.get(parent)?.get(key);
    if (done) {
      for (const [message, line] of done.warnings) warn(message, line);
      return done;
    }
    const warnings: CascadeResult['warnings'] = [];
    const result = { ...cascade(el, rules, inline, parent, inherited, (message, line) => {
      warnings.push([message, line]);
      warn(message, line);
    }), warnings };
    if (sheet.cascadedCount >= MAX_CASCADED) {
      sheet.cascaded.clear();
      sheet.cascadedCount = 0;
    }
    let known = sheet.cascaded.get(parent);
    if (!known) sheet.cascaded.set(parent, (known = new Map()));
    known.set(key, result);
    sheet.cascadedCount++;
    return result;
  };
  const walk = (node: Root | Element, parent: ComputedStyle, inherited: CustomProperties) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const { style, vars } = compute(child, parent, inherited);
      computed.set(child, style);
      walk(child, style, vars);
    }
  };
  walk(root, ROOT_STYLE, NO_CUSTOM_PROPERTIES);

  return {
    page,
    styleOf: (el) => computed.get(el) ?? rootStyle(),
  };
}

/**
 * The cascade for one element: normal declarations by specificity then order, the style attribute
 * above them, and !important above all; then the values they set, over what the parent passes on.
 */
function cascade(el: Element, rules: MatchedRule[], inline: unknown, parent: ComputedStyle, inherited: CustomProperties, warn: Warn): { style: ComputedStyle; vars: CustomProperties } {
  const declarations: Declaration[] = [];
  for (const rule of [...rules].sort((a, b) => a.specificity - b.specificity || a.order - b.order)) declarations.push(...rule.declarations);
  if (typeof inline === 'string' && inline.trim()) {
    try {
      postcss.parse(`x{${inline}}`).walkDecls((d) => {
        if (SUPPORTED.includes(d.prop) || isCustomProperty(d.prop)) declarations.push(d);
        else if (!SCREEN_ONLY.has(d.prop)) warn(`CSS property "${d.prop}" in a style attribute is not supported in the PDF`);
      });
    } catch {
      warn(`style attribute "${inline}" is not valid CSS`);
    }
  }
  const cascaded = [...declarations.filter((d) => !d.important), ...declarations.filter((d) => d.important)];
  const vars = customPropertiesOf(cascaded, inherited);
  const ordered = cascaded.filter((d) => !isCustomProperty(d.prop)).flatMap((d) => withVars(d, vars, warn));

  const style = inheritFrom(parent);
  style.display = defaultDisplay(el.tagName);
  // Font size first: em lengths in every other property are relative to the element's own size.
  style.fontSize = userAgentFontSize(el.tagName, parent.fontSize);
  for (const d of ordered) if (d.prop === 'font-size') applyDeclaration(style, parent, d, warn);
  style.lineHeight = parent.lineHeightFactor !== undefined ? parent.lineHeightFactor * style.fontSize : parent.lineHeight;
  Object.assign(style, userAgentDefaults(el.tagName, style.fontSize));
  for (const d of ordered) if (d.prop !== 'font-size') applyDeclaration(style, parent, d, warn);
  return { style, vars };
}

/**
 * The page's elements by tag name (`p`), class (`.box`) and id (`#notes`), in document order; each
 * one's parent element, and its place among its siblings.
 */
export interface ElementIndex {
  index: Map<string, Element[]>;
  parents: Map<Element, Element>;
  /** 1-based among the element children of its parent, and how many those are (for :nth-child). */
  positions: Map<Element, { nth: number; of: number }>;
}

export function indexElements(root: Root): ElementIndex {
  const index = new Map<string, Element[]>();
  const parents = new Map<Element, Element>();
  const positions = new Map<Element, { nth: number; of: number }>();
  const add = (key: string, el: Element) => {
    const list = index.get(key);
    if (list) list.push(el);
    else index.set(key, [el]);
  };
  const walk = (node: Root | Element) => {
    let of = 0;
    for (const child of node.children) if (child.type === 'element') of++;
    let nth = 0;
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      positions.set(child, { nth: ++nth, of });
      add(child.tagName, child);
      const { className, id } = child.properties ?? {};
      if (Array.isArray(className)) for (const c of className) add(`.${c}`, child);
      if (typeof id === 'string') add(`#${id}`, child);
      if (node.type === 'element') parents.set(child, node);
      walk(child);
    }
  };
  walk(root);
  return { index, parents, positions };
}

/** A compound selector of a tag, classes and an id (`li`, `.box`, `td.x`). */
interface Compound {
  tag?: string;
  classes: string[];
  id?: string;
  /** Structural pseudo-classes, each as the positions An+B it allows (:first-child is 0n+1). */
  nth: { a: number; b: number; fromEnd: boolean }[];
}

/** The child-position pseudo-classes the index answers. */
const POSITION_PSEUDO = String.raw`:(?:first-child|last-child|nth-child\([^()\s]*\))`;
const COMPOUND = new RegExp(String.raw`^([a-z][a-z0-9-]*)?((?:[.#][\w-]+)*)((?:${POSITION_PSEUDO})*)$`, 'i');
const AN_PLUS_B = /^(?:(odd)|(even)|([+-]?\d*)n([+-]\d+)?|([+-]?\d+))$/i;

/** `:first-child`, `:last-child`, `:nth-child(An+B)` (odd, even, 2n+1, -n+3, 4): undefined for others. */
function parseNth(pseudo: string): Compound['nth'][number] | undefined {
  if (pseudo === ':first-child') return { a: 0, b: 1, fromEnd: false };
  if (pseudo === ':last-child') return { a: 0, b: 1, fromEnd: true };
  const m = AN_PLUS_B.exec(pseudo.slice(':nth-child('.length, -1));
  if (!m) return undefined;
  if (m[1]) return { a: 2, b: 1, fromEnd: false };
  if (m[2]) return { a: 2, b: 0, fromEnd: false };
  if (m[5] !== undefined) return { a: 0, b: Number(m[5]), fromEnd: false };
  const a = m[3] === '' || m[3] === '+' ? 1 : m[3] === '-' ? -1 : Number(m[3]);
  return { a, b: Number(m[4] ?? 0), fromEnd: false };
}

/** Is `position` (1-based) An+B for some n ≥ 0? */
function isNth(position: number, { a, b }: { a: number; b: number }): boolean {
  if (a === 0) return position === b;
  const n = (position - b) / a;
  return Number.isInteger(n) && n >= 0;
}

function parseCompound(text: string): Compound | undefined {
  const m = COMPOUND.exec(text);
  if (!m || (!m[1] && !m[2])) return undefined;
  const parts = m[2].match(/[.#][\w-]+/g) ?? [];
  const ids = parts.filter((p) => p.startsWith('#')).map((p) => p.slice(1));
  if (ids.length > 1) return undefined;
  const nth = (m[3].match(new RegExp(POSITION_PSEUDO, 'gi')) ?? []).map((p) => parseNth(p.toLowerCase()));
  if (nth.some((x) => x === undefined)) return undefined;
  return { tag: m[1]?.toLowerCase(), classes: parts.filter((p) => p.startsWith('.')).map((p) => p.slice(1)), id: ids[0], nth: nth as Compound['nth'] };
}

function matchesCompound(el: Element, c: Compound, positions: ElementIndex['positions']): boolean {
  if (c.tag && el.tagName !== c.tag) return false;
  if (c.id !== undefined && el.properties?.id !== c.id) return false;
  for (const nth of c.nth) {
    const at = positions.get(el);
    if (!at || !isNth(nth.fromEnd ? at.of - at.nth + 1 : at.nth, nth)) return false;
  }
  if (!c.classes.length) return true;
  const className = el.properties?.className;
  return Array.isArray(className) && c.classes.every((x) => className.includes(x));
}

/**
 * `.box p`, `li > ul`, `tr:nth-child(even) td`: compounds of tags, classes, ids and the child-position
 * pseudo-classes joined by descendant or child combinators, matched as browsers do, from the right:
 * the index gives the elements the last compound names, and each is kept when its ancestors match
 * the rest. Undefined for any other selector (other pseudo-classes, attributes, sibling
 * combinators), which hast-util-select answers (tests/property/selectors.test.ts: both agree).
 */
export function combinatorMatch(selector: string, { index, parents, positions }: ElementIndex): Element[] | undefined {
  // Where the stylesheet sets its custom properties: the page's top element, <html> (or <svg>).
  if (selector.trim() === ':root') return [...(index.get('html') ?? []), ...(index.get('svg') ?? [])].filter((el) => !parents.has(el));
  const compounds: Compound[] = [];
  // combinators[k] joins compounds[k] and compounds[k + 1].
  const combinators: ('descendant' | 'child')[] = [];
  let pending: 'child' | undefined;
  for (const token of selector.trim().replace(/\s*>\s*/g, ' > ').split(/\s+/)) {
    if (token === '>') {
      if (pending || !compounds.length) return undefined;
      pending = 'child';
      continue;
    }
    const c = parseCompound(token);
    if (!c) return undefined;
    if (compounds.length) combinators.push(pending ?? 'descendant');
    pending = undefined;
    compounds.push(c);
  }
  if (pending || !compounds.length) return undefined;
  // Does `el`'s ancestry match compounds[0..k] (compounds[k] on a parent or ancestor of `el`)?
  const ancestorsMatch = (el: Element, k: number): boolean => {
    if (k < 0) return true;
    let up = parents.get(el);
    while (up) {
      if (matchesCompound(up, compounds[k], positions) && ancestorsMatch(up, k - 1)) return true;
      if (combinators[k] === 'child') return false;
      up = parents.get(up);
    }
    return false;
  };
  const last = compounds[compounds.length - 1];
  const key = last.id !== undefined ? `#${last.id}` : last.classes.length ? `.${last.classes[0]}` : last.tag!;
  return (index.get(key) ?? []).filter((el) => matchesCompound(el, last, positions) && ancestorsMatch(el, compounds.length - 2));
}

/** False when a selector needs a tag, class or id the page does not have (checked on every compound). */
function mayMatch(selector: string, present: Map<string, Element[]>): boolean {
  const withoutArgs = selector.replace(/\([^)]*\)|\[[^\]]*\]/g, '');
  for (const compound of withoutArgs.split(/\s*[\s>+~]\s*/)) {
    const tag = /^[a-z][a-z0-9-]*/i.exec(compound)?.[0];
    if (tag && !present.has(tag.toLowerCase())) return false;
    for (const m of compound.matchAll(/([.#])([\w-]+)/g)) if (!present.has(`${m[1]}${m[2]}`)) return false;
  }
  return true;
}

function specificityValue(selector: string): number {
  try {
    const s = specificityOf(selector);
    return s.A * 10000 + s.B * 100 + s.C;
  } catch {
    return 0;
  }
}

export function inheritFrom(parent: ComputedStyle): ComputedStyle {
  const style = rootStyle();
  for (const key of INHERITED) (style as unknown as Record<string, unknown>)[key] = (parent as unknown as Record<string, unknown>)[key];
  style.fontFamily = parent.fontFamily;
  return style;
}

/** A declaration with its `var()`s replaced; none when one has no value and no fallback (CSS: invalid, so unset). */
function withVars(d: Declaration, vars: CustomProperties, warn: Warn): Declaration[] {
  const resolved = withCustomProperties(d, vars);
  if (resolved) return [resolved];
  warn(`"${d.prop}: ${d.value}" names a custom property that is not set and has no fallback; it is left out`, d.source?.start?.line);
  return [];
}
