/**
 * Reading level: Flesch-Kincaid grade (what Word shows) and SMOG (the formula most used for
 * health materials), per handout and per section, from the per-formula packages of the
 * words-and-syllables family (`flesch-kincaid`, `smog-formula`, `syllable`). Only running text
 * counts: paragraphs and list items, not headings or table cells, which are not sentences.
 */
import { fleschKincaid } from 'flesch-kincaid';
import { smogFormula } from 'smog-formula';
import { syllable } from 'syllable';
import type { Section } from '../outline/outline.js';
import { walkSections } from '../outline/outline.js';
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

export interface Level extends Counts, Grades {}

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
  /** How much higher the handout's grade is with this sentence than without it (the larger of the two formulas). */
  raisesGradeBy: number;
}

export interface ReadingLevel extends Level {
  /** False for a handout not in English: the formulas and syllable counts are for English. */
  measured: boolean;
  target: number;
  /** The grade compared with the target: the higher of the two formulas, so both must meet it. */
  grade: number;
  meetsTarget: boolean;
  sections: SectionLevel[];
  /** The sentences that raise the grade most, hardest first (only when over target). */
  hardest: HardSentence[];
}

export const DEFAULT_TARGET_GRADE = 8;

/** Syllables of a word; a number written in digits counts as one word of at least one syllable. */
export function syllablesOf(word: string): number {
  return Math.max(1, syllable(word));
}

export function countSentence(s: Sentence): Counts & { longWords: string[] } {
  let syllables = 0;
  const longWords: string[] = [];
  for (const w of s.words) {
    const n = syllablesOf(w);
    syllables += n;
    if (n >= 3) longWords.push(w);
  }
  return { sentences: 1, words: s.words.length, syllables, polysyllables: longWords.length, longWords };
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

/** Both grades, to one decimal as they are reported. */
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

function level(c: Counts): Level {
  return { ...c, ...grades(c) };
}

/** The sentences that count for reading level: those in paragraphs and list items. */
export function runningSentences(units: ProseUnit[]): { sentence: Sentence; unit: ProseUnit }[] {
  return units.filter((u) => u.kind === 'paragraph').flatMap((unit) => unit.sentences.map((sentence) => ({ sentence, unit })));
}

export function readingLevel(units: ProseUnit[], sections: Section[], target: number, hardestCount = 5, english = true): ReadingLevel {
  const counted = runningSentences(units).map((x) => ({ ...x, counts: countSentence(x.sentence) }));
  const total = counted.reduce((sum, x) => add(sum, x.counts), ZERO);
  const overall = level(total);
  const grade = Math.max(overall.fleschKincaid, overall.smog);

  const sectionLevels: SectionLevel[] = [];
  for (const section of walkSections(sections)) {
    const inside = counted.filter((x) => x.unit.sectionPath.includes(section));
    if (inside.length === 0) continue;
    const c = inside.reduce((sum, x) => add(sum, x.counts), ZERO);
    sectionLevels.push({ title: section.title, level: section.level, line: section.line, ...level(c) });
  }

  const meetsTarget = !english || grade <= target;
  let hardest: HardSentence[] = [];
  if (!meetsTarget && total.sentences > 1) {
    const all = exactGrades(total);
    hardest = counted
      .map((x) => {
        const without = exactGrades(subtract(total, x.counts));
        const raisesGradeBy = round2(Math.max(all.fleschKincaid - without.fleschKincaid, all.smog - without.smog));
        return { line: x.sentence.line, text: x.sentence.text, words: x.counts.words, longWords: x.counts.longWords, raisesGradeBy };
      })
      .filter((h) => h.raisesGradeBy > 0)
      .sort((a, b) => b.raisesGradeBy - a.raisesGradeBy || a.line - b.line)
      .slice(0, hardestCount);
  }
  return { ...overall, measured: english, target, grade, meetsTarget, sections: sectionLevels, hardest };
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
