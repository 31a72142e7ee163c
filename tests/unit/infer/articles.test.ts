/**
 * Whole articles, written for these tests, each of one shape the inference must understand:
 * every paragraph lands once and in order, the sections follow the parts, general paragraphs get
 * headings of their own, and `notes` say why.
 */
import { describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import { buildOutline } from '../../../src/outline/buildOutline.js';
import { parseMarkdown, parsePlainText } from '../../../src/parse/parseSource.js';
import type { Block, Outline, Section } from '../../../src/outline/outline.js';
import type { Source } from '../../../src/read/readSource.js';
import { parseFrontMatter } from '../../../src/read/frontMatter.js';
import { Warnings } from '../../../src/diagnostics.js';

const article = (...paragraphs: string[]) => paragraphs.join('\n\n') + '\n';

function outlineOf(text: string, format: 'text' | 'markdown' = 'text'): Outline {
  const meta = format === 'markdown' ? parseFrontMatter(text, 'a.md', new Warnings()) : { lang: 'en', keywords: [] };
  const source: Source = { file: `a.${format === 'text' ? 'txt' : 'md'}`, slug: 'a', format, text, meta };
  return buildOutline(source, format === 'text' ? parsePlainText(text) : parseMarkdown(text));
}

/** [heading, first words of each paragraph under it] for every section, depth first. */
function shape(o: Outline): [string, string[]][] {
  const out: [string, string[]][] = [];
  const first = (b: Block) => toString(b).split(/\s+/).slice(0, 2).join(' ');
  const walk = (s: Section) => {
    out.push([s.title, s.blocks.map(first)]);
    s.sections.forEach(walk);
  };
  o.sections.forEach(walk);
  return out;
}

/** Every source paragraph once, in order: in the intro or a section, or printed as a heading or the title. */
function expectNothingLost(o: Outline, text: string) {
  const source = parsePlainText(text).children.map((p) => toString(p));
  const printed: string[] = [o.title, ...o.intro.map((b) => toString(b))];
  const walk = (s: Section) => {
    printed.push(s.title, ...s.blocks.map((b) => toString(b)));
    s.sections.forEach(walk);
  };
  o.sections.forEach(walk);
  printed.push(...o.closing.map((b) => toString(b)));
  // Headings the outline made up (not lines of the source) are not source paragraphs.
  expect(printed.filter((p) => source.includes(p))).toEqual(source);
}

describe('announced by a list of labels, parts known by other names', () => {
  const text = article(
    'Hepatitis means a swollen liver. It is most often caused by a virus. There are five main hepatitis viruses, known as types A, B, C, D and E.',
    'Hepatitis A virus (HAV) spreads through food or water that has touched the stool of a sick person.',
    'Hepatitis B virus (HBV) passes through blood. A vaccine protects babies from birth.',
    'HBV can last for life in some adults and scar the liver over many years.',
    'Hepatitis C virus (HCV) spreads mostly through shared needles.',
    'Type D only infects people who already carry HBV.',
    'Hepatitis E is common where clean water is scarce.',
    'A blood test tells which virus a person has.',
  );
  const o = outlineOf(text);

  it('one section per type, each holding the paragraphs that take it up ("HBV" is type B)', () => {
    expect(shape(o)).toEqual([
      ['Type A', ['Hepatitis A']],
      ['Type B', ['Hepatitis B', 'HBV can']],
      ['Type C', ['Hepatitis C']],
      ['Type D', ['Type D']],
      ['Type E', ['Hepatitis E']],
      ['Diagnosis', ['A blood']],
    ]);
    expect(o.sections[5].parts).toBeUndefined();
    expectNothingLost(o, text);
  });

  it('says which sentence announced the parts and why the last paragraph stands apart', () => {
    expect(o.notes!.join('\n')).toMatch(/listed in paragraph 1: "There are five main hepatitis viruses, known as types A, B, C, D and E\."/);
    expect(o.notes!.join('\n')).toMatch(/paragraph 8 is not filed under the last part: it opens on diagnosis/);
  });
});

describe('unannounced parallel parts', () => {
  const text = article(
    'Gastritis is swelling of the lining of the stomach. It can cause pain and a feeling of fullness.',
    'Acute gastritis comes on suddenly, often after heavy drinking. It usually settles within days.',
    'Chronic gastritis develops slowly over years. A germ is a common cause.',
    'Erosive gastritis wears away the stomach lining and can cause bleeding.',
    'Treatment depends on the cause. Medicines that lower stomach acid help the lining heal.',
  );
  const o = outlineOf(text);

  it('three paragraphs that open alike on different kinds are parts; treatment after them is general', () => {
    expect(shape(o)).toEqual([
      ['Acute', ['Acute gastritis']],
      ['Chronic', ['Chronic gastritis']],
      ['Erosive', ['Erosive gastritis']],
      ['Treatment', ['Treatment depends']],
    ]);
    expect(o.notes!.join('\n')).toMatch(/paragraphs 2, 3, 4 open alike/);
    expectNothingLost(o, text);
  });
});

describe('announced by a count, named by ordinals', () => {
  it('"three stages", then "The first stage …": each stage a section; "at every stage" after them is about all', () => {
    const text = article(
      'Labour is the process of giving birth. It happens in three stages.',
      'The first stage begins when the womb starts to tighten. It can last many hours.',
      'The second stage starts when the cervix is fully open. The mother pushes and the baby is born.',
      'The third stage is the delivery of the placenta.',
      'Pain relief is available at every stage.',
    );
    const o = outlineOf(text);
    expect(shape(o)).toEqual([
      ['First stage', ['The first']],
      ['Second stage', ['The second']],
      ['Third stage', ['The third']],
      ['All stages', ['Pain relief']],
    ]);
    expectNothingLost(o, text);
  });
});

describe('texts that enumerate nothing get no parts', () => {
  it('a count in passing that the text does not take up', () => {
    const text = article(
      'Taste helps us enjoy food and warns us about spoiled things.',
      'The tongue is covered in small bumps. There are four types of papillae on the tongue, and most hold taste buds.',
      'Each taste bud has cells that sense sweet, salty, sour and bitter flavours.',
      'Smell plays a big part in flavour.',
    );
    const o = outlineOf(text);
    expect(o.sections).toEqual([]);
    expect(o.atAGlance).toBeUndefined();
    expect(o.notes!.join('\n')).toMatch(/No parts: paragraph 2: "There are four types of papillae.*announces types, but the paragraphs after it do not name them/);
    expectNothingLost(o, text);
  });

  it('paragraphs that open with different nouns are not kinds of anything', () => {
    const text = article(
      'Good habits protect the heart.',
      'Exercise makes the heart stronger.',
      'Sleep gives the body time to repair itself.',
      'Water keeps the blood flowing well.',
    );
    const o = outlineOf(text);
    expect(o.sections).toEqual([]);
    expect(o.notes!.join('\n')).toMatch(/No parts: no sentence announces kinds/);
  });

  it('definitions in a row ("… is called glucose") are not kinds when nothing says of what', () => {
    const text = article(
      'Low blood sugar can make a person shaky.',
      'The main sugar in the blood is called glucose.',
      'A hormone made in the pancreas is called insulin.',
      'Sugar stored in the liver is called glycogen.',
    );
    expect(outlineOf(text).sections).toEqual([]);
  });
});

describe('bare one-line headings', () => {
  it('headings of one shape are parts; a general paragraph after the last gets its own heading', () => {
    const text = article(
      'Type 1: Early Onset',
      'Type 1 starts in childhood and runs in families.',
      'Children with it need checks every year.',
      'Type 2: Late Onset',
      'Type 2 starts after forty.',
      'With any type of the condition, regular checks help.',
    );
    const o = outlineOf(text);
    expect(shape(o)).toEqual([
      ['Type 1: Early Onset', ['Type 1', 'Children with']],
      ['Type 2: Late Onset', ['Type 2']],
      ['All types', ['With any']],
    ]);
    expectNothingLost(o, text);
    expect(o.sections.slice(0, 2).map((s) => [s.parts, s.partKind])).toEqual([[['Type 1: Early Onset'], 'type'], [['Type 2: Late Onset'], 'type']]);
    expect(o.sections[2].parts).toBeUndefined();
  });

  it('a bare first line that no later heading resembles is the title', () => {
    const text = article('Gout', 'Gout is a painful form of arthritis.', 'An attack often starts in the big toe.');
    const o = outlineOf(text);
    expect([o.title, o.titleFrom]).toEqual(['Gout', 'first line']);
    expect(o.intro.map((b) => toString(b))).toEqual(['Gout is a painful form of arthritis.', 'An attack often starts in the big toe.']);
  });
});

describe('the user overrides the inference in front matter', () => {
  const body = article('Frogs visit many gardens in spring.', 'Tree frogs climb walls and fences.', 'They sing at night after rain.', 'Pond frogs stay near water.');

  it('`parts:` names the parts the text never announced', () => {
    const o = outlineOf(`---\ntitle: Garden frogs\nparts: [tree frogs, pond frogs]\n---\n\n${body}`, 'markdown');
    expect(shape(o)).toEqual([
      ['Tree frogs', ['Tree frogs', 'They sing']],
      ['Pond frogs', ['Pond frogs']],
    ]);
    expect(o.notes!.join('\n')).toMatch(/the parts named in front matter/);
  });

  it('`infer: false` keeps the text as written', () => {
    const announced = article('Anemia is common. Doctors describe two main types: acute and chronic.', 'Acute anemia comes on fast.', 'Chronic anemia builds slowly.');
    expect(outlineOf(announced).sections).toHaveLength(2);
    expect(outlineOf(`---\ntitle: Anemia\ninfer: false\n---\n\n${announced}`, 'markdown').sections).toEqual([]);
  });
});
