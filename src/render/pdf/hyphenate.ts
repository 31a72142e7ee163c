/**
 * Hyphenation dictionaries by language: Liang's TeX patterns from the `hyphen` package, chosen by
 * the document's BCP 47 `lang`. Used only for a word longer than the line: it is split at a
 * dictionary break point with a visible hyphen, rather than between arbitrary letters.
 * Patterns are loaded once per process per language.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { lookupTable } from '../../lookupTable.js';

/** A word → its pieces between allowed hyphenation points (one piece: no point). */
export type Hyphenator = (word: string) => string[];

const require = createRequire(import.meta.url);
const SOFT_HYPHEN = '\u00ad';
/** Languages whose dictionary goes by another name in `hyphen`. */
const DICTIONARY_ALIASES = lookupTable({ en: 'en-us', de: 'de-1996', el: 'el-monoton', mn: 'mn-cyrl', sr: 'sr-cyrl', sh: 'sh-latn' });
const cache = new Map<string, Hyphenator | undefined>();

/** Which `hyphen/<code>` dictionary a language tag uses: its own region's, else the language's. */
function dictionaryFor(lang: string): string | undefined {
  const tag = lang.toLowerCase();
  const base = tag.split('-')[0];
  const patterns = path.join(path.dirname(require.resolve('hyphen/package.json')), 'patterns');
  for (const code of [tag, DICTIONARY_ALIASES[tag], base, DICTIONARY_ALIASES[base]]) {
    if (code && existsSync(path.join(patterns, `${code}.js`))) return code;
  }
  return undefined;
}

/** The hyphenator for a language, or undefined when no dictionary is installed for it. */
export function hyphenatorFor(lang: string): Hyphenator | undefined {
  const code = dictionaryFor(lang);
  if (!code) return undefined;
  if (!cache.has(code)) {
    const { hyphenateSync } = require(`hyphen/${code}`) as { hyphenateSync: (t: string, o?: object) => string };
    cache.set(code, (word) => hyphenateSync(word, { hyphenChar: SOFT_HYPHEN }).split(SOFT_HYPHEN));
  }
  return cache.get(code);
}
