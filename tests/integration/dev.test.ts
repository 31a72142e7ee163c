/**
 * `handout dev` as a user meets it: the preview is served on loopback, a save rebuilds and the
 * page is told to reload, a broken save shows its error on the page and the server keeps going.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, ROOT, tempDir } from '../helpers/build.js';

let dir: string;
let server: ChildProcess;
let url: string;
let log = '';
const reloads: string[] = [];
let events: AbortController;

/** Waits, bounded, until `check` holds. */
async function until(check: () => boolean | Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}\n${log}`);
}

beforeAll(async () => {
  dir = tempDir();
  cpSync(path.join(ROOT, 'content'), path.join(dir, 'content'), { recursive: true });
  server = spawn(process.execPath, [path.join(ROOT, 'bin/handout.js'), 'dev', '--port', '0'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  server.stdout!.on('data', (d) => (log += d));
  server.stderr!.on('data', (d) => (log += d));
  await until(() => /Serving out\/ at (http:\/\/127\.0\.0\.1:\d+\/)/.test(log), 'the server to start', 60_000);
  url = /Serving out\/ at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(log)![1];
  events = new AbortController();
  const res = await fetch(`${url}__handout/events`, { signal: events.signal });
  void (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        for (const m of decoder.decode(chunk).matchAll(/event: reload\ndata: (.*)\n/g)) reloads.push(m[1]);
      }
    } catch {
      // aborted at the end of the test
    }
  })();
}, 90_000);

afterAll(() => {
  events?.abort();
  server?.kill('SIGTERM');
  removeDir(dir);
});

const page = async (name: string) => (await fetch(url + name)).text();

describe('handout dev', () => {
  it('serves the catalog, the handouts and their PDFs on loopback only', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    expect(await page('')).toContain('calcinosis.html');
    const pdf = await fetch(url + 'calcinosis.pdf');
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await fetch(url + '.handout-cache.json')).status).toBe(404);
    expect((await fetch(url + '..%2Fcontent%2Fcalcinosis.md')).status).toBe(404);
  });

  it('rebuilds on save and tells the page to reload', async () => {
    const file = path.join(dir, 'content/calcinosis.md');
    const before = reloads.length;
    writeFileSync(file, readFileSync(file, 'utf8').replace('hard bits of calcium', 'hard specks of calcium'));
    await until(() => reloads.length > before, 'a reload event');
    await until(async () => (await page('calcinosis.html')).includes('hard specks of calcium'), 'the new text');
    expect(log).toMatch(/content\/types-of-rock\.md {2}unchanged/);
  });

  it('shows a build error on the page, keeps serving the last good output, and recovers on the next good save', async () => {
    const file = path.join(dir, 'content/calcinosis.md');
    const good = readFileSync(file, 'utf8');
    let before = reloads.length;
    writeFileSync(file, good.replace('lang: en', 'lang: [en'));
    await until(() => reloads.length > before, 'a reload after the broken save');
    const broken = await page('calcinosis.html');
    expect(broken).toContain('Build failed');
    expect(broken).toMatch(/content\/calcinosis\.md:\d+: error: invalid front matter/);
    expect(broken).toContain('hard specks of calcium'); // the last good output
    // Save the way vim and VS Code do: write a new file and rename it over the old one.
    before = reloads.length;
    writeFileSync(file + '.swp', good.replace('hard specks', 'hard grains'));
    renameSync(file + '.swp', file);
    await until(() => reloads.length > before, 'a reload after the fix');
    await until(async () => (await page('calcinosis.html')).includes('hard grains of calcium'), 'the fixed text');
    expect(await page('calcinosis.html')).not.toContain('Build failed');
  });
});
