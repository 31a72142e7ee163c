/**
 * Content goes through an HTML parser (hast-util-raw) only when it holds raw HTML
 * (contentToHtml.ts): a tree made from Markdown alone must already be what that parser makes of it,
 * as a browser reads the page (the parser also writes an attribute without a value as one with an
 * empty value: `data-footnote-ref=""`, the same attribute). Held here by building each text's HTML
 * twice: as it is, and with a comment block put first, which sends the whole tree through the
 * parser and leaves only the line break after it in the page (comments are sanitised away); each
 * is read back with parse5, as a browser and the PDF renderer read it. On every example of the CommonMark and GFM specs, the corpus and content/ (needs
 * ../shared for the first two), and on random texts made of Markdown's and the dialects' pieces.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseFragment, serialize } from 'parse5';
import { parseSource } from '../../src/parse/parseSource.js';
import { buildOutline } from '../../src/outline/buildOutline.js';
import { blocksToHtml } from '../../src/fill/contentToHtml.js';
import { Warnings } from '../../src/diagnostics.js';
import { PaperLinks } from '../../src/fill/linksOnPaper.js';
import type { LinkStyle } from '../../src/options/schema.js';
import type { Block, Outline, Section } from '../../src/outline/outline.js';
import type { Source } from '../../src/read/readSource.js';
import { specExamples } from '../helpers/specExamples.js';
import { ROOT, SHARED } from '../helpers/build.js';
import { textFiles } from '../helpers/corpus.js';

const SPECS = ['commonmark_spec.txt', 'gfm_spec.txt'].map((f) => path.join(SHARED, 'corpus/spec', f));
const COMMENT: Block = { type: 'html', value: '<!-- through the parser -->' } as Block;

/** Each run of blocks the page prints, as the fill stage hands them to blocksToHtml. */
function blockRuns(outline: Outline): Block[][] {
  const runs: Block[][] = [outline.intro];
  const walk = (sections: Section[]) => {
    for (const s of sections) {
      runs.push(s.blocks, s.closing ?? []);
      walk(s.sections);
    }
  };
  walk(outline.sections);
  runs.push(outline.closing);
  return runs.filter((r) => r.length);
}

/** The text's content HTML, each run as it is and each run sent through the HTML parser (less the comment's line break). */
function bothWays(text: string, style: LinkStyle = 'after'): [string, string] {
  const source: Source = { file: 'a.md', slug: 'a', format: 'markdown', text, meta: { lang: 'en', keywords: [] } };
  let outline: Outline;
  try {
    outline = buildOutline(source, parseSource(source));
  } catch {
    return ['', ''];
  }
  const html = (first: Block[]) =>
    blockRuns(outline)
      .map((blocks) => {
        // Links printed on paper (the default), whose marks depend on where each link ends.
        const ctx = { outline, sourcePath: path.join(ROOT, 'a.md'), sourceText: text, warnings: new Warnings(), missingImages: 'alt' as const, links: new PaperLinks(style) };
        try {
          const made = blocksToHtml([...first, ...blocks], ctx);
          return serialize(parseFragment(first.length && made.startsWith('\n') ? made.slice(1) : made));
        } catch (e) {
          return `error: ${(e as Error).message}`;
        }
      })
      .join('\n');
  return [html([]), html([COMMENT])];
}

describe.skipIf(!SPECS.every((f) => existsSync(f)))('content without raw HTML skips the HTML parser (needs ../shared)', () => {
  it('makes the same HTML for every spec example, the examples run together, the corpus and content/', () => {
    const examples = SPECS.flatMap((f) => specExamples(readFileSync(f, 'utf8')).map((e) => e.markdown));
    expect(examples.length).toBeGreaterThan(1200);
    const texts = [...examples, examples.join('\n\n'), ...textFiles(path.join(SHARED, 'corpus/markdown'), /\.md$/), ...textFiles(path.join(ROOT, 'content'), /\.md$/)];
    const differ = texts.filter((text) => (['after', 'notes'] as const).some((style) => {
      const [skipped, parsed] = bothWays(text, style);
      return skipped !== parsed;
    }));
    expect(differ.map((t) => t.slice(0, 80))).toEqual([]);
  });
});

describe('content without raw HTML skips the HTML parser', () => {
  it('makes the same HTML for a footnote call in a link’s text, with link addresses after each link and as notes', () => {
    for (const style of ['after', 'notes'] as const) {
      const [skipped, parsed] = bothWays('Read [the guide[^1]](https://example.org/guide) today.\n\n[^1]: A note.\n', style);
      expect(skipped).toBe(parsed);
      expect(skipped).toContain('example.org');
    }
  });

  it('makes the same HTML for random texts made of Markdown’s pieces', () => {
    const piece = fc.constantFrom(
      'word', 'Word', ' ', '\n', '\n\n', '\t', '# ', '## ', '### ', '- ', '* ', '1. ', '2) ', '> ', '> [!WARNING]\n> ', '> [!NOTE]\n', '!!! tip\n    ', '::: warning\n', ':::\n',
      'Term\n: definition\n', '| a | b |\n| - | - |\n| c | d |\n', '[x] ', '~~', '`', '```\n', '*', '**', '_', '[', ']', '(', ')', '](https://example.org)', '![alt](x.png)',
      '[^1]', '[^1]: note\n', '[see[^1]](https://example.org)', '[a [b](https://b.org)](https://a.org)', 'www.example.com', 'a@b.co', '&amp;', '&lt;', '&#64;', '\\', '---\n', '***\n', '    code\n', '<', '>', '"', "'", 'é', '💡 ', '\u00a0',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), (text) => {
        const [skipped, parsed] = bothWays(text);
        expect(skipped).toBe(parsed);
      }),
      { numRuns: 1500 },
    );
  });
});
