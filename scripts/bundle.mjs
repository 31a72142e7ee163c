// @ts-check
/**
 * `npm run compile`, after tsc: the command line and the render worker as one ESM bundle each
 * (dist/bundle/), sharing chunks, so `handout` starts by reading a few files instead of hundreds of
 * modules. A dynamic import() (a stage loaded on first use, the packet) stays a chunk of its own,
 * loaded only when reached. Bundled from tsc's output, so what runs is what was type-checked.
 *
 * The bundle sits two folders below the package, as dist/<stage>/ does, so paths the code finds
 * beside itself (../../templates) are the same from either.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

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
];
/**
 * css-tree (which specificity uses) reads its syntax data (mdn-data JSON) and its package.json
 * through createRequire, which a bundle cannot follow: the bundle takes the single-file ES module
 * build the package ships of the same version, with that data inside, instead of 112 files.
 */
const ALIAS = { 'css-tree': 'css-tree/dist/csstree.esm' };
// Loaded through createRequire in our own code, so never bundled either: hyphen (one pattern file a
// language, found beside its package.json) and wink-nlp with its English model (src/outline/english.ts).

/**
 * Packages that are one large object of data written as JavaScript: shipped as JSON.parse of a
 * string instead, which V8 reads about a third faster than the same object as code (it parses JSON
 * without compiling it). Measured on the CMU pronouncing dictionary (4.6 MB, 135,000 words): its
 * chunk loads in about 95 ms instead of 135.
 */
const DATA_MODULES = ['cmu-pronouncing-dictionary'];

/** @type {import('esbuild').Plugin} */
const dataAsJson = {
  name: 'data-as-json',
  setup(build) {
    const filter = new RegExp(`/node_modules/(${DATA_MODULES.join('|')})/`);
    build.onLoad({ filter }, async (args) => {
      const exports = await import(pathToFileURL(args.path).href);
      const lines = Object.entries(exports).map(([name, value]) => {
        const json = JSON.stringify(value);
        if (!isDeepStrictEqual(JSON.parse(json), value)) throw new Error(`${args.path}: export ${name} is not plain data`);
        return `export const ${name} = JSON.parse(${JSON.stringify(json)});`;
      });
      return { contents: lines.join('\n'), loader: 'js' };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'dist/cli.js', worker: 'dist/collection/worker.js' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Chunks beside the entries: the pool starts `./worker.js` relative to its own chunk.
  chunkNames: '[name]-[hash]',
  external: EXTERNAL,
  alias: ALIAS,
  // CommonJS packages inside an ES module bundle still call require() for Node's own modules.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  plugins: [dataAsJson],
  legalComments: 'none',
  logLevel: 'warning',
});
