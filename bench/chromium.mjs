// @ts-check
/**
 * The same handouts printed to PDF by Chromium from one persistent browser (the fastest a
 * browser-based pipeline goes): handout's own HTML pages, printed to Letter with a
 * "Page X of Y" footer.
 *
 *   node bench/chromium.mjs <folder of .html> <out folder> <chromium>   prints {"pages": n}
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir, out, executablePath] = process.argv.slice(2);
const { chromium } = await import('playwright-core');
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
let pages = 0;
try {
  const page = await browser.newPage();
  for (const f of readdirSync(dir).filter((f) => /^handout-\d+\.html$/.test(f)).sort()) {
    await page.goto(pathToFileURL(path.join(dir, f)).href);
    const pdf = await page.pdf({
      format: 'Letter',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: '<div style="font-size:9px;width:100%;text-align:right;margin-right:0.8in">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
      margin: { top: '0.7in', right: '0.8in', bottom: '0.85in', left: '0.8in' },
    });
    writeFileSync(path.join(out, f.replace(/\.html$/, '.pdf')), pdf);
    pages += Number(/\/Type\s*\/Pages[^>]*\/Count\s+(\d+)/.exec(Buffer.from(pdf).toString('latin1'))?.[1] ?? 0);
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify({ pages }));
