/**
 * The parse stage leaves out the constructs of other dialects (definition lists, TOML front matter)
 * when the text lacks their marker, as it does GFM's (parseSource.ts, DIALECT_CONSTRUCTS): the
 * tree must be that of the parser that always has them, on the spec examples, the corpus and
 * random texts made of the pieces definition lists are made of.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { defList } from 'micromark-extension-definition-list';
import { defListFromMarkdown } from 'mdast-util-definition-list';
import { parseMarkdownWithDialects } from '../../src/parse/parseSource.js';
import { specExamples } from '../helpers/specExamples.js';
import { SHARED } from '../helpers/build.js';

const withEverything = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(function dialects() {
    const data = this.data();
    (data.micromarkExtensions ??= []).push(defList);
    (data.fromMarkdownExtensions ??= []).push([defListFromMarkdown]);
  })
  .use(remarkFrontmatter, ['yaml', 'toml']);
const SPECS = ['commonmark_spec.txt', 'gfm_spec.txt'].map((f) => path.join(SHARED, 'corpus/spec', f));
const MARKDOWN = path.join(SHARED, 'corpus/markdown');


describe.skipIf(!SPECS.every((f) => existsSync(f)))('parsing with only the dialect constructs a text can hold (needs ../shared)', () => {
  it('gives the tree of the parser that always has them, for every spec example and the corpus', () => {
    const examples = SPECS.flatMap((f) => specExamples(readFileSync(f, 'utf8')).map((e) => e.markdown));
    const texts = [...examples, examples.join('\n\n'), ...readdirSync(MARKDOWN).map((f) => readFileSync(path.join(MARKDOWN, f), 'utf8'))];
    const differ = texts.filter((text) => JSON.stringify(parseMarkdownWithDialects(text)) !== JSON.stringify(withEverything.parse(text)));
    expect(differ.map((t) => t.slice(0, 80))).toEqual([]);
  });
});

describe('parsing with only the dialect constructs a text can hold', () => {
  it('gives the tree of the parser that always has them, for random texts made of their pieces', () => {
    const piece = fc.constantFrom(
      'Term', 'word', ' ', '\n', '\n\n', '\t', ':', ': ', ':   ', '~', '~ ', '- ', '* ', '1. ', '> ', '    ', '  ', '`', '*', '|', '---', '+++', 'a = "b"', '[x]', '10:30',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), (text) => {
        expect(parseMarkdownWithDialects(text)).toEqual(withEverything.parse(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('parses a definition list and TOML front matter when their markers are there', () => {
    const tree = parseMarkdownWithDialects('+++\ntitle = "x"\n+++\n\nTerm\n: Definition\n');
    expect(tree.children.map((c) => c.type)).toEqual(['toml', 'defList']);
  });
});
