// @ts-check
/**
 * In-process cost per handout: one thread, fonts and templates already loaded (a warm process, as
 * in `handout dev` or a worker); every handout rendered (PDF, HTML, checks) and written.
 *
 *   node bench/inprocess.mjs <content> <out>   prints {"msPerHandout": n, "cpuMsPerHandout": n}
 */
import { performance } from 'node:perf_hooks';

const [content, out] = process.argv.slice(2);
const { build } = await import('../dist/collection/build.js');
const options = { inputs: [content], outDir: out, templateDirs: ['templates'], jobs: 1, force: true };
await build(options); // warm: fonts parsed, templates compiled, code optimised
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const report = await build(options);
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const n = report.documents.length;
// CPU time too: on a shared machine it says what the work costs, wall time what it took.
console.log(JSON.stringify({ msPerHandout: ms / n, cpuMsPerHandout: (cpu.user + cpu.system) / 1000 / n }));
