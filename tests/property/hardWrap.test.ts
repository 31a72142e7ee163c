/**
 * The same article, hard-wrapped, has the same outline: plain prose is read from one paragraph a
 * line (text copied from web pages), from text wrapped by an editor or an e-mail program at 64 or
 * 72 columns, paragraphs set apart by blank lines, a header's short lines kept together, and from
 * text typed as a letter, each paragraph's first line indented and no blank lines. The
 * seed and the corpus's labelled articles from ../shared (skipped when absent).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import type { Block } from '../../src/outline/outline.js';
import type { Section } from '../../src/outline/outline.js';
import { outlineOf } from '../../src/document/buildDocument.js';
import { Warnings } from '../../src/diagnostics.js';

const SHARED = path.resolve('../shared');
const ARTICLES = existsSync(SHARED)
  ? [path.join(SHARED, 'seeds/calcinosis.txt'), ...readdirSync(path.join(SHARED, 'corpus/plain')).filter((f) => f.endsWith('.txt')).map((f) => path.join(SHARED, 'corpus/plain', f))]
  : [];

/** Wraps a line as an editor fills it: words to a line until the next would pass `width`. */
function fill(line: string, width: number, indent = ''): string[] {
  const item = /^(\s*(?:[-*•]|\d+[.)])\s+)/.exec(line)?.[1];
  const lines: string[] = [];
  let current = indent;
  for (const word of line.trim().split(/\s+/)) {
    if (current.trim() && current.length + 1 + word.length > width) {
      lines.push(current);
      current = (item ? ' '.repeat(item.length) : '') + word;
    } else current = current.trim() ? `${current} ${word}` : current + word;
  }
  return [...lines, current];
}

/** The article hard-wrapped: each line longer than `width` filled and set apart by blank lines; short lines that stood together stay together. */
function hardWrapped(text: string, width: number): string {
  const blocks: string[][] = [];
  for (const block of text.split(/\n\s*\n/)) {
    let short: string[] = [];
    for (const line of block.split('\n').filter((l) => l.trim())) {
      if (line.length <= width) short.push(line.trimEnd());
      else {
        if (short.length) blocks.push(short), (short = []);
        blocks.push(fill(line, width));
      }
    }
    if (short.length) blocks.push(short);
  }
  return blocks.map((b) => b.join('\n')).join('\n\n') + '\n';
}

/**
 * The article typed as a letter is: no blank lines, each paragraph's first line indented four
 * spaces and the paragraph filled at `width`; short lines (headings, a header) stand flush.
 */
function indentedParagraphs(text: string, width: number): string {
  const out: string[] = [];
  for (const line of text.split('\n').filter((l) => l.trim())) {
    if (line.length <= width) out.push(line.trimEnd());
    else if (/^\s*(?:[-*•]|\d+[.)])\s/.test(line)) out.push(...fill(line, width));
    else out.push(...fill(line, width, '    '));
  }
  return out.join('\n') + '\n';
}

/** What a reader sees of an outline: the title, and each heading with the text of what it holds. */
function shape(file: string, text: string) {
  const { outline } = outlineOf(file, new Warnings(), Buffer.from(text));
  const texts = (blocks: Block[]) => blocks.map((b) => toString(b).replace(/\s+/g, ' '));
  const section = (s: Section): unknown => ({ title: s.title, blocks: texts(s.blocks), sections: s.sections.map(section), closing: texts(s.closing ?? []) });
  return { title: outline.title, intro: texts(outline.intro), sections: outline.sections.map(section), closing: texts(outline.closing) };
}

describe.skipIf(ARTICLES.length === 0)('hard-wrapped articles (skipped: ../shared is absent outside the workspace)', () => {
  for (const width of [64, 72]) {
    it(`the seed and the corpus wrapped at ${width} columns keep their outlines`, () => {
      for (const file of ARTICLES) {
        const text = readFileSync(file, 'utf8');
        const wrapped = hardWrapped(text, width);
        expect(wrapped, file).not.toBe(text);
        expect(shape(file, wrapped), `${path.basename(file)} wrapped at ${width}`).toEqual(shape(file, text));
      }
    });
  }
  it('the seed and the corpus typed with indented first lines and no blank lines keep their outlines', () => {
    for (const file of ARTICLES) {
      const text = readFileSync(file, 'utf8');
      const typed = indentedParagraphs(text, 72);
      expect(typed).toMatch(/\n {4}\S/);
      expect(shape(file, typed), `${path.basename(file)} with indented first lines`).toEqual(shape(file, text));
    }
  });
});
