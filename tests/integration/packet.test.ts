/**
 * `handout packet`: one PDF for the print room, read back with pdfjs (bookmarks, page labels,
 * text per page), pdfinfo and qpdf.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { cli, removeDir, tempDir, writeUnder } from '../helpers/build.js';
import { hasCommand, readPdf } from '../helpers/pdf.js';
import { layoutPacket } from '../../src/packet/packet.js';

let dir: string;
const write = (rel: string, text: string) => writeUnder(dir, rel, text);
const paragraphs = (n: number, what: string) => Array.from({ length: n }, (_, i) => `${what} paragraph ${i + 1} says something a patient can use at home, in plain words and short sentences.`).join('\n\n');

beforeAll(() => {
  dir = tempDir('handout-packet-');
  write('handout.config.yaml', 'organisation: Harbour Street Clinic\n');
  write('welcome.md', `---\ntitle: Welcome to the clinic\n---\n${paragraphs(2, 'Welcome')}\n`);
  // Long enough for two pages, so the next handout would start on an even page.
  write('diet.md', `---\ntitle: Eating for a healthy heart\n---\n## Foods\n\n${paragraphs(40, 'Diet')}\n`);
  write('sleep.txt', `---\ntitle: Sleeping well\n---\n${paragraphs(3, 'Sleep')}\n`);
  write('lists/new-patients.packet', '# the welcome pack, in the order a new patient reads it\n../sleep.txt\n\n../welcome.md\n');
}, 60_000);

afterAll(() => removeDir(dir));

async function pageLabels(file: string): Promise<string[] | null> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, verbosity: 0 }).promise;
  const labels = await doc.getPageLabels();
  await doc.destroy();
  return labels;
}

describe('handout packet', () => {
  it('puts the handouts in command-line order behind a contents page, with a bookmark each and page labels', async () => {
    const r = cli(['packet', 'welcome.md', 'diet.md', 'sleep.txt', '--out', 'packet.pdf'], { cwd: dir });
    expect(r.stderr).not.toMatch(/error/);
    expect(r.status).toBe(0);
    const file = path.join(dir, 'packet.pdf');
    const pdf = await readPdf(readFileSync(file));
    const diet = pdf.pages.findIndex((p) => p.text.includes('Eating for a healthy heart') && p.text.includes('Diet paragraph 1 '));
    expect(diet).toBeGreaterThan(0);
    const dietPages = pdf.pages.filter((p) => p.text.includes('Diet paragraph')).length;
    expect(dietPages).toBeGreaterThanOrEqual(2);
    // Contents: each title with the page (as labelled) it starts on.
    const contents = pdf.pages[0].text;
    expect(contents).toContain('Harbour Street Clinic');
    expect(contents).toMatch(/Welcome to the clinic\s*Page 1/);
    expect(contents).toMatch(new RegExp(`Eating for a healthy heart\\s*Page ${diet}`));
    expect(contents).toMatch(new RegExp(`Sleeping well\\s*Page ${diet + dietPages}`));
    // Each handout starts on a fresh page: its title and first words are at the top of that page.
    expect(pdf.pages[1].text.startsWith('HARBOUR STREET CLINIC\nWelcome to the clinic')).toBe(true);
    expect(pdf.pages[diet + dietPages].text).toMatch(/^HARBOUR STREET CLINIC\nSleeping well/);
    expect(pdf.outline.map((o) => o.title)).toEqual(['Contents', 'Welcome to the clinic', 'Eating for a healthy heart', 'Sleeping well']);
    const labels = await pageLabels(file);
    expect(labels?.[0]).toBe('i');
    expect(labels?.slice(1)).toEqual(pdf.pages.slice(1).map((_, i) => String(i + 1)));
    if (hasCommand('qpdf')) execFileSync('qpdf', ['--check', file]);
    if (hasCommand('pdfinfo')) expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Title:\s+Harbour Street Clinic/);
  });

  it('with --duplex starts every handout on an odd page, adding blank backs', async () => {
    const r = cli(['packet', 'welcome.md', 'diet.md', 'sleep.txt', '--out', 'duplex.pdf', '--duplex'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/blank for duplex/);
    const pdf = await readPdf(readFileSync(path.join(dir, 'duplex.pdf')));
    const starts = ['Welcome to the clinic', 'Eating for a healthy heart', 'Sleeping well'].map((title) =>
      pdf.pages.findIndex((p) => new RegExp(`^HARBOUR STREET CLINIC\\n${title}`).test(p.text)),
    );
    for (const index of starts) expect((index + 1) % 2, `handout on physical page ${index + 1}`).toBe(1);
    // The blank backs are empty, and the contents still point at the right pages.
    for (let i = 0; i < pdf.pages.length; i++) if (!starts.includes(i) && pdf.pages[i].text === '') expect(starts.includes(i + 1)).toBe(true);
    const labels = (await pageLabels(path.join(dir, 'duplex.pdf')))!;
    for (const [n, index] of starts.entries()) {
      const title = ['Welcome to the clinic', 'Eating for a healthy heart', 'Sleeping well'][n];
      expect(pdf.pages[0].text).toMatch(new RegExp(`${title}\\s*Page ${labels[index]}\\b`));
    }
  });

  it('takes the order from a packet list file, relative to the list', async () => {
    const r = cli(['packet', '--list', 'lists/new-patients.packet', '--out', 'list.pdf'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const pdf = await readPdf(readFileSync(path.join(dir, 'list.pdf')));
    expect(pdf.outline.map((o) => o.title)).toEqual(['Contents', 'Sleeping well', 'Welcome to the clinic']);
  });

  it('names a missing entry of a list by its line, and writes no packet when a handout fails', () => {
    write('lists/bad.packet', '../welcome.md\n../nowhere.md\n');
    const bad = cli(['packet', '--list', 'lists/bad.packet', '--out', 'bad.pdf'], { cwd: dir });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/lists\/bad\.packet:2: error: no such file or folder: \.\.\/nowhere\.md/);
    expect(existsSync(path.join(dir, 'bad.pdf'))).toBe(false);

    const before = statSync(path.join(dir, 'packet.pdf')).mtimeMs;
    write('broken.md', '---\ntitle: [not, a, title]\n---\nText.\n');
    const r = cli(['packet', 'welcome.md', 'broken.md', '--out', 'packet.pdf'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/broken\.md:2: error: front-matter key "title" should be text/);
    expect(r.stderr).toMatch(/no packet written/);
    expect(statSync(path.join(dir, 'packet.pdf')).mtimeMs).toBe(before);
  });
});

describe('layoutPacket', () => {
  it('numbers pages from the first after the contents, and adds a blank only where duplex needs one', () => {
    expect(layoutPacket([1, 2, 3], 1, false)).toEqual({ starts: [1, 2, 4], blanksBefore: [0, 0, 0] });
    // Physical pages: contents 1; blank 2; A 3; blank 4; B 5-6; C 7.
    expect(layoutPacket([1, 2, 1], 1, true)).toEqual({ starts: [2, 4, 6], blanksBefore: [1, 1, 0] });
    // Two pages of contents: the first handout is on physical page 3 already.
    expect(layoutPacket([2], 2, true)).toEqual({ starts: [1], blanksBefore: [0] });
  });
});
