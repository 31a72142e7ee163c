/**
 * Robustness: every example of the CommonMark and GFM specs (../shared/corpus/spec) builds to
 * HTML and PDF in-process, through the library as the CLI calls it, without a crash. A mistake in
 * the input (invalid front matter) may be reported as a HandoutError, never as an internal error.
 * Each PDF is read back with qpdf --check.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/document/buildDocument.js';
import { HandoutError, Warnings } from '../../src/diagnostics.js';
import { loadTemplates } from '../../src/fill/templates.js';
import { removeDir, SHARED, tempDir } from '../helpers/build.js';
import { specExamples } from '../helpers/specExamples.js';
import { hasCommand } from '../helpers/pdf.js';

const SPEC_DIR = path.join(SHARED, 'corpus/spec');


/**
 * qpdf --check on each PDF, a few at a time while the next examples are built (qpdf is a process
 * of its own, so the checks overlap the building). `failures()` waits for all and names the bad ones.
 */
function qpdfPool(size: number) {
  const run = promisify(execFile);
  const running = new Set<Promise<void>>();
  const bad: string[] = [];
  return {
    async check(file: string) {
      while (running.size >= size) await Promise.race(running);
      const p: Promise<void> = run('qpdf', ['--check', file])
        .then(() => undefined, (e: { stdout?: string }) => void bad.push(`${file}: ${e.stdout ?? e}`))
        .finally(() => running.delete(p));
      running.add(p);
    },
    async failures() {
      await Promise.all(running);
      return bad;
    },
  };
}

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => removeDir(dir));

describe.each(['commonmark_spec.txt', 'gfm_spec.txt'])('%s', (specFile) => {
  const file = path.join(SPEC_DIR, specFile);
  it.skipIf(!existsSync(file))('every example builds to HTML and PDF without a crash (needs ../shared)', async () => {
    const examples = specExamples(readFileSync(file, 'utf8'));
    expect(examples.length).toBeGreaterThan(600);
    const templates = loadTemplates([]);
    const out = path.join(dir, path.basename(specFile, '.txt'));
    mkdirSync(out);
    const crashes: string[] = [];
    let built = 0;
    let reported = 0;
    let slowest = 0;
    const qpdf = hasCommand('qpdf') ? qpdfPool(2) : undefined;
    const started = performance.now();
    for (const [n, ex] of examples.entries()) {
      const source = path.join(out, `example-${n + 1}.md`);
      writeFileSync(source, ex.markdown);
      const t0 = performance.now();
      try {
        const doc = await buildDocument(source, templates, { missingImages: 'alt' }, new Warnings());
        expect(doc.html).toMatch(/<\/html>\s*$/);
        expect(doc.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const pdfFile = source.replace(/\.md$/, '.pdf');
        writeFileSync(pdfFile, doc.pdf);
        if (qpdf) await qpdf.check(pdfFile);
        built++;
      } catch (e) {
        if (e instanceof HandoutError) reported++;
        else crashes.push(`${specFile}:${ex.line} (example ${n + 1}): ${e instanceof Error ? e.message : e}`);
      }
      slowest = Math.max(slowest, performance.now() - t0);
    }
    const buildMs = performance.now() - started;
    expect(crashes).toEqual([]);
    expect(built).toBeGreaterThan(examples.length * 0.95);
    expect(slowest, 'the slowest example, in ms (a hang or runaway layout shows here)').toBeLessThan(10_000);
    if (qpdf) expect(await qpdf.failures()).toEqual([]);
    console.log(`${specFile}: ${examples.length} examples, ${built} built, ${reported} reported as input errors, slowest ${Math.round(slowest)} ms, all in ${Math.round(buildMs)} ms`);
  }, 600_000);
});
