/**
 * Hostile input, fourth round (and the sixth's structure deeper or wider than a page, and a
 * footnote called from a heading): each case built through the real command line next to a good
 * handout, and its outputs read back (pdftotext, pdfinfo, qpdf's JSON, an HTML parser).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crc32, deflateSync } from 'node:zlib';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { cli, folderWithGoodHandout, htmlTextIn, pdfTextIn, removeDir, solidPng } from '../helpers/build.js';
import { hasCommand, readPdf } from '../helpers/pdf.js';

let dir: string;
let content: string;
let out: string;

beforeEach(() => {
  ({ dir, content, out } = folderWithGoodHandout());
});
afterEach(() => removeDir(dir));

const pdfText = (slug: string) => pdfTextIn(out, slug);
const htmlText = (file: string) => htmlTextIn(out, file);

describe.skipIf(!hasCommand('pdftotext'))('plain prose', () => {
  it('a thousand short lines that open alike ("line 1", "line 2" …) build in seconds, every line in the PDF', () => {
    // Each paragraph's subject was worked out again for every run it might start, and each run
    // compared with every name before it: 400 lines took 6 s, 1000 over a minute.
    writeFileSync(path.join(content, 'lines.txt'), `${Array.from({ length: 1000 }, (_, i) => `line ${i + 1}`).join('\n')}\n`);
    const started = Date.now();
    const r = cli(['build', content, '--out', out], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
    const text = pdfText('lines');
    for (const n of [1, 500, 1000]) expect(text).toMatch(new RegExp(`^\\s*line ${n}$`, 'm'));
    expect(pdfText('good')).toContain('This one is fine.');
  }, 120_000);
});

describe('front matter', () => {
  it('YAML anchors and aliases are read as YAML means them, not refused as {"source": …}; an alias bomb is refused at its line', () => {
    writeFileSync(path.join(content, 'alias.md'), '---\norg: &org Riverside Clinic\ntitle: Aliases\norganisation: *org\nkeywords: &k [knee, hip]\n---\n\nText of the aliases.\n');
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)];
    writeFileSync(path.join(content, 'bomb.md'), `---\ntitle: Bomb\n${bomb.slice(0, -1).join('\n')}\nkeywords: ${bomb[bomb.length - 1].replace(/^h: &h /, '')}\n---\n\nText of the bomb.\n`);
    const r = cli(['build', content, '--out', out], { cwd: dir });
    expect(r.stderr).not.toMatch(/"source"/);
    expect(r.stderr).toMatch(/^content\/bomb\.md:10: error: invalid front matter: .*alias/im);
    expect(r.stdout).toMatch(/2 built, 0 unchanged, 1 failed/);
    expect(pdfText('alias')).toMatch(/Riverside Clinic/);
    expect(execFileSync('pdfinfo', [path.join(out, 'alias.pdf')], { encoding: 'utf8' })).toMatch(/Keywords:\s+knee, hip/);
  });

  it('5000 keywords on one line are keywords, not "a word of 28891 characters"; a title of one word too long to print is still refused', () => {
    const keywords = Array.from({ length: 5000 }, (_, i) => `kw${i}`);
    writeFileSync(path.join(content, 'keys.md'), `---\ntitle: Keys\nkeywords: [${keywords.join(',')}]\n---\n\nText with keywords.\n`);
    writeFileSync(path.join(content, 'word.md'), `---\ntitle: ${'x'.repeat(20_000)}\n---\n\nText with a long title.\n`);
    const r = cli(['build', content, '--out', out], { cwd: dir });
    expect(r.stderr).not.toMatch(/keys\.md:\d+: error/);
    expect(r.stderr).toMatch(/^content\/word\.md:2: error: a word of 20000 characters is not supported/m);
    expect(pdfText('keys')).toContain('Text with keywords.');
    expect(execFileSync('pdfinfo', [path.join(out, 'keys.pdf')], { encoding: 'utf8' })).toMatch(/Keywords:\s+kw0, kw1, kw2/);
  });

  it('a table of 400 000 rows is refused at its line before it is parsed, and the other documents build; one of 5000 rows builds', () => {
    // 1.6 MB, under the 2 MB a source may have.
    writeFileSync(path.join(content, 'rows.md'), `---\ntitle: Rows\n---\n\nIntro.\n\n|a|\n|-|\n${'|x|\n'.repeat(400_000)}`);
    writeFileSync(path.join(content, 'fine.md'), `---\ntitle: Fine\n---\n\n| a |\n|---|\n${'| x |\n'.repeat(5_000)}\nAfter the table.\n`);
    const r = cli(['build', content, '--out', out], { cwd: dir });
    expect(r.stderr).toMatch(/^content\/rows\.md:7: error: a table of 400000 rows is not supported \(at most 5000\)/m);
    expect(r.stderr).not.toMatch(/fine\.md:\d+: error/);
    expect(pdfText('fine')).toContain('After the table.');
  }, 120_000);

  it('TOML front matter is read value by value too: 5000 keywords on one line build; a word joined from short lines, or a number of 20 000 digits in YAML, is refused at its line', () => {
    const keywords = Array.from({ length: 5000 }, (_, i) => `"kw${i}"`);
    writeFileSync(path.join(content, 'keys.md'), `+++\ntitle = "Keys"\nkeywords = [${keywords.join(',')}]\n+++\n\nText with keywords.\n`);
    const piece = 'z'.repeat(6000);
    writeFileSync(path.join(content, 'joined.md'), `+++\ntitle = "Joined"\nsubtitle = \"\"\"\\\n  ${piece}\\\n  ${piece}\\  \n  ${piece}\"\"\"\n+++\n\nText.\n`);
    writeFileSync(path.join(content, 'digits.md'), `---\ntitle: Digits\nsubtitle: ${'1'.repeat(20_000)}\n---\n\nText.\n`);
    const r = cli(['build', content, '--out', out], { cwd: dir });
    expect(r.stderr).not.toMatch(/keys\.md:\d+: error/);
    expect(execFileSync('pdfinfo', [path.join(out, 'keys.pdf')], { encoding: 'utf8' })).toMatch(/Keywords:\s+kw0, kw1, kw2/);
    expect(r.stderr).toMatch(/^content\/joined\.md:3: error: a word of 18000 characters is not supported/m);
    expect(r.stderr).toMatch(/^content\/digits\.md:3: error: a word of 20000 characters is not supported/m);
  });

  it('a word too long to print is refused when YAML joins it from short lines (escaped line breaks, the source\'s LF or CR)', () => {
    const piece = 'y'.repeat(6000);
    writeFileSync(path.join(content, 'joined.md'), `---\ntitle: Joined\nsubtitle: "${piece}\\\n  ${piece}\\\r  ${piece}"\n---\n\nText.\n`);
    const r = cli(['build', content, '--out', out], { cwd: dir });
    expect(r.stderr).toMatch(/^content\/joined\.md:3: error: a word of 18000 characters is not supported/m);
  });
});

describe('images', () => {
  // A PNG whose header says 100 000 × 100 000 pixels, with a few bytes of pixels after it.
  const huge = (colorType: number) => {
    const png = solidPng(1, 1);
    const header = Buffer.from(png.subarray(8, 33));
    header.writeUInt32BE(100_000, 8);
    header.writeUInt32BE(100_000, 12);
    header[17] = colorType;
    const crcOf = (b: Buffer) => {
      let c = 0xffffffff;
      for (const byte of b) {
        c ^= byte;
        for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      }
      return (c ^ 0xffffffff) >>> 0;
    };
    header.writeUInt32BE(crcOf(header.subarray(4, 21)), 21);
    const data = deflateSync(Buffer.alloc(1000));
    const idat = Buffer.alloc(12 + data.length);
    idat.writeUInt32BE(data.length, 0);
    idat.write('IDAT', 4, 'latin1');
    data.copy(idat, 8);
    idat.writeUInt32BE(crcOf(idat.subarray(4, 8 + data.length)), 8 + data.length);
    return Buffer.concat([png.subarray(0, 8), header, idat, png.subarray(png.length - 12)]);
  };

  it('a PNG whose header claims 100 000 × 100 000 pixels is refused with its size, never embedded or a crash of the whole build', () => {
    for (const [name, colorType] of [['rgb', 2], ['rgba', 6]] as const) {
      writeFileSync(path.join(content, `${name}.png`), huge(colorType));
      writeFileSync(path.join(content, `${name}.md`), `# Chart ${name}\n\nBefore.\n\n![A chart](${name}.png)\n\nAfter.\n`);
    }
    const r = cli(['build', content, '--out', out], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/internal error|RangeError|Node\.js/);
    for (const name of ['rgb', 'rgba']) {
      expect(r.stderr).toMatch(new RegExp(`^content/${name}\\.md:5: error: image ${name}\\.png is 100000 × 100000 pixels, more than handout embeds`, 'm'));
    }
    expect(r.stdout).toMatch(/1 built, 0 unchanged, 2 failed/);
    expect(pdfText('good')).toContain('This one is fine.');
  });
});

describe('output names', () => {
  it('a file name of 250 characters builds under a shorter output name, not an internal error (ENAMETOOLONG)', () => {
    writeFileSync(path.join(content, `${'Long'.repeat(60)}-name.md`), '# Long name\n\nText of the long name.\n');
    const r = cli(['build', content, '--out', out], { cwd: dir });
    expect(r.stderr).not.toMatch(/internal error|ENAMETOOLONG/);
    expect(r.status, r.stderr).toBe(0);
    const slug = r.stdout.match(/→ \S*\/(long\S*)\.pdf/)?.[1];
    expect(slug).toBeDefined();
    expect(Buffer.byteLength(slug!)).toBeLessThanOrEqual(200);
    expect(pdfText(slug!)).toContain('Text of the long name.');
  });

  it('a slug: in front matter too long for a file name is an error at its line', () => {
    writeFileSync(path.join(content, 'slug.md'), `---\ntitle: Slug\nslug: ${'s'.repeat(240)}\n---\n\nText.\n`);
    const r = cli(['build', content, '--out', out], { cwd: dir });
    expect(r.stderr).not.toMatch(/internal error|ENAMETOOLONG/);
    expect(r.stderr).toMatch(/^content\/slug\.md:3: error: front-matter key "slug" should be/m);
    expect(pdfText('good')).toContain('This one is fine.');
  });

  it('a newline in a file name is escaped in the findings under it too: no line of the output starts inside a file name', () => {
    // A line that starts inside a file name could pass for a line of the build's own.
    writeFileSync(path.join(content, 'evil\nforged.md'), '# Evil\n\nText.\n');
    const r = cli(['build', content, '--out', out], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/^forged/m);
    expect(r.stderr).toMatch(/^ +content\/evil\\x0aforged\.md:1: warning: no review date/m);
  });
});

describe.skipIf(!hasCommand('pdftotext'))('messages about the text', () => {
  it('a character no font has and a <ruby> name the source line; many such characters are one line each up to a few, then one line for the rest', () => {
    writeFileSync(path.join(content, 'ruby.md'), '# Ruby\n\nBefore.\n\nThe word <ruby>kan<rt>k</rt></ruby> here.\n\nA smile 😀 here.\n');
    const cjk = [...'患者应该在手术后休息并多喝水因为这有助于伤口愈合医生会告诉你何时可以恢复正常活动'];
    writeFileSync(path.join(content, 'cjk.md'), `# CJK\n\nIntro.\n\n${cjk.join('')}\n`);
    const r = cli(['build', content, '--out', out], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/content\/ruby\.md:5: warning: element <ruby> is not supported in the PDF/);
    expect(r.stderr).toMatch(/content\/ruby\.md:7: warning: no font can draw the character "😀"/);
    const lines = r.stderr.split('\n').filter((l) => /cjk\.md.*no font can draw/.test(l));
    expect(lines.length).toBeLessThanOrEqual(6);
    expect(lines[0]).toMatch(/content\/cjk\.md:5: warning: no font can draw the character "患"/);
    expect(lines[lines.length - 1]).toMatch(new RegExp(`content/cjk\\.md:5: warning: no font can draw ${new Set(cjk).size - 5} other characters \\("`));
    expect(pdfText('cjk')).toContain('Intro.');
  });

  it('invisible characters (a soft hyphen, a zero-width space) do not change what the spaces after them copy as', () => {
    writeFileSync(path.join(content, 'shy.md'), '# Shy\n\nInfor\u00admation about the clinic is here for all of you to read.\n\nA zero\u200bwidth space and then more words to copy.\n');
    const r = cli(['build', content, '--out', out], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const text = pdfText('shy').replace(/\s+/g, ' ');
    expect(text).toContain('Information about the clinic is here for all of you to read.');
    expect(text).toContain('and then more words to copy.');
    expect(text).not.toMatch(/[\u00ad\u200b]/);
  });
});

describe('handout check', () => {
  it('reports what filling the page finds, as build does: a footnote never referred to, a script removed', () => {
    writeFileSync(path.join(content, 'notes.md'), '# Notes\n\nText with a note.[^a]\n\n<script>alert(1)</script>\n\n[^a]: The note.\n[^b]: Never referred to.\n');
    const build = cli(['build', content, '--out', out], { cwd: dir });
    expect(build.stderr).toMatch(/content\/notes\.md:8: warning: the footnote \[\^b\] is never referred to/);
    const check = cli(['check', 'content/notes.md'], { cwd: dir });
    expect(check.stdout).toMatch(/content\/notes\.md:8: .*the footnote \[\^b\] is never referred to/);
    expect(check.stdout).toMatch(/content\/notes\.md:5: .*raw HTML <script> is removed/);
  });
});

describe.skipIf(!hasCommand('pdftotext'))('the running footer', () => {
  it('a title of 100 000 characters builds in seconds: the footer, cut off at the foot of each page, is not laid out whole for every page', () => {
    // Each page laid its footer out with the whole title: 112 KB of title took 13 s, 224 KB over a minute.
    writeFileSync(path.join(content, 'title.md'), `---\ntitle: ${'Heading words '.repeat(8000).trim()}\n---\n\nThe text after the title.\n`);
    const started = Date.now();
    const r = cli(['build', content, '--out', out], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.stderr).toMatch(/content\/title\.md: warning: the running footer .* is too long for the foot of a page: its end is cut off/);
    const text = pdfText('title');
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(100);
    // Every page still says which page it is; the title is in full at the top, and the text after it.
    pages.forEach((page, i) => expect(page, `page ${i + 1}`).toMatch(new RegExp(`Page ${i + 1} of ${pages.length}`)));
    expect(text.replace(/\s+/g, ' ')).toContain('The text after the title.');
    expect(htmlText('title.html').match(/Heading words/g)!.length).toBeGreaterThanOrEqual(8000);
  }, 120_000);
});

const build = () => cli(['build', content, '--out', out], { cwd: dir });
const pages = (slug: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path.join(out, `${slug}.pdf`)], { encoding: 'utf8' }))![1]);
/** Each page's text without its running footer ("Title … Page n of m"). */
const pageBodies = (slug: string, title: string) =>
  pdfText(slug)
    .split('\f')
    .slice(0, -1)
    .map((p) => p.replace(new RegExp(`${title}\\s+Page \\d+ of \\d+\\s*$`), '').trim());

