/**
 * The at-a-glance rows on real articles written by others (../shared: the seed and corpus/plain,
 * with hand-made labels). The sections are taken from the labels, so these tests measure the
 * table alone: does each part's row hold its labelled key fact, and does every cell make sense
 * on its own. The whole pipeline on the seed is checked at the end.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOutline } from '../../src/outline/buildOutline.js';
import { parseMarkdown, parsePlainText } from '../../src/parse/parseSource.js';
import type { Block, Outline, Section, SummaryTable } from '../../src/outline/outline.js';
import { summaryTable } from '../../src/outline/summary/summaryTable.js';
import { MAX_WORDS } from '../../src/outline/summary/statements.js';
import { readSource } from '../../src/read/readSource.js';
import { Warnings } from '../../src/diagnostics.js';
import { ROOT, SHARED } from '../helpers/build.js';

interface Labels {
  title: string[];
  sections?: { match: string | string[]; paras?: number[] }[];
  facts?: { part: string; keywords: string[] }[];
}

const seed = path.join(SHARED, 'seeds/calcinosis.txt');
const plainDir = path.join(SHARED, 'corpus/plain');
const articles = existsSync(plainDir)
  ? [
      { text: seed, labels: path.join(SHARED, 'seeds/calcinosis.labels.json') },
      ...readdirSync(plainDir)
        .filter((f) => f.endsWith('.txt') && existsSync(path.join(plainDir, 'labels', f.replace(/\.txt$/, '.json'))))
        .map((f) => ({ text: path.join(plainDir, f), labels: path.join(plainDir, 'labels', f.replace(/\.txt$/, '.json')) })),
    ]
  : [];

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const alternatives = (m: string | string[]) => (Array.isArray(m) ? m : [m]);
/** As the corpus's own scorer matches: a keyword at the start of a word. */
const hasKeyword = (text: string, keywords: string[]) => keywords.some((k) => ` ${norm(text)} `.includes(` ${norm(k)}`));

/** The article's outline with one section per labelled part, holding the labelled paragraphs. */
function labelledOutline(textFile: string, labels: Labels): Outline {
  const blocks = parsePlainText(readFileSync(textFile, 'utf8')).children as Block[];
  const taken = new Set<number>();
  const sections: Section[] = (labels.sections ?? [])
    .filter((s) => s.paras?.length)
    .map((s) => {
      const name = alternatives(s.match)[0];
      s.paras!.forEach((p) => taken.add(p));
      return { title: name.charAt(0).toUpperCase() + name.slice(1), slug: norm(name).replace(/ /g, '-'), level: 2, kind: 'section', inferred: true, parts: [name], blocks: s.paras!.map((p) => blocks[p - 1]), sections: [] };
    });
  const slug = path.basename(textFile, '.txt');
  return {
    file: textFile, slug, format: 'text', meta: { lang: 'en', keywords: [] }, title: labels.title[0], titleFrom: 'file name',
    intro: blocks.filter((_, i) => !taken.has(i + 1)), sections, closing: [], definitions: [], words: 0,
  };
}

/** Labelled key facts found in their part's row, as the corpus scorer finds them. */
function factsFound(table: SummaryTable | undefined, labels: Labels): [number, number] {
  let hit = 0;
  for (const fact of labels.facts ?? []) {
    const keys = [fact.part, ...(labels.sections ?? []).flatMap((s) => (alternatives(s.match).some((a) => ` ${norm(fact.part)} `.includes(` ${norm(a)} `)) ? alternatives(s.match) : []))];
    const row = table?.rows.find((r) => hasKeyword(r.part, keys));
    if (row && hasKeyword(row.cells.map((c) => c.texts.join(' ')).join(' '), fact.keywords)) hit++;
  }
  return [hit, labels.facts?.length ?? 0];
}

