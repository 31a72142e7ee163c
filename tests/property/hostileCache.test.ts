/**
 * Caches are data, not instructions. fast-check writes random and hostile `.handout-cache.json`
 * files (and shard caches) into the output folder of a scratch project ringed with sentinel files:
 * files beside the sources, above them, in a folder elsewhere, FIFOs, files in out/ the build never
 * wrote. Whatever the cache says, every build completes within its time limit, touches no sentinel,
 * and puts no link into the catalog but the names of its own outputs.
 *
 * Each build is a real command-line process with a time limit (a hang, such as a read of a FIFO,
 * is killed and fails the case). `HANDOUT_PROPERTY_RUNS=200 npx vitest run tests/property/hostileCache.test.ts` runs more.
 */
import { spawnSync, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, ROOT, tempDir } from '../helpers/build.js';

const RUNS = Number(process.env.HANDOUT_PROPERTY_RUNS ?? 15);
/** Far above a build of two short handouts, even on a loaded machine; a hang is far beyond it. */
const BUILD_LIMIT_MS = 90_000;

let scratch: string;
let elsewhere: string;
let out: string;
let validCache: Record<string, unknown>;
const sentinelHash: Record<string, string> = {};

const sha = (b: Buffer | string) => createHash('sha256').update(b).update('\0').digest('hex');

/** Every file and link outside out/ (and the files in out/ the build never wrote), with what it holds. */
function snapshot(): Map<string, string> {
  const seen = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const stat = lstatSync(full);
      if (full === out) {
        for (const own of ['notes.txt', '.something.1.tmp', 'sentinel.pdf.bak']) seen.set(path.join(out, own), sha(readFileSync(path.join(out, own))));
        continue;
      }
      if (stat.isDirectory()) walk(full);
      else if (stat.isSymbolicLink()) seen.set(full, `link → ${readlinkSync(full)}`);
      else if (stat.isFIFO()) seen.set(full, 'fifo');
      else seen.set(full, `${sha(readFileSync(full))} ${stat.mtimeMs}`);
    }
  };
  walk(scratch);
  walk(elsewhere);
  return seen;
}

function runBuild(args: string[] = []) {
  return spawnSync(process.execPath, [path.join(ROOT, 'bin/handout.js'), 'build', 'content', '--out', 'out', '--quiet', ...args], {
    cwd: scratch,
    encoding: 'utf8',
    timeout: BUILD_LIMIT_MS,
    killSignal: 'SIGKILL',
    env: { ...process.env, NO_COLOR: '1', HANDOUT_TODAY: '2026-12-01' },
  });
}

beforeAll(() => {
  scratch = tempDir('handout-hostile-cache-');
  elsewhere = tempDir('handout-hostile-elsewhere-');
  out = path.join(scratch, 'out');
  const content = path.join(scratch, 'content');
  mkdirSync(content);
  writeFileSync(path.join(content, 'a.md'), '---\ntitle: Alpha care\n---\n\nDrink water through the day.\n');
  writeFileSync(path.join(content, 'b.md'), '---\ntitle: Bravo care\n---\n\nRest when you feel tired.\n');
  // The ring: sentinels named like outputs, beside the sources, above them and elsewhere.
  for (const [file, text] of [
    [path.join(scratch, 'sentinel.pdf'), '%PDF-1.7 not yours'],
    [path.join(scratch, 'index.html'), '<h1>hand-written</h1>'],
    [path.join(scratch, '.handout-cache.json'), '{}'],
    [path.join(content, 'a.pdf'), 'beside the sources'],
    [path.join(content, 'notes.md.bak'), 'an editor backup'],
    [path.join(elsewhere, 'victim.pdf'), 'far away'],
    [path.join(elsewhere, 'victim.html'), '<p>far away</p>'],
  ]) {
    writeFileSync(file, text);
    sentinelHash[file] = sha(text);
  }
  execFileSync('mkfifo', [path.join(scratch, 'pipe'), path.join(content, 'pipe.yml')]);
  const first = runBuild();
  if (first.status !== 0) throw new Error(`the first build failed: ${first.stderr}`);
  // Files in out/ that the build never wrote.
  writeFileSync(path.join(out, 'notes.txt'), 'my notes');
  writeFileSync(path.join(out, '.something.1.tmp'), 'not the build’s');
  writeFileSync(path.join(out, 'sentinel.pdf.bak'), 'a copy');
  validCache = JSON.parse(readFileSync(path.join(out, '.handout-cache.json'), 'utf8'));
}, 120_000);

afterAll(() => {
  removeDir(scratch);
  removeDir(elsewhere);
});

/** Paths a hostile cache might name: outside the folder, absolute, odd, or special files. */
const hostilePath = () =>
  fc.constantFrom(
    '../sentinel.pdf', '../index.html', '../content/a.pdf', '../../' + path.basename(elsewhere) + '/victim.pdf', path.join(elsewhere, 'victim.pdf'),
    path.join(scratch, 'sentinel.pdf'), '/dev/zero', '/dev/stdin', '../pipe', 'pipe.yml', '../../pipe', 'a.md/../../sentinel.pdf', '..', '.', '', '/',
    '__proto__', 'constructor', 'notes.txt', '.something.1.tmp', 'sentinel.pdf.bak', 'index.html', 'a.pdf', 'a.html', 'b.pdf', 'C:\\Windows\\x.pdf',
    'a\0.pdf', 'x/../../victim.html', 'content/../../x.pdf', '%2e%2e/victim.pdf',
  );
