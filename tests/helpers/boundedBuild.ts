/**
 * One source through the whole pipeline (read → PDF) in a worker thread with a time limit and a
 * memory limit: a hang or runaway memory is a failed case, not a stuck test run.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ROOT } from './build.js';

export type Outcome =
  | { outcome: 'built'; pages: number; htmlBytes: number; pdfHead: string }
  | { outcome: 'refused'; message: string }
  | { outcome: 'crashed'; message: string }
  | { outcome: 'timed out'; message: string }
  | { outcome: 'out of memory'; message: string };

export const COMPILED = existsSync(path.join(ROOT, 'dist/document/buildDocument.js'));

/** Heap for one build: far above what a real handout needs, far below the machine. */
const HEAP_MB = 1024;

export class BoundedBuilder {
  private worker?: Worker;
  private next = 0;

  private start(): Worker {
    // Stack as on the command line (Node's default, about 1 MB), so a deep recursion fails here as it would there.
    return new Worker(path.join(ROOT, 'tests/helpers/buildWorker.mjs'), { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, stackSizeMb: 1 } });
  }

  build(file: string, timeoutMs: number): Promise<Outcome> {
    const worker = (this.worker ??= this.start());
    const id = this.next++;
    return new Promise((resolve) => {
      const done = (o: Outcome, restart = false) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        if (restart) {
          void worker.terminate();
          this.worker = undefined;
        }
        resolve(o);
      };
      const onMessage = (m: Outcome & { id: number }) => {
        if (m.id === id) done(m);
      };
      const onError = (e: Error & { code?: string }) =>
        done({ outcome: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out of memory' : 'crashed', message: `${e.code ?? ''} ${e.message}` }, true);
      const timer = setTimeout(() => done({ outcome: 'timed out', message: `no result after ${timeoutMs} ms` }, true), timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ id, file });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}
