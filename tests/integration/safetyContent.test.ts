/**
 * No page phones home, nothing is silently lost, strings are clean: hostile and careless content
 * built through the real command line, read back with an HTML parser, Poppler and an XML parser.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as hastText } from 'hast-util-to-string';
import { SaxesParser } from 'saxes';
import { cli, removeDir, tempDir, type CliResult } from '../helpers/build.js';
import { hasCommand } from '../helpers/pdf.js';

let dir: string;
let out: string;
let result: CliResult;

const HIDING = ['textarea', 'title', 'select', 'iframe', 'noscript', 'xmp'];

beforeAll(() => {
  dir = tempDir('handout-safe-content-');
  out = path.join(dir, 'out');
  const content = path.join(dir, 'content');
  mkdirSync(content);
  writeFileSync(
    path.join(content, 'remote.md'),
    '---\ntitle: Finding the clinic\n---\n\nHere is the way in.\n\n![Map of the clinic entrance](https://tracker.example/map.png?patient=4711)\n\nAsk at the desk <img src="https://tracker.example/p.gif?id=4711" alt="desk sign"> when you arrive.\n',
  );
  // Each element inline in a sentence, closed and left open: the words after it must not vanish.
  const hidden = HIDING.flatMap((tag) => [
    `Take <${tag}>two ${tag} pills</${tag}> with water after ${tag} meals.`,
    `Rest <${tag}> an hour after ${tag} lunch.`,
  ]).join('\n\n');
  writeFileSync(path.join(content, 'hidden.md'), `---\ntitle: Taking your pills\n---\n\n${hidden}\n\nLast paragraph stays here.\n`);
  writeFileSync(path.join(content, 'script.md'), '---\ntitle: A pasted script\n---\n\nBefore <script>secret words</script> after.\n');
  writeFileSync(path.join(content, 'link.md'), '---\ntitle: A broken link\n---\n\nGo back to [the top](#%C3) of the page, or [the clinic](https://clinic.example/%zz).\n\nThe rest of the handout is here.\n');
  // Control characters and terminal escape sequences in the title, a key and the file name.
  writeFileSync(
    path.join(content, 'control\x1b[2J.md'),
    '---\ntitle: "Care\\a plan \\e[31mred\\x01 & <more>"\nauthor: "Team\\x7f\\x9b"\n"bad\\e]0;owned\\akey": 1\n---\n\nPlain text with a bell\x07 and an escape\x1b[1m here.\n',
  );
  // A TODO comment never closed: everything after it was one comment, in both outputs.
  writeFileSync(
    path.join(content, 'comment.md'),
    '---\ntitle: Flu shots\n---\n\nGet your flu shot every year.\n\n<!-- a closed note -->\n\n<!-- TODO: ask Dr. Lee about dosing\n\n## Who should get one\n\nEveryone over six months old should get a flu shot.\n',
  );
  // Dose instructions in a column the header does not have: GFM drops those cells.
  writeFileSync(
    path.join(content, 'doses.md'),
    '---\ntitle: Doses\n---\n\n| Drug | Dose |\n|---|---|\n| Aspirin | 81 mg | once a day with food |\n| Metformin | 500 mg |\n',
  );
  // A footnote defined and never referred to: mdast-util-to-hast prints only the notes referred to.
  writeFileSync(
    path.join(content, 'notes.md'),
    '---\ntitle: Simple notes\n---\n\nTake the pill[^a] daily.\n\n[^a]: With food.\n[^c]: Orphan note words never referenced.\n',
  );
  // Page and line breaks from other systems between words: form feed, vertical tab, NEL.
  writeFileSync(path.join(content, 'breaks.md'), '---\ntitle: Breaks\n---\n\nTake one pill.\fThen rest.\vCall us\u0085tomorrow.\n');
  // colspan that is not a number: a browser reads it as 1.
  writeFileSync(
    path.join(content, 'span.md'),
    '---\ntitle: Spans\n---\n\nBefore the table.\n\n<table><tr><th>Drug</th><th>Dose</th></tr><tr><td colspan="all">Take with food</td></tr><tr><td colspan="0">Aspirin</td><td>81 mg</td></tr></table>\n\nAfter the table.\n',
  );
  result = cli(['build', 'content', '--out', 'out'], { cwd: dir });
}, 120_000);
afterAll(() => removeDir(dir));

const page = (name: string): Root => fromHtml(readFileSync(path.join(out, name), 'utf8'));
const pdfText = (name: string) => execFileSync('pdftotext', ['-raw', path.join(out, name), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const words = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('no page phones home', () => {
  it('builds', () => {
    expect(result.status, result.stderr).toBe(0);
  });

  it('every generated page carries a Content-Security-Policy that forbids loading from the network', () => {
    const pages = readdirSync(out).filter((f) => f.endsWith('.html'));
    expect(pages).toEqual(expect.arrayContaining(['index.html', 'summary.html', 'remote.html', 'hidden.html']));
    for (const name of pages) {
      const tree = page(name);
      const meta = select('head > meta[http-equiv="Content-Security-Policy"]', tree);
      expect(meta, name).toBeTruthy();
      const policy = String(meta!.properties.content);
      expect(policy, name).toMatch(/default-src 'none'/);
      expect(policy, name).toMatch(/img-src data:(;|$)/);
      expect(policy, name).not.toMatch(/https?:|\*/);
      // And nothing in the page asks for the network anyway.
      for (const el of selectAll('[src], link[href], [srcset], [poster], [data]', tree)) {
        for (const attr of ['src', 'href', 'srcSet', 'poster', 'data']) expect(String(el.properties[attr] ?? ''), `${name} <${el.tagName}>`).not.toMatch(/^(https?:)?\/\//i);
      }
    }
  });

  it('a remote image becomes its alt text in the HTML, as in the PDF, with a warning', () => {
    const html = readFileSync(path.join(out, 'remote.html'), 'utf8');
    expect(html).not.toContain('tracker.example');
    expect(words(hastText(select('main', page('remote.html'))!))).toContain('Map of the clinic entrance');
    expect(words(hastText(select('main', page('remote.html'))!))).toContain('Ask at the desk desk sign when you arrive.');
    expect(result.stderr).toMatch(/remote\.md:7: warning: remote image https:\/\/tracker\.example\/map\.png\?patient=4711 is not fetched/);
    if (hasCommand('pdftotext')) expect(pdfText('remote.pdf')).toContain('Map of the clinic entrance');
  });

  it('--remote-images keep keeps it, and the policy lets exactly https images load', () => {
    const kept = cli(['build', 'content/remote.md', '--out', 'kept', '--remote-images', 'keep'], { cwd: dir });
    expect(kept.status, kept.stderr).toBe(0);
    const tree = fromHtml(readFileSync(path.join(dir, 'kept/remote.html'), 'utf8'));
    expect(selectAll('img', tree).map((i) => String(i.properties.src))).toContain('https://tracker.example/map.png?patient=4711');
    expect(String(select('meta[http-equiv="Content-Security-Policy"]', tree)!.properties.content)).toMatch(/img-src data: https:;/);
  });
});

