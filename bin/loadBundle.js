// Loads the bundled command line (dist/bundle/handout.cjs, made by `npm run compile`) with V8's
// code cache for it when there is one (dist/bundle/handout.cache, made at the same time): the
// code the command runs is then read already compiled instead of being parsed and compiled on
// every start. A cache made by another Node version, or under other V8 flags, is refused by V8,
// and the bundle compiles as usual. Nothing here writes: scripts/codeCache.mjs makes the cache.
import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { isMainThread } from 'node:worker_threads';

/**
 * V8's interrupt budget, for a process that renders. A build is a short process: at V8's default
 * budget (a function is considered for optimisation after 66 KB of its bytecode has run) TurboFan
 * compiled some 540 functions on the other core during a 50-handout build, about 1.7 s of CPU, for
 * code the build then ran a few more times. Four and a half times the budget leaves the hottest
 * code optimised and the rest in V8's baseline tiers: 50 handouts 2.75 → 2.35 s wall and 4.35 →
 * 3.17 s of CPU, one edit among 200 1.29 → 1.15 s, one tiny handout 0.54 → 0.51 s (medians of
 * alternate runs, Node 20); a warm process (`handout dev`) still optimises what it runs often, and
 * one edit in it took the same time either way. A build where nothing changed runs under the
 * default budget, at which it validates the build cache faster (290 ms against 310).
 *
 * V8 takes a code cache only under the flags it was made with, in every thread: the bundle is
 * compiled, and its cache made (scripts/codeCache.mjs), under the rendering flags. The main thread
 * then goes back to the default budget (keeping the heap's bound, below) until the build reaches
 * something to render (bin/handout.js hands the build setRenderingV8Flags); a render worker starts
 * after that, so it compiles from the same cache. Set on Node 20's V8 (11.3) only, where it was measured: another V8 keeps its defaults (an
 * unknown flag prints an error), and its cache is made and read under them.
 */
const MEASURED_V8 = process.versions.v8.startsWith('11.3.');
/**
 * Under these flags the old generation may grow only 1.3 times what a full collection left alive (V8's
 * own factor when it saves memory) rather than up to 4 times: a long build keeps a little of each
 * document (its report and cache entry), and at V8's factor the heap of each thread grew with it,
 * so 1000 handouts peaked at 1.5 times the memory of 200 (556 against 369 MB, with a worker); at
 * 1.3 they take 362 against 332 MB, and a warm handout costs the same time (alternate runs), as
 * does a build where nothing changed. V8 reads this flag at each full collection, so, unlike the
 * young generation's size, it can be set once Node has started. Kept for the process's life.
 */
export const RENDERING_V8_FLAGS = '--interrupt-budget=300000 --heap-growing-percent=30';
/** V8 11.3's own default budget (`node --v8-options`); the heap's bound above is kept. */
const DEFAULT_BUDGET_V8_FLAGS = '--interrupt-budget=67584';

/** Flags are the process's: only the main thread sets them; a worker finds them set. */
function setV8Flags(flags) {
  if (MEASURED_V8 && isMainThread) v8.setFlagsFromString(flags);
}

export function setRenderingV8Flags() {
  setV8Flags(RENDERING_V8_FLAGS);
}

/** A regular file's bytes, or undefined (a FIFO or a device is never read). */
function regularFile(file) {
  let fd;
  try {
    fd = openSync(file, 'r');
    return fstatSync(fd).isFile() ? readFileSync(fd) : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The bundle's text. It is ASCII (scripts/asciiSource.mjs), so it is read as Latin-1, a copy, and
 * V8 keeps it one byte a character; decoding it as UTF-8 made a string of two bytes a character
 * (about 20 ms of every start). A bundle that is not ASCII is decoded as UTF-8, as before.
 */
function bundleText(bundle) {
  const bytes = readFileSync(bundle);
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

/** The bundle as a script, compiled from `cachedData` when V8 takes it (see script.cachedDataRejected). */
export function compileBundle(bundle, cachedData) {
  setRenderingV8Flags(); // the flags the cache was made under
  // import() of a package the bundle leaves outside goes to Node's own loader, as from any module.
  return new vm.Script(Module.wrap(bundleText(bundle)), { filename: bundle, cachedData, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
}

/** Runs the bundle as CommonJS; returns its script, from which a code cache can be made. */
export function loadBundle(bundle, cacheFile) {
  const script = compileBundle(bundle, cacheFile ? regularFile(cacheFile) : undefined);
  setV8Flags(DEFAULT_BUDGET_V8_FLAGS); // until the build has something to render
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  return script;
}
