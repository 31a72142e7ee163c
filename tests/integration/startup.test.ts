/**
 * Start-up: each command loads only what it needs. Read from the modules a real process loads (a
 * module hook lists them), not timed: `--help` loads no stage, `outline` and `check` no renderer,
 * and a build where nothing changed no stage that makes outputs, no font parser and no PDF
 * library. The command users run (bin/handout.js) is the bundle: one file, not hundreds.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, ROOT, tempDir } from '../helpers/build.js';

let dir: string;
beforeAll(() => {
  dir = tempDir();
  mkdirSync(path.join(dir, 'content'));
  writeFileSync(path.join(dir, 'content', 'hands.md'), '---\ntitle: Washing hands\nreviewed: 2026-01-10\nreview-every: 2y\n---\n\nUse soap and warm water.\n');
  writeFileSync(path.join(dir, 'content', 'teeth.md'), '---\ntitle: Brushing teeth\nreviewed: 2026-01-10\nreview-every: 2y\n---\n\nBrush twice a day.\n');
});
afterAll(() => removeDir(dir));

/** The modules (file URLs relative to the project) a command loads, run through `entry` (tsc's output or the bundle). */
function modulesOf(entry: string, args: string[]): string[] {
  const log = path.join(dir, 'modules.log');
  rmSync(log, { force: true });
  const r = spawnSync(process.execPath, ['--import', path.join(ROOT, 'tests/helpers/moduleLog.mjs'), path.join(ROOT, entry), ...args], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, MODULE_LOG: log, HANDOUT_TODAY: '2026-12-01' },
  });
  expect(r.status, r.stderr).toBe(0);
  const root = `file://${ROOT}/`;
  return [...new Set(readFileSync(log, 'utf8').split('\n').filter((u) => u.startsWith(root)).map((u) => u.slice(root.length)))];
}

/** The PDF renderer's steps and pdfkit (the font files and faces are shared with the web page's embedded fonts). */
const RENDERER = /^dist\/render\/pdf\/(?!fonts\.js|fontFiles\.js)|node_modules\/pdfkit\//;
const STAGES = /^dist\/(read|parse|outline|fill|render|check|document)\//;
/** What makes a document's outputs: the pipeline of one document, its stages and the font parser. */
const MAKING = /^dist\/(document\/buildDocument|fill\/fillHandout|outline\/(buildOutline|infer|summary)|parse\/|render\/pdf\/(?!fontFiles\.js))|node_modules\/(pdfkit|fontkit)\//;

describe('each command loads only what it needs', () => {
  it('--help loads no stage, and from the bundle no module at all', () => {
    const loaded = modulesOf('dist/cli.js', ['--help']);
    expect(loaded.filter((m) => STAGES.test(m) || /^dist\/(collection|dev|cli)\//.test(m))).toEqual([]);
    // bin/handout.js reads the bundle as one script (bin/loadBundle.js): no module of dist/ or node_modules/ loads.
    expect(modulesOf('bin/handout.js', ['--help']).filter((m) => !m.startsWith('bin/'))).toEqual([]);
  });

  it('outline and check load no renderer', () => {
    expect(modulesOf('dist/cli.js', ['outline', 'content/hands.md']).filter((m) => RENDERER.test(m) || m.startsWith('dist/collection/'))).toEqual([]);
    expect(modulesOf('dist/cli.js', ['check', 'content']).filter((m) => RENDERER.test(m))).toEqual([]);
  });

  it('a build where nothing changed loads no stage that makes outputs, no font parser, no PDF library', () => {
    modulesOf('bin/handout.js', ['build', 'content', '--out', 'out', '-q']);
    const loaded = modulesOf('dist/cli.js', ['build', 'content', '--out', 'out', '-q']);
    expect(loaded).toContain('dist/collection/build.js'); // it did run the build
    expect(loaded.filter((m) => MAKING.test(m))).toEqual([]);
    // Nor the reading stage: which files are sources is all it needs (language detection's data is not loaded).
    expect(loaded.filter((m) => /dist\/read\/(readSource|detectLanguage)\.js|node_modules\/franc-min\//.test(m))).toEqual([]);
    // The same through the bundle: pdfkit and fontkit lie outside it, so loading them would show.
    expect(modulesOf('bin/handout.js', ['build', 'content', '--out', 'out', '-q']).filter((m) => !m.startsWith('bin/'))).toEqual([]);
  });
});
