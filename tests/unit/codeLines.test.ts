/**
 * The one scanner that tells the line rewrites (dialects.ts, exportedSource.ts) which lines are
 * code: fenced, indented, inside `>` quotes and list items.
 */
import { describe, expect, it } from 'vitest';
import { codeLines } from '../../src/parse/codeLines.js';

const code = (text: string) => codeLines(text.split('\n'));

describe('codeLines', () => {
  it('marks fenced code with its fences, at the top level and inside a quote', () => {
    expect(code('a\n```\n%% x\n```\nb')).toEqual([false, true, true, true, false]);
    expect(code('> ```\n> +--+\n> ```\nb')).toEqual([true, true, true, false]);
    // The quote ending ends the fence in it.
    expect(code('> ```\n> x\n\ny')).toEqual([true, true, false, false]);
  });

  it('marks indented code, but not a paragraph line indented or a list item’s paragraph', () => {
    expect(code('Text\n\n    +--+\n    | a |\n\nText')).toEqual([false, false, true, true, false, false]);
    expect(code('Text\n    more text')).toEqual([false, false]);
    expect(code('- item\n\n    more of the item\n\n        code in the item')).toEqual([false, false, false, false, true]);
    expect(code('1. step\n\n    !!! tip\n        Body')).toEqual([false, false, false, false]);
  });

  it('marks indented code after a heading', () => {
    expect(code('# Title\n    code')).toEqual([false, true]);
  });
});
