/**
 * A new day. "Today" changes no handout's own outputs (the footer prints the next review's date,
 * not its status), so a build the next day renders no handout again; it works out each kept
 * handout's check for the day, and makes the summary and the catalog again only when a review
 * status they print has changed.
 */
import { readFileSync, statSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, removeDir, tempDir } from '../helpers/build.js';
import { readPdf } from '../helpers/pdf.js';
import { DUE_SOON_DAYS } from '../../src/check/reviewDates.js';
import { build } from '../../src/collection/build.js';

const NEXT_REVIEW = '2026-09-30';
/** The day `days` before the flu handout's next review. */
const before = (days: number) => new Date(Date.parse(NEXT_REVIEW) - days * 86_400_000).toISOString().slice(0, 10);
const FIRST_DAY = before(DUE_SOON_DAYS + 1); // current
const SECOND_DAY = before(DUE_SOON_DAYS); // due soon
const THIRD_DAY = before(DUE_SOON_DAYS - 1); // still due soon, a day fewer left
const LATE_DAY = before(-3); // overdue

let dir: string;
beforeEach(() => {
  dir = tempDir();
  mkdirSync(path.join(dir, 'content'));
  writeFileSync(path.join(dir, 'content', 'flu-shots.md'), `---\ntitle: Flu shots\nreviewed: 2025-03-01\nnext-review: ${NEXT_REVIEW}\n---\n\nGet one every autumn. Ask at the front desk.\n`);
  writeFileSync(path.join(dir, 'content', 'sun-safety.md'), '---\ntitle: Sun safety\nreviewed: 2026-01-10\nreview-every: 2y\n---\n\nWear a hat at noon.\n');
});
afterEach(() => removeDir(dir));

type Result = { documents: { file: string; skipped: boolean; findings: { rule: string; severity: string; message: string }[] }[] };
const buildOn = (day: string, ...args: string[]) => {
  const r = cli(['build', 'content', '--out', 'out', '--json', '--jobs', '1', ...args], { cwd: dir, env: { HANDOUT_TODAY: day } });
  return { status: r.status, stderr: r.stderr, ...(JSON.parse(r.stdout) as Result) };
};
const out = (f: string) => path.join(dir, 'out', f);
const HANDOUT_FILES = ['flu-shots.pdf', 'flu-shots.html', 'sun-safety.pdf', 'sun-safety.html'];
const state = (f: string) => ({ bytes: readFileSync(out(f)).toString('base64'), mtime: statSync(out(f)).mtimeMs });
const reviewFinding = (r: Result, file: string) => r.documents.find((d) => d.file.endsWith(file))!.findings.filter((f) => f.rule === 'review-date');

describe('a new day', () => {
  it('renders no handout again; the summary and catalog are made again only when a status changed, and say the new one', async () => {
    expect(buildOn(FIRST_DAY).status).toBe(0);
    const handouts = HANDOUT_FILES.map(state);
    const firstSummary = (await readPdf(readFileSync(out('summary.pdf')))).text;
    expect(firstSummary).toMatch(/current/);
    expect(firstSummary).not.toMatch(/due soon/);

    const next = buildOn(SECOND_DAY);
    expect(next.status).toBe(0);
    expect(next.documents.map((d) => d.skipped)).toEqual([true, true]);
    expect(HANDOUT_FILES.map(state)).toEqual(handouts); // not rewritten, not even with the same bytes
    // The summary PDF, read back: the flu handout's row now says due soon.
    const summary = (await readPdf(readFileSync(out('summary.pdf')))).text;
    expect(summary).toMatch(/due soon/);
    expect(readFileSync(out('index.html'), 'utf8')).toContain('Review due soon');
    expect(reviewFinding(next, 'flu-shots.md').map((f) => f.message)).toEqual([`review due soon: ${NEXT_REVIEW} (in ${DUE_SOON_DAYS} days)`]);

    // A day later the status is the same: the findings count one day fewer, the collection is kept.
    const collection = ['summary.pdf', 'summary.html', 'index.html'].map(state);
    const third = buildOn(THIRD_DAY);
    expect(third.documents.map((d) => d.skipped)).toEqual([true, true]);
    expect(reviewFinding(third, 'flu-shots.md').map((f) => f.message)).toEqual([`review due soon: ${NEXT_REVIEW} (in ${DUE_SOON_DAYS - 1} days)`]);
    expect(['summary.pdf', 'summary.html', 'index.html'].map(state)).toEqual(collection);
    expect(HANDOUT_FILES.map(state)).toEqual(handouts);
  });

  it('an overdue review, worked out from the cache, fails --strict with an error, as a fresh build says it', async () => {
    expect(buildOn(FIRST_DAY).status).toBe(0);
    const handouts = HANDOUT_FILES.map(state);
    const late = buildOn(LATE_DAY, '--strict');
    expect(late.status).toBe(1);
    expect(late.documents.map((d) => d.skipped)).toEqual([true, true]);
    expect(reviewFinding(late, 'flu-shots.md')).toEqual([expect.objectContaining({ severity: 'error', message: `review overdue: the next review was due ${NEXT_REVIEW} (3 days ago)` })]);
    expect(HANDOUT_FILES.map(state)).toEqual(handouts);
    expect((await readPdf(readFileSync(out('summary.pdf')))).text).toMatch(/overdue/);

    // The check kept and worked out for the day is the check a build from nothing makes that day.
    const options = { inputs: [path.join(dir, 'content')], templateDirs: [], jobs: 1 };
    await build({ ...options, outDir: path.join(dir, 'kept'), check: { today: FIRST_DAY } });
    const kept = await build({ ...options, outDir: path.join(dir, 'kept'), check: { today: LATE_DAY, strict: true } });
    const fresh = await build({ ...options, outDir: path.join(dir, 'fresh'), check: { today: LATE_DAY, strict: true } });
    expect(kept.documents.every((d) => d.skipped)).toBe(true);
    const reported = (r: typeof kept) => r.documents.map((d) => ({ findings: d.check?.findings, failsStrict: d.check?.failsStrict, row: d.row }));
    expect(reported(kept)).toEqual(reported(fresh));
    expect(kept.ok).toBe(false);
  });
});
