/**
 * How many threads a build renders on (collection/build.ts, threadsFor): as asked, capped at the
 * cores and the documents; 'auto' adds workers only for a build large enough to pay for their start-up.
 */
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { threadsFor } from '../../src/collection/build.js';

describe('threadsFor', () => {
  const cores = availableParallelism();

  it('takes a number as asked, never more than the cores or the documents to render', () => {
    expect(threadsFor(1, 500)).toBe(1);
    expect(threadsFor(cores * 4, 500)).toBe(cores);
    expect(threadsFor(2, 1)).toBe(1);
    expect(threadsFor(2, 2)).toBe(Math.min(2, cores));
    expect(threadsFor(undefined, 50)).toBe(1);
  });

  it("'auto' renders a small build on this thread alone, and a large one on at most the cores", () => {
    expect(threadsFor('auto', 1)).toBe(1);
    expect(threadsFor('auto', 50)).toBe(1);
    const large = threadsFor('auto', 1000);
    expect(large).toBeGreaterThanOrEqual(1);
    expect(large).toBeLessThanOrEqual(cores);
  });
});
