/** Headings for general paragraphs after the parts. */
import { describe, expect, it } from 'vitest';
import { closingHeading } from '../../../src/outline/infer/closing.js';

describe('closingHeading', () => {
  it('names the topics the paragraphs open on, in order, two at most', () => {
    expect(closingHeading(['Diagnosis rests on a skin test.', 'Treatment is with creams.'], 'Eczema', 'en')).toBe('Diagnosis and treatment');
    expect(closingHeading(['The outlook is good for most children.'], 'Eczema', 'en')).toBe('Outlook');
  });

  it('names another kind the paragraph describes', () => {
    expect(closingHeading(['Some babies have a brief rise.'], 'Jaundice', 'en', 'passing jaundice')).toBe('Passing jaundice');
  });

  it('about every part at once: "All types"', () => {
    expect(closingHeading(['With any form of it, rest helps.'], 'Eczema', 'en', undefined, 'form')).toBe('All forms');
  });

  it('falls back to a neutral heading about the subject, names in capitals kept', () => {
    expect(closingHeading(['Eczema gets its name from a Greek word.'], 'Eczema', 'en')).toBe('More about eczema');
    expect(closingHeading(['It was named in 1900.'], 'Kawasaki-Smith disease', 'en')).toBe('More about Kawasaki-Smith disease');
    expect(closingHeading(['It was named in 1900.'], undefined, 'en')).toBe('In general');
  });
});
