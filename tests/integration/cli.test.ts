/** The command line as documented: help, outline, options, reproducible output, other sources. */
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, removeDir, ROOT, SHARED, tempDir } from '../helpers/build.js';
import { readPdf, words, inOrder } from '../helpers/pdf.js';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString as hastText } from 'hast-util-to-string';

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => removeDir(dir));

describe('handout --help', () => {
  it('explains every command and option', () => {
    const top = cli(['--help']);
    expect(top.status).toBe(0);
    expect(top.stdout).toMatch(/build \[options\] \[inputs\.\.\.\]/);
    expect(top.stdout).toMatch(/outline \[options\] <file>/);
    const build = cli(['build', '--help']);
    for (const opt of ['--out', '--paper', '--templates', '--quiet']) expect(build.stdout).toContain(opt);
  });

  it('--version prints the version in package.json', () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const r = cli([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout.trim()).toBe(version);
    }
  });
});

describe('handout outline', () => {
  it('prints an indented outline a person can read', () => {
    const r = cli(['outline', 'content/calcinosis.md']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Calcinosis {2}\(title from front matter; \d+ words; content\/calcinosis\.md\)/);
    expect(r.stdout).toMatch(/\n {2}## Key points \[key points box\] {2}line \d+/);
    expect(r.stdout).toMatch(/\n {4}### Dystrophic calcinosis/);
  });

  it('--json prints the Outline', () => {
    const r = cli(['outline', 'content/calcinosis.md', '--json']);
    const outline = JSON.parse(r.stdout);
    expect(outline.title).toBe('Calcinosis');
    expect(outline.meta).toMatchObject({ lang: 'en', version: '1.0', reviewed: '2026-11-02', audience: 'Patients and families' });
    const forms = outline.sections.find((s: { title: string }) => s.title === 'The four forms');
    expect(forms.sections.map((s: { title: string; level: number }) => [s.title, s.level])).toEqual([
      ['Dystrophic calcinosis', 3], ['Metastatic calcinosis', 3], ['Idiopathic calcinosis', 3], ['Iatrogenic calcinosis', 3],
    ]);
  });

  it('a missing file is a one-line error, not a stack trace', () => {
    const r = cli(['outline', 'content/nope.md']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/content\/nope\.md: error: cannot read the file/);
  });
});

describe('reproducible builds', () => {
  it('two builds of the same inputs are byte-identical', () => {
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    expect(cli(['build', 'content', '--out', a]).status).toBe(0);
    expect(cli(['build', 'content', '--out', b]).status).toBe(0);
    const files = readdirSync(a).sort();
    expect(files).toEqual(readdirSync(b).sort());
    for (const f of files) expect(readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f))), f).toBe(true);
  });

  it('dates come from SOURCE_DATE_EPOCH when set, else from the source', async () => {
    const c = path.join(dir, 'c');
    expect(cli(['build', 'content', '--out', c], { env: { SOURCE_DATE_EPOCH: '1700000000' } }).status).toBe(0);
    const pdf = await readPdf(readFileSync(path.join(c, 'calcinosis.pdf')));
    expect(String(pdf.info.CreationDate)).toMatch(/^D:20231114/);
    const d = path.join(dir, 'd');
    expect(cli(['build', 'content', '--out', d], { env: { SOURCE_DATE_EPOCH: '' } }).status).toBe(0);
    const pdf2 = await readPdf(readFileSync(path.join(d, 'calcinosis.pdf')));
    expect(String(pdf2.info.CreationDate)).toMatch(/^D:20261102/);
  });
});

