/**
 * Lines of a web page's frame copied with plain text (a cookie banner, a trail of links, the page's
 * buttons) are printed, small, where they stood, and the build names each at its line: read back
 * from the HTML, the PDF and the command's own output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString as hastText } from 'hast-util-to-string';
import { cli, removeDir, tempDir } from '../helpers/build.js';
import { readPdf } from '../helpers/pdf.js';

let dir: string;
let stdout: string;
const page = [
  'We use cookies to make this site work. Accept all cookies | Manage cookie settings',
  'Home › Garden advice › Slugs and snails',
  'Keeping slugs off your vegetables',
  'Slugs and snails feed at night and can strip a row of seedlings in a few days. A few simple habits keep them away without harming the birds and hedgehogs that eat them.',
  'Check the beds after dark with a torch and pick off what you find. Water in the morning rather than the evening, so the soil is dry by nightfall.',
  'Print this page | Share',
].join('\n');

beforeAll(() => {
  dir = tempDir();
  writeFileSync(path.join(dir, 'slugs.txt'), page);
  const r = cli(['build', dir, '--out', path.join(dir, 'out')]);
  if (r.status !== 0) throw new Error(r.stderr);
  stdout = r.stdout + r.stderr;
});
afterAll(() => removeDir(dir));

describe('a web page copied with its frame', () => {
  it('keeps every frame line, marked as the frame, where it stood', () => {
    const html = fromHtml(readFileSync(path.join(dir, 'out/slugs.html'), 'utf8'));
    expect(selectAll('p.page-frame', html).map((p) => hastText(p).trim())).toEqual([
      'We use cookies to make this site work. Accept all cookies | Manage cookie settings',
      'Home › Garden advice › Slugs and snails',
      'Print this page | Share',
    ]);
    expect(selectAll('h1', html).map((h) => hastText(h).trim())).toEqual(['Keeping slugs off your vegetables']);
  });

  it('prints them smaller than the text in the PDF, and names each at its line', async () => {
    const pdf = await readPdf(readFileSync(path.join(dir, 'out/slugs.pdf')));
    const items = pdf.pages.flatMap((p) => p.items);
    const size = (s: string) => items.find((i) => i.str.includes(s))!.size;
    expect(size('We use cookies')).toBeLessThan(size('Slugs and snails feed'));
    expect(size('Print this page')).toBeLessThan(size('Slugs and snails feed'));
    expect(stdout).toMatch(/page-frame ×3: a cookie banner \(line 1\), a trail of links \(2\), the page's buttons \(6\)/);
  });
});
