// @ts-check
/**
 * One edit in a warm process, as `handout dev` rebuilds after a save: the library already built the
 * folder once (fonts parsed, templates compiled, code optimised), then each edit appends a line to
 * one source and builds again: that source and the collection's summary and catalog are made again.
 *
 *   node bench/warmEdit.mjs <content> <out> <repeats>   prints {"noChangeMs": n, "editMs": n}
 */
import { appendFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const [content, out, repeats = '5'] = process.argv.slice(2);
const { build } = await import('../dist/collection/build.js');
const options = { inputs: [content], outDir: out, templateDirs: ['templates'], jobs: 1 };
await build(options);
const first = path.join(content, readdirSync(content).filter((f) => f.endsWith('.md')).sort()[0]);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const noChange = [];
const edit = [];
for (let r = 0; r < Number(repeats); r++) {
  let t0 = performance.now();
  await build(options);
  noChange.push(performance.now() - t0);
  appendFileSync(first, `\nWarm edit ${r}.\n`);
  t0 = performance.now();
  const report = await build(options);
  edit.push(performance.now() - t0);
  if (report.documents.filter((d) => !d.skipped).length !== 1) throw new Error('an edit of one source rebuilt more than that source');
}
console.log(JSON.stringify({ noChangeMs: median(noChange), editMs: median(edit) }));
