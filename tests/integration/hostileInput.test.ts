/**
 * Hostile input, third round: each case built through the real command line next to a good
 * handout, and its outputs read back (pdftotext, an HTML parser).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, removeDir, tempDir } from '../helpers/build.js';
import { hasCommand } from '../helpers/pdf.js';

let dir: string;
let content: string;
let out: string;

beforeEach(() => {
  dir = tempDir();
  content = path.join(dir, 'content');
  out = path.join(dir, 'out');
  mkdirSync(content);
  writeFileSync(path.join(content, 'good.md'), `---\ntitle: Good handout\n---\n\nThis one is fine.\n`);
});
afterEach(() => removeDir(dir));

function pdfText(slug: string): string {
  return execFileSync('pdftotext', ['-layout', path.join(out, `${slug}.pdf`), '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

function htmlText(file: string): string {
  return toString(fromHtml(readFileSync(path.join(out, file), 'utf8')));
}

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
    expect(r.stderr).toMatch(/content\/mixed\.md: warning: no font can draw the character "ש"/);
    // Every Arabic letter is still in the PDF, and the web page has the text as written.
    const letters = (s: string) => [...s.replace(/[^\p{Script=Arabic}]/gu, '')].sort().join('');
    expect(letters(pdfText('mixed').normalize('NFC'))).toBe(letters('مرحبا بالعالم'));
    expect(htmlText('mixed.html')).toContain('مرحبا بالعالم');
    expect(r.stderr).not.toMatch(/good\.md: warning: .*left to right/);
  });
});
