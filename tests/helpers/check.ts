/** Helpers for check tests: an Outline from Markdown text written in the test, front matter included. */
import { Warnings } from '../../src/diagnostics.js';
import { buildOutline } from '../../src/outline/buildOutline.js';
import type { Outline } from '../../src/outline/outline.js';
import { parseMarkdown, parsePlainText } from '../../src/parse/parseSource.js';
import { parseFrontMatter } from '../../src/read/frontMatter.js';

export function outlineFrom(text: string, file = 'test.md'): Outline {
  const meta = parseFrontMatter(text, file, new Warnings());
  const plain = file.endsWith('.txt');
  return buildOutline({ file, slug: 'test', format: plain ? 'text' : 'markdown', text, meta }, plain ? parsePlainText(text) : parseMarkdown(text));
}
