/**
 * A clinic's own brand and print room, end to end through the command line: a settings file,
 * front matter in plain text, a layered brand stylesheet, the logo, link addresses on paper, and
 * the QR code to the web copy, each read back from the outputs (pdftotext, pdfimages, a page
 * image decoded by zbarimg, the HTML parsed).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { HtmlValidate } from 'html-validate';
import { select, selectAll } from 'hast-util-select';
import { toString as hastText } from 'hast-util-to-string';
import { cli, removeDir, solidPng, tempDir } from '../helpers/build.js';
import { hasCommand, readPdf } from '../helpers/pdf.js';

const poppler = hasCommand('pdftotext') && hasCommand('pdfimages') && hasCommand('pdftoppm');
const zbar = hasCommand('zbarimg');
let dir: string;

const text = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
/** What zbarimg reads from page 1 rendered at 150 dpi, as a phone camera would see the paper. */
function qrCodesOnPage1(pdf: string): string[] {
  const png = path.join(dir, `${path.basename(pdf)}-page`);
  execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', pdf, png]);
  const r = spawnSync('zbarimg', ['-q', '--raw', `${png}.png`], { encoding: 'utf8' });
  return r.stdout.split('\n').filter(Boolean);
}

function write(rel: string, data: string | Buffer): string {
  const file = path.join(dir, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, data);
  return file;
}

beforeAll(() => {
  dir = tempDir('handout-clinic-');
  write('clinic/handout.config.yaml', [
    'organisation: Harbour Street Clinic',
    'logo: brand/logo.png',
    'contact: Nurse line 555-0100',
    'paper: a4',
    'web-base-url: https://handouts.example.org/harbour',
    'colours:',
    '  brand: "#7a1f5c"',
    'links: after',
    '',
  ].join('\n'));
  write('clinic/brand/logo.png', solidPng(240, 80, [122, 31, 92]));
  write('clinic/templates/handout.css', ':root { --heading: #5a0f40; }\nh2 { text-transform: uppercase; }\n');
  write('clinic/handouts/flu.txt', [
    '---',
    'title: Getting over the flu',
    'reviewed: 2026-03-01',
    'review-every: 1y',
    'paper: letter',
    '---',
    'Rest at home and drink plenty of water while you get better.',
    '',
    'Call your doctor if your fever lasts more than three days.',
    '',
  ].join('\n'));
  write('clinic/handouts/hands.md', [
    '---',
    'title: Clean hands',
    'url: https://www.example.org/clean-hands',
    'links: notes',
    '---',
    'Read the [hand washing page](https://www.example.org/hands/) before your visit.',
    '',
    'Call the [nurse line](tel:+1-555-0100), [write to us](mailto:care@example.org), or read [the flu sheet](flu.html).',
    '',
    'The [hand washing page](https://www.example.org/hands/) has pictures too. See [below](#steps).',
    '',
    '## Steps',
    '',
    'Wet, soap, scrub, rinse, dry.',
    '',
  ].join('\n'));
  const r = cli(['build', 'handouts', '--out', 'out'], { cwd: path.join(dir, 'clinic') });
  if (r.status !== 0) throw new Error(r.stderr);
}, 120_000);

afterAll(() => removeDir(dir));

const out = (f: string) => path.join(dir, 'clinic/out', f);

