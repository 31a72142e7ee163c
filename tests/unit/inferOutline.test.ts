/**
 * Structure inferred from plain prose: the expectations on the real articles in ../shared, and
 * the same rules on articles written the same way (tests/fixtures) so they are not tuned to one file.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import { buildOutline } from '../../src/outline/buildOutline.js';
import { parseMarkdown, parsePlainText } from '../../src/parse/parseSource.js';
import type { Block, Outline, Section } from '../../src/outline/outline.js';
import type { Source } from '../../src/read/readSource.js';
import { ROOT, SHARED } from '../helpers/build.js';

function outlineOfText(text: string, slug = 'article'): Outline {
  const source: Source = { file: `${slug}.txt`, slug, format: 'text', text, meta: { lang: 'en', keywords: [] } };
  return buildOutline(source, parsePlainText(text));
}

function outlineOfFile(file: string): Outline {
  return outlineOfText(readFileSync(file, 'utf8'), path.basename(file, '.txt'));
}

/** Source paragraph numbers (1-based) of blocks, from their positions. */
function paragraphNumbers(blocks: Block[], text: string): number[] {
  const starts = parsePlainText(text).children.map((p) => p.position!.start.line);
  return blocks.map((b) => starts.indexOf(b.position!.start.line) + 1);
}

/** Every block in reading order: intro, each section (its blocks, subsections, closing), closing. */
function readingOrder(o: Outline): Block[] {
  const walk = (s: Section): Block[] => [...s.blocks, ...s.sections.flatMap(walk), ...(s.closing ?? [])];
  return [...o.intro, ...o.sections.flatMap(walk), ...o.closing];
}

function expectEveryParagraphOnceInOrder(o: Outline, text: string) {
  const all = parsePlainText(text).children.map((p) => toString(p));
  // Bare lines of the source print as headings (or as the title), not as paragraphs.
  const headings: string[] = [o.title];
  const walk = (s: Section) => {
    headings.push(s.title);
    s.sections.forEach(walk);
  };
  o.sections.forEach(walk);
  const expected = all.filter((p) => !headings.includes(p));
  expect(readingOrder(o).map((b) => toString(b))).toEqual(expected);
}

const seedFile = path.join(SHARED, 'seeds/calcinosis.txt');
const plain = (name: string) => path.join(SHARED, 'corpus/plain', name);

describe.skipIf(!existsSync(seedFile))('the seed, calcinosis.txt (needs ../shared)', () => {
  const text = existsSync(seedFile) ? readFileSync(seedFile, 'utf8') : '';
  const o = existsSync(seedFile) ? outlineOfFile(seedFile) : undefined!;

  it('takes its title from the opening sentence', () => {
    expect(o.title).toBe('Calcinosis');
    expect(o.titleFrom).toBe('opening sentence');
  });

  it('has paragraph 1 as intro and a section per form, in source order', () => {
    expect(paragraphNumbers(o.intro, text)).toEqual([1]);
    expect(o.sections.filter((s) => s.parts).map((s) => [s.title, paragraphNumbers(s.blocks, text)])).toEqual([
      ['Dystrophic', [2, 3, 4, 5]],
      ['Metastatic', [6, 7, 8]],
      ['Idiopathic', [9]],
      ['Iatrogenic', [10]],
    ]);
    expect(o.sections.every((s) => s.inferred && s.level === 2)).toBe(true);
  });

  // Was: paragraph 11 in `closing`, printed after a bare rule under "Iatrogenic". Now it has a heading of its own.
  it('files paragraph 11, about calcinosis as a whole, under a heading of its own that names no form', () => {
    const general = o.sections[o.sections.length - 1];
    expect(general.parts).toBeUndefined();
    expect(general.title).not.toMatch(/dystrophic|metastatic|idiopathic|iatrogenic/i);
    expect(paragraphNumbers(general.blocks, text)).toEqual([11]);
    expect(o.closing).toEqual([]);
  });

  it('loses and doubles nothing', () => expectEveryParagraphOnceInOrder(o, text));
});

