/**
 * More bad input, each through the real command line: a template helper that throws, a template
 * that prints content unescaped, an output folder that cannot be written, an output path taken by a
 * folder, and Latin-1 text converted end to end.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, folderWithGoodHandout, removeDir, solidPng } from '../helpers/build.js';
import { readPdf } from '../helpers/pdf.js';

let dir: string;
let content: string;
let out: string;

beforeEach(() => {
  ({ dir, content, out } = folderWithGoodHandout());
});
afterEach(() => removeDir(dir));

function override(name: string, text: string): void {
  const file = path.join(dir, 'templates', name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

describe('templates', () => {
  it('a helper that throws names the template file and the line that called it, with no stack trace', () => {
    override('partials/title-block.hbs', '<header class="title-block">\n<h1>{{title}}</h1>\n<p>{{date meta.title}}</p>\n</header>\n');
    const r = cli(['build', content, '--out', out], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/templates\/partials\/title-block\.hbs:3: error: template error: helper "date" failed: Invalid time value/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a template that turns escaping off for content is reported with its line; HTML fields are not', () => {
    override('partials/title-block.hbs', '<header class="title-block">\n<h1>{{{meta.title}}}</h1>\n{{& meta.subtitle}}\n</header>\n');
    writeFileSync(path.join(content, 'good.md'), `---\ntitle: "<img src=x onerror=alert(1)>"\n---\n\nText.\n`);
    const r = cli(['build', content, '--out', out], { cwd: dir });
    expect(r.stderr).toMatch(/templates\/partials\/title-block\.hbs:2: warning: \{\{\{meta\.title\}\}\} prints content without escaping/);
    expect(r.stderr).toMatch(/title-block\.hbs:3: warning: \{\{\{meta\.subtitle\}\}\}/);
    expect(r.stderr.match(/without escaping/g)?.length).toBe(2); // once per build, not per document
    expect(r.stderr).not.toMatch(/handout\.hbs.*without escaping/); // {{{intro}}}, {{{stylesheet}}} are ours
  });
});

describe('outputs', () => {
  it('an output folder under a regular file: one clear error, no stack trace', () => {
    writeFileSync(path.join(dir, 'afile'), 'not a folder');
    const r = cli(['build', content, '--out', path.join(dir, 'afile', 'out')], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^afile\/out: error: cannot write to the output folder: afile is a file, not a folder \(choose another folder with --out\)$/);
  });

  it('an output folder that is a regular file: says so, and the file is left as it was', () => {
    writeFileSync(path.join(dir, 'afile'), 'not a folder');
    const r = cli(['build', content, '--out', 'afile'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^afile: error: cannot write to the output folder: afile is a file, not a folder \(choose another folder with --out\)$/);
    expect(readFileSync(path.join(dir, 'afile'), 'utf8')).toBe('not a folder');
  });

  it('an output file taken by a folder fails that document only, naming the file', () => {
    writeFileSync(path.join(content, 'other.md'), '# Other\n\nText.\n');
    mkdirSync(path.join(out, 'good.pdf'), { recursive: true });
    const r = cli(['build', content, '--out', out], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/out\/good\.pdf: error: cannot write out\/good\.pdf: EISDIR/);
    expect(r.stdout).toMatch(/1 built, 0 unchanged, 1 failed: \d+ pages?/);
  });
});

describe('sources named on the command line', () => {
  it('a symbolic link loop or a broken link says so, not "no such file or folder"', () => {
    symlinkSync('loop.md', path.join(content, 'loop.md'));
    symlinkSync('nowhere.md', path.join(content, 'broken.md'));
    const loop = cli(['build', 'content/loop.md', '--out', 'out'], { cwd: dir });
    expect(loop.status).toBe(1);
    expect(loop.stderr).toMatch(/^content\/loop\.md: error: a symbolic link loop: following it never reaches a file \(fix or remove the link\)$/m);
    const broken = cli(['build', 'content/broken.md', '--out', 'out'], { cwd: dir });
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/^content\/broken\.md: error: a symbolic link to nowhere\.md, which does not exist/m);
    expect(cli(['build', 'content/gone.md', '--out', 'out'], { cwd: dir }).stderr).toMatch(/^content\/gone\.md: error: no such file or folder/m);
  });

  it('a source of more than 2 MB is refused with its size before it is read; the others build', () => {
    writeFileSync(path.join(content, 'log.txt'), 'A line of a log file pasted by mistake.\n'.repeat(60_000));
    const r = cli(['build', 'content', '--out', 'out'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^content\/log\.txt: error: the source is too large to be a handout: 2\.3 MB, more than 2 MB \(split it/m);
    expect(r.stdout).toMatch(/1 built, 0 unchanged, 1 failed/);
  });
});

describe('Latin-1 text', () => {
  it('is converted from Windows-1252 with a warning naming the line, and prints right in the PDF and HTML', async () => {
    const bytes = Buffer.concat([Buffer.from('Clinic notes\n\nFirst line is plain.\n\nCaf'), Buffer.from([0xe9, 0x20, 0x93]), Buffer.from('quoted'), Buffer.from([0x94, 0x20, 0x96, 0x20, 0x80]), Buffer.from('5 fee.\n')]);
    writeFileSync(path.join(content, 'latin.txt'), bytes);
    const r = cli(['build', content, '--out', out], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/content\/latin\.txt:5: warning: the file is not UTF-8; it was read as Windows-1252 \(Latin-1\)/);
    const text = (await readPdf(readFileSync(path.join(out, 'latin.pdf')))).text;
    expect(text).toContain('Café “quoted” – €5 fee.');
    expect(readFileSync(path.join(out, 'latin.html'), 'utf8')).toContain('Café “quoted” – €5 fee.');
  });
});

describe('UTF-8 with a stray byte', () => {
  it('keeps its UTF-8 as it is and reads only the stray byte as Windows-1252, with a warning at its line', async () => {
    const bytes = Buffer.concat([Buffer.from('---\ntitle: Información\n---\n\nEl médico.\n\nCaf'), Buffer.from([0xe9]), Buffer.from('.\n')]);
    writeFileSync(path.join(content, 'stray.md'), bytes);
    const r = cli(['build', content, '--out', out], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/content\/stray\.md:7: warning: the file is UTF-8 except for one byte, read as Windows-1252 \(Latin-1\)/);
    const text = (await readPdf(readFileSync(path.join(out, 'stray.pdf')))).text;
    // Read whole as Windows-1252, every accent of the UTF-8 became two letters ("InformaciÃ³n").
    expect(text).toContain('Información');
    expect(text).toContain('El médico.');
    expect(text).toContain('Café.');
  });
});

describe('UTF-16 text', () => {
  const TEXT = '---\ntitle: Unicode notes\n---\n\nCafé “quoted” – €5 fee.\r\n\r\nSecond paragraph.\r\n';
  const le = Buffer.from(TEXT, 'utf16le');
  const be = Buffer.from(le).swap16();

  it('with a byte-order mark (Notepad\'s "Unicode"), little- or big-endian, builds and prints right in the PDF and HTML', async () => {
    writeFileSync(path.join(content, 'le.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), le]));
    writeFileSync(path.join(content, 'be.md'), Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    const r = cli(['build', content, '--out', out], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    for (const slug of ['le', 'be']) {
      const text = (await readPdf(readFileSync(path.join(out, `${slug}.pdf`)))).text;
      expect(text, slug).toContain('Café “quoted” – €5 fee.');
      expect(text, slug).toContain('Second paragraph.');
      expect(readFileSync(path.join(out, `${slug}.html`), 'utf8'), slug).toContain('<title>Unicode notes');
    }
  });

  it('without one is an error that says it is UTF-16 and to save it as UTF-8, not "binary"', () => {
    writeFileSync(path.join(content, 'nobom.md'), le);
    const r = cli(['build', content, '--out', out], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/content\/nobom\.md: error: this looks like UTF-16 text without a byte-order mark.*save it as UTF-8/);
    expect(r.stderr).not.toMatch(/binary/);
  });

  it('cut off half-way through its last character still builds, and says the last byte was left out, at the last line', () => {
    writeFileSync(path.join(content, 'cut.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), le, Buffer.from([0x41])]));
    const r = cli(['build', content, '--out', out], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/content\/cut\.md:8: warning: the file ends in half a character .*last byte was left out/);
  });
});

describe('a binary file', () => {
  it('is refused with the line its first NUL byte is on', () => {
    writeFileSync(path.join(content, 'scan.txt'), Buffer.concat([Buffer.from('%PDF-1.7\nline two\nthree '), Buffer.from([0, 1, 2])]));
    const r = cli(['build', content, '--out', out], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/content\/scan\.txt:3: error: this looks like a binary file, not text \(a NUL byte at byte 25\)/);
  });
});

describe('broken images', () => {
  const png = solidPng(40, 30);
  // A header promising 100000 × 100000 pixels and nothing after it; a download cut off in the pixels; random bytes.
  const lie = Buffer.concat([png.subarray(0, 16), Buffer.from([0, 1, 0x86, 0xa0, 0, 1, 0x86, 0xa0, 8, 2, 0, 0, 0])]);
  const images: Record<string, Buffer> = {
    'cut.png': png.subarray(0, png.length - 30),
    'lie.png': lie,
    'fake.png': Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 151 + 7) % 256)),
  };
  const problems: Record<string, string> = {
    'cut.png': 'is a PNG file that is cut short',
    'lie.png': 'is a PNG file that is cut short',
    'fake.png': 'is not an image',
  };
  const sourceFor = (image: string) => `---\ntitle: Doses\n---\n\nIntro.\n\n![Chart of doses](${image})\n\nText after.\n`;

  beforeEach(() => {
    for (const [name, bytes] of Object.entries(images)) {
      writeFileSync(path.join(content, name), bytes);
      writeFileSync(path.join(content, name.replace('.png', '.md')), sourceFor(name));
    }
  });

  it('a PNG cut short or random bytes named .png: an error naming the file, the line and the image, never an internal error', () => {
    const r = cli(['build', content, '--out', out], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/internal error/);
    for (const [name, problem] of Object.entries(problems)) {
      expect(r.stderr).toMatch(new RegExp(`content/${name.replace('.png', '')}\\.md:7: error: image ${name.replace('.', '\\.')} ${problem}`));
    }
    expect(r.stdout).toMatch(/1 built, 0 unchanged, 3 failed/);
  });

  it('with --missing-images alt, each is a warning and its alt text prints in the PDF and the web page, with no image embedded', async () => {
    const r = cli(['build', content, '--out', out, '--missing-images', 'alt'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    for (const [name, problem] of Object.entries(problems)) {
      const slug = name.replace('.png', '');
      expect(r.stderr).toMatch(new RegExp(`content/${slug}\\.md:7: warning: image ${name.replace('.', '\\.')} ${problem}.*; its alt text is printed instead`));
      const html = readFileSync(path.join(out, `${slug}.html`), 'utf8');
      expect(html).not.toMatch(/data:image\/png/);
      expect(html).toContain('Chart of doses');
      const text = (await readPdf(readFileSync(path.join(out, `${slug}.pdf`)))).text;
      expect(text).toContain('Chart of doses');
      expect(text).toContain('Text after.');
    }
  });
});
