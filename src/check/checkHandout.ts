/**
 * Check stage: one handout's Outline → its health-literacy report (reading level, plain language,
 * terms, accessibility, review date, PEMAT-P). Pure apart from reading glossary files; `build`
 * calls it for every document and `handout check` for the files it is given.
 */
import type { Outline } from '../outline/outline.js';
import { accessibilityFindings } from './accessibility.js';
import { pageFrameFindings } from './pageFrame.js';
import type { Warning } from '../diagnostics.js';
import { findFrontMatter } from '../read/frontMatter.js';
import { applyCheckSettings, disabledInSource, resolveCheckSettings, type CheckSettingsInput } from './checkSettings.js';
import { sortFindings, type Finding, type RuleId } from './findings.js';
import { glossaryFor, termsUsed, undefinedTerms, type UsedTerm } from './glossary.js';
import { pematScore, type Pemat } from './pemat.js';
import { longSentenceFindings, plainLanguageFindings } from './plainLanguage.js';
import { proseOf } from './prose.js';
import { DEFAULT_TARGET_GRADE, readingLevel, runningSentences, type Level, type ReadingLevel } from './readability.js';
import { reviewFindings, reviewOf, type Review } from './reviewDates.js';
import type { ReviewRule } from './reviewOnDay.js';

export interface CheckOptions {
  /** Today as YYYY-MM-DD (see reviewDates.today). */
  today: string;
  /** Target grade when the front matter has no `target-grade:`; 8 when not given. */
  targetGrade?: number;
  /** An overdue review is an error, not a warning. */
  strict?: boolean;
  /** A glossary file used besides the glossary.yml files found beside the sources. */
  glossaryFile?: string;
  /** Rules off, thresholds, severities (checkSettings.ts); `checks:` in handout.config.yaml. */
  checks?: CheckSettingsInput;
  /** Warnings from reading the source (front matter, encoding): reported as findings, so check and build say the same. */
  sourceWarnings?: Warning[];
}

export interface HandoutCheck {
  file: string;
  title: string;
  slug: string;
  lang: string;
  readingLevel: ReadingLevel;
  review: Review;
  /** How the review rule applies to this handout: what reading the check again on another day needs (reviewOnDay.ts). */
  reviewRule: ReviewRule;
  pemat: Pemat;
  /** Glossary terms the handout uses, in order of first use: the "Words to know" box. */
  wordsToKnow: UsedTerm[];
  findings: Finding[];
  /** Rules switched off for this handout (settings and its own comments). */
  rulesOff: RuleId[];
  /** True when the handout misses its target grade or is overdue for review (what --strict fails on). */
  failsStrict: boolean;
}

/** The one validation path: `build` calls it for every document and `handout check` for the files it is given. */
export function checkOutline(outline: Outline, sourcePath: string, sourceText: string, options: CheckOptions): HandoutCheck {
  const file = outline.file;
  const disabled = disabledInSource(sourceText, file);
  const settings = resolveCheckSettings(options.checks ?? {}, disabled.rules);
  const units = proseOf(outline);
  const target = outline.meta.targetGrade ?? settings.targetGrade ?? options.targetGrade ?? DEFAULT_TARGET_GRADE;
  const lang = outline.meta.lang;
  // The passive-voice and simpler-word rules (retext) and the PEMAT voice items read English.
  const english = /^en(-|$)/i.test(lang);
  const level = readingLevel(units, outline.sections, target, 5, lang);
  const sentences = runningSentences(units).map((x) => x.sentence);

  const findings: Finding[] = [...disabled.findings, ...sourceFindings(options.sourceWarnings ?? [], sourceText)];
  if (level.measured && !level.meetsTarget) {
    findings.push({
      rule: 'reading-grade',
      severity: 'warning',
      file,
      line: sentences[0]?.line,
      message: `reads at grade ${gradeText(level)} (${scores(level)}); the target is ${target}: ${why(level)}`,
      suggestion: 'shorten the sentences that raise the grade most (handout check lists them) and use shorter words',
    });
  }
  if (!level.measured) {
    findings.push({
      rule: 'reading-grade', severity: 'info', file, line: 1,
      message: `reading grade not measured: there is no reading formula here for "${lang}" (English and Spanish have one)`,
    });
  }
  if (!english) {
    findings.push({
      rule: 'passive-voice', severity: 'info', file, line: 1,
      message: `passive voice and simpler words are checked in English only, and this handout is in "${lang}"`,
    });
  }
  const plain = english
    ? plainLanguageFindings(file, sentences, { longSentenceWords: settings.longSentenceWords, ignore: settings.ignore['simpler-word'] })
    : { findings: longSentenceFindings(file, sentences, settings.longSentenceWords), passiveCount: 0 };
  findings.push(...plain.findings);

  const glossary = glossaryFor(sourcePath, outline.meta, options.glossaryFile);
  const wordsToKnow = termsUsed(units, glossary);
  const undefinedFound = settings.off.has('undefined-term') ? [] : undefinedTerms(file, units, glossary, settings.ignore['undefined-term']);
  findings.push(...undefinedFound);

  findings.push(...accessibilityFindings(outline));
  findings.push(...pageFrameFindings(outline));

  const review = reviewOf(outline.meta, options.today, settings.dueSoonDays);
  // Without front matter a review finding is about the file as a whole: line 1, so it stays clickable.
  // A date read from the text ("Last reviewed: …") is pointed at where it stands.
  const reviewLine = outline.meta.reviewedLine ?? frontMatterLine(sourceText) ?? 1;
  findings.push(...reviewFindings(file, review, reviewLine, !!options.strict));

  const sectionWords = new Map<string, number>();
  for (const u of units) {
    if (u.kind !== 'paragraph') continue;
    const key = u.sectionPath.at(-1)?.slug ?? '';
    sectionWords.set(key, (sectionWords.get(key) ?? 0) + u.sentences.reduce((n, s) => n + s.words.length, 0));
  }
  const pemat = pematScore({ outline, english, sentences, passiveCount: plain.passiveCount, undefinedTerms: settings.off.has('undefined-term') ? undefined : undefinedFound.map((f) => f.subject!), sectionWords });

  return {
    file,
    title: outline.title,
    slug: outline.slug,
    lang,
    readingLevel: level,
    review,
    reviewRule: {
      dueSoonDays: settings.dueSoonDays, line: reviewLine, severity: settings.severity.get('review-date'), off: settings.off.has('review-date'),
      missesReadingTarget: missesReadingTarget(level, settings.off),
    },
    pemat,
    wordsToKnow,
    findings: sortFindings(applyCheckSettings(findings, settings)),
    rulesOff: [...settings.off],
    failsStrict: missesReadingTarget(level, settings.off) || (review.status === 'overdue' && !settings.off.has('review-date')),
  };
}

