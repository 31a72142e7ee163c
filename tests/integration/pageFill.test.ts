/**
 * Pages are filled: a table row taller than what is left of a page continues on the next page
 * under the repeated header, and no page but a document's last is more than a quarter empty, over
 * the seed, content/ and the corpus. Measured from word positions (Poppler's pdftotext -bbox):
 * the empty part is what lies between the last line of text and the running footer.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { cli, removeDir, ROOT, SHARED, tempDir } from '../helpers/build.js';
import { hasCommand, readPdf } from '../helpers/pdf.js';

const poppler = hasCommand('pdftotext');

/** For each page, the share of its text area left empty below the last line of text. */
function emptiness(file: string): number[] {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return [...xml.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].map(([, body]) => {
    const words = [...body.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">/g)].map((m) => ({ top: Number(m[1]), bottom: Number(m[2]) }));
    if (!words.length) return 1;
    // The running footer is the lowest line; the text area ends a footer's height above it.
    const footer = Math.max(...words.map((w) => w.top));
    const text = words.filter((w) => w.bottom < footer - 4);
    if (!text.length) return 1;
    const areaBottom = footer - 18;
    const top = Math.min(...text.map((w) => w.top));
    return Math.max(0, areaBottom - Math.max(...text.map((w) => w.bottom))) / (areaBottom - top);
  });
}

const TABLE = `---
title: Medicines at a glance
lang: en
---

${'Take each medicine as your pharmacist showed you, and keep this sheet by the phone. '.repeat(18)}

| Medicine | When to take it | What to watch for |
| --- | --- | --- |
| Short one | Morning | Nothing special |
| Long one | ${'Take it with food, in the morning and at night, with a full glass of water. '.repeat(16)} | ${'Call your nurse if you feel dizzy or sick. '.repeat(24)} |
| Last one | Night | Sleepiness |
`;

let dir: string;

beforeAll(() => {
  dir = tempDir();
});
afterAll(() => removeDir(dir));

describe.skipIf(!poppler)('a table row taller than what is left of the page', () => {
  it('continues on the next page under the repeated header, and leaves no gap', async () => {
    writeFileSync(path.join(dir, 'meds.md'), TABLE);
    const run = cli(['build', path.join(dir, 'meds.md'), '--out', path.join(dir, 'out')]);
    expect(run.status, run.stderr).toBe(0);
    const file = path.join(dir, 'out', 'meds.pdf');
    const pdf = await readPdf(readFileSync(file));
    expect(pdf.pages.length).toBe(2);
    const [first, second] = pdf.pages.map((p) => p.text);
    // The long row starts on page 1 and goes on on page 2, both columns of it.
    expect(first).toContain('Long one');
    expect(first).toMatch(/Take it with food/);
    expect(second).toMatch(/Take it with food/);
    expect(first).toMatch(/Call your nurse/);
    expect(second).toMatch(/Call your nurse/);
    // Under the header, repeated at the top of page 2.
    expect(second.split('\n')[0]).toMatch(/Medicine\s*When to take it\s*What to watch for/);
    expect(second).toContain('Last one');
    expect(emptiness(file)[0]).toBeLessThan(0.1);
  });
});

/** Every PDF built from the seed, content/ and the corpus. */
async function everyPdf(): Promise<string[]> {
  const inputs = [path.join(ROOT, 'content')];
  if (existsSync(path.join(SHARED, 'seeds/calcinosis.txt'))) inputs.push(path.join(SHARED, 'seeds/calcinosis.txt'));
  for (const sub of ['markdown', 'plain']) if (existsSync(path.join(SHARED, 'corpus', sub))) inputs.push(path.join(SHARED, 'corpus', sub));
  const files: string[] = [];
  for (const [i, input] of inputs.entries()) {
    const out = path.join(dir, `all-${i}`);
    await build({ inputs: [input], outDir: out, templateDirs: [], missingImages: 'alt' });
    files.push(...readdirSync(out).filter((f) => f.endsWith('.pdf')).map((f) => path.join(out, f)));
  }
  return files;
}

describe.skipIf(!poppler)('no page but the last is more than a quarter empty', () => {
  it('over the seed, content/ and the corpus', async () => {
    const files = await everyPdf();
    expect(files.length).toBeGreaterThan(existsSync(SHARED) ? 40 : 4);
    const gaps: string[] = [];
    for (const file of files) {
      const pages = emptiness(file);
      pages.slice(0, -1).forEach((e, i) => e > 0.25 && gaps.push(`${path.basename(file)} page ${i + 1}: ${Math.round(e * 100)} % empty`));
    }
    expect(gaps).toEqual([]);
  }, 600_000);
});

describe.skipIf(existsSync(SHARED))('../shared', () => {
  it.skip('is absent: only content/ is measured', () => {});
});
