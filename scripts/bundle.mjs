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
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { asciiSource } from './asciiSource.mjs';
import { moduleDigest } from '../dist/collection/cache.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'bundle');

/**
 * Packages left outside the bundle, loaded from node_modules at run time:
 */
const EXTERNAL = [
  'subset-font', // harfbuzzjs's WebAssembly subsetter (a .wasm file beside it), found with require.resolve
  // Read only when dist/syllables.txt is missing (see src/check/counting.ts): 4 MB the bundle need not carry.
  'cmu-pronouncing-dictionary',
];
/**
 * Files a bundled package reads beside its own code, copied beside the bundle, where that code now
 * looks for them (every module's import.meta.url is the bundle's): pdfkit's sRGB colour profile,
 * for archival PDFs. pdfkit's standard-font metrics are not: every document embeds its own fonts,
 * and draw.ts opens each PDF with no standard font. pdfkit, fontkit and linebreak are inside, so
 * their code is in the code cache too (a tiny build measured 0.38 → 0.365 s wall, 0.54 → 0.51 s CPU,
 * eight interleaved runs each), and the process still holds one copy of each.
 */
const BESIDE = [['pdfkit/js/data/sRGB_IEC61966_2_1.icc', 'data/sRGB_IEC61966_2_1.icc']];
/**
 * css-tree, which only the specificity package imports, is its selector parser and convertor
 * (scripts/cssTreeSelectors.mjs): the main entry builds the whole CSS syntax from mdn-data as it
 * loads (and reads that data and its package.json through createRequire, which a bundle cannot
 * follow). Another package importing css-tree stops the bundle, rather than getting half of it.
 */
const CSS_TREE_SELECTORS = path.join(root, 'scripts', 'cssTreeSelectors.mjs');
/** @type {import('esbuild').Plugin} */
const selectorOnlyCssTree = {
  name: 'css-tree as its selector parser, for specificity',
  setup(bundler) {
    bundler.onResolve({ filter: /^css-tree$/ }, (args) => {
      if (/[\\/]node_modules[\\/]specificity[\\/]/.test(args.importer)) return { path: CSS_TREE_SELECTORS };
      return { errors: [{ text: `${args.importer} imports css-tree, which the bundle gives only to specificity as its selector parser: see scripts/bundle.mjs` }] };
    });
  },
};
// Loaded through createRequire in our own code, so never bundled either: hyphen (its hyphenator, and
// a language's pattern module when dist/hyphenation/ has no JSON of it: src/render/pdf/hyphenate.ts)
// and wink-nlp's English model (src/outline/english.ts), whose files read each other; wink-nlp's
// own code is in the bundle.

/**
 * Statements of packages the bundle leaves out or writes otherwise, each measured; what the code
 * computes stays the package's own. If an update changes a statement, compiling stops here (found
 * not exactly once, or its file never bundled) rather than shipping the bundle unpatched or patched
 * wrongly.
 */
