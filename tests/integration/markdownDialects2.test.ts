/**
 * Markdown exported by other tools, round 2: Pandoc's Markdown of a Word document, Google Docs'
 * "Download as Markdown", Notion's export, an Obsidian note and an R Markdown / Quarto source.
 * Each prints every word its tool would show, none of its syntax, and a warning with file and line
 * for what it leaves out. Built through the real command line; the HTML read with an HTML parser,
 * the PDF with pdfjs and Poppler.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as hastText } from 'hast-util-to-string';
import { HtmlValidate } from 'html-validate';
import { cli, removeDir, solidPng, tempDir, writeUnder, type CliResult } from '../helpers/build.js';
import { hasCommand, readPdf } from '../helpers/pdf.js';

const PANDOC = `---
title: Living with asthma
---

## Your inhaler {#your-inhaler .unnumbered}

Use your blue inhaler when you feel [tight in the chest]{.underline}.\\
Call the clinic if you need it [every day]{.mark}.

Rinse with H~2~O after each dose; it clears 10^3^ spores.

+---------------+-----------------------------------+
| Inhaler       | When to use it                    |
+===============+===================================+
| Blue reliever | When you wheeze or feel tight.    |
|               | Up to eight puffs a day.          |
+---------------+-----------------------------------+
| Brown         | Every morning and every evening,  |
| preventer     | even when you feel well.          |
+---------------+-----------------------------------+

  Peak flow    Zone     What to do
  ----------- -------- ----------------------
  Over 400     Green    Carry on as usual
  300 to 400   Amber    Use your reliever
  Under 300    Red      Call the ambulance

  : Peak flow zones

-----------------------------------------------------------
  Step        What you do
  ----------- ---------------------------------------------
  Shake       Shake the inhaler well and take the
              cap off.

  Breathe     Breathe out gently, then put the
              mouthpiece in your mouth.
-----------------------------------------------------------

| The Asthma Clinic
| 12 High Street
| Springfield

Bring this sheet to every visit.
`;

const GOOGLE_DOCS = `# Diabetes foot care

**Check your feet every day. **Look for cuts, blisters and red areas.

Wash them in *warm water, *never hot. Dry between your toes\\*.
`;

const NOTION = `# After your knee surgery

<aside>
💡 Keep your leg raised for the first two days.

</aside>

<aside>
⚠️ **Call us** if the wound is hot, red or weeping.
</aside>

See [Exercises](Exercises%20a1b2c3d4e5f6.md) for what to do next.
`;

const OBSIDIAN = `---
title: Blood pressure
---

Read [[Salt and your heart]] first, then [[Exercise plan|your exercise plan]] and [[Medicines#Side effects]].

Your target is ==below 140/90==. #patient-info #bp

%% Reviewer: check the target against the 2023 guideline %%

Take your reading at the same time each day. ^daily-reading

%%
A longer note
for the nurses.
%%

> [!warning]- Low blood pressure
> Sit down if you feel dizzy.

![[bp-chart.png|A chart of your readings]]

![[Salt and your heart]]

Keep \`==code==\` and [[escaped\\]] as written.
`;

const RMARKDOWN = `---
title: Blood sugar diary
---

\`\`\`{r setup, include=FALSE}
knitr::opts_chunk$set(echo = TRUE)
\`\`\`

Your readings this month:

\`\`\`{r echo=FALSE}
summary(readings)
\`\`\`

\`\`\`{r}
mean(readings)
\`\`\`

\`\`\`{python}
#| echo: false
print("hidden")
\`\`\`

Aim for readings between 4 and 7.
`;

// What a review found the passes above did to ordinary Markdown and to the tools' own shapes.

/** Ordinary Markdown holding the markers: nothing is Obsidian's, Pandoc's or Google Docs'. */
const ORDINARY = `# Batch files and sums

At the prompt you type %i, but in a batch file you type %%i instead.

Open the editor and write the loop.

Save the file and run it: %%i again.

Delete the *.tmp files and the *.bak files first.

In C, x==1 or y==2 compares two values.

The area grows as x^2+y^2 does.

The score is raised to the power ^2

Find us online. #health #wellbeing

The query prints:

    +------+-----+
    | name | age |
    +------+-----+

Loop over the files:

    for %%f in (*.txt) do echo %%f

> \`\`\`
> +----+----+
> | a  | b  |
> +----+----+
> \`\`\`
`;

