/**
 * Review dates: when a handout is next due for clinical review, and whether that is past.
 * "Today" is injectable so tests and outputs are reproducible: HANDOUT_TODAY=YYYY-MM-DD, else
 * SOURCE_DATE_EPOCH (seconds), else the clock.
 */
import { HandoutError } from '../diagnostics.js';
import { parsePeriod, type HandoutMeta } from '../read/frontMatter.js';
import type { Finding } from './findings.js';

/** A review within this many days is "due soon" (the catalog's "due within 90 days"); `review-date: n` changes it. */
export const DUE_SOON_DAYS = 90;

export type ReviewStatus = 'current' | 'due soon' | 'overdue' | 'not scheduled';

export interface Review {
  reviewed?: string;
  nextReview?: string;
  status: ReviewStatus;
  /** Days from today to the next review (negative when overdue). */
  daysLeft?: number;
}

/** Today's date as YYYY-MM-DD (UTC). */
export function today(env: NodeJS.ProcessEnv = process.env, clock: () => Date = () => new Date()): string {
  const fixed = env.HANDOUT_TODAY;
  if (fixed) {
    if (!isIsoDate(fixed)) throw new HandoutError(`HANDOUT_TODAY=${fixed} is not a date`, { file: 'HANDOUT_TODAY' }, 'write it YYYY-MM-DD');
    return fixed;
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  return clock().toISOString().slice(0, 10);
}

function isIsoDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().slice(0, 10) === s;
}

/** reviewed + a period, as a calendar does it: 2024-01-31 + 1m = 2024-02-29 (the month's last day). */
export function addPeriod(iso: string, periodText: string): string {
  const period = parsePeriod(periodText);
  if (!period) throw new Error(`not a period: ${periodText}`);
  const d = new Date(`${iso}T00:00:00Z`);
  if (period.unit === 'd' || period.unit === 'w') {
    d.setUTCDate(d.getUTCDate() + period.count * (period.unit === 'w' ? 7 : 1));
    return d.toISOString().slice(0, 10);
  }
  const months = period.count * (period.unit === 'y' ? 12 : 1);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** `next-review:` when given, otherwise `reviewed:` + `review-every:`. */
export function nextReviewOf(meta: HandoutMeta): string | undefined {
  if (meta.nextReview) return meta.nextReview;
  if (meta.reviewed && meta.reviewEvery) return addPeriod(meta.reviewed, meta.reviewEvery);
  return undefined;
}

export function reviewOf(meta: HandoutMeta, todayIso: string, dueSoonDays = DUE_SOON_DAYS): Review {
  return reviewOn(meta.reviewed, nextReviewOf(meta), todayIso, dueSoonDays);
}

/** The review's status on a day, from its dates: the one part of a handout's check that changes with the date. */
export function reviewOn(reviewed: string | undefined, nextReview: string | undefined, todayIso: string, dueSoonDays = DUE_SOON_DAYS): Review {
  if (!nextReview) return { reviewed, status: 'not scheduled' };
  const daysLeft = Math.round((Date.parse(nextReview) - Date.parse(todayIso)) / 86_400_000);
  const status: ReviewStatus = daysLeft < 0 ? 'overdue' : daysLeft <= dueSoonDays ? 'due soon' : 'current';
  return { reviewed, nextReview, status, daysLeft };
}

export function reviewFindings(file: string, review: Review, frontMatterLine: number | undefined, strict: boolean): Finding[] {
  const where = { file, line: frontMatterLine };
  switch (review.status) {
    case 'overdue':
      return [{ rule: 'review-date', severity: strict ? 'error' : 'warning', ...where, message: `review overdue: the next review was due ${review.nextReview} (${-review.daysLeft!} days ago)`, suggestion: 'have a clinician review it, then update `reviewed:`' }];
    case 'due soon':
      return [{ rule: 'review-date', severity: 'info', ...where, message: `review due soon: ${review.nextReview} (in ${review.daysLeft} days)`, suggestion: 'plan the review' }];
    case 'not scheduled':
      return [{
        rule: 'review-date', severity: 'warning', ...where,
        message: review.reviewed ? `reviewed ${review.reviewed}, but no next review is scheduled` : 'no review date',
        suggestion: review.reviewed ? 'add `review-every: 2y` (or `next-review: YYYY-MM-DD`) to the front matter' : 'add `reviewed: YYYY-MM-DD` and `review-every: 2y` to the front matter',
      }];
    default:
      return [];
  }
}
