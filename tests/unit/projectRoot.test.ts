/** Which folder a source's images must stay inside (src/read/projectRoot.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isInside, projectRoot, resolveInProject } from '../../src/read/projectRoot.js';
import { removeDir, tempDir } from '../helpers/build.js';

let dir: string;
let cwd: string;
beforeEach(() => {
  dir = tempDir();
  cwd = process.cwd();
  mkdirSync(path.join(dir, 'project', 'content', 'deep'), { recursive: true });
});
afterEach(() => {
  process.chdir(cwd);
  removeDir(dir);
});

describe('projectRoot', () => {
  it('is the nearest folder above the source with package.json or .git', () => {
    writeFileSync(path.join(dir, 'project', 'package.json'), '{}');
    expect(projectRoot(path.join(dir, 'project', 'content', 'deep', 'a.md'))).toBe(path.join(dir, 'project'));
    mkdirSync(path.join(dir, 'project', 'content', '.git'));
    expect(projectRoot(path.join(dir, 'project', 'content', 'deep', 'a.md'))).toBe(path.join(dir, 'project', 'content'));
  });

  it('else the current folder when the source is inside it, else the source\'s folder', () => {
    process.chdir(path.join(dir, 'project'));
    expect(projectRoot(path.join(dir, 'project', 'content', 'a.md'))).toBe(process.cwd());
    process.chdir(path.join(dir, 'project', 'content', 'deep'));
    expect(projectRoot(path.join(dir, 'project', 'content', 'a.md'))).toBe(path.join(dir, 'project', 'content'));
  });
});

describe('resolveInProject', () => {
  it('refuses paths that climb out, absolute paths outside, and accepts what is inside', () => {
    writeFileSync(path.join(dir, 'project', 'package.json'), '{}');
    writeFileSync(path.join(dir, 'project', 'logo.png'), 'x');
    const source = path.join(dir, 'project', 'content', 'a.md');
    expect(resolveInProject('../../../etc/passwd', source)).toMatchObject({ ok: false, reason: 'outside' });
    expect(resolveInProject('/etc/passwd', source)).toMatchObject({ ok: false, reason: 'outside' });
    expect(resolveInProject('../logo.png', source)).toMatchObject({ ok: true });
    expect(resolveInProject('missing.png', source)).toMatchObject({ ok: false, reason: 'missing' });
    expect(isInside('/a/b', '/a')).toBe(true);
    expect(isInside('/ab', '/a')).toBe(false);
  });
});