/** Half of what --strict fails a handout on (the other: its review overdue); it does not change with the day. */
function missesReadingTarget(level: ReadingLevel, off: Set<RuleId>): boolean {
  return level.measured && !level.meetsTarget && !off.has('reading-grade');
}

/** The grade as the formula gives it: to one decimal, or a whole grade from Fernández Huerta's table. */
export function gradeText(level: Level): string {
  return level.fernandezHuerta !== undefined ? String(level.grade) : level.grade!.toFixed(1);
}

/** The formula's scores, as the report names them. */
export function scores(level: Level): string {
  if (level.fernandezHuerta !== undefined) return `Fernández Huerta ${level.fernandezHuerta.toFixed(1)}`;
  return `Flesch-Kincaid ${level.fleschKincaid!.toFixed(1)}, SMOG ${level.smog!.toFixed(1)}`;
}

/** Warnings from reading the source: on a line of the front matter a front-matter finding, else a source finding. */
function sourceFindings(warnings: Warning[], text: string): Finding[] {
  const fm = findFrontMatter(text);
  return warnings.map((w) => ({
    rule: fm && w.line !== undefined && w.line <= fm.lastLine ? 'front-matter' : 'source',
    severity: 'warning',
    file: w.file,
    line: w.line,
    message: w.message,
  }));
}

/** Why a text reads hard, in the terms the formulas use. */
function why(level: ReadingLevel): string {
  if (level.formula === 'Fernández Huerta') return `${(level.words / level.sentences).toFixed(1)} words a sentence, ${(level.syllables / level.words).toFixed(2)} syllables a word (a score of 60 or more reads at grade 8 or below)`;
  const perSentence = level.words / level.sentences;
  const longShare = (100 * level.polysyllables) / level.words;
  const reasons: string[] = [];
  reasons.push(`${perSentence.toFixed(1)} words a sentence${perSentence > 15 ? ' (aim for 15 or fewer)' : ''}`);
  reasons.push(`${(level.syllables / level.words).toFixed(2)} syllables a word`);
  reasons.push(`${level.polysyllables} words of 3+ syllables (${longShare.toFixed(0)} % of words)`);
  return reasons.join(', ');
}

/** The line of the review keys in the front matter, so a review finding points at them. */
function frontMatterLine(text: string): number | undefined {
  const lines = text.split('\n');
  if (lines[0]?.trim() !== '---' && lines[0]?.trim() !== '+++') return undefined;
  for (const key of ['next-review', 'review-every', 'reviewed']) {
    const i = lines.findIndex((l) => new RegExp(`^${key}\\s*[:=]`).test(l));
    if (i !== -1) return i + 1;
  }
  return 1;
}
