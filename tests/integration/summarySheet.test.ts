/**
 * The one-page at-a-glance sheet, read back from the PDF: a table too big for one page drops its
 * last columns, never the key fact, and stays one landscape page; inside the handout the table
 * keeps its first three columns and flows row by row, leaving no page mostly empty.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString as hastText } from 'hast-util-to-string';
import { cli, removeDir, tempDir } from '../helpers/build.js';
import { readPdf } from '../helpers/pdf.js';

let dir: string;
const kinds = ['Alder', 'Birch', 'Cedar', 'Daisy', 'Elder', 'Fern', 'Grass', 'Hazel', 'Ivy', 'Juniper', 'Kale', 'Lilac'];

/** Twelve kinds of pollen allergy, each answering every question at length. */
function article(): string {
  const part = (k: string, i: number) =>
    [
      `## ${k} pollen allergy`,
      `${k} pollen allergy flares when the ${k.toLowerCase()} flowers open in week ${i + 2} of spring, and the ${k.toLowerCase()} dust hangs in still morning air near parks.`,
      `It is caused by ${k.toLowerCase()} pollen grains that reach the nose on dry days with a light wind from the ${['north', 'south', 'east', 'west'][i % 4]} side of town.`,
      `Children and adults who live within ${i + 3} miles of ${k.toLowerCase()} stands get it most, often starting in their school years before age ${i + 8}.`,
      `Signs of ${k.toLowerCase()} allergy are a runny nose, itchy eyes, sneezing fits and a scratchy throat that lasts ${i + 2} days or longer after each walk.`,
      `Treatment with a nasal spray and an antihistamine tablet from the pharmacy helps most people with ${k.toLowerCase()} allergy within ${i + 1} days.`,
    ].join('\n\n');
  return ['---', 'title: Pollen allergies', 'lang: en', '---', '', '# Pollen allergies', '', 'Many plants shed pollen that makes people sneeze.', '', ...kinds.map(part)].join('\n\n');
}

beforeAll(() => {
  dir = tempDir();
  writeFileSync(path.join(dir, 'pollen.md'), article());
  const r = cli(['build', path.join(dir, 'pollen.md'), '--out', path.join(dir, 'out'), '--quiet']);
  if (r.status !== 0) throw new Error(r.stderr);
});
afterAll(() => removeDir(dir));

describe('the at-a-glance sheet', () => {
  it('stays one landscape page with a row per kind, keeping the key fact when columns must go', async () => {
    const sheet = await readPdf(readFileSync(path.join(dir, 'out/pollen.summary.pdf')));
    expect(sheet.pages).toHaveLength(1);
    expect(sheet.pages[0].width).toBeGreaterThan(sheet.pages[0].height);
    const tree = fromHtml(readFileSync(path.join(dir, 'out/pollen.summary.html'), 'utf8'));
    const headers = selectAll('thead th', tree).map(hastText);
    expect(headers[1]).toBe('What sets it apart');
    expect(selectAll('tbody tr', tree)).toHaveLength(kinds.length);
    for (const k of kinds) expect(sheet.text).toContain(k);
    // What the PDF prints is what the HTML sheet holds: the same columns.
    for (const h of headers) expect(sheet.text.replace(/\s+/g, ' ')).toContain(h);
  });

  it('inside the handout the table has the key fact and at most two questions', () => {
    const tree = fromHtml(readFileSync(path.join(dir, 'out/pollen.html'), 'utf8'));
    const headers = selectAll('section.at-a-glance thead th', tree).map(hastText);
    expect(headers[1]).toBe('What sets it apart');
    expect(headers.length).toBeLessThanOrEqual(4);
    expect(selectAll('section.at-a-glance tbody tr', tree)).toHaveLength(kinds.length);
  });

  it('inside the handout the table leaves no page mostly empty: every page but the last is filled to near its foot', async () => {
    const pdf = await readPdf(readFileSync(path.join(dir, 'out/pollen.pdf')));
    expect(pdf.pages.length).toBeGreaterThan(1);
    expect(pdf.pages[0].text).toContain('Pollen allergies at a glance');
    for (const page of pdf.pages.slice(0, -1)) {
      // The running footer sits in the bottom margin; the body's last line is what counts.
      const body = page.items.filter((i) => i.str.trim() && i.y < page.height - 60);
      expect(Math.max(...body.map((i) => i.y)) / page.height).toBeGreaterThan(0.75);
    }
  });
});