describe.skipIf(!hasCommand('pdftotext') || !hasCommand('qpdf'))('structure deeper or wider than the page', () => {
  it('lists 30 levels deep and quotes 49 levels deep print every line whole, on pages that are not empty, with one warning', () => {
    // Each level took 20 pt (a quote 15): past level 26 the column was a letter wide, words broke
    // between every letter, the deepest lines vanished, and five pages printed nothing at all.
    const list = Array.from({ length: 30 }, (_, i) => `${'  '.repeat(i)}- level${i} word`);
    const quotes = Array.from({ length: 49 }, (_, i) => `${'> '.repeat(i + 1)}quote${i + 1} word\n${'> '.repeat(i + 1)}`);
    writeFileSync(path.join(content, 'deep.md'), `---\ntitle: Deep lists\n---\n\nIntro words.\n\n${list.join('\n')}\n\nMiddle words.\n\n${quotes.join('\n')}\n\nClosing words.\n`);
    const r = build();
    expect(r.status, r.stderr).toBe(0);
    const text = pdfText('deep');
    for (let i = 0; i < 30; i++) expect(text, `level${i}`).toMatch(new RegExp(`level${i} word`));
    for (let i = 1; i <= 49; i++) expect(text, `quote${i}`).toMatch(new RegExp(`quote${i} word`));
    expect(text).toMatch(/Closing words\./);
    for (const [i, body] of pageBodies('deep', 'Deep lists').entries()) expect(body, `page ${i + 1}`).not.toBe('');
    expect(pages('deep')).toBeLessThanOrEqual(5);
    expect(r.stderr.match(/deep\.md: warning: lists or quotes are nested too deep for the page/g)).toHaveLength(1);
    // A list nested as deep as a page holds is no news.
    writeFileSync(path.join(content, 'deep.md'), `---\ntitle: Deep lists\n---\n\n${list.slice(0, 8).join('\n')}\n`);
    expect(build().stderr).not.toMatch(/nested too deep/);
    expect(pdfText('good')).toContain('This one is fine.');
  }, 60_000);

  it('a table of 30 columns prints in parts of whole words, each with the first column, and says so; the usual table is one part', () => {
    const columns = 30;
    const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
    const table = [
      line(Array.from({ length: columns }, (_, i) => `Day${i}`)),
      line(Array(columns).fill('---')),
      line(Array.from({ length: columns }, (_, i) => (i ? `dose${i}` : 'Morning'))),
      line(Array.from({ length: columns }, (_, i) => (i ? `rest${i}` : 'Evening'))),
    ].join('\n');
    writeFileSync(path.join(content, 'wide.md'), `---\ntitle: Wide table\n---\n\nThe plan by day.\n\n${table}\n\n| Drug | Dose | When |\n| --- | --- | --- |\n| Aspirin | 75 mg | Morning |\n`);
    const r = build();
    expect(r.status, r.stderr).toBe(0);
    const parts = Number(/wide\.md: warning: a table of 30 columns \(the one starting "Day0", "Day1", "Day2" …\) is too wide for the page to print its words whole: it is printed in (\d+) parts/.exec(r.stderr)?.[1]);
    expect(parts).toBeGreaterThanOrEqual(2);
    expect(r.stderr).not.toMatch(/narrower than a letter/);
    expect(r.stderr.match(/wide\.md: warning: a table/g)).toHaveLength(1);
    const text = pdfText('wide');
    // Every cell whole, read across its row: the row's label, then its cells, part after part.
    for (let i = 1; i < columns; i++) {
      expect(text, `dose${i}`).toMatch(new RegExp(`\\bdose${i}\\b`));
      expect(text, `rest${i}`).toMatch(new RegExp(`\\brest${i}\\b`));
    }
    expect(text.match(/^\s*Morning\s+dose/gm)).toHaveLength(parts);
    expect(text.match(/^\s*Day0\s+Day/gm)).toHaveLength(parts);
    expect(text).toMatch(/Aspirin\s+75 mg\s+Morning/);
  }, 60_000);
});

