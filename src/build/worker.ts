/**
 * A render worker: loads templates and fonts once, then renders the documents it is sent.
 * Runs the same renderDocument as a single-threaded build, so outputs are identical.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadTemplates } from '../fill/templates.js';
import type { DocumentOptions } from './buildDocument.js';
import { renderDocument } from './renderDocument.js';

const templates = loadTemplates((workerData as { templateDirs: string[] }).templateDirs);

parentPort!.on('message', async (job: { id: number; sourcePath: string; bytes?: Uint8Array; options: DocumentOptions }) => {
  const result = await renderDocument(job.sourcePath, templates, job.options, job.bytes);
  parentPort!.postMessage({ id: job.id, result });
});
