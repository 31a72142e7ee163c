// @ts-check
/** Loaded with `node --import`: writes the process's peak memory (all threads) to $BENCH_RSS_FILE on exit. */
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS / 1024));
});
