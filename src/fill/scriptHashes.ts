/**
 * Content-Security-Policy hashes of a page's inline scripts ('sha256-…'), so a page can allow
 * exactly its own scripts and nothing else. Read from the page as a browser parses it (parse5),
 * walking parse5's own tree without source positions: the catalog of a large library is a big
 * page, and building a hast tree with positions for it cost more than the rest of the catalog.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';
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
  walk(parse(html, { scriptingEnabled: true }));
  return [...hashes];
}