describe.skipIf(!hasCommand('pdftotext') || !hasCommand('qpdf'))('a footnote called from a heading', () => {
  it('keeps its call in the heading and the title, numbered in reading order, with no "never referred to" warning; bookmarks keep the words only', () => {
    writeFileSync(path.join(content, 'notes.md'), '# Skin care[^t] for *you*\n\nWash the skin daily.[^body]\n\n## Soap[^s] and water\n\nUse a mild soap.\n\n[^t]: Written by the clinic nurses.\n[^s]: Without perfume.\n[^body]: Warm, not hot, water.\n');
    const r = build();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/never referred to/);
    const page = fromHtml(readFileSync(path.join(out, 'notes.html'), 'utf8'));
    const calls = (selector: string) => selectAll(`${selector} a[data-footnote-ref]`, page).map((a) => toString(a));
    expect(calls('h1')).toEqual(['1']);
    expect(calls('h2#soap-and-water')).toEqual(['3']);
    expect(select('h1 em', page)).toBeDefined();
    const notes = selectAll('section[data-footnotes] li', page).map((li) => toString(li).trim());
    expect(notes).toHaveLength(3);
    expect(notes[0]).toMatch(/^Written by the clinic nurses/);
    expect(notes[1]).toMatch(/^Warm, not hot, water/);
    expect(notes[2]).toMatch(/^Without perfume/);
    const text = pdfText('notes');
    expect(text).toMatch(/Skin care1 for you/);
    expect(text).toMatch(/Soap3 and water/);
    for (const note of ['Written by the clinic nurses.', 'Without perfume.', 'Warm, not hot, water.']) expect(text).toContain(note);
    const outline = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', path.join(out, 'notes.pdf')], { encoding: 'utf8' })).outlines;
    const titles = (items: { title: string; kids: unknown[] }[]): string[] => items.flatMap((o) => [o.title, ...titles(o.kids as typeof items)]);
    expect(titles(outline)).toEqual(expect.arrayContaining(['Soap and water']));
    expect(titles(outline).join('|')).not.toMatch(/\d/);
  }, 60_000);
});

