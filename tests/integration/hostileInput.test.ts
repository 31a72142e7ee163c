/**
 * Hostile input, third round: each case built through the real command line next to a good
 * handout, and its outputs read back (pdftotext, an HTML parser).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, folderWithGoodHandout, htmlTextIn, pdfTextIn, removeDir } from '../helpers/build.js';
import { hasCommand } from '../helpers/pdf.js';

let dir: string;
let content: string;
let out: string;

beforeEach(() => {
  ({ dir, content, out } = folderWithGoodHandout());
});
afterEach(() => removeDir(dir));

const pdfText = (slug: string) => pdfTextIn(out, slug);
const htmlText = (file: string) => htmlTextIn(out, file);

describe.skipIf(!hasCommand('pdftotext'))('size', () => {
  it('a thousand headings of one shape build in seconds, each heading in the PDF and the at-a-glance sheet', () => {
    // Headings sharing their first word are parallel parts outside English; finding the longest
    // run of them checked the whole run again for every heading it grew by: 1000 took 80 s.
    const sections = Array.from({ length: 1000 }, (_, i) => `## Tipo ${i + 1}\n\nEl tipo ${i + 1} es raro.`);
    writeFileSync(path.join(content, 'tipos.md'), `---\ntitle: Tipos\nlang: es\n---\n\n${sections.join('\n\n')}\n`);
    const started = Date.now();
    const r = cli(['build', content, '--out', out], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(30_000);
    const text = pdfText('tipos');
    for (const n of [1, 500, 1000]) expect(text).toContain(`El tipo ${n} es raro.`);
    expect(text.match(/^\s*Tipo \d+$/gm)?.length).toBe(1000);
    expect(htmlText('tipos.summary.html')).toContain('Tipo 1000');
    expect(pdfText('good')).toContain('This one is fine.');
  });
});

describe('names', () => {
  it('a bidirectional control in a file name or front matter is escaped in the terminal, so "a\\u202Etxt.md" does not show as "adm.txt"', () => {
    // U+202E (right-to-left override) makes a terminal print what follows it backwards.
    writeFileSync(path.join(content, 'a\u202Etxt.md'), '---\ntitle: Notes\n"bad\u2067key": 1\n---\n\nText of the notes.\n');
    const r = cli(['build', 'content', '--out', 'out'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    for (const stream of [r.stdout, r.stderr]) expect(stream).not.toMatch(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/);
    expect(r.stdout).toContain('content/a\\u202etxt.md → out/a-txt.pdf');
    expect(r.stderr).toMatch(/content\/a\\u202etxt\.md:3: warning: .*bad\\u2067key/);
    expect(pdfText('a-txt')).toContain('Text of the notes.');
  });
});

describe.skipIf(!hasCommand('pdftotext'))('scripts', () => {
  it('right-to-left text, which the PDF draws left to right, is reported once per script and document, not printed backwards silently', () => {
    writeFileSync(path.join(content, 'mixed.md'), '# Welcome\n\nThe clinic says hello.\n\nمرحبا بالعالم\n\nשלום עולם\n');
    const r = cli(['build', 'content', '--out', 'out'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const told = r.stderr.split('\n').filter((l) => /prints left to right in the PDF/.test(l));
    // Hebrew, which no font has, is told as missing characters, not again as backwards.
    expect(told).toEqual([expect.stringMatching(/^ *content\/mixed\.md: warning: Arabic text prints left to right in the PDF, so it reads backwards/)]);
    expect(r.stderr).toMatch(/content\/mixed\.md:7: warning: no font can draw the character "ש"/);
    // Every Arabic letter is still in the PDF, and the web page has the text as written.
    const letters = (s: string) => [...s.replace(/[^\p{Script=Arabic}]/gu, '')].sort().join('');
    expect(letters(pdfText('mixed').normalize('NFC'))).toBe(letters('مرحبا بالعالم'));
    expect(htmlText('mixed.html')).toContain('مرحبا بالعالم');
    expect(r.stderr).not.toMatch(/good\.md: warning: .*left to right/);
  });
});

describe.skipIf(!hasCommand('pdftotext'))('SVG figures', () => {
  const figure = (name: string, svg: string) => {
    writeFileSync(path.join(content, `${name}.md`), `# ${name}\n\nBefore the figure.\n\n![${name} figure](${name}.svg)\n\nAfter the figure.\n`);
    writeFileSync(path.join(content, `${name}.svg`), `<svg xmlns="http://www.w3.org/2000/svg" ${svg}</svg>`);
  };

  it('sizes of zero, endless or negative are told or set aside, never an internal error', () => {
    // A browser draws nothing of a figure of zero size: its words would be lost without a word.
    figure('zero', 'width="0" height="40"><text x="5" y="20">Zero label</text>');
    figure('flat', 'viewBox="0 0 0 0"><text x="5" y="20">Flat label</text>');
    // An <svg> of zero size inside one, numbers no drawing can hold, a negative width: a browser
    // ignores or skips them; svg-to-pdfkit drew them as NaN, "unsupported number", or off the page.
    figure('inner', 'width="100" height="50"><svg viewBox="0 0 0 0"><text x="1" y="9">Hidden words</text></svg><text x="5" y="20">Inner label</text>');
    figure('endless', 'width="100" height="50"><rect width="1e400" height="5"/><rect width="1000000000000000000000000" height="5"/><g transform="scale(1e30)"><rect width="1" height="1"/></g><text x="5" y="20">Endless label</text>');
    figure('negative', 'width="-5" height="50" viewBox="0 0 -10 NaN"><text x="5" y="20">Negative label</text>');
    const r = cli(['build', 'content', '--out', 'out'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stderr).toMatch(/^content\/zero\.md:5: error: image zero\.svg has a width of 0: a browser draws nothing of it \(give the figure a width, height and viewBox above zero\)$/m);
    expect(r.stderr).toMatch(/^content\/flat\.md:5: error: image flat\.svg has a viewBox of zero size \(0 0 0 0\)/m);
    expect(r.stderr).toMatch(/content\/inner\.md:5: warning: image inner\.svg: an <svg> inside it has a viewBox of zero size \(0 0 0 0\), so a browser draws nothing of it; it is left out with its text "Hidden words"/);
    expect(r.stdout).toMatch(/4 built, 0 unchanged, 2 failed/);
    for (const name of ['inner', 'endless', 'negative']) {
      const text = pdfText(name).replace(/\s+/g, ' ');
      expect(text, name).toMatch(new RegExp(`Before the figure\\. .*${name[0].toUpperCase()}${name.slice(1)} label.* After the figure\\.`));
    }
    expect(pdfText('good')).toContain('This one is fine.');
  });
});

describe('raw HTML', () => {
  it('a <template> is removed with a warning quoting its text, like <object> and <svg>: its words were lost without one', () => {
    writeFileSync(path.join(content, 'raw.md'), '# Raw\n\nBefore.\n\n<template>Call the clinic first</template>\n\nTake it <template>with food</template> daily.\n\n<object data="x">Object words</object>\n');
    const r = cli(['build', 'content', '--out', 'out'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/content\/raw\.md:5: warning: raw HTML <template> is removed with the text inside it: "Call the clinic first"/);
    expect(r.stderr).toMatch(/content\/raw\.md:7: warning: raw HTML <template> is removed with the text inside it: "with food"/);
    expect(r.stderr).toMatch(/content\/raw\.md:9: warning: raw HTML <object> is removed with the text inside it: "Object words"/);
    expect(htmlText('raw.html')).toMatch(/Take it\s+daily\./);
  });
});

describe('glossaries', () => {
  it('a glossary of 20 000 terms costs a handout little, and its words to know are those used, in order of use', () => {
    // Each term's pattern ran over the whole text, twice: 3000 terms took 2 s a handout.
    const terms = Array.from({ length: 20_000 }, (_, i) => `term${i}: Definition number ${i}.`);
    terms.push('blood pressure: The force of blood on the walls of the arteries.', 'lesion: A sore or damaged patch.');
    writeFileSync(path.join(content, 'glossary.yml'), `${terms.join('\n')}\n`);
    const body = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} is about rest and water and sleep, and it is short.`).join('\n\n');
    writeFileSync(path.join(content, 'care.md'), `# Care\n\n${body}\n\nCheck your Blood  pressure and term19999 daily. Two lesions heal; term7 too.\n`);
    const started = Date.now();
    const r = cli(['build', 'content', '--out', 'out'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(8_000);
    const page = fromHtml(readFileSync(path.join(out, 'care.html'), 'utf8'));
    const box = selectAll('.words-to-know li strong', page).map((term) => toString(term).trim());
    expect(box).toEqual(['blood pressure', 'term19999', 'lesion', 'term7']);
  });

  it('a term defined twice is an error naming both lines', () => {
    writeFileSync(path.join(content, 'glossary.yml'), 'lesion: A sore.\nrest: Sleep.\nlesion: A damaged patch.\n');
    const r = cli(['build', 'content', '--out', 'out'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^content\/glossary\.yml:3: error: invalid glossary: "lesion" is defined twice, on lines 1 and 3/m);
  });
});

describe('front matter', () => {
  it('a web address too long for a QR code is refused at its front-matter line, not as a template error; the others build', () => {
    writeFileSync(path.join(content, 'long.md'), `---\ntitle: Long\nurl: https://example.org/${'a'.repeat(3000)}\n---\n\nText.\n`);
    const r = cli(['build', 'content', '--out', 'out'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^content\/long\.md:3: error: front-matter key "url" should be a web address starting with https:\/\/, of at most 2000 bytes \(a QR code holds no more\)/m);
    expect(r.stderr).not.toMatch(/template error|\.hbs/);
    expect(pdfText('good')).toContain('This one is fine.');
  });
});

describe.skipIf(!hasCommand('pdftotext'))('wide tables', () => {
  it('a table of 200 columns prints in parts of whole words; one that cannot be parted (a cell spans two columns) is reported when its letters overlap', () => {
    const table = (n: number) => `| ${Array.from({ length: n }, (_, i) => `Head${i}`).join(' | ')} |\n|${' --- |'.repeat(n)}\n| ${Array.from({ length: n }, (_, i) => `Wal${i}`).join(' | ')} |`;
    const spanned = (n: number) => `<table><tr><th colspan="2">Pair</th>${Array.from({ length: n - 2 }, (_, i) => `<th>Head${i}</th>`).join('')}</tr><tr>${Array.from({ length: n }, (_, i) => `<td>Wal${i}</td>`).join('')}</tr></table>`;
    writeFileSync(path.join(content, 'wide.md'), `# Wide\n\nBefore.\n\n${table(200)}\n\nAfter.\n`);
    writeFileSync(path.join(content, 'spanned.md'), `# Spanned\n\nBefore.\n\n${spanned(200)}\n\nAfter.\n`);
    const r = cli(['build', 'content', '--out', 'out'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/content\/wide\.md: warning: a table of 200 columns \(the one starting "Head0", "Head1", "Head2" …\) is too wide for the page to print its words whole: it is printed in \d+ parts, one below the other, each with the first column again/);
    expect(r.stderr).not.toMatch(/wide\.md: warning: .*narrower than a letter/);
    expect(r.stderr).toMatch(/content\/spanned\.md: warning: a table of 200 columns \(the one starting "Pair", "Head0", "Head1" …\) is too wide for the page: its columns are narrower than a letter, so letters overlap and cannot be read \(split it into narrower tables, or write it as a list\)/);
    // Every cell of the parted table whole, and the text after it.
    const text = pdfText('wide');
    expect(text).toMatch(/Before\.[\s\S]*After\./);
    for (let i = 0; i < 200; i++) expect(text, `Wal${i}`).toMatch(new RegExp(`\\bWal${i}\\b`));
    // The table that cannot be parted still has all its letters in the PDF (one a line).
    const letters = (s: string) => [...s.replace(/\s/g, '')].sort().join('');
    expect(letters(pdfText('spanned'))).toBe(letters(`SpannedBefore.Pair${Array.from({ length: 198 }, (_, i) => `Head${i}`).join('')}${Array.from({ length: 200 }, (_, i) => `Wal${i}`).join('')}After.SpannedPage1of1`));
  });
});

describe.skipIf(!hasCommand('pdftotext'))('unclosed inline tags', () => {
  it('120 paragraphs each opening a <b> never closed build, each closed at its paragraph; they are not 120 levels of nesting', () => {
    // Each is closed where its paragraph ends, so they nest nothing; the limit counted them all
    // as open to the end of the document and refused it at the 101st.
    const paras = Array.from({ length: 120 }, (_, i) => `<b>Note ${i + 1}: take the pill with water.`);
    writeFileSync(path.join(content, 'notes.md'), `# Notes\n\n${paras.join('\n\n')}\n\nAfter the notes.\n`);
    // 150 opened in one paragraph are 150 levels there, and still refused.
    writeFileSync(path.join(content, 'deep.md'), `# Deep\n\n${Array.from({ length: 150 }, (_, i) => `<b>w${i}`).join(' ')}\n`);
    const r = cli(['build', 'content', '--out', 'out'], { cwd: dir });
    expect(r.stderr).not.toMatch(/notes\.md:\d+: error/);
    expect(r.stderr).toMatch(/content\/notes\.md:241: warning: raw HTML <b> is never closed, so it would run on into the text after it; it is closed at the end of its paragraph/);
    expect(r.stderr).toMatch(/^content\/deep\.md:3: error: nesting deeper than 100 levels is not supported/m);
    const text = pdfText('notes').replace(/\s+/g, ' ');
    for (const n of [1, 101, 120]) expect(text).toContain(`Note ${n}: take the pill with water.`);
    expect(text).toContain('After the notes.');
  });
});

describe.skipIf(!hasCommand('pdftotext'))('the running footer', () => {
  it('a footer of four lines (long title, organisation, contact, review date) stays on the page, the text above making room', () => {
    const title = 'What to Expect After Your Total Knee Replacement Surgery at Riverside Community Clinic, a Guide for Patients, Families and Carers at Home';
    const meta = `title: ${title}\nversion: "2.1"\norganisation: Riverside Community Clinic Department of Orthopaedic Surgery and Rehabilitation\ncontact: Call the orthopaedic nurse line on 555 0100, Monday to Friday, 8 am to 6 pm\nreviewed: 2026-11-02\nreview-every: 2y`;
    const body = Array.from({ length: 80 }, (_, i) => `Paragraph ${i + 1} says what to do after the operation, one step at a time.`).join('\n\n');
    writeFileSync(path.join(content, 'knee.md'), `---\n${meta}\n---\n\n${body}\n`);
    const r = cli(['build', 'content', '--out', 'out'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/running footer/);
    // Every word of every page's footer is on the page, above the sixth of an inch printers leave.
    const bbox = execFileSync('pdftotext', ['-bbox', path.join(out, 'knee.pdf'), '-'], { encoding: 'utf8' });
    const pages = [...bbox.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)];
    expect(pages.length).toBeGreaterThan(1);
    for (const [, , height, words] of pages) {
      const text = [...words.matchAll(/yMax="([\d.]+)">([^<]*)</g)];
      for (const [, yMax, word] of text) expect(Number(yMax), word).toBeLessThanOrEqual(Number(height) - 12);
      expect(text.map((w) => w[2]).join(' ')).toMatch(/Next review November 2, 2028/);
    }
    const all = pdfText('knee').replace(/\s+/g, ' ');
    for (const n of [1, 40, 80]) expect(all).toContain(`Paragraph ${n} says what to do after the operation, one step at a time.`);
  });

  it('a footer too tall to fit even so is reported, not cut off in silence', () => {
    writeFileSync(path.join(content, 'long.md'), `---\ntitle: ${'Instructions '.repeat(200).trim()}\n---\n\nText.\n`);
    const r = cli(['build', 'content', '--out', 'out'], { cwd: dir });
    expect(r.stderr).toMatch(/content\/long\.md: warning: the running footer \(the title, version, organisation, contact and review date\) is too long for the foot of a page: its end is cut off/);
  });
});
