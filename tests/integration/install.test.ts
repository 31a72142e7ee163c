/**
 * Installed like a tool: `npm pack`, then `npm install -g` of the tarball into a temporary prefix,
 * then the installed `handout` builds a folder outside the project, finding its own templates,
 * fonts and stylesheet inside the package.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ROOT, removeDir, tempDir, checkPdfs } from '../helpers/build.js';
import { hasCommand, pdfFonts } from '../helpers/pdf.js';

let work: string;
let prefix: string;
let tarball: string;

beforeAll(() => {
  work = tempDir('handout-install-');
  // Packed from a copy, so the project's own dist/ (which other tests run) is never cleaned mid-run.
  const copy = path.join(work, 'project');
  mkdirSync(copy);
  for (const entry of ['package.json', 'package-lock.json', 'bin', 'scripts', 'src', 'templates', 'tsconfig.json', 'tsconfig.build.json', 'README.md']) {
    cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: copy, encoding: 'utf8' }).trim().split('\n').pop()!;
  tarball = path.join(work, packed);
  prefix = path.join(work, 'prefix');
  execFileSync('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: work, encoding: 'utf8', stdio: 'pipe' });
}, 300_000);

afterAll(() => removeDir(work));

describe('npm pack, then npm install -g', () => {
  it('packs the compiled code, the templates and the command, and nothing of the tests', () => {
    const files = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).split('\n');
    expect(files).toContain('package/dist/cli.js');
    expect(files).toContain('package/dist/bundle/handout.cjs');
    expect(files).toContain('package/dist/bundle/handout.cache');
    expect(files).toContain('package/dist/syllables.txt');
    expect(files).toContain('package/dist/templates.json');
    expect(files).toContain('package/dist/hyphenation/en-us.json');
    expect(files).toContain('package/bin/handout.js');
    expect(files).toContain('package/bin/loadBundle.js');
    expect(files).toContain('package/templates/handout.css');
    expect(files).toContain('package/templates/partials/title-block.hbs');
    expect(files.some((f) => f.startsWith('package/tests/') || f.startsWith('package/src/') || f.startsWith('package/scripts/'))).toBe(false);
  });

  it('ships a code cache that V8 takes for the bundle it ships, in the command and in a render worker (so both start compiled)', async () => {
    const installed = path.join(prefix, 'lib', 'node_modules', 'handout');
    const bundle = path.join(installed, 'dist', 'bundle', 'handout.cjs');
    const cache = bundle.replace(/\.cjs$/, '.cache');
    // Compiled through the command's own loader, which sets the V8 flags the cache was made under
    // (a cache made under other flags is refused).
    const loader = path.join(installed, 'bin', 'loadBundle.js');
    const { compileBundle, setRenderingV8Flags } = (await import(pathToFileURL(loader).href)) as {
      compileBundle(bundle: string, cachedData: Buffer): { cachedDataRejected?: boolean };
      setRenderingV8Flags(): void;
    };
    expect(compileBundle(bundle, readFileSync(cache)).cachedDataRejected).toBe(false);
    // A render worker starts once the build has set the flags for rendering, and compiles in a
    // fresh isolate (a second compile in this one would hit V8's in-memory cache and say nothing).
    setRenderingV8Flags();
    const inWorker = `const { parentPort } = require('node:worker_threads');
      import(${JSON.stringify(pathToFileURL(loader).href)}).then(({ compileBundle }) =>
        parentPort.postMessage(compileBundle(${JSON.stringify(bundle)}, require('node:fs').readFileSync(${JSON.stringify(cache)})).cachedDataRejected));`;
    const worker = new Worker(inWorker, { eval: true });
    const rejected = await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
    await worker.terminate();
    expect(rejected).toBe(false);
  });

  it('gives a handout command that builds a folder anywhere', async () => {
    const bin = path.join(prefix, 'bin', 'handout');
    expect(existsSync(bin)).toBe(true);
    const folder = path.join(work, 'clinic-handouts');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'handout.config.yaml'), 'organisation: Harbour Street Clinic\npaper: a4\n');
    writeFileSync(path.join(folder, 'sleep.md'), '---\ntitle: Sleeping well\n---\nGo to bed at the same time each night.\n\n## Before bed\n\n- Turn off screens an hour before.\n- Keep the room cool and dark.\n');
    // Run from the folder, with no arguments: it has no content/, so the folder is its own.
    const r = spawnSync(bin, ['build'], { cwd: folder, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stderr).not.toMatch(/error/);
    expect(r.status).toBe(0);
    const out = path.join(folder, 'out');
    expect(readdirSync(out).filter((f) => !f.startsWith('.')).sort()).toEqual(['index.html', 'sleep.html', 'sleep.pdf', 'summary.html', 'summary.pdf']);
    checkPdfs(out);
    if (hasCommand('pdftotext')) {
      const text = execFileSync('pdftotext', ['-layout', path.join(out, 'sleep.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('HARBOUR STREET CLINIC');
      expect(text).toContain('Keep the room cool and dark.');
      const info = execFileSync('pdfinfo', [path.join(out, 'sleep.pdf')], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+595\.2\d x 841\.8\d pts \(A4\)/);
      expect(pdfFonts(path.join(out, 'sleep.pdf')).every((f) => f.embedded)).toBe(true);
    }
    // The stylesheet came from inside the package.
    expect(readFileSync(path.join(out, 'sleep.html'), 'utf8')).toContain('--brand: #0f5c73');
  });
});
