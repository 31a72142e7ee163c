// @ts-check
/** One build in a fresh process, as `npx handout build` does; prints time, pages and peak memory. */
import { performance } from 'node:perf_hooks';

const [content, out, jobs] = process.argv.slice(2);
const t0 = performance.now();
const { build } = await import('../dist/build/build.js');
const report = await build({ inputs: [content], outDir: out, templateDirs: ['templates'], jobs: Number(jobs) });
const ms = performance.now() - t0;
const pages = report.documents.reduce((n, d) => n + (d.pages ?? 0), 0);
const built = report.documents.filter((d) => d.ok && !d.skipped).length;
const failed = report.documents.filter((d) => !d.ok).length;
console.log(JSON.stringify({ ms, pages, built, failed, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
