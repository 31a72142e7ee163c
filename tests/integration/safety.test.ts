/**
 * The build deletes or overwrites only what it wrote itself, never anything outside out/, reads its
 * cache as data, reads no FIFO, runs one at a time per output folder, and records exactly what it
 * rendered. Each case as a careless or a hostile user meets it, through the real command line.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os, { availableParallelism } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { cli, removeDir, ROOT, tempDir } from '../helpers/build.js';

let dir: string;
let content: string;
let out: string;

const handout = (title: string, body = 'Drink water through the day. Rest when you feel tired.') => `---\ntitle: ${title}\n---\n\n${body}\n`;

beforeEach(() => {
  dir = tempDir('handout-safety-');
  content = path.join(dir, 'content');
  out = path.join(dir, 'out');
  mkdirSync(content);
  writeFileSync(path.join(content, 'a.md'), handout('Alpha care'));
  writeFileSync(path.join(content, 'b.md'), handout('Bravo care'));
});
afterEach(() => removeDir(dir));

const build = (...args: string[]) => cli(['build', 'content', '--out', 'out', ...args], { cwd: dir });
const deadPid = () => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
const catalogLinks = () => selectAll('a[href]', fromHtml(readFileSync(path.join(out, 'index.html'), 'utf8'))).map((a) => String(a.properties.href));

/** Every link of the catalog names a file that is there. */
function expectCatalogWhole(): void {
  for (const href of catalogLinks()) expect(existsSync(path.join(out, href)), href).toBe(true);
}

