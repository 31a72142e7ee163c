/**
 * The bundle gives the specificity package css-tree's selector parser instead of css-tree's main
 * entry (scripts/cssTreeSelectors.mjs, scripts/bundle.mjs). Held here: for every selector of the
 * built-in stylesheets and for selectors of every kind CSS has, the two parse to the same tree and
 * fail on the same input, so every rule keeps its specificity.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import postcss from 'postcss';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build.js';

type Parse = (selector: string, options: { context: string }) => unknown;
type Shim = { parse: Parse; toPlainObject(ast: unknown): unknown };

const shim = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'cssTreeSelectors.mjs')).href)) as Shim;
// css-tree's main entry, as specificity imports it outside the bundle (css-tree ships no types).
const full = (await import('css-tree' as string)) as Shim;

/** The tree as specificity reads it, or the error's message. */
function treeOf(lib: Shim, selector: string): string {
  try {
    return JSON.stringify(lib.toPlainObject(lib.parse(selector, { context: 'selector' })));
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

function stylesheetSelectors(): string[] {
  const dir = path.join(ROOT, 'templates');
  const selectors: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.css'))) {
    postcss.parse(readFileSync(path.join(dir, file), 'utf8')).walkRules((rule) => {
      selectors.push(...rule.selectors);
    });
  }
  return selectors;
}

const KINDS = [
  '*', 'p', 'svg|rect', '*|*', '.note', '#title', 'a[href]', 'a[href^="http" i]', '[data-x~=y s]', 'li:first-child',
  'li:nth-child(2n+1)', 'li:nth-child(odd of .item)', 'li:nth-last-of-type(-n + 3)', 'p::first-line', 'p::before',
  ':not(.a, .b > p)', ':is(h1, h2) + p', ':where(.x) ~ .y', 'section:has(> h2, img)', 'a:hover:focus-visible',
  ':lang(en)', ':dir(rtl)', 'td:nth-col(2)', '.a\\:b', '#\\31 23', '.\\1F600', 'ul > li ~ li + li', 'a || b',
  '::part(label)', ':host(.dark)', '::slotted(span)', ':-webkit-any(a)', '::-moz-selection', 'p:unknown-pseudo(anything [ here ])',
  '', '>', 'p >', '[x=', ':not(', '.', '#', 'p..q', 'a:nth-child(2n+)', ',', '/* comment */ p',
];

describe("css-tree's selector parser, as the bundle gives it to specificity", () => {
  it('parses every selector of the built-in stylesheets as the main entry does', () => {
    const selectors = stylesheetSelectors();
    expect(selectors.length).toBeGreaterThan(50);
    for (const s of selectors) expect(treeOf(shim, s), s).toBe(treeOf(full, s));
  });

  it('parses selectors of every kind, and fails on broken ones, as the main entry does', () => {
    for (const s of KINDS) expect(treeOf(shim, s), s).toBe(treeOf(full, s));
    expect(KINDS.filter((s) => treeOf(full, s).startsWith('error')).length).toBeGreaterThan(3);
  });
});
