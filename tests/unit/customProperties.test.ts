import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import type { Element } from 'hast';
import { resolveStyles } from '../../src/render/pdf/styles.js';
import { substituteVars } from '../../src/render/pdf/customProperties.js';
import { Warnings } from '../../src/diagnostics.js';
import { BRAND_COLOURS } from '../../src/options/schema.js';
import { BUILTIN_TEMPLATES } from '../../src/fill/templates.js';

const HTML = '<html><head></head><body><div class="box"><p class="note">Take <em>two</em></p></div><p>Other</p></body></html>';

function resolve(css: string) {
  const tree = fromHtml(HTML);
  const warnings = new Warnings();
  const styles = resolveStyles(tree, css, { file: 'handout.css' }, warnings);
  return { styleOf: (s: string) => styles.styleOf(select(s, tree) as Element), warnings };
}

describe('CSS custom properties in the PDF', () => {
  it('resolves var() from :root, inherited by every element', () => {
    const { styleOf, warnings } = resolve(':root { --brand: #7a1f5c; --gap: 9pt } p { color: var(--brand); margin-bottom: var(--gap) }');
    expect(styleOf('p.note').color).toBe('#7a1f5c');
    expect(styleOf('p.note').margin[2]).toBe(9);
    expect(warnings.list).toEqual([]);
  });

  it('lets a nearer element override the property for its descendants only', () => {
    const { styleOf } = resolve(':root { --brand: #111111 } .box { --brand: #00aa00 } p { color: var(--brand) }');
    expect(styleOf('p.note').color).toBe('#00aa00');
    expect(styleOf('body > p').color).toBe('#111111');
  });

  it('uses the fallback when the property is not set, also a nested var()', () => {
    expect(resolve('p { color: var(--nope, #123456) }').styleOf('p.note').color).toBe('#123456');
    expect(resolve(':root { --b: #654321 } p { color: var(--nope, var(--b)) }').styleOf('p.note').color).toBe('#654321');
  });

  it('resolves a property that names another on the same element; a later rule wins', () => {
    const { styleOf } = resolve(':root { --brand: #0f5c73; --edge: var(--brand) } :root { --brand: #aa0000 } p { color: var(--edge) }');
    expect(styleOf('p.note').color).toBe('#aa0000');
  });

  it('leaves out a declaration whose var() has no value and no fallback, and says where', () => {
    const { styleOf, warnings } = resolve('p { color: #222222 }\np.note { color: var(--missing) }');
    expect(styleOf('p.note').color).toBe('#222222');
    expect(warnings.list[0]).toMatchObject({ file: 'handout.css', line: 2 });
    expect(warnings.list[0].message).toMatch(/--missing/);
  });

  it('does not loop on a cycle', () => {
    const { styleOf } = resolve(':root { --a: var(--b); --b: var(--a) } p { color: var(--a, #010101) }');
    expect(styleOf('p.note').color).toBe('#010101');
  });

  it('substitutes several var()s in one value', () => {
    expect(substituteVars('var(--w) solid var(--c, red)', new Map([['--w', '2pt']]))).toBe('2pt solid red');
  });
});

describe('the built-in stylesheet', () => {
  it('defines every brand colour a settings file may set, and uses it', () => {
    const css = readFileSync(path.join(BUILTIN_TEMPLATES, 'handout.css'), 'utf8');
    for (const name of BRAND_COLOURS) {
      expect(css).toMatch(new RegExp(`--${name}:`));
      expect(css).toContain(`var(--${name}`);
    }
  });
});
