/**
 * Every HTML page handout writes passes html-validate (its recommended rules: valid HTML, WCAG
 * rules it can see in markup, no deprecated attributes), whatever the content wrote.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { cli, removeDir, tempDir, writeUnder } from '../helpers/build.js';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { buildSite } from '../helpers/site.js';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Whitespace at a line's end, left where an {{#if}} printed nothing, is not a fault of the HTML.
    'no-trailing-whitespace': 'off',
  },
});

let out: string;
let pages: string[];
beforeAll(() => {
  out = tempDir();
  pages = buildSite(out);
});
afterAll(() => removeDir(out));

describe('html-validate', () => {
  it('checks every kind of page', () => {
    expect(pages.map((p) => path.basename(p))).toEqual([
      'calcinosis.html', 'calcinosis.summary.html', 'every-block.html', 'index.html', 'summary.html', 'types-of-rock.html', 'types-of-rock.summary.html',
    ]);
  });

  it('finds no errors in any page', async () => {
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateString(readFileSync(page, 'utf8'), page);
      for (const r of report.results) for (const m of r.messages) problems.push(`${path.basename(page)}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('a title longer than a browser tab shows', () => {
  it('is cut at a word in <title> only, with an ellipsis; the page passes html-validate and its heading keeps every word', async () => {
    const dir = tempDir();
    try {
      const title = 'Caring for your skin, your joints and your lungs when you live with a long-term condition of the connective tissue';
      writeUnder(dir, 'content/long.md', `---\ntitle: ${title}\n---\n\nWash the skin daily.\n`);
      const r = cli(['build', 'content', '--out', 'out'], { cwd: dir });
      expect(r.status, r.stderr).toBe(0);
      const html = readFileSync(path.join(dir, 'out', 'long.html'), 'utf8');
      const page = fromHtml(html);
      const shown = toString(select('title', page)!);
      expect([...shown].length).toBeLessThanOrEqual(70);
      expect(shown).toMatch(/^Caring for your skin, your joints and your lungs when you live with a…$/);
      expect(toString(select('h1', page)!)).toBe(title);
      const report = await validator.validateString(html, 'long.html');
      expect(report.results.flatMap((x) => x.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
    } finally {
      removeDir(dir);
    }
  }, 60_000);
});

describe('content that made invalid HTML', () => {
  it('headings opening on a number, titles used twice, an empty heading, a link with no text and a stray <summary> give pages html-validate passes, every word kept', async () => {
    const dir = tempDir();
    try {
      const source = [
        '---', 'title: Tricky headings', '---', '',
        '## 1. Before the operation', '', 'Do not eat.', '',
        '## 24 hours later', '', 'Walk a little.', '',
        '## Asthma', '', '### Treatment', '', 'Use your inhaler.', '',
        '## Eczema', '', '### Treatment', '', 'Use your cream.', '',
        '## Key points', '', 'Rest.', '',
        '## Key points', '', 'Drink water.', '',
        '##', '', 'Under an empty heading.', '',
        'See [](https://example.org/more) for more.', '',
        '<summary>A summary on its own</summary>', '',
      ].join('\n');
      writeUnder(dir, 'content/tricky.md', source);
      const r = cli(['build', 'content', '--out', 'out'], { cwd: dir });
      expect(r.status, r.stderr).toBe(0);
      const html = readFileSync(path.join(dir, 'out', 'tricky.html'), 'utf8');
      const report = await validator.validateString(html, 'tricky.html');
      expect(report.results.flatMap((x) => x.messages.map((m) => `${m.line}:${m.column}: ${m.ruleId}: ${m.message}`))).toEqual([]);
      const text = toString(select('main', fromHtml(html))!);
      for (const words of ['1. Before the operation', '24 hours later', 'Use your inhaler.', 'Use your cream.', 'Rest.', 'Drink water.', 'Under an empty heading.', 'https://example.org/more', 'A summary on its own']) expect(text).toContain(words);
      expect(select('h2#before-the-operation', fromHtml(html))).toBeDefined();
    } finally {
      removeDir(dir);
    }
  }, 60_000);
});
