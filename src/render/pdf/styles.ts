/**
 * Resolve styles: the stylesheet(s) in the filled HTML → a computed style for every element,
 * for the subset of CSS the PDF renderer honours (listed in SUPPORTED below and in the README).
 * Selectors are matched by hast-util-select; cascade by specificity then order; inheritance as CSS.
 * Anything else is reported once, naming the stylesheet and line, and otherwise left out.
 */
import postcss, { type Root as CssRoot, type Declaration } from 'postcss';
import { selectAll } from 'hast-util-select';
import { calculate as specificityOf } from 'specificity';
import type { Element, Root } from 'hast';
import type { Warnings } from '../../diagnostics.js';
import { customPropertiesOf, isCustomProperty, NO_CUSTOM_PROPERTIES, withCustomProperties, type CustomProperties } from './customProperties.js';

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
  // Not inherited in CSS, but the inline boxes inside a raised one are raised with it.
  'verticalAlign',
]);

const BLOCK_TAGS = new Set([
  'html', 'body', 'div', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'blockquote', 'section', 'aside', 'header',
  'footer', 'main', 'nav', 'article', 'figure', 'figcaption', 'hr', 'pre', 'dl', 'dt', 'dd', 'details', 'summary', 'address',
  'caption',
]);
const HIDDEN_TAGS = new Set(['head', 'style', 'script', 'title', 'meta', 'link', 'template', 'noscript']);

/** The browser's default font size for an element, relative to its parent's. */
function userAgentFontSize(tag: string, parentSize: number): number {
  const factor: Record<string, number> = { h1: 2, h2: 1.5, h3: 1.17, small: 0.83, sub: 0.83, sup: 0.83 };
  return parentSize * (factor[tag] ?? 1);
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

/**
 * Cascade every rule of the document's <style> elements onto its elements.
 * `root` is the parsed HTML; styles are computed top-down so inheritance is exact.
 */
export function resolveStyles(root: Root, css: string, source: StyleSheetInfo, warnings: Warnings): ResolvedStyles {
  const sheet = postcss.parse(css);
  const matched = new Map<Element, MatchedRule[]>();
  const page: PageRule = {};
  const warn = (message: string, line?: number) => {
    const later = line === undefined ? undefined : [...(source.then ?? [])].reverse().find((t) => line >= t.fromLine);
    if (later) warnings.add(message, { file: later.file, line: line! - later.fromLine + 1 });
    else warnings.add(message, { file: source.file, line: line === undefined ? undefined : line + (source.lineOffset ?? 0) });
  };
  let order = 0;

  const index = indexElements(root);
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
            } else warn(`@page property "${d.prop}" is not supported in the PDF`, d.source?.start?.line);
          });
        } else {
          warn(`@${node.name} is not supported in the PDF`, node.source?.start?.line);
        }
        return;
      }
      if (node.type !== 'rule') return;
      const decls: Declaration[] = [];
      node.each((d) => {
        if (d.type !== 'decl') return;
        if (SCREEN_ONLY.has(d.prop)) return;
        if (!SUPPORTED.includes(d.prop) && !isCustomProperty(d.prop)) {
          warn(`CSS property "${d.prop}" is not supported in the PDF; it is left out there`, d.source?.start?.line);
          return;
        }
        decls.push(d);
      });
      if (!decls.length) return;
      for (const selector of node.selectors) {
        if (/::?(before|after|first-line|first-letter|marker)\b/.test(selector)) {
          warn(`pseudo-element in "${selector}" is not supported in the PDF`, node.source?.start?.line);
          continue;
        }
        let elements: Element[];
        try {
          // Most rules of a shared stylesheet are for elements this page does not have: skip the walk.
          elements = simpleMatch(selector, index) ?? (mayMatch(selector, index) ? selectAll(selector, root) : []);
        } catch {
          warn(`selector "${selector}" is not supported in the PDF`, node.source?.start?.line);
          continue;
        }
        const specificity = specificityValue(selector);
        const rule = { specificity, order: order++, declarations: decls };
        for (const el of elements) {
          const list = matched.get(el);
          if (list) list.push(rule);
          else matched.set(el, [rule]);
        }
      }
    });
  };
  visitRules(sheet);

  const computed = new Map<Element, ComputedStyle>();
  const compute = (el: Element, parent: ComputedStyle, inherited: CustomProperties): { style: ComputedStyle; vars: CustomProperties } => {
    // The cascade: normal declarations by specificity then order, the style attribute above
    // them, and !important above all.
    const declarations: Declaration[] = [];
    for (const rule of (matched.get(el) ?? []).sort((a, b) => a.specificity - b.specificity || a.order - b.order)) declarations.push(...rule.declarations);
    const inline = el.properties?.style;
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
  };
  const walk = (node: Root | Element, parent: ComputedStyle, inherited: CustomProperties) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const { style, vars } = compute(child, parent, inherited);
      computed.set(child, style);
      walk(child, style, vars);
    }
  };
  walk(root, rootStyle(), NO_CUSTOM_PROPERTIES);

  return {
    page,
    styleOf: (el) => computed.get(el) ?? rootStyle(),
  };
}

