/**
 * The bundle gives two packages to their importers through wrappers that load each on its first
 * call (scripts/bundle.mjs): @noble/ciphers' AES to pdfkit (scripts/lazyAes.cjs) and franc-min to
 * detectLanguage (scripts/lazyFranc.cjs). Held here: loading a wrapper loads nothing of its
 * package, and what it passes on answers as the package's own does. That the bundle goes through
 * them is held by the compile, which stops when an importer takes what a wrapper lacks.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build.js';

const require = createRequire(path.join(ROOT, 'package.json'));
type Aes = typeof import('@noble/ciphers/aes');
type Franc = typeof import('franc-min');

/** The wrapper, loaded with its package out of the module cache; and whether loading it loaded the package. */
function wrapper<T>(file: string, pkg: string): { lazy: T; loadedAtOnce: boolean } {
  const real = require.resolve(pkg);
  delete require.cache[real];
  delete require.cache[require.resolve(path.join(ROOT, 'scripts', file))];
  const lazy = require(path.join(ROOT, 'scripts', file)) as T;
  return { lazy, loadedAtOnce: require.cache[real] !== undefined };
}

describe('packages loaded on first call', () => {
  it('AES for pdfkit: loaded when a cipher is asked for, and then ciphers as the package does', () => {
    const { lazy, loadedAtOnce } = wrapper<Pick<Aes, 'cbc' | 'ecb'>>('lazyAes.cjs', '@noble/ciphers/aes');
    expect(loadedAtOnce).toBe(false);
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

  // The wrapper requires an ES module, which Node 20 does from 20.19 (the bundle resolves it at compile time on any).
  const requiresEsm = (process.features as { require_module?: boolean }).require_module === true;
  it.skipIf(!requiresEsm)('franc-min for detectLanguage: loaded on the first text asked about, and then scores as the package does (needs require() of ES modules, Node ≥ 20.19)', () => {
    const { lazy, loadedAtOnce } = wrapper<Pick<Franc, 'francAll'>>('lazyFranc.cjs', 'franc-min');
    expect(loadedAtOnce).toBe(false);
    const franc = require('franc-min') as Franc;
    const texts = [
      'Drink a glass of water with every meal, and more when the weather is hot or you are ill.',
      'Beba un vaso de agua con cada comida, y más cuando hace calor o cuando está enfermo.',
      'Buvez un verre d’eau à chaque repas, et davantage quand il fait chaud ou si vous êtes malade.',
    ];
    for (const text of texts) expect(lazy.francAll(text, { only: ['eng', 'spa', 'fra'] })).toEqual(franc.francAll(text, { only: ['eng', 'spa', 'fra'] }));
    expect(lazy.francAll(texts[1])[0][0]).toBe('spa');
  });
});
