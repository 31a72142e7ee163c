// Loads the bundled command line (dist/bundle/handout.cjs, made by `npm run compile`) with V8's
// code cache for it when there is one (dist/bundle/handout.cache, made at the same time): the
// code the command runs is then read already compiled instead of being parsed and compiled on
// every start. A cache made by another Node version is refused by V8, and the bundle compiles as
// usual. Nothing here writes: scripts/codeCache.mjs makes the cache.
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

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

/** Runs the bundle as CommonJS; returns its script, from which a code cache can be made. */
export function loadBundle(bundle, cacheFile) {
  const source = readFileSync(bundle, 'utf8');
  const cachedData = cacheFile ? regularFile(cacheFile) : undefined;
  // import() of a package the bundle leaves outside goes to Node's own loader, as from any module.
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  return script;
}
