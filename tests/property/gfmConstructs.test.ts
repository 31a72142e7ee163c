/**
 * The parse stage leaves out a GFM construct when the text lacks its marker (parseSource.ts,
 * GFM_CONSTRUCTS). The trees must be exactly remark-gfm's: on every example of the CommonMark and
 * GFM specs (needs ../shared), on the examples run together, and on random texts built from the
 * pieces those constructs are made of.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { parseMarkdown } from '../../src/parse/parseSource.js';
import { specExamples } from '../helpers/specExamples.js';
import { SHARED } from '../helpers/build.js';
import { outcome } from '../helpers/outcome.js';

const withAllOfGfm = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
const SPECS = ['commonmark_spec.txt', 'gfm_spec.txt'].map((f) => path.join(SHARED, 'corpus/spec', f));
const MARKDOWN = path.join(SHARED, 'corpus/markdown');


describe.skipIf(!SPECS.every((f) => existsSync(f)))('parsing with only the GFM constructs a text can hold (needs ../shared)', () => {
  it('gives remark-gfm’s tree for every spec example, for the examples run together, and for the corpus', () => {
    const examples = SPECS.flatMap((f) => specExamples(readFileSync(f, 'utf8')).map((e) => e.markdown));
    expect(examples.length).toBeGreaterThan(1200);
    const texts = [...examples, examples.join('\n\n'), ...readdirSync(MARKDOWN).map((f) => readFileSync(path.join(MARKDOWN, f), 'utf8'))];
    const differ = texts.filter((text) => JSON.stringify(parseMarkdown(text)) !== JSON.stringify(withAllOfGfm.parse(text)));
    expect(differ.map((t) => t.slice(0, 80))).toEqual([]);
  });
});

describe('parsing with only the GFM constructs a text can hold', () => {
  it('gives remark-gfm’s tree for random texts made of GFM’s pieces', () => {
    const piece = fc.constantFrom(
      'word', ' ', '\n', '\n\n', '\t', '|', ' | ', '---', ':--', '--:', '~', '~~', '[', ']', '[ ]', '[x]', '[X]', '[^1]', '[^1]: ', '(', ')',
      'www.', 'www.example.com', 'http://', 'https://a.b/c', 'mailto:', 'xmpp:', 'a@b.co', '@', '.', '- ', '* ', '1. ', '> ', '`', '*', '_', '<', '>', '\\', '&amp;', '    ',
      // Character references: the literal-link pass reads text with them decoded.
      '&#64;', '&commat;', 'a&#64;b.co', 'www&#46;x.org', 'http&#58;//x.org', '&#46;', '&#58;', '&#x2F;', '&#119;', '&#124;', '&#126;', '&#91;', '&#94;',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), (text) => {
        expect(outcome(() => parseMarkdown(text))).toEqual(outcome(() => withAllOfGfm.parse(text)));
      }),
      { numRuns: 3000, examples: [['*\n[x]\tTerm']] },
    );
  });

  it('parses a table, a task, strike-through, a footnote and a literal link when their markers are there', () => {
    const tree = JSON.stringify(parseMarkdown('| a |\n| - |\n| b |\n\n- [x] done\n\n~~gone~~ www.example.com and a note[^1]\n\n[^1]: note\n'));
    for (const text of ['a&#64;b.co', 'www&#46;example.org', 'http&#58;//example.org']) expect(JSON.stringify(parseMarkdown(text))).toContain('"link"');
    for (const type of ['"table"', '"checked":true', '"delete"', '"footnoteReference"', '"footnoteDefinition"', '"link"']) expect(tree).toContain(type);
  });
});
