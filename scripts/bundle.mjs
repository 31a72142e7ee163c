// @ts-check
/**
 * `npm run compile`, after tsc: the command line and the render worker as one bundle
 * (dist/bundle/handout.cjs), so `handout` starts by reading one file instead of hundreds of
 * modules. A dynamic import() (a stage loaded on first use, the packet) is evaluated only when
 * reached. Bundled from tsc's output, so what runs is what was type-checked.
 *
 * The bundle sits two folders below the package, as dist/<stage>/ does, so paths the code finds
 * beside itself (../../templates) are the same from either.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'bundle');

/**
 * Packages left outside the bundle, loaded from node_modules at run time as before, because they
 * read files that lie beside their own code (a bundle moves the code away from them):
 */
const EXTERNAL = [
  'pdfkit', // its standard-font metrics (data/*.afm) and sRGB colour profile, by __dirname / import.meta.url
  'subset-font', // harfbuzzjs's WebAssembly subsetter, found with require.resolve
  'harfbuzzjs', // its .wasm file, beside its code
  // pdfkit's own dependencies that our code uses too: outside as well, so the process holds one
  // copy of each (one set of parsed fonts, one line-break table), not a bundled one and pdfkit's.
  'fontkit',
  'linebreak',
  // Read only when dist/syllables.txt is missing (see src/check/counting.ts): 4 MB the bundle need not carry.
  'cmu-pronouncing-dictionary',
];
/**
 * css-tree (which specificity uses) reads its syntax data (mdn-data JSON) and its package.json
 * through createRequire, which a bundle cannot follow: the bundle takes the single-file ES module
 * build the package ships of the same version, with that data inside, instead of 112 files.
 */
const ALIAS = { 'css-tree': 'css-tree/dist/csstree.esm' };
// Loaded through createRequire in our own code, so never bundled either: hyphen (one pattern file a
// language, found beside its package.json) and wink-nlp with its English model (src/outline/english.ts).

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { handout: 'dist/entry.js' },
  outdir,
  bundle: true,
  // One CommonJS file rather than ES module chunks: bin/handout.js loads it through vm.Script with
  // V8's code cache (scripts/codeCache.mjs), which Node 20 offers for scripts only. What the code
  // loads with import() stays lazy: esbuild wraps each such module in a function run on first use.
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  alias: ALIAS,
  // Every module's import.meta.url is the bundle's: the paths the code finds beside itself
  // (../../templates) hold from dist/bundle/ as from dist/<stage>/.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'none',
  logLevel: 'warning',
});
