/**
 * What raw HTML in a source may keep. Handouts are pasted from Word and web pages and served inside
 * hospital systems: content must never run code in a reader's browser. The schema is GitHub's (the
 * one hast-util-sanitize ships), made explicit here and tightened:
 *
 * - Elements: only the text and table elements below; anything else is unwrapped (its text kept).
 * - Removed with everything inside them: script, style (a stylesheet that would restyle the page),
 *   and elements whose content is not text for a reader (template, iframe, object, svg, math …).
 * - Attributes: no `on*` handlers, no `style`, `class` only where GitHub allows it (code languages,
 *   task lists, footnotes), no form or focus attributes; GitHub's list otherwise (alt, title, lang,
 *   dir, colspan, id …).
 * - URLs: links may be http, https, mailto or tel; images and quotes http or https; relative paths
 *   are kept. `javascript:`, `vbscript:`, `file:` and `data:` are dropped. The `data:` images in our
 *   output are embedded by handout itself, after this step, from files inside the project.
 */
import { defaultSchema, type Schema } from 'hast-util-sanitize';
import { CALLOUT_KINDS } from '../parse/dialects.js';

export const CONTENT_TAGS = [
  'a', 'b', 'blockquote', 'br', 'code', 'dd', 'del', 'details', 'div', 'dl', 'dt', 'em',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'input', 'ins', 'kbd', 'li', 'mark', 'ol', 'p',
  'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'section', 'span', 'strike', 'strong', 'sub',
  'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'tt', 'ul', 'var',
];

/**
 * Removed together with their content. Those in TEXT_HOLDING_TAGS first give their text back as
 * plain text (contentToHtml.ts), the others are reported with the text they held: nothing vanishes silently.
 */
export const STRIPPED_TAGS = [
  'script', 'style', 'template', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'applet', 'svg', 'math', 'textarea', 'select', 'title', 'xmp', 'noembed', 'noframes', 'plaintext',
];

/** Elements whose content is text for a reader (a form control's, a title's, a frame's fallback), or that the HTML parser lets swallow the text after them. */
export const TEXT_HOLDING_TAGS = ['textarea', 'select', 'title', 'xmp', 'iframe', 'noscript', 'noembed', 'noframes', 'plaintext'];

/**
 * Inline elements raw HTML may open in a paragraph; b, i, a and the other formatting elements would
 * otherwise run on into the blocks after it: one never closed is closed at the end of the block it
 * opens in (contentToHtml.ts), so it nests nothing after that block (limits.ts).
 */
export const RAW_INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'mark', 'nobr', 'q',
  's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var',
]);

/** GitHub's attributes for every element, less those that act (forms) or move focus, and HTML 4's presentational ones (not valid HTML). */
const DROPPED_ATTRIBUTES = [
  'action', 'method', 'encType', 'accessKey', 'tabIndex', 'useMap', 'isMap',
  'align', 'axis', 'border', 'cellPadding', 'cellSpacing', 'char', 'charOff', 'clear', 'color', 'compact', 'frame',
  'hSpace', 'noHref', 'noShade', 'noWrap', 'rules', 'summary', 'vAlign', 'rev', 'width', 'height',
];
const ANY_ELEMENT_ATTRIBUTES = (defaultSchema.attributes?.['*'] ?? []).filter((a) => !DROPPED_ATTRIBUTES.includes(String(a)));

export const CONTENT_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: CONTENT_TAGS,
  strip: STRIPPED_TAGS,
  attributes: {
    ...defaultSchema.attributes,
    '*': ANY_ELEMENT_ATTRIBUTES,
    img: [...(defaultSchema.attributes?.img ?? []), 'width', 'height'],
    // A callout (a GitHub alert, an admonition: contentToHtml.ts) is a labelled note; a source may write one in HTML too.
    div: [...(defaultSchema.attributes?.div ?? []), ['className', 'callout', ...CALLOUT_KINDS.map((k) => `callout-${k}`)], ['role', 'note']],
    // A line of a web page's frame copied with plain text (inferOutline.ts's markPageFrame) is printed small.
    p: [...(defaultSchema.attributes?.p ?? []), ['className', 'callout-label', 'page-frame']],
    // A table column's alignment (GFM `| :---: |`): turned into a class after sanitising (contentToHtml.ts).
    td: [['align', 'left', 'center', 'right']],
    th: [['align', 'left', 'center', 'right']],
  },
  protocols: {
    href: ['http', 'https', 'mailto', 'tel'],
    cite: ['http', 'https'],
    src: ['http', 'https'],
    longDesc: [],
  },
  // Footnote and heading ids are made by mdast-util-to-hast, already prefixed "user-content-".
  clobberPrefix: '',
};
