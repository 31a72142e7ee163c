// @ts-check
/**
 * `npm run bench`: builds a generated corpus and prints cold build, no-change rebuild, one-edit
 * rebuild, ms per document, pages per second and peak memory at 200 and 1000 handouts. Each
 * measurement is a fresh process (what a user runs), repeated; medians are printed, since shared
 * machines are noisy. Not a test: nothing here passes or fails.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './corpus.mjs';
import { chromiumMsPerHandout } from './chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = path.join(tmpdir(), 'handout-bench');
const sizes = (process.env.BENCH_SIZES ?? '200,1000').split(',').map(Number);
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const jobs = availableParallelism();

function run(content, out) {
  const json = execFileSync(process.execPath, [path.join(root, 'bench/child.mjs'), content, out, String(jobs)], { cwd: root, encoding: 'utf8' });
  return JSON.parse(json.trim().split('\n').pop());
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`handout benchmark: ${jobs} cores, node ${process.version}, ${repeats} runs each, medians`);
for (const size of sizes) {
  rmSync(work, { recursive: true, force: true });
  const content = path.join(work, 'content');
  const out = path.join(work, 'out');
  writeCorpus(content, size);
  const cold = [];
  const noChange = [];
  const oneEdit = [];
  for (let r = 0; r < (size > 200 ? 1 : repeats); r++) {
    rmSync(out, { recursive: true, force: true });
    cold.push(run(content, out));
    noChange.push(run(content, out));
    const edited = path.join(content, 'handout-0001.md');
    appendFileSync(edited, `\nEdit ${r}.\n`);
    oneEdit.push(run(content, out));
  }
  const c = median(cold.map((x) => x.ms));
  const pages = cold[0].pages;
  console.log(`\n${size} handouts, ${pages} pages (${(pages / size).toFixed(1)} per handout):`);
  console.log(`  cold build          ${(c / 1000).toFixed(2)} s   ${(c / size).toFixed(1)} ms per handout   ${((pages * 1000) / c).toFixed(0)} pages/s`);
  console.log(`  no-change rebuild   ${median(noChange.map((x) => x.ms)).toFixed(0)} ms`);
  console.log(`  one-edit rebuild    ${median(oneEdit.map((x) => x.ms)).toFixed(0)} ms   (${oneEdit[0].built} rebuilt)`);
  console.log(`  peak RSS            ${median(cold.map((x) => x.maxRssMb)).toFixed(0)} MB (main thread and workers)`);
  if (cold.some((x) => x.failed)) console.log(`  FAILED documents: ${cold[0].failed}`);
  if (size === sizes[0]) {
    // Chromium prints only the HTML (no summary, no cache): compare per handout, 50 of them.
    const chrome = await chromiumMsPerHandout(out, 50);
    if (chrome === undefined) console.log('  Chromium comparison skipped (needs /usr/bin/chromium and playwright-core)');
    else console.log(`  Chromium, one persistent browser: ${chrome.toFixed(0)} ms per handout; handout is ${(chrome / (c / size)).toFixed(1)}× faster per handout`);
  }
}
console.log('\nTimes include starting Node and loading handout (about a second on this machine); see README for the breakdown.');
