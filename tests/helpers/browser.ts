/**
 * Debian's Chromium for the browser checks (`npm run test:browser`): where it is, and one way to
 * start it headless on a machine with no network (background networking off, or it tries to reach
 * Google's hosts at every start).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));
if (!CHROMIUM) console.warn('browser checks skipped: no Chromium found (apt-get install -y chromium, or set CHROMIUM=/path/to/chromium)');

export function launchChromium(): Promise<Browser> {
  if (!CHROMIUM) throw new Error('no Chromium: check CHROMIUM before launching');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
