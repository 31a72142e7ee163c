/**
 * The bundle gives pdfkit @noble/ciphers' AES through scripts/lazyAes.cjs, which loads the package
 * on the first cipher asked for (scripts/bundle.mjs). Held here: loading the wrapper loads nothing
 * of the package, and its ciphers encrypt and decrypt as the package's own do.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build.js';

const require = createRequire(path.join(ROOT, 'package.json'));
type Aes = typeof import('@noble/ciphers/aes');

describe('AES for pdfkit, loaded on first use', () => {
  it('loads the package only when a cipher is asked for, and then ciphers as the package does', () => {
    const real = require.resolve('@noble/ciphers/aes');
    delete require.cache[real];
    const lazy = require(path.join(ROOT, 'scripts', 'lazyAes.cjs')) as Pick<Aes, 'cbc' | 'ecb'>;
    expect(require.cache[real]).toBeUndefined();
    const aes = require('@noble/ciphers/aes') as Aes;
    const key = Uint8Array.from({ length: 32 }, (_, i) => i * 7 + 1);
    const iv = Uint8Array.from({ length: 16 }, (_, i) => 255 - i);
    const text = new TextEncoder().encode('A handout with a password, in blocks of sixteen bytes and a tail.');
    const cbc = lazy.cbc(key, iv).encrypt(text);
    expect(cbc).toEqual(aes.cbc(key, iv).encrypt(text));
    expect(lazy.cbc(key, iv).decrypt(cbc)).toEqual(text);
    const ecb = lazy.ecb(key.subarray(0, 16)).encrypt(text);
    expect(ecb).toEqual(aes.ecb(key.subarray(0, 16)).encrypt(text));
    expect(cbc).not.toEqual(text.subarray(0, cbc.length));
  });
});