describe('options', () => {
  it('--paper a4 lays out on A4', async () => {
    const out = path.join(dir, 'a4');
    expect(cli(['build', 'content/calcinosis.md', '--out', out, '--paper', 'a4']).status).toBe(0);
    const pdf = await readPdf(readFileSync(path.join(out, 'calcinosis.pdf')));
    expect(pdf.pages[0].width).toBeCloseTo(595.28, 1);
    expect(pdf.pages[0].height).toBeCloseTo(841.89, 1);
  });

  it('--template study-guide lays any source out as a study guide', async () => {
    const out = path.join(dir, 'guide');
    const r = cli(['build', 'tests/fixtures/anemia.txt', '--out', out, '--template', 'study-guide']);
    expect(r.status, r.stderr).toBe(0);
    const tree = fromHtml(readFileSync(path.join(out, 'anemia.html'), 'utf8'));
    expect(selectAll('body.study-guide', tree)).toHaveLength(1);
    expect(selectAll('.notes .note-line', tree).length).toBeGreaterThan(0);
    const pdf = await readPdf(readFileSync(path.join(out, 'anemia.pdf')));
    expect(pdf.text).toContain('Anemia at a glance');
  });

  it('an unknown template named in front matter is a warning, and the handout template is used', () => {
    const src = path.join(dir, 'foreign');
    mkdirSync(src);
    writeFileSync(path.join(src, 'page.md'), '---\ntitle: From another site\ntemplate: detail-page.hbs\n---\n\nText.\n');
    const r = cli(['build', src, '--out', path.join(dir, 'foreign-out')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/page\.md: warning: template "detail-page\.hbs" does not exist; the handout template is used \(there are: handout, study-guide\)/);
  });

  it('builds a folder of plain text and Markdown given on the command line', async () => {
    const src = path.join(dir, 'src');
    mkdirSync(src);
    writeFileSync(path.join(src, 'notes.txt'), 'First paragraph with *stars* kept.\n\nSecond paragraph,\nwrapped over lines.\n');
    const out = path.join(dir, 'txt-out');
    const r = cli(['build', src, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const pdf = await readPdf(readFileSync(path.join(out, 'notes.pdf')));
    expect(pdf.text).toContain('First paragraph with *stars* kept.');
    expect(pdf.text).toContain('Second paragraph, wrapped over lines.');
  });
});

describe.skipIf(!existsSync(path.join(SHARED, 'seeds/calcinosis.txt')))('the plain seed (needs ../shared)', () => {
  it('builds as it is: a title and all its paragraphs', async () => {
    const out = path.join(dir, 'seed');
    const r = cli(['build', path.join(SHARED, 'seeds/calcinosis.txt'), '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const pdf = await readPdf(readFileSync(path.join(out, 'calcinosis.pdf')));
    expect(pdf.pages[0].text.split('\n')[0]).toBe('Calcinosis');
    const seed = readFileSync(path.join(SHARED, 'seeds/calcinosis.txt'), 'utf8');
    const paragraphs = seed.split('\n').filter((l) => l.trim());
    expect(paragraphs).toHaveLength(11);
    expect(inOrder(words(seed), words(pdf.streamText)).missing ?? '').toBe('');
    const html = readFileSync(path.join(out, 'calcinosis.html'), 'utf8');
    expect(html.match(/<p>/g)?.length).toBeGreaterThanOrEqual(11);
  });

  it('prints its inferred sections as headings and bookmarks, with the at-a-glance table and its own one-page sheet', async () => {
    const out = path.join(dir, 'seed');
    const pdf = await readPdf(readFileSync(path.join(out, 'calcinosis.pdf')));
    // The closing paragraph, about calcinosis as a whole, has a heading of its own after the forms.
    expect(pdf.outline[0].items.map((i) => i.title)).toEqual(['Calcinosis at a glance', 'Dystrophic', 'Metastatic', 'Idiopathic', 'Iatrogenic', 'Treatment']);
    const tree = fromHtml(readFileSync(path.join(out, 'calcinosis.html'), 'utf8'));
    expect(selectAll('section.at-a-glance tbody tr', tree)).toHaveLength(4);
    expect(selectAll('section.at-a-glance tbody th', tree).map(hastText)).toEqual(['Dystrophic', 'Metastatic', 'Idiopathic', 'Iatrogenic']);
    // An empty cell prints a dash, never nothing.
    for (const td of selectAll('section.at-a-glance td', tree)) expect(hastText(td).trim()).not.toBe('');
    const sheet = await readPdf(readFileSync(path.join(out, 'calcinosis.summary.pdf')));
    expect(sheet.pages).toHaveLength(1);
    expect(sheet.pages[0].width).toBeGreaterThan(sheet.pages[0].height); // landscape
    expect(sheet.text).toContain('Calcinosis at a glance');
    expect(sheet.streamText).toMatch(/aluminum\s+carbonate/);
    expect(existsSync(path.join(out, 'calcinosis.summary.html'))).toBe(true);
    const index = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(index).toContain('href="calcinosis.summary.pdf"');
  });
});

describe.skipIf(!existsSync(path.join(SHARED, 'corpus')))('the corpus (needs ../shared)', () => {
  it('builds every Markdown and plain document whose images are present, each holding all its words', async () => {
    const out = path.join(dir, 'corpus');
    const files = ['markdown/nhs_beta_type2_diabetes_health_problems.md', 'markdown/va_health_care_copay.md', 'plain/ghr_juvenile_idiopathic_arthritis.txt', 'plain/ghr_niemann_pick_disease.txt', 'plain/nhlbi_stroke.txt'];
    const r = cli(['build', ...files.map((f) => path.join(SHARED, 'corpus', f)), '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    for (const f of files.filter((f) => f.endsWith('.txt'))) {
      const slug = path.basename(f, '.txt').replace(/_/g, '-');
      const pdf = await readPdf(readFileSync(path.join(out, `${slug}.pdf`)));
      const text = readFileSync(path.join(SHARED, 'corpus', f), 'utf8');
      expect(inOrder(words(text), words(pdf.streamText)).missing ?? '', f).toBe('');
    }
  });

  it('a document with missing images fails with the path it tried, as bad input should', () => {
    const r = cli(['build', path.join(SHARED, 'corpus/markdown/openaps_clinician_guide.md'), '--out', path.join(dir, 'openaps')]);
    expect(r.status).toBe(1);
    // Outside its project too (no package.json or .git above it): refused before it is looked for.
    expect(r.stderr).toMatch(/openaps_clinician_guide\.md:\d+: error: image (not found: )?\.\.\/Images\/\S+ (is outside the project|\(looked for)/);
  });
});