describe.skipIf(!hasCommand('pdffonts'))('a letter with 150 accents', () => {
  it('keeps the font’s text map readable, every accent copied, and the plain letter copied as itself', async () => {
    // The cluster's whole text went to its first glyph: 151 characters, an entry Poppler cannot
    // read (so no word of the font could be copied), and every later "é" copied as all of them.
    const zalgo = `e${'\u0301'.repeat(150)}`;
    writeFileSync(path.join(content, 'marks.md'), `---\ntitle: Marks\n---\n\nWord ${zalgo} after, then é and e alone.\n`);
    const r = build();
    expect(r.status, r.stderr).toBe(0);
    const file = path.join(out, 'marks.pdf');
    const fonts = spawnSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts.stderr).not.toMatch(/ToUnicode|Illegal/i);
    expect(spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stderr).not.toMatch(/Illegal/);
    const text = (await readPdf(readFileSync(file))).streamText.normalize('NFD');
    expect([...text].filter((c) => c === '\u0301').length).toBe(151);
    expect(text).toMatch(/then e\u0301 and e alone\./);
  }, 60_000);
});

describe.skipIf(!hasCommand('pdftotext'))('words in angle brackets', () => {
  it('a placeholder or a key shaped like a tag of no HTML element prints as written, with a warning at its line; real tags stay markup', () => {
    // Markdown reads `<Patient Name>` as raw HTML, and the sanitiser removed it: "Dear , your appointment is on at".
    writeFileSync(path.join(content, 'letter.md'), '---\ntitle: Letter\n---\n\nDear <Patient Name>, your appointment is on <date>.\n\nBring <your card>. Press <Enter>. Some <b>bold</b> words.\n\n<Name of clinic>\n\nThe end.\n');
    const r = build();
    expect(r.status, r.stderr).toBe(0);
    for (const [tag, line] of [['<Patient Name>', 5], ['<date>', 5], ['<your card>', 7], ['<Enter>', 7], ['<Name of clinic>', 9]] as const) {
      expect(r.stderr).toContain(`content/letter.md:${line}: warning: ${tag} is not an HTML element`);
    }
    expect(r.stderr).not.toMatch(/<b> is not an HTML element/);
    for (const text of [pdfText('letter'), htmlText('letter.html')]) {
      expect(text).toMatch(/Dear <Patient Name>, your appointment is on <date>\./);
      expect(text).toMatch(/Bring <your card>\. Press <Enter>\. Some bold words\./);
      expect(text).toContain('<Name of clinic>');
    }
    const page = fromHtml(readFileSync(path.join(out, 'letter.html'), 'utf8'));
    expect(selectAll('main b', page).map((b) => toString(b))).toEqual(['bold']);
  }, 60_000);
});