describe.skipIf(!poppler)('a clinic project', () => {
  it('prints the settings file\'s organisation and contact line; a source\'s front matter overrides its paper', () => {
    const flu = text(out('flu.pdf'));
    expect(flu).toContain('HARBOUR STREET CLINIC');
    expect(flu).toMatch(/Getting over the flu · Harbour Street Clinic · Nurse line 555-0100/);
    expect(execFileSync('pdfinfo', [out('flu.pdf')], { encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    expect(execFileSync('pdfinfo', [out('hands.pdf')], { encoding: 'utf8' })).toMatch(/\(A4\)/);
  });

  it('reads front matter in a .txt source and keeps its body as plain text', () => {
    const flu = text(out('flu.pdf'));
    expect(flu).not.toContain('review-every');
    expect(flu).not.toContain('---');
    expect(flu).toContain('Reviewed: March 1, 2026');
    expect(flu).toContain('Rest at home and drink plenty of water');
    expect(flu).toMatch(/Next review March 1, 2027/);
  });

  it('embeds the logo in the PDF\'s title block and the HTML', async () => {
    const images = execFileSync('pdfimages', ['-list', out('flu.pdf')], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/^\s*1\s+0\s+image\s+240\s+80\s+rgb/);
    const html = fromHtml(readFileSync(out('flu.html'), 'utf8'));
    const logo = select('header.title-block img.logo', html);
    expect(String(logo?.properties.src)).toMatch(/^data:image\/png;base64,/);
    expect(logo?.properties.alt).toBe('Harbour Street Clinic');
  });

  it('layers the brand colour and the project stylesheet over the built-in one, which keeps its rules', () => {
    const html = readFileSync(out('hands.html'), 'utf8');
    const css = hastText(select('style', fromHtml(html))!);
    expect(css.indexOf('--brand: #0f5c73')).toBeLessThan(css.indexOf('--brand: #7a1f5c'));
    expect(css.indexOf('--brand: #7a1f5c')).toBeLessThan(css.indexOf('text-transform: uppercase; }'));
    expect(css).toContain('.box {');
    // In the PDF: the project's rule (uppercase h2) and the built-in footer both apply.
    const hands = text(out('hands.pdf'));
    expect(hands).toContain('STEPS');
    expect(hands).toMatch(/Page 1 of 1/);
  });

  it('prints link addresses as numbered notes at the end, tel: and mailto: as the number and address; internal links add nothing', async () => {
    const pdf = await readPdf(readFileSync(out('hands.pdf')));
    const all = pdf.text.replace(/\s+/g, ' ');
    expect(all).toContain('Read the hand washing page[1] before your visit.');
    expect(all).toContain('Call the nurse line[2], write to us[3], or read the flu sheet[4].');
    expect(all).toContain('The hand washing page[1] has pictures too. See below.');
    // The project's stylesheet sets every h2 in capitals.
    expect(all).toContain('LINKS IN THIS HANDOUT');
    const notes = all.slice(all.indexOf('LINKS IN THIS HANDOUT'));
    expect(notes).toMatch(/1\. www\.example\.org\/hands 2\. \+1-555-0100 3\. care@example\.org 4\. handouts\.example\.org\/harbour\/flu\.html/);
    // The web page keeps working links and does not show the printed addresses on screen.
    const html = fromHtml(readFileSync(out('hands.html'), 'utf8'));
    expect(selectAll('.link-notes li', html).map((li) => hastText(li))).toEqual(['www.example.org/hands', '+1-555-0100', 'care@example.org', 'handouts.example.org/harbour/flu.html']);
    const css = hastText(select('style', html)!);
    const screen = css.slice(css.indexOf('@media screen {'));
    expect(screen.slice(0, screen.indexOf('\n}'))).toMatch(/\.link-notes[^{]*\{ display: none; \}/);
  });

  it('prints link addresses after their text with links: after', async () => {
    write('clinic/handouts/after.md', '# After\n\nSee the [vaccine page](https://example.org/vaccines) or call [us](tel:5550100).\n\nRead <https://example.org/flu>.\n');
    expect(cli(['build', 'handouts/after.md', '--out', 'out'], { cwd: path.join(dir, 'clinic') }).status).toBe(0);
    // A link whose text is its address prints it once.
    const after = (await readPdf(readFileSync(out('after.pdf')))).text.replace(/\s+/g, ' ');
    expect(after).toContain('See the vaccine page (example.org/vaccines) or call us (5550100). Read https://example.org/flu.');
    expect(cli(['build', 'handouts/after.md', '--out', 'none', '--links', 'none'], { cwd: path.join(dir, 'clinic') }).status).toBe(0);
    expect(text(path.join(dir, 'clinic/none/after.pdf')).replace(/\s+/g, ' ')).toContain('See the vaccine page or call us.');
  });

  it.skipIf(!zbar)('puts a QR code to the web copy on page 1, drawn as vector shapes, with its address beside it', () => {
    // From the settings file's web base URL and the slug; front matter `url:` wins.
    expect(qrCodesOnPage1(out('flu.pdf'))).toEqual(['https://handouts.example.org/harbour/flu.html']);
    expect(qrCodesOnPage1(out('hands.pdf'))).toEqual(['https://www.example.org/clean-hands']);
    expect(text(out('flu.pdf'))).toContain('handouts.example.org/harbour/flu.html');
    // Vector: the only image in the file is the logo.
    expect(execFileSync('pdfimages', ['-list', out('hands.pdf')], { encoding: 'utf8' }).trim().split('\n')).toHaveLength(3);
    const svg = select('.web-copy svg', fromHtml(readFileSync(out('flu.html'), 'utf8')));
    expect(svg?.properties.ariaLabel).toMatch(/QR code .*https:\/\/handouts\.example\.org\/harbour\/flu\.html/);
  });

  it('writes valid HTML with the logo, the QR code and the link notes (html-validate)', async () => {
    // tel-non-breaking is about the content's own link text ("nurse line"), not what handout adds.
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-trailing-whitespace': 'off', 'tel-non-breaking': 'off' } });
    for (const page of ['flu.html', 'hands.html']) {
      const report = await validator.validateString(readFileSync(out(page), 'utf8'), page);
      expect(report.results.flatMap((r) => r.messages.map((m) => `${page}:${m.line}: ${m.ruleId}: ${m.message}`))).toEqual([]);
    }
  });

  it('has no QR code without a web address', () => {
    write('plain/one.md', '# One\n\nText.\n');
    expect(cli(['build', 'one.md', '--out', 'out'], { cwd: path.join(dir, 'plain') }).status).toBe(0);
    expect(selectAll('.web-copy', fromHtml(readFileSync(path.join(dir, 'plain/out/one.html'), 'utf8')))).toHaveLength(0);
  });

  it('replaces the built-in stylesheet only when the settings say so', () => {
    write('replace/handout.config.yaml', 'stylesheet: replace\n');
    write('replace/templates/handout.css', 'body { font-size: 14pt; }\n');
    write('replace/one.md', '# One\n\n## Key points\n\n- Short.\n');
    expect(cli(['build', 'one.md', '--out', 'out'], { cwd: path.join(dir, 'replace') }).status).toBe(0);
    const css = hastText(select('style', fromHtml(readFileSync(path.join(dir, 'replace/out/one.html'), 'utf8')))!);
    // The page's embedded fonts (see embedFonts.ts) come first; the rules are the project's alone.
    const rules = css.replace(/\/\*[^]*?\*\//g, '').replace(/@font-face\s*\{[^}]*\}/g, '');
    expect(rules.trim()).toBe('body { font-size: 14pt; }');
  });

  it('passes the settings file\'s checks: to the check, validated by its rules', () => {
    const sentence = 'This sentence has a good many words in it so that it runs on a little past the usual limit of twenty words.';
    write('rules/one.md', `# One\n\n${sentence}\n`);
    const rules = path.join(dir, 'rules');
    const ruleIds = () => JSON.parse(cli(['check', 'one.md', '--json'], { cwd: rules }).stdout).handouts[0].findings.map((f: { rule: string }) => f.rule);
    expect(ruleIds()).toContain('long-sentence');
    write('rules/handout.config.yaml', 'organisation: A\nchecks:\n  long-sentence: 30\n');
    expect(ruleIds()).not.toContain('long-sentence');
    write('rules/handout.config.yaml', 'organisation: A\nchecks:\n  long-sentense: 30\n');
    const r = cli(['build', 'one.md', '--out', 'out'], { cwd: rules });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/handout\.config\.yaml:2: error: unknown check rule "long-sentense" .*did you mean long-sentence\?/);
  });

  it('stops on a mistake in the settings file with its file and line, and keeps the earlier outputs', () => {
    write('broken/handout.config.yaml', 'organisation: A\npaper: legal\n');
    write('broken/one.md', '# One\n\nText.\n');
    const r = cli(['build', 'one.md', '--out', 'out'], { cwd: path.join(dir, 'broken') });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('handout.config.yaml:2: error: setting "paper" should be letter or a4, not "legal"');
  });
});
