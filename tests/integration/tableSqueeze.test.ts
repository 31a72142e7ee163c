/**
 * One long unbreakable value (a version string, a 150-letter title, a URL, a hash) in a table is
 * the one broken: every other column keeps its longest word whole, header words are never split,
 * and the table stays short. Built through the real command line; the PDFs read back with pdfjs,
 * the words expected in each cell taken from the HTML with an HTML parser.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString as hastText } from 'hast-util-to-string';
import { cli, removeDir, tempDir, writeUnder } from '../helpers/build.js';
import { readPdf, type ReadPdf } from '../helpers/pdf.js';

const VERSION = '2026.03-rc1+build.5f3a9c2e7b1d4f6a8c0e2b4d6f8a0c2e4b6d8f0a';
const LONG_TITLE = 'Z'.repeat(150);
const URL = 'https://example.org/patient-education/medicines/hydroxychloroquine-dosing-guide?ref=clinic-handout-2026';
const HASH = 'sha256:5f3a9c2e7b1d4f6a8c0e2b4d6f8a0c2e4b6d8f0a5f3a9c2e7b1d4f6a8c0e2b4d';

let dir: string;
let out: string;

beforeAll(() => {
  dir = tempDir('handout-table-squeeze-');
  out = path.join(dir, 'out');
  // The tester's collection: a handout with a long version, one with a 150-letter title, and
  // three ordinary ones.
  writeUnder(dir, 'content/flu.md', `---\ntitle: Flu shots\nversion: "${VERSION}"\naudience: Adults\n---\n\nBody.\n`);
  writeUnder(dir, 'content/zz.md', `---\ntitle: ${LONG_TITLE}\n---\n\nBody.\n`);
  writeUnder(dir, 'content/num.md', '---\ntitle: 123\n---\n\nBody text here.\n');
  writeUnder(dir, 'content/headings.md', '---\ntitle: Headings\n---\n\n# Heading\n\nPara one.\n\n## Level two\n\nPara two.\n');
  writeUnder(dir, 'content/kidney.md', '---\ntitle: Kidney stones\naudience: Everyone\n---\n\nDrink water every day.\n');
  writeUnder(
    dir,
    'tables/medicines.md',
    [
      '---\ntitle: Medicines\n---\n',
      '| Medicine | Dose | Interactions | Reviewed | More information |',
      '| --- | --- | --- | --- | --- |',
      `| Hydroxychloroquine | 200 mg twice daily | Antacids, digoxin | 2026-03-01 | ${URL} |`,
      `| Methotrexate | Once weekly | Trimethoprim | 2026-03-01 | ${HASH} |`,
      '',
    ].join('\n'),
  );
  for (const folder of ['content', 'tables']) {
    const r = cli(['build', path.join(dir, folder), '--out', path.join(out, folder), '--jobs', '1', '--quiet']);
    if (r.status !== 0) throw new Error(r.stderr);
  }
});

afterAll(() => removeDir(dir));

/** Every whole word drawn on the pages: text items split at white space. */
function drawnWords(pdf: ReadPdf): Set<string> {
  return new Set(pdf.pages.flatMap((p) => p.items.flatMap((i) => i.str.split(/\s+/).filter(Boolean))));
}

/** The words of the table cells in the HTML page, header cells and body cells apart. */
function cellWords(html: string): { header: string[]; body: string[] } {
  // A line break in a cell parts words as a space does.
  const tree = fromHtml(html.replace(/<br\s*\/?>/g, ' '));
  const wordsOf = (selector: string) => selectAll(selector, tree).flatMap((c) => hastText(c).split(/\s+/).filter(Boolean));
  return { header: wordsOf('table th'), body: wordsOf('table td') };
}

/** The text drawn in the column under header `from` (up to header `to`), top to bottom, page by page, white space dropped. */
function columnText(pdf: ReadPdf, from: string, to?: string): string {
  const headerX = (h: string) => pdf.pages[0].items.find((i) => i.str.startsWith(h))!.x;
  const [left, right] = [headerX(from), to ? headerX(to) : Infinity];
  return pdf.pages
    .flatMap((p) => p.items.filter((i) => i.x >= left - 0.5 && i.x < right - 0.5).sort((a, b) => a.y - b.y || a.x - b.x))
    .map((i) => i.str)
    .join('')
    .replace(/\s+/g, '');
}

const isToken = (w: string) => w === VERSION || w === LONG_TITLE || w === URL || w === HASH;

describe('a long unbreakable value in a table', () => {
  it('the collection summary: no header word split, every normal word of every column whole, on one or two pages', async () => {
    const pdf = await readPdf(readFileSync(path.join(out, 'content/summary.pdf')));
    const drawn = drawnWords(pdf);
    const { header, body } = cellWords(readFileSync(path.join(out, 'content/summary.html'), 'utf8'));
    expect(header).toEqual(expect.arrayContaining(['Pages', 'Words', 'Reviewed', 'Audience']));
    expect(header.filter((w) => !drawn.has(w))).toEqual([]);
    // Each column is at least as wide as its longest word, tokens apart: no word is split.
    const normal = body.filter((w) => !isToken(w));
    expect(normal).toEqual(expect.arrayContaining(['Headings', 'scheduled', 'Adults', 'Everyone']));
    expect(normal.filter((w) => !drawn.has(w))).toEqual([]);
    // The tokens are broken, and nothing of them is lost .
    expect(columnText(pdf, 'Version', 'Reviewed')).toContain(VERSION);
    expect(columnText(pdf, 'Title', 'Audience')).toContain(LONG_TITLE);
    expect(pdf.pages.length).toBeLessThanOrEqual(2);
  });

  it('a handout table: a URL and a hash give way, the medicine names and headers stay whole', async () => {
    const pdf = await readPdf(readFileSync(path.join(out, 'tables/medicines.pdf')));
    const drawn = drawnWords(pdf);
    const { header, body } = cellWords(readFileSync(path.join(out, 'tables/medicines.html'), 'utf8'));
    expect(header.filter((w) => !drawn.has(w))).toEqual([]);
    const normal = body.filter((w) => !isToken(w));
    expect(normal).toEqual(expect.arrayContaining(['Hydroxychloroquine', 'Trimethoprim', '2026-03-01']));
    expect(normal.filter((w) => !drawn.has(w))).toEqual([]);
    const column = columnText(pdf, 'More');
    expect(column).toContain(URL);
    expect(column).toContain(HASH);
    expect(pdf.pages.length).toBe(1);
  });
});
