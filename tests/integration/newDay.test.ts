/**
 * A new day: no handout prints the date, so none is rendered again; only a review status that
 * changed overnight reaches the summary and catalog, which are made again, and the findings.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, removeDir, tempDir } from '../helpers/build.js';
import { DUE_SOON_DAYS } from '../../src/check/reviewDates.js';
import { build } from '../../src/build/build.js';

const NEXT_REVIEW = '2026-09-30';
/** The day `days` before the next review. */
const before = (days: number) => new Date(Date.parse(NEXT_REVIEW) - days * 86_400_000).toISOString().slice(0, 10);
const FIRST_DAY = before(DUE_SOON_DAYS + 1); // "current"
const SECOND_DAY = before(DUE_SOON_DAYS); // "due soon"

let dir: string;
beforeEach(() => {
  dir = tempDir();
  mkdirSync(path.join(dir, 'content'));
  // Current on the first day, due soon on the second.
  writeFileSync(path.join(dir, 'content', 'flu-shots.md'), `---\ntitle: Flu shots\nreviewed: 2025-03-01\nnext-review: ${NEXT_REVIEW}\n---\n\nGet one every autumn.\n`);
  writeFileSync(path.join(dir, 'content', 'sun-safety.md'), '---\ntitle: Sun safety\nreviewed: 2026-01-10\nreview-every: 2y\n---\n\nWear a hat at noon.\n');
});
afterEach(() => removeDir(dir));

const buildOn = (day: string) => {
  const r = cli(['build', 'content', '--out', 'out', '--json', '--jobs', '1'], { cwd: dir, env: { HANDOUT_TODAY: day } });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { documents: { file: string; skipped: boolean }[] };
};
const mtime = (f: string) => statSync(path.join(dir, 'out', f)).mtimeMs;

describe('a new day', () => {
  it('renders no handout again, and remakes the summary only when a review status changed', async () => {
    buildOn(FIRST_DAY);
    expect(readFileSync(path.join(dir, 'out', 'summary.html'), 'utf8')).toMatch(new RegExp(`${NEXT_REVIEW}<br>\\s*current`));
    const pdfs = ['flu-shots.pdf', 'sun-safety.pdf'].map(mtime);

    const next = buildOn(SECOND_DAY);
    expect(next.documents.map((d) => d.skipped)).toEqual([true, true]);
    expect(['flu-shots.pdf', 'sun-safety.pdf'].map(mtime)).toEqual(pdfs);
    const summary = readFileSync(path.join(dir, 'out', 'summary.html'), 'utf8');
    expect(summary).toMatch(new RegExp(`${NEXT_REVIEW}<br>\\s*due soon`));

    // The check re-read for the day is the check a fresh build makes that day.
    const options = { inputs: [path.join(dir, 'content')], templateDirs: [], jobs: 1 };
    await build({ ...options, outDir: path.join(dir, 'lib'), check: { today: FIRST_DAY } });
    const cached = await build({ ...options, outDir: path.join(dir, 'lib'), check: { today: SECOND_DAY } });
    const fresh = await build({ ...options, outDir: path.join(dir, 'fresh'), check: { today: SECOND_DAY } });
    expect(cached.documents.every((d) => d.skipped)).toBe(true);
    expect(cached.documents.map((d) => d.check)).toEqual(fresh.documents.map((d) => d.check));
    expect(cached.documents[0].check?.findings.map((f) => f.message)).toContain(`review due soon: ${NEXT_REVIEW} (in ${DUE_SOON_DAYS} days)`);

    // Nothing changed since: the collection is not made again either.
    const summaryTime = mtime('summary.pdf');
    buildOn(SECOND_DAY);
    expect(mtime('summary.pdf')).toBe(summaryTime);
  });
});
