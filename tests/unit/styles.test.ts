import { describe, it, expect } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import type { Element } from 'hast';
import { resolveStyles, rootStyle } from '../../src/render/pdf/styles.js';
import { toPt, toColor, expandShorthand } from '../../src/render/pdf/cssValues.js';
import { Warnings } from '../../src/diagnostics.js';

const HTML =
  '<html><head></head><body>' +
  '<p class="note" id="n">Take <em>two</em> <span class="dose">tablets</span></p>' +
  '<p>Second</p><div><h1>Title</h1></div>' +
  '</body></html>';

function resolve(css: string, html = HTML, file = 'templates/handout.css', lineOffset?: number) {
  const tree = fromHtml(html);
  const warnings = new Warnings();
  const styles = resolveStyles(tree, css, { file, lineOffset }, warnings);
  const styleOf = (selector: string) => {
    const el = select(selector, tree) as Element | undefined;
    if (!el) throw new Error(`no element for ${selector}`);
    return styles.styleOf(el);
  };
  return { styleOf, warnings, page: styles.page };
}

describe('toPt', () => {
  it('converts absolute units', () => {
    expect(toPt('12pt', 10)).toBe(12);
    expect(toPt('16px', 10)).toBe(12);
    expect(toPt('1in', 10)).toBe(72);
    expect(toPt('2.54cm', 10)).toBeCloseTo(72, 10);
    expect(toPt('1pc', 10)).toBe(12);
    expect(toPt('0', 10)).toBe(0);
  });

  it('resolves em and % against the given size and rem against the root', () => {
    expect(toPt('1.5em', 10)).toBe(15);
    expect(toPt('50%', 10)).toBe(5);
    expect(toPt('2rem', 10)).toBe(24);
  });

  it('rejects what is not a length', () => {
    expect(toPt('12', 10)).toBeUndefined();
    expect(toPt('auto', 10)).toBeUndefined();
    expect(toPt('calc(1em + 2px)', 10)).toBeUndefined();
  });
});

describe('toColor', () => {
  it('reads hex colours, expanding #abc and lowering case', () => {
    expect(toColor('#abc')).toBe('#aabbcc');
    expect(toColor('#A0B1C2')).toBe('#a0b1c2');
  });

  it('reads rgb() and rgba(), clamping components', () => {
    expect(toColor('rgb(255, 0, 128)')).toBe('#ff0080');
    expect(toColor('rgba(1,2,3,0.5)')).toBe('#010203');
    expect(toColor('rgb(300 0 0)')).toBe('#ff0000');
  });

  it('reads named colours and rejects unknown ones', () => {
    expect(toColor('Navy')).toBe('#000080');
    expect(toColor('grey')).toBe('#808080');
    expect(toColor('papayawhipish')).toBeUndefined();
    expect(toColor('#abcde')).toBeUndefined();
  });

  it('reads every CSS colour syntax, drawing colours with alpha opaque', () => {
    expect(toColor('papayawhip')).toBe('#ffefd5');
    expect(toColor('hsl(120 100% 50%)')).toBe('#00ff00');
    expect(toColor('#abcd')).toBe('#aabbcc');
  });
});

describe('expandShorthand', () => {
  it('expands margin and padding with 1 to 4 values as CSS does', () => {
    const sides = (v: string) => expandShorthand('margin', v).map(([, x]) => x);
    expect(expandShorthand('margin', '1pt')).toEqual([
      ['margin-top', '1pt'],
      ['margin-right', '1pt'],
      ['margin-bottom', '1pt'],
      ['margin-left', '1pt'],
    ]);
    expect(sides('1pt 2pt')).toEqual(['1pt', '2pt', '1pt', '2pt']);
    expect(sides('1pt 2pt 3pt')).toEqual(['1pt', '2pt', '3pt', '2pt']);
    expect(sides('1pt 2pt 3pt 4pt')).toEqual(['1pt', '2pt', '3pt', '4pt']);
    expect(expandShorthand('padding', '0 1em')[1]).toEqual(['padding-right', '1em']);
  });

  it('maps page-break-* onto break-*, with always → page', () => {
    expect(expandShorthand('page-break-before', 'always')).toEqual([['break-before', 'page']]);
    expect(expandShorthand('page-break-inside', 'avoid')).toEqual([['break-inside', 'avoid']]);
  });

  it('expands border, border-color and background', () => {
    expect(expandShorthand('border', '1pt solid red').map(([p]) => p)).toEqual(['border-top', 'border-right', 'border-bottom', 'border-left']);
    expect(expandShorthand('border-color', 'rgb(1, 2, 3) blue')).toEqual([
      ['border-top-color', 'rgb(1, 2, 3)'],
      ['border-right-color', 'blue'],
      ['border-bottom-color', 'rgb(1, 2, 3)'],
      ['border-left-color', 'blue'],
    ]);
    expect(expandShorthand('background', '#fff')).toEqual([['background-color', '#fff']]);
  });

  it('leaves longhands alone', () => {
    expect(expandShorthand('color', 'red')).toEqual([['color', 'red']]);
  });
});

