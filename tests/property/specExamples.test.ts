/**
 * Every example of the GFM spec (a superset of CommonMark's) as a handout of its own, through the
 * whole pipeline in a bounded worker: each builds, or is refused with a clear message. Needs
 * ../shared (skipped with a reason without it).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoundedBuilder, COMPILED } from '../helpers/boundedBuild.js';
import { specExamples } from '../helpers/specExamples.js';
import { removeDir, SHARED, tempDir } from '../helpers/build.js';

const SPEC = path.join(SHARED, 'corpus/spec/gfm_spec.txt');


let dir: string;
let builder: BoundedBuilder;
beforeAll(() => {
  dir = tempDir('handout-spec-');
  builder = new BoundedBuilder();
});
afterAll(async () => {
  await builder.close();
  removeDir(dir);
});

describe.skipIf(!COMPILED || !existsSync(SPEC))('the GFM spec examples (needs ../shared)', () => {
  it('each builds or is refused with a message', async () => {
    const examples = specExamples(readFileSync(SPEC, 'utf8'));
    expect(examples.length).toBeGreaterThan(600);
    const failures: string[] = [];
    let built = 0;
    for (const { line, markdown } of examples) {
      const file = path.join(dir, `example-${line}.md`);
      // An example that is only whitespace is an empty source: refused, as any empty file is.
      writeFileSync(file, markdown);
      const o = await builder.build(file, 30_000);
      if (o.outcome === 'built') built++;
      else if (o.outcome !== 'refused' || /internal error/.test(o.message)) failures.push(`gfm_spec.txt:${line}: ${o.outcome}: ${'message' in o ? o.message.split('\n')[0] : ''}`);
    }
    expect(failures).toEqual([]);
    expect(built).toBeGreaterThan(examples.length * 0.9);
  }, 600_000);
});
