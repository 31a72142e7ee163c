/**
 * SVG figures, inline in the page: an SVG image file is parsed and sanitised here, so its shapes
 * and its text are part of the page (searchable, selectable, drawn as vectors in the PDF) and it
 * can carry nothing that acts or fetches:
 * - elements: shapes, text, groups, gradients, clip paths, markers, `use` (within the figure);
 *   `script`, `style`, `foreignObject`, `image`, animation and the like are removed with what they
 *   hold, a link keeps its text; `title` goes too (shown by no one, it names the figure instead);
 * - attributes: geometry and presentation ones only, no `on*` handlers, no `style`;
 * - references: only to the figure's own parts (`url(#id)`, `href="#id"`); its ids are prefixed
 *   so two figures on a page cannot take each other's gradients or a heading's anchor;
 * - sizes: those a browser ignores as errors (negative, endless) are left out, as it leaves them.
 */
import { createHash } from 'node:crypto';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { toString as hastText } from 'hast-util-to-string';
import { visit } from '../visitTree.js';

const SVG_TAGS = [
  'svg', 'g', 'defs', 'symbol', 'use', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon',
  'text', 'tspan', 'textPath', 'linearGradient', 'radialGradient', 'stop', 'clipPath', 'mask', 'marker', 'pattern',
];
const STRIPPED = ['title', 'desc', 'script', 'style', 'foreignObject', 'image', 'iframe', 'animate', 'animateMotion', 'animateTransform', 'set', 'filter', 'feImage', 'metadata'];

/** hast property names of the attributes a figure may keep. */
const SVG_ATTRIBUTES = [
  'id', 'viewBox', 'preserveAspectRatio', 'width', 'height', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry',
  'fx', 'fy', 'd', 'points', 'pathLength', 'transform', 'dx', 'dy', 'rotate', 'textLength', 'lengthAdjust',
  'fill', 'fillOpacity', 'fillRule', 'stroke', 'strokeWidth', 'strokeOpacity', 'strokeLinecap', 'strokeLinejoin',
  'strokeDashArray', 'strokeDashOffset', 'strokeMiterLimit', 'opacity', 'color', 'display', 'visibility',
  'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'textAnchor', 'dominantBaseline', 'alignmentBaseline',
  'baselineShift', 'letterSpacing', 'wordSpacing', 'textDecoration', 'offset', 'stopColor', 'stopOpacity',
  'gradientUnits', 'gradientTransform', 'spreadMethod', 'clipPath', 'clipRule', 'clipPathUnits', 'mask', 'maskUnits',
  'maskContentUnits', 'markerStart', 'markerMid', 'markerEnd', 'markerWidth', 'markerHeight', 'markerUnits', 'refX',
  'refY', 'orient', 'patternUnits', 'patternContentUnits', 'patternTransform', 'href', 'xLinkHref', 'lang', 'xmlLang',
];

const SVG_SCHEMA: Schema = {
  tagNames: SVG_TAGS,
  strip: STRIPPED,
  attributes: { '*': SVG_ATTRIBUTES },
  // Checked below: only references inside the figure survive.
  protocols: {},
  clobberPrefix: '',
  ancestors: {},
  required: {},
};

/**
 * Bounds on what a figure may ask of the PDF renderer, which recurses once per level and draws a
 * `<use>` by drawing its target again: groups 5000 deep overflowed the stack, and 30 groups each
 * using the one before twice asked for 2^29 shapes (minutes, then out of memory). Real figures
 * are far inside them: a chart has hundreds or a few thousand shapes, an icon array of 1000
 * people of 60 shapes each 60 000 (about 3 s and 800 MB to draw).
 */
export const MAX_SVG_DEPTH = 100;
export const MAX_SVG_ELEMENTS = 100_000;

/** A figure beyond those bounds: refused with the reason, as an image that cannot be used. */
export class FigureTooLarge extends Error {}