/** An Obsidian note (its wikilink says so): a comment on a line of its own inside a paragraph or a list item. */
const OBSIDIAN_LINES = `# Notes

See [[Other page]] first.

First line of the paragraph
%% a note to self %%
second line of the same paragraph.

- item one
%% note %%
    continuation of item one

In C, x==1 compares.
`;

const LINE_BLOCK = `# Address

| The Clinic
| 1. not a list
| 2) nor this
`;

const ASIDES = `# Asides

<aside>
💡 Take these steps:

- First step
    - a detail of the first step
- Second step

        code line indented
</aside>

<aside>
💡 Outer tip first line.

<aside>
⚠️ Inner warning text.
</aside>

Outer tip last line.
</aside>

After both.
`;

/** The embed is on line 13, in the grid table's third row. */
const GRID_LINES = `---
title: Doses
---

# Doses

+-----------+-----------------+
| Drug      | Notes           |
+===========+=================+
| Aspirin   | Take with food  |
|           | and water.      |
+-----------+-----------------+
| Paracet   | See ![[dosing]] |
|           | for the chart.  |
+-----------+-----------------+
`;

let dir: string;
let out: string;
let result: CliResult;

beforeAll(() => {
  dir = tempDir('handout-dialects2-');
  out = path.join(dir, 'out');
  writeUnder(dir, 'content/pandoc.md', PANDOC);
  writeUnder(dir, 'content/gdocs.md', GOOGLE_DOCS);
  writeUnder(dir, 'content/notion.md', NOTION);
  writeUnder(dir, 'content/obsidian.md', OBSIDIAN);
  writeUnder(dir, 'content/rmarkdown.md', RMARKDOWN);
  writeUnder(dir, 'content/ordinary.md', ORDINARY);
  writeUnder(dir, 'content/obsidian-lines.md', OBSIDIAN_LINES);
  writeUnder(dir, 'content/line-block.md', LINE_BLOCK);
  writeUnder(dir, 'content/asides.md', ASIDES);
  writeUnder(dir, 'content/grid-lines.md', GRID_LINES);
  writeFileSync(path.join(dir, 'content/bp-chart.png'), solidPng(60, 30));
  result = cli(['build', path.join(dir, 'content'), '--out', out, '--jobs', '1']);
});

afterAll(() => removeDir(dir));

