/**
 * Hyphenation dictionaries by language: Liang's TeX patterns from the `hyphen` package, chosen by
 * the document's BCP 47 `lang`. Used for a word longer than the line: it is split at a dictionary
 * break point with a visible hyphen, rather than between arbitrary letters; and for a table's
 * narrowest columns. Patterns are loaded once per process per language.
 *
 * Each language's patterns are read as JSON (dist/hyphenation/<code>.json, written by `npm run
 * compile` from the package's pattern module, scripts/hyphenationPatterns.mjs): Node compiled the
 * module's 100 KB of array literals at every start, outside the bundle's code cache (English: about
 * 12 ms against 2). Running from source without them, the package's module is loaded as before. The
 * hyphenator is the package's own, made as its language entry makes it.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRegularFileIfAny } from '../../read/regularFile.js';
import { lookupTable } from '../../lookupTable.js';
import { HYPHENATION_PATTERNS } from '../compiledFiles.js';

/** A word → its pieces between allowed hyphenation points (one piece: no point). */
export type Hyphenator = (word: string) => string[];

const require = createRequire(import.meta.url);
const SOFT_HYPHEN = '\u00ad';
/** Languages whose dictionary goes by another name in `hyphen`. */
const DICTIONARY_ALIASES = lookupTable({ en: 'en-us', de: 'de-1996', el: 'el-monoton', mn: 'mn-cyrl', sr: 'sr-cyrl', sh: 'sh-latn' });
const cache = new Map<string, Hyphenator | undefined>();

/** The package's hyphenator maker and a language's patterns (levels, trie, exceptions), as its entry passes them. */
type HyphenatorMaker = (patterns: unknown) => (text: string, options?: object) => string;

function patternsFor(code: string): unknown {
  const json = readRegularFileIfAny(fileURLToPath(new URL(`${code}.json`, HYPHENATION_PATTERNS)));
  return json ? JSON.parse(json.toString('latin1')) : require(`hyphen/patterns/${code}.js`);
}

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
    // As hyphen/<code>.js makes its hyphenateSync: the package's defaults, the soft hyphen given per call.
    const hyphenateSync = (require('hyphen/hyphen.js') as HyphenatorMaker)(patternsFor(code));
    cache.set(code, (word) => hyphenateSync(word, { hyphenChar: SOFT_HYPHEN }).split(SOFT_HYPHEN));
  }
  return cache.get(code);
}