describe('nothing silently lost', () => {
  it('inline textarea, title, select, iframe, noscript and xmp keep their text and the words after them, in both outputs', () => {
    const text = words(hastText(select('main', page('hidden.html'))!));
    const pdf = hasCommand('pdftotext') ? pdfText('hidden.pdf') : undefined;
    for (const tag of HIDING) {
      for (const sentence of [`two ${tag} pills`, `with water after ${tag} meals.`, `an hour after ${tag} lunch.`]) {
        expect(text, `${tag}: ${sentence}`).toContain(sentence);
        if (pdf) expect(pdf, `${tag}: ${sentence}`).toContain(sentence);
      }
    }
    expect(text).toContain('Last paragraph stays here.');
    expect(result.stderr).toMatch(/hidden\.md:\d+: warning: raw HTML <select> is never closed, so it would hide the text after it; the tag is left out/);
    // Kept as text, never as elements that hide it or run it.
    for (const tag of HIDING) expect(selectAll(tag, select('main', page('hidden.html'))!), tag).toEqual([]);
  });

  it('an HTML comment never closed hides nothing: its "<!--" is left out with a warning naming its line; a closed one stays hidden', () => {
    expect(result.stderr).toMatch(/comment\.md:9: warning: the HTML comment opened here \("<!--"\) is never closed, so it would hide the rest of the file; the "<!--" is left out/);
    const tree = page('comment.html');
    const text = words(hastText(select('main', tree)!));
    expect(text).toContain('TODO: ask Dr. Lee about dosing');
    expect(text).toContain('Everyone over six months old should get a flu shot.');
    expect(text).not.toContain('a closed note');
    expect(selectAll('main h2', tree).map((h) => hastText(h))).toContain('Who should get one');
    if (hasCommand('pdftotext')) expect(pdfText('comment.pdf')).toContain('Everyone over six months old should get a flu shot.');
  });

  it('a table row with more cells than the header widens the table, with a warning at the row: every cell prints', () => {
    expect(result.stderr).toMatch(/doses\.md:7: warning: a table row has up to 3 cells but the table's header has 2; the table is widened to 3 columns/);
    const tree = page('doses.html');
    expect(selectAll('main thead th', tree)).toHaveLength(3);
    expect(selectAll('main tbody tr', tree).map((tr) => selectAll('td', tr).map((td) => hastText(td)))).toEqual([
      ['Aspirin', '81 mg', 'once a day with food'],
      ['Metformin', '500 mg', ''],
    ]);
    if (hasCommand('pdftotext')) expect(pdfText('doses.pdf')).toMatch(/Aspirin 81 mg once a day with food/);
  });

  it('a footnote nothing refers to is printed after the other notes, with a warning at its definition', () => {
    expect(result.stderr).toMatch(/notes\.md:8: warning: the footnote \[\^c\] is never referred to in the text; it is printed at the end of the notes/);
    const tree = page('notes.html');
    expect(selectAll('main section.footnotes li', tree).map((li) => words(hastText(li)))).toEqual(['With food. ↩', 'Orphan note words never referenced.']);
    // No link back to a reference that does not exist.
    expect(selectAll('main section.footnotes li', tree)[1].children.some((c) => select('a', c as Element))).toBe(false);
    if (hasCommand('pdftotext')) expect(pdfText('notes.pdf')).toContain('Orphan note words never referenced.');
  });

  it('a raw HTML table whose colspan is not a number prints in the PDF, read as 1 as browsers do', () => {
    expect(words(hastText(select('main', page('span.html'))!))).toMatch(/Take with food.*Aspirin.*81 mg/);
    if (hasCommand('pdftotext')) expect(pdfText('span.pdf')).toMatch(/Before the table\. Drug Dose Take with food Aspirin 81 mg After the table\./);
  });

  it('a script is removed, and the warning names the text removed with it', () => {
    expect(result.stderr).toMatch(/script\.md:5: warning: raw HTML <script> is removed with the text inside it: "secret words"/);
    expect(words(hastText(select('main', page('script.html'))!))).toBe('Before after.');
  });

  it('a malformed link is dropped with a warning; its text and the document stay', () => {
    expect(result.stderr).toMatch(/link\.md:5: warning: the link "#%C3" is not a valid address/);
    expect(result.stderr).toMatch(/link\.md:5: warning: the link "https:\/\/clinic\.example\/%zz" is not a valid address/);
    expect(result.stderr).not.toMatch(/internal error/);
    const tree = page('link.html');
    expect(selectAll('main a', tree).map((a) => a.properties.href)).toEqual([undefined, undefined]);
    expect(words(hastText(select('main', tree)!))).toContain('Go back to the top of the page, or the clinic.');
    if (hasCommand('pdftotext')) expect(pdfText('link.pdf')).toContain('The rest of the handout is here.');
  });
});

describe('clean strings everywhere', () => {
  const CONTROL = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/;

  it('the XMP metadata is well-formed XML, and the title and author carry no control character', () => {
    const pdf = readFileSync(path.join(out, 'control-2j.pdf')).toString('latin1');
    const xmp = /<\?xpacket begin[\s\S]*?<\?xpacket end="w"\?>/.exec(pdf)?.[0];
    expect(xmp, 'an XMP packet').toBeTruthy();
    const text = Buffer.from(xmp!, 'latin1').toString('utf8');
    const parser = new SaxesParser({ xmlns: true });
    const titles: string[] = [];
    const open: string[] = [];
    parser.on('opentag', (t) => open.push(t.name));
    parser.on('closetag', () => open.pop());
    parser.on('text', (t) => open.includes('dc:title') && t.trim() && titles.push(t));
    parser.write(text).close(); // throws on anything that is not well-formed XML 1.0
    expect(titles.join('')).toBe('Care plan [31mred & <more>');
    if (hasCommand('pdfinfo')) {
      const info = execFileSync('pdfinfo', [path.join(out, 'control-2j.pdf')], { encoding: 'utf8' });
      expect(info).toMatch(/Title: +Care plan \[31mred & <more>\n/);
      expect(info).toMatch(/Author: +Team\n/);
    }
  });

  it('the HTML has no control characters', () => {
    for (const name of readdirSync(out).filter((f) => f.endsWith('.html'))) expect(readFileSync(path.join(out, name), 'utf8'), name).not.toMatch(CONTROL);
    expect(words(hastText(select('title', page('control-2j.html'))!))).toBe('Care plan [31mred & <more>');
  });

  it('form feed, vertical tab and NEL separate the words they stand between, in both outputs', () => {
    expect(words(hastText(select('main', page('breaks.html'))!))).toContain('Take one pill. Then rest. Call us tomorrow.');
    if (hasCommand('pdftotext')) expect(pdfText('breaks.pdf')).toContain('Take one pill. Then rest. Call us tomorrow.');
  });

  it('what reaches the terminal has its control characters escaped: file names, keys, text', () => {
    for (const stream of [result.stdout, result.stderr]) expect(stream.replace(/\n/g, '')).not.toMatch(CONTROL);
    expect(result.stdout).toContain('content/control\\x1b[2J.md → ');
    expect(result.stderr).toMatch(/control\\x1b\[2J\.md:\d+: warning: .*bad\\x1b\]0;owned\\x07key/);
    // The outline and the check report print the document's own text.
    for (const command of [['outline', 'content/control\x1b[2J.md'], ['check', 'content/control\x1b[2J.md']]) {
      const r = cli(command, { cwd: dir });
      for (const stream of [r.stdout, r.stderr]) expect(stream.replace(/\n/g, ''), command[0]).not.toMatch(CONTROL);
      expect(r.stdout, command[0]).toMatch(/Care\\x07 plan \\x1b\[31mred\\x01 & <more>/);
    }
  });
});