describe.skipIf(!hasCommand('pdftotext'))('text Markdown reads as something that prints nothing', () => {
  it('notes that call only each other, or themselves, print once each in both outputs, with a warning at each', () => {
    writeFileSync(path.join(content, 'cycle.md'), '---\ntitle: Cycle\n---\n\nMain text.\n\n[^c]: Fasting means no food, see[^d].\n[^d]: Water is allowed, see[^c].\n[^s]: A note about itself, see[^s].\n');
    const r = build();
    expect(r.status, r.stderr).toBe(0);
    for (const [id, line] of [['c', 7], ['d', 8], ['s', 9]] as const) expect(r.stderr).toContain(`content/cycle.md:${line}: warning: the footnote [^${id}] is never referred to in the text`);
    for (const text of [pdfText('cycle'), htmlText('cycle.html')]) {
      for (const note of ['Fasting means no food', 'Water is allowed', 'A note about itself']) expect(text.split(note).length - 1, note).toBe(1);
    }
  }, 60_000);

  it('a private-use character the author wrote (U+E000) stays, and keeps the words around it apart', () => {
    // It was the mark of a line an Obsidian comment emptied, and took the spaces either side with it.
    writeFileSync(path.join(content, 'pua.md'), '---\ntitle: Private use\n---\n\nTake two \uE000 tablets daily.\n');
    const r = build();
    expect(r.status, r.stderr).toBe(0);
    expect(htmlText('pua.html')).toContain('Take two \uE000 tablets daily.');
    expect(pdfText('pua')).not.toMatch(/twotablets/);
  }, 60_000);

  it('a link definition nothing uses ("[Important]: Fasting") is told at its line; one in use is not', () => {
    writeFileSync(path.join(content, 'defs.md'), '---\ntitle: Defs\n---\n\nBefore you come in:\n\n[Important]: Fasting\n\nDo not eat after [midnight][m].\n\n[m]: https://example.org/fasting\n');
    const r = build();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('content/defs.md:7: warning: [Important]: Fasting is a link definition that nothing refers to, so it is not printed');
    expect(r.stderr).not.toMatch(/\[m\]: .* is a link definition/);
  }, 60_000);
});

