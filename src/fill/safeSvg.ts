/**
 * SVG figures, inline in the page: an SVG image file is parsed and sanitised here, so its shapes
 * and its text are part of the page (searchable, selectable, drawn as vectors in the PDF) and it
 * can carry nothing that acts or fetches:
 * - elements: shapes, text, groups, gradients, clip paths, markers, `use` (within the figure);
 *   `script`, `style`, `foreignObject`, `image`, animation and the like are removed with what they
 *   hold, a link keeps its text; `title` goes too (shown by no one, it names the figure instead);
 * - attributes: geometry and presentation ones only, no `on*` handlers, no `style`;
 * - references: only to the figure's own parts (`url(#id)`, `href="#id"`); its ids are prefixed
 *   so two figures on a page cannot take each other's gradients or a heading's anchor.
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

/** A reference that leaves the figure: any url(…) or href that is not `#id`. */
const OUTSIDE_URL = /url\(\s*['"]?(?!#)/i;

/**
 * An SVG file's text → the sanitised <svg> element, named (aria-label) by its own title if it has
 * one; undefined when the file holds no SVG. `warn` hears of what was left out that a reader might miss.
 */
export function safeSvg(text: string, warn: (message: string) => void = () => {}): Element | undefined {
  const parsed = fromHtml(text, { fragment: true, space: 'svg' });
  const svg = parsed.children.find((c): c is Element => c.type === 'element' && c.tagName === 'svg');
  if (!svg) return undefined;
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
