import { describe, it, expect } from 'vitest';
import type { Paragraph, Text, Table, Heading } from 'mdast';
import { parsePlainText, parseMarkdown, parseSource } from '../../src/parse/parseSource.js';

const textOf = (p: unknown) => ((p as Paragraph).children[0] as Text).value;

describe('parsePlainText', () => {
  it('splits paragraphs at blank lines and joins wrapped lines with a space', () => {
    const tree = parsePlainText('Take one tablet\n  every morning.\n\nCall us if\nyou feel dizzy.\n');
    expect(tree.children.map((c) => c.type)).toEqual(['paragraph', 'paragraph']);
    expect(tree.children.map(textOf)).toEqual(['Take one tablet every morning.', 'Call us if you feel dizzy.']);
  });

  it('treats whitespace-only lines and runs of blank lines as one separator', () => {
    const tree = parsePlainText('a\n \t \n\n\nb');
    expect(tree.children.map(textOf)).toEqual(['a', 'b']);
  });

  it('makes one paragraph per line when there is no blank line at all', () => {
    const tree = parsePlainText('First line\nSecond line\nThird line\n');
    expect(tree.children.map(textOf)).toEqual(['First line', 'Second line', 'Third line']);
  });

  it('gives file positions for each paragraph', () => {
    const tree = parsePlainText('Intro\n\nPara two and\nwrapped here\n\nLast');
    expect(tree.children.map((c) => c.position?.start.line)).toEqual([1, 3, 6]);
    expect(tree.children.map((c) => c.position?.end.line)).toEqual([1, 4, 6]);
    expect(tree.children[1].position?.end.column).toBe('wrapped here'.length + 1);
  });

  it('gives per-line positions in one-paragraph-per-line mode', () => {
    const tree = parsePlainText('x\ny\nz');
    expect(tree.children.map((c) => c.position?.start.line)).toEqual([1, 2, 3]);
  });

  it('keeps Markdown syntax as literal text', () => {
    const tree = parsePlainText('*not emphasis* and # not a heading\n\n- not a list');
    expect(tree.children.every((c) => c.type === 'paragraph')).toBe(true);
    expect(tree.children.map(textOf)).toEqual(['*not emphasis* and # not a heading', '- not a list']);
  });

  it('returns an empty root for empty text', () => {
    expect(parsePlainText('').children).toEqual([]);
  });
});

describe('parseMarkdown', () => {
  it('parses GFM tables', () => {
    const tree = parseMarkdown('| Dose | When |\n| --- | --- |\n| 5 mg | Morning |\n');
    const table = tree.children.find((c): c is Table => c.type === 'table');
    expect(table).toBeDefined();
    expect(table!.children).toHaveLength(2);
  });

  it('parses YAML front matter into a yaml node, keeping file lines for what follows', () => {
    const tree = parseMarkdown('---\ntitle: T\n---\n\n# Heading\n');
    expect(tree.children[0]).toMatchObject({ type: 'yaml', value: 'title: T' });
    const heading = tree.children.find((c): c is Heading => c.type === 'heading');
    expect(heading?.position?.start.line).toBe(5);
  });

  it('parseSource dispatches on format', () => {
    const base = { file: 'f', slug: 'f', text: '*x*', meta: { lang: 'en', keywords: [] } };
    const md = parseSource({ ...base, format: 'markdown' });
    const txt = parseSource({ ...base, format: 'text' });
    expect((md.children[0] as Paragraph).children[0].type).toBe('emphasis');
    expect(textOf(txt.children[0])).toBe('*x*');
  });
});
