/**
 * Inline tags raw HTML opens and never closes (`<b>Never <i>double a dose.`) are closed at the end
 * of the block they open in, with a warning: the rest of the section is not bold italic, the list
 * after keeps its bullets, and the HTML is valid. Built through the real command line; the HTML
 * read with an HTML parser and html-validate, the PDF with Poppler and pdfjs.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as hastText } from 'hast-util-to-string';
import { HtmlValidate } from 'html-validate';
import { cli, removeDir, tempDir, writeUnder, type CliResult } from '../helpers/build.js';
import { hasCommand, readPdf } from '../helpers/pdf.js';

const NESTED = `---
title: Unclosed nested
---

Take your pills. <b>Never <i>double a dose.

Call the clinic if you feel dizzy.

- one item
- two item

## Side effects

Last paragraph.

| A | B |
|---|---|
| x <b>bold cell | y |
| z | w |
`;

const SINGLE = `---
title: Unclosed single
---

Rest <b>an hour after lunch.

Drink water.

- first
- second

Misnested <b>bold <i>both</b> italic only.

Closed <b>properly</b> here.
`;

let dir: string;
let out: string;
let result: CliResult;

beforeAll(() => {
  dir = tempDir('handout-unclosed-inline-');
  out = path.join(dir, 'out');
  writeUnder(dir, 'content/nested.md', NESTED);
  writeUnder(dir, 'content/single.md', SINGLE);
  result = cli(['build', path.join(dir, 'content'), '--out', out, '--jobs', '1']);
});

afterAll(() => removeDir(dir));

const page = (name: string) => fromHtml(readFileSync(path.join(out, name), 'utf8'));

describe('inline tags never closed', () => {
  it('builds, and warns at each unclosed tag with its line', () => {
    expect(result.status, result.stderr).toBe(0);
    const all = result.stdout + result.stderr;
    expect(all).toMatch(/nested\.md:5: warning: raw HTML <b> is never closed/);
    expect(all).toMatch(/nested\.md:5: warning: raw HTML <i> is never closed/);
    expect(all).toMatch(/single\.md:5: warning: raw HTML <b> is never closed/);
  });

  it('closes them at the end of their paragraph (or cell) in the HTML: no block inside b or i, the list is a list', () => {
    for (const name of ['nested.html', 'single.html']) {
      const tree = page(name);
      const main = select('main', tree)!;
      expect(selectAll('b p, b ul, b li, b section, b h2, i p, i ul, i li, b table, i table', main).map((e) => (e as Element).tagName), name).toEqual([]);
      expect(selectAll('ul > li', main).length, name).toBe(2);
    }
    const nested = page('nested.html');
    expect(hastText(select('main p b', nested)!)).toBe('Never double a dose.');
    expect(hastText(select('main p b i', nested)!)).toBe('double a dose.');
    expect(selectAll('main p', nested).map((p) => hastText(p))).toContain('Call the clinic if you feel dizzy.');
    expect(selectAll('main p b, main p i', nested).every((e) => !hastText(e).includes('Call'))).toBe(true);
    expect(hastText(select('td b', nested)!)).toBe('bold cell');
    // Misnested: the italic goes on after the bold closes, to the end of the paragraph, as the parser reads it.
    const single = page('single.html');
    const misnested = selectAll('main p', single).find((p) => hastText(p).startsWith('Misnested'))!;
    expect(selectAll('i', misnested).map((i) => hastText(i))).toEqual(['both', ' italic only.']);
    expect(hastText(selectAll('main p', single).find((p) => hastText(p).startsWith('Closed'))!)).toBe('Closed properly here.');
  });

  it('every page is valid HTML', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-trailing-whitespace': 'off' } });
    for (const name of ['nested.html', 'single.html']) {
      const report = await validator.validateString(readFileSync(path.join(out, name), 'utf8'), name);
      expect(report.results.flatMap((r) => r.messages.map((m) => `${name}:${m.line}: ${m.ruleId}: ${m.message}`))).toEqual([]);
    }
  });

  it('in the PDF the list keeps its bullets and the text after the paragraph is in the regular face', async () => {
    const pdf = await readPdf(readFileSync(path.join(out, 'nested.pdf')));
    const lines = pdf.pages[0].text.split('\n');
    expect(lines).toContain('Call the clinic if you feel dizzy.');
    expect(lines.filter((l) => /^•\s*(one|two) item$/.test(l))).toHaveLength(2);
    const font = (start: string) => pdf.pages[0].items.find((i) => i.str.startsWith(start))!.font;
    expect(font('Call the clinic')).toBe(font('Take your pills.'));
    expect(font('Last paragraph')).toBe(font('Take your pills.'));
    expect(font('Never')).not.toBe(font('Take your pills.'));
    if (hasCommand('pdftotext')) {
      const layout = execFileSync('pdftotext', ['-layout', path.join(out, 'nested.pdf'), '-'], { encoding: 'utf8' });
      expect(layout).toMatch(/•\s+one item/);
      expect(layout).not.toMatch(/dizzy\.\s*one item/);
    }
  });
});
