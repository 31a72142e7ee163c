/** The title: what the article keeps talking about. */
import { describe, expect, it } from 'vitest';
import { inferTitle } from '../../../src/outline/infer/title.js';

const title = (...paragraphs: string[]) => inferTitle(paragraphs, 'en')?.title;

describe('inferTitle', () => {
  it('the subject of the opening sentence, without its article, when the text takes it up again', () => {
    expect(title('A migraine is a strong headache.', 'A migraine can last for days.')).toBe('Migraine');
  });

  it('"Types of X" gives X, and an acronym reads as what it stands for', () => {
    expect(title('Types of COPD differ.', 'Chronic obstructive pulmonary disease (COPD) makes breathing hard. COPD worsens with smoke.')).toBe('Chronic obstructive pulmonary disease');
  });

  it('an opening that starts with a clause falls back to the phrase the text repeats most', () => {
    expect(title('Although it is rare in cities, rabies still kills people.', 'Rabies spreads through bites. Rabies can be prevented.', 'A rabies shot works best early.')).toBe('Rabies');
  });

  it('a part name ("Type 1 is …") is not the title', () => {
    expect(title('Type 1 is also called early gout.', 'Type 1 gout starts young. Gout hurts.', 'Gout can be treated. Gout returns.')).toBe('Gout');
  });

  it('a short text may name its subject once', () => {
    expect(title('Composting turns food scraps into soil.')).toBe('Composting');
  });
});
