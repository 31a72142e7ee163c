// @ts-check
/**
 * franc-min, as the bundle gives it to src/read/detectLanguage.ts (see scripts/bundle.mjs): the
 * package is loaded on the first text asked about, not when the bundle loads. It builds a trigram
 * table for each of its 82 languages as it loads, about 17 ms of every process, and is asked only
 * about a source that names no language and has a couple of sentences or more. The model is the
 * package's own.
 */
/** @type {typeof import('franc-min') | undefined} */
let franc;
const load = () => (franc ??= require('franc-min'));

/** @type {typeof import('franc-min').francAll} */
exports.francAll = (...args) => load().francAll(...args);
