/**
 * Every kind of HTML page handout writes, built once by the real command line: the example
 * handouts (a handout, a study guide, their at-a-glance sheets), a handout with every kind of block
 * and raw HTML (tests/fixtures/every-block), the summary and the catalog.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { cli, ROOT } from './build.js';

export function buildSite(out: string): string[] {
  const r = cli(['build', 'content', 'tests/fixtures/every-block', '--out', out, '--quiet'], { cwd: ROOT });
  if (r.status !== 0) throw new Error(`the build failed:\n${r.stderr}`);
  return readdirSync(out).filter((f) => f.endsWith('.html')).sort().map((f) => path.join(out, f));
}