describe('resolveStyles', () => {
  it('lets a class selector beat a tag selector, whatever the order', () => {
    expect(resolve('.note { color: red } p { color: blue }').styleOf('p.note').color).toBe('#ff0000');
    expect(resolve('p { color: blue } .note { color: red }').styleOf('p.note').color).toBe('#ff0000');
    expect(resolve('#n { color: green } .note { color: red }').styleOf('p.note').color).toBe('#008000');
  });

  it('lets the later rule win at equal specificity', () => {
    const { styleOf } = resolve('p { color: red }\np { color: blue }');
    expect(styleOf('p.note').color).toBe('#0000ff');
    expect(styleOf('p:not(.note)').color).toBe('#0000ff');
  });

  it('inherits color and font-size into children, but not margins or backgrounds', () => {
    const { styleOf } = resolve('.note { color: #123456; font-size: 20pt; margin-left: 9pt; background: yellow }');
    const em = styleOf('em');
    expect(em.color).toBe('#123456');
    expect(em.fontSize).toBe(20);
    expect(em.italic).toBe(true);
    expect(em.margin[3]).toBe(0);
    expect(em.backgroundColor).toBeUndefined();
    expect(styleOf('p:not(.note)').color).toBe('#000000');
  });

  it('resolves em font sizes against the parent, and em lengths against the element', () => {
    const { styleOf } = resolve('.note { font-size: 10pt } .dose { font-size: 2em; padding-left: 1em }');
    expect(styleOf('.dose').fontSize).toBe(20);
    expect(styleOf('.dose').padding[3]).toBe(20);
  });

  it('resolves em lengths against the element\'s final font size, whatever the declaration order', () => {
    const { styleOf } = resolve('p { margin-top: 2em; font-size: 10pt }');
    expect(styleOf('p.note').margin[0]).toBe(20);
    // Built-in margins too: an h1 has 0.67em of its own (2em) size above it.
    const h = resolve('body { font-size: 12pt }').styleOf('h1');
    expect(h.fontSize).toBe(24);
    expect(h.margin[0]).toBeCloseTo(16.08, 2);
  });

  it('keeps an absolute line-height when the font size changes, and scales a plain-number one', () => {
    expect(resolve('p { line-height: 18pt; font-size: 20pt }').styleOf('p.note').lineHeight).toBe(18);
    const nested = resolve('.note { line-height: 18pt } .note em { font-size: 24pt }');
    expect(nested.styleOf('em').lineHeight).toBe(18);
    const factor = resolve('.note { line-height: 1.5 } .note em { font-size: 20pt }');
    expect(factor.styleOf('em').lineHeight).toBe(30);
  });

  it('lets !important win over a more specific or later rule', () => {
    expect(resolve('p { color: red !important } p { color: blue }').styleOf('p.note').color).toBe('#ff0000');
    expect(resolve('p { color: red !important } #n { color: blue }').styleOf('p.note').color).toBe('#ff0000');
  });

  it('applies inline style attributes over stylesheet rules', () => {
    const html = '<html><body><p class="note" style="color: teal">x</p></body></html>';
    expect(resolve('.note { color: red }', html).styleOf('p').color).toBe('#008080');
  });

  it('ignores @media screen rules and applies @media print rules', () => {
    const { styleOf } = resolve('@media screen { p { color: red } }\n@media print { em { color: blue } }');
    expect(styleOf('p').color).toBe('#000000');
    expect(styleOf('em').color).toBe('#0000ff');
  });

  it('applies page-break-before: always as a page break', () => {
    expect(resolve('.note { page-break-before: always }').styleOf('p.note').breakBefore).toBe('page');
  });

  it('reads @page margins', () => {
    expect(resolve('@page { margin: 36pt 1in }').page.margin).toEqual([36, 72, 36, 72]);
  });

  it('hides head and its children, and gives tags their default display', () => {
    const { styleOf } = resolve('');
    expect(styleOf('head').display).toBe('none');
    expect(styleOf('p').display).toBe('block');
    expect(styleOf('em').display).toBe('inline');
    expect(styleOf('h1').fontWeight).toBe(700);
    expect(styleOf('h1').fontSize).toBe(24);
  });

  it('warns once per line about an unsupported property, naming the stylesheet file', () => {
    const { warnings, styleOf } = resolve('p { position: absolute; color: red }\n.note { position: absolute }', HTML, 'templates/print.css');
    const positions = warnings.list.filter((w) => w.message.includes('"position"'));
    // Two rules on two lines: one warning for each line (Warnings dedupes by file, line and message).
    expect(positions.map((w) => [w.file, w.line])).toEqual([
      ['templates/print.css', 1],
      ['templates/print.css', 2],
    ]);
    // The supported declaration next to it still applies.
    expect(styleOf('p').color).toBe('#ff0000');
  });

  it('gives every document the same styles and warnings when the styles it computed earlier are reused', () => {
    // Computed styles are kept per stylesheet and reused for the next document: a later
    // document must still get the warnings of the values it uses, and styles of its own.
    const css = 'p { color: chartreuse-ish; margin-top: 3pt } .dose { font-weight: bold }';
    const first = resolve(css, HTML, 'templates/first.css');
    const second = resolve(css, HTML, 'templates/second.css');
    for (const doc of [first, second]) {
      expect(doc.warnings.list.map((w) => w.file)).toContain(doc === first ? 'templates/first.css' : 'templates/second.css');
      expect(doc.styleOf('p').margin[0]).toBe(3);
      expect(doc.styleOf('.dose').fontWeight).toBe(700);
    }
    expect(second.warnings.list.map((w) => w.message)).toEqual(first.warnings.list.map((w) => w.message));
    // A different parent (inside a heading) gives a different style, not the reused one.
    const nested = resolve(css, '<html><body><h1><span class="dose">x</span></h1><p><span class="dose">y</span></p></body></html>');
    expect(nested.styleOf('h1 .dose').fontSize).toBe(24);
    expect(nested.styleOf('p .dose').fontSize).toBe(12);
  });

  it('matches descendant and child selectors as a browser does', () => {
    const html = '<html><body><div class="box"><ul><li><p id="a">a</p><div><p id="b">b</p></div></li></ul></div><p id="c">c</p>' +
      '<table><tr><td id="d">d</td></tr><tr><td id="e">e</td></tr></table></body></html>';
    const { styleOf } = resolve('.box p { color: red } li > p { margin-top: 7pt } .box ul > li div > p { font-weight: bold } body > .box li p { font-style: italic } tr:nth-child(even) td { color: blue }', html);
    expect([styleOf('#a').color, styleOf('#b').color, styleOf('#c').color]).toEqual(['#ff0000', '#ff0000', '#000000']);
    expect([styleOf('#a').margin[0], styleOf('#b').margin[0]]).toEqual([7, 12]);
    expect([styleOf('#a').fontWeight, styleOf('#b').fontWeight]).toEqual([400, 700]);
    expect([styleOf('#a').italic, styleOf('#b').italic, styleOf('#c').italic]).toEqual([true, true, false]);
    // A pseudo-class is left to hast-util-select.
    expect([styleOf('#d').color, styleOf('#e').color]).toEqual(['#000000', '#0000ff']);
  });

  it('warns only once for the same unsupported property used twice on one line', () => {
    const { warnings } = resolve('p { position: absolute } em { position: relative }');
    expect(warnings.list.filter((w) => w.message.includes('"position"'))).toHaveLength(1);
  });

  it('adds the line offset of an embedded <style> to warning lines', () => {
    const { warnings } = resolve('\n\np { position: absolute }', HTML, 'templates/handout.html', 10);
    expect(warnings.list).toEqual([expect.objectContaining({ file: 'templates/handout.html', line: 13 })]);
  });

  it('warns once about an unsupported value, even when the rule matches several elements', () => {
    const { warnings, styleOf } = resolve('p { color: chartreuse-ish }');
    expect(warnings.list).toHaveLength(1);
    expect(warnings.list[0].message).toContain('color: chartreuse-ish');
    expect(styleOf('p').color).toBe('#000000');
  });

  it('accepts screen-only properties silently', () => {
    expect(resolve('p { cursor: pointer; box-sizing: border-box }').warnings.list).toEqual([]);
  });

  it('starts from the root style', () => {
    expect(rootStyle()).toMatchObject({ fontSize: 12, color: '#000000', display: 'block' });
  });
});
