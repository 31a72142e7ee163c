/**
 * PDF/UA-1, checked by machine over every PDF we make from content/, the every-block fixture, the
 * seed and the corpus (handouts, at-a-glance sheets, the collection summary): the Matterhorn
 * Protocol's machine-checkable conditions, written as our own checks (tests/helpers/pdfua.ts).
 * The README's "PDF/UA" section lists them, and the conditions only a person can judge.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { removeDir, ROOT, SHARED, tempDir } from '../helpers/build.js';
import { hasCommand } from '../helpers/pdf.js';
import { checkPdfUa } from '../helpers/pdfua.js';

const qpdf = hasCommand('qpdf');
/** Corpus sources naming images the corpus does not have: built with their alt text printed. */
const MISSING_IMAGES = ['openaps_clinician_guide.md', 'swc_shell_novice_reference.md'];

function inputs(): { name: string; input: string }[] {
  const list = [
    { name: 'content/', input: path.join(ROOT, 'content') },
    { name: 'tests/fixtures/every-block', input: path.join(ROOT, 'tests/fixtures/every-block') },
  ];
  if (existsSync(path.join(SHARED, 'seeds/calcinosis.txt'))) list.push({ name: 'seed', input: path.join(SHARED, 'seeds/calcinosis.txt') });
  for (const sub of ['markdown', 'plain']) {
    const dir = path.join(SHARED, 'corpus', sub);
    if (existsSync(dir)) list.push({ name: `corpus/${sub}`, input: dir });
  }
  return list;
}

let out: string;
const pdfs: { name: string; file: string }[] = [];

beforeAll(async () => {
  out = tempDir();
  for (const { name, input } of inputs()) {
    const dir = path.join(out, name.replace(/\W+/g, '-'));
    const missing = name === 'corpus/markdown' ? 'alt' : 'error';
    const report = await build({ inputs: [input], outDir: dir, templateDirs: [], missingImages: missing });
    for (const d of report.documents) expect(d.ok || MISSING_IMAGES.some((m) => d.file.endsWith(m)), d.error?.format()).toBe(true);
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort()) pdfs.push({ name: `${name} ${f}`, file: path.join(dir, f) });
  }
}, 600_000);
afterAll(() => removeDir(out));

describe.skipIf(!qpdf)('PDF/UA-1, machine-checkable conditions (Matterhorn Protocol)', () => {
  it('builds the PDFs to check', () => {
    expect(pdfs.length).toBeGreaterThan(existsSync(SHARED) ? 40 : 4);
  });

  it('every PDF meets every condition', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const { name, file } of pdfs) {
      for (const c of await checkPdfUa(file)) {
        checked++;
        for (const p of c.problems.slice(0, 3)) failures.push(`${name}: [${c.id}] ${c.what}: ${p}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(pdfs.length * 15);
  }, 600_000);
});

/** A PDF made with none of the care: untagged, a standard font not embedded, a bare link. */
async function carelessPdf(file: string): Promise<void> {
  const doc = new PDFDocument({ info: { Title: 'Careless' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.font('Helvetica').fontSize(12).text('Text nobody tagged.', 72, 72);
  doc.link(72, 100, 100, 20, 'https://example.org');
  doc.rect(72, 140, 100, 10).fill('#336699');
  doc.end();
  await done;
  writeFileSync(file, Buffer.concat(chunks));
}

describe.skipIf(!qpdf)('the checks find what is wrong', () => {
  it('an untagged PDF with an unembedded font and a bare link fails them', async () => {
    const file = path.join(out, 'careless.pdf');
    await carelessPdf(file);
    const failing = (await checkPdfUa(file)).filter((c) => c.problems.length).map((c) => c.what);
    expect(failing).toEqual(expect.arrayContaining([
      'the document is marked as tagged, with no suspect content',
      'XMP metadata identifies the file as PDF/UA-1',
      'the viewer shows the title, not the file name (DisplayDocTitle)',
      'the document language is set, as a BCP 47 tag',
      'there is a structure tree',
      'every item on a page is tagged content or an artifact',
      'every link annotation is in a Link element and says where it goes (Contents)',
      'every font is embedded',
    ]));
  });

  it('a character no font has is found drawn as .notdef', async () => {
    const src = path.join(out, 'tea.md');
    writeFileSync(src, '---\ntitle: Tea\nlang: en\n---\n\nThe word for tea is 茶.\n');
    const report = await build({ inputs: [src], outDir: path.join(out, 'tea'), templateDirs: [] });
    expect(report.documents[0].ok).toBe(true);
    const notdef = (await checkPdfUa(path.join(out, 'tea', 'tea.pdf'))).find((c) => c.what === 'no character is drawn as .notdef')!;
    expect(notdef.problems).toEqual(['page 1: a character drawn as .notdef']);
  });
});

describe.skipIf(existsSync(SHARED))('../shared', () => {
  it.skip('is absent: only content/ and the fixtures are checked', () => {});
});
