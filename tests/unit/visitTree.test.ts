import { describe, it, expect } from 'vitest';
import { visit as unistVisit, SKIP as UNIST_SKIP } from 'unist-util-visit';
import { fromHtml } from 'hast-util-from-html';
import type { Element, ElementContent, Root } from 'hast';
import { visit, SKIP } from '../../src/visitTree.js';

const HTML = '<p>One <b>two <i>three</i></b> four</p><ul><li>a</li><li>b <em>c</em></li></ul><p>five <img src="x.png" alt="six"> seven</p>';
const tree = () => fromHtml(HTML, { fragment: true });

/** What a visit saw, in order: each node's tag (or type), index and parent's tag. */
function trace(walk: typeof visit | typeof unistVisit, skip: unknown, root: Root, type?: string): string[] {
  const seen: string[] = [];
  const visitor = (node: Element, index: number | undefined, parent: { type: string; tagName?: string } | undefined) => {
    seen.push(`${node.tagName ?? node.type}@${index}<${parent ? parent.tagName ?? parent.type : '-'}`);
    if (node.tagName === 'b') return skip;
    // Replace an image with its alt text and go on after it, as contentToHtml does.
    if (node.tagName === 'img' && parent && index !== undefined) {
      (parent as Element).children.splice(index, 1, { type: 'text', value: String(node.properties.alt) } as ElementContent);
      return index + 1;
    }
  };
  if (type) (walk as (t: Root, type: string, v: typeof visitor) => void)(root, type, visitor);
  else (walk as (t: Root, v: typeof visitor) => void)(root, visitor);
  return seen;
}

describe('visitTree', () => {
  it('visits what unist-util-visit visits, in the same order, with the same indexes and parents', () => {
    for (const type of [undefined, 'element', 'text']) {
      const ours = tree();
      const theirs = tree();
      expect(trace(visit, SKIP, ours, type)).toEqual(trace(unistVisit, UNIST_SKIP, theirs, type));
      expect(ours).toEqual(theirs);
    }
    // The skipped <b> has children that were not visited; the replaced image is text now.
    const seen = trace(visit, SKIP, tree());
    expect(seen).toContain('b@1<p');
    expect(seen.some((s) => s.startsWith('i@'))).toBe(false);
    expect(seen.some((s) => s.startsWith('img@'))).toBe(true);
  });

  it('skips a node’s children and goes on at the index given with [SKIP, index]', () => {
    const root = tree();
    const seen: string[] = [];
    visit(root, 'element', (node: Element, index) => {
      seen.push(node.tagName);
      if (node.tagName === 'p' && index === 0) return [SKIP, 2];
    });
    // The first paragraph's children and the list (index 1) are passed over.
    expect(seen).toEqual(['p', 'p', 'img']);
  });
});
