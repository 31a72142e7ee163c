// @ts-check
/**
 * `npm run compile`, after tsc: the CMU pronouncing dictionary's syllable counts as the compact
 * table the check reads (dist/syllables.txt; see syllableTable in src/check/counting.ts).
 */
import { writeFileSync } from 'node:fs';
import { dictionary } from 'cmu-pronouncing-dictionary';
import { syllableTable } from '../dist/check/counting.js';

writeFileSync(new URL('../dist/syllables.txt', import.meta.url), syllableTable(dictionary));
