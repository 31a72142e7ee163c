/**
 * What the bundle runs (see scripts/bundle.mjs): the command line on the main thread, a render
 * worker on a worker thread. One bundle for both, so a worker starts from the same compiled code
 * (and the same V8 code cache) as the command that started it.
 */
import { isMainThread } from 'node:worker_threads';

void (isMainThread ? import('./cli.js') : import('./collection/worker.js'));
