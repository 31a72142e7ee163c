/**
 * Every script a clinic prints: text in Spanish, French, Vietnamese, Polish, Greek and Cyrillic
 * comes back out of the PDF as written (real glyphs with their Unicode, not empty boxes), the
 * fonts that draw it are embedded, and a character no font has is reported, once.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, removeDir, tempDir } from '../helpers/build.js';
import { hasCommand, pdfFonts, qpdfCheck } from '../helpers/pdf.js';
import { fontFamilies, splitByFace } from '../../src/render/pdf/fonts.js';

const LINES = [
  'Español: ¿Dónde está el médico? Niño, corazón, pequeño.',
  'Français : Où est l’hôpital ? Cœur, œil, garçon, être.',
  'Tiếng Việt: Bạn cần uống thuốc mỗi ngày. Người bệnh nên nghỉ ngơi.',
  'Polski: Zażółć gęślą jaźń. Łódź, źródło.',
  'Ελληνικά: Πού είναι ο γιατρός; Καρδιά και πνεύμονες.',
  'Русский: Где находится больница? Сердце и лёгкие.',
  '**Ελληνικά έντονα** και *Кириллица курсивом*.',
];

let dir: string;
let run: ReturnType<typeof cli>;
let pdfFile: string;

beforeAll(() => {
  dir = tempDir();
  mkdirSync(path.join(dir, 'src'));
  const body = [...LINES, 'Chinese 中文 needs a font we do not ship; so does 中 again.'].join('\n\n');
  writeFileSync(path.join(dir, 'src', 'scripts.md'), `---\ntitle: Many scripts\n---\n\n${body}\n`);
  run = cli(['build', path.join(dir, 'src', 'scripts.md'), '--out', path.join(dir, 'out')]);
  pdfFile = path.join(dir, 'out', 'scripts.pdf');
});
afterAll(() => removeDir(dir));

describe('font fallback', () => {
  it.skipIf(!hasCommand('pdftotext'))('prints every line with real glyphs: pdftotext gives back the text', () => {
    expect(run.status, run.stderr).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' }).normalize('NFC');
    for (const line of LINES) expect(text).toContain(line.replace(/\*/g, '').normalize('NFC'));
  });

  it.skipIf(!hasCommand('pdffonts'))('embeds every font it uses: Atkinson Hyperlegible Next and, for the rest, Noto Sans', () => {
    const fonts = pdfFonts(pdfFile);
    for (const f of fonts) expect(f.embedded, f.name).toBe(true);
    const names = fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(names).toContain('AtkinsonHyperlegibleNext-Regular');
    expect(names).toContain('NotoSans-Regular');
    expect(names).toContain('NotoSans-Bold');
    expect(names).toContain('NotoSans-Italic');
    expect(qpdfCheck(pdfFile)).toMatch(/No syntax or stream encoding errors/);
  });

  it('warns once per character no font has, naming the document, the line it first appears on, the character and its code point', () => {
    const lines = run.stderr.split('\n').filter((l) => /no font can draw/.test(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/scripts\.md:19: warning: no font can draw the character "中" \(U\+4E2D\)/);
    expect(lines[1]).toMatch(/"文" \(U\+6587\)/);
  });
});

describe('splitByFace', () => {
  const [ahn, noto] = fontFamilies();
  it('keeps Latin text in the first face', () => {
    expect(splitByFace('Rest your knee.', ahn.faces.regular).spans.map((s) => [s.text, s.face.key])).toEqual([['Rest your knee.', 'AHN-Regular']]);
  });
  it('draws a whole word in the face that has all of it, never half and half', () => {
    const { spans } = splitByFace('take β-blockers daily', ahn.faces.regular);
    expect(spans.map((s) => [s.text, s.face.key])).toEqual([['take ', 'AHN-Regular'], ['β-blockers ', 'NotoSans-Regular'], ['daily', 'AHN-Regular']]);
  });
  it('tries a preferred face first, and lists what no face has', () => {
    const { spans, missing } = splitByFace('Сердце 中', ahn.faces.bold, noto.faces.bold);
    // A character no face has stays with its neighbours (it prints as the font's empty box).
    expect(spans.map((s) => [s.text, s.face.key])).toEqual([['Сердце 中', noto.faces.bold.key]]);
    expect(missing).toEqual(['中']);
  });
});

describe('the writing direction of the web page', () => {
  it('is right to left for Arabic and Hebrew, left to right for the rest', () => {
    const html = (name: string, lang: string) => {
      writeFileSync(path.join(dir, 'src', `${name}.md`), `---\ntitle: ${name}\nlang: ${lang}\n---\n\n${name} 123.\n`);
      const r = cli(['build', path.join(dir, 'src', `${name}.md`), '--out', path.join(dir, `out-${name}`)]);
      expect(r.status, r.stderr).toBe(0);
      return select('html', fromHtml(readFileSync(path.join(dir, `out-${name}`, `${name}.html`), 'utf8')))!.properties;
    };
    expect(html('arabic', 'ar')).toMatchObject({ lang: 'ar', dir: 'rtl' });
    expect(html('hebrew', 'he-IL')).toMatchObject({ lang: 'he-IL', dir: 'rtl' });
    expect(html('english', 'en')).toMatchObject({ lang: 'en', dir: 'ltr' });
  });
});
