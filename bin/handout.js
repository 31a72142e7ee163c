#!/usr/bin/env node
// Runs the bundled CLI (npm install and npm pack compile src/ into dist/ and bundle it into
// dist/bundle/ via the `prepare` script): one file to load, already compiled when its code cache
// is there. A render worker runs this file too (see src/collection/pool.ts).
import { fileURLToPath } from 'node:url';
import { loadBundle, setRenderingV8Flags } from './loadBundle.js';

globalThis[Symbol.for('handout.workerFile')] = new URL(import.meta.url);
globalThis[Symbol.for('handout.beforeRendering')] = setRenderingV8Flags;
const bundle = fileURLToPath(new URL('../dist/bundle/handout.cjs', import.meta.url));
loadBundle(bundle, bundle.replace(/\.cjs$/, '.cache'));
