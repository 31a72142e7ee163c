/** Names and aliases: the words a part is compared by. */
import { describe, expect, it } from 'vitest';
import { acronymsIn, normalWords, occurrences, romanToArabic, singular } from '../../../src/outline/infer/names.js';

describe('normalWords', () => {
  it('drops case and punctuation, so "Non-small" and "non small" are the same words', () => {
    expect(normalWords('Non-small cell CANCER, again.')).toEqual(['non', 'small', 'cell', 'cancer', 'again']);
  });

  it('reads a Roman numeral after a kind word as a number, with its letter', () => {
    expect(normalWords('Type IA and type II')).toEqual(['type', '1a', 'and', 'type', '2']);
    expect(normalWords('stage IV')).toEqual(['stage', '4']);
  });

  it('leaves letters and codes alone, and Roman-looking words that follow no kind word', () => {
    expect(normalWords('type A, type C1')).toEqual(['type', 'a', 'type', 'c1']);
    expect(normalWords('vitamin D')).toEqual(['vitamin', 'd']);
  });

  it('spreads a plural kind over its labels: "types C1 and C2" mentions type c1 and type c2', () => {
    expect(normalWords('types C1 and C2 are alike')).toEqual(['type', 'c1', 'type', 'c2', 'are', 'alike']);
    expect(normalWords('types I, II, and III')).toEqual(['type', '1', 'type', '2', 'type', '3']);
  });
});

describe('singular', () => {
  it('knows the plurals kind words and part names take', () => {
    expect(['types', 'classes', 'categories', 'viruses', 'rashes', 'causes', 'forms'].map(singular)).toEqual(['type', 'class', 'category', 'virus', 'rash', 'cause', 'form']);
  });
});

describe('romanToArabic', () => {
  it('converts numerals and keeps a trailing letter', () => {
    expect(['i', 'iv', 'ix', 'xii', 'ib'].map(romanToArabic)).toEqual(['1', '4', '9', '12', '1b']);
    expect(romanToArabic('a')).toBeUndefined();
  });
});

describe('occurrences', () => {
  it('finds whole-word sequences and a plural last word', () => {
    expect(occurrences(['wet', 'forms', 'and', 'wet', 'form'], ['wet', 'form'])).toEqual([0, 3]);
    expect(occurrences(['formal'], ['form'])).toEqual([]);
  });
});

describe('acronymsIn', () => {
  it('maps an acronym to the words whose initials it spells', () => {
    const found = acronymsIn('People with chronic kidney disease (CKD) tire easily. CKD can be slowed.');
    expect(found.get('ckd')).toEqual(['chronic', 'kidney', 'disease']);
  });

  it('keeps words after the initials, as in a name with a numeral or a comma list', () => {
    expect(acronymsIn('Hereditary motor neuropathy, lower limb (HMN-LL) is rare.').get('hmn ll')).toEqual(['hereditary', 'motor', 'neuropathy', 'lower', 'limb']);
  });

  it('ignores a parenthesis that is not an acronym of what precedes it', () => {
    expect(acronymsIn('Swelling of the legs (edema) and low salt (UK) diets').size).toBe(0);
  });
});
