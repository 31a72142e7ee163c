/**
 * The counting rules behind every reading-level number, in one place (the README states them):
 * sentences, words and syllables as a careful editor counts them.
 *
 * - Sentences: Unicode's sentence rules (Intl.Segmenter), except that a sentence never ends at an
 *   abbreviation that cannot end one: titles (Dr., Mrs., St., Prof. …), vs., e.g., i.e., cf.,
 *   U.S.-style initials (two or more capital letters each with a dot), and a single capital initial
 *   after a capitalised word ("John F. Kennedy"). Unicode's rules already run on before a lowercase
 *   word, so a genus abbreviation ("Y. pestis") stays inside its sentence.
 * - Words: Unicode word segments with a letter or digit; words joined by a hyphen are one word
 *   ("Niemann-Pick", "x-ray", "COVID-19"); a number is one word, with its separators
 *   ("3.5", "1,000", "9:30").
 * - Syllables (English): the first pronunciation in the CMU Pronouncing Dictionary; the `syllable`
 *   package for words it does not list; a hyphenated word is the sum of its parts; a number in
 *   digits is one syllable (it is read at a glance, not decoded). Abbreviations count as they are
 *   read: a title as its word (Dr. = doctor, 2), letters with dots (U.S., e.g.) and capitals of up
 *   to three letters the dictionary does not list one syllable a letter (W: three).
 * - Syllables (Spanish): one per vowel group, where two strong vowels (a, e, o) or an accented
 *   í/ú beside another vowel are separate syllables (hiatus), and the u of que/qui/gue/gui is silent.
 */
import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { syllable } from 'syllable';
import { segmentsOf, wordSegmentsOf } from '../outline/sentences.js';
import { lookupTable } from '../lookupTable.js';

/** Abbreviations after which a sentence goes on (compared without their final dot, lower case). */
const ABBREVIATIONS = new Set([
  'dr', 'dra', 'mr', 'mrs', 'ms', 'mx', 'prof', 'rev', 'st', 'mt', 'ft', 'sr', 'sra', 'srta', 'ud', 'uds',
  'vs', 'cf', 'e.g', 'i.e', 'approx', 'ca', 'p. ej', 'p.ej',
]);