const hostileLink = () => fc.constantFrom('javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'https://tracker.example/x.pdf', 'data:text/html,<script>x</script>', '../sentinel.pdf', 'a.html', 'b.pdf', '//evil.example/');
const knownHash = () => fc.constantFrom(...Object.values(sentinelHash), sha('my notes'), 'a'.repeat(64), '', 'zz');

/** A valid cache, changed in one to four places, each to something hostile. */
const mutatedCache = () =>
  fc.array(
    fc.oneof(
      fc.record({ at: fc.constantFrom('source'), key: hostilePath() }),
      fc.record({ at: fc.constantFrom('output'), key: hostilePath(), hash: knownHash() }),
      fc.record({ at: fc.constantFrom('dependency'), key: hostilePath(), hash: knownHash() }),
      fc.record({ at: fc.constantFrom('link'), field: fc.constantFrom('pdf', 'html', 'summaryPdf', 'summaryHtml', 'largePrint'), value: hostileLink() }),
      fc.record({ at: fc.constantFrom('slug'), value: fc.constantFrom('../x', 'index', 'a', 'b', 'javascript:alert(1)', '', 'é-ok') }),
      fc.record({ at: fc.constantFrom('collection'), key: hostilePath(), hash: knownHash() }),
      fc.record({ at: fc.constantFrom('format'), value: fc.constantFrom('handout-build-cache/1', 'handout-build-cache/2', 'handout-build-cache/4', 7, null) }),
      fc.record({ at: fc.constantFrom('any'), value: fc.jsonValue({ maxDepth: 3 }) }),
    ),
    { minLength: 1, maxLength: 4 },
  ).map((changes) => {
    const cache = structuredClone(validCache) as { format: unknown; documents: Record<string, Record<string, any>>; collection?: { key: string; outputs: Record<string, string> } };
    const names = Object.keys(cache.documents);
    // An earlier change may have made a field a string, a number or null ('any'): a later change into it then does nothing.
    const into = (o: unknown) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>) : {});
    for (const [i, c] of changes.entries()) {
      const doc = cache.documents[names[i % names.length]] ?? Object.values(cache.documents)[0];
      if (!doc) continue;
      if (c.at === 'source') cache.documents[c.key] = structuredClone(doc);
      else if (c.at === 'output') into(doc.outputs)[c.key] = c.hash;
      else if (c.at === 'dependency') into(doc.dependencies)[c.key] = c.hash;
      else if (c.at === 'link') into(doc.row)[c.field] = c.value;
      else if (c.at === 'slug') doc.slug = into(doc.row).slug = c.value;
      else if (c.at === 'collection') (cache.collection ??= { key: 'a'.repeat(64), outputs: {} }).outputs[c.key] = c.hash;
      else if (c.at === 'format') cache.format = c.value;
      else if (c.at === 'any') doc[Object.keys(doc)[i % Object.keys(doc).length]] = c.value;
    }
    return JSON.stringify(cache);
  });

/** The previous format (outputs listed by name, without hashes), naming hostile files for sources that are gone. */
const legacyCache = () =>
  fc.record({
    files: fc.array(hostilePath(), { minLength: 1, maxLength: 4 }),
    link: hostileLink(),
    source: fc.constantFrom('content/gone.md', '../gone.md', 'gone.md', path.join(elsewhere, 'gone.md')),
  }).map(({ files, link, source }) => {
    const row = { title: 'Gone', slug: 'gone', lang: 'en', pages: 1, words: 3, pdf: link, html: link, fleschKincaid: 1, smog: 1, targetGrade: 8, meetsTarget: true, reviewStatus: 'current' };
    return JSON.stringify({ format: 'handout-build-cache/1', documents: { [source]: { key: 'k', dependencies: {}, slug: 'gone', files, row, warnings: [] } } });
  });

/** What goes into the cache file: random JSON, random bytes, or a valid cache made hostile. */
const cacheFile = () => fc.oneof(
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.from(b)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 2, arbitrary: legacyCache() },
  { weight: 6, arbitrary: mutatedCache() },
);

// Made when the test runs: the paths and hashes they use exist only after beforeAll.
const scenario = () => fc.record({
  cache: cacheFile(),
  /** A shard cache too: the whole build merges every shard's. */
  shard: fc.option(mutatedCache(), { nil: undefined }),
  force: fc.boolean(),
});

describe('hostile build caches', () => {
  it('never make the build touch anything outside out/, hang, crash or link anything but its own outputs', () => {
    fc.assert(
      fc.property(scenario(), ({ cache, shard, force }) => {
        const before = snapshot();
        writeFileSync(path.join(out, '.handout-cache.json'), cache);
        if (shard) writeFileSync(path.join(out, '.handout-cache.1-of-2.json'), shard);
        const r = runBuild(force ? ['--force'] : []);
        rmSync(path.join(out, '.handout-cache.1-of-2.json'), { force: true });
        expect(r.signal, `the build did not complete within ${BUILD_LIMIT_MS} ms`).toBeNull();
        expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
        expect(r.status, r.stderr).toBe(0);
        expect(snapshot()).toEqual(before);
        const index = readFileSync(path.join(out, 'index.html'), 'utf8');
        for (const a of selectAll('a[href]', fromHtml(index))) expect(String(a.properties.href)).toMatch(/^[a-z0-9-]+(\.summary|\.large)?\.(html|pdf)$/);
        expect(readFileSync(path.join(out, 'summary.pdf')).toString('latin1')).not.toMatch(/javascript:|tracker\.example|evil\.example/i);
      }),
      { numRuns: RUNS },
    );
  }, RUNS * BUILD_LIMIT_MS);
});
