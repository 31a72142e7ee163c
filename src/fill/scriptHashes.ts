/**
 * Content-Security-Policy hashes of a page's inline scripts ('sha256-…'), so a page can allow
 * exactly its own scripts and nothing else. Read from the page as a browser parses it.
 */
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { scriptHash } from './contentSecurityPolicy.js';

export function inlineScriptHashes(html: string): string[] {
  const scripts = selectAll('script:not([src])', fromHtml(html));
  return [...new Set(scripts.map((s) => scriptHash(toString(s))))];
}
