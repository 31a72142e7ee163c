/**
 * Footnotes (GFM `[^1]`): in the PDF each note is set at the foot of the page that refers to it,
 * and as endnotes when the stylesheet says so; in the HTML they are one numbered list at the end.
 * Read back with pdfjs (where each note and reference is), qpdf (the Note in the structure tree),
 * pdffonts and an HTML parser.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString as hastText } from 'hast-util-to-string';
import { cli, removeDir, ROOT, tempDir } from '../helpers/build.js';
import { hasCommand, readPdf, structElements, structTree, type ReadPdf } from '../helpers/pdf.js';
import { checkPdfUa } from '../helpers/pdfua.js';

const poppler = hasCommand('qpdf') && hasCommand('pdffonts');
const filler = (topic: string) => `${topic} matters for your recovery, and your care team can tell you more about it at your next visit. `.repeat(7);

const SOURCE = `---
title: After your operation
lang: en
---

Rest for two days.[^rest] Then walk a little every day.

## Eating

${filler('Eating well')}

Drink plenty of water.[^water] ${filler('Water')}

## Moving

${filler('Moving')}

${filler('Walking')}

Walk with someone at first.[^walk] Rest when you are tired.[^rest]

${filler('Stretching')}

[^rest]: Resting means lying down or sitting with your feet up.
[^water]: About eight glasses a day, unless your doctor says otherwise.
[^walk]: A family member or a friend can walk with you.
`;

let dir: string;
let pdf: ReadPdf;
let html: string;
let endnotes: ReadPdf;

beforeAll(async () => {
  dir = tempDir();
  writeFileSync(path.join(dir, 'after.md'), SOURCE);
  const run = cli(['build', path.join(dir, 'after.md'), '--out', path.join(dir, 'out')]);
  expect(run.status, run.stderr).toBe(0);
  pdf = await readPdf(readFileSync(path.join(dir, 'out', 'after.pdf')));
  html = readFileSync(path.join(dir, 'out', 'after.html'), 'utf8');
  // The setting for endnotes: a project stylesheet (layered after the built-in one) that turns the float off.
  mkdirSync(path.join(dir, 'templates'));
  writeFileSync(path.join(dir, 'templates', 'handout.css'), '.footnotes li { float: none; }\n');
  const again = cli(['build', path.join(dir, 'after.md'), '--out', path.join(dir, 'end'), '--templates', path.join(dir, 'templates')]);
  expect(again.status, again.stderr).toBe(0);
  endnotes = await readPdf(readFileSync(path.join(dir, 'end', 'after.pdf')));
});
afterAll(() => removeDir(dir));

const NOTES = ['Resting means lying down', 'About eight glasses a day', 'A family member or a friend'];

/** The page (0-based) and top of the line holding `text`. */
function find(p: ReadPdf, text: string): { page: number; y: number } | undefined {
  for (const [n, page] of p.pages.entries()) {
    const item = page.items.find((i) => i.str.includes(text));
    if (item) return { page: n, y: item.y };
  }
  return undefined;
}

describe('footnotes in the PDF', () => {
  it('prints no back-link arrows on paper; the web page keeps them to go back to the reference', () => {
    expect(pdf.streamText).not.toContain('↩');
    expect(selectAll('a[data-footnote-backref]', fromHtml(html)).length).toBeGreaterThan(0);
  });

  it('spans more than one page, so the notes have different pages to go to', () => {
    expect(pdf.pages.length).toBeGreaterThan(1);
  });

  it('sets each note at the foot of the page where it is first referred to, below all the text', () => {
    const references = ['Rest for two days.', 'Drink plenty of water.', 'Walk with someone at first.'];
    NOTES.forEach((note, i) => {
      const at = find(pdf, note);
      const ref = find(pdf, references[i]);
      expect(at, note).toBeDefined();
      expect(at!.page, `"${note}" is on the page of its reference`).toBe(ref!.page);
      const page = pdf.pages[at!.page];
      // Below every line of the text on that page; only the running footer is lower.
      const body = page.items.filter((it) => !NOTES.some((n) => it.str.includes(n)) && it.y < page.height - 60 && it.str.trim() && it.size > 11);
      expect(at!.y, note).toBeGreaterThan(Math.max(...body.map((it) => it.y)));
      expect(at!.y).toBeGreaterThan(page.height * 0.6);
    });
  });

  it('numbers the references in reading order, and a note referred to twice is printed once', () => {
    for (const note of NOTES) expect(pdf.text.split(note).length - 1, note).toBe(1);
    expect(pdf.text).toMatch(/1\.\s*Resting means/);
    expect(pdf.text).toMatch(/2\.\s*About eight/);
    expect(pdf.text).toMatch(/3\.\s*A family member/);
    // No "Notes" heading is left behind at the end: the notes went to their pages.
    expect(pdf.outline[0].items.map((o) => o.title)).not.toContain('Notes');
  });

  it.skipIf(!poppler)('tags each note as a Note inside the paragraph that refers to it, and meets PDF/UA', async () => {
    const file = path.join(dir, 'out', 'after.pdf');
    const paragraphs = structElements(structTree(file).root).filter((e) => e.role === 'P' && e.children.some((c) => c.role === 'Note'));
    expect(paragraphs.length).toBe(3);
    const failing = (await checkPdfUa(file)).filter((c) => c.problems.length);
    expect(failing).toEqual([]);
  });
});

