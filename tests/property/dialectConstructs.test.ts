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
import { exportedSourceRewritten } from '../../src/parse/exportedSource.js';
import { exportedConstructs } from '../../src/parse/exportedTree.js';
import { Warnings } from '../../src/diagnostics.js';
import type { Source } from '../../src/read/readSource.js';
import { specExamples } from '../helpers/specExamples.js';
import { SHARED } from '../helpers/build.js';
import { outcome } from '../helpers/outcome.js';

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

/** The tree handout reads from a text, with the passes for Markdown exported by other tools (exportedSource.ts, exportedTree.ts). */
function withExportedConstructs(text: string): { source: string; tree: ReturnType<typeof parseMarkdownWithDialects> } {
  const warnings = new Warnings();
  const source = exportedSourceRewritten({ file: 'a.md', text, format: 'markdown' } as Source, warnings);
  const tree = parseMarkdownWithDialects(source.text);
  exportedConstructs(tree, source.text, 'a.md', warnings, source.exported);
  return { source: source.text, tree };
}

describe.skipIf(!SPECS.every((f) => existsSync(f)))('the passes for exported Markdown on ordinary Markdown (needs ../shared)', () => {
  it('change the tree of no spec example or corpus document, but the two that write an Obsidian wikilink', () => {
    const examples = SPECS.flatMap((f) => specExamples(readFileSync(f, 'utf8')).map((e) => e.markdown));
    const texts = [...new Set([...examples, ...readdirSync(MARKDOWN).map((f) => readFileSync(path.join(MARKDOWN, f), 'utf8'))])];
    const differ = texts.filter((text) => JSON.stringify(withExportedConstructs(text).tree) !== JSON.stringify(parseMarkdownWithDialects(text)));
    expect(differ).toEqual(['[[[foo]]]\n\n[[[foo]]]: /url', '![[foo]]\n\n[[foo]]: /url "title"']);
  });
});

describe('the passes for exported Markdown', () => {
  const piece = fc.constantFrom(
    'Page', 'word', ' ', '\n', '\n\n', '\t', '%%', '==', '[[', ']]', '|', '| ', '^', '^id', '~', '**', '*', '#tag', '#', '`', '```', '```{r echo=FALSE}', '#| echo: false',
    '<aside>', '</aside>', '💡 ', '+-----+----+', '+=====+====+', '-----', '--- ---', '  ', '> ', '- ', ': ', 'Table: ', '\\',
  );
  it('keep every line where it was, and leave a text without their markers as it was', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), (text) => {
        const { source, tree } = withExportedConstructs(text);
        expect(source.split('\n').length).toBe(text.split('\n').length);
        if (!/%%|==|\[\[|\||\^|~|\*|#|```|<aside>|\+-|--/.test(text)) expect(tree).toEqual(parseMarkdownWithDialects(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the passes for exported Markdown on ordinary text that holds their characters', () => {
  // Neither an Obsidian note (no wikilink, no folded callout) nor Pandoc's Markdown (no attribute, table or line block).
  const ordinary = [
    'Delete the *.tmp files and the *.bak files before you start.',
    'Write **Note. **Then the rest, and *warm water, *never hot.',
    'In C, x==1 or y==2 compares values.\n\nA ==highlight== here.',
    'The area grows as x^2+y^2, and 10^3^ is a thousand.\n\nThe power ^2\n\nA block ^abc123',
    'Take ~5 mg, H~2~O and CO~2~.',
    'Type %i, or %%i in a batch file.\n\nStep one.\n\nThen %%i again.\n\n%% not a comment %%',
    'Find us online. #health #wellbeing\n\n#tag',
    'The query prints:\n\n    +------+-----+\n    | name | age |\n    +------+-----+\n    | Bob  | 42  |\n    +------+-----+\n\nA loop:\n\n    for %%f in (*.txt) do echo %%f\n',
    '> ```\n> +----+----+\n> | a  | b  |\n> +----+----+\n> ```\n',
    '- item\n\n        +----+\n        | %%a %%b |\n        +----+\n',
    'A box drawn in text:\n\n+----+\n+----+\n',
  ];
  it('leave the tree as CommonMark reads it, for each of these shapes', () => {
    for (const text of ordinary) expect(withExportedConstructs(text).tree, text).toEqual(parseMarkdownWithDialects(text));
  });
  it('leave it so for random texts made of those shapes', () => {
    const piece = fc.constantFrom(
      'word', ' ', '\n', '\n\n', '    ', '\t', '%%', '%%i', '==', 'x==1', '==a==', '^', '^2', 'x^2+y^2', '^a^', ' ^id', '~', 'H~2~O', '~a~',
      '*', '**', '*.tmp ', '**a **b', '#tag', '. #tag', '`', '```', '> ', '- ', '1. ', '+----+', '#',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), (text) => {
        expect(withExportedConstructs(text).tree).toEqual(parseMarkdownWithDialects(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parsing with only the dialect constructs a text can hold', () => {
  it('gives the tree of the parser that always has them, for random texts made of their pieces', () => {
    const piece = fc.constantFrom(
      'Term', 'word', ' ', '\n', '\n\n', '\t', ':', ': ', ':   ', '~', '~ ', '- ', '* ', '1. ', '> ', '    ', '  ', '`', '*', '|', '---', '+++', 'a = "b"', '[x]', '10:30',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), (text) => {
        expect(outcome(() => parseMarkdownWithDialects(text))).toEqual(outcome(() => withEverything.parse(text)));
      }),
      { numRuns: 3000, examples: [['*\n[x]\tTerm']] },
    );
  });

  it('parses a definition list and TOML front matter when their markers are there', () => {
    const tree = parseMarkdownWithDialects('+++\ntitle = "x"\n+++\n\nTerm\n: Definition\n');
    expect(tree.children.map((c) => c.type)).toEqual(['toml', 'defList']);
  });
});
