/**
 * Renders documents on worker threads, one per core, each with its own parsed fonts and templates.
 * Jobs go to whichever worker is free; results come back as plain data.
 */
import { Worker } from 'node:worker_threads';
import type { DocumentOptions } from './buildDocument.js';
import type { RenderedDocument } from './renderDocument.js';

interface Pending {
  resolve(r: RenderedDocument): void;
  reject(e: Error): void;
}

export class RenderPool {
  private workers: Worker[] = [];
  private idle: Worker[] = [];
  private queue: { id: number; sourcePath: string; bytes?: Uint8Array; options: DocumentOptions }[] = [];
  private pending = new Map<number, Pending>();
  private busy = new Map<Worker, number>();
  private nextId = 0;

  constructor(size: number, templateDirs: string[]) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: { templateDirs } });
      worker.on('message', (msg: { id: number; result: RenderedDocument }) => {
        this.pending.get(msg.id)?.resolve(msg.result);
        this.pending.delete(msg.id);
        this.busy.delete(worker);
        this.idle.push(worker);
        this.dispatch();
      });
      worker.on('error', (e) => {
        // A worker that dies fails its document, not the build.
        const id = this.busy.get(worker);
        if (id !== undefined) this.pending.get(id)?.reject(e as Error);
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  /** `bytes`: the source as the build read and hashed it; the worker renders exactly these. */
  render(sourcePath: string, bytes: Uint8Array | undefined, options: DocumentOptions): Promise<RenderedDocument> {
    const id = this.nextId++;
    const promise = new Promise<RenderedDocument>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.queue.push({ id, sourcePath, bytes, options });
    this.dispatch();
    return promise;
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.busy.set(worker, job.id);
      worker.postMessage(job);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
