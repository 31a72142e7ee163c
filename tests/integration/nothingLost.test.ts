/**
 * Nothing lost, read back with real readers: every document of content/, the seed and the corpus
 * is built in-process (the library, as the CLI calls it), and its PDF
 * - passes qpdf --check, shows as tagged in pdfinfo, and embeds every font (pdffonts);
 * - holds every word of the source, in order, by Poppler's pdftotext (hyphenation joined).
 * Documents in ../shared are skipped with a reason when it is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildReport } from '../../src/build/build.js';
import { removeDir, ROOT, SHARED, tempDir } from '../helpers/build.js';
import { artifactWords, hasCommand, htmlWords, inOrder, missingWords, pdfFonts, pdfInfo, pdftotextWords, qpdfCheck, sourceWords, structTextWords, words } from '../helpers/pdf.js';

const poppler = hasCommand('pdftotext') && hasCommand('pdfinfo') && hasCommand('pdffonts') && hasCommand('qpdf');
const corpus = path.join(SHARED, 'corpus');
/**
 * These name images the corpus does not have, a build error by design (see cli.test.ts); here they
 * are built with --missing-images alt, so their alt text is printed and every word is checked.
 */
const MISSING_IMAGES = ['openaps_clinician_guide.md', 'swc_shell_novice_reference.md'];

function documents(): { name: string; file: string }[] {
  const list = [
    { name: 'content/calcinosis.md', file: path.join(ROOT, 'content/calcinosis.md') },
  ];
  if (existsSync(path.join(SHARED, 'seeds/calcinosis.txt'))) list.push({ name: 'seed calcinosis.txt', file: path.join(SHARED, 'seeds/calcinosis.txt') });
  for (const sub of ['markdown', 'plain']) {
    const dir = path.join(corpus, sub);
    if (!existsSync(dir)) continue;
    // Sources only: the folder also holds the labels (JSON) and notes on where the texts came from.
    for (const f of readdirSync(dir).sort()) {
      if (!/\.(md|txt)$/.test(f) || f === 'SOURCES.md') continue;
      list.push({ name: `corpus/${sub}/${f}`, file: path.join(dir, f) });
    }
  }
  return list;
}

const docs = documents();
let out: string;
const reports = new Map<string, BuildReport>();

beforeAll(async () => {
  out = tempDir();
  for (const d of docs) {
    const missingImages = MISSING_IMAGES.includes(path.basename(d.file)) ? 'alt' : 'error';
    reports.set(d.file, await build({ inputs: [d.file], outDir: path.join(out, path.basename(d.file)), templateDirs: [], missingImages }));
  }
}, 300_000);
afterAll(() => removeDir(out));

/** The words a source says: Markdown text (not markup) or the whole plain text. */
function expectedWords(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return file.endsWith('.md') ? sourceWords(text.replace(/^---\n[\s\S]*?\n---\n/, '')) : words(text);
}

describe.skipIf(!poppler)('nothing lost (pdftotext, pdfinfo, pdffonts, qpdf)', () => {
  it.each(docs.map((d) => [d.name, d.file]))('%s', (_name, file) => {
    const report = reports.get(file)!;
    const doc = report.documents[0];
    expect(doc.ok, doc.error?.format()).toBe(true);
    const pdf = doc.outputs.find((o) => o.endsWith('.pdf'))!;
    expect(qpdfCheck(pdf)).toMatch(/No syntax or stream encoding errors/);
    const info = pdfInfo(pdf);
    expect(info.Tagged).toBe('yes');
    expect(info['Page size']).toMatch(/^612 x 792 pts/);
    for (const f of pdfFonts(pdf)) expect(f.embedded, f.name).toBe(true);
    const expected = expectedWords(file);
    expect(expected.length).toBeGreaterThan(50);
    const actual = pdftotextWords(pdf, new Set(expected));
    const result = inOrder(expected, actual);
    expect(result.missing ?? '', `first word lost at word ${result.at}`).toBe('');
  });
});

describe.skipIf(!poppler)('the PDF says what the HTML says, word for word, in reading order (the structure tree)', () => {
  it.each(docs.map((d) => [d.name, d.file]))('%s', async (_name, file) => {
    const doc = reports.get(file)!.documents[0];
    expect(doc.ok, doc.error?.format()).toBe(true);
    const html = readFileSync(doc.outputs.find((o) => o.endsWith('.html'))!, 'utf8');
    const expected = htmlWords(html);
    const actual = structTextWords(doc.outputs.find((o) => o.endsWith('.pdf'))!, { labels: false });
    // Report the first place they part, with some context.
    const at = expected.findIndex((w, i) => actual[i] !== w);
    const context = at < 0 ? '' : `html: …${expected.slice(at, at + 8).join(' ')}… / pdf: …${actual.slice(at, at + 8).join(' ')}…`;
    expect(context).toBe('');
    expect(actual.length).toBe(expected.length);
  });
});

/**
 * What a screen reader gets is what the eye sees: the words of the structure tree (Poppler's
 * `pdfinfo -struct-text`) are the words of the visible text (pdftotext, hyphenation joined), less
 * the words drawn as artifacts (running footer, repeated table headers). A line break that glued
 * two words ("Doctorssort") or a line-end hyphen read as part of the word shows up here.
 */
describe.skipIf(!poppler)('tagged text keeps word boundaries (pdfinfo -struct-text vs pdftotext)', () => {
  it.each(docs.map((d) => [d.name, d.file]))('%s', async (_name, file) => {
    const doc = reports.get(file)!.documents[0];
    expect(doc.ok, doc.error?.format()).toBe(true);
    const pdf = doc.outputs.find((o) => o.endsWith('.pdf'))!;
    const tagged = structTextWords(pdf);
    const visible = pdftotextWords(pdf, new Set([...expectedWords(file), ...tagged]));
    const seen = [...tagged, ...(await artifactWords(readFileSync(pdf)))];
    expect(missingWords(visible, seen), 'visible, not in the tags').toEqual([]);
    expect(missingWords(seen, visible), 'in the tags, not visible').toEqual([]);
  });
});

describe.skipIf(existsSync(SHARED))('../shared', () => {
  it.skip('is absent: the seed and corpus documents are not checked', () => {});
});
