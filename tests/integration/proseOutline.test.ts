/**
 * The outline inference measured on the labelled plain-prose articles in ../shared (the seed and
 * corpus/plain), by the team's own scorer (../shared/tools/score-prose, which builds each article
 * with the CLI and reads the HTML back). The thresholds are the issue's: sections, titles, no
 * invented parts, no paragraph lost, the seed in full. Skipped with a reason when ../shared or
 * python3 is absent.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SHARED } from '../helpers/build.js';
import { hasCommand } from '../helpers/pdf.js';

const scorer = path.join(SHARED, 'tools/score-prose');
const ready = existsSync(scorer) && hasCommand('python3');

function score(dirs: string[] = []) {
  const r = spawnSync(scorer, dirs, { cwd: ROOT, encoding: 'utf8', timeout: 900_000 });
  expect(r.status, r.stderr).toBe(0);
  const total = /TOTAL sections (\d+)\/(\d+).*titles (\d+)\/(\d+)\s+parts-ok (\d+)\/(\d+).*paragraphs lost (\d+)/.exec(r.stdout);
  expect(total, r.stdout).not.toBeNull();
  const [sections, sectionsOf, titles, titlesOf, partsOk, partsOkOf, lost] = total!.slice(1).map(Number);
  return { sections, sectionsOf, titles, titlesOf, partsOk, partsOkOf, lost, rows: r.stdout };
}

describe.skipIf(!ready)("plain-prose outlines scored against the labels (needs ../shared and python3)", () => {
  it('sections >= 90 %, titles >= 95 %, no invented parts, no paragraph lost', () => {
    const s = score();
    expect(s.sections / s.sectionsOf, s.rows).toBeGreaterThanOrEqual(0.9);
    expect(s.titles / s.titlesOf, s.rows).toBeGreaterThanOrEqual(0.95);
    expect(s.partsOk, s.rows).toBe(s.partsOkOf);
    expect(s.lost, s.rows).toBe(0);
    // The seed, every labelled section right.
    expect(s.rows).toMatch(/^calcinosis\s+sections (\d+)\/\1\s+title ok/m);
  }, 900_000);
});
