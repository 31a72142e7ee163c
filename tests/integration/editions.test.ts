/**
 * Other editions from the same source: the large-print PDF (--variant large-print, or front matter)
 * and archival PDF/A (--archive), read back with pdfjs, qpdf and pdfinfo.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, removeDir, ROOT, tempDir } from '../helpers/build.js';
import { hasCommand, inOrder, pdfFonts, pdfInfo, qpdfCheck, readPdf, structTextWords, structTree, type ReadPdf } from '../helpers/pdf.js';

const tools = hasCommand('qpdf') && hasCommand('pdfinfo');
let dir: string;
let run: ReturnType<typeof cli>;
let large: ReadPdf;
let regular: ReadPdf;

beforeAll(async () => {
  dir = tempDir();
  mkdirSync(path.join(dir, 'src'));
  writeFileSync(
    path.join(dir, 'src', 'diet.md'),
    `---\ntitle: Diet & exercise <basics>\nlang: es\nvariant: large-print\n---\n\nComa frutas y verduras cada día. Camine treinta minutos.\n\n## Puntos clave\n\n- Beba agua.\n`,
  );
  run = cli(['build', 'content', path.join(dir, 'src'), '--out', path.join(dir, 'out'), '--variant', 'large-print', '--archive']);
  large = await readPdf(readFileSync(path.join(dir, 'out', 'calcinosis.large.pdf')));
  regular = await readPdf(readFileSync(path.join(dir, 'out', 'calcinosis.pdf')));
});
afterAll(() => removeDir(dir));

const out = (f: string) => path.join(dir, 'out', f);

describe('large print', () => {
  it('is built beside the regular PDF, named <slug>.large.pdf, and linked from the catalog', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/calcinosis\.pdf\s+\d+ pages\s+\d+ ms\s+\+ calcinosis\.large\.pdf/);
    expect(existsSync(out('diet.large.pdf'))).toBe(true);
    expect(readFileSync(out('index.html'), 'utf8')).toContain('href="calcinosis.large.pdf"');
  });

  it('front matter `variant: large-print` asks for it without the option', () => {
    const r = cli(['build', path.join(dir, 'src'), '--out', path.join(dir, 'fm')]);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(path.join(dir, 'fm', 'diet.large.pdf'))).toBe(true);
    expect(existsSync(path.join(dir, 'fm', 'diet.pdf'))).toBe(true);
  });

  it('sets body text at 18 pt or more, with 1.5 line spacing', () => {
    const items = large.pages.flatMap((p) => p.items.filter((i) => i.str.trim().length > 20));
    const sizes = items.map((i) => i.size).sort((a, b) => a - b);
    expect(sizes[Math.floor(sizes.length / 2)]).toBeGreaterThanOrEqual(18);
    // The most common distance between baselines of 18 pt lines is 1.5 × 18 = 27 pt.
    const gaps = new Map<number, number>();
    for (const page of large.pages) {
      const ys = [...new Set(page.items.filter((i) => i.size === 18 && i.str.trim()).map((i) => Math.round(i.y * 10) / 10))].sort((a, b) => a - b);
      for (let k = 1; k < ys.length; k++) {
        const g = Math.round(ys[k] - ys[k - 1]);
        gaps.set(g, (gaps.get(g) ?? 0) + 1);
      }
    }
    const common = [...gaps.entries()].sort((a, b) => b[1] - a[1])[0][0];
    expect(common).toBe(27);
  });

  it('keeps "Page X of Y" on one line in its larger footer', () => {
    large.pages.forEach((page, i) => expect(page.text).toContain(`Page ${i + 1} of ${large.pages.length}`));
  });

  it('keeps 1-inch margins: no text closer than 72 pt to the edges', () => {
    for (const page of large.pages) {
      for (const item of page.items.filter((i) => i.str.trim())) {
        expect(item.x, item.str).toBeGreaterThanOrEqual(72 - 0.5);
        expect(item.y - item.size, item.str).toBeGreaterThanOrEqual(72 - 0.5);
      }
    }
  });

  it.skipIf(!hasCommand('pdffonts'))('sets headings large, in the bold face', () => {
    const heading = large.pages.flatMap((p) => p.items).find((i) => i.str === 'What is calcinosis?');
    expect(heading!.size).toBeGreaterThanOrEqual(20);
    const bodyLine = large.pages.flatMap((p) => p.items).find((i) => i.str.startsWith('Calcinosis is when'));
    expect(heading!.font).not.toBe(bodyLine!.font);
    expect(pdfFonts(out('calcinosis.large.pdf')).map((f) => f.name)).toContainEqual(expect.stringMatching(/AtkinsonHyperlegibleNext-Bold$/));
  });

  it.skipIf(!hasCommand('pdfinfo'))('holds the same words as the regular edition, on more pages', () => {
    expect(large.pages.length).toBeGreaterThan(regular.pages.length);
    // In reading order (the structure tree: a table cell's words together, even when its row goes
    // on to the next page), without the running footer.
    const [a, b] = ['calcinosis.pdf', 'calcinosis.large.pdf'].map((f) => structTextWords(path.join(dir, 'out', f)));
    expect(inOrder(a, b).missing ?? '').toBe('');
    expect(a.length).toBe(b.length);
  });
});

describe('archival PDF (--archive)', () => {
  const xmp = (file: string) => {
    const { catalog } = structTree(file);
    const id = String(catalog['/Metadata']).split(' ')[0];
    return execFileSync('qpdf', [`--show-object=${id}`, '--filtered-stream-data', file], { encoding: 'utf8' });
  };

  it.skipIf(!tools)('says PDF/A-2a and PDF/UA-1 in its metadata, carries an sRGB output intent, and stays tagged', () => {
    for (const f of ['calcinosis.pdf', 'calcinosis.large.pdf', 'diet.pdf', 'summary.pdf']) {
      const meta = xmp(out(f));
      expect(meta, f).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>A<\/pdfaid:conformance>/);
      expect(meta, f).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
      expect(meta, f).toMatch(/<pdfaSchema:prefix>pdfuaid<\/pdfaSchema:prefix>/);
      const { catalog } = structTree(out(f));
      expect(catalog['/OutputIntents'], f).toBeDefined();
      expect(pdfInfo(out(f)).Tagged).toBe('yes');
      expect(qpdfCheck(out(f))).toMatch(/No syntax or stream encoding errors/);
    }
  });

  it.skipIf(!tools)('writes the title into XMP escaped, and the same dates as the Info dictionary', () => {
    const meta = xmp(out('diet.pdf'));
    expect(meta).toContain('Diet &amp; exercise &lt;basics&gt;');
    expect(meta).toMatch(/<xmp:CreateDate>2000-01-01T00:00:00Z<\/xmp:CreateDate>/);
    expect(meta).toMatch(/<xmp:ModifyDate>2000-01-01T00:00:00Z<\/xmp:ModifyDate>/);
    expect(pdfInfo(out('diet.pdf')).Title).toBe('Diet & exercise <basics>');
  });

  it('is byte-reproducible, large print and archive alike', () => {
    const again = path.join(dir, 'again');
    const r = cli(['build', 'content', path.join(dir, 'src'), '--out', again, '--variant', 'large-print', '--archive', '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    for (const f of ['calcinosis.pdf', 'calcinosis.large.pdf', 'diet.large.pdf', 'summary.pdf']) {
      expect(readFileSync(path.join(again, f)).equals(readFileSync(out(f))), f).toBe(true);
    }
  });

  it.skipIf(!tools)('a regular build is PDF/UA only, not PDF/A', () => {
    const r = cli(['build', 'content', '--out', path.join(dir, 'plain'), '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    const meta = xmp(path.join(dir, 'plain', 'calcinosis.pdf'));
    expect(meta).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    expect(meta).not.toMatch(/pdfaid/);
  });
});
void ROOT;