const SOURCE_PATCHES = [
  {
    // unist-util-visit-parents (through unist-util-visit: nlcst-search in the passive-voice and
    // simpler-word checks, GFM's autolinks) gives each node's visit function a name for stack
    // traces ("node (WordNode)") with Object.defineProperty, once for every node it walks. That
    // debugging aid cost half of the two retext checks' time (168 → 80 ms of CPU for the bench's 50
    // handouts, the same trees and messages), so the bundle leaves it out.
    what: 'unist-util-visit-parents without per-node names',
    file: /[\\/]unist-util-visit-parents[\\/]lib[\\/]index\.js$/,
    find: /\n {4}if \(typeof value\.type === 'string'\) \{\n {6}const name =[\s\S]*?Object\.defineProperty\(visit, 'name', \{[\s\S]*?\n {6}\}\)\n {4}\}\n/,
    replace: '\n',
  },
  {
    // pdfkit turns every string it writes (each object's dictionary, each drawing operator) into
    // bytes a character at a time in JavaScript: Node's Latin-1 encoder gives the same bytes (the
    // low byte of each UTF-16 unit) natively. About 0.5 ms of a handout (a CPU profile of 200).
    what: "pdfkit's strings to bytes by Node's Latin-1 encoder",
    file: /[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/,
    find: /\nconst fromBinaryString = str => \{\n {2}const out = new Uint8Array\(str\.length\);\n {2}for \(let i = 0; i < str\.length; i\+\+\) \{\n {4}out\[i\] = str\.charCodeAt\(i\) & 0xff;\n {2}\}\n {2}return out;\n\};\n/,
    replace: "\nconst fromBinaryString = str => Buffer.from(str, 'latin1');\n",
  },
];
const patched = new Set();
/** @type {import('esbuild').Plugin} */
const sourcePatches = {
  name: 'source patches',
  setup(bundler) {
    // One loader a file, making every patch of that file (esbuild takes the first loader that answers).
    const files = [...new Set(SOURCE_PATCHES.map((p) => p.file.source))].map((source) => SOURCE_PATCHES.find((p) => p.file.source === source).file);
    for (const file of files) {
      bundler.onLoad({ filter: file }, (args) => {
        let source = readFileSync(args.path, 'utf8');
        for (const patch of SOURCE_PATCHES.filter((p) => p.file.source === file.source)) {
          const match = patch.find.exec(source);
          if (!match || patch.find.exec(source.slice(match.index + match[0].length))) {
            return { errors: [{ text: `${args.path}: the statement for "${patch.what}" was not found once; read the package's new code and update scripts/bundle.mjs` }] };
          }
          patched.add(patch);
          source = source.replace(patch.find, () => patch.replace); // as written: no $& patterns
        }
        return { contents: source, loader: 'js' };
      });
    }
  },
};

/**
 * unicode-trie, for every package that imports it, is the package behind a wrapper that
 * decompresses each trie on its first lookup (scripts/lazyUnicodeTrie.cjs): fontkit's layout tries
 * are never read now that HarfBuzz shapes, and decompressing them cost every start 35–50 ms.
 */
const LAZY_TRIE = path.join(root, 'scripts', 'lazyUnicodeTrie.cjs');
/** @type {import('esbuild').Plugin} */
const lazyTries = {
  name: 'unicode-trie decompressed on first lookup',
  setup(bundler) {
    bundler.onResolve({ filter: /^unicode-trie$/ }, (args) => (args.importer === LAZY_TRIE ? undefined : { path: LAZY_TRIE }));
  },
};

/**
 * nlcst-search, for retext-passive and retext-simplify, is scripts/nlcstSearch.mjs: the same
 * matches in the same order, without rebuilding its phrase index at every call or making a
 * function and an array for every node it walks.
 */
const NLCST_SEARCH = path.join(root, 'scripts', 'nlcstSearch.mjs');
/** @type {import('esbuild').Plugin} */
const fasterNlcstSearch = {
  name: 'nlcst-search without its per-call index and per-node walk',
  setup(bundler) {
    bundler.onResolve({ filter: /^nlcst-search$/ }, () => ({ path: NLCST_SEARCH }));
  },
};

/**
 * Packages loaded on their first call rather than when the bundle loads, each through a wrapper
 * that passes on the functions its one importer takes: both build tables as they load that most
 * processes never read. @noble/ciphers' AES (scripts/lazyAes.cjs), for pdfkit, which uses it only
 * to encrypt a PDF with a password, which handout never asks for (about 7 ms); franc-min
 * (scripts/lazyFranc.cjs), asked only about a source that names no language (about 17 ms). esbuild
 * bundles a package a wrapper require()s as a module initialised on that first require. Another
 * importer, or one taking a name the wrapper does not pass on, stops the bundle rather than get
 * part of the package.
 */
const FIRST_CALL = [
  { pkg: /^@noble\/ciphers\/aes(\.js)?$/, wrapper: 'lazyAes.cjs', importer: /[\\/]node_modules[\\/]pdfkit[\\/]/ },
  // `within`: paths into the package, whose modules, imported directly, would escape the wrapper.
  { pkg: /^franc-min$/, within: /^franc-min\//, wrapper: 'lazyFranc.cjs', importer: /[\\/]dist[\\/]read[\\/]detectLanguage\.js$/ },
];
const wrapperRequire = createRequire(import.meta.url);
/** @type {import('esbuild').Plugin} */
const loadedOnFirstCall = {
  name: 'packages loaded on first call',
  setup(bundler) {
    for (const { pkg, within, wrapper, importer } of FIRST_CALL) {
      const file = path.join(root, 'scripts', wrapper);
      const passed = Object.keys(wrapperRequire(file));
      if (within) {
        bundler.onResolve({ filter: within }, (args) => ({ errors: [{ text: `${args.importer} imports ${args.path}, a module of a package the bundle loads on first call through scripts/${wrapper}: import the package itself, or update scripts/bundle.mjs` }] }));
      }
      bundler.onResolve({ filter: pkg }, (args) => {
        if (args.importer === file) return undefined;
        if (!importer.test(args.importer)) {
          return { errors: [{ text: `${args.importer} imports ${args.path}, which the bundle gives only to ${importer}, loaded on first call: see scripts/bundle.mjs` }] };
        }
        // What the importer takes from the package: named imports (an ES module), or pkg.<name>( calls (CommonJS).
        const code = readFileSync(args.importer, 'utf8');
        const from = args.path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
        const imported = [...code.matchAll(new RegExp(`import\\s*\\{([^}]*)\\}\\s*from\\s*['"]${from}['"]`, 'g'))].flatMap((m) => m[1].split(',').map((n) => n.trim().split(/\s+as\s+/)[0]));
        const called = [...code.matchAll(new RegExp(`\\b${path.basename(args.path, '.js').replace(/\W/g, '_')}\\.(\\w+)\\(`, 'g'))].map((m) => m[1]);
        const names = new Set([...imported, ...called].filter(Boolean));
        // None found: the importer reaches the package some other way, which this cannot check.
        if (!names.size) return { errors: [{ text: `${args.importer} uses ${args.path} in a way scripts/bundle.mjs does not know: read its code and update scripts/${wrapper}` }] };
        const missing = [...names].filter((n) => !passed.includes(n));
        if (missing.length) return { errors: [{ text: `${args.importer} takes ${missing.join(', ')} from ${args.path}, which scripts/${wrapper} does not pass on: add it there` }] };
        return { path: file };
      });
    }
  },
};

/** Where the bundle's hash goes: as long as a SHA-256 in hexadecimal, and found nowhere else. */
const HASH_PLACEHOLDER = `handout-bundle-hash-${'0'.repeat(64 - 20)}`;

rmSync(outdir, { recursive: true, force: true });
for (const [from, to] of BESIDE) {
  mkdirSync(path.dirname(path.join(outdir, to)), { recursive: true });
  copyFileSync(path.join(root, 'node_modules', from), path.join(outdir, to));
}
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
  plugins: [sourcePatches, lazyTries, selectorOnlyCssTree, loadedOnFirstCall, fasterNlcstSearch],
  // Every module's import.meta.url is the bundle's: the paths the code finds beside itself
  // (../../templates) hold from dist/bundle/ as from dist/<stage>/.
  define: { 'import.meta.url': '__bundleUrl', __handoutBundleHash: JSON.stringify(HASH_PLACEHOLDER) },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'none',
  // Whitespace only (names stay, for stack traces and profiles): 7.6 → 4.9 MB to read and hash at
  // every start; one tiny handout 540 → 520 ms of CPU, medians of 15 alternate runs.
  minifyWhitespace: true,
  // Every non-ASCII character escaped (esbuild's default, said here because bin/loadBundle.js reads
  // an ASCII bundle faster); its regular expression literals are escaped below.
  charset: 'ascii',
  logLevel: 'warning',
});