describe('ownership: the build removes only outputs no source writes any more', () => {
  it('keeps the new output after `mv b.md B.md` (the same output name)', () => {
    expect(build().status).toBe(0);
    renameSync(path.join(content, 'b.md'), path.join(content, 'B.md'));
    const r = build();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/removed/);
    expect(existsSync(path.join(out, 'b.pdf'))).toBe(true);
    expect(existsSync(path.join(out, 'b.html'))).toBe(true);
    expect(catalogLinks()).toContain('b.html');
    expectCatalogWhole();
    // And the build after it agrees: nothing to do, nothing removed.
    const again = build();
    expect(again.stdout).toMatch(/0 built, 2 unchanged/);
    expect(existsSync(path.join(out, 'b.pdf'))).toBe(true);
  });

  it('building the same sources from another working folder is the same build', () => {
    expect(build().status).toBe(0);
    const r = cli(['build', '.', '--out', '../out'], { cwd: content });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/0 built, 2 unchanged/);
    expect(r.stdout).not.toMatch(/removed/);
    for (const f of ['a.pdf', 'a.html', 'b.pdf', 'b.html', 'index.html']) expect(existsSync(path.join(out, f)), f).toBe(true);
    expectCatalogWhole();
  });

  it('building another folder into the same out/ keeps the first folder’s outputs, and each build after it knows both', () => {
    // No package.json or .git marks a project here, so each build's sources' root is its own folder.
    const other = path.join(dir, 'other');
    mkdirSync(other);
    writeFileSync(path.join(other, 'c.md'), handout('Charlie care'));
    expect(build().status).toBe(0);
    const r = cli(['build', 'other', '--out', 'out'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/1 built, 0 unchanged/);
    expect(r.stdout).not.toMatch(/removed/);
    for (const f of ['a.pdf', 'a.html', 'b.pdf', 'b.html', 'c.pdf', 'c.html']) expect(existsSync(path.join(out, f)), f).toBe(true);
    expect(catalogLinks()).toEqual(expect.arrayContaining(['a.html', 'b.html', 'c.html']));
    const again = build();
    expect(again.stdout).toMatch(/0 built, 2 unchanged/);
    expect(again.stdout).not.toMatch(/removed/);
    expect(existsSync(path.join(out, 'c.pdf'))).toBe(true);
    // A source deleted from either folder still takes its outputs with it.
    rmSync(path.join(other, 'c.md'));
    expect(build().stdout).toMatch(/removed .*c\.pdf/);
    expect(existsSync(path.join(out, 'a.pdf'))).toBe(true);
    expectCatalogWhole();
  });

  it('a crafted cache whose root leads out of the project never widens it: its entries outside are dropped, not listed', () => {
    expect(build().status).toBe(0);
    const file = path.join(out, '.handout-cache.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    const [name, entry] = Object.entries(data.documents)[0] as [string, { row: { title: string } }];
    data.root = '../'.repeat(30);
    data.documents[`etc/${name.split('/').pop()}`] = { ...entry, row: { ...entry.row, title: 'Injected row' } };
    writeFileSync(file, JSON.stringify(data));
    const r = build();
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).not.toContain('Injected row');
    expect(JSON.parse(readFileSync(file, 'utf8')).root).not.toMatch(/\.\.\/\.\.\/\.\./);
  });

  it('a project moved whole keeps its cache: nothing is built again', () => {
    expect(build().status).toBe(0);
    const moved = tempDir('handout-moved-');
    renameSync(content, path.join(moved, 'content'));
    renameSync(out, path.join(moved, 'out'));
    const r = cli(['build', 'content', '--out', 'out'], { cwd: moved });
    removeDir(moved);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/0 built, 2 unchanged/);
  });

  it('removes the outputs of a deleted source, but leaves one changed by hand since, with a warning', () => {
    expect(build().status).toBe(0);
    writeFileSync(path.join(out, 'b.html'), '<p>my own notes</p>');
    rmSync(path.join(content, 'b.md'));
    const r = build();
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(path.join(out, 'b.pdf'))).toBe(false);
    expect(readFileSync(path.join(out, 'b.html'), 'utf8')).toBe('<p>my own notes</p>');
    expect(r.stderr).toMatch(/out\/b\.html: warning: no source writes this output any more, but it was changed since handout wrote it/);
    expect(catalogLinks()).not.toContain('b.html');
  });

  it('never overwrites a file in out/ it did not write: it names it, and --overwrite replaces it', () => {
    mkdirSync(out);
    writeFileSync(path.join(out, 'index.html'), '<h1>Our clinic</h1>');
    writeFileSync(path.join(out, 'a.html'), '<p>my own page</p>');
    const r = build();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/out\/index\.html was not written by handout.*it is not overwritten \(.*--overwrite/);
    expect(r.stderr).toMatch(/out\/a\.html was not written by handout/);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('<h1>Our clinic</h1>');
    expect(readFileSync(path.join(out, 'a.html'), 'utf8')).toBe('<p>my own page</p>');
    expect(existsSync(path.join(out, 'a.pdf'))).toBe(false); // all of a document's outputs, or none
    expect(existsSync(path.join(out, 'b.pdf'))).toBe(true); // the others still build
    const forced = build('--overwrite');
    expect(forced.status, forced.stderr).toBe(0);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toMatch(/<!DOCTYPE html>/);
  });

  it('`--out .` in a folder of its own files: the hand-written index.html and an unrelated .tmp file survive', () => {
    const site = path.join(dir, 'site');
    mkdirSync(site);
    writeFileSync(path.join(site, 'index.html'), '<h1>Our clinic</h1>');
    writeFileSync(path.join(site, `.something.${deadPid()}.tmp`), 'an editor backup');
    const r = cli(['build', '../content', '--out', '.'], { cwd: site });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/index\.html was not written by handout/);
    expect(readFileSync(path.join(site, 'index.html'), 'utf8')).toBe('<h1>Our clinic</h1>');
    expect(readdirSync(site).filter((f) => f.startsWith('.something.'))).toHaveLength(1);
    expect(existsSync(path.join(site, 'a.pdf'))).toBe(true);
  });

  it('overwrites its own outputs when their cache is gone (they carry its mark, a PDF at its end)', () => {
    const long = Array.from({ length: 90 }, (_, i) => `## Part ${i + 1}\n\n${'Drink water through the day and rest when you feel tired. '.repeat(12)}`).join('\n\n');
    writeFileSync(path.join(content, 'a.md'), handout('Alpha care', long));
    expect(build().status).toBe(0);
    expect(statSync(path.join(out, 'a.pdf')).size).toBeGreaterThan(64 * 1024);
    rmSync(path.join(out, '.handout-cache.json'));
    const r = build();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/2 built/);
  });

  it('refuses an output folder that is, or holds, a folder of sources, and writes nothing', () => {
    const r = cli(['build', 'content', '--out', 'content'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/content: error: the output folder is a folder of sources/);
    const up = cli(['build', 'content', '--out', '.'], { cwd: dir });
    expect(up.status).toBe(1);
    expect(up.stderr).toMatch(/error: the output folder holds the sources in content/);
    const file = cli(['build', 'content/a.md', '--out', 'content'], { cwd: dir });
    expect(file.status).toBe(1);
    expect(readdirSync(content).sort()).toEqual(['a.md', 'b.md']);
    expect(readdirSync(dir).sort()).toEqual(['content']);
  });

  it('compares real paths: an output folder that leads to a folder of sources through a link is refused, naming both, and writes nothing', () => {
    const untouched = () => expect(readdirSync(content).sort()).toEqual(['a.md', 'b.md', 'sub']);
    mkdirSync(path.join(content, 'sub'));
    writeFileSync(path.join(content, 'sub', 'c.md'), handout('Charlie care'));
    symlinkSync('content', path.join(dir, 'out'));
    const same = build();
    expect(same.status).toBe(1);
    expect(same.stderr).toMatch(/^out: error: the output folder is a folder of sources: out \(which leads to content\) and content are the same folder \(choose an output folder of its own/m);
    untouched();
    // A link to the folder that holds the sources.
    symlinkSync('.', path.join(dir, 'up'));
    const holds = cli(['build', 'content', '--out', 'up'], { cwd: dir });
    expect(holds.status).toBe(1);
    expect(holds.stderr).toMatch(/^up: error: the output folder up \(which leads to \/.*\) holds the sources in content \(choose/m);
    // An output folder inside the sources, through a link: content/sub holds c.md.
    symlinkSync('content/sub', path.join(dir, 'inner'));
    const inner = cli(['build', 'content', '--out', 'inner'], { cwd: dir });
    expect(inner.status).toBe(1);
    expect(inner.stderr).toMatch(/^inner: error: the output folder is a folder of sources: inner \(which leads to content\/sub\) and content\/sub are the same folder/m);
    // The sources named through a link, the output folder as they really are.
    symlinkSync('content', path.join(dir, 'src'));
    const input = cli(['build', 'src', '--out', 'content'], { cwd: dir });
    expect(input.status).toBe(1);
    expect(input.stderr).toMatch(/^content: error: the output folder is a folder of sources: content and src \(which leads to content\) are the same folder/m);
    // A source file that is a link into the output folder.
    mkdirSync(path.join(dir, 'other'));
    symlinkSync('../content/a.md', path.join(dir, 'other', 'x.md'));
    const file = cli(['build', 'other/x.md', '--out', 'content'], { cwd: dir });
    expect(file.status).toBe(1);
    expect(file.stderr).toMatch(/^content: error: the output folder is a folder of sources: content and other \(which leads to content\) are the same folder/m);
    untouched();
    // An output folder of its own, named through a link, is fine.
    mkdirSync(path.join(dir, 'published'));
    symlinkSync('published', path.join(dir, 'pub'));
    const ok = cli(['build', 'content', '--out', 'pub'], { cwd: dir });
    expect(ok.status, ok.stderr).toBe(0);
    expect(readdirSync(path.join(dir, 'published'))).toContain('a.pdf');
    untouched();
  });

  it('links in a folder of sources: one inside it is its target, built once; one leading out, broken, looping or to a FIFO is skipped with a warning naming it', () => {
    const shared = path.join(dir, 'shared');
    mkdirSync(path.join(shared, 'pics'), { recursive: true });
    writeFileSync(path.join(shared, 'secret.md'), handout('Secret notes', 'Private words from outside the folder.'));
    mkdirSync(path.join(content, '_drafts'));
    writeFileSync(path.join(content, '_drafts', 'd.md'), handout('Delta care'));
    symlinkSync('../shared/secret.md', path.join(content, 'secret.md'));
    symlinkSync('a.md', path.join(content, 'alias.md'));
    symlinkSync('_drafts/d.md', path.join(content, 'draft.md'));
    symlinkSync('nowhere.md', path.join(content, 'broken.md'));
    symlinkSync('loop.md', path.join(content, 'loop.md'));
    symlinkSync('../shared', path.join(content, 'more'));
    symlinkSync('../shared/pics', path.join(content, 'pics'));
    execFileSync('mkfifo', [path.join(content, 'pipe.md')]);
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/handout.js'), 'build', 'content', '--out', 'out', '--jobs', '1'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(r.signal, 'the build hung').toBeNull();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^3 built, 0 unchanged, 0 failed/m);
    expect(r.stdout).toMatch(/content\/_drafts\/d\.md → out\/d\.pdf/);
    expect(r.stderr).toMatch(/^content\/secret\.md: warning: skipped: it is a link to shared\/secret\.md, outside content \(name it on the command line to build it/m);
    expect(r.stderr).toMatch(/^content\/broken\.md: warning: skipped: it is a symbolic link to nowhere\.md, which does not exist/m);
    expect(r.stderr).toMatch(/^content\/loop\.md: warning: skipped: it is a symbolic link loop/m);
    expect(r.stderr).toMatch(/^content\/pipe\.md: warning: skipped: it is a FIFO \(named pipe\), not a regular file/m);
    expect(r.stderr).toMatch(/^content\/more: warning: skipped: it is a link to a folder of sources outside content \(shared\)/m);
    expect(r.stderr).not.toMatch(/pics|alias|draft\.md/); // a folder of pictures, and links inside: nothing to say
    const outputs = readdirSync(out).filter((f) => !f.startsWith('.')).sort();
    expect(outputs).toEqual(['a.html', 'a.pdf', 'b.html', 'b.pdf', 'd.html', 'd.pdf', 'index.html', 'summary.html', 'summary.pdf']);
    for (const f of outputs) expect(readFileSync(path.join(out, f)).toString('latin1'), f).not.toMatch(/Private words|Secret notes/);
    const json = JSON.parse(cli(['build', 'content', '--out', 'out', '--json'], { cwd: dir }).stdout) as { warnings: { file: string; message: string }[] };
    expect(json.warnings.map((w) => w.file)).toEqual(expect.arrayContaining(['content/secret.md', 'content/broken.md', 'content/loop.md', 'content/pipe.md', 'content/more']));
    // handout check says the same.
    const check = cli(['check', 'content'], { cwd: dir });
    expect(check.stdout).toMatch(/^content\/secret\.md: warning: skipped: it is a link to shared\/secret\.md, outside content/m);
    expect(check.stdout).toMatch(/Checked 3 handouts/);
  });

  it('cleans only temporary files it names itself: `.something.12345.tmp` stays', () => {
    mkdirSync(out);
    const pid = deadPid();
    writeFileSync(path.join(out, `.something.${pid}.tmp`), 'an editor backup');
    writeFileSync(path.join(out, `.a.pdf.handout-${pid}.tmp`), '%PDF-1.7 half writ');
    expect(build().status).toBe(0);
    expect(readFileSync(path.join(out, `.something.${pid}.tmp`), 'utf8')).toBe('an editor backup');
    expect(existsSync(path.join(out, `.a.pdf.handout-${pid}.tmp`))).toBe(false);
  });
});

describe('the cache is data, not instructions', () => {
  const cacheFile = () => path.join(out, '.handout-cache.json');
  const readCache = () => JSON.parse(readFileSync(cacheFile(), 'utf8'));

  it('a cache naming files outside out/ deletes nothing there, in either format, and the build completes', () => {
    const victim = path.join(dir, 'victim.txt');
    const nearby = path.join(dir, 'content', 'notes.txt.bak');
    writeFileSync(victim, 'keep me');
    writeFileSync(nearby, 'keep me too');
    mkdirSync(out);
    const gone = { key: 'x', dependencies: {}, slug: 'gone', row: { title: 'Gone', slug: 'gone' }, warnings: [] };
    for (const cache of [
      // The previous format: outputs listed by name, sources relative to the working folder.
      { format: 'handout-build-cache/1', documents: { 'content/gone.md': { ...gone, files: ['../victim.txt', '../content/notes.txt.bak', victim] } } },
      { format: 'handout-build-cache/2', documents: { 'content/gone.md': { ...gone, key: 'a'.repeat(64), outputs: { '../victim.txt': 'b'.repeat(64), [victim]: 'c'.repeat(64) } } } },
    ]) {
      writeFileSync(cacheFile(), JSON.stringify(cache));
      const r = build();
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/\.handout-cache\.json: warning: the build cache is corrupt or from another tool; it is ignored and everything is rebuilt/);
      expect(readFileSync(victim, 'utf8')).toBe('keep me');
      expect(readFileSync(nearby, 'utf8')).toBe('keep me too');
    }
  });

  it('a well-formed cache of the wrong shape is a warning and a full rebuild, with or without --force', () => {
    mkdirSync(out);
    const wrongShapes = [
      { format: 'handout-build-cache/1', documents: { 'content/a.md': { key: 5, dependencies: null, files: 3 } }, collection: { key: 'k', files: 3 } },
      { format: 'handout-build-cache/2', documents: { 'a.md': { key: 5, outputs: [], row: null } }, collection: { key: 'k', files: 3 } },
    ];
    for (const [shape, args] of wrongShapes.flatMap((shape) => [[shape, []], [shape, ['--force']]] as const)) {
      writeFileSync(cacheFile(), JSON.stringify(shape));
      const r = build(...args);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/internal error/);
      expect(r.stderr).toMatch(/build cache is corrupt or from another tool/);
      expect(r.stdout).toMatch(/2 built, 0 unchanged/);
    }
  });

  it('a crafted cache of two million wrong entries is a warning and a full rebuild, not a build that runs out of memory', () => {
    mkdirSync(out);
    // 33 MB of `{}` entries: checked as a whole, the schema listed an issue for each, and Node ran out of memory.
    writeFileSync(cacheFile(), `{"format":"handout-build-cache/3","documents":{${Array.from({ length: 2_000_000 }, (_, i) => `"d${i}.md":{}`).join(',')}}}`);
    const r = build();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/build cache is corrupt or from another tool; it is ignored and everything is rebuilt \(it does not have the shape this version writes: .* at documents\.d0\.md/);
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['a.pdf', 'b.pdf']));
  }, 120_000);

  it('never puts a javascript: link into the catalog or a URI action into summary.pdf from a cache', () => {
    // c.md exists but is not part of this build: its row comes only from the cache. Paths in the
    // cache are relative to the sources' root (here content/, the folder that holds them all).
    writeFileSync(path.join(content, 'c.md'), handout('Charlie care'));
    expect(cli(['build', 'content', '--out', 'out'], { cwd: dir }).status).toBe(0);
    const good = readCache();
    const entry = good.documents['c.md'];
    const hostile = { ...entry, row: { ...entry.row, html: 'javascript:alert(document.cookie)', pdf: 'https://tracker.example/c.pdf' } };
    writeFileSync(cacheFile(), JSON.stringify({ ...good, documents: { ...good.documents, 'c.md': hostile }, collection: undefined }));
    const r = cli(['build', 'content/a.md', 'content/b.md', '--out', 'out', '--force'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/build cache is corrupt or from another tool.*is not one of the document's outputs/);
    for (const href of catalogLinks()) expect(href).toMatch(/^[a-z0-9.-]+\.(html|pdf)$/);
    const qpdf = spawnSync('qpdf', ['--json', path.join(out, 'summary.pdf')], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (qpdf.status === 0) expect(qpdf.stdout).not.toMatch(/javascript:|tracker\.example/);
    expect(readFileSync(path.join(out, 'summary.pdf')).toString('latin1')).not.toMatch(/javascript:|tracker\.example/);
  });

  it('a cache, a source or a glossary that is a FIFO is never read: the build completes', () => {
    expect(build().status).toBe(0);
    const good = readCache();
    good.documents['a.md'].dependencies['pipe.yml'] = 'd'.repeat(64);
    writeFileSync(cacheFile(), JSON.stringify(good));
    execFileSync('mkfifo', [path.join(content, 'pipe.yml'), path.join(content, 'fifo.md')]);
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/handout.js'), 'build', 'content', 'content/fifo.md', '--out', 'out'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(r.signal, 'the build hung').toBeNull();
    expect(r.stderr).toMatch(/content\/fifo\.md: error: cannot read the file: it is a FIFO/);
    expect(r.stdout).toMatch(/content\/a\.md → /); // its dependency changed (a FIFO now): rendered again
    // The cache file itself a FIFO.
    rmSync(cacheFile());
    execFileSync('mkfifo', [cacheFile()]);
    const c = spawnSync(process.execPath, [path.join(ROOT, 'bin/handout.js'), 'build', 'content', '--out', 'out'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(c.signal, 'the build hung').toBeNull();
    expect(c.stderr).toMatch(/build cache is corrupt or from another tool.*not a regular file/);
  });

  it('`build` and `dev` share one cache: the same sources, the same key', async () => {
    expect(build().status).toBe(0);
    const { spawn } = await import('node:child_process');
    const dev = spawn(process.execPath, [path.join(ROOT, 'bin/handout.js'), 'dev', '--port', '0'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let log = '';
    dev.stdout.on('data', (d) => (log += d));
    dev.stderr.on('data', (d) => (log += d));
    try {
      const end = Date.now() + 60_000;
      while (!/Serving/.test(log) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
      expect(log).toMatch(/0 built, 2 unchanged/);
    } finally {
      dev.kill('SIGTERM');
    }
  }, 90_000);
});

describe('one build at a time per output folder', () => {
  it('refuses while another build holds the folder, naming it', () => {
    mkdirSync(out);
    // This test's own process stands for the other build: alive, on this machine.
    writeFileSync(path.join(out, '.handout-build.lock'), JSON.stringify({ pid: process.pid, host: os.hostname(), started: '2026-12-01T10:00:00.000Z' }));
    const r = build();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`out: error: another handout build \\(process ${process.pid}, started 2026-12-01T10:00:00.000Z\\) is writing to this output folder \\(wait for it to finish`));
    expect(existsSync(path.join(out, 'a.pdf'))).toBe(false);
  });

  it('takes over a lock whose build is gone, and leaves none behind', () => {
    mkdirSync(out);
    writeFileSync(path.join(out, '.handout-build.lock'), JSON.stringify({ pid: deadPid(), host: os.hostname(), started: '2026-12-01T10:00:00.000Z' }));
    const r = build();
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(path.join(out, '.handout-build.lock'))).toBe(false);
  });

  it('leaves a folder under the lock file’s name alone, and says so, rather than fail with an internal error', () => {
    const lock = path.join(out, '.handout-build.lock');
    mkdirSync(lock, { recursive: true });
    writeFileSync(path.join(lock, 'mine.txt'), 'keep me');
    // Made just now, and an hour ago: neither is a build's lock, starting or stale.
    for (const age of [0, 3_600_000]) {
      utimesSync(lock, new Date(Date.now() - age), new Date(Date.now() - age));
      const r = build();
      expect(r.status).toBe(1);
      expect(r.stderr).not.toMatch(/internal error/);
      expect(r.stderr).toMatch(/cannot lock the output folder: out\/\.handout-build\.lock is a folder/);
    }
    expect(readFileSync(path.join(lock, 'mine.txt'), 'utf8')).toBe('keep me');
  });
});

describe('--jobs', () => {
  it('is capped at the cores there are', () => {
    for (let i = 0; i < 9; i++) writeFileSync(path.join(content, `more-${i}.md`), handout(`More care ${i}`));
    const r = build('--jobs', String(availableParallelism() * 4), '--json');
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.workers).toBeGreaterThanOrEqual(1);
    expect(report.workers).toBeLessThanOrEqual(availableParallelism());
  });
});

describe('fresh or rebuilt', () => {
  /** The compiled library, as the command line runs it (its render workers are compiled files). */
  const library = async () => (await import(path.join(ROOT, 'dist/collection/build.js'))) as typeof import('../../src/collection/build.js');
  const options = (jobs: number) => ({ inputs: [content], outDir: out, templateDirs: [path.join(dir, 'templates')], jobs, check: { today: '2026-12-01' } });

  it('an edit saved during a build (a glossary, read by workers) is rendered by the next build', async () => {
    const { build: run } = await library();
    writeFileSync(path.join(content, 'glossary.yml'), 'hydration: Having enough water in your body.\n');
    for (let i = 0; i < 10; i++) writeFileSync(path.join(content, `doc-${i}.md`), handout(`Document ${i}`, 'Good hydration helps you heal. Drink water through the day.'));
    let edited = false;
    await run(options(2), {
      document(result) {
        if (edited || !result.file.endsWith('doc-3.md')) return;
        // Saved while the documents after it are being rendered on the other workers.
        writeFileSync(path.join(content, 'glossary.yml'), 'hydration: Drinking enough water each day.\n');
        edited = true;
      },
    });
    await run(options(2));
    for (let i = 0; i < 10; i++) expect(readFileSync(path.join(out, `doc-${i}.html`), 'utf8'), `doc-${i}.html`).toContain('Drinking enough water each day.');
  }, 120_000);

  it('an edited edition stylesheet (large-print.css) renders the handouts again', () => {
    mkdirSync(path.join(dir, 'templates'));
    writeFileSync(path.join(dir, 'templates/large-print.css'), readFileSync(path.join(ROOT, 'templates/large-print.css'), 'utf8'));
    expect(build('--variant', 'large-print').status).toBe(0);
    writeFileSync(path.join(dir, 'templates/large-print.css'), readFileSync(path.join(ROOT, 'templates/large-print.css'), 'utf8') + '\nh1 { color: #000000; }\n');
    const r = build('--variant', 'large-print');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/2 built, 0 unchanged/);
  });

  it('a source edited during a build: what was rendered is what was recorded, and the next build renders the edit', async () => {
    const { build: run } = await library();
    let edited = false;
    const first = await run(options(1), {
      document(result) {
        if (edited || !result.file.endsWith('a.md')) return;
        writeFileSync(path.join(content, 'b.md'), handout('Bravo care', 'Walk a little every morning.'));
        edited = true;
      },
    });
    expect(first.ok).toBe(true);
    const second = await run(options(1));
    expect(second.documents.find((d) => d.file.endsWith('b.md'))?.skipped).toBeFalsy();
    expect(readFileSync(path.join(out, 'b.html'), 'utf8')).toContain('Walk a little every morning.');
  }, 120_000);
});
