/**
 * Markdown written for other tools (GitHub, MkDocs, Docusaurus, Pandoc, Hugo, Jekyll, MDX,
 * kramdown) prints what a reader of that tool would see, never the tool's syntax: alerts and
 * admonitions are labelled callout boxes, definition lists are lists of terms, TOML front matter
 * is read like YAML's, the one H1 is the title wherever it is, and template tags that cannot be
 * expanded are left out with one warning a kind (their content kept). Built through the real
 * command line; the HTML read with an HTML parser and html-validate, the PDF with pdfjs and Poppler.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as hastText } from 'hast-util-to-string';
import { HtmlValidate } from 'html-validate';
import { cli, removeDir, tempDir, writeUnder, type CliResult } from '../helpers/build.js';
import { hasCommand, pdfInfo, readPdf } from '../helpers/pdf.js';

const ALERTS = `---
title: Your new tablets
---

Take one tablet each morning.

> [!WARNING]
> Stop taking the tablets if you get a rash.

> [!NOTE]
> Keep them in a cool place.

> [!TIP]
> Set an alarm on your phone.

> [!IMPORTANT]
> Bring this sheet to every visit.

> [!CAUTION]
> Do not share your tablets.

> An ordinary quote stays a quote.
`;

const ADMONITIONS = `---
title: Before your scan
---

Arrive fifteen minutes early.

!!! note "Remember"
    Bring your list of medicines.

    Bring your glasses too.

::: warning
Do not drive after the scan.
:::

:::tip Good to know
Wear clothes without metal.
:::

Write down your questions.

\`\`\`
::: warning
shown as code
:::
\`\`\`

\`\`\`inline\`\`\` code first on its line.

:::caution
Keep out of reach of children.
:::
`;

const GLOSSARY = `---
title: Words your doctor may use
---

[Biopsy]{#biopsy}
: Taking a small piece of tissue to look at under a microscope.

Benign
: Not cancer.
: It does not spread.
`;

const SPANISH = `---
title: Sus pastillas
lang: es
---

> [!WARNING]
> Deje de tomarlas si le sale un sarpullido.
`;

const TOML = `+++
title = "Heart failure"
reviewed = 2026-01-15
review-every = "2y"
+++

Your heart pumps less well than it should.
`;

const BAD_TOML = `+++
title = "Broken
+++

Text.
`;

const LATE_TITLE = `import Tabs from '@theme/Tabs';
import TabItem from '@theme/TabItem';

# Caring for your wound

Keep the dressing dry.

## When to call

Call if it bleeds.
`;

const TOML_LATE_TITLE = `+++
audience = "Patients"
+++

# Low iron

Iron helps your blood carry oxygen.
`;

const TEMPLATES = `---
title: Clinic visit
---

{% include header.html %}

Please arrive early. {% include phone.html %}

{% raw %}Bring your card.{% endraw %}

{{< callout >}}
Parking is free after 5 pm.
{{< /callout >}}

{{% notice %}}Ask at the desk.{{% /notice %}}

export const meta = { draft: true };

The waiting room is on the left.
{: .lead}

Keep your \`{% raw %}\` code as written.
`;

let dir: string;
let out: string;
let result: CliResult;

beforeAll(() => {
  dir = tempDir('handout-dialects-');
  out = path.join(dir, 'out');
  writeUnder(dir, 'content/alerts.md', ALERTS);
  writeUnder(dir, 'content/admonitions.md', ADMONITIONS);
  writeUnder(dir, 'content/glossary.md', GLOSSARY);
  writeUnder(dir, 'content/heart.md', TOML);
  writeUnder(dir, 'content/sus-pastillas.md', SPANISH);
  writeUnder(dir, 'content/late-title.md', LATE_TITLE);
  writeUnder(dir, 'content/toml-late-title.md', TOML_LATE_TITLE);
  writeUnder(dir, 'content/templates.md', TEMPLATES);
  result = cli(['build', path.join(dir, 'content'), '--out', out, '--jobs', '1']);
});

afterAll(() => removeDir(dir));

const page = (name: string): Root => fromHtml(readFileSync(path.join(out, name), 'utf8'));
const pdfText = async (name: string) => (await readPdf(readFileSync(path.join(out, name)))).text;
const poppler = (name: string) => execFileSync('pdftotext', ['-layout', path.join(out, name), '-'], { encoding: 'utf8' });
const output = () => result.stdout + result.stderr;

describe('Markdown dialects of other tools', () => {
  it('builds every source', () => {
    expect(result.status, output()).toBe(0);
  });

  it('GitHub alerts are labelled callout boxes in the HTML, never "[!WARNING]"', () => {
    const tree = page('alerts.html');
    const callouts = selectAll('main [role=note]', tree) as Element[];
    expect(callouts.map((c) => hastText(select('.callout-label', c)!))).toEqual(['Warning', 'Note', 'Tip', 'Important', 'Caution']);
    expect(hastText(callouts[0])).toContain('Stop taking the tablets if you get a rash.');
    expect(hastText(select('main', tree)!)).not.toContain('[!');
    expect(hastText(select('main blockquote', tree)!)).toContain('An ordinary quote stays a quote.');
  });

  it('GitHub alerts print their label and text in the PDF, without the marker', async () => {
    const text = await pdfText('alerts.pdf');
    for (const label of ['Warning', 'Note', 'Tip', 'Important', 'Caution']) expect(text.split('\n')).toContain(label);
    expect(text).toContain('Stop taking the tablets if you get a rash.');
    expect(text).not.toContain('[!');
    if (hasCommand('pdftotext')) expect(poppler('alerts.pdf')).not.toMatch(/\[!|WARNING\]/);
  });

  it('a callout is labelled in the page\'s language', async () => {
    expect(hastText(select('main [role=note] .callout-label', page('sus-pastillas.html'))!)).toBe('Advertencia');
    expect((await pdfText('sus-pastillas.pdf')).split('\n')).toContain('Advertencia');
  });

  it('MkDocs admonitions and Docusaurus/Pandoc fenced divs are callouts with their title, code left as written', async () => {
    const tree = page('admonitions.html');
    const callouts = selectAll('main [role=note]', tree) as Element[];
    expect(callouts.map((c) => hastText(select('.callout-label', c)!))).toEqual(['Remember', 'Warning', 'Good to know', 'Caution']);
    expect(hastText(callouts[0])).toContain('Bring your list of medicines.');
    expect(hastText(callouts[0])).toContain('Bring your glasses too.');
    expect(hastText(callouts[1])).toContain('Do not drive after the scan.');
    expect(hastText(callouts[2])).toContain('Wear clothes without metal.');
    expect(hastText(select('main pre', tree)!)).toContain('::: warning');
    const text = await pdfText('admonitions.pdf');
    expect(text.split('\n')).toEqual(expect.arrayContaining(['Remember', 'Warning', 'Good to know']));
    expect(text).toContain('Do not drive after the scan.');
    expect(text).not.toContain('!!!');
    // The only ::: left is the code block's.
    expect(text.match(/:::/g)).toHaveLength(2);
    expect(text).toContain('Write down your questions.');
  });

  it('definition lists are <dl> in the HTML and term over definition in the PDF (a Pandoc span prints its words)', async () => {
    const tree = page('glossary.html');
    expect(selectAll('main dl dt', tree).map((e) => hastText(e))).toEqual(['Biopsy', 'Benign']);
    expect(selectAll('main dl dd', tree).map((e) => hastText(e).trim())).toEqual([
      'Taking a small piece of tissue to look at under a microscope.',
      'Not cancer.',
      'It does not spread.',
    ]);
    const text = await pdfText('glossary.pdf');
    const lines = text.split('\n');
    expect(lines).toContain('Biopsy');
    expect(lines).toContain('Not cancer.');
    expect(text).not.toMatch(/Benign\s*:/);
  });

  it('TOML front matter (+++) is read like YAML: the title in the PDF, its metadata, and pdfinfo', async () => {
    const pdf = await readPdf(readFileSync(path.join(out, 'heart.pdf')));
    expect(pdf.text.split('\n')[0]).toBe('Heart failure');
    expect(pdf.text).not.toContain('+++');
    expect(pdf.text).not.toContain('title =');
    expect(pdf.info.Title).toBe('Heart failure');
    if (hasCommand('pdfinfo')) expect(pdfInfo(path.join(out, 'heart.pdf')).Title).toBe('Heart failure');
    expect(hastText(select('h1', page('heart.html'))!)).toBe('Heart failure');
    // reviewed + review-every: no "no review date" finding.
    const check = cli(['check', path.join(dir, 'content/heart.md')]);
    expect(check.stdout + check.stderr).not.toMatch(/no review date/);
  });

  it('a TOML error names the file and line', () => {
    const bad = tempDir('handout-bad-toml-');
    try {
      const file = writeUnder(bad, 'bad.md', BAD_TOML);
      const r = cli(['build', file, '--out', path.join(bad, 'out')]);
      expect(r.status).toBe(1);
      expect(r.stdout + r.stderr).toMatch(/bad\.md:2(:\d+)?: error: invalid front matter/);
    } finally {
      removeDir(bad);
    }
  });

  it('the only H1 is the title even after MDX imports or TOML front matter', async () => {
    for (const [name, title] of [['late-title', 'Caring for your wound'], ['toml-late-title', 'Low iron']]) {
      const pdf = await readPdf(readFileSync(path.join(out, `${name}.pdf`)));
      expect(pdf.info.Title, name).toBe(title);
      expect(pdf.text.split('\n')[0], name).toBe(title);
      expect(pdf.text.match(new RegExp(title, 'g')), name).toHaveLength(2); // the title and the running footer
      expect(pdf.text).not.toContain('import');
    }
  });

  it('template tags are left out with one warning a kind naming file and line; their content is kept', async () => {
    const printed = await pdfText('templates.pdf');
    // Inline code is the author's example: kept as written.
    expect(printed).toContain('Keep your {% raw %} code as written.');
    const text = printed.replace('{% raw %}', '');
    for (const gone of ['{%', '%}', '{{', '}}', '{:', 'export const']) expect(text, gone).not.toContain(gone);
    for (const kept of ['Please arrive early.', 'Bring your card.', 'Parking is free after 5 pm.', 'Ask at the desk.', 'The waiting room is on the left.']) {
      expect(text, kept).toContain(kept);
    }
    expect(hastText(select('main code', page('templates.html'))!)).toBe('{% raw %}');
    const check = cli(['check', path.join(dir, 'content/templates.md')]);
    const all = check.stdout + check.stderr;
    expect(all).toMatch(/templates\.md:5: warning: [^\n]*Liquid/);
    expect(all).toMatch(/templates\.md:11: warning: [^\n]*Hugo shortcode/);
    expect(all).toMatch(/templates\.md:17: warning: [^\n]*MDX/);
    expect(all).toMatch(/templates\.md:20: warning: [^\n]*kramdown/);
    expect(all.match(/warning: [^\n]*Liquid/g)).toHaveLength(1);
    expect(all.match(/warning: [^\n]*Hugo shortcode/g)).toHaveLength(1);
  });

  it('the pages stay valid HTML', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-trailing-whitespace': 'off' } });
    for (const name of ['alerts.html', 'admonitions.html', 'glossary.html', 'heart.html', 'templates.html']) {
      const report = await validator.validateString(readFileSync(path.join(out, name), 'utf8'), name);
      expect(report.results.flatMap((r) => r.messages.map((m) => `${name}:${m.line}: ${m.ruleId}: ${m.message}`))).toEqual([]);
    }
  });
});
