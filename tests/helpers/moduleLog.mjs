// @ts-check
/**
 * `node --import ./tests/helpers/moduleLog.mjs …`: writes the URL of every module the process loads
 * (ES modules through a load hook, CommonJS through require's loader) to $MODULE_LOG, one a line.
 */
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const log = process.env.MODULE_LOG;
if (log) {
  register(new URL('./moduleLogHooks.mjs', import.meta.url));
  const Module = createRequire(import.meta.url)('node:module');
  for (const ext of ['.js', '.json']) {
    const load = Module._extensions[ext];
    Module._extensions[ext] = function (/** @type {unknown} */ module, /** @type {string} */ filename) {
      appendFileSync(log, `file://${filename}\n`);
      return load.call(this, module, filename);
    };
  }
}
