/**
 * The limit on emphasis marks a paragraph of Markdown may hold (src/document/limits.ts): counted as
 * micromark pairs them, a paragraph at a time, escapes read as CommonMark reads them.
 */
import { describe, expect, it } from 'vitest';
import { checkSourceText, MAX_MARKS } from '../../src/document/limits.js';
import type { Source } from '../../src/read/readSource.js';

const markdown = (text: string) => ({ file: 'a.md', format: 'markdown', text }) as Source;

describe('emphasis marks in one paragraph', () => {
  it('a list of 30,000 items, each with a bold term, is 30,000 paragraphs, not one: it is not refused', () => {
    const list = Array.from({ length: 30_000 }, (_, i) => `- **Term ${i}**: what it means`).join('\n');
    expect(() => checkSourceText(markdown(`# Terms\n\n${list}\n`))).not.toThrow();
  });

  it('a mark after an escaped backslash is a mark: "\\\\*a\\\\*" counts two', () => {
    const pairs = '\\\\*a\\\\* '.repeat(MAX_MARKS / 2 + 1);
    expect(() => checkSourceText(markdown(`# Marks\n\n${pairs}\n`))).toThrow(/more than 100000 emphasis marks/);
    // One backslash escapes: those are no marks.
    expect(() => checkSourceText(markdown(`# Marks\n\n${'\\*a\\* '.repeat(MAX_MARKS / 2 + 1)}\n`))).not.toThrow();
  });

  it('a quote\'s lines are one paragraph: marks spread over them add up', () => {
    const quote = Array.from({ length: 200 }, () => `> ${'*a* '.repeat(300)}`).join('\n');
    expect(() => checkSourceText(markdown(`# Quote\n\n${quote}\n`))).toThrow(/line 3|emphasis marks/);
  });
});

describe('columns of a table', () => {
  it('a table of more than 1000 columns is refused at its line; one of 1000 is not', async () => {
    const { checkTree, MAX_COLUMNS } = await import('../../src/document/limits.js');
    const { parseMarkdown } = await import('../../src/parse/parseSource.js');
    const table = (n: number) => `# Wide\n\n|${'a|'.repeat(n)}\n|${'-|'.repeat(n)}\n`;
    expect(() => checkTree(parseMarkdown(table(MAX_COLUMNS)), 'a.md')).not.toThrow();
    expect(() => checkTree(parseMarkdown(table(MAX_COLUMNS + 1)), 'a.md')).toThrow(/a table of 1001 columns is not supported/);
  });
});