/** A reference that leaves the figure: any url(…) or href that is not `#id`. */
const OUTSIDE_URL = /url\(\s*['"]?(?!#)/i;

/**
 * An SVG file's text → the sanitised <svg> element, named (aria-label) by its own title if it has
 * one; undefined when the file holds no SVG. `warn` hears of what was left out that a reader might miss.
 */
export function safeSvg(text: string, warn: (message: string) => void = () => {}): Element | undefined {
  let parsed: Root;
  try {
    parsed = fromHtml(text, { fragment: true, space: 'svg' });
  } catch (e) {
    if (e instanceof RangeError) throw new FigureTooLarge(`nests elements deeper than ${MAX_SVG_DEPTH} levels`);
    throw e;
  }
  const svg = parsed.children.find((c): c is Element => c.type === 'element' && c.tagName === 'svg');
  if (!svg) return undefined;
  const depth = deepestNesting(svg);
  if (depth > MAX_SVG_DEPTH) throw new FigureTooLarge(`nests elements ${depth} levels deep, more than the ${MAX_SVG_DEPTH} a figure may`);
  const title = svg.children.find((c): c is Element => c.type === 'element' && c.tagName === 'title');
  const clean = sanitize({ type: 'root', children: [svg] }, SVG_SCHEMA) as Root;
  const root = clean.children.find((c): c is Element => c.type === 'element' && c.tagName === 'svg');
  if (!root) return undefined;
  const prefix = `svg-${createHash('sha256').update(text).digest('hex').slice(0, 8)}-`;
  visit(root, 'element', (node: Element) => {
    for (const [key, value] of Object.entries(node.properties)) {
      const v = Array.isArray(value) ? value.join(' ') : String(value);
      if (key === 'href' || key === 'xLinkHref') {
        if (v.startsWith('#')) node.properties[key] = `#${prefix}${v.slice(1)}`;
        else delete node.properties[key];
      } else if (key === 'id') node.properties.id = `${prefix}${v}`;
      else if (OUTSIDE_URL.test(v)) delete node.properties[key];
      else if (/url\(/i.test(v)) node.properties[key] = v.replace(/url\(\s*(['"]?)#/gi, `url($1#${prefix}`);
    }
  });
  dropBrokenReferences(root, warn);
  if (drawnElements(root) > MAX_SVG_ELEMENTS) {
    throw new FigureTooLarge(`draws more than ${MAX_SVG_ELEMENTS.toLocaleString("en")} elements (each <use> counted as what it draws): too many for a figure`);
  }
  dropBadSizes(root);
  root.properties.xmlns = 'http://www.w3.org/2000/svg';
  const name = title ? hastText(title).replace(/\s+/g, ' ').trim() : '';
  if (name) root.properties.ariaLabel = name;
  return root;
}

/**
 * A `<use>` (or any href) pointing at an id the figure does not have: a browser draws nothing for
 * it, and svg-to-pdfkit crashes on it ("Cannot read properties of undefined"). The element, or
 * the attribute, is left out; the figure draws as a browser draws it.
 */
function dropBrokenReferences(root: Element, warn: (message: string) => void): void {
  const ids = new Set<string>();
  visit(root, 'element', (node: Element) => void (node.properties.id !== undefined && ids.add(String(node.properties.id))));
  visit(root, 'element', (node: Element, index, parent) => {
    for (const key of ['href', 'xLinkHref']) {
      const ref = node.properties[key];
      if (typeof ref !== 'string' || ids.has(ref.slice(1))) continue;
      delete node.properties[key];
      if (node.tagName === 'use' && parent && index !== undefined) {
        warn(`its <use> refers to an element it does not have (${ref.replace(/^#svg-[0-9a-f]{8}-/, '#')}); it is left out, as a browser draws nothing for it`);
        parent.children.splice(index, 1);
        return index;
      }
    }
  });
}

/** A viewBox's four numbers, or undefined when it is not four finite numbers. */
function viewBoxOf(svg: Element): number[] | undefined {
  const box = String(svg.properties.viewBox ?? '').trim().split(/[\s,]+/).map(Number);
  return box.length === 4 && box.every(Number.isFinite) ? box : undefined;
}

/** The number of an SVG length ("12", "3.5mm", "1e400", "-5px"), or undefined when it is not one. */
function lengthNumber(value: unknown): number | undefined {
  const m = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*(?:px|pt|pc|mm|cm|in|em|ex|%)?\s*$/i.exec(String(value));
  return m ? Number(m[1]) : undefined;
}

const NUMBER = /[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?/gi;

/**
 * A value holding a number too large for any drawing ("1e400", "1e30"): a browser cannot hold it,
 * and pdfkit refuses anything from 1e21. References and colours (`#…`) hold no numbers.
 */
function endless(value: string): boolean {
  return !value.includes('#') && [...value.matchAll(NUMBER)].some((m) => !(Math.abs(Number(m[0])) < 1e20));
}

/**
 * Sizes a browser ignores as errors, which svg-to-pdfkit would draw by (off the page, or as NaN,
 * which fails the whole PDF): an attribute holding an endless number, a negative width or height of
 * an <svg>, a viewBox that is not four finite numbers or has a negative width or height. They go.
 */
function dropBadSizes(root: Element): void {
  visit(root, 'element', (node: Element) => {
    for (const [key, value] of Object.entries(node.properties)) {
      if (key !== 'id' && key !== 'href' && key !== 'xLinkHref' && endless(String(value))) delete node.properties[key];
    }
    if (node.tagName !== 'svg') return;
    for (const key of ['width', 'height'] as const) {
      const n = node.properties[key] === undefined ? undefined : lengthNumber(node.properties[key]);
      if (n !== undefined && n < 0) delete node.properties[key];
    }
    if (node.properties.viewBox === undefined) return;
    const box = viewBoxOf(node);
    if (!box || box[2] < 0 || box[3] < 0) delete node.properties.viewBox;
  });
}

/** Why a browser draws nothing of an <svg> element, if it draws nothing: a width, height or viewBox of zero size. */
function zeroSize(svg: Element): string | undefined {
  for (const key of ['width', 'height'] as const) {
    if (svg.properties[key] !== undefined && lengthNumber(svg.properties[key]) === 0) return `a ${key} of ${String(svg.properties[key]).trim()}`;
  }
  const box = svg.properties.viewBox === undefined ? undefined : viewBoxOf(svg);
  if (box && (box[2] === 0 || box[3] === 0)) return `a viewBox of zero size (${box.join(' ')})`;
  return undefined;
}

/**
 * Why a browser draws nothing of a sanitised figure, if it draws nothing (its text would be lost in
 * both outputs without a word). An <svg> of zero size inside it draws nothing either: it is left
 * out, with a warning quoting its text (svg-to-pdfkit would scale by zero, to NaN).
 */
export function emptyFigure(svg: Element, warn: (message: string) => void = () => {}): string | undefined {
  const size = zeroSize(svg);
  if (size) return `has ${size}`;
  visit(svg, 'element', (node: Element, index, parent) => {
    const inner = node !== svg && node.tagName === 'svg' ? zeroSize(node) : undefined;
    if (!inner || !parent || index === undefined) return;
    const text = hastText(node).replace(/\s+/g, ' ').trim();
    warn(`an <svg> inside it has ${inner}, so a browser draws nothing of it; it is left out${text ? ` with its text "${text.slice(0, 80)}"` : ''}`);
    parent.children.splice(index, 1);
    return index;
  });
  return undefined;
}

/** How deep elements nest inside each other, counted without recursion (this is what it guards). */
function deepestNesting(root: Element): number {
  let deepest = 0;
  const stack: [Element, number][] = [[root, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const child of node.children) if (child.type === 'element') stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * How many elements drawing the figure draws: each element once, and a `<use>` its target's again
 * (and so on through the targets' own `<use>`s). Counted without recursion, each element once
 * (its count remembered), a `<use>` that leads back into itself adding nothing; counts stop just
 * past the limit, so a figure of 2^29 shapes is told in a moment.
 */
function drawnElements(root: Element): number {
  const cap = MAX_SVG_ELEMENTS + 1;
  const byId = new Map<string, Element>();
  const stackIds: Element[] = [root];
  while (stackIds.length) {
    const node = stackIds.pop()!;
    if (node.properties.id !== undefined) byId.set(String(node.properties.id), node);
    for (const child of node.children) if (child.type === 'element') stackIds.push(child);
  }
  const parts = (node: Element): Element[] => {
    const children = node.children.filter((c): c is Element => c.type === 'element');
    const ref = node.tagName === 'use' ? node.properties.href ?? node.properties.xLinkHref : undefined;
    const target = typeof ref === 'string' ? byId.get(ref.slice(1)) : undefined;
    return target ? [...children, target] : children;
  };
  const counted = new Map<Element, number>();
  const entered = new Set<Element>();
  const stack: Element[] = [root];
  while (stack.length) {
    const node = stack[stack.length - 1];
    if (counted.has(node)) {
      stack.pop();
      continue;
    }
    if (!entered.has(node)) {
      entered.add(node);
      // A part already entered and not counted is an ancestor: a loop, which adds nothing.
      for (const part of parts(node)) if (!entered.has(part)) stack.push(part);
      continue;
    }
    stack.pop();
    // A <use> draws its target, not a shape of its own; any other element is one shape.
    const own = node.tagName === 'use' ? 0 : 1;
    counted.set(node, Math.min(cap, parts(node).reduce((n, part) => n + (counted.get(part) ?? 0), own)));
  }
  return counted.get(root) ?? 1;
}