describe.skipIf(!existsSync(plain('nhlbi_stroke.txt')))('the plain corpus (needs ../shared)', () => {
  it('juvenile idiopathic arthritis: seven sections, one per type, paragraph 9 the undifferentiated type', () => {
    const text = readFileSync(plain('ghr_juvenile_idiopathic_arthritis.txt'), 'utf8');
    const o = outlineOfFile(plain('ghr_juvenile_idiopathic_arthritis.txt'));
    expect(o.title).toBe('Juvenile idiopathic arthritis');
    expect(o.sections).toHaveLength(7);
    const last = o.sections[6];
    expect(last.title).toMatch(/^Undifferentiated/);
    expect(paragraphNumbers(last.blocks, text)).toEqual([9]);
    expectEveryParagraphOnceInOrder(o, text);
  });

  it('Niemann-Pick disease: sections for type A, type B, and types C1 and C2', () => {
    const text = readFileSync(plain('ghr_niemann_pick_disease.txt'), 'utf8');
    const o = outlineOfFile(plain('ghr_niemann_pick_disease.txt'));
    expect(o.sections.map((s) => s.title)).toEqual(['Type A', 'Type B', 'Types C1 and C2']);
    expectEveryParagraphOnceInOrder(o, text);
  });

  it('stroke: headings Overview and Outlook from the bare lines', () => {
    const text = readFileSync(plain('nhlbi_stroke.txt'), 'utf8');
    const o = outlineOfFile(plain('nhlbi_stroke.txt'));
    expect(o.title).toBe('Stroke');
    expect(o.sections.map((s) => s.title)).toEqual(['Overview', 'Outlook']);
    expect(o.sections.every((s) => s.inferred)).toBe(true);
    expectEveryParagraphOnceInOrder(o, text);
  });
});

describe('articles written the same way (tests/fixtures)', () => {
  const fixture = (name: string) => path.join(ROOT, 'tests/fixtures', name);

  it('anemia: a list after a colon, parts taken up by later paragraphs, a closing about all types', () => {
    const text = readFileSync(fixture('anemia.txt'), 'utf8');
    const o = outlineOfFile(fixture('anemia.txt'));
    expect(o.title).toBe('Anemia');
    expect(o.sections.map((s) => [s.title, paragraphNumbers(s.blocks, text)])).toEqual([
      ['Iron-deficiency', [2, 3]],
      ['Vitamin-deficiency', [4]],
      ['Aplastic', [5]],
      // "All types of anemia can be found with a simple blood test": about diagnosis, of every type.
      ['Diagnosis', [6]],
    ]);
    expect(o.sections[3].parts).toBeUndefined();
    expect(o.atAGlance?.partLabel).toBe('Type');
    expectEveryParagraphOnceInOrder(o, text);
  });

  it('headache: bare-line headings, and parts nested under the heading that introduces them', () => {
    const text = readFileSync(fixture('headache.txt'), 'utf8');
    const o = outlineOfFile(fixture('headache.txt'));
    expect(o.sections.map((s) => s.title)).toEqual(['Overview', 'When to get help']);
    expect(o.sections[0].sections.map((s) => [s.title, s.level])).toEqual([['Primary', 3], ['Secondary', 3]]);
    expectEveryParagraphOnceInOrder(o, text);
  });

  it('text that enumerates nothing gets no sections, and every paragraph stays', () => {
    const text = readFileSync(fixture('recycling.txt'), 'utf8');
    const o = outlineOfFile(fixture('recycling.txt'));
    expect(o.title).toBe('Recycling');
    expect(o.sections).toEqual([]);
    expect(o.intro).toHaveLength(3);
    expect(o.atAGlance).toBeUndefined();
  });

  it('written Markdown headings always override the inference', () => {
    const md = '# Anemia\n\nDoctors describe three main types: iron-deficiency, vitamin-deficiency, and aplastic.\n\n## Iron\n\nIron-deficiency anemia is common.\n';
    const source: Source = { file: 'a.md', slug: 'a', format: 'markdown', text: md, meta: { lang: 'en', keywords: [], inferSections: true } };
    const o = buildOutline(source, parseMarkdown(md));
    expect(o.sections.map((s) => s.title)).toEqual(['Iron']);
    expect(o.sections[0].inferred).toBeFalsy();
  });

  it('Markdown without headings is inferred only when asked', () => {
    const md = readFileSync(fixture('anemia.txt'), 'utf8');
    const asMd = (meta: Partial<Source['meta']>) =>
      buildOutline({ file: 'a.md', slug: 'anemia', format: 'markdown', text: md, meta: { lang: 'en', keywords: [], ...meta } }, parseMarkdown(md));
    expect(asMd({}).sections).toEqual([]);
    expect(asMd({ inferSections: true }).sections.map((s) => s.title)).toEqual(['Iron-deficiency', 'Vitamin-deficiency', 'Aplastic', 'Diagnosis']);
  });
});
