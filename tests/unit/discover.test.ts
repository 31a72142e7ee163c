/**
 * Which files of a folder are sources: names starting with "_" or "." are drafts and are passed
 * over, and a folder of nothing but drafts says so instead of building nothing in silence.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverSources } from '../../src/collection/discover.js';
import { Warnings } from '../../src/diagnostics.js';
import { removeDir, tempDir } from '../helpers/build.js';

let dir: string;
afterEach(() => removeDir(dir));

describe('sources in a folder', () => {
  it('passes over drafts, and says so when a folder holds nothing else', () => {
    dir = tempDir('handout-discover-');
    writeFileSync(path.join(dir, '_draft.md'), '# Draft\n');
    writeFileSync(path.join(dir, '.notes.txt'), 'Notes.\n');
    const warnings = new Warnings();
    expect(discoverSources([dir], warnings)).toEqual([]);
    expect(warnings.list.map((w) => w.message)).toEqual([expect.stringMatching(/no sources in this folder: 2 files \(".notes.txt", "_draft.md"\) are passed over/)]);
  });

  it('says nothing about drafts beside real sources, and builds a draft named on the command line', () => {
    dir = tempDir('handout-discover-');
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, '_draft.md'), '# Draft\n');
    writeFileSync(path.join(dir, 'sub', 'real.md'), '# Real\n');
    const warnings = new Warnings();
    expect(discoverSources([dir], warnings)).toEqual([path.join(dir, 'sub', 'real.md')]);
    expect(warnings.list).toEqual([]);
    expect(discoverSources([path.join(dir, '_draft.md')])).toEqual([path.join(dir, '_draft.md')]);
  });
});
