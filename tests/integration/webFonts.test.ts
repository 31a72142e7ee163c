/**
 * The web copy uses the print font: the HTML page embeds the PDF's faces as WOFF2 data URLs, read
 * back here with an HTML parser and fontkit (which decodes WOFF2): every character the page shows
 * is in the embedded font that the page's CSS asks for, under the family name the stylesheet
 * uses, and the page still loads nothing from elsewhere.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fontkit from 'fontkit';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString as hastText } from 'hast-util-to-string';
import { cli, removeDir, ROOT, tempDir } from '../helpers/build.js';

const SOURCE = `---
title: Eating well
lang: en
---

Eat *fruit* and **vegetables** every day: an apple, a pear — or café au lait, naïvely.

## In other languages

Ăn nhiều rau và trái cây mỗi ngày. Τρώτε φρούτα κάθε μέρα. Ешьте фрукты каждый день.
`;

interface FontFaceRule { family: string; weight: number; style: string; range?: string; font: fontkit.Font; bytes: number }
let dir: string;
let html: string;
let rules: FontFaceRule[];

beforeAll(() => {
  dir = tempDir();
  writeFileSync(path.join(dir, 'eat.md'), SOURCE);
  // An empty cache folder, as on a new machine: the subsets are made by this build (through the
  // bundled command and its code cache, where a dynamic import() once failed every first build).
  const run = cli(['build', path.join(dir, 'eat.md'), '--out', path.join(dir, 'out')], { env: { XDG_CACHE_HOME: path.join(dir, 'cache') } });
  expect(run.status, run.stderr).toBe(0);
  html = readFileSync(path.join(dir, 'out', 'eat.html'), 'utf8');
  const css = selectAll('style', fromHtml(html)).map((s) => hastText(s)).join('\n');
  rules = [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map(([, body]) => {
    const prop = (name: string) => new RegExp(`${name}:\\s*([^;]+);`).exec(body)?.[1].trim();
    const data = /url\(data:font\/woff2;base64,([A-Za-z0-9+/=]+)\)/.exec(body)?.[1] ?? '';
    const bytes = Buffer.from(data, 'base64');
    return {
      family: prop('font-family')!.replace(/"/g, ''),
      weight: Number(prop('font-weight')),
      style: prop('font-style')!,
      range: prop('unicode-range'),
      font: fontkit.create(bytes) as fontkit.Font,
      bytes: bytes.length,
    };
  });
});
afterAll(() => removeDir(dir));

/** The code points a unicode-range descriptor lists (U+41, U+E9 …). */
const rangeOf = (range: string) => new Set(range.split(',').map((r) => parseInt(r.trim().replace(/^U\+/, ''), 16)));

describe('a first build, with no font subsets made yet', () => {
  it('makes them and keeps them in the user\'s cache folder for the next build', () => {
    expect(readdirSync(path.join(dir, 'cache', 'handout', 'font-subsets')).filter((f) => f.endsWith('.woff2')).length).toBeGreaterThan(0);
  });
});

describe('the web page embeds the print fonts', () => {
  it('as WOFF2 in data URLs, under the family the stylesheet names first, in four styles', () => {
    const stylesheet = readFileSync(path.join(ROOT, 'templates/handout.css'), 'utf8');
    const first = /body\s*\{[^}]*font-family:\s*"([^"]+)"/.exec(stylesheet)![1];
    expect(rules.length).toBeGreaterThanOrEqual(4);
    for (const r of rules) {
      expect(r.family).toBe(first);
      expect(r.font.numGlyphs).toBeGreaterThan(10);
    }
    const primary = rules.filter((r) => !r.range);
    expect(primary.map((r) => `${r.weight} ${r.style}`).sort()).toEqual(['400 italic', '400 normal', '700 italic', '700 normal']);
    // The faces are the PDF's: same family name inside the font.
    for (const r of primary) expect(r.font.familyName).toMatch(/Atkinson Hyperlegible Next/);
  });

  it('every character of the page is in the face that draws it: the first family, or the fallback for what it lacks', () => {
    const body = selectAll('body', fromHtml(html)).map((b) => hastText(b)).join('');
    const regular = rules.filter((r) => r.weight === 400 && r.style === 'normal');
    const missing: string[] = [];
    for (const ch of new Set(body.replace(/\s/g, ''))) {
      const cp = ch.codePointAt(0)!;
      const face = regular.find((r) => (r.range ? rangeOf(r.range).has(cp) : true) && r.font.hasGlyphForCodePoint(cp));
      if (!face) missing.push(ch);
    }
    expect(missing).toEqual([]);
    // Vietnamese, Greek and Cyrillic come from a fallback family declared for just those characters.
    const fallback = regular.find((r) => r.range);
    expect(fallback, 'a fallback face with a unicode-range').toBeDefined();
    expect(fallback!.font.familyName).toMatch(/Noto Sans/);
    expect(rangeOf(fallback!.range!).has('ж'.codePointAt(0)!)).toBe(true);
    expect(rangeOf(fallback!.range!).has('a'.codePointAt(0)!)).toBe(false);
  });

  it('stays one self-contained file, and says how much the fonts add', () => {
    const urls = [...html.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1]);
    expect(urls.length).toBe(rules.length);
    for (const u of urls) expect(u).toMatch(/^data:font\/woff2;base64,/);
    expect(html).not.toMatch(/<link\b[^>]*stylesheet|@import/);
    const added = rules.reduce((n, r) => n + r.bytes, 0);
    // A subset, not the whole faces (each TrueType file is well over 100 KB).
    expect(added).toBeLessThan(200_000);
  });
});
