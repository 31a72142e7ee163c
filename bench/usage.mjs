// @ts-check
/**
 * Loaded with `node --import`: on exit, writes the process's peak memory and CPU time (all its
 * threads, native ones included) to $BENCH_USAGE_FILE as JSON.
 */
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (!process.env.BENCH_USAGE_FILE) return;
  const usage = process.resourceUsage();
  writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify({ rssMb: usage.maxRSS / 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
});
