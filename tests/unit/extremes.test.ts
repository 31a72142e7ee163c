import { describe, expect, it } from 'vitest';
import { largest, smallest } from '../../src/extremes.js';
import { parsePlainText } from '../../src/parse/parseSource.js';

describe('largest and smallest', () => {
  it('take lists longer than a call can spread (Math.max(...x) overflows the stack on them)', () => {
    const values = Array.from({ length: 500_000 }, (_, i) => (i * 7919) % 500_003);
    expect(() => Math.max(...values)).toThrow(RangeError);
    expect(largest(values)).toBe(values.reduce((a, b) => (a > b ? a : b)));
    expect(smallest(values)).toBe(0);
    expect(largest(new Set([3, 9, 2]))).toBe(9);
  });

  it('answer as Math does for an empty list', () => {
    expect(largest([])).toBe(-Infinity);
    expect(smallest([])).toBe(Infinity);
  });

  it('a plain text of 300,000 short lines is parsed (measuring its wrap width overflowed the stack)', () => {
    const tree = parsePlainText(Array.from({ length: 300_000 }, () => 'ab cd').join('\n'));
    expect(tree.children.length).toBeGreaterThan(0);
  });
});
