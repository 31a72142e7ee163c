import { describe, it, expect } from 'vitest';
import { buildOutline, countWords } from '../../src/outline/buildOutline.js';
import { parseMarkdown, parsePlainText } from '../../src/parse/parseSource.js';
import type { Source } from '../../src/read/readSource.js';
import type { HandoutMeta } from '../../src/read/frontMatter.js';
import { walkSections, type Outline } from '../../src/outline/outline.js';

function source(text: string, meta: Partial<HandoutMeta> = {}, slug = 'blood-pressure_guide'): Source {
  return { file: `${slug}.md`, slug, format: 'markdown', text, meta: { lang: 'en', keywords: [], ...meta } };
}
function outlineOf(text: string, meta: Partial<HandoutMeta> = {}, slug?: string): Outline {
  const src = source(text, meta, slug);
  return buildOutline(src, parseMarkdown(text));
}
function allBlocks(o: Outline): unknown[] {
  return [...o.intro, ...[...walkSections(o.sections)].flatMap((s) => s.blocks)];
}

describe('buildOutline: title', () => {
  it('takes the title from front matter and keeps a different H1 as a section', () => {
    const o = outlineOf('---\ntitle: From YAML\n---\n# Other\n\nText\n', { title: 'From YAML' });
    expect(o.title).toBe('From YAML');
    expect(o.titleFrom).toBe('front matter');
    expect(o.sections.map((s) => [s.title, s.level])).toEqual([['Other', 2]]);
  });

  it('drops an H1 that repeats the front-matter title', () => {
    const o = outlineOf('# Same\n\nText\n', { title: 'Same' });
    expect(o.titleFrom).toBe('front matter');
    expect(o.sections).toEqual([]);
    expect(o.intro).toHaveLength(1);
  });

  it('takes the title from a leading H1 and removes it from the sections', () => {
    const o = outlineOf('# Low salt diet\n\nIntro.\n\n## What to eat\n\nVeg.\n');
    expect(o.title).toBe('Low salt diet');
    expect(o.titleFrom).toBe('first heading');
    expect(o.sections.map((s) => s.title)).toEqual(['What to eat']);
    expect(o.intro).toHaveLength(1);
  });

  it('falls back to the file name', () => {
    const o = outlineOf('Just text.\n\n## A section\n');
    expect(o.title).toBe('Blood pressure guide');
    expect(o.titleFrom).toBe('file name');
  });

  it('does not use a leading H2 as the title', () => {
    const o = outlineOf('## Not a title\n');
    expect(o.titleFrom).toBe('file name');
    expect(o.sections[0].title).toBe('Not a title');
  });
});

describe('buildOutline: sections', () => {
  it('gives every heading a unique slug, even when a heading looks like a generated suffix', () => {
    const o = outlineOf('## A\n\n## A\n\n## A 1\n\n## A\n');
    const slugs = o.sections.map((s) => s.slug);
    expect(new Set(slugs).size).toBe(4);
    expect(slugs.slice(0, 2)).toEqual(['a', 'a-1']);
  });

  it('shifts levels so the top body heading is level 2', () => {
    const o = outlineOf('### Top\n\n#### Sub\n\n### Next\n');
    expect(o.sections.map((s) => [s.title, s.level])).toEqual([['Top', 2], ['Next', 2]]);
    expect(o.sections[0].sections.map((s) => [s.title, s.level])).toEqual([['Sub', 3]]);
  });

  it('shifts a remaining H1 down to level 2', () => {
    const o = outlineOf('---\ntitle: T\n---\n# A\n\n## B\n', { title: 'T' });
    expect(o.sections[0]).toMatchObject({ title: 'A', level: 2 });
    expect(o.sections[0].sections[0]).toMatchObject({ title: 'B', level: 3 });
  });

  it('builds a nested tree, closing deeper sections at a shallower heading', () => {
    const o = outlineOf('# T\n\n## A\n\n#### A1\n\n### A2\n\n## B\n\n### B1\n');
    const shape = (ss: Outline['sections']): unknown => ss.map((s) => [s.title, s.level, shape(s.sections)]);
    expect(shape(o.sections)).toEqual([
      ['A', 2, [['A1', 4, []], ['A2', 3, []]]],
      ['B', 2, [['B1', 3, []]]],
    ]);
  });

  it('records the source line of each heading', () => {
    const o = outlineOf('---\nx: 1\n---\n\n## First\n\ntext\n\n## Second\n');
    expect(o.sections.map((s) => s.line)).toEqual([5, 9]);
  });

  it('marks "Key points" sections', () => {
    const o = outlineOf('## Key points\n\n- a\n\n## Puntos clave:\n\n## Other points\n');
    expect(o.sections.map((s) => s.kind)).toEqual(['key-points', 'key-points', 'section']);
  });

  it('makes duplicate heading slugs unique', () => {
    const o = outlineOf('## Side effects\n\n## Side effects\n\n### Side effects\n');
    expect([...walkSections(o.sections)].map((s) => s.slug)).toEqual(['side-effects', 'side-effects-1', 'side-effects-2']);
  });
});

describe('buildOutline: blocks', () => {
  const doc = [
    '---',
    'title: T',
    '---',
    'Intro para.',
    '',
    '[ref]: https://example.com',
    '',
    '## A',
    '',
    'Para [link][ref].[^1]',
    '',
    '- list',
    '',
    '### A.1',
    '',
    '| x | y |',
    '| - | - |',
    '| 1 | 2 |',
    '',
    '> quote',
    '',
    '## B',
    '',
    '```',
    'code',
    '```',
    '',
    '[^1]: A footnote.',
    '',
  ].join('\n');

  it('puts every content block in exactly one place, in order', () => {
    const tree = parseMarkdown(doc);
    const o = buildOutline(source(doc, { title: 'T' }), tree);
    const expected = tree.children.filter((n) => !['heading', 'yaml', 'definition', 'footnoteDefinition'].includes(n.type));
    const placed = allBlocks(o);
    expect(placed).toHaveLength(expected.length);
    expect(placed).toEqual(expected);
    expect(new Set(placed).size).toBe(placed.length);
  });

  it('collects link and footnote definitions separately', () => {
    const o = outlineOf(doc, { title: 'T' });
    expect(o.definitions.map((d) => d.type).sort()).toEqual(['definition', 'footnoteDefinition']);
  });

  it('survives a JSON round trip', () => {
    const o = outlineOf(doc, { title: 'T', reviewed: '2024-01-01', keywords: ['a'] });
    expect(JSON.parse(JSON.stringify(o))).toEqual(o);
  });

  it('works on plain-text trees (all intro, no sections)', () => {
    const text = 'One.\n\nTwo three.\n';
    const o = buildOutline({ ...source(text), format: 'text' }, parsePlainText(text));
    expect(o.format).toBe('text');
    expect(o.sections).toEqual([]);
    expect(o.intro).toHaveLength(2);
    expect(o.words).toBe(3 + 3); // title "Blood pressure guide" + body
  });
});

describe('countWords', () => {
  it('counts words, not punctuation or spaces', () => {
    expect(countWords('Hello, world!  Take 2 tablets.', 'en')).toBe(5);
    expect(countWords('   ', 'en')).toBe(0);
  });

  it('counts the title once when it comes from the H1', () => {
    const o = outlineOf('# Two words\n\nThree more words.\n');
    expect(o.words).toBe(5);
  });
});