describe('TOML front matter', () => {
  it('an impossible date is refused at its line, as in YAML, not moved on to the next month', () => {
    writeFileSync(path.join(content, 'feb.md'), '+++\ntitle = "Dates"\nreviewed = 2026-02-30\n+++\n\nBody text.\n');
    writeFileSync(path.join(content, 'ok.md'), '+++\ntitle = "Dates fine"\nreviewed = 2026-02-03 # checked\n+++\n\nBody text.\n');
    const r = build();
    expect(r.stderr).toMatch(/^content\/feb\.md:3: error: front-matter key "reviewed" should be a date written YYYY-MM-DD, not "2026-02-30"/m);
    expect(r.stderr).not.toMatch(/ok\.md:\d+: error/);
    if (hasCommand('pdftotext')) expect(pdfText('ok')).toContain('February 3, 2026');
  }, 60_000);
});

describe('images the PDF cannot draw, or too many to embed', () => {
  it('a GIF or WebP image is told at its line: the web page shows it, the PDF prints its alt text', () => {
    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
    writeFileSync(path.join(content, 'dot.gif'), gif);
    writeFileSync(path.join(content, 'gif.md'), '---\ntitle: Gif\n---\n\nA picture:\n\n![A moving dot](dot.gif)\n');
    const r = build();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('content/gif.md:7: warning: image dot.gif is a GIF: the web page shows it, but the PDF cannot draw it and prints its alt text instead (save it as PNG or JPEG)');
    if (hasCommand('pdftotext')) expect(pdfText('gif')).toContain('[Image: A moving dot]');
  }, 60_000);

  it('one large photo used 90 times is refused at the use that passes 100 MB, with a clear message; the other handouts build', () => {
    // 450 uses of a 1.2 MB photo made a page longer than a string can be: "internal error: Invalid string length".
    const png = solidPng(1, 1);
    const text = Buffer.concat([Buffer.from('tEXt', 'latin1'), Buffer.from('Comment\0', 'latin1'), Buffer.alloc(1_300_000, 0x41)]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(text.length - 4);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(text));
    const big = Buffer.concat([png.subarray(0, 33), length, text, crc, png.subarray(33)]);
    writeFileSync(path.join(content, 'photo.png'), big);
    writeFileSync(path.join(content, 'many.md'), `---\ntitle: Many\n---\n\n${Array.from({ length: 90 }, (_, i) => `![Photo ${i}](photo.png)`).join('\n\n')}\n`);
    const r = build();
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stderr).toMatch(/^content\/many\.md:\d+: error: the images embedded in this handout add up to more than 100 MB/m);
    expect(r.stdout).toMatch(/1 built, 0 unchanged, 1 failed/);
  }, 120_000);
});

