/**
 * Bookmarks and internal links land on their heading: every destination, read back with pdfjs
 * (Firefox's reader) from the outline and from the link annotations, opens the heading's page with
 * the heading's top at the top of the view and the page's left edge at the left.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { cli, removeDir, tempDir } from '../helpers/build.js';

// Long enough sections that the headings fall on several pages, at different heights.
const para = (topic: string) => `${topic} is described here in plain words for a reader who wants to know more. `.repeat(9);
const SOURCE = `---
title: Finding your way
lang: en
---

Start with [the part about sleep](#sleep) if you are short of time.

## Food

${para('Food')}

${para('Cooking')}

## Water

${para('Water')}

## Sleep

${para('Sleep')}

### Naps

${para('A nap')}

## Walking

${para('Walking')}

${para('Running')}
`;

type Pdf = Awaited<ReturnType<typeof getDocument>['promise']>;
interface Landing { title: string; page: number; left: number; top: number }
let dir: string;
let pdf: Pdf;

beforeAll(async () => {
  dir = tempDir();
  writeFileSync(path.join(dir, 'way.md'), SOURCE);
  const run = cli(['build', path.join(dir, 'way.md'), '--out', path.join(dir, 'out')]);
  expect(run.status, run.stderr).toBe(0);
  pdf = await getDocument({ data: new Uint8Array(readFileSync(path.join(dir, 'out', 'way.pdf'))), isEvalSupported: false, verbosity: 0 }).promise;
});
afterAll(async () => {
  await pdf?.destroy();
  removeDir(dir);
});

/** An explicit destination [page, /XYZ, left, top, zoom] → where it lands. */
async function landing(title: string, dest: unknown): Promise<Landing> {
  const explicit = (typeof dest === 'string' ? await pdf.getDestination(dest) : dest) as [unknown, { name: string }, number, number, number | null];
  expect(explicit, `destination of "${title}"`).toBeTruthy();
  expect(explicit[1].name).toBe('XYZ');
  const page = await pdf.getPageIndex(explicit[0] as never);
  return { title, page, left: explicit[2], top: explicit[3] };
}

/** The heading's text on its page: its baseline and size, in PDF space (from the bottom). */
async function headingOnPage(title: string, pageIndex: number): Promise<{ baseline: number; size: number } | undefined> {
  const page = await pdf.getPage(pageIndex + 1);
  const content = await page.getTextContent();
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() !== title) continue;
    const [a, b, , , , f] = item.transform as number[];
    return { baseline: f, size: Math.hypot(a, b) };
  }
  return undefined;
}

async function expectLandsOnHeading(l: Landing): Promise<void> {
  const heading = await headingOnPage(l.title, l.page);
  expect(heading, `"${l.title}" is on the page its destination opens (page ${l.page + 1})`).toBeDefined();
  expect(l.left, `"${l.title}" opens at the page's left edge`).toBe(0);
  // The top of the view is the top of the heading's line: above its capitals, below the line before.
  expect(l.top, `"${l.title}": top ${l.top} vs baseline ${heading!.baseline}`).toBeGreaterThan(heading!.baseline + heading!.size * 0.7);
  expect(l.top).toBeLessThan(heading!.baseline + heading!.size * 1.6);
}

describe('bookmarks', () => {
  it('every bookmark opens its heading, left edge in view', async () => {
    const outline = (await pdf.getOutline()) ?? [];
    const all: { title: string; dest: unknown }[] = [];
    const walk = (items: typeof outline) => items.forEach((i) => (all.push({ title: i.title, dest: i.dest }), walk(i.items)));
    walk(outline);
    expect(all.map((i) => i.title)).toEqual(['Finding your way', 'Food', 'Water', 'Sleep', 'Naps', 'Walking']);
    const pages = new Set<number>();
    for (const item of all) {
      const l = await landing(item.title, item.dest);
      pages.add(l.page);
      await expectLandsOnHeading(l);
    }
    expect(pages.size, 'the headings are on more than one page').toBeGreaterThan(1);
  });
});

describe('internal links', () => {
  it('a link to a section opens that section\'s heading', async () => {
    const page = await pdf.getPage(1);
    const links = (await page.getAnnotations()).filter((a: { subtype: string; dest?: unknown }) => a.subtype === 'Link' && a.dest);
    expect(links.length).toBe(1);
    await expectLandsOnHeading(await landing('Sleep', links[0].dest));
  });
});