/** The page's elements by tag name (`p`), class (`.box`) and id (`#notes`), in document order. */
function indexElements(root: Root): Map<string, Element[]> {
  const index = new Map<string, Element[]>();
  const add = (key: string, el: Element) => {
    const list = index.get(key);
    if (list) list.push(el);
    else index.set(key, [el]);
  };
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      add(child.tagName, child);
      const { className, id } = child.properties ?? {};
      if (Array.isArray(className)) for (const c of className) add(`.${c}`, child);
      if (typeof id === 'string') add(`#${id}`, child);
      walk(child);
    }
  };
  walk(root);
  return index;
}

/** `p`, `.box`, `#id`, `th.x`: answered from the index without walking the tree; undefined otherwise. */
function simpleMatch(selector: string, index: Map<string, Element[]>): Element[] | undefined {
  const m = /^([a-z][a-z0-9-]*)?((?:[.#][\w-]+)*)$/i.exec(selector.trim());
  if (!m || (!m[1] && !m[2])) return undefined;
  const parts = [...(m[2].match(/[.#][\w-]+/g) ?? [])];
  const first = m[1] ? m[1].toLowerCase() : parts.shift()!;
  return (index.get(first) ?? []).filter((el) => parts.every((p) => (index.get(p) ?? []).includes(el)));
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

// ---- values -------------------------------------------------------------------------------

const UNITS: Record<string, number> = { pt: 1, px: 0.75, in: 72, cm: 72 / 2.54, mm: 72 / 25.4, pc: 12 };

/** A CSS length in points; em and % against `em` (the font size they are relative to). */
export function toPt(value: string, em: number, rem = 12): number | undefined {
  const v = value.trim().toLowerCase();
  if (v === '0') return 0;
  const m = /^(-?[\d.]+)(pt|px|in|cm|mm|pc|em|rem|%)$/.exec(v);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (m[2] === 'em') return n * em;
  if (m[2] === 'rem') return n * rem;
  if (m[2] === '%') return (n / 100) * em;
  return n * UNITS[m[2]];
}

function toLength(value: string, em: number): Length | undefined {
  const v = value.trim();
  const pct = /^(-?[\d.]+)%$/.exec(v);
  if (pct) return { percent: Number(pct[1]) / 100 };
  const pt = toPt(v, em);
  return pt === undefined ? undefined : { pt };
}

const NAMED_COLORS: Record<string, string> = {
  black: '#000000', white: '#ffffff', red: '#ff0000', green: '#008000', blue: '#0000ff', gray: '#808080', grey: '#808080',
  navy: '#000080', teal: '#008080', maroon: '#800000', purple: '#800080', orange: '#ffa500', yellow: '#ffff00', silver: '#c0c0c0',
};

export function toColor(value: string): string | undefined {
  const v = value.trim().toLowerCase();
  if (NAMED_COLORS[v]) return NAMED_COLORS[v];
  if (/^#[0-9a-f]{6}$/.test(v)) return v;
  if (/^#[0-9a-f]{3}$/.test(v)) return '#' + [...v.slice(1)].map((c) => c + c).join('');
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/.exec(v);
  if (rgb) return '#' + rgb.slice(1, 4).map((n) => Math.min(255, Number(n)).toString(16).padStart(2, '0')).join('');
  return undefined;
}

/** Shorthands → longhands, so each longhand has one code path. */
export function expandShorthand(prop: string, value: string): [string, string][] {
  const parts = value.trim().split(/\s+(?![^(]*\))/);
  const sides = ['top', 'right', 'bottom', 'left'];
  const four = (p: string[]) => [p[0], p[1] ?? p[0], p[2] ?? p[0], p[3] ?? p[1] ?? p[0]];
  if (prop === 'margin' || prop === 'padding') return four(parts).map((v, i) => [`${prop}-${sides[i]}`, v]);
  if (prop === 'border') return sides.map((s) => [`border-${s}`, value]);
  if (prop === 'border-width' || prop === 'border-color' || prop === 'border-style') {
    const what = prop.split('-')[1];
    return four(parts).map((v, i) => [`border-${sides[i]}-${what}`, v]);
  }
  if (prop.startsWith('page-break-')) {
    const v = value.trim() === 'always' ? 'page' : value.trim();
    return [[prop.replace('page-break-', 'break-'), v]];
  }
  if (prop === 'background') return [['background-color', value]];
  if (prop === 'list-style') return [['list-style-type', parts.find((p) => /^(none|disc|circle|square|decimal|lower-alpha|upper-alpha|lower-roman|upper-roman|lower-latin|upper-latin)$/.test(p)) ?? 'disc']];
  if (prop === 'text-decoration-line') return [['text-decoration', value]];
  return [[prop, value]];
}

type Warn = (message: string, line?: number) => void;

/** A declaration with its `var()`s replaced; none when one has no value and no fallback (CSS: invalid, so unset). */
function withVars(d: Declaration, vars: CustomProperties, warn: Warn): Declaration[] {
  const resolved = withCustomProperties(d, vars);
  if (resolved) return [resolved];
  warn(`"${d.prop}: ${d.value}" names a custom property that is not set and has no fallback; it is left out`, d.source?.start?.line);
  return [];
}

function applyDeclaration(style: ComputedStyle, parent: ComputedStyle, d: Declaration, warn: Warn): void {
  for (const [prop, raw] of expandShorthand(d.prop, d.value)) {
    const value = raw.replace(/\s*!important\s*$/, '').trim();
    if (value === 'inherit') {
      const key = camel(prop) as keyof ComputedStyle;
      if (key in parent) (style as unknown as Record<string, unknown>)[key] = parent[key];
      continue;
    }
    if (!applyLonghand(style, parent, prop, value)) {
      warn(`CSS value "${d.prop}: ${d.value}" is not supported in the PDF`, d.source?.start?.line);
    }
  }
}

function camel(prop: string): string {
  return prop.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

const SIDE = { top: 0, right: 1, bottom: 2, left: 3 } as const;

/** Applies one longhand; false when the value is not understood. */
function applyLonghand(style: ComputedStyle, parent: ComputedStyle, prop: string, value: string): boolean {
  const em = style.fontSize;
  const v = value.toLowerCase();
  switch (prop) {
    case 'display':
      if (v === 'none' || v === 'block' || v === 'inline' || v === 'list-item' || v === 'flex' || v === 'table' || v === 'table-row' || v === 'table-cell') {
        style.display = v;
        return true;
      }
      if (v === 'inline-block' || v === 'grid') { style.display = v === 'grid' ? 'block' : 'inline'; return false; }
      return false;
    case 'font-family':
      style.fontFamily = value.split(',').map((f) => f.trim().replace(/^["']|["']$/g, ''));
      return true;
    case 'font-size': {
      const named: Record<string, number> = { smaller: 0.83, larger: 1.2 };
      const pt = named[v] ? parent.fontSize * named[v] : toPt(v, parent.fontSize);
      if (pt === undefined) return false;
      style.fontSize = pt;
      return true;
    }
    case 'font-weight':
      if (v === 'bold' || v === 'bolder') style.fontWeight = 700;
      else if (v === 'normal' || v === 'lighter') style.fontWeight = 400;
      else if (/^\d{3}$/.test(v)) style.fontWeight = Number(v);
      else return false;
      return true;
    case 'font-style':
      style.italic = v === 'italic' || v === 'oblique';
      return v === 'italic' || v === 'oblique' || v === 'normal';
    case 'color': {
      const c = v === 'currentcolor' ? parent.color : toColor(v);
      if (!c) return false;
      style.color = c;
      return true;
    }
    case 'line-height': {
      const factor = v === 'normal' ? 1.2 : /^[\d.]+$/.test(v) ? Number(v) : undefined;
      if (factor !== undefined) {
        style.lineHeight = em * factor;
        style.lineHeightFactor = factor;
        return true;
      }
      const pt = toPt(v, em);
      if (pt === undefined) return false;
      style.lineHeight = pt;
      style.lineHeightFactor = undefined;
      return true;
    }
    case 'text-align':
      if (v === 'start') style.textAlign = 'left';
      else if (v === 'end') style.textAlign = 'right';
      else if (v === 'left' || v === 'right' || v === 'center' || v === 'justify') style.textAlign = v;
      else return false;
      return true;
    case 'text-transform':
      if (v !== 'none' && v !== 'uppercase' && v !== 'lowercase' && v !== 'capitalize') return false;
      style.textTransform = v;
      return true;
    case 'text-decoration':
      style.underline = v.includes('underline');
      return v.includes('underline') || v === 'none';
    case 'text-wrap':
      if (v === 'wrap' || v === 'pretty') style.textWrap = v;
      else if (v === 'stable' || v === 'auto') style.textWrap = 'wrap';
      else return false;
      return true;
    case 'white-space':
      if (v === 'pre' || v === 'pre-wrap' || v === 'pre-line') style.whiteSpace = 'pre';
      else if (v === 'nowrap') style.whiteSpace = 'nowrap';
      else if (v === 'normal') style.whiteSpace = 'normal';
      else return false;
      return true;
    case 'margin-top': case 'margin-right': case 'margin-bottom': case 'margin-left':
    case 'padding-top': case 'padding-right': case 'padding-bottom': case 'padding-left': {
      const [box, side] = prop.split('-') as ['margin' | 'padding', keyof typeof SIDE];
      const pt = v === 'auto' ? 0 : toPt(v, em);
      if (pt === undefined || v.endsWith('%')) return false;
      style[box] = [...style[box]] as Box4;
      style[box][SIDE[side]] = pt;
      return true;
    }
    case 'border-top': case 'border-right': case 'border-bottom': case 'border-left': {
      const side = SIDE[prop.slice(7) as keyof typeof SIDE];
      const border = parseBorder(v, em);
      if (!border) return false;
      style.border = [...style.border] as ComputedStyle['border'];
      style.border[side] = border;
      return true;
    }
    case 'border-top-width': case 'border-right-width': case 'border-bottom-width': case 'border-left-width':
    case 'border-top-color': case 'border-right-color': case 'border-bottom-color': case 'border-left-color':
    case 'border-top-style': case 'border-right-style': case 'border-bottom-style': case 'border-left-style': {
      const [, sideName, what] = prop.split('-') as [string, keyof typeof SIDE, string];
      const side = SIDE[sideName];
      style.border = [...style.border] as ComputedStyle['border'];
      const b = { ...style.border[side] };
      if (what === 'width') {
        const pt = toPt(v, em) ?? ({ thin: 0.75, medium: 2.25, thick: 3.75 } as Record<string, number>)[v];
        if (pt === undefined) return false;
        b.width = pt;
      } else if (what === 'color') {
        const c = toColor(v);
        if (!c) return false;
        b.color = c;
      } else if (v === 'none' || v === 'hidden') b.width = 0;
      else if (v !== 'solid') return false;
      style.border[side] = b;
      return true;
    }
    case 'border-collapse':
      return v === 'collapse' || v === 'separate';
    case 'background-color': {
      if (v === 'transparent' || v === 'none') {
        style.backgroundColor = undefined;
        return true;
      }
      const c = toColor(v);
      if (!c) return false;
      style.backgroundColor = c;
      return true;
    }
    case 'break-before': case 'break-after': {
      const key = prop === 'break-before' ? 'breakBefore' : 'breakAfter';
      if (v === 'page' || v === 'always' || v === 'left' || v === 'right' || v === 'recto' || v === 'verso') style[key] = 'page';
      else if (v === 'avoid' || v === 'avoid-page') style[key] = 'avoid';
      else if (v === 'auto') style[key] = 'auto';
      else return false;
      return true;
    }
    case 'break-inside':
      if (v === 'avoid' || v === 'avoid-page') style.breakInside = 'avoid';
      else if (v === 'auto') style.breakInside = 'auto';
      else return false;
      return true;
    case 'list-style-type':
      style.listStyleType = v;
      return true;
    case 'max-width': case 'width': {
      if (v === 'none' || v === 'auto') {
        style[prop === 'width' ? 'width' : 'maxWidth'] = undefined;
        return true;
      }
      const len = toLength(v, em);
      if (!len) return false;
      style[prop === 'width' ? 'width' : 'maxWidth'] = len;
      return true;
    }
    case 'float':
      // Floats beside the text are not laid out; a footnote is.
      if (v === 'footnote' || v === 'none') style.float = v;
      return v === 'footnote' || v === 'none';
    case 'vertical-align':
      if (v === 'super' || v === 'sub' || v === 'baseline') style.verticalAlign = v;
      // Table cells are laid out from the top; that is the one alignment of a cell the PDF has.
      return v === 'top' || v === 'baseline' || v === 'super' || v === 'sub';
    case 'justify-content':
      if (v === 'flex-start' || v === 'start' || v === 'normal') style.justifyContent = 'flex-start';
      else if (v === 'space-between' || v === 'center' || v === 'flex-end') style.justifyContent = v;
      else if (v === 'end') style.justifyContent = 'flex-end';
      else return false;
      return true;
    default:
      return false;
  }
}

function parseBorder(v: string, em: number): Border | undefined {
  if (v === 'none' || v === '0') return { width: 0, color: '#000000' };
  let width = 2.25;
  let color = '#000000';
  let styleOk = false;
  for (const part of v.split(/\s+(?![^(]*\))/)) {
    const pt = toPt(part, em) ?? ({ thin: 0.75, medium: 2.25, thick: 3.75 } as Record<string, number>)[part];
    if (pt !== undefined) width = pt;
    else if (part === 'solid') styleOk = true;
    else if (part === 'none' || part === 'hidden') return { width: 0, color };
    else if (toColor(part)) color = toColor(part)!;
    else return undefined;
  }
  return styleOk ? { width, color } : { width: 0, color };
}
