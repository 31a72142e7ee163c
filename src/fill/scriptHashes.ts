/**
 * Content-Security-Policy hashes of a page's inline scripts ('sha256-…'), so a page can allow
 * exactly its own scripts and nothing else. Read from the page as a browser parses it.
 */
import { createHash } from 'node:crypto';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';

export function inlineScriptHashes(html: string): string[] {
  const scripts = selectAll('script:not([src])', fromHtml(html));
  return [...new Set(scripts.map((s) => `sha256-${createHash('sha256').update(toString(s), 'utf8').digest('base64')}`))];
}
