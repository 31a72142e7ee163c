/**
 * Reading level, with a formula made for the handout's language:
 * - English: Flesch-Kincaid grade (what Word shows) and SMOG (the formula most used for health
 *   materials), from the per-formula packages `flesch-kincaid` and `smog-formula`; the grade
 *   compared with the target is the higher of the two.
 * - Spanish: Fernández Huerta's reading ease (1959), as corrected: 206.84 − 60 × syllables per
 *   word − 1.02 × words per sentence (the version often printed, with sentences per 100 words,
 *   makes more sentences read harder), read as a school grade from his table.
 * - Any other language: not measured (never "meets target").
 * Counts follow counting.ts. Only running text counts: paragraphs and list items, not headings or
 * table cells, which are not sentences.
 */
import { fleschKincaid } from 'flesch-kincaid';
import { smogFormula } from 'smog-formula';
import type { Section } from '../outline/outline.js';
import { walkSections } from '../outline/outline.js';
import { syllableCounter } from './counting.js';
import type { ProseUnit, Sentence } from './prose.js';

export interface Counts {
  sentences: number;
  words: number;
  syllables: number;
  /** Words of three or more syllables (SMOG's "polysyllables"). */
  polysyllables: number;
}

export interface Grades {
  fleschKincaid: number;
  smog: number;
}

/** The formula a handout was graded with; none for a language without one. */
export type Formula = 'Flesch-Kincaid and SMOG' | 'Fernández Huerta';

export type ReadingStatus = 'meets target' | 'over target' | 'not measured';

export interface Level extends Counts {
  /** The school grade compared with the target (English: the higher of FK and SMOG; Spanish: from Fernández Huerta's table). */
  grade?: number;
  fleschKincaid?: number;
  smog?: number;
  /** Fernández Huerta reading ease, 0 (hardest) to 100 (easiest). */
  fernandezHuerta?: number;
}

export interface SectionLevel extends Level {
  title: string;
  level: number;
  line?: number;
}

export interface HardSentence {
  line: number;
  text: string;
  words: number;
  /** Its words of three or more syllables. */
  longWords: string[];
  /** How much higher the handout's grade is with this sentence than without it. */
  raisesGradeBy: number;
}

export interface ReadingLevel extends Level {
  /** False for a language no formula here is made for. */
  measured: boolean;
  formula?: Formula;
  status: ReadingStatus;
  target: number;
  /** Only for a measured handout. */
  meetsTarget?: boolean;
  sections: SectionLevel[];
  /** The sentences that raise the grade most, hardest first (only when over target). */
  hardest: HardSentence[];
}

export const DEFAULT_TARGET_GRADE = 8;

/** A formula: how it counts syllables, and the grade it gives for counts (unrounded). */
interface Grader {
  formula: Formula;
  syllables: (word: string) => number;
  /** Its scores, rounded to one decimal as they are reported. */
  scores: (c: Counts) => Level;
  /** The grade, unrounded where the formula allows it (to rank sentences). */
  exactGrade: (c: Counts) => number;
}

const english: Grader = {
  formula: 'Flesch-Kincaid and SMOG',
  syllables: syllableCounter('en')!,
  scores: (c) => {
    const g = grades(c);
    return { ...c, ...g, grade: Math.max(g.fleschKincaid, g.smog) };
  },
  exactGrade: (c) => {
    const g = exactGrades(c);
    return Math.max(g.fleschKincaid, g.smog);
  },
};

/** Fernández Huerta's table: the lowest score of each band and its school grade ("7.º–8.º" counts as 8). */
const FERNANDEZ_HUERTA_GRADES: [number, number][] = [[90, 4], [80, 5], [70, 6], [60, 8], [50, 12], [30, 14], [-Infinity, 16]];

const spanish: Grader = {
  formula: 'Fernández Huerta',
  syllables: syllableCounter('es')!,
  scores: (c) => {
    const score = fernandezHuerta(c);
    return { ...c, fernandezHuerta: round1(score), grade: c.words ? fernandezHuertaGrade(score) : 0 };
  },
  exactGrade: (c) => (c.words ? fernandezHuertaGrade(fernandezHuerta(c)) : 0),
};

/** Reading ease: 206.84 − 60 × syllables per word − 1.02 × words per sentence. */
export function fernandezHuerta(c: Counts): number {
  if (c.words === 0 || c.sentences === 0) return 0;
  return 206.84 - 60 * (c.syllables / c.words) - 1.02 * (c.words / c.sentences);
}

