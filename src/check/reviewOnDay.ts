/**
 * The check on another day. Of everything a handout's check finds, only its review depends on the
 * date: the status (current, due soon, overdue), the review finding with its count of days, and
 * whether --strict fails it. A build keeps this much beside each document's cached findings, so a
 * new day works out each handout's check for the day without reading the source again.
 */
import type { HandoutCheck } from './checkHandout.js';
import { sortFindings, type Finding, type Severity } from './findings.js';
import { reviewFindings, reviewOn, type Review } from './reviewDates.js';

/** How the review rule applies to one handout, as its settings and source decided. */
export interface ReviewRule {
  /** A review within this many days is due soon. */
  dueSoonDays: number;
  /** Where the review finding points (the review keys in the front matter). */
  line: number;
  /** The settings' severity for the rule, when they change it. */
  severity?: Severity;
  /** The rule is switched off for this handout. */
  off: boolean;
  /** The other reason --strict fails a handout, which no date changes. */
  missesReadingTarget: boolean;
}

/** A check as a build keeps it: what it reports, and what working it out for another day needs. */
export interface DatedCheck {
  file: string;
  findings: Finding[];
  failsStrict: boolean;
  review: Review;
  reviewRule: ReviewRule;
}

export function datedCheck(check: HandoutCheck): DatedCheck {
  return { file: check.file, findings: check.findings, failsStrict: check.failsStrict, review: check.review, reviewRule: check.reviewRule };
}

/** The same check on `today`: the review worked out again, its finding replaced; the rest as it was. */
export function checkOnDay(check: DatedCheck, today: string, strict: boolean): DatedCheck {
  const rule = check.reviewRule;
  const review = reviewOn(check.review.reviewed, check.review.nextReview, today, rule.dueSoonDays);
  const dated = rule.off ? [] : reviewFindings(check.file, review, rule.line, strict).map((f) => (rule.severity ? { ...f, severity: rule.severity } : f));
  const findings = sortFindings([...check.findings.filter((f) => f.rule !== 'review-date'), ...dated]);
  const failsStrict = rule.missesReadingTarget || (review.status === 'overdue' && !rule.off);
  return { ...check, review, findings, failsStrict };
}
