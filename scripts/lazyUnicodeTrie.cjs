// @ts-check
/**
 * unicode-trie, as the bundle gives it to fontkit, unicode-properties and linebreak (see
 * scripts/bundle.mjs): a trie is decompressed on its first lookup, not when the module that holds
 * it loads. fontkit builds four at load, for its own text layout (script detection, Arabic, Indic
 * and USE shaping); HarfBuzz shapes handout's text (src/render/pdf/harfbuzz.ts), so those are never
 * read, and decompressing them cost every process about 35–50 ms. Lookups are the package's own.
 */
const UnicodeTrie = require('unicode-trie');

class LazyUnicodeTrie {
  /** @param {Uint8Array} data the compressed trie, as unicode-trie takes it */
  constructor(data) {
    /** @type {Uint8Array | undefined} */
    this.compressed = data;
    /** @type {InstanceType<typeof UnicodeTrie> | undefined} */
    this.trie = undefined;
  }

  /** @param {number} codePoint */
  get(codePoint) {
    this.trie ??= new UnicodeTrie(this.compressed);
    this.compressed = undefined;
    return this.trie.get(codePoint);
  }
}

module.exports = LazyUnicodeTrie;
