/**
 * The example handout built by the real command line, read back with a PDF reader and an HTML
 * parser: what a user gets from `npm run build`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as hastText } from 'hast-util-to-string';
import { cli, removeDir, ROOT, tempDir } from '../helpers/build.js';
import { hasCommand, inOrder, missingWords, pdfFonts, readPdf, sourceWords, words, type ReadPdf } from '../helpers/pdf.js';

const source = readFileSync(path.join(ROOT, 'content/calcinosis.md'), 'utf8');
const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
let out: string;
let run: ReturnType<typeof cli>;
let pdf: ReadPdf;

beforeAll(async () => {
  out = tempDir();
  run = cli(['build', 'content', '--out', out]);
  pdf = await readPdf(readFileSync(path.join(out, 'calcinosis.pdf')));
});
afterAll(() => removeDir(out));

describe('npx handout build', () => {
  it('succeeds and prints one line per document and a total', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/content\/calcinosis\.md → .*calcinosis\.pdf\s+\d+ pages\s+\d+ ms/);
    expect(run.stdout).toMatch(/content\/types-of-rock\.md → .*types-of-rock\.pdf\s+\d+ pages\s+\d+ ms/);
    expect(run.stdout).toMatch(/2 built, 0 unchanged, 0 failed: \d+ pages, 0 warnings, \d+ ms/);
  });

  it('writes a PDF and HTML per source, the summary and the catalog', () => {
    for (const f of ['calcinosis.pdf', 'calcinosis.html', 'types-of-rock.pdf', 'types-of-rock.html', 'summary.pdf', 'summary.html', 'index.html']) {
      expect(existsSync(path.join(out, f)), f).toBe(true);
      expect(statSync(path.join(out, f)).size).toBeGreaterThan(500);
    }
  });
});

describe('the handout PDF', () => {
  it('is Letter sized, more than one page, with "Page X of Y" on every page', () => {
    expect(pdf.pages.length).toBeGreaterThanOrEqual(2);
    pdf.pages.forEach((page, i) => {
      expect(page.width).toBeCloseTo(612, 0);
      expect(page.height).toBeCloseTo(792, 0);
      expect(page.text).toContain(`Page ${i + 1} of ${pdf.pages.length}`);
      expect(page.text).toContain('Calcinosis · Version 1.0');
    });
  });

  it('holds every word of the source, in reading order', () => {
    const expected = sourceWords(body);
    const actual = words(pdf.streamText);
    const result = inOrder(expected, actual);
    expect(result.missing ?? '').toBe('');
    expect(expected.length).toBeGreaterThan(600);
  });

  it('starts with the title block, then the key points', () => {
    const first = pdf.pages[0].text;
    expect(first.indexOf('RIVERSIDE COMMUNITY CLINIC')).toBeLessThan(first.indexOf('Calcinosis'));
    expect(first).toMatch(/Calcinosis\nHard calcium lumps in the skin and body/);
    expect(first).toContain('Reviewed: November 2, 2026');
    expect(first.indexOf('Key points')).toBeGreaterThan(first.indexOf('Calcinosis is when'));
  });

  it('sets body text at 12 pt or more', () => {
    const sizes = pdf.pages.flatMap((p) => p.items.filter((i) => i.str.trim().length > 20).map((i) => i.size));
    const body = sizes.sort((a, b) => a - b)[Math.floor(sizes.length / 2)];
    expect(body).toBeGreaterThanOrEqual(12);
  });

  it('never leaves a heading alone at the bottom of a page', () => {
    const headings = new Set(['Key points', 'Words to know', 'What is calcinosis?', 'The four forms', 'Dystrophic calcinosis', 'Metastatic calcinosis', 'Idiopathic calcinosis', 'Iatrogenic calcinosis', 'Calcinosis at a glance', 'How is it treated?', 'When to see a doctor', 'Questions to ask your care team']);
    for (const page of pdf.pages) {
      const lines = page.text.split('\n').filter((l) => !/^Calcinosis · Version/.test(l) && !/Page \d+ of \d+/.test(l));
      const lastTwo = lines.slice(-2);
      for (const l of lastTwo) expect(headings.has(l.trim()), `page ends with heading "${l}"`).toBe(false);
    }
  });

  it('has metadata with the title shown in the viewer', () => {
    expect(pdf.info.Title).toBe('Calcinosis');
    expect(pdf.info.Author).toBe('Patient Education Team');
    expect(String(pdf.info.Subject)).toMatch(/plain-language guide/);
    expect(String(pdf.info.Keywords)).toContain('calcinosis');
    expect(pdf.info.Language).toBe('en');
    const raw = readFileSync(path.join(out, 'calcinosis.pdf')).toString('latin1');
    expect(raw).toMatch(/\/DisplayDocTitle true/);
  });

  it('has bookmarks for the headings, nested as in the document', () => {
    const top = pdf.outline.map((o) => o.title);
    expect(top).toEqual(['Calcinosis']);
    const sections = pdf.outline[0].items.map((o) => o.title);
    expect(sections).toEqual(['Key points', 'Words to know', 'What is calcinosis?', 'The four forms', 'Calcinosis at a glance', 'How is it treated?', 'When to see a doctor', 'Questions to ask your care team']);
    const forms = pdf.outline[0].items[3].items.map((o) => (o as { title: string }).title);
    expect(forms).toEqual(['Dystrophic calcinosis', 'Metastatic calcinosis', 'Idiopathic calcinosis', 'Iatrogenic calcinosis']);
  });

  it('has a clickable link', () => {
    const urls = pdf.pages.flatMap((p) => p.links.map((l) => l.url));
    expect(urls).toContain('https://example.org/patient-education');
  });

  it('prints the table with its header row and every cell', () => {
    const text = pdf.text.replace(/\s+/g, ' ');
    expect(text).toMatch(/Form What happens Common causes Where lumps form/);
    expect(text).toMatch(/Dystrophic Damaged tissue/);
  });

  it.skipIf(!hasCommand('pdffonts'))('embeds its fonts (Atkinson Hyperlegible Next), and no others', () => {
    const fonts = pdfFonts(path.join(out, 'calcinosis.pdf'));
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const f of fonts) {
      expect(f.embedded, f.name).toBe(true);
      expect(f.name).toMatch(/AtkinsonHyperlegibleNext-(Regular|Bold|Italic|BoldItalic)$/);
    }
  });

  it.skipIf(!hasCommand('qpdf'))('is a valid PDF by qpdf --check', async () => {
    const { execFileSync } = await import('node:child_process');
    const res = execFileSync('qpdf', ['--check', path.join(out, 'calcinosis.pdf')], { encoding: 'utf8' });
    expect(res).toMatch(/No syntax or stream encoding errors found/);
  });
});

describe('the handout HTML', () => {
  const page = () => fromHtml(readFileSync(path.join(out, 'calcinosis.html'), 'utf8'));

  it('is one self-contained page: styles inlined, no external files or scripts', () => {
    const tree = page();
    expect(selectAll('style', tree).length).toBe(1);
    expect(selectAll('link[rel=stylesheet], script, img[src^=http]', tree)).toEqual([]);
    expect(select('meta[name=viewport]', tree)).toBeTruthy();
  });

  it('has the language, the title and the structure', () => {
    const tree = page();
    expect(select('html', tree)?.properties.lang).toBe('en');
    expect(hastText(select('title', tree)!)).toBe('Calcinosis');
    expect(hastText(select('h1', tree)!)).toBe('Calcinosis');
    expect(selectAll('h2', tree).map(hastText)).toContain('What is calcinosis?');
    expect(hastText(select('aside.key-points h2', tree)!)).toBe('Key points');
    expect(selectAll('table th', tree).map(hastText)).toEqual(['Form', 'What happens', 'Common causes', 'Where lumps form']);
  });

  it('holds every word of the source, in order', () => {
    const text = hastText(select('main', page())!);
    expect(inOrder(sourceWords(body), words(text)).missing ?? '').toBe('');
  });
});

describe('the collection', () => {
  it('summary lists each handout with title, audience, language, version, review dates, reading grade, pages and words', async () => {
    const tree = fromHtml(readFileSync(path.join(out, 'summary.html'), 'utf8'));
    const headers = selectAll('th', tree).map(hastText);
    expect(headers).toEqual(['Title', 'Audience', 'Language', 'Version', 'Reviewed', 'Next review', 'Reading grade', 'Pages', 'Words']);
    const cells = selectAll('tbody tr:first-child td', tree).map(hastText);
    expect(cells.slice(0, 5)).toEqual(['Calcinosis', 'Patients and families', 'en', '1.0', '2026-11-02']);
    expect(cells[5]).toMatch(/^2028-11-02(current|due soon|overdue)$/);
    expect(cells[6]).toMatch(/^\d+\.\d(meets|over) target 8$/);
    expect(Number(cells[7])).toBe(pdf.pages.length);
    expect(Number(cells[8])).toBeGreaterThan(600);
    const summaryPdf = await readPdf(readFileSync(path.join(out, 'summary.pdf')));
    expect(summaryPdf.text).toContain('Patients and');
    expect(summaryPdf.text).toContain('Calcinosis');
  });

  it('index links every output', () => {
    const tree = fromHtml(readFileSync(path.join(out, 'index.html'), 'utf8'));
    const hrefs = selectAll('a', tree).map((a) => String(a.properties.href));
    for (const f of ['calcinosis.pdf', 'calcinosis.html', 'types-of-rock.pdf', 'summary.html', 'summary.pdf']) expect(hrefs).toContain(f);
    for (const href of hrefs) expect(existsSync(path.join(out, href)), href).toBe(true);
  });
});

describe('the study guide (template: study-guide)', () => {
  it('lays out the same kind of outline for a class: course line, objectives, comparison table, key terms, notes', async () => {
    const guide = await readPdf(readFileSync(path.join(out, 'types-of-rock.pdf')));
    const first = guide.pages[0].text;
    expect(first).toMatch(/^EARTH SCIENCE, GRADE 7 · NOVEMBER 16, 2026\nThe three types of rock/);
    expect(first).toContain('Name: ____');
    // Objectives first, then the comparison table, before the sections it compares.
    const order = ['Learning objectives', 'The three types of rock at a glance', 'Igneous rock'].map((t) => guide.text.indexOf(t));
    expect(order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1]))).toBe(true);
    const tree = fromHtml(readFileSync(path.join(out, 'types-of-rock.html'), 'utf8'));
    expect(selectAll('.at-a-glance thead th', tree).map(hastText)).toEqual(['Type', 'Forms from', 'Looks like', 'Examples']);
    expect(selectAll('.at-a-glance tbody th', tree).map(hastText)).toEqual(['Igneous', 'Sedimentary', 'Metamorphic']);
    expect(hastText(select('aside.key-terms', tree)!)).toMatch(/magma · lava · sediment · rock cycle/);
    expect(selectAll('.notes .note-line', tree).length).toBeGreaterThanOrEqual(6);
    expect(guide.text).toContain('Notes');
    // The template moves the objectives first, so words are checked as a whole, not in order.
    const guideSource = readFileSync(path.join(ROOT, 'content/types-of-rock.md'), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    expect(missingWords(sourceWords(guideSource), words(guide.streamText))).toEqual([]);
  });
});
