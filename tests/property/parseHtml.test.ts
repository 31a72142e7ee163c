/**
 * The PDF renderer and the script hashes parse a page with each style element's text stood in for
 * by a placeholder (src/parseHtml.ts): the tree must be the one parse5 makes of the page as
 * written, with scripting on (a <noscript>'s content is then text) and off. Held
 * on the pages a build of content/ writes (the handouts, the summary, the catalog), on pages with
 * style elements in every place a parser treats differently, and on random pages made of those
 * pieces.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, serialize } from 'parse5';
import { fromParse5 } from 'hast-util-from-parse5';
import { parseHtml, withStyleTextsStoodIn } from '../../src/parseHtml.js';
import { build } from '../../src/collection/build.js';
import { ROOT, removeDir, tempDir } from '../helpers/build.js';

/** The page's tree both ways, as hast (every node, namespaces as spaces) and serialised again. */
function expectSameTrees(html: string, label = html): void {
  for (const scripting of [false, true]) {
    const ours = parseHtml(html, { scripting });
    const asWritten = parse(html, { scriptingEnabled: scripting });
    expect(fromParse5(ours), label).toEqual(fromParse5(asWritten));
    expect(serialize(ours), label).toBe(serialize(asWritten));
  }
}

const CSS = 'body { color: #222 }\n.a > .b::before { content: "</sty" "le>" }';
const TRICKY = [
  `<!doctype html><html><head><style>${CSS}</style></head><body><p>Hi</p></body></html>`,
  `<style>a{}</style><style media="print">b{}</style><p>x</p><style>c{}</style>`,
  '<STYLE>a{}</STYLE ><Style/>b{}</style/>',
  '<style></style><style>\r\na{}\rb{}\0</style>',
  '<style title="a>b">c{}</style>',
  '<!-- <style>a{}</style> --><p>after</p>',
  '<p title="<style>">x</p><style>y{}</style>',
  '<svg><style>a<b>c</b></style></svg><style>d{}</style>',
  '<select><style>a{}</style><option>x</select>',
  '<template><style>a{}</style></template>',
  '<noscript><style>a{}</style></noscript>',
  '<title><style>a{}</style></title><textarea><style>b{}</style></textarea>',
  '<script>var s = "<style>a{}</style>";</script><style>b{}</style>',
  '<table><style>a{}</style><tr><td>x</td></tr></table>',
  '<style>unterminated { color: red }',
  '<style>a{}</stylex></style>',
  '<p>handout-style-text-0</p><style>a{}</style>',
  '<style>handout-style-text-1</style><style>b{}</style>',
  '<html><head></head><style>after head{}</style><body></body></html>',
];

describe('parseHtml', () => {
  it('parses pages with style elements anywhere as parse5 parses them as written', () => {
    for (const html of TRICKY) expectSameTrees(html);
    // Both ways are taken among them: a style element in the head is stood in for, SVG's is not.
    expect(withStyleTextsStoodIn(TRICKY[0], false)).toBeDefined();
    expect(withStyleTextsStoodIn('<svg><style>a<b>c</b></style></svg>', false)).toBeUndefined();
  });

  it('does so on random pages of style elements, comments, scripts, foreign content and text', () => {
    const pieces = ['<style>', '<STYLE media="a>b">', '<style/>', '</style>', '</STYLE ', '</style', '<!--', '-->', '<svg>', '</svg>',
      '<select>', '</select>', '<template>', '</template>', '<script>', '</script>', '<textarea>', '<title>', '<noscript>',
      '<table>', '<td>', '<head>', '</head>', '<body>', '<!doctype html>', '<div title="', '">', '>', '"', "'",
      'a{color:red}', 'text', ' ', '\r\n', '\r', '\n', '\0', '&amp;', '<b>', '</b>', 'handout-style-text-0'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        expectSameTrees(parts.join(''));
      }),
      { numRuns: 2000 },
    );
  });

  describe('on the pages a build writes', () => {
    const out = tempDir();
    afterAll(() => removeDir(out));
    it('gives each the tree of the page as written', async () => {
      await build({ inputs: [path.join(ROOT, 'content')], outDir: out, templateDirs: [path.join(ROOT, 'templates')], jobs: 1 });
      const pages = readdirSync(out).filter((f) => f.endsWith('.html'));
      expect(pages.length).toBeGreaterThanOrEqual(3);
      for (const page of pages) {
        const html = readFileSync(path.join(out, page), 'utf8');
        expect(html).toMatch(/<style>/);
        expectSameTrees(html, page);
        // The pages a build writes take the quick way (their style texts stood in for), not the fallback.
        for (const scripting of [false, true]) expect(withStyleTextsStoodIn(html, scripting), page).toBeDefined();
      }
    });
  });
});
