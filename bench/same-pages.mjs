// @ts-check
/**
 * Do two builds print the same pages? For every PDF in both folders: the page count, the words on
 * each page and where they sit (Poppler's `pdftotext -bbox`), and the page images (`pdftoppm`,
 * grey, 50 dpi) pixel by pixel. Used to show that a change to the engine left every page as it was.
 *
 *   node bench/same-pages.mjs <before-folder> <after-folder> [--shift <pt>] [--pixels <fraction>]
 *
 * A PDF passes when it has the same pages, the same words on each page in the same order, no word
 * moved by more than --shift points (default 1), and at most --pixels of its pixels differ by more
 * than a quarter of the grey range (default 0.002). Exits 1 when any PDF fails.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : Number(args.splice(i, 2)[1]);
};
const maxShift = flag('--shift', 1);
const maxPixels = flag('--pixels', 0.002);
const [before, after] = args;
if (!before || !after) {
  console.error('usage: node bench/same-pages.mjs <before-folder> <after-folder> [--shift <pt>] [--pixels <fraction>]');
  process.exit(2);
}

/** Each page's words with their top-left corners. */
function wordsByPage(pdf) {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return xml.split('<page ').slice(1).map((page) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: m[3] })),
  );
}

/** Page images as grey pixels (binary PGM from pdftoppm). */
function pageImages(pdf, dir) {
  const prefix = path.join(dir, path.basename(pdf, '.pdf'));
  execFileSync('pdftoppm', ['-gray', '-r', '50', pdf, prefix]);
  return readdirSync(dir)
    .filter((f) => f.startsWith(path.basename(prefix) + '-') && f.endsWith('.pgm'))
    .sort()
    .map((f) => {
      const data = readFileSync(path.join(dir, f));
      // P5\n<w> <h>\n<max>\n<pixels>: skip the three header lines.
      let offset = 0;
      for (let lines = 0; lines < 3; offset++) if (data[offset] === 0x0a) lines++;
      const [w, h] = data.subarray(0, offset).toString('latin1').split(/\s+/).slice(1, 3).map(Number);
      return { w, h, pixels: data.subarray(offset) };
    });
}

function compare(a, b, scratch) {
  const wa = wordsByPage(a);
  const wb = wordsByPage(b);
  if (wa.length !== wb.length) return { ok: false, why: `${wa.length} pages before, ${wb.length} after` };
  let shift = 0;
  for (let p = 0; p < wa.length; p++) {
    const ta = wa[p].map((w) => w.text).join(' ');
    const tb = wb[p].map((w) => w.text).join(' ');
    if (ta !== tb) return { ok: false, why: `page ${p + 1}: the words differ` };
    for (let i = 0; i < wa[p].length; i++) shift = Math.max(shift, Math.abs(wa[p][i].x - wb[p][i].x), Math.abs(wa[p][i].y - wb[p][i].y));
  }
  const ia = pageImages(a, path.join(scratch, 'a'));
  const ib = pageImages(b, path.join(scratch, 'b'));
  let differing = 0;
  let total = 0;
  for (let p = 0; p < ia.length; p++) {
    if (ia[p].w !== ib[p]?.w || ia[p].h !== ib[p]?.h) return { ok: false, why: `page ${p + 1}: a different page size` };
    for (let i = 0; i < ia[p].pixels.length; i++) if (Math.abs(ia[p].pixels[i] - ib[p].pixels[i]) > 64) differing++;
    total += ia[p].pixels.length;
  }
  const fraction = total ? differing / total : 0;
  const ok = shift <= maxShift && fraction <= maxPixels;
  return { ok, why: ok ? '' : shift > maxShift ? `a word moved ${shift.toFixed(2)} pt` : `${(fraction * 100).toFixed(2)} % of pixels differ`, pages: wa.length, shift, fraction };
}

const pdfs = readdirSync(before).filter((f) => f.endsWith('.pdf')).sort();
let failed = 0;
let pages = 0;
let worstShift = 0;
let worstPixels = 0;
for (const f of pdfs) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'same-pages-'));
  for (const side of ['a', 'b']) mkdirSync(path.join(scratch, side));
  let r;
  try {
    r = readdirSync(after).includes(f) ? compare(path.join(before, f), path.join(after, f), scratch) : { ok: false, why: 'missing after' };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  pages += r.pages ?? 0;
  worstShift = Math.max(worstShift, r.shift ?? 0);
  worstPixels = Math.max(worstPixels, r.fraction ?? 0);
  if (!r.ok) {
    failed++;
    console.log(`DIFFERENT  ${f}: ${r.why}`);
  }
}
console.log(`${pdfs.length - failed} of ${pdfs.length} PDFs print the same pages (${pages} pages; largest word shift ${worstShift.toFixed(2)} pt, largest share of differing pixels ${(worstPixels * 100).toFixed(3)} %; tolerance ${maxShift} pt, ${(maxPixels * 100).toFixed(1)} %)`);
process.exitCode = failed ? 1 : 0;
