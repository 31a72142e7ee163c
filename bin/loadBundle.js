// Loads the bundled command line (dist/bundle/handout.cjs, made by `npm run compile`) with V8's
// code cache for it when there is one (dist/bundle/handout.cache, made at the same time): the
// code the command runs is then read already compiled instead of being parsed and compiled on
// every start. A cache made by another Node version, or under other V8 flags, is refused by V8,
// and the bundle compiles as usual; the flags a render sets come after (setRenderingV8Flags). Nothing here writes: scripts/codeCache.mjs makes the cache.
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { isMainThread } from 'node:worker_threads';

/**
 * V8 settings for a process that renders, set by the build once it knows it has documents or the
 * summary to render (bin/handout.js hands it this function). A build is a short process: at V8's
 * default interrupt budget (66 KB of bytecode run) a function is soon optimised by TurboFan on the
 * other core, and a build of 50 handouts spent about 1.7 s of CPU compiling code it then ran a few
 * more times. Four and a half times the budget leaves the hottest code optimised and the rest to
 * the baseline tiers: 50 handouts 2.99 → 2.64 s wall and 4.74 → 3.58 s CPU, one edit among 200
 * 1.23 → 1.00 s, one tiny handout 0.54 → 0.50 s (medians of alternate runs on Node 20); a warm
 * process (`handout dev`) still optimises all it runs often. A build where nothing changed keeps
 * the default: it validates the build cache, and there the budget cost 20 ms of 290.
 * Set after the bundle has compiled: V8 takes a code cache only under the flags it was made with,
 * and scripts/codeCache.mjs makes it under the defaults. The flag is V8 11's (Node 20); another V8
 * keeps its defaults until measured (an unknown flag prints an error).
 */
export const RENDERING_V8_FLAGS = '--interrupt-budget=300000';

export function setRenderingV8Flags() {
  // Flags are the process's: a worker thread finds them set by the build that started it.
  if (isMainThread && process.versions.v8.startsWith('11.')) v8.setFlagsFromString(RENDERING_V8_FLAGS);
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

/** The bundle as a script, compiled from `cachedData` when V8 takes it (see script.cachedDataRejected). */
export function compileBundle(bundle, cachedData) {
  // import() of a package the bundle leaves outside goes to Node's own loader, as from any module.
  return new vm.Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
}

/** Runs the bundle as CommonJS; returns its script, from which a code cache can be made. */
export function loadBundle(bundle, cacheFile) {
  const script = compileBundle(bundle, cacheFile ? regularFile(cacheFile) : undefined);
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  return script;
}