describe('endnotes, by the stylesheet', () => {
  it('without float: footnote the notes print together at the end, under their heading', () => {
    const heading = find(endnotes, 'Notes');
    expect(heading).toBeDefined();
    const last = endnotes.pages.length - 1;
    for (const note of NOTES) {
      const at = find(endnotes, note)!;
      expect(at.page, note).toBe(last);
      expect(at.y).toBeGreaterThan(heading!.y);
    }
    expect(find(endnotes, 'Stretching matters')!.y).toBeLessThan(heading!.y + (heading!.page === last ? 0 : 1e6));
  });
});

describe('footnotes in the HTML', () => {
  it('are one numbered list at the end, under one heading, each note once, with unique ids', () => {
    const tree = fromHtml(html);
    const sections = selectAll('section.footnotes', tree);
    expect(sections.length).toBe(1);
    expect(selectAll('section.footnotes h2', tree).map((h) => hastText(h))).toEqual(['Notes']);
    const items = selectAll('section.footnotes li', tree).map((li) => hastText(li).trim());
    expect(items.length).toBe(NOTES.length);
    items.forEach((text, i) => expect(text.startsWith(NOTES[i]), text).toBe(true));
    expect(selectAll('a[data-footnote-ref]', tree).map((a) => hastText(a))).toEqual(['1', '2', '3', '1']);
    const ids = selectAll('[id]', tree).map((e) => String(e.properties.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('footnotes that cannot stand at the foot of the page', () => {
  const dir = tempDir();
  afterAll(() => removeDir(dir));
  const pdfText = (name: string) => execFileSync('pdftotext', [path.join(dir, 'out', `${name}.pdf`), '-'], { encoding: 'utf8' });
  let stderr = '';
  beforeAll(() => {
    mkdirSync(path.join(dir, 'content'));
    const long = Array.from({ length: 1000 }, (_, i) => `w${i}`).join(' ');
    writeFileSync(path.join(dir, 'content', 'long.md'), `---\ntitle: Long note\n---\n\nMain text here.[^n]\n\nAnother paragraph.\n\n[^n]: ${long}\n`);
    writeFileSync(path.join(dir, 'content', 'nested.md'), `---\ntitle: Nested notes\n---\n\nTake one tablet.[^a]\n\n[^a]: See the leaflet.[^b]\n[^b]: Leaflet PIL-22.\n`);
    // A chain of notes, each referring to the next: each printed once (their copies doubled at each level).
    const chain = Array.from({ length: 20 }, (_, i) => `[^c${i}]: Chain note ${i}.${i < 19 ? `[^c${i + 1}]` : ''}`).join('\n');
    writeFileSync(path.join(dir, 'content', 'chain.md'), `---\ntitle: Chain\n---\n\nStart.[^c0]\n\n${chain}\n`);
    // One line referring to three notes, each under half a page, together far more.
    const words = (tag: string) => Array.from({ length: 260 }, (_, i) => `${tag}${i}`).join(' ');
    writeFileSync(path.join(dir, 'content', 'three.md'), `---\ntitle: Three\n---\n\nMain line.[^x][^y][^z]\n\nLast paragraph.\n\n[^x]: ${words('x')}\n\n[^y]: ${words('y')}\n\n[^z]: ${words('z')}\n`);
    writeFileSync(path.join(dir, 'content', 'twice.md'), `---\ntitle: Twice\n---\n\nTake one tablet.[^a]\n\n[^a]: First.\n\n[^a]: Second, the real dose.\n`);
    const r = cli(['build', 'content', '--out', 'out'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    stderr = r.stderr;
  });

  it('a note longer than half a page is printed after the text, every word of it, and the reader is told', () => {
    const text = pdfText('long');
    // Once drawn over the page's top: the text was lost and the page left blank.
    expect(text.indexOf('Main text here.')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('Another paragraph.')).toBeLessThan(text.indexOf('w0 w1'));
    for (const w of ['w0', 'w500', 'w999']) expect(text).toMatch(new RegExp(`\\b${w}\\b`));
    expect(stderr).toMatch(/long\.md: warning: a footnote is too long for the foot of a page/);
  });

  it('a chain of notes, each referring to the next, prints each note once', () => {
    const text = pdfText('chain');
    for (let i = 0; i < 20; i++) expect(text.split(`Chain note ${i}.`).length - 1, `note ${i}`).toBe(1);
  });

  it('the notes of one line take half a page at most: the rest print after the text, and the line stays on its page', () => {
    const text = pdfText('three');
    // Once drawn over the text: "Main line." ended up under the first note, and page 1 was left empty.
    expect(text.indexOf('Main line.')).toBeLessThan(text.indexOf('x0 x1'));
    expect(text.indexOf('Last paragraph.')).toBeLessThan(text.indexOf('z259'));
    for (const w of ['x259', 'y259', 'z259']) expect(text.split(w).length - 1, w).toBe(1);
  });

  it('a note defined a second time under the same label is told, at its line', () => {
    expect(pdfText('twice')).toContain('First.');
    expect(stderr).toMatch(/twice\.md:9: warning: the footnote \[\^a\] is defined a second time; only the first, at line 7, is printed/);
  });

  it('a note referred to only from another note is printed on the same page', () => {
    const text = pdfText('nested');
    expect(text).toContain('See the leaflet.');
    expect(text).toContain('Leaflet PIL-22.');
  });
});