/** The word before a segment's final dot: "Dr", "e.g", "U.S". */
const LAST_WORD = /(?:^|[\s(["“'‘])((?:\p{L}+\.)*\p{L}+)\.\s*$/u;

/** True when a sentence segment ends at an abbreviation, so the segmenter's break after it is no end. */
export function endsWithAbbreviation(segment: string): boolean {
  const m = LAST_WORD.exec(segment);
  if (!m) return /(?:^|\s)p\.\s*ej\.\s*$/i.test(segment);
  const word = m[1];
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  if (/^(?:\p{Lu}\.)+\p{Lu}$/u.test(word)) return true; // U.S., U.K., D.C.
  if (/^\p{Lu}$/u.test(word)) {
    // A single capital with a dot is an initial after a name ("John F."), not after a word ("vitamin D.").
    const before = segment.slice(0, m.index + m[0].indexOf(word)).trimEnd();
    const previous = /(\S+)$/.exec(before)?.[1] ?? '';
    return previous === '' || /^\p{Lu}/u.test(previous);
  }
  return false;
}

/**
 * Sentences of a text, with their offsets: Unicode's segments, joined again where the break
 * followed an abbreviation.
 */
export function sentenceSpans(text: string, lang: string): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  let open: { text: string; index: number } | undefined;
  for (const s of segmentsOf(text, lang, 'sentence')) {
    if (open) open.text += s.segment;
    else open = { text: s.segment, index: s.index };
    if (!endsWithAbbreviation(open.text)) {
      out.push(open);
      open = undefined;
    }
  }
  if (open) out.push(open);
  return out;
}

/** Characters that join two word segments into one word: hyphens between words, separators inside a number. */
const HYPHEN = /^[-‐‑]$/u;
const NUMBER_SEPARATOR = /^[.,:]$/;

/** Words as a reader counts them (see the rules above). */
export function wordsOf(text: string, lang = 'en'): string[] {
  const out: string[] = [];
  let last: { end: number; word: string } | undefined;
  for (const s of wordSegmentsOf(text, lang)) {
    if (!/[\p{L}\p{N}]/u.test(s.segment)) continue;
    const gap = last && s.index - last.end === 1 ? text[last.end] : undefined;
    const joins = gap !== undefined && (HYPHEN.test(gap) || (NUMBER_SEPARATOR.test(gap) && /\d$/.test(last!.word) && /^\d/.test(s.segment)));
    if (joins && last) {
      last.word += gap + s.segment;
      out[out.length - 1] = last.word;
    } else {
      last = { end: 0, word: s.segment };
      out.push(s.segment);
    }
    last.end = s.index + s.segment.length;
  }
  return out;
}

/** Titles as they are read aloud. */
const SPOKEN_TITLES = lookupTable({ dr: 'doctor', mr: 'mister', mrs: 'missus', ms: 'miz', prof: 'professor', st: 'saint', mt: 'mount', ft: 'fort', vs: 'versus', jr: 'junior', sr: 'senior' });

/** A word read letter by letter: one syllable a letter, W three. */
function spelledOut(word: string): number {
  return [...word.replace(/[^\p{L}]/gu, '')].reduce((n, ch) => n + (/w/i.test(ch) ? 3 : 1), 0);
}

/** Words already counted: a handout repeats its words, and a library its vocabulary (bounded, so memory stays flat). */
const englishCounted = new Map<string, number>();
const MAX_COUNTED = 50_000;

/** Syllables of one English word, by the rules above. */
export function englishSyllables(word: string): number {
  let n = englishCounted.get(word);
  if (n === undefined) {
    n = countEnglishSyllables(word);
    if (englishCounted.size >= MAX_COUNTED) englishCounted.clear();
    englishCounted.set(word, n);
  }
  return n;
}

function countEnglishSyllables(word: string): number {
  if (/^[\d.,:]+$/.test(word)) return 1;
  const title = SPOKEN_TITLES[word.toLowerCase()];
  if (title) return englishSyllables(title);
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return spelledOut(word);
  const parts = word.split(/[-‐‑]/u).filter(Boolean);
  if (parts.length > 1) {
    const whole = fromDictionary(word);
    return whole ?? parts.reduce((n, p) => n + englishSyllables(p), 0);
  }
  const known = fromDictionary(word);
  if (known !== undefined) return known;
  if (/^\p{Lu}{2,3}$/u.test(word)) return spelledOut(word);
  return Math.max(1, syllable(word));
}

/**
 * The CMU dictionary as the one thing counting needs from it, each word's syllables: one string of
 * `word<TAB><count>` lines in sorted order, searched by halves. 135,000 words as one string, not as
 * 135,000 properties of an object the collector walks at every full collection: loading it takes
 * a few milliseconds instead of about 60, and the heap stays small.
 * `npm run compile` writes it to dist/syllables.txt (scripts/syllableTable.mjs); running from source
 * without it, it is made from the dictionary in memory, the same way. Loaded when a check first
 * needs it, not when the command starts (`handout --help` and `outline` never do).
 */
export function syllableTable(dictionary: Record<string, string>): string {
  return Object.keys(dictionary)
    .filter((word) => !word.includes('(')) // "abate(2)": a second pronunciation; counting takes the first
    .sort()
    .map((word) => `${word}\t${String.fromCharCode(48 + stressMarks(dictionary[word]))}`)
    .join('\n');
}

/** ARPAbet marks each vowel with its stress (0, 1, 2): one digit per syllable. */
function stressMarks(pronunciation: string): number {
  return Math.max(1, pronunciation.replace(/[^012]/g, '').length);
}

const TABLE_FILE = new URL('../../dist/syllables.txt', import.meta.url);

/**
 * The table's lines are searched by halves of the text itself: each probe reads the line around
 * a point, so no index of 135,000 line starts is built first (5 ms of every process that checks).
 */
class SyllableTable {
  constructor(private text: string) {}

  get(word: string): number | undefined {
    const { text } = this;
    let lo = 0; // the first character of a line still in play
    let hi = text.length; // one past the last
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = text.lastIndexOf('\n', mid - 1) + 1;
      const newline = text.indexOf('\n', mid);
      const end = newline < 0 ? text.length : newline;
      const here = text.slice(start, end - 2); // each line ends in a tab and one count character
      if (here === word) return text.charCodeAt(end - 1) - 48;
      if (here < word) lo = end + 1;
      else hi = start;
    }
    return undefined;
  }
}

let table: SyllableTable | undefined;

export async function loadPronunciations(): Promise<void> {
  if (table) return;
  let text: string;
  try {
    const bytes = readFileSync(TABLE_FILE);
    text = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8'); // Latin-1: a copy, where UTF-8 decodes
  } catch {
    text = syllableTable((await import('cmu-pronouncing-dictionary')).dictionary);
  }
  table ??= new SyllableTable(text);
}

function fromDictionary(word: string): number | undefined {
  if (!table) throw new Error('the CMU dictionary is not loaded: await loadPronunciations() before counting English syllables');
  const key = word.toLowerCase().replace(/[’‘]/g, "'");
  return table.get(key) ?? (/'s$/.test(key) ? table.get(key.slice(0, -2)) : undefined);
}

const SPANISH_VOWELS = /[aeiouáéíóúüy]+/g;
const STRONG = /[aeoáéó]/;
const ACCENTED_WEAK = /[íú]/;

/** Syllables of one Spanish word, by the rules above. */
export function spanishSyllables(word: string): number {
  if (/^[\d.,:]+$/.test(word)) return 1;
  // Silent u (que, gui), and y before a vowel is a consonant ("ayuda").
  const w = word.toLowerCase().replace(/([qg])u([eiéí])/g, '$1$2').replace(/y(?=[aeiouáéíóúü])/g, 'j');
  let n = 0;
  for (const group of w.match(SPANISH_VOWELS) ?? []) {
    // A "y" left is a vowel on its own ("y"), a glide after a vowel ("muy", "hoy").
    const vowels = group === 'y' ? group : group.replace(/y/g, '');
    if (!vowels) continue;
    n++;
    for (let i = 1; i < vowels.length; i++) {
      const a = vowels[i - 1];
      const b = vowels[i];
      const hiatus = (STRONG.test(a) && STRONG.test(b)) || ACCENTED_WEAK.test(a) || ACCENTED_WEAK.test(b);
      if (hiatus) n++;
    }
  }
  return Math.max(1, n);
}

/** The syllable counter for a document's language; undefined when there is none. */
export function syllableCounter(lang: string): ((word: string) => number) | undefined {
  if (/^en(-|$)/i.test(lang)) return englishSyllables;
  if (/^es(-|$)/i.test(lang)) return spanishSyllables;
  return undefined;
}
