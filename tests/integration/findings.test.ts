/**
 * Findings as an editor meets them, through the real command line and the library: grouped per
 * document and rule, a few under each document in `build` and every one in `handout check`, `--json`
 * with file, line and rule for each, `--quiet` down to the total line, `check` and `build` reporting
 * the same problems (a front-matter typo), the `checks` option of the library build, and the number
 * of lines a build of a generated corpus prints.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/collection/build.js';
import { cli, removeDir, tempDir } from '../helpers/build.js';
import { writeBenchCorpus } from '../helpers/corpus.js';
import { readPdf } from '../helpers/pdf.js';

const TODAY = { HANDOUT_TODAY: '2026-12-01' };

let dir: string;
let noisy: string;
beforeAll(() => {
  dir = tempDir();
  mkdirSync(path.join(dir, 'one'));
  noisy = path.join(dir, 'one', 'noisy.md');
  // A front-matter typo, simpler words used again and again, passive sentences, an undefined term.
  writeFileSync(noisy, [
    '---', 'title: Noisy', 'reviewd: 2026-01-01', '---', '',
    'We provide care. However, we provide help. The form is signed by the nurse.', '',
    'We provide rides. However, the list is kept by the desk. Ask about dialysis.', '',
    'We provide food and we provide drinks.', '',
  ].join('\n'));
});
afterAll(() => removeDir(dir));

describe('one document with many findings', () => {
  it('handout check prints every finding, grouped by rule, with the front-matter typo build names', () => {
    const r = cli(['check', noisy], { env: TODAY });
    expect(r.stdout).toMatch(/warning simpler-word ×7: provide \(lines 6, 8, 10\), however \(6, 8\)\n/);
    expect(r.stdout.match(/noisy\.md:\d+: warning: "provide" has a simpler alternative/g)).toHaveLength(5);
    expect(r.stdout).toMatch(/warning passive-voice ×2: is signed \(line 6\), kept \(8\)/);
    expect(r.stdout).toMatch(/noisy\.md:3: warning: unknown front-matter key "reviewd"; did you mean reviewed\? \[front-matter\]/);
    const b = cli(['build', noisy, '--out', path.join(dir, 'out1')], { env: TODAY });
    expect(b.stderr).toMatch(/did you mean reviewed\?/);
    expect(b.stderr.match(/did you mean reviewed/g)).toHaveLength(1);
  });

  it('build prints one line for the document, a few findings under it, and where to see the rest', () => {
    const b = cli(['build', noisy, '--out', path.join(dir, 'out2')], { env: TODAY });
    expect(b.status, b.stderr).toBe(0);
    const under = b.stderr.trim().split('\n');
    expect(under).toHaveLength(3);
    expect(under.at(-1)).toMatch(/^ {4}\d+ more: handout check \S*noisy\.md$/);
    expect(b.stderr).not.toMatch(/simpler-word.*\n.*simpler-word/);
    expect(b.stdout.trim().split('\n')).toHaveLength(2); // the document, the total
  });

  it('--json has every finding with file, line and rule, in check and in build alike', () => {
    const check = JSON.parse(cli(['check', noisy, '--json'], { env: TODAY }).stdout).handouts[0].findings;
    const built = JSON.parse(cli(['build', noisy, '--out', path.join(dir, 'out3'), '--json'], { env: TODAY }).stdout).documents[0].findings;
    const key = (fs: { file: string; line?: number; rule: string; message: string }[]) => fs.map((f) => `${f.file}:${f.line}:${f.rule}:${f.message}`);
    expect(key(built)).toEqual(key(check));
    expect(check.length).toBeGreaterThan(10);
    for (const f of check) {
      expect(f.file).toMatch(/noisy\.md$/);
      expect(typeof f.line).toBe('number');
      expect(f.rule).toMatch(/^[a-z-]+$/);
    }
    expect(check.filter((f: { rule: string }) => f.rule === 'simpler-word')).toHaveLength(7);
  });

  it('--quiet prints only the total line when nothing failed', () => {
    const b = cli(['build', noisy, '--out', path.join(dir, 'out4'), '--quiet'], { env: TODAY });
    expect(b.stderr).toBe('');
    expect(b.stdout).toMatch(/^1 built, 0 unchanged, 0 failed: 1 page, \d+ warnings, \d+ ms → \S+\/\n$/);
  });

  it('the library build takes `checks` (as from handout.config.yaml), and refuses a rule it does not know', async () => {
    const out = path.join(dir, 'out5');
    const report = await build({ inputs: [noisy], outDir: out, templateDirs: [], checks: { 'simpler-word': 'off', 'passive-voice': { severity: 'info' } }, check: { today: '2026-12-01' } });
    const findings = report.documents[0].check!.findings;
    expect(findings.some((f) => f.rule === 'simpler-word')).toBe(false);
    expect(findings.filter((f) => f.rule === 'passive-voice').map((f) => f.severity)).toEqual(['info', 'info']);
    await expect(build({ inputs: [noisy], outDir: out, templateDirs: [], checks: { 'simple-word': 'off' } })).rejects.toThrow(/unknown check rule "simple-word".*did you mean simpler-word\?/);
  });
});

describe('the summary table', () => {
  it('summary.pdf keeps every column header word whole, beside long titles and audiences', async () => {
    const src = path.join(dir, 'long');
    mkdirSync(src);
    writeFileSync(path.join(src, 'long.md'), '---\ntitle: Understanding your extraordinarily comprehensive multidisciplinary rehabilitation programme\naudience: Caregivers, interpreters and community health representatives\nversion: "12.4.1-draft"\nreviewed: 2026-01-01\nreview-every: 1y\n---\n\nYou can call us.\n');
    writeFileSync(path.join(src, 'short.md'), '---\ntitle: Short\nlang: fr\n---\n\nAppelez-nous.\n');
    const out = path.join(dir, 'long-out');
    expect(cli(['build', src, '--out', out, '--quiet'], { env: TODAY }).status).toBe(0);
    const pdf = await readPdf(readFileSync(path.join(out, 'summary.pdf')));
    const tokens = pdf.streamText.split(/\s+/);
    for (const word of ['Title', 'Audience', 'Language', 'Version', 'Reviewed', 'Next', 'review', 'Reading', 'grade', 'Pages', 'Words']) expect(tokens, word).toContain(word);
    // A language without a formula says so in the table, and never "meets".
    // (The long title may be hyphenated, "Understand-ing": its row starts at its first letters.)
    const short = pdf.streamText.slice(pdf.streamText.indexOf('Short'), pdf.streamText.indexOf('Understand'));
    expect(short).toMatch(/^Short\s.*?not\s+scheduled\s+not\s+measured\s/s);
    expect(short).not.toMatch(/meets/);
  });
});

describe('a generated corpus', () => {
  it('a build prints at most four lines a document and the total; --quiet the total alone', async () => {
    const corpus = path.join(dir, 'corpus');
    await writeBenchCorpus(corpus, 12);
    const b = cli(['build', corpus, '--out', path.join(dir, 'corpus-out'), '--jobs', '1'], { env: TODAY });
    expect(b.status, b.stderr).toBe(0);
    const lines = (b.stdout + b.stderr).trim().split('\n');
    expect(lines.length).toBeGreaterThan(12);
    expect(lines.length).toBeLessThanOrEqual(12 * 4 + 1);
    // A line for each document, and at most three lines about each.
    expect(b.stdout.split('\n').filter((l) => /^  \S.* → /.test(l))).toHaveLength(12);
    expect(b.stderr.trim().split('\n').length).toBeLessThanOrEqual(12 * 3);
    const q = cli(['build', corpus, '--out', path.join(dir, 'corpus-out-q'), '--quiet', '--jobs', '1'], { env: TODAY });
    expect((q.stdout + q.stderr).trim().split('\n')).toHaveLength(1);
  });
});

describe('findings grouped in the build', () => {
  it('say what each one is, with its lines, not only the lines ("front-matter ×2: lines 3, 4")', () => {
    const at = path.join(dir, 'grouped');
    mkdirSync(at);
    writeFileSync(path.join(at, 'g.md'), '---\ntitle: Groups\nfoo: 1\nbar: 2\n---\n\nText here.\n');
    const b = cli(['build', at, '--out', path.join(dir, 'out-grouped')], { env: TODAY });
    expect(b.status, b.stderr).toBe(0);
    expect(b.stderr).toMatch(/g\.md:3: warning: front-matter ×2: unknown front-matter key "foo".* \(line 3\); unknown front-matter key "bar" \(line 4\)/);
  });
});
