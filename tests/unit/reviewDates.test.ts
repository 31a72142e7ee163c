/** Review dates: the next review from front matter, the status on an injected "today", and the clock. */
import { describe, expect, it } from 'vitest';
import { addPeriod, nextReviewOf, reviewFindings, reviewOf, today } from '../../src/check/reviewDates.js';
import { parseFrontMatter, parsePeriod } from '../../src/read/frontMatter.js';
import { HandoutError, Warnings } from '../../src/diagnostics.js';

const meta = (extra: object) => ({ lang: 'en', keywords: [], ...extra });

describe('front matter', () => {
  it('reads review-every, next-review, target-grade and glossary', () => {
    const m = parseFrontMatter('---\nreviewed: 2024-01-31\nreview-every: 18 months\nnext-review: 2025-06-01\ntarget-grade: 6\nglossary:\n  lupus: A disease.\n---\n', 'a.md', new Warnings());
    expect(m).toMatchObject({ reviewed: '2024-01-31', reviewEvery: '18m', nextReview: '2025-06-01', targetGrade: 6, glossary: { lupus: 'A disease.' } });
  });

  it('rejects a bad period or grade with the line', () => {
    const err = (text: string) => {
      try {
        parseFrontMatter(text, 'a.md', new Warnings());
      } catch (e) {
        return (e as HandoutError).format();
      }
      return 'no error';
    };
    expect(err('---\ntitle: x\nreview-every: often\n---\n')).toBe('a.md:3: error: front-matter key "review-every" should be a period such as 2y, 18m, 6w or 90d, not "often"');
    expect(err('---\ntarget-grade: hard\n---\n')).toMatch(/^a\.md:2: error: front-matter key "target-grade" should be a school grade from 1 to 20/);
    expect(err('---\nglossary: [lupus]\n---\n')).toMatch(/^a\.md:2: error: front-matter key "glossary" should be a list of `term: plain definition` lines/);
  });

  it('parses periods', () => {
    expect(parsePeriod('2y')).toEqual({ count: 2, unit: 'y' });
    expect(parsePeriod('18m')).toEqual({ count: 18, unit: 'm' });
    expect(parsePeriod('6 weeks')).toEqual({ count: 6, unit: 'w' });
    expect(parsePeriod('90 days')).toEqual({ count: 90, unit: 'd' });
    expect(parsePeriod('0y')).toBeUndefined();
    expect(parsePeriod('soon')).toBeUndefined();
  });
});

describe('next review', () => {
  it('adds calendar periods, keeping to the last day of a short month', () => {
    expect(addPeriod('2026-11-02', '2y')).toBe('2028-11-02');
    expect(addPeriod('2024-02-29', '1y')).toBe('2025-02-28');
    expect(addPeriod('2024-01-31', '1m')).toBe('2024-02-29');
    expect(addPeriod('2024-05-15', '18m')).toBe('2025-11-15');
    expect(addPeriod('2024-12-30', '2w')).toBe('2025-01-13');
  });

  it('next-review wins over reviewed + review-every', () => {
    expect(nextReviewOf(meta({ reviewed: '2024-01-01', reviewEvery: '2y' }))).toBe('2026-01-01');
    expect(nextReviewOf(meta({ reviewed: '2024-01-01', reviewEvery: '2y', nextReview: '2025-03-01' }))).toBe('2025-03-01');
    expect(nextReviewOf(meta({ reviewed: '2024-01-01' }))).toBeUndefined();
  });

  it('status: current, due soon within 90 days, overdue after the date', () => {
    const m = meta({ reviewed: '2024-01-01', reviewEvery: '2y' });
    expect(reviewOf(m, '2025-10-02')).toMatchObject({ status: 'current', daysLeft: 91 });
    expect(reviewOf(m, '2025-10-03')).toMatchObject({ status: 'due soon', daysLeft: 90 });
    expect(reviewOf(m, '2025-11-02', 60)).toMatchObject({ status: 'due soon', daysLeft: 60 });
    expect(reviewOf(m, '2025-11-01', 60)).toMatchObject({ status: 'current', daysLeft: 61 });
    expect(reviewOf(m, '2026-01-01')).toMatchObject({ status: 'due soon', daysLeft: 0 });
    expect(reviewOf(m, '2026-01-02')).toMatchObject({ status: 'overdue', daysLeft: -1 });
    expect(reviewOf(meta({}), '2026-01-02')).toMatchObject({ status: 'not scheduled' });
  });

  it('overdue is a warning, and an error with --strict, at the front matter line', () => {
    const review = reviewOf(meta({ nextReview: '2025-01-01' }), '2025-03-01');
    expect(reviewFindings('a.md', review, 4, false)[0]).toMatchObject({ severity: 'warning', line: 4, message: 'review overdue: the next review was due 2025-01-01 (59 days ago)' });
    expect(reviewFindings('a.md', review, 4, true)[0].severity).toBe('error');
  });
});

describe('today', () => {
  it('comes from HANDOUT_TODAY, then SOURCE_DATE_EPOCH, then the clock', () => {
    const clock = () => new Date('2030-05-06T23:59:00Z');
    expect(today({ HANDOUT_TODAY: '2027-01-02', SOURCE_DATE_EPOCH: '0' }, clock)).toBe('2027-01-02');
    expect(today({ SOURCE_DATE_EPOCH: '1700000000' }, clock)).toBe('2023-11-14');
    expect(today({}, clock)).toBe('2030-05-06');
  });

  it('a HANDOUT_TODAY that is not a date is an error saying so', () => {
    expect(() => today({ HANDOUT_TODAY: '2027-02-30' })).toThrow(/HANDOUT_TODAY=2027-02-30 is not a date/);
  });
});