describe.skipIf(!hasCommand('pdftotext'))('links in headings and callout titles', () => {
  it('keep their address, printed after them on paper as in the text, and their link in the web page', () => {
    // Their plain text printed "Email us" and "Call us now": the address was in neither output.
    writeFileSync(path.join(content, 'links.md'), '---\ntitle: Links\n---\n\n## Email [us](mailto:clinic@example.org)\n\nWrite any time.\n\n## Call [the ward][w]\n\nDay or night.\n\n> [!WARNING] Call [us](tel:5550100) now\n> If you bleed.\n\n[w]: tel:5550199\n');
    const r = build();
    expect(r.status, r.stderr).toBe(0);
    const text = pdfText('links');
    expect(text).toMatch(/Email us \(clinic@example\.org\)/);
    expect(text).toMatch(/Call the ward \(5550199\)/);
    expect(text).toMatch(/Call us \(5550100\) now/);
    const page = fromHtml(readFileSync(path.join(out, 'links.html'), 'utf8'));
    expect(selectAll('h2 a[href]', page).map((a) => String(a.properties.href))).toEqual(['mailto:clinic@example.org', 'tel:5550199']);
    expect(selectAll('.callout a[href]', page).map((a) => String(a.properties.href))).toEqual(['tel:5550100']);
  }, 60_000);
});

