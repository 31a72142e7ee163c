/** A review date stated in the text, read for a source whose settings give none. */
import { describe, expect, it } from 'vitest';
import { reviewedInText } from '../../src/read/reviewedInText.js';

describe('a review date the text states', () => {
  it('reads the ways pages write it, with the line that states it', () => {
    expect(reviewedInText('Gout\n\nBy Ana Ruiz\nLast reviewed: March 4, 2024\n\nGout is …')).toEqual({ date: '2024-03-04', line: 4 });
    expect(reviewedInText('Text.\n\nPage last reviewed: 14 February 2024\nNext review due: 14 February 2027')?.date).toBe('2024-02-14');
    expect(reviewedInText('Reviewed 2025-11-02 by the clinic')?.date).toBe('2025-11-02');
    expect(reviewedInText('Revisado el 3 de mayo de 2025')?.date).toBe('2025-05-03');
    // A month alone is its first day: the review is never thought newer than it was.
    expect(reviewedInText('This leaflet was last revised in January 2024.')?.date).toBe('2024-01-01');
  });

  it('prefers "reviewed" to "updated", and reads "updated" when nothing says reviewed', () => {
    expect(reviewedInText('Updated June 2, 2025\nLast reviewed: 1 May 2023')?.date).toBe('2023-05-01');
    expect(reviewedInText('Updated June 2, 2025')?.date).toBe('2025-06-02');
  });

  it('leaves alone dates that are not review dates, ambiguous or impossible', () => {
    expect(reviewedInText('Your next appointment is on March 4, 2024.')).toBeUndefined();
    expect(reviewedInText('Last reviewed: 4/3/2024')).toBeUndefined();
    expect(reviewedInText('Last reviewed: February 30, 2024')).toBeUndefined();
    // A long sentence that mentions reviewing in passing is prose, not a date line.
    expect(reviewedInText('The guideline was reviewed by a panel of twelve doctors and nurses from four countries in March 2024 and again later.')).toBeUndefined();
  });
});
