/**
 * CSS values: a declaration's text → the typed value it sets on a computed style (lengths in
 * points, colours as #rrggbb, borders, the longhands of a shorthand). Values are split into words
 * by postcss-value-parser and colours read by colord, as a browser reads them; the cascade that
 * decides which declarations apply is in styles.ts.
 */
import valueParser from 'postcss-value-parser';
import { colord, extend } from 'colord';
import namesPlugin from 'colord/plugins/names';
import type { Declaration } from 'postcss';
import type { Border, Box4, ComputedStyle, Length } from './styles.js';
import { lookupTable } from '../../lookupTable.js';

extend([namesPlugin]);

const UNITS = lookupTable({ pt: 1, px: 0.75, in: 72, cm: 72 / 2.54, mm: 72 / 25.4, pc: 12 });
const NAMED_FONT_SIZES = lookupTable({ smaller: 0.83, larger: 1.2 });
const BORDER_WIDTHS = lookupTable({ thin: 0.75, medium: 2.25, thick: 3.75 });

/** A CSS length in points; em and % against `em` (the font size they are relative to). */
export function toPt(value: string, em: number, rem = 12): number | undefined {
  const dimension = valueParser.unit(value.trim().toLowerCase());
  if (!dimension) return undefined;
  const n = Number(dimension.number);
  if (!Number.isFinite(n)) return undefined;
  const { unit } = dimension;
  if (unit === '') return n === 0 ? 0 : undefined; // only zero needs no unit
  if (unit === 'em') return n * em;
  if (unit === 'rem') return n * rem;
  if (unit === '%') return (n / 100) * em;
  const factor = UNITS[unit];
  return factor === undefined ? undefined : n * factor;
}

function toLength(value: string, em: number): Length | undefined {
  const dimension = valueParser.unit(value.trim());
  if (dimension && dimension.unit === '%') return { percent: Number(dimension.number) / 100 };
  const pt = toPt(value, em);
  return pt === undefined ? undefined : { pt };
}

/**
 * A CSS colour (a name, #rgb, #rrggbb, rgb(), hsl() …) as #rrggbb. The PDF draws opaque colours:
 * an alpha channel is dropped.
 */
export function toColor(value: string): string | undefined {
  const colour = colord(value.trim().toLowerCase());
  return colour.isValid() ? colour.alpha(1).toHex() : undefined;
}

/** A value's words, split at spaces outside functions: `1pt solid rgb(0, 0, 0)` → three words. */
export function wordsOfValue(value: string): string[] {
  return valueParser(value.trim()).nodes.filter((n) => n.type !== 'space' && n.type !== 'comment').map((n) => valueParser.stringify(n));
}

/** Shorthands → longhands, so each longhand has one code path. */
export function expandShorthand(prop: string, value: string): [string, string][] {
  const parts = wordsOfValue(value);
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

export type Warn = (message: string, line?: number) => void;

/** A stylesheet's declarations are parsed once per process, with the stylesheet: so are their longhands. */
const longhands = new WeakMap<Declaration, [string, string][]>();

function longhandsOf(d: Declaration): [string, string][] {
  let list = longhands.get(d);
  if (!list) {
    list = expandShorthand(d.prop, d.value).map(([prop, raw]) => [prop, raw.replace(/\s*!important\s*$/, '').trim()]);
    longhands.set(d, list);
  }
  return list;
}

/** Applies a declaration (a shorthand is applied as its longhands); warns about what it cannot read. */
export function applyDeclaration(style: ComputedStyle, parent: ComputedStyle, d: Declaration, warn: Warn): void {
  for (const [prop, value] of longhandsOf(d)) {
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
      const named = NAMED_FONT_SIZES[v];
      const pt = named !== undefined ? parent.fontSize * named : toPt(v, parent.fontSize);
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
        const pt = toPt(v, em) ?? BORDER_WIDTHS[v];
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
  for (const part of wordsOfValue(v)) {
    const pt = toPt(part, em) ?? BORDER_WIDTHS[part];
    if (pt !== undefined) width = pt;
    else if (part === 'solid') styleOk = true;
    else if (part === 'none' || part === 'hidden') return { width: 0, color };
    else if (toColor(part)) color = toColor(part)!;
    else return undefined;
  }
  return styleOk ? { width, color } : { width: 0, color };
}
