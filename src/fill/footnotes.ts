/**
 * Footnotes (GFM `[^1]`), gathered for the whole page. Content is turned into HTML a section at a
 * time, and mdast-util-to-hast numbers each part's notes from 1 and gives each its own "Footnotes"
 * section with the same heading id. Here, on the filled page, every reference is numbered in
 * reading order, and the notes become one numbered list at the end of <main>, under one heading.
 * The stylesheet decides where the PDF prints them: `float: footnote` (handout.css) sets each
 * note at the foot of the page that refers to it; without it they print as endnotes.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { visit } from '../visitTree.js';

/** `html` with its footnotes gathered; unchanged when it has none. */
export function gatherFootnotes(html: string, heading: string): string {
  if (!html.includes('data-footnote-ref')) return html;
  const tree = fromHtml(html);
  const sections = selectAll('section[data-footnotes]', tree);
  const main = select('main', tree) ?? select('body', tree);
  if (!sections.length || !main) return html;
  // Each note once, by its id, from whichever part defined it.
  const notes = new Map<string, Element>();
  for (const s of sections) for (const li of selectAll('li[id]', s)) if (!notes.has(String(li.properties.id))) notes.set(String(li.properties.id), li);
  visit(tree, 'element', (node: Element, index, parent) => {
    if (parent && index !== undefined && sections.includes(node)) {
      parent.children.splice(index, 1);
      return index;
    }
  });

  const order: string[] = [];
  const seen = new Map<string, number>();
  for (const ref of selectAll('a[data-footnote-ref]', tree)) {
    const id = decodeURIComponent(String(ref.properties.href ?? '').replace(/^#/, ''));
    if (!notes.has(id)) continue;
    if (!order.includes(id)) order.push(id);
    const n = order.indexOf(id) + 1;
    const times = (seen.get(id) ?? 0) + 1;
    seen.set(id, times);
    ref.children = [{ type: 'text', value: String(n) }];
    // A note referred to twice gets a second anchor for its back-reference, as GitHub does.
    ref.properties.id = times === 1 ? `${id.replace('-fn-', '-fnref-')}` : `${id.replace('-fn-', '-fnref-')}-${times}`;
    ref.properties.ariaDescribedBy = ['footnote-label'];
  }
  // Notes nothing refers to any more still print, after the others: nothing is lost.
  for (const id of notes.keys()) if (!order.includes(id)) order.push(id);
  order.forEach((id, i) => {
    for (const back of selectAll('a[data-footnote-backref]', notes.get(id)!)) back.properties.ariaLabel = `Back to reference ${i + 1}`;
  });
  const list: Element = { type: 'element', tagName: 'ol', properties: {}, children: order.map((id) => notes.get(id)!) };
  const section: Element = {
    type: 'element',
    tagName: 'section',
    properties: { dataFootnotes: true, className: ['footnotes'], ariaLabelledBy: ['footnote-label'] },
    children: [{ type: 'element', tagName: 'h2', properties: { id: 'footnote-label' }, children: [{ type: 'text', value: heading }] }, list],
  };
  main.children.push(section);
  return toHtml(tree as Root, { upperDoctype: true });
}