const page = (name: string): Root => fromHtml(readFileSync(path.join(out, name), 'utf8'));
const main = (name: string) => select('main', page(name))!;
const pdfText = async (name: string) => (await readPdf(readFileSync(path.join(out, name)))).text;
/** pdftotext's text with its lines' runs of spaces made one (it lays a table's columns out with them). */
const poppler = (name: string) => (hasCommand('pdftotext') ? execFileSync('pdftotext', ['-layout', path.join(out, name), '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ') : '');
const warningsFor = (name: string) => {
  const check = cli(['check', path.join(dir, 'content', name)]);
  return check.stdout + check.stderr;
};

describe('Markdown exported by other tools (round 2)', () => {
  it('builds every source', () => {
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  it("Pandoc's grid, simple and multiline tables are real tables, every cell's words in their cell", async () => {
    const tables = selectAll('main table', page('pandoc.html')) as Element[];
    expect(tables).toHaveLength(3);
    const cells = (t: Element) => selectAll('tr', t).map((r) => selectAll('th, td', r).map((c) => hastText(c).trim()));
    expect(cells(tables[0])).toEqual([
      ['Inhaler', 'When to use it'],
      ['Blue reliever', 'When you wheeze or feel tight. Up to eight puffs a day.'],
      ['Brown preventer', 'Every morning and every evening, even when you feel well.'],
    ]);
    expect(cells(tables[1])).toEqual([
      ['Peak flow', 'Zone', 'What to do'],
      ['Over 400', 'Green', 'Carry on as usual'],
      ['300 to 400', 'Amber', 'Use your reliever'],
      ['Under 300', 'Red', 'Call the ambulance'],
    ]);
    expect(cells(tables[2])).toEqual([
      ['Step', 'What you do'],
      ['Shake', 'Shake the inhaler well and take the cap off.'],
      ['Breathe', 'Breathe out gently, then put the mouthpiece in your mouth.'],
    ]);
    expect(selectAll('main h2, main h3', page('pandoc.html')).map((h) => hastText(h))).toEqual(['Your inhaler']);
    const text = await pdfText('pandoc.pdf');
    for (const stray of ['+---', '+===', '----', '| ', ': Peak']) expect(text, stray).not.toContain(stray);
    expect(text).toContain('Peak flow zones');
    expect(text).toMatch(/Brown preventer\s+Every morning and every evening, even when you feel well\./);
    if (hasCommand('pdftotext')) expect(poppler('pandoc.pdf')).toMatch(/Breathe Breathe out gently, then put the mouthpiece in your mouth\./);
  });

  it("Pandoc's line blocks keep their lines, hard breaks break, ^sup^ and H~2~O are raised and lowered", async () => {
    const html = main('pandoc.html');
    const address = selectAll('p', html).find((p) => hastText(p).includes('High Street'))!;
    expect(selectAll('br', address)).toHaveLength(2);
    expect(hastText(address).replace(/\s+/g, ' ')).toBe('The Asthma Clinic 12 High Street Springfield');
    expect(selectAll('sub', html).map((e) => hastText(e))).toEqual(['2']);
    expect(selectAll('sup', html).map((e) => hastText(e))).toEqual(['3']);
    expect(selectAll('del', html)).toHaveLength(0);
    expect(selectAll('mark', html).map((e) => hastText(e))).toEqual(['every day']);
    const lines = (await pdfText('pandoc.pdf')).split('\n');
    expect(lines).toEqual(expect.arrayContaining(['The Asthma Clinic', '12 High Street', 'Springfield']));
    const text = lines.join('\n');
    for (const stray of ['~', '^', '\\', '{.underline}', '{.mark}', '{#']) expect(text, stray).not.toContain(stray);
    expect(text).toContain('tight in the chest.');
    expect(text).toContain('Call the clinic if you need it every day.');
  });

  it("Google Docs' bold and italic with the space inside are left as CommonMark reads them: every word printed, escapes print their character", async () => {
    // No sign in the text tells Google Docs' "**bold **" from ordinary asterisks ("the *.tmp and *.bak files"): nothing is made bold.
    const html = main('gdocs.html');
    expect(selectAll('strong, em', html)).toHaveLength(0);
    const text = await pdfText('gdocs.pdf');
    expect(text).toContain('**Check your feet every day. **Look for cuts, blisters and red areas.');
    expect(text).toContain('Wash them in *warm water, *never hot. Dry between your toes*.');
  });

  it("Notion's asides are callout boxes of the emoji's kind, the emoji left out", async () => {
    const callouts = selectAll('main [role=note]', page('notion.html')) as Element[];
    expect(callouts.map((c) => hastText(select('.callout-label', c)!))).toEqual(['Tip', 'Warning']);
    expect(hastText(callouts[0])).toContain('Keep your leg raised for the first two days.');
    expect(hastText(select('strong', callouts[1])!)).toBe('Call us');
    const text = await pdfText('notion.pdf');
    expect(text).toContain('Call us if the wound is hot, red or weeping.');
    for (const stray of ['<aside', '</aside', '**', '💡', '⚠']) expect(text, stray).not.toContain(stray);
    expect(result.stdout + result.stderr).not.toMatch(/notion\.md:\d+: warning: no font can draw/);
  });

  it('Obsidian: wikilinks print their alias or page name, ==highlight== is <mark>, the embedded image is drawn', async () => {
    const html = main('obsidian.html');
    expect(hastText(html)).toContain('Read Salt and your heart first, then your exercise plan and Medicines › Side effects.');
    expect(selectAll('mark', html).map((e) => hastText(e))).toEqual(['below 140/90']);
    const image = select('img', html) as Element;
    expect(image.properties.alt).toBe('A chart of your readings');
    expect(String(image.properties.src)).toMatch(/^data:image\/png;base64,/);
    // Code and escaped brackets are the author's, as written.
    expect(hastText(select('code', html)!)).toBe('==code==');
    expect(hastText(html)).toContain('[[escaped]]');
    const pdf = await readPdf(readFileSync(path.join(out, 'obsidian.pdf')));
    expect(pdf.text).toContain('Your target is below 140/90.');
    expect(pdf.text).toContain('Take your reading at the same time each day.');
    expect(pdf.text.split('\n')).toContain('Warning: Low blood pressure');
    for (const stray of ['[[Salt', '|your', '==below', '%%', 'Reviewer', 'for the nurses', '#patient', '#bp', '^daily', '![[', '[!warning]']) expect(pdf.text, stray).not.toContain(stray);
  });

  it('Obsidian: comments, tags and a note that cannot be embedded are warned about with file and line', () => {
    const all = warningsFor('obsidian.md');
    expect(all).toMatch(/obsidian\.md:9: warning: 2 Obsidian comments \(%% … %%, lines 9, 13\) are left out/);
    expect(all).toMatch(/obsidian\.md:7: warning: 2 Obsidian tags \(#patient-info #bp\) are left out/);
    expect(all).toMatch(/obsidian\.md:23: warning: an Obsidian embed of a note or file \("!\[\[Salt and your heart\]\]"\) cannot be included: only its name is printed/);
  });

  it('an Obsidian highlight is drawn behind its words in the PDF', () => {
    if (!hasCommand('pdftoppm')) return;
    // The first page as a picture (PPM on standard output): the highlight's yellow is on it.
    const ppm = execFileSync('pdftoppm', ['-r', '30', '-f', '1', '-l', '1', path.join(out, 'obsidian.pdf')]);
    expect(hasColour(ppm, [0xff, 0xf3, 0xa0])).toBe(true);
  });

  it('R Markdown and Quarto chunks print as code in their language; hidden ones are left out with a warning', async () => {
    const html = main('rmarkdown.html');
    const code = selectAll('pre code', html) as Element[];
    expect(code.map((c) => hastText(c).trim())).toEqual(['mean(readings)']);
    expect(code[0].properties.className).toEqual(['language-r']);
    const text = await pdfText('rmarkdown.pdf');
    for (const stray of ['{r', 'knitr', 'summary(readings)', 'hidden', '#|', '{python']) expect(text, stray).not.toContain(stray);
    expect(text).toContain('Aim for readings between 4 and 7.');
    const all = warningsFor('rmarkdown.md');
    expect(all).toMatch(/rmarkdown\.md:5: warning: 3 code chunks their author hid \(echo=FALSE or include=FALSE, lines 5, 11, 19\) are left out/);
    expect(all).toMatch(/rmarkdown\.md:15: warning: a code chunk is printed as code, but not run/);
  });

  it('the pages stay valid HTML', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-trailing-whitespace': 'off' } });
    for (const name of ['pandoc.html', 'gdocs.html', 'notion.html', 'obsidian.html', 'rmarkdown.html', 'ordinary.html', 'obsidian-lines.html', 'line-block.html', 'asides.html', 'grid-lines.html']) {
      const report = await validator.validateString(readFileSync(path.join(out, name), 'utf8'), name);
      expect(report.results.flatMap((r) => r.messages.map((m) => `${name}:${m.line}: ${m.ruleId}: ${m.message}`))).toEqual([]);
    }
  });
});

describe('what a review found: ordinary Markdown keeps every word, the tools\' shapes print as their tool shows them', () => {
  const paragraphs = (name: string) => selectAll('main p', page(name)).map((p) => hastText(p).replace(/\s+/g, ' ').trim());

  it('two %% in an ordinary document delete nothing, and no Obsidian comment is warned about (A1)', () => {
    const ps = paragraphs('ordinary.html');
    expect(ps).toContain('At the prompt you type %i, but in a batch file you type %%i instead.');
    expect(ps).toContain('Open the editor and write the loop.');
    expect(ps).toContain('Save the file and run it: %%i again.');
    expect(warningsFor('ordinary.md')).not.toMatch(/Obsidian/);
  });

  it('indented code, and a fence inside a quote, stay code: no table, no %% taken out (A2)', () => {
    const html = main('ordinary.html');
    expect(selectAll('table', html)).toHaveLength(0);
    const code = selectAll('pre code', html).map((c) => hastText(c));
    expect(code).toEqual(['+------+-----+\n| name | age |\n+------+-----+\n', 'for %%f in (*.txt) do echo %%f\n', '+----+----+\n| a  | b  |\n+----+----+\n']);
  });

  it('asterisks, == and ^ in ordinary text are the characters written (A3), and a line of #words is kept (A4)', () => {
    const html = main('ordinary.html');
    expect(selectAll('em, strong, mark, sup, sub', html)).toHaveLength(0);
    const ps = paragraphs('ordinary.html');
    expect(ps).toContain('Delete the *.tmp files and the *.bak files first.');
    expect(ps).toContain('In C, x==1 or y==2 compares two values.');
    expect(ps).toContain('The area grows as x^2+y^2 does.');
    expect(ps).toContain('The score is raised to the power ^2');
    expect(ps).toContain('Find us online. #health #wellbeing');
  });

  it('an Obsidian comment on a line of its own inside a paragraph or list item leaves it one paragraph (A6)', () => {
    const ps = paragraphs('obsidian-lines.html');
    expect(ps).toContain('First line of the paragraph second line of the same paragraph.');
    const items = selectAll('main li', page('obsidian-lines.html'));
    expect(items.map((li) => hastText(li).replace(/\s+/g, ' ').trim())).toEqual(['item one continuation of item one']);
    expect(selectAll('main li p', page('obsidian-lines.html'))).toHaveLength(0);
    // Even in an Obsidian note, a comparison is no highlight.
    expect(selectAll('main mark', page('obsidian-lines.html'))).toHaveLength(0);
    expect(ps).toContain('In C, x==1 compares.');
  });

  it('a line block line opening with a number prints it without a backslash (A5)', () => {
    const ps = paragraphs('line-block.html');
    expect(ps).toEqual(['The Clinic 1. not a list 2) nor this']);
    expect(selectAll('main ol', page('line-block.html'))).toHaveLength(0);
  });

  it("a Notion aside keeps its nested list and indented code; an aside in an aside is a box in the box (A7)", () => {
    const callouts = selectAll('main [role=note]', page('asides.html')) as Element[];
    expect(callouts.map((c) => hastText(select('.callout-label', c)!))).toEqual(['Tip', 'Tip', 'Warning']);
    expect(selectAll('ul ul li', callouts[0]).map((li) => hastText(li).trim())).toEqual(['a detail of the first step']);
    expect(selectAll('pre code', callouts[0]).map((c) => hastText(c).trim())).toEqual(['code line indented']);
    expect(selectAll('main [role=note] [role=note]', page('asides.html'))).toHaveLength(1);
    expect(hastText(callouts[1])).toContain('Outer tip last line.');
    expect(hastText(callouts[2])).not.toContain('Outer tip last line.');
    expect(paragraphs('asides.html')).toContain('After both.');
  });

  it('a warning in a Pandoc grid table row names the line the row starts on (C)', () => {
    expect(warningsFor('grid-lines.md')).toMatch(/grid-lines\.md:13: warning: an Obsidian embed of a note or file \("!\[\[dosing\]\]"\)/);
  });
});

/** Whether a binary PPM (P6) image has a pixel near `rgb`. */
function hasColour(ppm: Buffer, rgb: [number, number, number]): boolean {
  // Header: "P6\n<w> <h>\n255\n".
  let at = 0;
  for (let fields = 0; fields < 4; ) {
    while (/\s/.test(String.fromCharCode(ppm[at]))) at++;
    while (!/\s/.test(String.fromCharCode(ppm[at]))) at++;
    fields++;
  }
  at++;
  for (let i = at; i + 2 < ppm.length; i += 3) if (Math.abs(ppm[i] - rgb[0]) < 8 && Math.abs(ppm[i + 1] - rgb[1]) < 8 && Math.abs(ppm[i + 2] - rgb[2]) < 8) return true;
  return false;
}
