// @ts-check
/**
 * `npm run compile`, after tsc: each hyphenation dictionary of the `hyphen` package as JSON
 * (dist/hyphenation/<code>.json; read by src/render/pdf/hyphenate.ts). The package's pattern
 * modules are array literals that Node compiles at every start; the same data parses from JSON in
 * a tenth of the time. A module that does not load (the package's cu.js has a syntax error) is
 * left out, and hyphenate.ts tries the module itself, as before.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { unit } from './asciiSource.mjs';

const require = createRequire(import.meta.url);
const from = path.join(path.dirname(require.resolve('hyphen/package.json')), 'patterns');
const to = new URL('../dist/hyphenation/', import.meta.url);
rmSync(to, { recursive: true, force: true });
mkdirSync(to, { recursive: true });
for (const file of readdirSync(from).filter((f) => f.endsWith('.js'))) {
  let patterns;
  try {
    patterns = require(path.join(from, file));
  } catch {
    continue;
  }
  // \u escapes: the file is ASCII, read as Latin-1 without decoding UTF-8.
  const json = JSON.stringify(patterns).replace(/[\u0080-\uffff]/g, (c) => unit(c.charCodeAt(0)));
  if (!isDeepStrictEqual(JSON.parse(json), patterns)) throw new Error(`hyphen/patterns/${file}: its data does not survive JSON; read hyphenate.ts`);
  writeFileSync(new URL(file.replace(/\.js$/, '.json'), to), json);
}
