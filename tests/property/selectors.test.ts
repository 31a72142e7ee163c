/**
 * The cascade answers most selectors from its own index of the page (styles.ts, combinatorMatch),
 * and leaves the rest to hast-util-select. Where it answers, it must answer as hast-util-select
 * does: random pages and random selectors of tags, classes, ids, the child-position pseudo-classes
 * and descendant or child combinators, matched both ways.
 */
import fc from 'fast-check';
import type { Element, ElementContent, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { combinatorMatch, indexElements } from '../../src/render/pdf/styles.js';

const TAGS = ['div', 'p', 'table', 'tr', 'td', 'ul', 'li', 'span'];
const CLASSES = ['a', 'b'];

const element: fc.Memo<Element> = fc.memo((depth) =>
  fc.record({
    tagName: fc.constantFrom(...TAGS),
    classes: fc.subarray(CLASSES),
    id: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }),
    children: depth > 1 ? fc.array(fc.oneof({ weight: 3, arbitrary: element(depth - 1) }, { weight: 1, arbitrary: fc.constant(null) }), { maxLength: 5 }) : fc.constant<(Element | null)[]>([]),
  }).map(({ tagName, classes, id, children }): Element => ({
    type: 'element',
    tagName,
    properties: { ...(classes.length ? { className: classes } : {}), ...(id ? { id } : {}) },
    // null stands for a text node between elements: it must not count as a sibling.
    children: children.map((c): ElementContent => c ?? { type: 'text', value: ' ' }),
  })),
);

const pseudo = fc.constantFrom('', '', ':first-child', ':last-child', ':nth-child(odd)', ':nth-child(even)', ':nth-child(2n+1)', ':nth-child(3)', ':nth-child(-n+2)', ':nth-child(n)', ':nth-child(3n-1)', ':first-child:last-child');
const compound = fc
  .record({ tag: fc.option(fc.constantFrom(...TAGS), { nil: '' }), cls: fc.option(fc.constantFrom(...CLASSES), { nil: '' }), id: fc.option(fc.constantFrom('x', 'y'), { nil: '' }), pseudo })
  .filter(({ tag, cls, id }) => !!(tag || cls || id))
  .map(({ tag, cls, id, pseudo }) => `${tag}${cls ? `.${cls}` : ''}${id ? `#${id}` : ''}${pseudo}`);
const selector = fc.oneof({ weight: 1, arbitrary: fc.constant(':root') }, { weight: 20, arbitrary: fc.array(fc.tuple(compound, fc.constantFrom(' ', ' > ')), { minLength: 1, maxLength: 3 }).map((parts) => parts.map(([c, j], i) => (i ? j : '') + c).join('')) });

describe('selectors answered from the index', () => {
  it('match exactly the elements hast-util-select matches', () => {
    fc.assert(
      fc.property(fc.array(element(4), { minLength: 1, maxLength: 3 }), fc.constantFrom('html', 'body'), selector, (body, top, sel) => {
        const root: Root = { type: 'root', children: [{ type: 'doctype' }, { type: 'element', tagName: top, properties: {}, children: body }] };
        const ours = combinatorMatch(sel, indexElements(root));
        expect(ours, `${sel} should be answered from the index`).toBeDefined();
        let theirs: Element[];
        try {
          theirs = selectAll(sel, root);
        } catch {
          return; // hast-util-select cannot read it (nth-check and "3n-1"); the index can
        }
        expect(ours).toEqual(theirs);
      }),
      { numRuns: Number(process.env.HANDOUT_PROPERTY_RUNS ?? 500) },
    );
  });

  it('leave other selectors to hast-util-select', () => {
    const root = indexElements({ type: 'root', children: [] });
    for (const sel of ['p:hover', 'li + li', 'a[href]', 'p:nth-child(2n + 1)', 'p:not(.a)', 'p:nth-of-type(2)']) expect(combinatorMatch(sel, root), sel).toBeUndefined();
  });
});
