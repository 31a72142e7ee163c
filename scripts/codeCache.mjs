// @ts-check
/**
 * `npm run compile`, after the bundle: V8's code cache for it (dist/bundle/handout.cache), made by
 * building a few sample handouts with the bundle and keeping the code that ran, compiled. A start
 * that reads it skips parsing and compiling that code (bin/loadBundle.js). V8 checks the cache
 * against the bundle and its own version, and refuses one that does not fit.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBundle, setRenderingV8Flags } from '../bin/loadBundle.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist/bundle/handout.cjs');
const work = mkdtempSync(path.join(tmpdir(), 'handout-code-cache-'));
const content = path.join(work, 'content');

// Samples that reach the parts every build runs: front matter, headings, lists, a table, a
// glossary term, English and Spanish, Markdown and plain prose.
const samples = {
  'keep-moving.md': `---\ntitle: Keep moving after surgery\nreviewed: 2026-01-10\n---\n\n# Keep moving after surgery\n\nWalking a little each day helps you heal. Start slowly and rest when you need to.\n\n## What to do\n\n- Walk for five minutes, three times a day.\n- Sit up in a chair for meals.\n- Ask for help on the stairs.\n\n## When to call\n\n| Sign | What to do |\n| --- | --- |\n| Fever over 38 °C | Call the clinic |\n| Pain that gets worse | Call the clinic |\n\n1. Write down your questions.\n2. Bring your medicines to the visit.\n`,
  'agua.md': `---\ntitle: Beba agua\nlang: es\n---\n\n# Beba agua\n\nEl agua ayuda a su cuerpo cada día. Tome un vaso con cada comida.\n\n## Consejos\n\n- Lleve una botella con usted.\n- Beba más cuando hace calor.\n`,
  'sleep.txt': `Sleep well\n\nGood sleep helps your body and mind. Most adults need seven to nine hours each night.\n\nTips for better sleep\n\nGo to bed at the same time each night. Keep your room dark and cool. Avoid screens for an hour before bed.\n`,
};

mkdirSync(content);
for (const [name, text] of Object.entries(samples)) writeFileSync(path.join(content, name), text);

process.argv = [process.argv[0], path.join(root, 'bin/handout.js'), 'build', content, '--out', path.join(work, 'out'), '--jobs', '1', '--quiet'];
// The sample build's closing line is not for the person compiling (and, with no callback from this
// write, the command's exitWhenWritten never exits: the process ends when its work is done).
process.stdout.write = () => true;
const script = loadBundle(bundle);
process.on('exit', (code) => {
  // Made under the flags the command compiles the bundle under (see bin/loadBundle.js).
  setRenderingV8Flags();
  writeFileSync(path.join(root, 'dist/bundle/handout.cache'), script.createCachedData());
  rmSync(work, { recursive: true, force: true });
  // A sample that failed still leaves a cache of what ran: compiling goes on, and says so.
  if (code !== 0) console.error(`scripts/codeCache.mjs: the sample build exited with ${code}; the code cache covers only what ran`);
  process.exitCode = 0;
});
