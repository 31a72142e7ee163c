/** Helpers for check tests: an Outline from Markdown text written in the test, front matter included, parsed as the build parses it. */
import { Warnings } from '../../src/diagnostics.js';
import { buildOutline } from '../../src/outline/buildOutline.js';
import type { Outline } from '../../src/outline/outline.js';
import { parseSource } from '../../src/parse/parseSource.js';
import { parseFrontMatter } from '../../src/read/frontMatter.js';

export function outlineFrom(text: string, file = 'test.md'): Outline {
  const meta = parseFrontMatter(text, file, new Warnings());
  const source = { file, slug: 'test', format: file.endsWith('.txt') ? 'text' : 'markdown', text, meta } as const;
  // As the build parses: Markdown written for other tools too (callouts, definition lists).
  return buildOutline(source, parseSource(source));
}
