/** General paragraphs after the last part, and what keeps a paragraph with its part. */
import { describe, expect, it } from 'vitest';
import { generalReason, linkedToLast, type LastPart } from '../../../src/outline/infer/belongs.js';
import { normalWords } from '../../../src/outline/infer/names.js';
import { partOf, type Subject } from '../../../src/outline/infer/parts.js';
import { subjectTokens, tokensOf } from '../../../src/outline/infer/language.js';

const subject: Subject = { title: 'Eczema', keys: [['eczema']], head: 'eczema' };
const parts = [partOf('atopic'), partOf('contact'), partOf('nummular')];
const opening = (sentence: string) => ({ sentence, subjectWords: normalWords(subjectTokens(tokensOf(sentence)).map((t) => t.text).join(' ')) });
const reason = (sentence: string) => generalReason(opening(sentence), parts, subject)?.why;

describe('generalReason', () => {
  it('a paragraph that opens on a part goes on with it', () => {
    expect(reason('Nummular eczema leaves coin-shaped spots.')).toBeUndefined();
  });

  it('"any type", "all forms", "both": about every part', () => {
    expect(reason('Any type of eczema can itch at night.')).toMatch(/every part/);
    expect(reason('All eczema flares less in summer.')).toMatch(/every eczema/);
  });

  it('a paragraph naming every part is about them all', () => {
    expect(reason('Atopic, contact and nummular eczema share one cream.')).toMatch(/names every part/);
  });

  it('"Another …", "Other …": a new topic', () => {
    expect(reason('Another skin problem that looks alike is psoriasis.')).toMatch(/another topic/);
  });

  it('a subject that is a topic of the whole: diagnosis, treatment, prevention, outlook', () => {
    expect(reason('Treatment starts with gentle soap.')).toMatch(/treatment/);
    expect(reason('Early diagnosis of eczema spares the skin.')).toMatch(/diagnosis/);
  });

  it('the subject itself, with no part named', () => {
    expect(reason('Eczema gets its name from a word for boiling.')).toMatch(/as a whole/);
  });

  it('a paragraph that refers back stays with the part', () => {
    expect(reason('Treatment of this form is harder.')).toBeUndefined();
  });
});

describe('linkedToLast', () => {
  const last: LastPart = { name: 'Nummular', text: 'Nummular eczema leaves round coin-shaped patches on the shins, often after a scrape or insect bite.', others: ['Atopic eczema runs in families with asthma and hay fever.'], introduced: false };

  it('a pronoun or a back-reference links a paragraph to the part before', () => {
    expect(linkedToLast(opening('It can weep and crust.'), 'It can weep and crust.', last)).toBe(true);
  });

  it('shared words link it when they are more than with any other part', () => {
    const p = 'The patches on the shins grow after each scrape and bite.';
    expect(linkedToLast(opening(p), p, last)).toBe(true);
  });

  it('a paragraph on something else is not linked', () => {
    const p = 'Researchers study skin bacteria in large hospitals.';
    expect(linkedToLast(opening(p), p, last)).toBe(false);
  });
});