export function fernandezHuertaGrade(score: number): number {
  return FERNANDEZ_HUERTA_GRADES.find(([min]) => score >= min)![1];
}

function graderFor(lang: string): Grader | undefined {
  if (/^en(-|$)/i.test(lang)) return english;
  if (/^es(-|$)/i.test(lang)) return spanish;
  return undefined;
}

export function countSentence(s: Sentence, syllables: (word: string) => number = english.syllables): Counts & { longWords: string[] } {
  let total = 0;
  const longWords: string[] = [];
  for (const w of s.words) {
    const n = syllables(w);
    total += n;
    if (n >= 3) longWords.push(w);
  }
  return { sentences: 1, words: s.words.length, syllables: total, polysyllables: longWords.length, longWords };
}

export function add(a: Counts, b: Counts): Counts {
  return {
    sentences: a.sentences + b.sentences,
    words: a.words + b.words,
    syllables: a.syllables + b.syllables,
    polysyllables: a.polysyllables + b.polysyllables,
  };
}

const ZERO: Counts = { sentences: 0, words: 0, syllables: 0, polysyllables: 0 };

/** Both English grades, to one decimal as they are reported. */
export function grades(c: Counts): Grades {
  const g = exactGrades(c);
  return { fleschKincaid: round1(g.fleschKincaid), smog: round1(g.smog) };
}

function exactGrades(c: Counts): Grades {
  if (c.sentences === 0 || c.words === 0) return { fleschKincaid: 0, smog: 0 };
  return {
    fleschKincaid: fleschKincaid({ sentence: c.sentences, word: c.words, syllable: c.syllables }),
    smog: smogFormula({ sentence: c.sentences, polysillabicWord: c.polysyllables }),
  };
}

/** The sentences that count for reading level: those in paragraphs and list items. */
export function runningSentences(units: ProseUnit[]): { sentence: Sentence; unit: ProseUnit }[] {
  return units.filter((u) => u.kind === 'paragraph').flatMap((unit) => unit.sentences.map((sentence) => ({ sentence, unit })));
}

export function readingLevel(units: ProseUnit[], sections: Section[], target: number, hardestCount = 5, lang = 'en'): ReadingLevel {
  const grader = graderFor(lang);
  const counted = runningSentences(units).map((x) => ({ ...x, counts: countSentence(x.sentence, grader?.syllables ?? english.syllables) }));
  const total = counted.reduce((sum, x) => add(sum, x.counts), ZERO);
  if (!grader) {
    // Words and sentences are still counted; no grade is given, and so no verdict.
    return { ...total, measured: false, status: 'not measured', target, sections: [], hardest: [] };
  }
  const overall = grader.scores(total);
  const grade = overall.grade ?? 0;

  const sectionLevels: SectionLevel[] = [];
  for (const section of walkSections(sections)) {
    const inside = counted.filter((x) => x.unit.sectionPath.includes(section));
    if (inside.length === 0) continue;
    const c = inside.reduce((sum, x) => add(sum, x.counts), ZERO);
    sectionLevels.push({ title: section.title, level: section.level, line: section.line, ...grader.scores(c) });
  }

  const meetsTarget = grade <= target;
  let hardest: HardSentence[] = [];
  if (!meetsTarget && total.sentences > 1) {
    const all = grader.exactGrade(total);
    hardest = counted
      .map((x) => {
        const raisesGradeBy = round2(all - grader.exactGrade(subtract(total, x.counts)));
        return { line: x.sentence.line, text: x.sentence.text, words: x.counts.words, longWords: x.counts.longWords, raisesGradeBy };
      })
      .filter((h) => h.raisesGradeBy > 0)
      .sort((a, b) => b.raisesGradeBy - a.raisesGradeBy || a.line - b.line)
      .slice(0, hardestCount);
  }
  return { ...overall, grade, measured: true, formula: grader.formula, status: meetsTarget ? 'meets target' : 'over target', target, meetsTarget, sections: sectionLevels, hardest };
}

function subtract(a: Counts, b: Counts): Counts {
  return {
    sentences: a.sentences - b.sentences,
    words: a.words - b.words,
    syllables: a.syllables - b.syllables,
    polysyllables: a.polysyllables - b.polysyllables,
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
