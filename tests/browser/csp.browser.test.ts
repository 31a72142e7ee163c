/**
 * The pages' Content-Security-Policy in a real browser: every page opens with no violation of its
 * own policy (its styles and embedded images are allowed), and a request to the network that
 * something tried to make from a page is blocked by it. Run with `npm run test:browser`.
 */
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHROMIUM } from '../helpers/browser.js';
import { siteInChromium } from '../helpers/site.js';

const site = siteInChromium();

describe.skipIf(!CHROMIUM)('the pages\u2019 Content-Security-Policy in Chromium', () => {
  it('every page opens without violating its own policy, and blocks a request to the network', async () => {
    expect(site.pages.length).toBeGreaterThan(0);
    for (const file of site.pages) {
      const page = await site.browser.newPage();
      const requests: string[] = [];
      // Any request that got past the policy would be answered (there is no network here) and finish.
      await page.route(/^https?:/, (route) => route.fulfill({ status: 200, contentType: 'image/gif', body: '' }));
      // A request the policy blocks is reported (and fails); none may complete.
      page.on('requestfinished', (r) => {
        if (/^https?:/.test(r.url())) requests.push(r.url());
      });
      await page.addInitScript(() => {
        (window as unknown as { violations: string[] }).violations = [];
        document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations), file).toEqual([]);
      // What a page that phoned home would do: load an image from a server.
      const blocked = await page.evaluate(
        () =>
          new Promise<string>((resolve) => {
            document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
            const img = document.createElement('img');
            img.src = 'https://tracker.example/pixel.gif?patient=4711';
            document.body.append(img);
            setTimeout(() => resolve('not blocked'), 2000);
          }),
      );
      expect(blocked, file).toMatch(/^img-src/);
      expect(requests, file).toEqual([]);
      await page.close();
    }
  });
});
