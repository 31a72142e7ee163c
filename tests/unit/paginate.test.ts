import { describe, it, expect } from 'vitest';
import { paginate, type Page } from '../../src/render/pdf/paginate.js';
import { newSlice, type Slice } from '../../src/render/pdf/slices.js';

function line(height = 10, props: Partial<Slice> = {}, what = 'line'): Slice {
  return { ...newSlice(what, height, []), ...props };
}
/** The flow slices of each page (repeated headers left out). */
const flow = (pages: Page[]) => pages.map((p) => p.slices.filter((s) => !s.repeated).map((s) => s.slice));
const bottoms = (page: Page) => page.slices.map((s) => s.y + s.slice.height);

describe('paginate', () => {
  it('returns no pages for no slices', () => {
    expect(paginate([], 100)).toEqual([]);
  });

  it('fills pages without exceeding the page height, stacking slices', () => {
    const slices = Array.from({ length: 25 }, () => line(10));
    const pages = paginate(slices, 95);
    expect(pages.map((p) => p.slices.length)).toEqual([9, 9, 7]);
    for (const p of pages) expect(Math.max(...bottoms(p))).toBeLessThanOrEqual(95);
    expect(pages[0].slices.map((s) => s.y)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80]);
  });

  it('lets a slice end exactly at the page bottom', () => {
    expect(paginate([line(50), line(50)], 100)).toHaveLength(1);
  });

  it('includes spaceBefore between slices and drops it at the top of a page', () => {
    const slices = [line(40), line(40, { spaceBefore: 15 }), line(40, { spaceBefore: 15 })];
    const pages = paginate(slices, 100);
    expect(flow(pages)).toEqual([[slices[0], slices[1]], [slices[2]]]);
    expect(pages[0].slices[1].y).toBe(55);
    expect(pages[1].slices[0].y).toBe(0);
  });

  it('moves a space that would not fit to the next page rather than overflowing', () => {
    // 90 + 5 + 10 = 105 > 100, though the slice alone (90 + 10) would fit.
    const pages = paginate([line(90), line(10, { spaceBefore: 5 })], 100);
    expect(pages).toHaveLength(2);
  });

  it('moves a heading and the two lines kept with it to the next page together', () => {
    const body = Array.from({ length: 7 }, () => line(10));
    const heading = line(14, { keepWithNext: true }, 'heading');
    const first = line(10, { keepWithNext: true });
    const second = line(10);
    const pages = paginate([...body, heading, first, second], 100);
    expect(flow(pages)).toEqual([body, [heading, first, second]]);
    expect(pages[1].slices[0].y).toBe(0);
  });

  it('breaks a kept chain longer than a page where the page is full, placing every slice once in order', () => {
    const chain = Array.from({ length: 30 }, () => line(10, { keepWithNext: true }));
    const pages = paginate(chain, 95);
    expect(pages.map((p) => p.slices.length)).toEqual([9, 9, 9, 3]);
    expect(flow(pages).flat()).toEqual(chain);
  });

  it('places a slice taller than the page alone rather than looping', () => {
    const tall = line(500, {}, 'image');
    const pages = paginate([line(10), tall, line(10)], 100);
    expect(flow(pages)).toEqual([[expect.anything()], [tall], [expect.anything()]]);
  });

  it('starts a new page at breakBefore, but not an empty first page', () => {
    const a = line(10, { breakBefore: true });
    const b = line(10);
    const c = line(10, { breakBefore: true, spaceBefore: 20 });
    const pages = paginate([a, b, c], 100);
    expect(flow(pages)).toEqual([[a, b], [c]]);
    expect(pages[1].slices[0].y).toBe(0);
  });

  it('repeats the table header above a body row that starts a page', () => {
    const header = line(20, { keepWithNext: true }, 'row');
    const rows = Array.from({ length: 6 }, () => line(30, {}, 'row'));
    for (const r of rows) r.repeatHeader = header;
    const pages = paginate([header, ...rows], 100);
    // Page 1: header + 2 rows (80). Page 2+: repeated header + 2 rows.
    expect(pages.map((p) => p.slices.length)).toEqual([3, 3, 3]);
    expect(pages[0].slices[0]).toEqual({ slice: header, y: 0 });
    for (const p of pages.slice(1)) {
      expect(p.slices[0]).toEqual({ slice: header, y: 0, repeated: true });
      expect(p.slices[1].y).toBe(20);
      expect(Math.max(...bottoms(p))).toBeLessThanOrEqual(100);
    }
    expect(flow(pages).flat()).toEqual([header, ...rows]);
  });

  it('does not repeat a header when header and row together exceed the page', () => {
    const header = line(60, {}, 'row');
    const row = line(50, { repeatHeader: header }, 'row');
    const pages = paginate([header, row], 100);
    expect(pages[1].slices).toEqual([{ slice: row, y: 0 }]);
  });

  it('is a pure function: same input, same output, input untouched', () => {
    const slices = [line(30, { keepWithNext: true }), line(30, { spaceBefore: 8 }), line(50, { breakBefore: true }), line(70)];
    const copy = structuredClone(slices);
    const a = paginate(slices, 100);
    const b = paginate(slices, 100);
    expect(a).toEqual(b);
    expect(slices).toEqual(copy);
  });

  it('always places every slice exactly once, in order, within the page (random inputs)', () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const n = 1 + Math.floor(rand() * 40);
      const slices = Array.from({ length: n }, () =>
        line(1 + Math.floor(rand() * 40), {
          spaceBefore: Math.floor(rand() * 10),
          keepWithNext: rand() < 0.5,
          breakBefore: rand() < 0.05,
        }),
      );
      const pages = paginate(slices, 100);
      expect(flow(pages).flat()).toEqual(slices);
      for (const p of pages) {
        expect(p.slices.length).toBeGreaterThan(0);
        expect(p.slices[0].y).toBe(0);
        expect(Math.max(...bottoms(p))).toBeLessThanOrEqual(100.01);
      }
    }
  });
});

describe('paginate: a page is never left more than a quarter empty for a weak keep', () => {
  it('breaks inside a box kept together (weak) rather than leave the page 40 % empty', () => {
    const before = Array.from({ length: 6 }, () => line(10));
    // A box of 8 lines kept together: it does not fit below the 60 points of text.
    const box = Array.from({ length: 8 }, (_, i) => line(10, i < 7 ? { keepWithNext: true, keepWeak: true } : {}));
    const pages = paginate([...before, ...box], 100);
    expect(flow(pages)[0].length).toBe(10); // 6 lines and 4 of the box: the page is full
    expect(flow(pages).flat()).toEqual([...before, ...box]);
  });

  it('moves the box whole when that leaves no more than a quarter of the page empty', () => {
    const before = Array.from({ length: 8 }, () => line(10));
    const box = Array.from({ length: 4 }, (_, i) => line(10, i < 3 ? { keepWithNext: true, keepWeak: true } : {}));
    const pages = paginate([...before, ...box], 100);
    expect(flow(pages)).toEqual([before, box]);
  });

  it('never breaks a strong keep (a heading and its first lines) for it', () => {
    const before = Array.from({ length: 5 }, () => line(10));
    const heading = line(14, { keepWithNext: true }, 'heading');
    const chain = Array.from({ length: 5 }, (_, i) => line(10, i < 4 ? { keepWithNext: true } : {}));
    const pages = paginate([...before, heading, ...chain], 100);
    expect(flow(pages)).toEqual([before, [heading, ...chain]]);
  });
});
