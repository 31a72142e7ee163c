/**
 * Never crashes: random Markdown and Unicode, and a few extreme documents, through the whole
 * pipeline (read → parse → outline → fill → PDF). Every input gives outputs or a HandoutError
 * (file:line and what to do), never another exception, a hang or runaway memory: each build runs in
 * a worker thread with a time limit and a heap limit (tests/helpers/boundedBuild.ts).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoundedBuilder, COMPILED, type Outcome } from '../helpers/boundedBuild.js';
import { removeDir, tempDir } from '../helpers/build.js';

/** How many random documents: enough to find the common crashes, few enough for a 2-core CI. */
const RUNS = Number(process.env.HANDOUT_PROPERTY_RUNS ?? 300);
const CASE_MS = 30_000;
/** Names every plain object answers through its prototype. */
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

const SAMPLES = [
  'مرحبا بالعالم، هذا نص عربي.', 'שלום עולם', 'Español: ¿qué tal? ñ', 'Ελληνικά', 'Русский текст', '中文文本', '日本語のテキスト',
  '👩‍👩‍👧‍👦', '🏳️‍🌈', '👍🏽', 'e\u0301\u0302\u0303\u0304', 'Z\u0351\u0352\u0353\u0354\u0355\u0356', '\u202eevil\u202c', '\u200b\u200c\u200d\ufeff',
  '\u0007\u0008\u001b[31m', '\u0085\u2028\u2029', '\ud800', '\udfff', '\ufffe\uffff', '\u00ad', '\t', '\r\n', '\r',
];
const MARKDOWN = [
  '\n', '\n\n', '# ', '## ', '### ', '###### ', '- ', '* ', '1. ', '99999. ', '> ', '>> ', '    ', '```\n', '~~~', '---\n', '***',
  '**', '*', '_', '__', '~~', '`', '[', ']', '(', ')', '](x.png)', '![', '![alt](missing.png)', '<', '>', '&amp;', '&#0;', '&#x10FFFF;', '\\',
  '| a | b |\n| --- | --- |\n| 1 | 2 |\n', '|', '[^1]', '[^1]: note\n', '[ref]: https://example.org\n', '- [ ] ', '- [x] ',
  '<div>', '</div>', '<p>', '<br>', '<table><tr><td>', '<script>alert(1)</script>', '<!--', '-->', '<img src="https://example.invalid/a.png" alt="remote">',
  '---\ntitle: T\n---\n', 'title: x\n', '=====\n', '-----\n', '* * *\n', '\fPage 2 of 3\n', '      o Sub item\n', '◦ ', '✓ ', 'Key points', 'Overview', 'There are three types: type A, type B and type C. ', 'Causes: ',
];

const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...MARKDOWN) },
  { weight: 2, arbitrary: fc.constantFrom(...SAMPLES) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  { weight: 3, arbitrary: fc.lorem({ maxCount: 8 }) },
);
const document = fc.record({
  text: fc.array(fragment, { minLength: 1, maxLength: 80 }).map((parts) => parts.join('')),
  ext: fc.constantFrom('.md', '.md', '.txt'),
});

let dir: string;
let builder: BoundedBuilder;
let n = 0;

beforeAll(() => {
  dir = tempDir('handout-property-');
  builder = new BoundedBuilder();
});
afterAll(async () => {
  await builder.close();
  removeDir(dir);
});

async function build(text: string | Buffer, ext: string, ms = CASE_MS): Promise<Outcome> {
  const file = path.join(dir, `case-${n++}${ext}`);
  writeFileSync(file, text);
  return builder.build(file, ms);
}

/** Outputs, or a message with the file; nothing else. */
function expectHandled(o: Outcome, what: string): void {
  expect(['built', 'refused'], `${what}: ${o.outcome}: ${'message' in o ? o.message : ''}`).toContain(o.outcome);
  if (o.outcome === 'built') expect(o.pdfHead).toBe('%PDF-');
  if (o.outcome === 'refused') {
    expect(o.message).toMatch(/^\S*case-\d+\.(md|txt)(:\d+)*: error: /);
    expect(o.message).not.toMatch(/internal error|\n\s+at /);
  }
}