describe.skipIf(!hasCommand('pdftotext'))('small losses', () => {
  it('blocks the sanitiser unwraps stay apart; a note call no line defines is told; an invisible title is no title', () => {
    writeFileSync(
      path.join(content, 'small.md'),
      '---\ntitle: "\\u200b"\n---\n\nSee the chart[^nodef] here.\n\n<figure><img src="nope.png" alt="Chart"><figcaption>Rates by year</figcaption></figure>\n\n<address>12 Mill Lane</address>\n<fieldset><legend>Legend words</legend>Field words</fieldset>\n\nEnd.\n',
    );
    const r = cli(['build', content, '--out', out, '--missing-images', 'alt'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('content/small.md:5: warning: [^nodef] calls a footnote that is not defined, so it prints as written');
    const text = pdfText('small');
    // "ChartRates by year 12 Mill Lane Legend wordsField words": the words ran together.
    for (const line of ['Chart', 'Rates by year', '12 Mill Lane', 'Legend words', 'Field words']) expect(text).toMatch(new RegExp(`^\\s*${line}\\s*$`, 'm'));
    expect(text.split('\n')[0].trim()).toBe('Small');
    const page = fromHtml(readFileSync(path.join(out, 'small.html'), 'utf8'));
    expect(selectAll('main div', page).map((d) => toString(d).trim())).toEqual(expect.arrayContaining(['Rates by year', '12 Mill Lane', 'Legend words']));
  }, 60_000);
});