/** "Causes include:" with nothing after it, or "This is …": a cell that does not stand alone. */
function standsAlone(cell: string): boolean {
  const [first, second] = norm(cell).split(' ');
  return !/:\s*$/.test(cell) && !(/^(this|these|it|they|such|that|those|its|their)$/.test(first) && /^(is|are|was|were|can|may|might|will|would|has|have|had|does|do|also|often|usually|include|includes|causes|occurs|results|means)$/.test(second ?? ''));
}

describe.skipIf(!articles.length)('at-a-glance rows on the labelled articles (needs ../shared)', () => {
  const tables = articles.map(({ text, labels }) => {
    const l = JSON.parse(readFileSync(labels, 'utf8')) as Labels;
    return { text, labels: l, table: summaryTable(labelledOutline(text, l)) };
  });
  const cells = tables.flatMap(({ table }) => (table?.rows ?? []).flatMap((r) => r.cells.map((c) => c.texts.join(' ')).filter(Boolean)));

  it('at least 75 % of the key facts reach their part row', () => {
    const [hit, total] = tables.map(({ table, labels }) => factsFound(table, labels)).reduce(([a, b], [c, d]) => [a + c, b + d], [0, 0]);
    expect(total).toBeGreaterThan(30);
    expect(hit / total).toBeGreaterThanOrEqual(0.75);
  });

  it('at most 2 % of the cells do not stand alone; none is longer than MAX_WORDS words; the median is 20 or fewer', () => {
    expect(cells.length).toBeGreaterThan(50);
    expect(cells.filter((c) => !standsAlone(c)).length / cells.length).toBeLessThanOrEqual(0.02);
    const words = cells.map((c) => c.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length).sort((a, b) => a - b);
    expect(words[words.length - 1]).toBeLessThanOrEqual(MAX_WORDS);
    expect(words[words.length >> 1]).toBeLessThanOrEqual(20);
  });

  it('every word of every cell is a word of its article, and no cell repeats another in its table', () => {
    for (const { text, table } of tables) {
      const source = new Set(norm(readFileSync(text, 'utf8')).split(' '));
      const own = (table?.rows ?? []).flatMap((r) => r.cells.map((c) => c.texts.join(' ')).filter(Boolean));
      for (const c of own) for (const w of norm(c).split(' ').filter(Boolean)) expect(source.has(w), `"${w}" in "${c}" (${path.basename(text)})`).toBe(true);
      expect(new Set(own).size).toBe(own.length);
    }
  });
});

describe.skipIf(!existsSync(seed))('the seed through the whole outline stage (needs ../shared)', () => {
  it('calcinosis.txt: a row per form, each holding its key fact', () => {
    const text = readFileSync(seed, 'utf8');
    const o = buildOutline({ file: seed, slug: 'calcinosis', format: 'text', text, meta: { lang: 'en', keywords: [] } }, parsePlainText(text));
    const labels = JSON.parse(readFileSync(path.join(SHARED, 'seeds/calcinosis.labels.json'), 'utf8')) as Labels;
    expect(o.atAGlance?.rows.map((r) => r.part)).toEqual(['Dystrophic', 'Metastatic', 'Idiopathic', 'Iatrogenic']);
    expect(factsFound(o.atAGlance, labels)).toEqual([4, 4]);
  });
});

describe('content/calcinosis.md, the example handout', () => {
  it('its sheet brings "Causes include:" with its list, and no cell leans on a sentence left out', () => {
    const source = readSource(path.join(ROOT, 'content/calcinosis.md'), new Warnings());
    const table = buildOutline(source, parseMarkdown(source.text)).atAGlance!;
    const all = table.rows.flatMap((r) => r.cells.flatMap((c) => c.texts));
    expect(all.find((c) => c.startsWith('Causes include:'))).toMatch(/^Causes include: a recent operation or wound; acne or small cuts;/);
    for (const c of all) expect(standsAlone(c), c).toBe(true);
    expect(all).not.toContain('This is the main cause.');
  });
});
