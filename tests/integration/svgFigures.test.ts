/**
 * SVG figures: drawn as vectors in the PDF with their text as real text (read back with pdfjs,
 * Poppler and qpdf), and inline in the HTML, sanitised (read back with an HTML parser): no
 * scripts, no handlers, nothing fetched from elsewhere.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import { cli, removeDir, tempDir } from '../helpers/build.js';
import { hasCommand, pdfFonts, structElements, structTree } from '../helpers/pdf.js';

const poppler = hasCommand('pdftotext') && hasCommand('pdffonts') && hasCommand('pdfimages') && hasCommand('qpdf');

// A diagram as drawing programs export it, with everything a hostile one could carry.
const SVG = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="400" height="200" viewBox="0 0 400 200" onload="alert(1)">
  <title>Pump and lungs</title>
  <defs><linearGradient id="warm"><stop offset="0" stop-color="#b03a2e"/><stop offset="1" stop-color="#e74c3c"/></linearGradient></defs>
  <script>alert('script')</script>
  <style>rect { fill: url(http://tracker.example/a.png) }</style>
  <rect x="10" y="10" width="180" height="120" rx="12" fill="url(#warm)" stroke="#333" stroke-width="2" onclick="alert(2)"/>
  <circle cx="300" cy="70" r="55" fill="#2e86c1" style="fill:url(http://tracker.example/b)"/>
  <use xlink:href="http://tracker.example/c.svg#shape"/>
  <image href="http://tracker.example/pixel.png" x="0" y="0" width="10" height="10"/>
  <a href="javascript:alert(3)"><text x="100" y="170" font-family="Helvetica" font-size="20" text-anchor="middle">Heart pumps</text></a>
  <text x="300" y="170" font-family="Arial" font-size="20" font-weight="bold" text-anchor="middle">Lungs breathe</text>
  <foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">Smuggled words</div></foreignObject>
</svg>
`;
const SOURCE = `---
title: How blood moves
lang: en
---

Your heart sends blood to your lungs and back.

![The heart pumps blood through the lungs](diagram.svg)

![](diagram.svg)

After the lungs, blood goes to the rest of the body.
`;

let dir: string;
let html: string;
let pdfFile: string;

beforeAll(() => {
  dir = tempDir();
  mkdirSync(path.join(dir, '.git'));
  writeFileSync(path.join(dir, 'diagram.svg'), SVG);
  writeFileSync(path.join(dir, 'blood.md'), SOURCE);
  const run = cli(['build', path.join(dir, 'blood.md'), '--out', path.join(dir, 'out')]);
  expect(run.status, run.stderr).toBe(0);
  html = readFileSync(path.join(dir, 'out', 'blood.html'), 'utf8');
  pdfFile = path.join(dir, 'out', 'blood.pdf');
});
afterAll(() => removeDir(dir));

describe('SVG figures in the HTML', () => {
  it('are inline, named by their alt text (or the SVG\'s own title), with their text', () => {
    const svgs = selectAll('svg', fromHtml(html));
    expect(svgs.length).toBe(2);
    expect(svgs.map((s) => s.properties.role)).toEqual(['img', 'img']);
    expect(svgs.map((s) => s.properties.ariaLabel)).toEqual(['The heart pumps blood through the lungs', 'Pump and lungs']);
    expect(html).toContain('Heart pumps');
    expect(html).toContain('Lungs breathe');
    expect(html).not.toMatch(/<img[^>]+\.svg/);
  });

  it('carry no script, handler, style, foreign content or outside reference', () => {
    const figure = selectAll('svg', fromHtml(html))[0];
    const tags = new Set<string>();
    const values: string[] = [];
    visit(figure, 'element', (el: Element) => {
      tags.add(el.tagName);
      for (const [key, value] of Object.entries(el.properties)) {
        expect(key, `${el.tagName} keeps ${key}`).not.toMatch(/^on|^style$/i);
        values.push(String(value));
      }
    });
    for (const bad of ['script', 'style', 'foreignObject', 'image', 'a', 'title']) expect(tags.has(bad), bad).toBe(false);
    for (const v of values) {
      expect(v).not.toMatch(/tracker\.example|javascript:/);
      if (/url\(/.test(v)) expect(v).toMatch(/^url\(#svg-[0-9a-f]{8}-warm\)$/);
    }
    expect(html).not.toContain('Smuggled words');
    // Its ids are its own: prefixed, and what refers to them follows.
    const ids: string[] = [];
    visit(figure, 'element', (el: Element) => void (el.properties.id && ids.push(String(el.properties.id))));
    expect(ids).toEqual([expect.stringMatching(/^svg-[0-9a-f]{8}-warm$/)]);
  });
});

describe.skipIf(!poppler)('SVG figures in the PDF', () => {
  it('are drawn as vectors: no raster image, and paths and fills on the page', async () => {
    const images = execFileSync('pdfimages', ['-list', pdfFile], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images).toEqual([]);
    const doc = await getDocument({ data: new Uint8Array(readFileSync(pdfFile)), isEvalSupported: false, verbosity: 0 }).promise;
    const ops = await (await doc.getPage(1)).getOperatorList();
    await doc.destroy();
    const paths = ops.fnArray.filter((op: number) => op === OPS.constructPath).length;
    const gradients = ops.fnArray.filter((op: number) => op === OPS.shadingFill || op === OPS.setFillColorN).length;
    // Two figures of three shapes each, besides the page's own rules.
    expect(paths).toBeGreaterThanOrEqual(6);
    expect(gradients, 'the gradient is drawn as a shading').toBeGreaterThan(0);
  });

  it('print their text as real text, in the handout\'s embedded fonts', () => {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile, '-'], { encoding: 'utf8' });
    expect(text.match(/Heart pumps/g)?.length).toBe(2);
    expect(text.match(/Lungs breathe/g)?.length).toBe(2);
    expect(text).not.toContain('Smuggled');
    const fonts = pdfFonts(pdfFile);
    for (const f of fonts) {
      expect(f.embedded, f.name).toBe(true);
      expect(f.name).toMatch(/AtkinsonHyperlegibleNext/);
    }
  });

  it('are Figures in the structure tree, with their alt text', () => {
    const figures = structElements(structTree(pdfFile).root).filter((e) => e.role === 'Figure');
    expect(figures.map((f) => f.alt)).toEqual(['The heart pumps blood through the lungs', 'Pump and lungs']);
  });
});

describe('SVG figures that refer to parts they do not have', () => {
  it('build with a warning at the image for a <use> of nothing, and draw the rest: never an internal error', () => {
    const at = tempDir();
    try {
      writeFileSync(
        path.join(at, 'broken.svg'),
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><circle cx="50" cy="50" r="40" fill="url(#nogradient)"/><use href="#nothere"/><text x="100" y="60">Label words</text></svg>',
      );
      writeFileSync(path.join(at, 'broken.md'), '---\ntitle: A broken figure\n---\n\nA picture:\n\n![A red circle](broken.svg)\n\nText after.\n');
      const r = cli(['build', 'broken.md', '--out', 'out'], { cwd: at });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/internal error/);
      expect(r.stderr).toMatch(/broken\.md:7: warning: image broken\.svg: its <use> refers to an element it does not have \(#nothere\); it is left out/);
      const html = fromHtml(readFileSync(path.join(at, 'out/broken.html'), 'utf8'));
      expect(selectAll('main svg use', html)).toEqual([]);
      expect(selectAll('main svg text', html).map((t) => (t.children[0] as { value: string }).value)).toEqual(['Label words']);
      if (hasCommand('pdftotext')) {
        const text = execFileSync('pdftotext', [path.join(at, 'out/broken.pdf'), '-'], { encoding: 'utf8' });
        expect(text).toContain('Label words');
        expect(text).toContain('Text after.');
      }
    } finally {
      removeDir(at);
    }
  });
});

describe.skipIf(!poppler)('SVG text beside other handouts', () => {
  it('copies as itself whatever the build drew before it: the PDF is the one the handout gets built alone', () => {
    // fontkit keeps a glyph as first made: made without characters to subset an earlier handout's
    // font, its letters copied from the figure as nothing ("So e te t here").
    const at = tempDir();
    try {
      mkdirSync(path.join(at, 'both'));
      mkdirSync(path.join(at, 'alone'));
      const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="50"><text y="20">Some text here</text></svg>';
      for (const folder of ['both', 'alone']) {
        writeFileSync(path.join(at, folder, 'c.svg'), svg);
        writeFileSync(path.join(at, folder, 'b.md'), '---\ntitle: Chart\n---\n\nSee the chart.\n\n![chart](c.svg)\n');
      }
      writeFileSync(path.join(at, 'both', 'a.md'), '---\ntitle: Apple\n---\n\nSome text.\n');
      for (const folder of ['both', 'alone']) expect(cli(['build', folder, '--out', `out-${folder}`], { cwd: at }).status).toBe(0);
      const text = execFileSync('pdftotext', [path.join(at, 'out-both/b.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('Some text here');
      expect(readFileSync(path.join(at, 'out-both/b.pdf')).equals(readFileSync(path.join(at, 'out-alone/b.pdf')))).toBe(true);
    } finally {
      removeDir(at);
    }
  }, 60_000);
});

describe('SVG text its font cannot draw', () => {
  it('is told, naming the figure and the characters (they print as empty boxes); a figure the font covers is not', () => {
    const at = tempDir();
    try {
      writeFileSync(path.join(at, 'cjk.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60"><title>Not drawn 中</title><text y="30">Dose 中文 ok</text></svg>');
      writeFileSync(path.join(at, 'plain.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60"><text y="30">Dose ok</text></svg>');
      writeFileSync(path.join(at, 's.md'), '---\ntitle: Figures\n---\n\n![A dose chart](cjk.svg)\n\n![Another chart](plain.svg)\n');
      const r = cli(['build', 's.md', '--out', 'out'], { cwd: at });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain('s.md: warning: the figure "A dose chart" has text its font cannot draw ("中", "文"); it prints as empty boxes');
      expect(r.stderr).not.toMatch(/Another chart/);
    } finally {
      removeDir(at);
    }
  }, 60_000);
});
