/**
 * Hostile input, sixth round: structure deeper or wider than a page, and a footnote called from a
 * heading. Each case is built through the real command line next to a good handout, and its
 * outputs read back (pdftotext, pdfinfo, qpdf's JSON, an HTML parser).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { cli, folderWithGoodHandout, pdfTextIn, removeDir } from '../helpers/build.js';
import { hasCommand } from '../helpers/pdf.js';

let dir: string;
let content: string;
let out: string;

beforeEach(() => {
  ({ dir, content, out } = folderWithGoodHandout());
});
afterEach(() => removeDir(dir));

const build = () => cli(['build', content, '--out', out], { cwd: dir });
const pdfText = (slug: string) => pdfTextIn(out, slug);
const pages = (slug: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path.join(out, `${slug}.pdf`)], { encoding: 'utf8' }))![1]);
/** Each page's text without its running footer ("Title … Page n of m"). */
const pageBodies = (slug: string, title: string) =>
  pdfText(slug)
    .split('\f')
    .slice(0, -1)
    .map((p) => p.replace(new RegExp(`${title}\\s+Page \\d+ of \\d+\\s*$`), '').trim());

describe.skipIf(!hasCommand('pdftotext') || !hasCommand('qpdf'))('structure deeper or wider than the page', () => {
  it('lists 30 levels deep and quotes 49 levels deep print every line whole, on pages that are not empty, with one warning', () => {
    // Each level took 20 pt (a quote 15): past level 26 the column was a letter wide, words broke
    // between every letter, the deepest lines vanished, and five pages printed nothing at all.
    const list = Array.from({ length: 30 }, (_, i) => `${'  '.repeat(i)}- level${i} word`);
    const quotes = Array.from({ length: 49 }, (_, i) => `${'> '.repeat(i + 1)}quote${i + 1} word\n${'> '.repeat(i + 1)}`);
    writeFileSync(path.join(content, 'deep.md'), `---\ntitle: Deep lists\n---\n\nIntro words.\n\n${list.join('\n')}\n\nMiddle words.\n\n${quotes.join('\n')}\n\nClosing words.\n`);
    const r = build();
    expect(r.status, r.stderr).toBe(0);
    const text = pdfText('deep');
    for (let i = 0; i < 30; i++) expect(text, `level${i}`).toMatch(new RegExp(`level${i} word`));
    for (let i = 1; i <= 49; i++) expect(text, `quote${i}`).toMatch(new RegExp(`quote${i} word`));
    expect(text).toMatch(/Closing words\./);
    for (const [i, body] of pageBodies('deep', 'Deep lists').entries()) expect(body, `page ${i + 1}`).not.toBe('');
    expect(pages('deep')).toBeLessThanOrEqual(5);
    expect(r.stderr.match(/deep\.md: warning: lists or quotes are nested too deep for the page/g)).toHaveLength(1);
    // A list nested as deep as a page holds is no news.
    writeFileSync(path.join(content, 'deep.md'), `---\ntitle: Deep lists\n---\n\n${list.slice(0, 8).join('\n')}\n`);
    expect(build().stderr).not.toMatch(/nested too deep/);
    expect(pdfText('good')).toContain('This one is fine.');
  }, 60_000);

  it('a table of 30 columns prints in parts of whole words, each with the first column, and says so; the usual table is one part', () => {
    const columns = 30;
    const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
    const table = [
      line(Array.from({ length: columns }, (_, i) => `Day${i}`)),
      line(Array(columns).fill('---')),
      line(Array.from({ length: columns }, (_, i) => (i ? `dose${i}` : 'Morning'))),
      line(Array.from({ length: columns }, (_, i) => (i ? `rest${i}` : 'Evening'))),
    ].join('\n');
    writeFileSync(path.join(content, 'wide.md'), `---\ntitle: Wide table\n---\n\nThe plan by day.\n\n${table}\n\n| Drug | Dose | When |\n| --- | --- | --- |\n| Aspirin | 75 mg | Morning |\n`);
    const r = build();
    expect(r.status, r.stderr).toBe(0);
    const parts = Number(/wide\.md: warning: a table of 30 columns \(the one starting "Day0", "Day1", "Day2" …\) is too wide for the page to print its words whole: it is printed in (\d+) parts/.exec(r.stderr)?.[1]);
    expect(parts).toBeGreaterThanOrEqual(2);
    expect(r.stderr).not.toMatch(/narrower than a letter/);
    expect(r.stderr.match(/wide\.md: warning: a table/g)).toHaveLength(1);
    const text = pdfText('wide');
    // Every cell whole, read across its row: the row's label, then its cells, part after part.
    for (let i = 1; i < columns; i++) {
      expect(text, `dose${i}`).toMatch(new RegExp(`\\bdose${i}\\b`));
      expect(text, `rest${i}`).toMatch(new RegExp(`\\brest${i}\\b`));
    }
    expect(text.match(/^\s*Morning\s+dose/gm)).toHaveLength(parts);
    expect(text.match(/^\s*Day0\s+Day/gm)).toHaveLength(parts);
    expect(text).toMatch(/Aspirin\s+75 mg\s+Morning/);
  }, 60_000);
});

describe.skipIf(!hasCommand('pdftotext') || !hasCommand('qpdf'))('a footnote called from a heading', () => {
  it('keeps its call in the heading and the title, numbered in reading order, with no "never referred to" warning; bookmarks keep the words only', () => {
    writeFileSync(path.join(content, 'notes.md'), '# Skin care[^t] for *you*\n\nWash the skin daily.[^body]\n\n## Soap[^s] and water\n\nUse a mild soap.\n\n[^t]: Written by the clinic nurses.\n[^s]: Without perfume.\n[^body]: Warm, not hot, water.\n');
    const r = build();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/never referred to/);
    const page = fromHtml(readFileSync(path.join(out, 'notes.html'), 'utf8'));
    const calls = (selector: string) => selectAll(`${selector} a[data-footnote-ref]`, page).map((a) => toString(a));
    expect(calls('h1')).toEqual(['1']);
    expect(calls('h2#soap-and-water')).toEqual(['3']);
    expect(select('h1 em', page)).toBeDefined();
    const notes = selectAll('section[data-footnotes] li', page).map((li) => toString(li).trim());
    expect(notes).toHaveLength(3);
    expect(notes[0]).toMatch(/^Written by the clinic nurses/);
    expect(notes[1]).toMatch(/^Warm, not hot, water/);
    expect(notes[2]).toMatch(/^Without perfume/);
    const text = pdfText('notes');
    expect(text).toMatch(/Skin care1 for you/);
    expect(text).toMatch(/Soap3 and water/);
    for (const note of ['Written by the clinic nurses.', 'Without perfume.', 'Warm, not hot, water.']) expect(text).toContain(note);
    const outline = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', path.join(out, 'notes.pdf')], { encoding: 'utf8' })).outlines;
    const titles = (items: { title: string; kids: unknown[] }[]): string[] => items.flatMap((o) => [o.title, ...titles(o.kids as typeof items)]);
    expect(titles(outline)).toEqual(expect.arrayContaining(['Soap and water']));
    expect(titles(outline).join('|')).not.toMatch(/\d/);
  }, 60_000);
});
