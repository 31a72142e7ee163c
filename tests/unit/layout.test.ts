/**
 * Layout on small HTML: the structure tree each drawn item belongs to (tagged PDF), and the keep
 * rules a figure gets. HTML → styles → boxes → Layout, no PDF.
 */
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { Warnings } from '../../src/diagnostics.js';
import { buildBoxes } from '../../src/render/pdf/boxes.js';
import { Layout } from '../../src/render/pdf/layout.js';
import type { DrawItem, StructNode } from '../../src/render/pdf/slices.js';
import { resolveStyles } from '../../src/render/pdf/styles.js';
import { solidPng } from '../helpers/build.js';

function layOut(body: string): Layout {
  const tree = fromHtml(`<!DOCTYPE html><html><head></head><body>${body}</body></html>`);
  const warnings = new Warnings();
  const styles = resolveStyles(tree, '', { file: 'test.css' }, warnings);
  const boxes = buildBoxes(tree, { styles, warnings, templateFile: 'test.hbs' });
  const layout = new Layout({ pageHeight: 700, orphans: 2, widows: 2 });
  layout.box(boxes.body, 0, 400, []);
  return layout;
}

/** "Document/L/LI/LBody: text" for each text item. */
function tags(layout: Layout): string[] {
  const path = (n: StructNode | undefined): string => (n ? (n.parent ? `${path(n.parent)}/${n.role}` : n.role) : '(artifact)');
  return layout.slices.flatMap((s) => s.items.filter((i): i is Extract<DrawItem, { kind: 'text' }> => i.kind === 'text').map((i) => `${path(i.tag)}: ${i.fragment.text}`));
}

describe('structure tags on laid-out items', () => {
  it('tags headings, paragraphs and links', () => {
    expect(tags(layOut('<h1>Knee</h1><h2>Care</h2><p>Rest. See <a href="https://x.org">the guide</a> now.</p>'))).toEqual([
      'Document/H1: Knee',
      'Document/H2: Care',
      'Document/P: Rest. See ',
      'Document/P/Link: the guide',
      'Document/P:  now.',
    ]);
  });

  it('tags headings without skipping a level going down, as PDF/UA asks: the first is H1, an H4 right under an H2 is tagged H2', () => {
    expect(tags(layOut('<h2>Care</h2><h4>Ice</h4><h4>Rest</h4><h2>Help</h2><h3>Calls</h3>'))).toEqual([
      'Document/H1: Care',
      'Document/H2: Ice',
      'Document/H2: Rest',
      'Document/H1: Help',
      'Document/H2: Calls',
    ]);
  });

  it('tags a list item as LI with its marker as Lbl and its content as LBody', () => {
    expect(tags(layOut('<ul><li>Ice</li><li><p>Rest</p></li></ul>'))).toEqual([
      'Document/L/LI/Lbl: •',
      'Document/L/LI/LBody: Ice',
      'Document/L/LI/Lbl: •',
      'Document/L/LI/LBody/P: Rest',
    ]);
  });

  it('tags a table as Table, TR, TH and TD, and a section and a quote', () => {
    const t = tags(layOut('<section><table><thead><tr><th>Form</th></tr></thead><tbody><tr><td>Dry</td></tr></tbody></table><blockquote>Stop</blockquote></section>'));
    expect(t).toEqual(['Document/Sect/Table/TR/TH: Form', 'Document/Sect/Table/TR/TD: Dry', 'Document/Sect/BlockQuote/P: Stop']);
  });

  it('tags an image as a Figure with its alt text', () => {
    const png = solidPng(10, 10).toString('base64');
    const layout = layOut(`<p><img src="data:image/png;base64,${png}" alt="A knee"></p>`);
    const image = layout.slices.flatMap((s) => s.items).find((i) => i.kind === 'image');
    expect(image?.kind === 'image' && image.tag).toMatchObject({ role: 'Figure', alt: 'A knee' });
  });
});

describe('figure', () => {
  it('keeps its image and caption on one page', () => {
    const png = solidPng(10, 10).toString('base64');
    const layout = layOut(`<figure><img src="data:image/png;base64,${png}" alt="A knee"><figcaption>The knee, bent.</figcaption></figure>`);
    const made = layout.slices.filter((s) => s.what !== 'space');
    expect(made.map((s) => s.what)).toEqual(['image', 'line']);
    expect(made[0].keepWithNext).toBe(true);
    expect(tags(layout)).toEqual(['Document/Caption: The knee, bent.']);
  });
});

describe('list items keep company', () => {
  /** Which items' lines may end a page: the item text of each line slice that allows a break after it. */
  function breakable(layout: Layout): string[] {
    return layout.slices
      .filter((s) => s.what === 'line' && !s.keepWithNext)
      .map((s) => s.items.filter((i): i is Extract<DrawItem, { kind: 'text' }> => i.kind === 'text' && i.fragment.text !== '•').map((i) => i.fragment.text).join(''));
  }

  it('never leaves the first item alone at a page foot, nor the last alone at the next page head', () => {
    expect(breakable(layOut('<ul><li>One</li><li>Two</li><li>Three</li><li>Four</li></ul>'))).toEqual(['Two', 'Four']);
  });

  it('leaves a two-item list free to break between its items', () => {
    expect(breakable(layOut('<ul><li>One</li><li>Two</li></ul>'))).toEqual(['One', 'Two']);
  });
});

describe('a lead-in keeps with what it introduces', () => {
  /** Whether the last line of the paragraph whose text starts with `start` may end a page. */
  function mayEndPage(layout: Layout, start: string): boolean {
    const lines = layout.slices.filter((s) => s.what === 'line' && s.items.some((i) => i.kind === 'text' && i.fragment.text.startsWith(start.split(' ')[0])));
    return !lines[lines.length - 1].keepWithNext;
  }

  it('a paragraph ending in a colon never ends a page without the list after it', () => {
    const layout = layOut('<p>Rest helps.</p><p>Signs include:</p><ul><li>Fever</li><li>Cough</li></ul>');
    expect(mayEndPage(layout, 'Signs include:')).toBe(false);
    expect(mayEndPage(layout, 'Rest helps.')).toBe(true);
  });
});
