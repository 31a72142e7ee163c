/**
 * `npx handout check` and the check inside `build`, run as a user runs them: the report, --json,
 * --strict exit codes, colour, the Words to know box read back from the PDF and the HTML, the next
 * review date in the footer, and the seed and corpus from ../shared (skipped when absent).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as hastText } from 'hast-util-to-string';
import { cli, removeDir, SHARED, tempDir } from '../helpers/build.js';
import { readPdf } from '../helpers/pdf.js';

const TODAY = { HANDOUT_TODAY: '2026-11-24' };
const SEED = path.join(SHARED, 'seeds/calcinosis.txt');
const CORPUS = path.join(SHARED, 'corpus');

let dir: string;
beforeAll(() => {
  dir = tempDir();
  mkdirSync(path.join(dir, 'hard'));
  // Over grade 8, passive, a long sentence, an undefined term, an image without alt, a vague link, overdue.
  writeFileSync(
    path.join(dir, 'hard', 'hard.md'),
    [
      '---', 'title: Hard reading', 'reviewed: 2020-01-01', 'review-every: 2y', '---', '',
      'Calcinosis is the development of hard calcium deposits that are localized to the specific area of tissue damage in many patients.', '',
      '## Treatment', '',
      'Underlying causes for an excess of calcium or phosphate may be addressed by doctors who utilize medication.', '',
      '![](https://example.org/heel.png)', '',
      'For more, [click here](https://example.org).', '',
    ].join('\n'),
  );
});
afterAll(() => removeDir(dir));

describe('handout check on content/', () => {
  it('--help explains the command and its options', () => {
    const r = cli(['check', '--help']);
    expect(r.status).toBe(0);
    for (const opt of ['--json', '--strict', '--target-grade', '--glossary', 'HANDOUT_TODAY']) expect(r.stdout).toContain(opt);
    expect(cli(['--help']).stdout).toMatch(/check \[options\] \[inputs\.\.\.\]/);
  });

  it('prints a report a person can read, and the example handout passes --strict', () => {
    const r = cli(['check', '--strict'], { env: TODAY });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^content\/calcinosis\.md: Calcinosis\n/);
    expect(r.stdout).toMatch(/Reading level {2}grade \d\.\d: Flesch-Kincaid \d\.\d, SMOG \d\.\d; meets target 8/);
    expect(r.stdout).toMatch(/\n {4}What is calcinosis\? +FK +\d\.\d +SMOG +\d\.\d/);
    expect(r.stdout).toContain('Review         reviewed 2026-11-02, next review 2028-11-02: current');
    expect(r.stdout).toMatch(/PEMAT-P +9 of 9 items a program can judge \(100 %\); 14 items need a person/);
    expect(r.stdout).toMatch(/Words to know  calcinosis, lesion, dystrophic, phosphate, .*scleroderma.*metastatic.*idiopathic.*iatrogenic/);
    expect(r.stdout).not.toMatch(/undefined term/);
    expect(r.stdout).toMatch(/Checked 2 handouts \(today is 2026-11-24\): 2 meet their reading target, 0 over; 0 overdue for review/);
    expect(r.stdout).not.toMatch(/\x1b\[/); // NO_COLOR is set by the helper
  });

  it('--json gives the whole report', () => {
    const r = cli(['check', 'content', '--json'], { env: TODAY });
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ today: '2026-11-24', ok: true, errors: [] });
    const [h] = report.handouts;
    expect(h).toMatchObject({ file: 'content/calcinosis.md', title: 'Calcinosis', slug: 'calcinosis', failsStrict: false });
    expect(h.readingLevel).toMatchObject({ target: 8, meetsTarget: true, hardest: [] });
    for (const k of ['fleschKincaid', 'smog', 'grade', 'sentences', 'words', 'syllables', 'polysyllables']) expect(typeof h.readingLevel[k]).toBe('number');
    expect(h.readingLevel.grade).toBeLessThanOrEqual(8);
    expect(h.readingLevel.sections[0]).toMatchObject({ title: 'Key points', level: 2 });
    expect(h.review).toEqual({ reviewed: '2026-11-02', nextReview: '2028-11-02', status: 'current', daysLeft: 709 });
    expect(h.pemat).toMatchObject({ agree: 9, judged: 9, percent: 100 });
    expect(h.pemat.items[0]).toEqual({ scale: 'understandability', name: 'Medical terms defined', verdict: 'agree', why: expect.any(String) });
    expect(h.pemat.forPerson).toHaveLength(14);
    expect(h.wordsToKnow.map((t: { term: string }) => t.term)).toEqual(expect.arrayContaining(['dystrophic', 'metastatic', 'idiopathic', 'iatrogenic', 'scleroderma', 'phosphate', 'lupus', 'lesion']));
    expect(h.wordsToKnow[0]).toEqual({ term: 'calcinosis', definition: expect.any(String), line: 15 });
  });
});

describe('handout check on a hard handout', () => {
  it('reports each finding with file:line and a suggestion; without --strict it exits 0', () => {
    const r = cli(['check', path.join(dir, 'hard')], { env: TODAY });
    expect(r.status, r.stderr).toBe(0);
    const f = (re: RegExp) => expect(r.stdout).toMatch(re);
    f(/hard\.md:7: warning: reads at grade \d+\.\d .*the target is 8: .*words a sentence/);
    f(/The sentences that raise the grade most \(the grade without each one is lower by\):\n {6}\S+hard\.md:7 {2}\d+\.\d\d {2}21 words, 7 of 3\+ syllables: "Calcinosis is the development/);
    f(/hard\.md:7: warning: long sentence \(21 words\)/);
    f(/hard\.md:7: warning: passive voice \("are localized"\)/);
    f(/hard\.md:7: warning: undefined term\? "Calcinosis" looks medical and is not in the glossary \(define it in glossary\.yml/);
    f(/hard\.md:11: warning: passive voice \("be addressed"\)/);
    f(/hard\.md:11: warning: "utilize" has a simpler alternative \(use "use"\)/);
    f(/hard\.md:13: warning: image without alt text/);
    f(/hard\.md:15: warning: link text "click here" does not say where it goes/);
    f(/hard\.md:4: warning: review overdue: the next review was due 2022-01-01/);
    f(/Review +reviewed 2020-01-01, next review 2022-01-01: overdue/);
    f(/0 meet their reading target|0 meets its reading target/);
  });

  it('--strict exits 1 and makes the overdue review an error', () => {
    const r = cli(['check', path.join(dir, 'hard'), '--strict'], { env: TODAY });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/hard\.md:4: error: review overdue/);
  });

  it('--strict exits 1 for a review overdue alone, and 0 before the date', () => {
    const easy = path.join(dir, 'easy.md');
    writeFileSync(easy, '---\nreviewed: 2024-01-01\nnext-review: 2026-01-01\n---\n\nYou can call us. We can help you.\n');
    expect(cli(['check', easy, '--strict'], { env: { HANDOUT_TODAY: '2025-12-31' } }).status).toBe(0);
    const late = cli(['check', easy, '--strict'], { env: { HANDOUT_TODAY: '2026-01-02' } });
    expect(late.status).toBe(1);
    expect(late.stdout).toMatch(/1 overdue for review; 1 error,/);
  });

  it('--target-grade sets the target where front matter does not', () => {
    const r = cli(['check', path.join(dir, 'hard'), '--target-grade', '20', '--json'], { env: TODAY });
    expect(JSON.parse(r.stdout).handouts[0].readingLevel).toMatchObject({ target: 20, meetsTarget: true });
    expect(cli(['check', '--target-grade', 'easy']).stderr).toMatch(/--target-grade should be a school grade from 1 to 20, such as 8, not "easy"/);
  });

  it('colour only when asked for: FORCE_COLOR on, NO_COLOR off', () => {
    expect(cli(['check', path.join(dir, 'hard')], { env: { ...TODAY, NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).toMatch(/\x1b\[3\dm/);
    expect(cli(['check', path.join(dir, 'hard')], { env: { ...TODAY, NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toMatch(/\x1b\[/);
  });

  it('--glossary adds terms; a missing glossary file is an error naming it', () => {
    const g = path.join(dir, 'terms.yml');
    writeFileSync(g, 'calcinosis: Hard calcium lumps.\nphosphate: A mineral.\n');
    const r = JSON.parse(cli(['check', path.join(dir, 'hard'), '--glossary', g, '--json'], { env: TODAY }).stdout);
    expect(r.handouts[0].wordsToKnow.map((t: { term: string }) => t.term)).toEqual(['calcinosis', 'phosphate']);
    expect(r.handouts[0].findings.some((f: { message: string }) => /"Calcinosis"|"phosphate"/.test(f.message))).toBe(false);
    const missing = cli(['check', path.join(dir, 'hard'), '--glossary', 'nope.yml']);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toMatch(/nope\.yml: error: glossary file not found \(check the path given to --glossary\)/);
  });

  it('a source that cannot be read is an error line and exit 1', () => {
    const bad = path.join(dir, 'bad.md');
    writeFileSync(bad, '---\ntitle: [unclosed\n---\nText.\n');
    const r = cli(['check', bad]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/bad\.md:2: error: invalid front matter/);
  });
});

describe('handout build runs the check', () => {
  let out: string;
  let build: ReturnType<typeof cli>;
  beforeAll(() => {
    out = path.join(dir, 'out');
    build = cli(['build', 'content', path.join(dir, 'hard'), '--out', out], { env: TODAY });
  });

  it('prints the findings as warnings with file:line, and still builds', () => {
    expect(build.status, build.stderr).toBe(0);
    // One line per rule under the document, a few of them, and where to see the rest.
    expect(build.stderr).toMatch(/hard\.md:4: warning: review overdue: .* \[review-date\]\n/);
    expect(build.stderr).toMatch(/hard\.md:7: warning: reads at grade .* \[reading-grade\]\n/);
    expect(build.stderr).toMatch(/\n {4}\d+ more: handout check \S+hard\.md\n/);
    expect(build.stderr).not.toMatch(/content\/calcinosis\.md:\d+: warning/);
  });

  it('--strict fails the build when a handout is over target or overdue', () => {
    expect(cli(['build', path.join(dir, 'hard'), '--out', path.join(dir, 'out2'), '--strict'], { env: TODAY }).status).toBe(1);
    expect(cli(['build', 'content', '--out', path.join(dir, 'out3'), '--strict'], { env: TODAY }).status).toBe(0);
  });

  it('the PDF has the Words to know box, and the next review date on every page', async () => {
    const pdf = await readPdf(readFileSync(path.join(out, 'calcinosis.pdf')));
    const first = pdf.pages[0].text;
    expect(first.indexOf('Words to know')).toBeGreaterThan(first.indexOf('Key points'));
    expect(pdf.text).toMatch(/dystrophic: Starting in tissue that was hurt or damaged\./);
    expect(pdf.text).toMatch(/iatrogenic: Caused by medical care/);
    for (const page of pdf.pages) expect(page.text).toContain('Next review November 2, 2028');
    expect(pdf.outline[0].items.map((o) => o.title)).toContain('Words to know');
  });

  it('the HTML has the box, listing the terms used in order of first use', () => {
    const tree = fromHtml(readFileSync(path.join(out, 'calcinosis.html'), 'utf8'));
    const box = select('aside.words-to-know', tree)!;
    expect(hastText(select('h2', box)!)).toBe('Words to know');
    const terms = selectAll('li strong', box).map(hastText);
    expect(terms.slice(0, 4)).toEqual(['calcinosis', 'lesion', 'dystrophic', 'phosphate']);
    expect(terms).toEqual(expect.arrayContaining(['lupus', 'scleroderma', 'metastatic', 'idiopathic', 'iatrogenic']));
    expect(hastText(select('footer.running-footer', tree)!).replace(/\s+/g, ' ')).toContain('Next review November 2, 2028');
    // A handout with no glossary terms gets no empty box.
    expect(select('aside.words-to-know', fromHtml(readFileSync(path.join(out, 'hard.html'), 'utf8')))).toBeUndefined();
  });

  it('the summary and the catalog show reading grade and review status', () => {
    const summary = fromHtml(readFileSync(path.join(out, 'summary.html'), 'utf8'));
    const rows = selectAll('tbody tr', summary).map((tr) => selectAll('td', tr).map(hastText));
    const hard = rows.find((r) => r[0] === 'Hard reading')!;
    expect(hard[5]).toBe('2022-01-01overdue');
    expect(hard[6]).toMatch(/^\d+\.\dover target 8$/);
    const calc = rows.find((r) => r[0] === 'Calcinosis')!;
    expect(calc[5]).toBe('2028-11-02current');
    const index = hastText(select('main', fromHtml(readFileSync(path.join(out, 'index.html'), 'utf8')))!);
    expect(index).toMatch(/Review current \(next review 2028-11-02\)\s+· Reading grade \d\.\d \(Flesch-Kincaid \d\.\d, SMOG \d\.\d; meets target 8\)/);
    expect(index).toMatch(/Review overdue \(next review 2022-01-01\)\s+· Reading grade \d+\.\d \(Flesch-Kincaid \d+\.\d, SMOG \d+\.\d; over target 8\)/);
  });
});

describe.skipIf(!existsSync(SEED))('the seed (skipped: ../shared/seeds/calcinosis.txt is absent outside the workspace)', () => {
  it('reads well above grade 8, and the report says why', () => {
    const r = cli(['check', SEED, '--json'], { env: TODAY });
    const [h] = JSON.parse(r.stdout).handouts;
    expect(h.readingLevel.fleschKincaid).toBeGreaterThan(10);
    expect(h.readingLevel.smog).toBeGreaterThan(12);
    expect(h.readingLevel.hardest.length).toBeGreaterThanOrEqual(3);
    const text = cli(['check', SEED], { env: TODAY }).stdout;
    expect(text).toMatch(/calcinosis\.txt:1: warning: reads at grade 1\d\.\d .*words a sentence.*syllables a word.*words of 3\+ syllables/);
    expect(text).toMatch(/The sentences that raise the grade most.*\n( {6}\S+calcinosis\.txt:\d+ {2}\d\.\d\d {2}\d+ words, \d+ of 3\+ syllables: ".*\n){5}/);
    for (const term of ['dystrophic', 'metastatic', 'iatrogenic', 'idiopathic', 'scleroderma', 'lupus']) expect(text).toMatch(new RegExp(`undefined term\\? "${term}"`, 'i'));
    expect(text).toMatch(/calcinosis\.txt:\d+: warning: passive voice/);
    expect(text).toMatch(/calcinosis\.txt:\d+: warning: long sentence/);
    expect(cli(['check', SEED, '--strict'], { env: TODAY }).status).toBe(1);
  });
});

describe.skipIf(!existsSync(CORPUS))('the corpus (skipped: ../shared/corpus is absent outside the workspace)', () => {
  it('checks every document and points at lines', () => {
    const r = cli(['check', path.join(CORPUS, 'markdown'), path.join(CORPUS, 'plain'), '--json'], { env: TODAY });
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    const sources = ['markdown', 'plain'].flatMap((sub) => readdirSync(path.join(CORPUS, sub)).filter((f) => /\.(md|txt)$/.test(f)));
    expect(report.handouts).toHaveLength(sources.length);
    for (const h of report.handouts) {
      expect(h.readingLevel.sentences, h.file).toBeGreaterThan(10);
      expect(h.findings.filter((f: { line?: number }) => f.line).length, h.file).toBeGreaterThan(0);
    }
    const nhs = report.handouts.find((h: { file: string }) => h.file.includes('nhs_beta'));
    expect(nhs.findings.map((f: { message: string }) => f.message)).toEqual(expect.arrayContaining([expect.stringMatching(/undefined term\? "retinopathy"/)]));
  });
});
