/**
 * A page as a browser parses it (parse5's tree), without source positions: neither the PDF
 * renderer nor the script hashes read them, and recording them costs a fifth of the parse.
 *
 * Most of a handout's page is its stylesheet, which parse5's tokenizer reads a character at a time
 * (a tiny handout's page is 11.7 KB, 10.9 KB of it the <style> element: 22 ms of a cold process's
 * first parse, 6.5 ms without it). So each style element's text is handed to parse5 as a short
 * placeholder and put back into the tree afterwards, as the tokenizer would have read it. That
 * is the same tree only when each placeholder ended up as the whole text of an HTML <style>
 * element (not in a comment, an attribute, SVG's own <style>, a <select> that ignores the tag,
 * a script's text …), and nowhere else: this is checked, and any other page is parsed as written.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Parse5Node = DefaultTreeAdapterMap['node'];
type Parse5Document = DefaultTreeAdapterMap['document'];

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
/** A style start tag: `<style`, then the end of the name (white space, `/` or `>`), up to the first `>`. */
const STYLE_START = /<style(?:[\t\n\f\r /][^>]*)?>/gi;
/** What ends a style element's raw text: `</style` followed by white space, `/` or `>`. */
const STYLE_END = /<\/style[\t\n\f\r />]/gi;
const MARK = 'handout-style-text-';

/** `scripting`: parse as a browser running scripts does (a <noscript>'s content is then text). */
export function parseHtml(html: string, { scripting }: { scripting: boolean }): Parse5Document {
  return withStyleTextsStoodIn(html, scripting) ?? parse(html, { scriptingEnabled: scripting });
}

/**
 * The page's tree, parsed with its style texts stood in for and put back; undefined when the page
 * has no style text to stand in for, or a placeholder did not end up where the check needs it.
 */
export function withStyleTextsStoodIn(html: string, scripting: boolean): Parse5Document | undefined {
  if (html.includes(MARK)) return undefined;
  const texts: string[] = [];
  let marked = '';
  let from = 0;
  for (STYLE_START.lastIndex = 0; STYLE_START.exec(html); ) {
    const start = STYLE_START.lastIndex;
    STYLE_END.lastIndex = start;
    const end = STYLE_END.exec(html);
    if (!end) break; // raw text up to the end of the page: left as it is
    STYLE_START.lastIndex = end.index;
    if (end.index === start) continue; // an empty element has no text node to stand in for
    marked += html.slice(from, start) + MARK + texts.length;
    texts.push(html.slice(start, end.index));
    from = end.index;
  }
  if (!texts.length) return undefined;
  const tree = parse(marked + html.slice(from), { scriptingEnabled: scripting });
  return restoreStyleTexts(tree, texts) ? tree : undefined;
}

/**
 * Puts each style text back in place of its placeholder; false unless every placeholder is the one
 * text of an HTML style element. Each occurs once in the page parsed, so then none is anywhere else
 * (a comment, an attribute, another text). The text is as parse5 reads raw text: line breaks
 * normalised to LF (its input stream does so) and NUL read as U+FFFD.
 */
function restoreStyleTexts(tree: Parse5Node, texts: string[]): boolean {
  const restored = new Set<number>();
  const walk = (node: Parse5Node): void => {
    const parent = 'parentNode' in node ? node.parentNode : null;
    if ('value' in node && node.value.startsWith(MARK) && parent && 'tagName' in parent && parent.tagName === 'style' && parent.namespaceURI === HTML_NAMESPACE && parent.childNodes.length === 1) {
      const i = Number(node.value.slice(MARK.length));
      if (node.value !== MARK + i || !(i < texts.length) || restored.has(i)) return;
      node.value = texts[i].replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
      restored.add(i);
    }
    if ('content' in node) walk(node.content);
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
  };
  walk(tree);
  return restored.size === texts.length;
}
