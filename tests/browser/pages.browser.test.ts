/**
 * Every HTML page in a real browser (headless Chromium driven by playwright-core): axe-core finds no
 * accessibility violations, no page scrolls sideways at phone width (375 px) or desktop width, no
 * word of a table cell is broken letter by letter, and
 * printing the page gives no sideways overflow either. Run with `npm run test:browser`; skipped, with
 * the reason, where no Chromium is installed (`apt-get install -y chromium`, or CHROMIUM=/path).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM } from '../helpers/browser.js';
import { siteInChromium } from '../helpers/site.js';


const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WIDTHS = [375, 1280];

const site = siteInChromium();

async function open(file: string, width: number): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width, height: 800 } });
  // Outputs are self-contained: any request to the network is a fault (and must not wait on one).
  await page.route(/^https?:/, (route) => route.abort());
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return page;
}

describe.skipIf(!CHROMIUM)('in headless Chromium', () => {
  it('builds every kind of page', () => {
    expect(site.pages.length).toBe(7);
  });

  it('axe-core finds no violations on any page', async () => {
    const found: string[] = [];
    for (const file of site.pages) {
      const page = await open(file, 1280);
      // Evaluated, not added as a <script>: a page's Content-Security-Policy (the catalog's) refuses scripts it did not list.
      await page.evaluate(AXE);
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
        return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
      });
      found.push(...violations.map((v) => `${path.basename(file)}: ${v}`));
      await page.close();
    }
    expect(found).toEqual([]);
  }, 120_000);

  for (const width of WIDTHS) {
    it(`no page scrolls sideways at ${width} px, and text stays readable`, async () => {
      const problems: string[] = [];
      for (const file of site.pages) {
        const page = await open(file, width);
        const m = await page.evaluate(() => ({
          scrollWidth: document.scrollingElement!.scrollWidth,
          innerWidth: window.innerWidth,
          smallest: Math.min(...[...document.querySelectorAll('body *')].filter((e) => e.textContent?.trim()).map((e) => parseFloat(getComputedStyle(e).fontSize))),
          // A table cell's word broken over three lines or more is being broken letter by letter
          // (a column squeezed to nothing); a hyphenated word takes two.
          brokenWords: [...document.querySelectorAll('th, td')].flatMap((cell) => {
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            const broken: string[] = [];
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              for (const m of (node.textContent ?? '').matchAll(/\p{L}{6,}/gu)) {
                const range = document.createRange();
                range.setStart(node, m.index!);
                range.setEnd(node, m.index! + m[0].length);
                const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
                if (lines.size > 2) broken.push(`"${m[0]}" over ${lines.size} lines`);
              }
            }
            return broken;
          }),
        }));
        if (m.scrollWidth > m.innerWidth) problems.push(`${path.basename(file)}: ${m.scrollWidth} px wide in a ${m.innerWidth} px window`);
        if (m.smallest < 12) problems.push(`${path.basename(file)}: text of ${m.smallest} px`);
        for (const w of m.brokenWords) problems.push(`${path.basename(file)}: in a table, ${w}`);
        await page.screenshot({ path: path.join(site.out, `${path.basename(file, '.html')}-${width}.png`), fullPage: true });
        await page.close();
      }
      expect(problems).toEqual([]);
    }, 120_000);
  }

  it('printing a page gives pages with nothing running off their right edge', async () => {
    const problems: string[] = [];
    for (const file of site.pages) {
      const page = await open(file, 1280);
      await page.emulateMedia({ media: 'print' });
      // A Letter page less the @page margins is about 6.9 in; at 96 px to the inch.
      await page.setViewportSize({ width: 660, height: 1000 });
      const m = await page.evaluate(() => ({
        scrollWidth: document.scrollingElement!.scrollWidth,
        innerWidth: window.innerWidth,
        hidden: [...document.querySelectorAll('main, h1, .title-block')].filter((e) => getComputedStyle(e).display === 'none').length,
      }));
      if (m.scrollWidth > m.innerWidth) problems.push(`${path.basename(file)}: printed ${m.scrollWidth} px wide on a ${m.innerWidth} px page`);
      if (m.hidden) problems.push(`${path.basename(file)}: ${m.hidden} main parts hidden in print`);
      const pdf = await page.pdf({ format: 'Letter' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      await page.close();
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
