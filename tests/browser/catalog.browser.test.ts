/**
 * The catalog (out/index.html) as an editor uses it, in headless Chromium: typing filters the list,
 * the filters and sorting work (titles without a leading "The", grades as numbers), everything is
 * reachable by keyboard, the page's own Content-Security-Policy lets its script run and nothing
 * else, axe-core finds no violations; and the summary's column headers are never broken inside a
 * word at desktop width. Skipped, with the reason, without Chromium.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../helpers/browser.js';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString as hastText } from 'hast-util-to-string';
import { cli, removeDir, tempDir } from '../helpers/build.js';
import { writeBenchCorpus } from '../helpers/corpus.js';


const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let dir: string;
let browser: Browser;
let page: Page;
const violations: string[] = [];

beforeAll(async () => {
  if (!CHROMIUM) return;
  dir = tempDir();
  const src = path.join(dir, 'src');
  await writeBenchCorpus(src, 20);
  // Titles, review dates, grades and languages the generated corpus does not have.
  const extra: [string, string][] = [
    ['the-zebra.md', '---\ntitle: The zebra clinic\nreviewed: 2020-01-01\nreview-every: 1y\n---\n\nYou can visit us on Monday.\n'],
    ['asthma.md', '---\ntitle: Asthma at school\nreviewed: 2026-01-10\nreview-every: 1y\naudience: Teachers\n---\n\nYou can help a child with asthma.\n'],
    ['hard.md', '---\ntitle: Metabolic considerations\nreviewed: 2026-06-01\nreview-every: 2y\n---\n\nPharmacological intervention necessitates comprehensive evaluation of hepatic functionality and concomitant medications.\n'],
    ['french.md', '---\ntitle: Bien manger\nlang: fr\nreviewed: 2026-06-01\nreview-every: 2y\n---\n\nMangez des fruits chaque jour.\n'],
  ];
  for (const [name, text] of extra) writeFileSync(path.join(src, name), text);
  const r = cli(['build', src, '--out', path.join(dir, 'out'), '--quiet'], { env: { HANDOUT_TODAY: '2026-12-01' } });
  if (r.status !== 0) throw new Error(`the build failed:\n${r.stderr}`);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.route(/^https?:/, (route) => route.abort());
  page.on('console', (m) => {
    if (/Content Security Policy|Refused/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(pathToFileURL(path.join(dir, 'out/index.html')).href, { waitUntil: 'load' });
});
afterAll(async () => {
  await browser?.close();
  if (dir) removeDir(dir);
});

const visibleTitles = () => page.$$eval('#handouts > li:not([hidden]) strong', (els) => els.map((e) => e.textContent ?? ''));

describe.skipIf(!CHROMIUM)('the catalog in headless Chromium', () => {
  it('its script runs under the page\'s own Content-Security-Policy (allowed by hash), and nothing is refused', async () => {
    expect(await page.isVisible('#find')).toBe(true);
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*'/);
    const scriptSrc = csp!.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'))!;
    expect(scriptSrc).not.toMatch(/unsafe-inline|\*|data:|https?:/);
    expect(violations).toEqual([]);
    expect(await page.textContent('#find-count')).toBe('24 of 24 handouts shown');
  });

  it('typing a word shows only the handouts that have it, as you type', async () => {
    const html = readFileSync(path.join(dir, 'out/index.html'), 'utf8');
    const entries = selectAll('#handouts > li', fromHtml(html)).map((li) => hastText(li).toLowerCase());
    await page.click('#find-text');
    await page.keyboard.type('teach');
    const expected = entries.filter((t) => t.includes('teach')).length;
    expect(expected).toBe(1);
    expect(await visibleTitles()).toEqual(['Asthma at school']);
    // Several words: the handouts that have every one of them.
    await page.fill('#find-text', 'Handout 1');
    expect((await visibleTitles()).length).toBe(entries.filter((t) => t.includes('handout') && t.includes('1')).length);
    expect(await page.textContent('#find-count')).toMatch(/^\d+ of 24 handouts shown$/);
    await page.fill('#find-text', '');
    expect((await visibleTitles()).length).toBe(24);
  });

  it('filters by review status, language and grade over target', async () => {
    await page.selectOption('#find-review', 'overdue');
    expect(await visibleTitles()).toEqual(['The zebra clinic']);
    expect(await page.textContent('#handouts > li:not([hidden]) .review')).toBe('Review overdue');
    await page.selectOption('#find-review', 'due-soon');
    expect(await visibleTitles()).toEqual(['Asthma at school']);
    expect(await page.$eval('#handouts > li:not([hidden]) .review', (e) => getComputedStyle(e).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    await page.selectOption('#find-review', '');
    await page.selectOption('#find-lang', 'fr');
    expect(await visibleTitles()).toEqual(['Bien manger']);
    expect(await page.textContent('#handouts > li:not([hidden])')).toMatch(/Reading grade not measured/);
    await page.selectOption('#find-lang', '');
    await page.check('#find-over');
    const over = await visibleTitles();
    expect(over).toContain('Metabolic considerations');
    expect(over).not.toContain('Bien manger');
    await page.uncheck('#find-over');
  });

  it('sorts by title without a leading "The", by next review, and by grade as numbers', async () => {
    await page.selectOption('#find-sort', 'title');
    const titles = await visibleTitles();
    expect(titles.indexOf('The zebra clinic')).toBe(titles.length - 1);
    expect(titles.indexOf('Handout 11')).toBeGreaterThan(-1);
    expect(titles.indexOf('Handout 2')).toBeLessThan(titles.indexOf('Handout 11')); // numbers in titles as numbers
    await page.selectOption('#find-sort', 'next');
    const next = await page.$$eval('#handouts > li', (els) => els.map((e) => e.getAttribute('data-next') ?? ''));
    const dated = next.filter(Boolean);
    expect(dated).toEqual([...dated].sort());
    expect(next.slice(0, dated.length)).toEqual(dated);
    await page.selectOption('#find-sort', 'grade');
    const grades = await page.$$eval('#handouts > li', (els) => els.map((e) => e.getAttribute('data-grade') ?? ''));
    const numbers = grades.filter((g) => g !== '').map(Number);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(numbers.some((n) => n >= 10) && numbers.some((n) => n < 10)).toBe(true); // "10" after "9" would be text order
    expect(grades.at(-1)).toBe(''); // not measured: last
  });

  it('is usable by keyboard alone: Tab reaches the search box, typing filters, Tab reaches the filters', async () => {
    await page.reload({ waitUntil: 'load' });
    await page.focus('body');
    const focused: string[] = [];
    for (let i = 0; i < 12 && !focused.includes('find-sort'); i++) {
      await page.keyboard.press('Tab');
      focused.push(await page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName ?? ''));
    }
    expect(focused).toEqual(expect.arrayContaining(['find-text', 'find-review', 'find-lang', 'find-audience', 'find-over', 'find-sort']));
    await page.focus('#find-text');
    await page.keyboard.type('zebra');
    expect(await visibleTitles()).toEqual(['The zebra clinic']);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    expect(await page.inputValue('#find-review')).not.toBe('');
  });

  it('axe-core finds no violations, filtered or not', async () => {
    await page.reload({ waitUntil: 'load' });
    const run = () => page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
      return result.violations.map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
    });
    // axe is added by the test, not the page: CSP would refuse it as a script tag, so it is evaluated.
    await page.evaluate(AXE);
    expect(await run()).toEqual([]);
    await page.selectOption('#find-review', 'overdue');
    expect(await run()).toEqual([]);
  });

  it('summary.html keeps every column header word whole at desktop width', async () => {
    const summary = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await summary.goto(pathToFileURL(path.join(dir, 'out/summary.html')).href, { waitUntil: 'load' });
    const broken = await summary.evaluate(() => {
      const out: string[] = [];
      for (const th of document.querySelectorAll('th')) {
        const text = th.firstChild as Text;
        for (const m of text.data.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(text, m.index!);
          range.setEnd(text, m.index! + m[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) out.push(m[0]);
        }
      }
      return out;
    });
    expect(broken).toEqual([]);
    await summary.close();
  });
});
