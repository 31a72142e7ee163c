/**
 * Check stage: one handout's Outline → its health-literacy report (reading level, plain language,
 * terms, accessibility, review date, PEMAT-P). Pure apart from reading glossary files; `build`
 * calls it for every document and `handout check` for the files it is given.
 */
import type { Outline } from '../outline/outline.js';
import type { CheckRules } from '../options/schema.js';
import { accessibilityFindings } from './accessibility.js';
import { sortFindings, quote, type Finding } from './findings.js';
import { glossaryFor, termsUsed, undefinedTerms, type UsedTerm } from './glossary.js';
import { pematScore, type Pemat } from './pemat.js';
import { plainLanguageFindings } from './plainLanguage.js';
import { proseOf } from './prose.js';
import { DEFAULT_TARGET_GRADE, readingLevel, runningSentences, type ReadingLevel } from './readability.js';
import { reviewFindings, reviewOf, type Review } from './reviewDates.js';

export interface CheckOptions {
  /** Today as YYYY-MM-DD (see reviewDates.today). */
  today: string;
  /** Target grade when the front matter has no `target-grade:`; 8 when not given. */
  targetGrade?: number;
  /** An overdue review is an error, not a warning. */
  strict?: boolean;
  /** A glossary file used besides the glossary.yml files found beside the sources. */
  glossaryFile?: string;
  /** Rule settings by rule id (`checks:` in the settings file and front matter), passed through unchanged. */
  checks?: CheckRules;
}

export interface HandoutCheck {
  file: string;
  title: string;
  slug: string;
  readingLevel: ReadingLevel;
  review: Review;
  pemat: Pemat;
  /** Glossary terms the handout uses, in order of first use: the "Words to know" box. */
  wordsToKnow: UsedTerm[];
  findings: Finding[];
  /** True when the handout misses its target grade or is overdue for review (what --strict fails on). */
  failsStrict: boolean;
}

export function checkOutline(outline: Outline, sourcePath: string, sourceText: string, options: CheckOptions): HandoutCheck {
  const file = outline.file;
  const units = proseOf(outline);
  const target = outline.meta.targetGrade ?? options.targetGrade ?? DEFAULT_TARGET_GRADE;
  // Flesch-Kincaid, SMOG, syllable counts and the retext plain-language rules are made for English.
  const english = /^en(-|$)/i.test(outline.meta.lang);
  const level = readingLevel(units, outline.sections, target, 5, english);
  const sentences = runningSentences(units).map((x) => x.sentence);

  const findings: Finding[] = [];
  if (!level.meetsTarget) {
    findings.push({
      kind: 'reading-level',
      severity: 'warning',
      file,
      line: sentences[0]?.line,
      message: `reads at grade ${level.grade.toFixed(1)} (Flesch-Kincaid ${level.fleschKincaid.toFixed(1)}, SMOG ${level.smog.toFixed(1)}); the target is ${target}: ${why(level)}`,
      suggestion: 'shorten the sentences below and use shorter words',
    });
    for (const h of level.hardest) {
      findings.push({
        kind: 'reading-level',
        severity: 'info',
        file,
        line: h.line,
        message: `raises the grade by ${h.raisesGradeBy}: ${h.words} words${h.longWords.length ? `, long words ${h.longWords.join(', ')}` : ''}: ${quote(h.text)}`,
      });
    }
  }

  if (!english) {
    findings.push({
      kind: 'reading-level', severity: 'info', file, line: 1,
      message: `reading level, passive voice and simpler words are not checked: the formulas and word lists are for English, and this handout is in "${outline.meta.lang}"`,
    });
  }
  const plain = english ? plainLanguageFindings(file, sentences) : { findings: [], passiveCount: 0 };
  findings.push(...plain.findings);

  const glossary = glossaryFor(sourcePath, outline.meta, options.glossaryFile);
  const wordsToKnow = termsUsed(units, glossary);
  const undefinedFound = undefinedTerms(file, units, glossary);
  findings.push(...undefinedFound);

  findings.push(...accessibilityFindings(outline));

  const review = reviewOf(outline.meta, options.today);
  findings.push(...reviewFindings(file, review, frontMatterLine(sourceText), !!options.strict));

  const sectionWords = new Map<string, number>();
  for (const u of units) {
    if (u.kind !== 'paragraph') continue;
    const key = u.sectionPath.at(-1)?.slug ?? '';
    sectionWords.set(key, (sectionWords.get(key) ?? 0) + u.sentences.reduce((n, s) => n + s.words.length, 0));
  }
  const pemat = pematScore({ outline, english, sentences, passiveCount: plain.passiveCount, undefinedTermCount: undefinedFound.length, sectionWords });

  return {
    file,
    title: outline.title,
    slug: outline.slug,
    readingLevel: level,
    review,
    pemat,
    wordsToKnow,
    findings: sortFindings(findings),
    failsStrict: !level.meetsTarget || review.status === 'overdue',
  };
}

/** Why a text reads hard, in the terms the formulas use. */
function why(level: ReadingLevel): string {
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
  if (lines[0]?.trim() !== '---') return undefined;
  for (const key of ['next-review', 'review-every', 'reviewed']) {
    const i = lines.findIndex((l) => l.startsWith(`${key}:`));
    if (i !== -1) return i + 1;
  }
  return 1;
}
