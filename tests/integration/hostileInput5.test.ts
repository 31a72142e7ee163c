/**
 * Hostile input, fifth round: files a build reads besides its sources (the settings file and what
 * it names, templates, SVG figures, packet lists), each built through the real command line next
 * to a good handout, and its outputs read back (pdftotext, an HTML parser). A case that hung runs
 * the command with a time limit, so a hang is a failed test, not a stuck run.
 */
import { spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, folderWithGoodHandout, pdfTextIn, removeDir, ROOT, type CliResult } from '../helpers/build.js';
import { hasCommand } from '../helpers/pdf.js';

let dir: string;
let content: string;
let out: string;

beforeEach(() => {
  ({ dir, content, out } = folderWithGoodHandout());
});
afterEach(() => removeDir(dir));

const pdfText = (slug: string) => pdfTextIn(out, slug);

/** The command line, killed after `ms`: a build that blocks on a FIFO fails here instead of hanging the run. */
function cliWithin(args: string[], ms = 30_000): CliResult & { timedOut: boolean } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/handout.js'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: ms,
    killSignal: 'SIGKILL',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, timedOut: r.error !== undefined || r.signal === 'SIGKILL' };
}

const mkfifo = (file: string) => execFileSync('mkfifo', [file]);

describe('the settings file and the files it names', () => {
  it('a settings file that is a folder is an error naming it, not an internal error', () => {
    mkdirSync(path.join(dir, 'handout.config.yaml'));
    const r = cli(['build', 'content', '--out', 'out'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/internal error|EISDIR/);
    expect(r.stderr).toMatch(/^handout\.config\.yaml: error: the settings file handout\.config\.yaml is a folder, not a file/m);
  });

  it.skipIf(!hasCommand('mkfifo'))('a settings file that is a FIFO, in the working folder or beside a source, is never read: the build ends, naming it', () => {
    mkfifo(path.join(dir, 'handout.config.yaml'));
    let r = cliWithin(['build', 'content', '--out', 'out']);
    expect(r.timedOut).toBe(false);
    expect(r.stderr).toMatch(/^handout\.config\.yaml: error: the settings file handout\.config\.yaml is a FIFO \(named pipe\), not a file/m);
    removeDir(path.join(dir, 'handout.config.yaml'));
    mkdirSync(path.join(content, 'sub'));
    writeFileSync(path.join(content, 'sub/notes.md'), '# Notes\n\nNotes under a settings file that is a pipe.\n');
    mkfifo(path.join(content, 'sub/handout.config.yaml'));
    r = cliWithin(['build', 'content', '--out', 'out']);
    expect(r.timedOut).toBe(false);
    expect(r.stderr).toMatch(/^content\/sub\/handout\.config\.yaml: error: the settings file content\/sub\/handout\.config\.yaml is a FIFO/m);
    expect(r.stdout).toMatch(/1 built, 0 unchanged, 1 failed/);
    expect(pdfText('good')).toContain('This one is fine.');
  });

  it.skipIf(!hasCommand('mkfifo'))('a logo that is a folder and a glossary file that is a FIFO are errors at their lines', () => {
    mkdirSync(path.join(dir, 'brand'));
    writeFileSync(path.join(dir, 'handout.config.yaml'), 'organisation: Harbour Street Clinic\nlogo: brand\n');
    let r = cliWithin(['build', 'content', '--out', 'out']);
    expect(r.stderr).not.toMatch(/internal error|EISDIR/);
    expect(r.stderr).toMatch(/^handout\.config\.yaml:2: error: the logo brand is a folder, not a file/m);
    mkfifo(path.join(dir, 'terms.yml'));
    writeFileSync(path.join(dir, 'handout.config.yaml'), 'organisation: Harbour Street Clinic\nglossary: terms.yml\n');
    r = cliWithin(['build', 'content', '--out', 'out']);
    expect(r.timedOut).toBe(false);
    expect(r.stderr).toMatch(/^handout\.config\.yaml:2: error: the glossary file terms\.yml is a FIFO \(named pipe\), not a file/m);
  });

  it('a logo in front matter that is a folder says so once, not "Error: … is a folder"', () => {
    mkdirSync(path.join(content, 'logo.png'));
    writeFileSync(path.join(content, 'branded.md'), '---\ntitle: Branded\nlogo: logo.png\n---\n\nText under a logo.\n');
    const r = cli(['build', 'content', '--out', 'out'], { cwd: dir });
    expect(r.stderr).toMatch(/^content\/branded\.md: error: cannot read the logo .*logo\.png: it is a folder/m);
    expect(r.stderr).not.toMatch(/Error:/);
    expect(pdfText('good')).toContain('This one is fine.');
  });
});

describe('templates', () => {
  it('a partial that includes itself is an error naming the partial, not "Maximum call stack size exceeded" in handout.hbs', () => {
    mkdirSync(path.join(dir, 'templates/partials'), { recursive: true });
    writeFileSync(path.join(dir, 'templates/partials/title-block.hbs'), '<header>{{> title-block}}</header>\n');
    const r = cli(['build', 'content', '--out', 'out'], { cwd: dir });
    expect(r.stderr).not.toMatch(/call stack|handout\.hbs/);
    expect(r.stderr).toMatch(/^templates\/partials\/title-block\.hbs: error: template error: the partial "title-block" is included inside itself/m);
  });

  it('the built-in section partial still nests sections six deep', () => {
    writeFileSync(path.join(content, 'deep.md'), `# Deep\n\nIntro words.\n\n${[2, 3, 4, 5, 6].map((n) => `${'#'.repeat(n)} Level ${n}\n\nText at level ${n}.\n`).join('\n')}`);
    const r = cli(['build', 'content', '--out', 'out'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(pdfText('deep')).toMatch(/Level 6\s+Text at level 6\./);
  });

  it.skipIf(!hasCommand('mkfifo'))('a template or stylesheet that is a FIFO or a folder, or a templates/ that is a file, is an error naming it; the build ends', () => {
    mkdirSync(path.join(dir, 'templates/partials'), { recursive: true });
    mkfifo(path.join(dir, 'templates/partials/extra.hbs'));
    let r = cliWithin(['build', 'content', '--out', 'out']);
    expect(r.timedOut).toBe(false);
    expect(r.stderr).toMatch(/^templates\/partials\/extra\.hbs: error: template templates\/partials\/extra\.hbs is a FIFO/m);
    removeDir(path.join(dir, 'templates'));
    mkdirSync(path.join(dir, 'templates/handout.css'), { recursive: true });
    r = cliWithin(['build', 'content', '--out', 'out']);
    expect(r.stderr).not.toMatch(/internal error|EISDIR/);
    expect(r.stderr).toMatch(/^templates\/handout\.css: error: template templates\/handout\.css is a folder/m);
    removeDir(path.join(dir, 'templates'));
    writeFileSync(path.join(dir, 'templates'), 'not a folder\n');
    r = cliWithin(['build', 'content', '--out', 'out']);
    expect(r.stderr).not.toMatch(/internal error|ENOTDIR/);
    expect(r.stderr).toMatch(/^templates: error: templates is a file, not a folder of templates/m);
  });

  it('--templates naming a folder that is not there is an error, not the built-in look in silence', () => {
    const r = cli(['build', 'content', '--out', 'out', '--templates', 'my-templates'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^my-templates: error: no such folder of templates: my-templates/m);
  });
});

describe.skipIf(!hasCommand('pdftotext'))('SVG figures', () => {
  const figure = (name: string, svg: string) => {
    writeFileSync(path.join(content, `${name}.svg`), svg);
    writeFileSync(path.join(content, `${name}.md`), `# ${name}\n\nWords before the figure.\n\n![The ${name} figure](${name}.svg)\n\nWords after the figure.\n`);
  };
  const svgOpen = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">';

  it('groups each using the one before twice (2^29 shapes) are refused at the image line in a moment, not minutes and out of memory', () => {
    const levels = Array.from({ length: 29 }, (_, i) => `<g id="l${i + 1}"><use href="#l${i}"/><use href="#l${i}" x="1"/></g>`).join('');
    figure('fan', `${svgOpen}<defs><rect id="l0" width="1" height="1"/>${levels}</defs><use href="#l29"/></svg>`);
    figure('fine', `${svgOpen}<defs><rect id="dot" width="5" height="5"/></defs><use href="#dot"/><use href="#dot" x="10"/><text x="5" y="40">Fine label</text></svg>`);
    const r = cliWithin(['build', 'content', '--out', 'out'], 60_000);
    expect(r.timedOut).toBe(false);
    expect(r.stderr).toMatch(/^content\/fan\.md:5: error: image fan\.svg draws more than 100,000 elements/m);
    expect(r.stdout).toMatch(/2 built, 0 unchanged, 1 failed/);
    expect(pdfText('fine')).toContain('Fine label');
  });

  it('with --missing-images alt, a figure too large is a warning and its alt text prints', () => {
    const levels = Array.from({ length: 29 }, (_, i) => `<g id="l${i + 1}"><use href="#l${i}"/><use href="#l${i}" x="1"/></g>`).join('');
    figure('fan', `${svgOpen}<defs><rect id="l0" width="1" height="1"/>${levels}</defs><use href="#l29"/></svg>`);
    const r = cliWithin(['build', 'content', '--out', 'out', '--missing-images', 'alt'], 60_000);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^\s*content\/fan\.md:5: warning: image fan\.svg draws more than 100,000 elements/m);
    expect(pdfText('fan')).toMatch(/The fan figure[\s\S]*Words after the figure\./);
  });

  it('an icon array of 1000 people, each a <use> of a 60-path figure, is drawn: a <use> counts as what it draws, once', () => {
    const person = Array.from({ length: 60 }, (_, i) => `<path d="M${i % 10} ${Math.floor(i / 10)}h1v1h-1z"/>`).join('');
    const uses = Array.from({ length: 1000 }, (_, i) => `<use href="#p" x="${(i % 40) * 12}" y="${Math.floor(i / 40) * 12}"/>`).join('');
    figure('icons', `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="300"><defs><g id="p">${person}</g></defs>${uses}<text x="5" y="295">Icon label</text></svg>`);
    const r = cliWithin(['build', 'content', '--out', 'out'], 60_000);
    expect(r.status, r.stderr).toBe(0);
    expect(pdfText('icons')).toContain('Icon label');
  });

  it('groups nested 5000 deep are refused at the image line, not "internal error: Maximum call stack size exceeded"', () => {
    figure('deep', `${svgOpen}${'<g>'.repeat(5000)}<rect width="5" height="5"/>${'</g>'.repeat(5000)}</svg>`);
    figure('deeper', `${svgOpen}${'<g>'.repeat(150)}<rect width="5" height="5"/>${'</g>'.repeat(150)}</svg>`);
    const r = cli(['build', 'content', '--out', 'out'], { cwd: dir });
    expect(r.stderr).not.toMatch(/internal error|call stack/);
    expect(r.stderr).toMatch(/^content\/deep\.md:5: error: image deep\.svg nests elements deeper than 100 levels/m);
    expect(r.stderr).toMatch(/^content\/deeper\.md:5: error: image deeper\.svg nests elements 152 levels deep, more than the 100 a figure may/m);
    expect(pdfText('good')).toContain('This one is fine.');
  });

  it('a <use> inside what it uses (a loop) still draws the rest of the figure', () => {
    figure('loop', `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><g id="a"><use href="#a"/><rect width="10" height="10"/></g><text x="5" y="40">Loop label</text></svg>`);
    const r = cliWithin(['build', 'content', '--out', 'out']);
    expect(r.status, r.stderr).toBe(0);
    expect(pdfText('loop')).toContain('Loop label');
  });
});

describe('handout packet', () => {
  it('--out naming one of its own handouts (or its list) writes nothing: the source was replaced by the PDF', () => {
    const source = path.join(content, 'good.md');
    const before = readFileSync(source, 'utf8');
    let r = cli(['packet', 'content', '--out', 'content/good.md'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^content\/good\.md: error: the packet would be written over content\/good\.md, which it is made from; nothing is written/m);
    expect(readFileSync(source, 'utf8')).toBe(before);
    writeFileSync(path.join(dir, 'new.packet'), 'content\n');
    r = cli(['packet', '--list', 'new.packet', '--out', 'new.packet'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(readFileSync(path.join(dir, 'new.packet'), 'utf8')).toBe('content\n');
  });

  it('--out naming a file that is not a PDF leaves it; an earlier packet is replaced', () => {
    writeFileSync(path.join(dir, 'notes.txt'), 'my notes\n');
    let r = cli(['packet', 'content', '--out', 'notes.txt'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^notes\.txt: error: notes\.txt is not a PDF, so not an earlier packet; it is not overwritten/m);
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('my notes\n');
    for (let i = 0; i < 2; i++) {
      r = cli(['packet', 'content', '--out', 'packet.pdf'], { cwd: dir });
      expect(r.status, r.stderr).toBe(0);
    }
    expect(execFileSync('pdftotext', [path.join(dir, 'packet.pdf'), '-'], { encoding: 'utf8' })).toContain('This one is fine.');
  });

  it.skipIf(!hasCommand('mkfifo'))('a packet list that is a FIFO is never read: an error naming it, not a command that never ends', () => {
    mkfifo(path.join(dir, 'new.packet'));
    const r = cliWithin(['packet', '--list', 'new.packet', '--out', 'packet.pdf']);
    expect(r.timedOut).toBe(false);
    expect(r.stderr).toMatch(/^new\.packet: error: cannot read the packet list: it is a FIFO/m);
  });
});

describe('check settings', () => {
  it('a threshold too large in the settings file names that file and line in build and check, in words, not zod\'s "Too big: expected int to be <=9007199254740991" under a handout', () => {
    writeFileSync(path.join(dir, 'handout.config.yaml'), 'organisation: Harbour Street Clinic\nchecks:\n  long-sentence: 1e308\n');
    const expected = /^handout\.config\.yaml:2: error: check rule "long-sentence" should be off, on, a whole number of words from 5 up, or settings such as \{ severity: warning, words: 20 \}, not 1e\+308/m;
    for (const command of ['build', 'check']) {
      const r = cli([command, 'content', ...(command === 'build' ? ['--out', 'out'] : [])], { cwd: dir });
      expect(r.status).toBe(1);
      expect(r.stderr + r.stdout).toMatch(expected);
      expect(r.stderr + r.stdout).not.toMatch(/Too big|content\/good\.md: error/);
    }
  });

  it('a rule that takes no number, given one in front matter, is an error at the checks: line saying what it takes', () => {
    writeFileSync(path.join(content, 'rules.md'), '---\ntitle: Rules\nchecks:\n  passive-voice: 3\n---\n\nText of the rules.\n');
    const r = cli(['build', 'content', '--out', 'out'], { cwd: dir });
    expect(r.stderr).toMatch(/^content\/rules\.md:3: error: check rule "passive-voice" should be off, on or settings such as \{ severity: warning \}, not 3/m);
    expect(r.stderr).not.toMatch(/Invalid input/);
    expect(pdfText('good')).toContain('This one is fine.');
  });
});

describe('the font subsets kept in the user\'s cache folder', () => {
  it('one cut short or emptied is made again, not embedded: the web page is the same as with a whole cache', () => {
    const cacheHome = path.join(dir, 'cache-home');
    const env = { XDG_CACHE_HOME: cacheHome };
    expect(cli(['build', 'content', '--out', 'out'], { cwd: dir, env }).status).toBe(0);
    const whole = readFileSync(path.join(out, 'good.html'), 'utf8');
    const subsets = path.join(cacheHome, 'handout/font-subsets');
    const files = readdirSync(subsets).filter((f) => f.endsWith('.woff2'));
    expect(files.length).toBeGreaterThan(0);
    files.forEach((f, i) => writeFileSync(path.join(subsets, f), i % 2 ? '' : readFileSync(path.join(subsets, f)).subarray(0, 100)));
    expect(cli(['build', 'content', '--out', 'out', '--force'], { cwd: dir, env }).status).toBe(0);
    const again = readFileSync(path.join(out, 'good.html'), 'utf8');
    expect(again).not.toMatch(/data:font\/woff2;base64,["')]/);
    expect(again).toBe(whole);
  });
});

describe('folders named on the command line', () => {
  it('one holding no sources (a folder named notes.md, a folder of PDFs) is a warning naming it, not "0 built" in silence', () => {
    mkdirSync(path.join(content, 'notes.md'));
    mkdirSync(path.join(dir, 'old'));
    writeFileSync(path.join(dir, 'old/flu.pdf'), '%PDF-1.4\n');
    for (const folder of ['content/notes.md', 'old']) {
      const r = cli(['build', folder, '--out', 'out'], { cwd: dir });
      expect(r.status).toBe(0);
      expect(r.stderr).toContain(`${folder}: warning: no sources in this folder: handout builds .md, .markdown and .txt files, and it holds none`);
    }
    // The folder of sources around it is built as before, without a word about the empty folder inside it.
    const r = cli(['build', 'content', '--out', 'out'], { cwd: dir });
    expect(r.stderr).not.toMatch(/no sources/);
    expect(r.stdout).toMatch(/1 built/);
  });
});

describe.skipIf(!hasCommand('pdftotext'))('a paragraph of 40 000 short lines with no full stop', () => {
  it('builds: it is reported as a long sentence, not "internal error: Maximum call stack size exceeded" in the plain-language check', () => {
    writeFileSync(path.join(content, 'lines.md'), `# T\n\nIntro.\n\n${'x^a^\n'.repeat(40_000)}\nEnd.\n`);
    const r = cliWithin(['build', 'content', '--out', 'out'], 60_000);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stderr).toMatch(/lines\.md:5: warning: long.sentence/);
    expect(pdfText('lines')).toMatch(/x\^a\^[\s\S]*End\./);
  });
});


describe('Markdown that took the parser minutes', () => {
  it('a paragraph of more than 100,000 emphasis marks is refused at its line in a moment; the good handout still builds', () => {
    writeFileSync(path.join(content, 'marks.md'), `# Marks\n\n${'*a* '.repeat(50_001)}\n\nA paragraph after it.\n`);
    writeFileSync(path.join(content, 'tildes.md'), `# Tildes\n\n${'a~b '.repeat(10_001)}\n`);
    const r = cliWithin(['build', 'content', '--out', 'out'], 60_000);
    expect(r.timedOut).toBe(false);
    expect(r.stderr).toMatch(/^content\/marks\.md:3: error: a paragraph with more than 100000 emphasis marks \(\*, _ or ~\) is not supported/m);
    expect(r.stderr).toMatch(/^content\/tildes\.md:3: error: a paragraph with more than 10000 tildes/m);
    expect(readdirSync(out).filter((f) => f.endsWith('.pdf'))).toContain('good.pdf');
  });

  it('emphasis marks in code blocks and escaped ones do not count', () => {
    writeFileSync(path.join(content, 'code.md'), `# Code\n\n\`\`\`\n${'*a* '.repeat(50_001)}\n\`\`\`\n\n${'\\* '.repeat(100_001)}\n`);
    const r = cliWithin(['build', 'content', '--out', 'out'], 120_000);
    expect(r.stderr).not.toMatch(/emphasis marks/);
    expect(readdirSync(out)).toContain('code.pdf');
  });
});
