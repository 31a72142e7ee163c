/**
 * The command's loader hands the build a function that sets V8's settings for a process that
 * renders (bin/loadBundle.js: a higher interrupt budget, so a short build does not spend a core
 * optimising code it runs a few times). The build calls it only when it has something to render:
 * a build where nothing changed keeps V8's defaults, under which it validates the cache faster.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BEFORE_RENDERING, build } from '../../src/collection/build.js';
import { removeDir, tempDir } from '../helpers/build.js';

let dir: string;
let calls = 0;
const hooks = globalThis as { [BEFORE_RENDERING]?: () => void };
beforeEach(() => {
  dir = tempDir();
  writeFileSync(path.join(dir, 'washing.md'), '---\ntitle: Washing hands\n---\n\nUse soap and warm water.\n');
  writeFileSync(path.join(dir, 'sleep.md'), '---\ntitle: Sleeping well\n---\n\nGo to bed at the same time each night.\n');
  calls = 0;
  hooks[BEFORE_RENDERING] = () => void calls++;
});
afterEach(() => {
  delete hooks[BEFORE_RENDERING];
  removeDir(dir);
});

const buildOnce = () => build({ inputs: [dir], outDir: path.join(dir, 'out'), templateDirs: [], jobs: 1 });

describe('settings for a process that renders', () => {
  it('are asked for when documents are rendered, not by a build where nothing changed', async () => {
    expect((await buildOnce()).ok).toBe(true);
    expect(calls).toBeGreaterThan(0);

    calls = 0;
    const again = await buildOnce();
    expect(again.documents.every((d) => d.skipped)).toBe(true);
    expect(calls).toBe(0);

    appendFileSync(path.join(dir, 'sleep.md'), '\nKeep the room dark.\n');
    const edited = await buildOnce();
    expect(edited.documents.filter((d) => !d.skipped).map((d) => path.basename(d.file))).toEqual(['sleep.md']);
    expect(calls).toBeGreaterThan(0);
  });
});
