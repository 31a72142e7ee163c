/**
 * A new day: no handout prints the date, so none is rendered again; only a review status that
 * changed overnight reaches the summary and catalog, which are made again, and the findings.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, removeDir, tempDir } from '../helpers/build.js';

let dir: string;
beforeEach(() => {
  dir = tempDir();
  mkdirSync(path.join(dir, 'content'));
  // Due in 61 days on the first day ("current"), in 60 days on the second ("due soon").
  writeFileSync(path.join(dir, 'content', 'flu-shots.md'), '---\ntitle: Flu shots\nreviewed: 2025-03-01\nnext-review: 2026-05-31\n---\n\nGet one every autumn.\n');
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
  it('renders no handout again, and remakes the summary only when a review status changed', () => {
    buildOn('2026-03-31');
    expect(readFileSync(path.join(dir, 'out', 'summary.html'), 'utf8')).not.toContain('due soon');
    const pdfs = ['flu-shots.pdf', 'sun-safety.pdf'].map(mtime);

    const next = buildOn('2026-04-01');
    expect(next.documents.map((d) => d.skipped)).toEqual([true, true]);
    expect(['flu-shots.pdf', 'sun-safety.pdf'].map(mtime)).toEqual(pdfs);
    const summary = readFileSync(path.join(dir, 'out', 'summary.html'), 'utf8');
    expect(summary).toMatch(/2026-05-31<br>\s*due soon/);

    // The finding for the day is printed, as `handout check` would print it.
    const plain = cli(['build', 'content', '--out', 'out'], { cwd: dir, env: { HANDOUT_TODAY: '2026-04-01' } });
    expect(plain.stderr).toContain('review due soon: 2026-05-31 (in 60 days)');

    // Nothing changed since: the collection is not made again either.
    const summaryTime = mtime('summary.pdf');
    buildOn('2026-04-01');
    expect(mtime('summary.pdf')).toBe(summaryTime);
  });
});
