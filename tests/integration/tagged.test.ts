/**
 * Tagged PDF: the structure tree a screen reader walks, read back with qpdf and pdfjs, and the
 * page furniture marked as artifacts. Built from a handout with every kind of block.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { cli, removeDir, solidPng, tempDir } from '../helpers/build.js';
import { hasCommand, pdfInfo, qpdfCheck, structElements, structTree, type StructElem } from '../helpers/pdf.js';

const tools = hasCommand('qpdf') && hasCommand('pdfinfo');
let dir: string;
let run: ReturnType<typeof cli>;
let pdfFile: string;

const SOURCE = `---
title: Knee care
lang: en-GB
organisation: Riverside Clinic
version: "2"
---

Your knee needs rest. Read [the knee guide](https://example.org/knee) first.

## Key points

- Rest your knee.
- Use ice for 20 minutes.

## Exercises

1. Straighten your leg.
2. Bend it slowly.

![A bent knee, seen from the side](knee.png)

![](plain.png)

| Exercise | Times a day |
| --- | --- |
| Straight leg raise | 3 |
| Heel slide | 2 |

> Stop if it hurts.
`;

beforeAll(() => {
  dir = tempDir();
  mkdirSync(path.join(dir, 'content'));
  writeFileSync(path.join(dir, 'content', 'knee.md'), SOURCE);
  writeFileSync(path.join(dir, 'content', 'knee.png'), solidPng(40, 30));
  writeFileSync(path.join(dir, 'content', 'plain.png'), solidPng(20, 20, [200, 40, 40]));
  run = cli(['build', path.join(dir, 'content'), '--out', path.join(dir, 'out')]);
  pdfFile = path.join(dir, 'out', 'knee.pdf');
});
afterAll(() => removeDir(dir));

const roles = (e: StructElem | undefined) => structElements(e).map((x) => x.role);
const find = (e: StructElem | undefined, role: string) => structElements(e).filter((x) => x.role === role);

describe('tagged PDF', () => {
  it('builds, and warns about the image without alt text, naming the file and the image', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/knee\.md:\d+: warning: image plain\.png has no alt text/);
    expect(run.stderr).not.toMatch(/knee\.png has no alt text/);
  });

  it.skipIf(!tools)('shows as tagged in pdfinfo, Letter sized, and passes qpdf --check', () => {
    const info = pdfInfo(pdfFile);
    expect(info.Tagged).toBe('yes');
    expect(info['Page size']).toMatch(/^612 x 792 pts/);
    expect(qpdfCheck(pdfFile)).toMatch(/No syntax or stream encoding errors found/);
  });

  it.skipIf(!tools)('has a structure tree: Document, headings, paragraphs, lists, table, figure, link', () => {
    const { root } = structTree(pdfFile);
    expect(root?.children.map((c) => c.role)).toEqual(['Document']);
    const all = roles(root);
    for (const role of ['H1', 'H2', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Figure', 'Link', 'BlockQuote']) {
      expect(all, role).toContain(role);
    }
    // Every list item is a label and a body, in that order.
    for (const li of find(root, 'LI')) expect(li.children.map((c) => c.role)).toEqual(['Lbl', 'LBody']);
    // The table: a header row of TH, then rows of TD.
    const rows = find(root, 'Table')[0].children;
    expect(rows.map((r) => r.children.map((c) => c.role))).toEqual([['TH', 'TH'], ['TD', 'TD'], ['TD', 'TD']]);
    // Headings in reading order.
    expect(all.filter((r) => /^H\d$/.test(r))).toEqual(['H1', 'H2', 'H2']);
  });

  it.skipIf(!tools)('gives each figure its alt text (none when the source has none: that is the warning)', () => {
    const figures = find(structTree(pdfFile).root, 'Figure');
    expect(figures.map((f) => f.alt)).toEqual(['A bent knee, seen from the side', undefined]);
  });

  it.skipIf(!tools)('sets the language, shows the title, and says it is PDF/UA', () => {
    const { catalog, objects } = structTree(pdfFile);
    expect(catalog['/Lang']).toBe('u:en-GB');
    expect((catalog['/MarkInfo'] as Record<string, unknown> | undefined) ?? (objects[`obj:${catalog['/MarkInfo']}`]?.value as Record<string, unknown>)).toBeTruthy();
    const xmp = execFileSync('qpdf', ['--show-object=' + String(catalog['/Metadata']).replace(/ 0 R$/, ''), '--filtered-stream-data', pdfFile], { encoding: 'utf8' });
    expect(xmp).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    expect(readFileSync(pdfFile).toString('latin1')).toMatch(/\/DisplayDocTitle true/);
  });

  it('marks the running footer and decorations as artifacts, and content as tagged (pdfjs)', async () => {
    const doc = await getDocument({ data: new Uint8Array(readFileSync(pdfFile)), verbosity: 0 }).promise;
    const page = await doc.getPage(1);
    const content = await page.getTextContent({ includeMarkedContent: true });
    // Walk the marked-content stack: which text is inside an Artifact, which inside a tag.
    const stack: string[] = [];
    const artifactText: string[] = [];
    const taggedText: string[] = [];
    for (const item of content.items as { type?: string; tag?: string; str?: string }[]) {
      if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') stack.push(item.tag ?? '');
      else if (item.type === 'endMarkedContent') stack.pop();
      else if (item.str?.trim()) {
        expect(stack.length, `"${item.str}" is outside any marked content`).toBeGreaterThan(0);
        (stack.includes('Artifact') ? artifactText : taggedText).push(item.str);
      }
    }
    expect(artifactText.join(' ')).toMatch(/Page 1 of 1/);
    expect(artifactText.join(' ')).toMatch(/Knee care · Version 2 · Riverside Clinic/);
    expect(taggedText.join(' ')).toMatch(/Your knee needs rest/);
    expect(taggedText.join(' ')).not.toMatch(/Page 1 of/);
    await doc.destroy();
  });
});