describe.skipIf(!COMPILED)('random Markdown and Unicode through the whole pipeline', () => {
  it(`${RUNS} random documents each build or give a clear error`, async () => {
    await fc.assert(
      fc.asyncProperty(document, async ({ text, ext }) => {
        expectHandled(await build(text, ext), JSON.stringify(text.slice(0, 300)));
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});

describe.skipIf(!COMPILED)('extreme documents', () => {
  const cases: [string, () => string, string, 'built' | 'refused' | 'either'][] = [
    ['a 1 MB line', () => `# One long line\n\n${'word '.repeat(200_000)}\n`, '.md', 'built'],
    ['a 1 MB line of plain text', () => `${'Rest well and drink water. '.repeat(40_000)}\n`, '.txt', 'built'],
    ['a word of 1 MB', () => `# Long word\n\n${'x'.repeat(1_000_000)}\n`, '.md', 'refused'],
    ['lists nested 1000 deep', () => Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n'), '.md', 'refused'],
    ['lists nested 1000 deep on one line', () => `${'- '.repeat(1000)}deep\n`, '.md', 'refused'],
    ['quotes nested 1000 deep', () => `${'>'.repeat(1000)} deep\n`, '.md', 'refused'],
    ['quotes and lists nested 1000 deep', () => Array.from({ length: 1000 }, (_, i) => `${'> - '.repeat(i + 1)}x`).join('\n'), '.md', 'refused'],
    ['HTML nested 1000 deep', () => `${'<div>'.repeat(1000)}deep${'</div>'.repeat(1000)}\n`, '.md', 'refused'],
    ['lists nested 50 deep (allowed)', () => Array.from({ length: 50 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n'), '.md', 'built'],
    ['a pasted 80 kB data: image in raw HTML', () => `# Pasted\n\n<p>Before <img src="data:image/png;base64,${'QUJD'.repeat(20_000)}" alt="pasted"> after</p>\n`, '.md', 'built'],
    ['a 5000-row table', () => `# Table\n\n| Drug | Dose | When |\n| --- | --- | --- |\n${Array.from({ length: 5000 }, (_, i) => `| Drug ${i} | ${i} mg | morning |`).join('\n')}\n`, '.md', 'built'],
    ['every control character', () => `# Controls\n\n${Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).join(' ')} \u007f \u0085\n`, '.md', 'built'],
    ['right-to-left text with marks', () => `---\nlang: ar\n---\n\n# عنوان\n\n${'نص عربي مع \u200f علامات \u202b اتجاه \u202c. '.repeat(200)}\n`, '.md', 'built'],
    ['emoji and combining marks only', () => `${'👩‍👩‍👧‍👦 e\u0301\u0302 🏳️‍🌈 '.repeat(2000)}\n`, '.txt', 'built'],
    // Object.prototype's names where a table is looked up with a word of the input: as words to count
    // and to announce parts, as the language, a CSS unit and keyword, an option name and an image type.
    ...PROTOTYPE_NAMES.map((name): (typeof cases)[number] => [`"${name}" as an option and a language`, () => `---\n${name}: 1\nlang: ${name}\n---\n\nText.\n`, '.md', 'either']),
    ...PROTOTYPE_NAMES.map((name): (typeof cases)[number] => [
      `"${name}" as a word, a CSS unit and a CSS keyword`,
      () => `# ${name}\n\nThere are ${name} types: ${name} and Dr. ${name}. The ${name}-${name} ${name}.\n\n<p style="margin: 2${name}; font-size: ${name}; border: ${name} solid red">${name}</p>\n`,
      '.md',
      'built',
    ]),
    ...PROTOTYPE_NAMES.map((name): (typeof cases)[number] => [`"${name}" in plain prose`, () => `${name} ${name}.\n\nThere are ${name} forms of ${name}: ${name} A and ${name} B.\n`, '.txt', 'built']),
  ];
  for (const [name, make, ext, expected] of cases) {
    it(name, async () => {
      const o = await build(make(), ext, 120_000);
      expectHandled(o, name);
      if (expected !== 'either') expect(o.outcome, 'message' in o ? o.message : '').toBe(expected);
    }, 180_000);
  }
});
