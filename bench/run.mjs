// @ts-check
/**
 * `npm run bench`: builds one generated corpus with handout, Typst and Chromium, side by side and
 * interleaved (so a busy machine slows all three alike), and prints medians of several runs, the
 * ratios from the same run, handout's own targets, and where handout's time goes.
 * Every measurement is a fresh process, as a user runs it, timed from outside: start-up included.
 * Not a test: nothing here passes or fails. BENCH_REPEATS (default 5), BENCH_LARGE (default 1000).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './corpus.mjs';
import { timeByCategory } from './profile.mjs';
import { CHROMIUM, typstCompilerPath } from './tools.mjs';
import { writeTypstCorpus } from './typst.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(tmpdir(), 'handout-bench-'));
const repeats = Number(process.env.BENCH_REPEATS ?? 5);
const large = Number(process.env.BENCH_LARGE ?? 1000);
const cores = availableParallelism();
const TODAY = '2026-12-01';
const TOMORROW = '2026-12-02';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;

/**
 * Runs a node script in a fresh process: its wall time, its CPU time (all threads; on a shared
 * machine the fairer measure of what the work costs) and peak memory, and its JSON output.
 */
function timed(args, env = {}) {
  const usageFile = path.join(work, 'usage.json');
  rmSync(usageFile, { force: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', './bench/usage.mjs', ...args], {
    cwd: root, encoding: 'utf8', env: { ...process.env, ...env, BENCH_USAGE_FILE: usageFile }, maxBuffer: 1 << 26,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stderr}`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8'));
  return { ms, cpuMs: usage.cpuMs, rssMb: usage.rssMb, out: JSON.parse(r.stdout) };
}

/** `handout build` as a user runs it, and what it built. */
function handout(content, out, { jobs = cores, today = TODAY, force = false, profile = '' } = {}) {
  // A profile runs tsc's output rather than the bundle that bin/handout.js runs, so that it can name
  // the package or stage of each function (in the bundle they all share a few chunk files).
  const cli = profile ? 'dist/cli.js' : 'bin/handout.js';
  const args = [...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []), cli, 'build', content, '--out', out, '--json', '--jobs', String(jobs), ...(force ? ['--force'] : [])];
  const run = timed(args, { HANDOUT_TODAY: today });
  const built = run.out.documents.filter((d) => !d.skipped).length;
  return { ...run, built, pages: run.out.documents.reduce((n, d) => n + (d.pages ?? 0), 0) };
}

/** A hash of every output in a folder (the cache file aside): equal hashes, byte-identical builds. */
function outputsHash(dir) {
  const h = createHash('sha256');
  for (const f of readdirSync(dir).filter((f) => !f.startsWith('.')).sort()) h.update(f).update(readFileSync(path.join(dir, f)));
  return h.digest('hex').slice(0, 12);
}

function corpus(size) {
  const dir = path.join(work, `content-${size}`);
  writeCorpus(dir, size);
  return dir;
}

console.log(`handout benchmark: ${cores} cores, node ${process.version}, ${repeats} runs each, medians; ratios from the same run`);
console.log(`  (work folder ${work})`);

// --- 50 handouts: handout, Typst and Chromium, whole process, cold ---
const c50 = corpus(50);
const typ50 = path.join(work, 'typst-50');
await writeTypstCorpus(c50, typ50);
const typst = typstCompilerPath();
const html50 = path.join(work, 'html-50');
handout(c50, html50, { jobs: 1 }); // handout's HTML pages, for Chromium to print
const runs = [];
for (let r = 0; r < repeats; r++) {
  const run = {};
  for (const jobs of [1, cores]) {
    rmSync(path.join(work, 'out-50'), { recursive: true, force: true });
    run[`handout${jobs}`] = handout(c50, path.join(work, 'out-50'), { jobs });
  }
  if (typst) run.typst = timed(['bench/typst.mjs', typ50, path.join(work, 'typst-out'), typst]);
  if (CHROMIUM) run.chromium = timed(['bench/chromium.mjs', html50, path.join(work, 'chromium-out'), CHROMIUM]);
  runs.push(run);
}
/** handout's faster setting in that run. */
const best = (r) => (r.handout1.ms <= r[`handout${cores}`].ms ? r.handout1 : r[`handout${cores}`]);
const med = (f) => median(runs.map(f));
console.log(`\n50 handouts (~900 words: headings, lists, a table, a key-points box), whole process, cold:`);
console.log(`                          wall      CPU (all threads)`);
console.log(`  handout, 1 thread       ${secs(med((r) => r.handout1.ms))}    ${secs(med((r) => r.handout1.cpuMs))}`);
console.log(`  handout, ${cores} workers      ${secs(med((r) => r[`handout${cores}`].ms))}    ${secs(med((r) => r[`handout${cores}`].cpuMs))}`);
if (typst) {
  console.log(`  Typst (one compiler)    ${secs(med((r) => r.typst.ms))}    ${secs(med((r) => r.typst.cpuMs))}   ${runs[0].typst.out.pages} pages`);
  console.log(`  handout's speed / Typst's: ${med((r) => r.typst.ms / best(r).ms).toFixed(2)} by wall time, ${med((r) => r.typst.cpuMs / r.handout1.cpuMs).toFixed(2)} by CPU time (target ≥ 0.5)`);
}
if (CHROMIUM) {
  console.log(`  Chromium (${path.basename(CHROMIUM)}, one browser): ${secs(med((r) => r.chromium.ms))} wall   ${runs[0].chromium.out.pages} pages`);
  console.log(`  handout is ${med((r) => r.chromium.ms / best(r).ms).toFixed(1)}× as fast as Chromium by wall time (target ≥ 2; the browser's CPU is in other processes)`);
} else console.log('  Chromium comparison skipped: install chromium-headless-shell (Debian)');

// --- start-up: one tiny handout ---
const tiny = path.join(work, 'tiny');
writeCorpus(tiny, 1);
writeFileSync(path.join(tiny, 'handout-0001.md'), '---\ntitle: Wash your hands\n---\n\nUse soap and warm water for twenty seconds.\n');
const tinyRuns = Array.from({ length: repeats }, () => handout(tiny, path.join(work, 'tiny-out'), { force: true }));
console.log(`\nOne tiny handout, whole process: ${median(tinyRuns.map((r) => r.ms)).toFixed(0)} ms wall, ${median(tinyRuns.map((r) => r.cpuMs)).toFixed(0)} ms CPU (target ≤ 400)`);

// --- in-process cost, and workers against one thread ---
const inProcess = Array.from({ length: Math.min(repeats, 3) }, () => timed(['bench/inprocess.mjs', c50, path.join(work, 'inproc')]).out);
console.log(`In-process, warm, one thread: ${median(inProcess.map((r) => r.msPerHandout)).toFixed(1)} ms wall, ${median(inProcess.map((r) => r.cpuMsPerHandout)).toFixed(1)} ms CPU per handout (PDF, HTML, checks; target ≤ 15)`);
console.log(`Workers against one thread, whole process, cold (where they start to pay):`);
for (const size of [8, 16, 50, 200]) {
  const dir = size === 50 ? c50 : corpus(size);
  const speedups = [];
  const times = { 1: [], [cores]: [] };
  for (let r = 0; r < Math.min(repeats, 3); r++) {
    const one = handout(dir, path.join(work, 'w1'), { jobs: 1, force: true }).ms;
    const many = handout(dir, path.join(work, 'wn'), { jobs: cores, force: true }).ms;
    times[1].push(one);
    times[cores].push(many);
    speedups.push(one / many);
  }
  console.log(`  ${String(size).padStart(4)} handouts: 1 thread ${secs(median(times[1]))}, ${cores} workers ${secs(median(times[cores]))}: ${median(speedups).toFixed(2)}× (target ≥ 1.6 at 50)`);
}

// --- rebuilds at 200 ---
const c200 = corpus(200);
const out200 = path.join(work, 'out-200');
const cold200 = handout(c200, out200, {});
const noChange = [];
const oneEdit = [];
for (let r = 0; r < repeats; r++) {
  noChange.push(handout(c200, out200, {}).ms);
  appendFileSync(path.join(c200, 'handout-0001.md'), `\nEdit ${r}.\n`);
  oneEdit.push(handout(c200, out200, {}));
}
const newDay = handout(c200, out200, { today: TOMORROW });
console.log(`\n200 handouts (${cold200.pages} pages), whole process:`);
console.log(`  cold build           ${secs(cold200.ms)}  (${(cold200.ms / 200).toFixed(1)} ms per handout)`);
console.log(`  no-change rebuild    ${median(noChange).toFixed(0)} ms (target ≤ 300)`);
const edit = median(oneEdit.map((x) => x.ms));
console.log(`  one edit             ${edit.toFixed(0)} ms, ${(edit - median(noChange)).toFixed(0)} ms more (target ≤ 150 more); ${oneEdit[0].built} rebuilt`);
console.log(`  a new day            ${newDay.ms.toFixed(0)} ms; ${newDay.built} re-rendered`);
const warm = timed(['bench/warmEdit.mjs', c200, path.join(work, 'out-200-warm'), String(repeats)]).out;
console.log(`  in a warm process (handout dev): no change ${warm.noChangeMs.toFixed(0)} ms, one edit ${warm.editMs.toFixed(0)} ms`);

// --- memory at scale ---
const cLarge = corpus(large);
const outLarge = handout(cLarge, path.join(work, 'out-large'), {});
console.log(`\nPeak memory (whole process, all threads): ${cold200.rssMb.toFixed(0)} MB at 200, ${outLarge.rssMb.toFixed(0)} MB at ${large}: ${(outLarge.rssMb / cold200.rssMb).toFixed(2)}× (target ≤ 1.5); ${large} cold in ${secs(outLarge.ms)}`);

// --- reproducible: two cold builds, and one thread against many ---
const hashes = [1, cores, cores].map((jobs, i) => {
  const dir = path.join(work, `same-${i}`);
  handout(c50, dir, { jobs });
  return outputsHash(dir);
});
console.log(`Byte-identical outputs: 1 thread ${hashes[0]}, ${cores} workers ${hashes[1]}, again ${hashes[2]}: ${new Set(hashes).size === 1 ? 'identical' : 'DIFFERENT'}`);

// --- where handout's time goes ---
const prof = path.join(work, 'profile');
handout(c50, path.join(work, 'prof-out'), { jobs: 1, force: true, profile: prof });
const [profileFile] = readdirSync(prof).filter((f) => f.endsWith('.cpuprofile'));
const parts = timeByCategory(path.join(prof, profileFile));
const total = parts.reduce((n, [, ms]) => n + ms, 0);
console.log(`\nWhere handout's time goes (50 handouts, one thread, CPU profile of ${secs(total)}, self time):`);
for (const [what, ms] of parts.slice(0, 14)) console.log(`  ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${what}`);
rmSync(work, { recursive: true, force: true });
