// Builds sources in a worker thread, so a test can bound each build's time (terminate) and memory
// (resourceLimits). Runs the compiled library (dist/), which `npm test` compiles before vitest runs.
import { parentPort } from 'node:worker_threads';
import { buildDocument } from '../../dist/document/buildDocument.js';
import { loadTemplates } from '../../dist/fill/templates.js';
import { HandoutError, Warnings } from '../../dist/diagnostics.js';

const templates = loadTemplates([]);

parentPort.on('message', async ({ id, file }) => {
  try {
    const doc = await buildDocument(file, templates, {}, new Warnings());
    parentPort.postMessage({ id, outcome: 'built', pages: doc.pages, htmlBytes: doc.html.length, pdfHead: doc.pdf.subarray(0, 5).toString('latin1') });
  } catch (e) {
    if (e instanceof HandoutError) parentPort.postMessage({ id, outcome: 'refused', message: e.format() });
    else parentPort.postMessage({ id, outcome: 'crashed', message: e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e) });
  }
});
