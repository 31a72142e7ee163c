/**
 * What a review of the third round of 2026-12-07 found, each checked to fail (or hang) before its
 * fix: patterns that backtracked without end on crafted lines, a front matter check that counted
 * lines for every value, and lines under a title taken for a course or an audience when they were
 * the first heading. A hang shows as the test's time limit, not as a timing.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlainText, parseSource } from '../../src/parse/parseSource.js';
import { buildOutline } from '../../src/outline/buildOutline.js';
import { BoundedBuilder, COMPILED } from '../helpers/boundedBuild.js';
import { removeDir, tempDir } from '../helpers/build.js';
import type { Source } from '../../src/read/readSource.js';
import type { Section } from '../../src/outline/outline.js';

// Built in a worker with a time limit (tests/helpers/boundedBuild.ts): a pattern that backtracks
// without end cannot be interrupted on the test's own thread.
describe.skipIf(!COMPILED)('crafted inputs build in a worker within a minute (they took minutes or hours)', () => {
  let dir: string;
  let builder: BoundedBuilder;
  beforeAll(() => {
    dir = tempDir('handout-review-');
    builder = new BoundedBuilder();
  });
  afterAll(async () => {
    await builder.close();
    removeDir(dir);
  });
  const build = (name: string, text: string, timeoutMs = 60_000) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return builder.build(file, timeoutMs);
  };

  it('Pandoc attributes never closed ("{a=a=a=…"), a fenced div line of spaces ending in a line separator, 60 000 keywords', async () => {
    expect((await build('attr.md', `# Notes\n\nSee [x]{${'a='.repeat(60)}a for details.\n`)).outcome).toBe('built');
    expect((await build('div.md', `# Div\n\n::: note${' '.repeat(2000)}x\u2028\nBody.\n:::\n`)).outcome).toBe('built');
    const keywords = Array.from({ length: 60_000 }, (_, i) => `  - kw${i}`).join('\n');
    expect((await build('keys.md', `---\ntitle: Many\nkeywords:\n${keywords}\n---\n\nBody text here.\n`)).outcome).toBe('built');
  }, 200_000);

  // Markdown exported by other tools (exportedTree.ts, exportedSource.ts), each about 300 KB, each
  // given 20 s: each took from half a minute to minutes (positions counted from a node's start for every match, every later
  // node scanned for each `==`, patterns backtracking over runs of spaces, an unclosed <aside> read to the end).
  it('300 KB of Pandoc superscripts, unclosed Obsidian highlights, spaces before a block id or a tag, unclosed Notion asides', async () => {
    const n = 300_000;
    const sup = `# Sums {#sums}\n\n${'x^a^\n'.repeat(n / 5)}\nEnd.\n`;
    const open = `# Note\n\nSee [[Page]].\n\n${'a ==b *c* '.repeat(n / 10)}\n\nEnd.\n`;
    const blockId = `# Note\n\nSee [[Page]].\n\na${' '.repeat(n)}b ^id\n\nEnd.\n`;
    const tags = `# Note\n\nSee [[Page]].\n\nword #a${' '.repeat(n)}b #tag\n\nEnd.\n`;
    const asides = `# Asides\n\n${'<aside>\n\n'.repeat(n / 9)}End.\n`;
    for (const [name, text] of Object.entries({ sup, open, blockId, tags })) expect((await build(`${name}.md`, text, 20_000)).outcome, name).toBe('built');
    // Asides nested 30 000 deep are refused as HTML nested too deep: quickly.
    expect((await build('asides.md', asides, 20_000)).outcome).not.toBe('timed out');
  }, 200_000);

  it('plain text of 5000 short lines set together after a paragraph (each line asked its whole run again: 81 s)', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `Thing number ${i + 1}`).join('\n');
    expect((await build('run.txt', `A list of things\n\nHere is every thing we hold, one to a line, as the stock list prints them.\n\n${lines}\n`, 30_000)).outcome).toBe('built');
  }, 100_000);

  it('plain text of one sentence of 20 000 words (the title was sought among 20 000 phrases of up to 20 000 words)', async () => {
    expect((await build('one.txt', `Start ${'ab '.repeat(20_000)}end.\n`)).outcome).toBe('built');
  }, 100_000);
});

describe('lines under the title', () => {
  const headings = (text: string) => {
    const o = buildOutline({ file: 'a.txt', slug: 'a', format: 'text', text, meta: { lang: 'en', keywords: [] } } as Source, parsePlainText(text));
    return o.sections.flatMap(function walk(s: Section): string[] {
      return [s.title, ...s.sections.flatMap(walk)];
    });
  };
  const body = 'You can ask your nurse about this at your next visit, or call the clinic on the number below.';

  it('"Over 65 and healthy" and "Tips for your first visit" are first headings, not a course or an audience', () => {
    expect(headings(`Flu vaccination\n\nOver 65 and healthy\n\n${body}\n\nChildren aged 2 and 3\n\n${body}\n`)[0]).toBe('Over 65 and healthy');
    const dentist = [
      'Visiting the dentist',
      'Tips for your first visit\nCome ten minutes early to fill in a short form. Bring a list of your medicines. Say so if you feel nervous.',
      'During the check-up\nThe dentist looks at your teeth and gums with a small mirror. You may have an X-ray taken.',
      'After the check-up\nYou will be told when to come back. Most adults need a check-up once a year.',
    ].join('\n\n');
    expect(headings(dentist)[0]).toBe('Tips for your first visit');
  });

  it('a plain text of only rule lines and a page number is refused as holding no text, not printed as an empty page', () => {
    const source = { file: 'rules.txt', slug: 'rules', format: 'text', text: '=====\n\n* * *\n\nPage 2 of 3\n', meta: { lang: 'en', keywords: [] } } as Source;
    expect(() => parseSource(source)).toThrow(/holds no text/);
  });

  it('the Portuguese word "o" opening a wrapped line is no bullet', () => {
    const text = 'Vacinação contra a gripe\n\nA vacina contra a gripe é oferecida todos os anos a pessoas com mais de 65 anos. Pode ligar para\no Enfermeiro de família, que marca a vacina para o dia que lhe for mais conveniente.\n';
    expect(parsePlainText(text).children).toHaveLength(2);
  });
});
