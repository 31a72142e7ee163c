/**
 * Rebuilding after edits: only what changed is rendered again, the result is the same as a clean
 * build byte for byte, deleted sources lose their outputs, and a bad cache is never trusted.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, removeDir, ROOT, solidPng, tempDir } from '../helpers/build.js';

let dir: string;
let content: string;

beforeEach(() => {
  dir = tempDir();
  content = path.join(dir, 'content');
  cpSync(path.join(ROOT, 'content'), content, { recursive: true });
});
afterEach(() => removeDir(dir));

const build = (out: string, ...extra: string[]) => cli(['build', 'content', '--out', out, ...extra], { cwd: dir });

/** Every output file's bytes, the cache left out. */
function outputs(out: string): Map<string, Buffer> {
  return new Map(readdirSync(out).filter((f) => !f.startsWith('.')).sort().map((f) => [f, readFileSync(path.join(out, f))]));
}

function expectSameOutputs(a: string, b: string) {
  const x = outputs(a);
  const y = outputs(b);
  expect([...x.keys()]).toEqual([...y.keys()]);
  for (const [f, bytes] of x) expect(bytes.equals(y.get(f)!), f).toBe(true);
}

function smallHandout(n: number): string {
  return `---\ntitle: Handout ${n}\nreviewed: 2026-0${(n % 9) + 1}-15\n---\n\nIntro ${n}.\n\n## Care\n\n- Rest\n- Drink water\n\n| A | B |\n|---|---|\n| ${n} | ${n * 2} |\n`;
}

describe('incremental builds', () => {
  it('renders only what changed', () => {
    const out = path.join(dir, 'out');
    expect(build(out).status).toBe(0);
    const again = build(out);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/content\/calcinosis\.md {2}unchanged/);
    expect(again.stdout).toMatch(/0 built, 2 unchanged, 0 failed/);

    const file = path.join(content, 'types-of-rock.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Every rock you pick up', 'Every stone you pick up'));
    const edited = build(out);
    expect(edited.stdout).toMatch(/content\/types-of-rock\.md → /);
    expect(edited.stdout).toMatch(/content\/calcinosis\.md {2}unchanged/);
    expect(edited.stdout).toMatch(/1 built, 1 unchanged/);
    expect(readFileSync(path.join(out, 'types-of-rock.html'), 'utf8')).toContain('Every stone you pick up');
  });

  it('after a sequence of edits is identical to a clean build, byte for byte', () => {
    const inc = path.join(dir, 'out-incremental');
    expect(build(inc).status).toBe(0);
    // Edit a word, add a handout, delete one, change an embedded image, override a template.
    const calc = path.join(content, 'calcinosis.md');
    writeFileSync(calc, readFileSync(calc, 'utf8').replace('hard bits of calcium', 'hard lumps of calcium'));
    expect(build(inc).status).toBe(0);
    writeFileSync(path.join(content, 'new.md'), smallHandout(1) + '\n![A square](square.png)\n');
    writeFileSync(path.join(content, 'square.png'), solidPng(4, 4, [10, 10, 10]));
    expect(build(inc).status).toBe(0);
    rmSync(path.join(content, 'types-of-rock.md'));
    const afterDelete = build(inc);
    expect(afterDelete.status).toBe(0);
    expect(afterDelete.stdout).toMatch(/removed .*types-of-rock\.pdf/);
    expect(existsSync(path.join(inc, 'types-of-rock.pdf'))).toBe(false);
    expect(existsSync(path.join(inc, 'types-of-rock.summary.pdf'))).toBe(false);
    writeFileSync(path.join(content, 'square.png'), solidPng(4, 4, [200, 200, 200]));
    const afterImage = build(inc);
    expect(afterImage.stdout).toMatch(/content\/new\.md → /);
    mkdirSync(path.join(dir, 'templates', 'partials'), { recursive: true });
    writeFileSync(path.join(dir, 'templates', 'partials', 'title-block.hbs'), '<header class="title-block"><h1>{{title}}</h1><p>Clinic copy</p></header>\n');
    const afterTemplate = build(inc);
    expect(afterTemplate.stdout).toMatch(/2 built, 0 unchanged/);

    const clean = path.join(dir, 'out-clean');
    expect(build(clean).status).toBe(0);
    expectSameOutputs(inc, clean);
  });

  it('--force renders everything again', () => {
    const out = path.join(dir, 'out');
    build(out);
    expect(build(out, '--force').stdout).toMatch(/2 built, 0 unchanged/);
  });

  it('a deleted output is made again', () => {
    const out = path.join(dir, 'out');
    build(out);
    rmSync(path.join(out, 'calcinosis.pdf'));
    expect(build(out).stdout).toMatch(/1 built, 1 unchanged/);
    expect(existsSync(path.join(out, 'calcinosis.pdf'))).toBe(true);
  });

  it('a corrupt or foreign cache is ignored with a warning, never trusted', () => {
    const out = path.join(dir, 'out');
    build(out);
    for (const bad of ['{not json', JSON.stringify({ format: 'someone-else/9', documents: {} })]) {
      writeFileSync(path.join(out, '.handout-cache.json'), bad);
      const r = build(out);
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(/\.handout-cache\.json: warning: the build cache is corrupt or from another tool; it is ignored/);
      expect(r.stdout).toMatch(/2 built, 0 unchanged/);
    }
  });
});

describe('large libraries', () => {
  beforeEach(() => {
    rmSync(content, { recursive: true });
    mkdirSync(content);
    for (let n = 1; n <= 12; n++) writeFileSync(path.join(content, `h${String(n).padStart(2, '0')}.md`), smallHandout(n));
  });

  it('rendering on worker threads gives the same outputs as one thread', () => {
    const one = path.join(dir, 'one');
    const two = path.join(dir, 'two');
    const a = build(one, '--jobs', '1');
    const b = build(two, '--jobs', '2');
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    // Lines come in source order whichever worker finished first.
    expect(b.stdout.split('\n').filter((l) => l.startsWith('  content/')).map((l) => l.trim().split(' ')[0])).toEqual(
      Array.from({ length: 12 }, (_, i) => `content/h${String(i + 1).padStart(2, '0')}.md`),
    );
    expectSameOutputs(one, two);
  });

  it('--shard i/n splits the sources into disjoint slices that together make the whole', () => {
    const slices = [1, 2, 3].map((i) => {
      const out = path.join(dir, `shard-${i}`);
      expect(build(out, '--shard', `${i}/3`).status).toBe(0);
      return readdirSync(out).filter((f) => /^h\d+\.pdf$/.test(f));
    });
    const all = slices.flat().sort();
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(Array.from({ length: 12 }, (_, i) => `h${String(i + 1).padStart(2, '0')}.pdf`));
    expect(cli(['build', 'content', '--shard', '4/3'], { cwd: dir }).stderr).toMatch(/--shard takes i\/n/);
    // Copied together, the shards' outputs need no rendering: the last build only makes the summary.
    const merged = path.join(dir, 'merged');
    for (const i of [1, 2, 3]) cpSync(path.join(dir, `shard-${i}`), merged, { recursive: true });
    const last = build(merged);
    expect(last.stdout).toMatch(/0 built, 12 unchanged, 0 failed/);
    expect((readFileSync(path.join(merged, 'summary.html'), 'utf8').match(/<tr>/g) ?? []).length).toBe(13);
    expect(readdirSync(merged).filter((f) => f.startsWith('.handout-cache'))).toEqual(['.handout-cache.json']);
  });
});