const unpatched = SOURCE_PATCHES.filter((p) => !patched.has(p));
if (unpatched.length) throw new Error(`scripts/bundle.mjs: no bundled file for ${unpatched.map((p) => `"${p.what}"`).join(', ')}: read the packages' new layout and update SOURCE_PATCHES`);

const bundleFile = path.join(outdir, 'handout.cjs');
const ascii = asciiSource(readFileSync(bundleFile, 'utf8'));
// The bundle's hash, in the bundle (src/collection/cache.ts, toolHash): the hash of its text with
// the placeholder, put in the placeholder's place, so a build need not read and hash the code.
const placeholders = ascii.source.split(HASH_PLACEHOLDER).length - 1;
if (placeholders !== 1) throw new Error(`scripts/bundle.mjs: the bundle holds its hash's placeholder ${placeholders} times, not once`);
const bundleHash = createHash('sha256').update(ascii.source).digest('hex');
writeFileSync(bundleFile, ascii.source.replace(HASH_PLACEHOLDER, bundleHash));
// For tsc's output, run as a library: the hash, and the digest of the modules it was bundled from.
writeFileSync(path.join(outdir, 'handout.hash'), `${bundleHash}\n${moduleDigest(path.join(root, 'dist'))}`);
if (ascii.remaining.length) {
  console.warn(`scripts/bundle.mjs: the bundle keeps ${ascii.remaining.length} non-ASCII characters (at ${ascii.remaining.slice(0, 3).join(', ')}), so it is read as UTF-8, more slowly: see scripts/asciiSource.mjs`);
}
