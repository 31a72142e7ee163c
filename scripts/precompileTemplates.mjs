// @ts-check
/**
 * `npm run compile`, after tsc: the built-in templates and partials compiled ahead of time
 * (dist/templates.json), by the hash of each file's text, with the warnings each raises. A process
 * then starts without parsing and compiling them (see precompiledTemplate in src/fill/templates.ts);
 * a template whose text differs is compiled as before.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { hashBytes } from '../dist/hash.js';
import { COMPILE_OPTIONS, unescapedContent } from '../dist/fill/templates.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const folders = [path.join(root, 'templates'), path.join(root, 'templates', 'partials')];
/** @type {Record<string, { spec: string, warnings: { line?: number, message: string }[] }>} */
const templates = {};
for (const folder of folders) {
  for (const name of readdirSync(folder).filter((f) => f.endsWith('.hbs')).sort()) {
    const text = readFileSync(path.join(folder, name), 'utf8');
    const warnings = unescapedContent(Handlebars.parse(text), '').map(({ line, message }) => ({ line, message }));
    templates[hashBytes(text)] = { spec: String(Handlebars.precompile(text, COMPILE_OPTIONS)), warnings };
  }
}
writeFileSync(path.join(root, 'dist', 'templates.json'), JSON.stringify({ handlebars: Handlebars.VERSION, templates }));
