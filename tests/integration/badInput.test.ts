/**
 * Bad input: a clear message with file and line, the other documents still built, a non-zero
 * exit, and a good earlier output never replaced by a broken one.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, removeDir, tempDir } from '../helpers/build.js';

let dir: string;
let content: string;
let out: string;

const GOOD = `---\ntitle: Good handout\nlang: en\nreviewed: 2026-01-15\n---\n\nThis one is fine.\n\n## Care\n\nRest and drink water.\n`;

beforeEach(() => {
  dir = tempDir();
  content = path.join(dir, 'content');
  out = path.join(dir, 'out');
  mkdirSync(content);
  writeFileSync(path.join(content, 'good.md'), GOOD);
});
afterEach(() => removeDir(dir));

function buildAll(extra: string[] = []) {
  return cli(['build', content, '--out', out, ...extra], { cwd: dir });
}

describe('a broken source', () => {
  it('invalid YAML front matter: file:line and a reason; the other document still builds', () => {
    writeFileSync(path.join(content, 'broken.md'), `---\ntitle: Broken\nreviewed: [2026\n---\n\nText.\n`);
    const r = buildAll();
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/content\/broken\.md:[34]: error: invalid front matter/);
    expect(r.stderr.split('\n').filter((l) => l.includes('error')).length).toBe(1);
    expect(existsSync(path.join(out, 'good.pdf'))).toBe(true);
    expect(existsSync(path.join(out, 'broken.pdf'))).toBe(false);
    expect(r.stdout).toMatch(/1 built, 0 unchanged, 1 failed: \d+ pages?/);
  });

  it('a date that is not a date names the key and its line', () => {
    writeFileSync(path.join(content, 'date.md'), `---\ntitle: Dates\nreviewed: last spring\n---\n\nText.\n`);
    const r = buildAll();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/date\.md:3: error: front-matter key "reviewed" should be a date written YYYY-MM-DD/);
  });

  it('an unknown key is a warning with the closest known key', () => {
    writeFileSync(path.join(content, 'typo.md'), `---\ntitle: Typo\nreviewd: 2026-01-01\n---\n\nText.\n`);
    const r = buildAll();
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/typo\.md:3: warning: unknown front-matter key "reviewd"; did you mean reviewed\?/);
  });

  it('a missing image names the source file, its line and the path it tried', () => {
    writeFileSync(path.join(content, 'pic.md'), `# Pictures\n\nSee below.\n\n![A diagram of the knee](images/knee.png)\n`);
    const r = buildAll();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/pic\.md:5: error: image not found: images\/knee\.png \(looked for .*content\/images\/knee\.png\)/);
  });

  it('a binary file is refused with a reason', () => {
    writeFileSync(path.join(content, 'scan.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]));
    const r = buildAll();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/scan\.txt:1: error: this looks like a binary file/);
  });

  it('an empty source is refused', () => {
    writeFileSync(path.join(content, 'empty.md'), '\n  \n');
    const r = buildAll();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/empty\.md: error: the source is empty/);
  });

  it('two sources with the same output name: the second is refused', () => {
    mkdirSync(path.join(content, 'more'));
    writeFileSync(path.join(content, 'more', 'good.md'), '# Another good\n\nText.\n');
    const r = buildAll();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/more\/good\.md: error: another source, .*good\.md, already writes good\.pdf/);
  });

  it('never replaces a good earlier PDF with a broken one', () => {
    expect(buildAll().status).toBe(0);
    const before = readFileSync(path.join(out, 'good.pdf'));
    writeFileSync(path.join(content, 'good.md'), GOOD.replace('lang: en', 'lang: [en'));
    const r = buildAll();
    expect(r.status).toBe(1);
    expect(readFileSync(path.join(out, 'good.pdf')).equals(before)).toBe(true);
    expect(readdirSync(out).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
});

describe('a broken template', () => {
  it('a Handlebars syntax error names the template file and line', () => {
    const templates = path.join(dir, 'templates');
    mkdirSync(path.join(templates, 'partials'), { recursive: true });
    writeFileSync(path.join(templates, 'partials', 'title-block.hbs'), '<header>\n<h1>{{title}</h1>\n</header>\n');
    const r = cli(['build', content, '--out', out], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/templates\/partials\/title-block\.hbs:2: error: template error: syntax error/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('a missing partial names the template that asks for it', () => {
    const templates = path.join(dir, 'templates');
    mkdirSync(templates, { recursive: true });
    writeFileSync(path.join(templates, 'handout.hbs'), '<html><body>\n{{> nowhere}}\n</body></html>\n');
    const r = cli(['build', content, '--out', out], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/templates\/handout\.hbs(:\d+)?: error: template error: .*nowhere/);
  });

  it('a project template overrides the built-in one, and the rest still come from handout', () => {
    const templates = path.join(dir, 'templates', 'partials');
    mkdirSync(templates, { recursive: true });
    writeFileSync(path.join(templates, 'title-block.hbs'), '<header class="title-block"><h1>{{title}}</h1><p>Our own header</p></header>\n');
    const r = cli(['build', content, '--out', out], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(path.join(out, 'good.html'), 'utf8');
    expect(html).toContain('Our own header');
    expect(html).toContain('class="running-footer"');
  });

  it('what the PDF renderer does not support is reported once, naming the template', () => {
    const templates = path.join(dir, 'templates');
    mkdirSync(templates, { recursive: true });
    writeFileSync(path.join(templates, 'handout.css'), 'body { font-size: 12pt; position: absolute; }\np { position: relative; }\n');
    writeFileSync(path.join(templates, 'handout.hbs'), '<html><head><style>{{{stylesheet}}}</style></head><body><h1>{{title}}</h1><marquee>Moving text</marquee>{{{intro}}}</body></html>\n');
    const r = cli(['build', content, '--out', out], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/templates\/handout\.css:1: warning: CSS property "position" is not supported in the PDF/);
    expect(r.stderr).toMatch(/templates\/handout\.hbs: warning: element <marquee> is not supported in the PDF; its text is printed/);
    expect(r.stderr.match(/<marquee>/g)?.length).toBe(1);
  });
});
