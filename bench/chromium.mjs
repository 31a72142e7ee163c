// @ts-check
/**
 * The same handouts printed to PDF by Chromium from one persistent browser (the fastest way a
 * browser-based pipeline can go): the HTML handout builds for `out/`, each page printed to Letter.
 * Used by run.mjs when Chromium and playwright-core are installed.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

export const CHROMIUM = '/usr/bin/chromium';

/** Milliseconds per handout to print `limit` of the HTML pages in `out` with one browser, or undefined. */
export async function chromiumMsPerHandout(out, limit) {
  if (!existsSync(CHROMIUM)) return undefined;
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return undefined;
  }
  const pages = readdirSync(out).filter((f) => /^handout-\d+\.html$/.test(f)).sort().slice(0, limit);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    const t0 = performance.now();
    for (const f of pages) {
      await page.goto(pathToFileURL(path.join(out, f)).href);
      await page.pdf({ format: 'Letter', printBackground: true });
    }
    return (performance.now() - t0) / pages.length;
  } finally {
    await browser.close();
  }
}
