/**
 * The bundle carries its own hash (scripts/bundle.mjs), the code part of every document's key
 * (toolHash in src/collection/cache.ts): a build from the bundle then reads and hashes no module.
 * Held here: the hash written is the SHA-256 of the bundle's text with the placeholder in its place,
 * so any other bundle, another package bundled in it included, has another key; and tsc's output
 * finds the same hash beside the bundle.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build.js';
import { moduleDigest } from '../../src/collection/cache.js';

describe("the bundle's hash", () => {
  it('is the hash of the bundle with the placeholder where the hash is', () => {
    const text = readFileSync(path.join(ROOT, 'dist', 'bundle', 'handout.cjs'), 'latin1');
    // Beside the bundle too, for tsc's output run as a library: one key for the command and the library.
    const [hash, bundledFrom] = readFileSync(path.join(ROOT, 'dist', 'bundle', 'handout.hash'), 'latin1').split('\n');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    // With the digest of the modules it was made from, which tsc's output compares with its own.
    expect(bundledFrom).toBe(moduleDigest(path.join(ROOT, 'dist')));
    expect(text.split(`"${hash}"`)).toHaveLength(2); // written once, as a string
    const placeholder = `handout-bundle-hash-${'0'.repeat(44)}`;
    expect(createHash('sha256').update(text.replace(hash, placeholder), 'latin1').digest('hex')).toBe(hash);
  });
});
