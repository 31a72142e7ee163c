/**
 * Content-Security-Policy hashes of a page's inline scripts ('sha256-…'), so a page can allow
 * exactly its own scripts and nothing else. Read from the page as a browser parses it (parse5),
 * walking parse5's own tree without source positions: the catalog of a large library is a big
 * page, and building a hast tree with positions for it cost more than the rest of the catalog.
 */
import type { DefaultTreeAdapterMap } from 'parse5';
import { parseHtml } from '../parseHtml.js';
import { scriptHash } from './contentSecurityPolicy.js';

type Node = DefaultTreeAdapterMap['node'];

export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  const walk = (node: Node): void => {
    if ('tagName' in node && node.tagName === 'script' && !node.attrs.some((a) => a.name === 'src')) {
      hashes.add(scriptHash(node.childNodes.map((c) => ('value' in c && c.nodeName === '#text' ? c.value : '')).join('')));
    }
    // A <template>'s children live in its content fragment, which a browser does not run.
    for (const child of 'childNodes' in node ? node.childNodes : []) walk(child);
  };
  walk(parseHtml(html, { scripting: true }));
  return [...hashes];
}

/**
 * The script hashes of a page made from a template, read on a small page from the same template
 * (the catalog without its rows, a few KB against 135 KB at 200 handouts: about 30 ms of a cold
 * build that makes the catalog again). Taken only when the two pages hold the same script
 * elements, tag for tag and character for character (what a row can change, escaped as it is,
 * is text between the scripts); else the full page is read as a browser reads it.
 */
export function templateScriptHashes(full: string, small: string): string[] {
  const scripts = rawScripts(small);
  const same = (other: string[]) => other.length === scripts.length && other.every((x, i) => x === scripts[i]);
  // "<!--" in a script can keep a "</script>" from ending it: such a page is read whole.
  return !scripts.some((x) => x.includes('<!--')) && same(rawScripts(full)) ? inlineScriptHashes(small) : inlineScriptHashes(full);
}

/**
 * Each script element's start tag and text, ended as the HTML tokenizer ends them: at the first
 * "</script" followed by a space, "/" or ">" (in any case). Every "<script" of the page counts,
 * wherever it stands.
 */
function rawScripts(html: string): string[] {
  const out: string[] = [];
  const start = /<script(?![\p{L}\p{N}_-])/giu;
  const close = /<\/script[\t\n\f\r />]/gi;
  for (let m = start.exec(html); m; m = start.exec(html)) {
    close.lastIndex = m.index;
    const end = close.exec(html)?.index ?? html.length;
    out.push(html.slice(m.index, end));
    start.lastIndex = Math.max(end, m.index + 1);
  }
  return out;
}
