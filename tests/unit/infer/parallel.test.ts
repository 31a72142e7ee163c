/** The part a paragraph's opening sentence names, one rule at a time. */
import { describe, expect, it } from 'vitest';
import { openingOf, otherKindIn } from '../../../src/outline/infer/parallel.js';
import { partOf, type Subject } from '../../../src/outline/infer/parts.js';
import { normalWords } from '../../../src/outline/infer/names.js';

const about = (title: string): Subject => ({ title, keys: [normalWords(title)], head: normalWords(title).pop() });
const opening = (sentence: string, title: string) => {
  const o = openingOf(sentence, about(title));
  return o && { rule: o.rule, names: o.parts.map((p) => p.name) };
};

describe('openingOf', () => {
  it('labelled: a kind word and a label, also several labels at once', () => {
    expect(opening('Type 2 gout flares most in winter.', 'Gout')).toEqual({ rule: 'labelled', names: ['type 2'] });
    expect(opening('People with gout types B and C rarely need surgery.', 'Gout')).toEqual({ rule: 'labelled', names: ['type B', 'type C'] });
  });

  it('labelled: a label that is part of the subject\'s own name is not a part', () => {
    expect(opening('Storage disease type IV is rare.', 'Storage disease type IV')).toBeUndefined();
  });

  it('kind: modifiers before a kind word, in the subject', () => {
    expect(opening('The slow-growing form usually stays in one place.', 'Lymphoma')).toEqual({ rule: 'kind', names: ['slow-growing form'] });
    expect(opening('In this juvenile form, the first signs appear at school.', 'Palsy')).toEqual({ rule: 'kind', names: ['juvenile form'] });
  });

  it('kind: words that rank a kind do not name one', () => {
    expect(opening('The most common form affects the knee.', 'Gout')).toBeUndefined();
    expect(opening('The last type is very rare.', 'Gout')).toBeUndefined();
  });

  it('modifier: words before the subject name a kind of it', () => {
    expect(opening('Chronic gastritis develops slowly over many years.', 'Gastritis')).toEqual({ rule: 'modifier', names: ['Chronic'] });
    expect(opening('Many people with gastritis feel full quickly.', 'Gastritis')).toBeUndefined();
  });

  it('called: "is called X", "…, called X, …" after a kind, "we call this type X"', () => {
    expect(opening('A kind of bond in which both partners gain is called mutual aid.', 'Bonds')?.names).toEqual(['mutual aid']);
    expect(opening('In a second type of bond, called rivalry, each side loses.', 'Bonds')?.names).toEqual(['rivalry']);
    expect(opening('When nobody gains, we call this type of bond indifference.', 'Bonds')?.names).toEqual(['indifference']);
  });

  it('called: a noun that is merely called something names no part', () => {
    expect(opening('The build-up of fats called lipids harms the nerves.', 'Palsy')).toBeUndefined();
  });

  it('acronym: the subject with more words and an acronym of its own', () => {
    const o = openingOf('Muscle wasting, upper limb, late (MW-ULL) starts after forty.', about('Muscle wasting'));
    expect(o?.rule).toBe('acronym');
    expect(o?.parts[0].keys).toContainEqual(['mw', 'ull']);
  });

  it('a bare noun phrase is no part: "Sunlight helps …"', () => {
    expect(openingOf('Sunlight helps the skin make vitamin D.', about('Health'))).toBeUndefined();
    expect(openingOf('Sunlight helps the skin make vitamin D.', about('Health'), true)).toBeUndefined();
  });

  it('an ordinal names a part only after a sentence announced the parts: "The second stage …"', () => {
    expect(openingOf('The second stage starts when the cervix is open.', about('Labour'))).toBeUndefined();
    expect(openingOf('The second stage starts when the cervix is open.', about('Labour'), true)?.parts[0].name).toBe('second stage');
  });
});

describe('otherKindIn', () => {
  it('names a kind of the subject that is not one of the parts', () => {
    const parts = [partOf('acute'), partOf('chronic')];
    expect(otherKindIn('Some babies have a brief, harmless rise (passing jaundice).', about('Jaundice'), parts)).toBe('passing jaundice');
    expect(otherKindIn('Chronic jaundice needs care.', about('Jaundice'), parts)).toBeUndefined();
  });
});
