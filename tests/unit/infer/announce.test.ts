/** Announced parts: counts, quantifiers, lists and bullet lists. */
import { describe, expect, it } from 'vitest';
import { announcementIn } from '../../../src/outline/infer/announce.js';

const names = (a: ReturnType<typeof announcementIn>) => a?.listed.map((p) => p.name);

describe('announcementIn', () => {
  it('a count without a list announces the kind and how many', () => {
    const a = announcementIn('Doctors recognise six types of migraine.');
    expect(a).toMatchObject({ kind: 'type', count: 6, listed: [] });
  });

  it('a list after a colon names the parts, and the count must agree', () => {
    expect(names(announcementIn('There are three main forms: wet, dry, and mixed.'))).toEqual(['wet', 'dry', 'mixed']);
    expect(names(announcementIn('There are four main forms: wet, dry, and mixed.'))).toEqual([]);
  });

  it('"These are …" in the next sentence completes a count', () => {
    const a = announcementIn('Two kinds exist.', 'These are primary and secondary.');
    expect(names(a)).toEqual(['primary', 'secondary']);
    expect(a!.sentence).toBe('Two kinds exist. These are primary and secondary.');
  });

  it('"are called type 1, type 2, and type 3" names the parts without a count', () => {
    expect(names(announcementIn('The main classes of the illness are called type 1, type 2, and type 3.'))).toEqual(['type 1', 'type 2', 'type 3']);
  });

  it('a list set off by commas ends at its last "and" name', () => {
    expect(names(announcementIn('Gout has two forms, acute gout and chronic gout, based on how long attacks last.'))).toEqual(['acute gout', 'chronic gout']);
  });

  it('labels after a plural kind: "types A, B and C"', () => {
    expect(names(announcementIn('The virus comes in types A, B and C.'))).toEqual(['type A', 'type B', 'type C']);
    expect(names(announcementIn('It is graded as stages I, II, and III.'))).toEqual(['stage I', 'stage II', 'stage III']);
  });

  it('a sentence that introduces a bullet list takes its items as the parts', () => {
    const a = announcementIn('The types of rash include', undefined, ['- heat rash', '- contact rash']);
    expect(names(a)).toEqual(['heat rash', 'contact rash']);
  });

  it('a bullet item\'s name stops at its colon or dash', () => {
    const a = announcementIn('The main types are:', undefined, ['- Type A rash: small red dots', '- Type B rash – large welts']);
    expect(names(a)).toEqual(['Type A rash', 'Type B rash']);
  });

  it('"five main flu viruses": a count of things named for the subject', () => {
    expect(announcementIn('There are three main flu viruses.', undefined, [], 'flu')).toMatchObject({ kind: 'virus', count: 3 });
  });

  it('a sentence about types that lists none, and counts nothing, announces nothing', () => {
    expect(announcementIn('The cause is not known.')).toBeUndefined();
    expect(names(announcementIn('The types are told apart by their signs, the age of onset, and the genes involved.')) ?? []).toEqual([]);
  });
});
