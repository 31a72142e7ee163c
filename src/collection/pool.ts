/**
 * Renders documents on this thread and on worker threads side by side: `--jobs 2` is this thread
 * and one worker. This thread starts rendering at once, with the stages it has already loaded,
 * while each worker loads its own fonts and templates; so a worker costs the build no wall time
 * while it starts, and a small build ends before a worker would have paid for itself.
 * Jobs go to whichever lane is free; each worker holds a second job queued, so it never waits
 * while this thread is busy with a document. Results come back as plain data.
 */
import { Worker } from 'node:worker_threads';
import type { DocumentOptions } from '../document/buildDocument.js';
import type { RenderedDocument } from '../document/renderDocument.js';

const YOUNG_GENERATION_MB = 96;

/**
 * The file a worker thread runs. The command line runs from the bundle, whose loader (bin/
 * handout.js) names itself here, so a worker loads the bundle as the command did; the library
 * run from tsc's output starts worker.js beside this file.
 */
export const WORKER_FILE = Symbol.for('handout.workerFile');

function workerFile(): URL {
  return (globalThis as { [WORKER_FILE]?: URL })[WORKER_FILE] ?? new URL('./worker.js', import.meta.url);
}
/** Jobs a worker holds at once: the one it renders and the next. */
const WORKER_DEPTH = 2;

interface Job {
  id: number;
  sourcePath: string;
  bytes?: Uint8Array;
  options: DocumentOptions;
}

interface Pending {
  resolve(r: RenderedDocument): void;
  reject(e: Error): void;
}

/** Renders one job on this thread. */
export type RenderHere = (sourcePath: string, bytes: Uint8Array | undefined, options: DocumentOptions) => Promise<RenderedDocument>;

export class RenderPool {
  private workers: Worker[] = [];
  /** The jobs each worker holds, oldest first. */
  private held = new Map<Worker, number[]>();
  private queue: Job[] = [];
  private pending = new Map<number, Pending>();
  private hereBusy = false;
  private nextId = 0;

  /** `workers` threads besides this one, which renders with `renderHere`. */
  constructor(workers: number, templateDirs: string[], private renderHere: RenderHere) {
    for (let i = 0; i < workers; i++) {
      // A larger young generation: rendering makes many short-lived objects, and a worker that
      // collects them less often spends less of its core on the collector.
      const worker = new Worker(workerFile(), { workerData: { templateDirs }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      worker.on('message', (msg: { id: number; result: RenderedDocument }) => {
        this.settle(msg.id, (p) => p.resolve(msg.result));
        this.held.get(worker)!.shift();
        this.dispatch();
      });
      worker.on('error', (e) => {
        // A worker that dies fails the documents it held, not the build; the others go elsewhere.
        for (const id of this.held.get(worker) ?? []) this.settle(id, (p) => p.reject(e as Error));
        this.held.delete(worker);
        this.workers = this.workers.filter((w) => w !== worker);
        this.dispatch();
      });
      this.workers.push(worker);
      this.held.set(worker, []);
    }
  }

  /** `bytes`: the source as the build read and hashed it; whichever thread renders it renders exactly these. */
  render(sourcePath: string, bytes: Uint8Array | undefined, options: DocumentOptions): Promise<RenderedDocument> {
    const id = this.nextId++;
    const promise = new Promise<RenderedDocument>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.queue.push({ id, sourcePath, bytes, options });
    this.dispatch();
    return promise;
  }

  private settle(id: number, how: (p: Pending) => void): void {
    const p = this.pending.get(id);
    this.pending.delete(id);
    if (p) how(p);
  }

  private dispatch(): void {
    // This thread first: its stages are loaded, while a new worker is still starting.
    const here = !this.hereBusy ? this.queue.shift() : undefined;
    for (const worker of this.workers) {
      const held = this.held.get(worker)!;
      while (held.length < WORKER_DEPTH && this.queue.length) {
        const job = this.queue.shift()!;
        held.push(job.id);
        worker.postMessage(job);
      }
    }
    if (here) {
      this.hereBusy = true;
      const job = here;
      // On the next turn, so the messages just posted reach the workers before this thread is busy.
      setImmediate(() => {
        this.renderHere(job.sourcePath, job.bytes, job.options).then(
          (r) => this.settle(job.id, (p) => p.resolve(r)),
          (e: Error) => this.settle(job.id, (p) => p.reject(e)),
        ).finally(() => {
          this.hereBusy = false;
          this.dispatch();
        });
      });
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
