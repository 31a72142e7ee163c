/**
 * Total-fit line breaking (text-wrap: pretty): every line fits, the words stay in order, and the
 * right edge is at least as even as greedy filling's, measured as Knuth and Plass do (the sum of
 * each line's squared slack, a paragraph's last line free), here and over the corpus.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InlineRun } from '../../src/render/pdf/boxes.js';
import { selectFace } from '../../src/render/pdf/fonts.js';
import { hyphenatorFor } from '../../src/render/pdf/hyphenate.js';
import { breakLines, collapseWhiteSpace, type Line } from '../../src/render/pdf/lineBreak.js';
import { totalFit } from '../../src/render/pdf/totalFit.js';
import { SHARED } from '../helpers/build.js';

const face = selectFace([], 400, false);
const hyphenate = hyphenatorFor('en');
const run = (text: string): InlineRun => ({ text, face, size: 12.5, color: '#000', underline: false, lineHeight: 18 });

function lines(text: string, width: number, breaker: 'greedy' | 'total-fit'): Line[] {
  const runs = collapseWhiteSpace([run(text)], 'normal');
  return breakLines(runs, { width, align: 'left', strut: runs[0], hyphenate, breaker });
}
/** Sum of squared slack of every line but the last. */
const raggedness = (ls: Line[], width: number) => ls.slice(0, -1).reduce((sum, l) => sum + (width - l.width) ** 2, 0);
const textOf = (ls: Line[]) => ls.map((l) => l.fragments.map((f) => f.text + (f.readAfter ?? '')).join('')).join('');

const PROSE = [
  'Wash your hands before you touch the dressing, and dry them on a clean towel. Change the dressing once a day, or sooner if it gets wet or dirty.',
  'If the skin around the wound turns red, feels hot or starts to swell, call the clinic the same day. These can be signs of an infection that needs treatment.',
  'A bath is fine after the first week, but keep the water warm rather than hot and pat the wound dry afterwards instead of rubbing it.',
];

describe('total fit', () => {
  it('keeps every line within the width and every word in order', () => {
    for (const text of PROSE) {
      for (const width of [180, 260, 340]) {
        const result = lines(text, width, 'total-fit');
        for (const l of result) expect(l.width).toBeLessThanOrEqual(width + 0.01);
        expect(textOf(result)).toBe(text);
      }
    }
  });

  it('is never less even than greedy filling, and evener where greedy leaves a short line', () => {
    let better = 0;
    for (const text of PROSE) {
      for (const width of [180, 220, 260, 300, 340]) {
        const [greedy, fit] = [lines(text, width, 'greedy'), lines(text, width, 'total-fit')];
        expect(raggedness(fit, width)).toBeLessThanOrEqual(raggedness(greedy, width) + 0.01);
        if (raggedness(fit, width) < raggedness(greedy, width) - 1) better++;
      }
    }
    expect(better).toBeGreaterThan(0);
  });

  it('groups pieces optimally: it does not fill a line that would leave the next one short', () => {
    const piece = (width: number) => ({ width, trailingSpace: 0, required: false });
    // Greedy: [4] [7, 3] [4] [7]: slack 6, 0, 6 → 72; total fit: [4] [7] [3, 4] [7]: 6, 3, 3 → 54.
    const result = totalFit([4, 7, 3, 4, 7].map(piece), 10);
    expect(result.map((l) => l.map((p) => p.width))).toEqual([[4], [7], [3, 4], [7]]);
  });
});

/** Paragraphs of the corpus and the seed, as plain text. */
function corpusParagraphs(): string[] {
  const files = ['plain', 'markdown'].flatMap((d) => {
    const dir = path.join(SHARED, 'corpus', d);
    return existsSync(dir) ? readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f)).map((f) => path.join(dir, f)) : [];
  });
  return files
    .flatMap((f) => readFileSync(f, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '').split(/\n\s*\n/))
    .map((p) => p.replace(/[#*_`>|]/g, ' ').replace(/\s+/g, ' ').trim())
    .filter((p) => p.split(' ').length >= 12);
}

describe.skipIf(!existsSync(path.join(SHARED, 'corpus')))('over the corpus (the README\'s "Line breaking" figures)', () => {
  it('total fit is at least as even as greedy at the handout\'s column width', () => {
    const width = 496.8; // Letter, 0.8 in margins
    let greedy = 0;
    let fit = 0;
    for (const p of corpusParagraphs()) {
      greedy += raggedness(lines(p, width, 'greedy'), width);
      fit += raggedness(lines(p, width, 'total-fit'), width);
    }
    expect(fit).toBeLessThanOrEqual(greedy);
  });
});
