/**
 * A render worker: loads templates once (fonts are parsed as its documents first need them), then
 * renders the documents it is sent, one at a time in the order they came. Runs the same
 * renderDocument as a single-threaded build, so outputs are identical.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadTemplates } from '../fill/templates.js';
import type { DocumentOptions } from '../document/buildDocument.js';
import { renderDocument } from '../document/renderDocument.js';

const templates = loadTemplates((workerData as { templateDirs: string[] }).templateDirs);

type Job = { id: number; sourcePath: string; bytes?: Uint8Array; options: DocumentOptions };
let queue: Promise<void> = Promise.resolve();
parentPort!.on('message', (job: Job) => {
  queue = queue.then(async () => {
    const result = await renderDocument(job.sourcePath, templates, job.options, job.bytes);
    parentPort!.postMessage({ id: job.id, result });
  });
  // A render that throws ends this worker, as an uncaught error would: the pool fails what it held.
  queue = queue.catch((e: unknown) => void setImmediate(() => { throw e; }));
});
