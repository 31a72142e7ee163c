/**
 * Every kind of HTML page handout writes, built once by the real command line: the example
 * handouts (a handout, a study guide, their at-a-glance sheets), a handout with every kind of block
 * and raw HTML (tests/fixtures/every-block), the summary and the catalog.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM, launchChromium } from './browser.js';
import { cli, removeDir, ROOT, tempDir } from './build.js';

export function buildSite(out: string): string[] {
  const r = cli(['build', 'content', 'tests/fixtures/every-block', '--out', out, '--quiet'], { cwd: ROOT });
  if (r.status !== 0) throw new Error(`the build failed:\n${r.stderr}`);
  return readdirSync(out).filter((f) => f.endsWith('.html')).sort().map((f) => path.join(out, f));
}

/**
 * For a browser test file: builds the site (its folder: `out`) and starts Chromium before its tests, and closes and
 * removes both after them; nothing when there is no Chromium (the tests skip).
 */
export function siteInChromium(): { out: string; pages: string[]; browser: Browser } {
  const site = { out: '', pages: [] as string[], browser: undefined as unknown as Browser };
  beforeAll(async () => {
    if (!CHROMIUM) return;
    site.out = tempDir();
    site.pages = buildSite(site.out);
    site.browser = await launchChromium();
  });
  afterAll(async () => {
    await site.browser?.close();
    if (site.out) removeDir(site.out);
  });
  return site;
}
