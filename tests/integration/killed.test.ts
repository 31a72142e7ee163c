/**
 * A build killed at any moment (SIGKILL: no cleanup runs) leaves no half-written output: every PDF
 * present opens and passes qpdf's check, every HTML page is whole. The next build completes and
 * removes the temporary files the killed one left behind.
 */
import { spawn, spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, removeDir, ROOT, tempDir } from '../helpers/build.js';
import { hasCommand, readPdf } from '../helpers/pdf.js';

const DOCUMENTS = 16;
const KILL_AFTER_MS = [250, 700, 1300, 2000, 3000, 5000];

let dir: string;
let content: string;
let out: string;

beforeAll(() => {
  dir = tempDir();
  content = path.join(dir, 'content');
  out = path.join(dir, 'out');
  mkdirSync(content);
  const paragraph = 'Drink water through the day and rest when you feel tired. Call the clinic if the pain gets worse. ';
  for (let i = 0; i < DOCUMENTS; i++) {
    const sections = Array.from({ length: 6 }, (_, s) => `## Part ${s + 1}\n\n${paragraph.repeat(8)}\n\n- one\n- two\n`).join('\n');
    writeFileSync(path.join(content, `doc-${String(i).padStart(2, '0')}.md`), `---\ntitle: Document ${i}\n---\n\n${paragraph}\n\n${sections}`);
  }
});
afterAll(() => removeDir(dir));

function killAfter(ms: number): Promise<void> {
  return killWhen((elapsed) => elapsed >= ms);
}

/** Starts a build and kills it when `now(ms since start)` says so (checked every 20 ms). */
function killWhen(now: (elapsed: number) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/handout.js'), 'build', content, '--out', out, '--quiet'], { cwd: dir, stdio: 'ignore' });
    const timer = setInterval(() => {
      if (now(Date.now() - started)) child.kill('SIGKILL');
    }, 20);
    child.on('exit', () => {
      clearInterval(timer);
      resolve();
    });
  });
}

const pdfsIn = (folder: string) => (existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.pdf')).length : 0);

/** Every output in the folder is whole; temporary files are allowed (a killed build leaves them). */
async function checkOutputs(): Promise<void> {
  for (const name of readdirSync(out)) {
    if (name.endsWith('.tmp')) continue;
    const file = path.join(out, name);
    if (name.endsWith('.pdf')) {
      const pdf = await readPdf(readFileSync(file));
      expect(pdf.pages.length, name).toBeGreaterThan(0);
      if (hasCommand('qpdf')) execFileSync('qpdf', ['--check', file], { stdio: 'ignore' }); // throws when damaged
    } else if (name.endsWith('.html')) {
      expect(readFileSync(file, 'utf8').trimEnd(), name).toMatch(/<\/html>$/);
    }
  }
}

describe('a build killed with SIGKILL', () => {
  it('leaves only whole outputs, whenever it is killed', async () => {
    for (const ms of KILL_AFTER_MS) {
      await killAfter(ms);
      if (existsSync(out)) await checkOutputs();
    }
    // Not vacuous: on a loaded machine the fixed moments can all come before the first write, so
    // one more build is killed just after its first PDF is renamed into place, mid-way through.
    if (pdfsIn(out) === 0) {
      await killWhen(() => pdfsIn(out) > 0);
      await checkOutputs();
    }
    expect(pdfsIn(out)).toBeGreaterThan(0);
  }, 120_000);

  it('the next build completes and removes the temporary files killed builds left', async () => {
    mkdirSync(out, { recursive: true });
    // A temporary file of a process that is gone, as a kill between write and rename leaves it.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(path.join(out, `.doc-00.pdf.handout-${dead}.tmp`), '%PDF-1.7 half writ');
    const r = cli(['build', content, '--out', out, '--quiet'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(out).filter((f) => f.endsWith('.pdf')).length).toBe(DOCUMENTS + 1); // and summary.pdf
    await checkOutputs();
  }, 120_000);
});
