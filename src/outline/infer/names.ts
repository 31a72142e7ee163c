/**
 * Names and aliases: how one part is recognised however the text writes it. Text and names are
 * compared as word sequences after normalising: lower case, punctuation dropped ("non-small" →
 * "non small"), Roman numerals after a kind word read as numbers ("type IA" = "type 1a",
 * "type II" = "type 2"), and a plural kind before several labels spread out ("types C1 and C2" →
 * "type c1 … type c2"). Acronyms are aliases of what they stand for ("SCLC" = "small cell lung cancer").
 */

import { lookupTable } from '../../lookupTable.js';

/** Words that name what the parts are. */
export const KIND_WORDS = ['type', 'form', 'kind', 'class', 'category', 'variety', 'subtype', 'stage', 'phase', 'grade'];
const KIND = new Set(KIND_WORDS.flatMap((k) => [k, plural(k)]));

/**
 * Nouns that number a place in a sequence ("Step 2 – …", "Week 3: …") and never a kind of
 * anything: the outline's runs of parts and the at-a-glance table's runs of headings both read it.
 */
export const STEP_NOUNS = 'step|part|chapter|section|unit|lesson|module|week|day|month|session|question|activity|task|topic|round';
export const STEP_NOUN = new RegExp(`^(?:${STEP_NOUNS})$`, 'i');

export function plural(kind: string): string {
  return /[^aeiou]y$/.test(kind) ? kind.slice(0, -1) + 'ies' : /(?:s|sh|ch|x|z)$/.test(kind) ? kind + 'es' : kind + 's';
}

export function singular(word: string): string {
  const w = word.toLowerCase();
  if (w.endsWith('ies')) return w.slice(0, -3) + 'y';
  // "classes", "viruses", "rashes" (not "causes": the "e" there is the word's own).
  if (/(ss|sh|ch|x|z|[^a]us)es$/.test(w)) return w.slice(0, -2);
  return w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

export function isKindWord(word: string): boolean {
  return KIND.has(word.toLowerCase());
}

const ROMAN = lookupTable({ i: 1, v: 5, x: 10 });

/** "iv" → 4, "ia" → "1a"; undefined when the word is no Roman numeral. */
export function romanToArabic(word: string): string | undefined {
  const m = /^(x{0,3}(?:ix|iv|v?i{0,3}))([a-d]?)$/.exec(word.toLowerCase());
  if (!m || !m[1]) return undefined;
  let n = 0;
  for (let i = 0; i < m[1].length; i++) {
    const v = ROMAN[m[1][i]] ?? 0;
    const next = ROMAN[m[1][i + 1]] ?? 0;
    n += v < next ? -v : v;
  }
  return `${n}${m[2]}`;
}

/** A label after a kind word: a number, a Roman numeral, a letter or a short code ("C1", "IA", "2B"). */
export function isLabel(word: string): boolean {
  return /^(\d+[a-z]?|[ivx]+[a-d]?|[a-z]\d?|[a-z]\d[a-z]?)$/i.test(word) && word.length <= 4;
}

const CONNECTORS = new Set(['and', 'or', 'to']);

/** A text or a name as the words it is compared by. */
export function normalWords(text: string): string[] {
  const raw = text.toLowerCase().replace(/[’']s\b/g, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const w = raw[i];
    const kind = KIND.has(w) ? singular(w) : undefined;
    if (!kind || !raw[i + 1] || !isLabel(raw[i + 1])) {
      out.push(w);
      continue;
    }
    // "types ia, ib and ii" → "type 1a type 1b type 2"
    let j = i + 1;
    while (j < raw.length && isLabel(raw[j])) {
      out.push(kind, romanToArabic(raw[j]) ?? raw[j]);
      j++;
      if (CONNECTORS.has(raw[j]) && raw[j + 1] && isLabel(raw[j + 1])) j++;
      else if (w === kind) break;
    }
    i = j - 1;
  }
  return out;
}

/** Where `key` occurs as whole words in `words`: start indexes. */
export function occurrences(words: string[], key: string[]): number[] {
  const out: number[] = [];
  if (!key.length) return out;
  for (let i = 0; i + key.length <= words.length; i++) {
    // The last word in either number: a part "ACE inhibitors" is "an ACE inhibitor", a subject "plate boundaries" is "a plate boundary".
    if (key.every((k, j) => words[i + j] === k || (j === key.length - 1 && (words[i + j] === plural(k) || (k.endsWith('s') && words[i + j] === singular(k)))))) out.push(i);
  }
  return out;
}

/**
 * Acronyms defined in the text, "small cell lung cancer (SCLC)" → "sclc": "small cell lung cancer".
 * The capitals of the acronym's first word must be the initials of the words just before the
 * parenthesis ("Spinal muscular atrophy, lower extremity, dominant (SMA-LED)" counts too).
 */
export function acronymsIn(text: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [words, acronym] of acronymDefinitions(text)) {
    const letters = acronym.split(' ')[0].replace(/[^\p{Lu}]/gu, '').toLowerCase();
    if (letters.length < 2) continue;
    const before = normalWords(words);
    for (let k = before.length - letters.length; k >= Math.max(0, before.length - letters.length - 3); k--) {
      if (before.slice(k, k + letters.length).map((w) => w[0]).join('') === letters) {
        found.set(normalWords(acronym).join(' '), before.slice(k));
        break;
      }
    }
  }
  return found;
}

const ACRONYM = '([\\p{Lu}][\\p{L}\\p{N}-]{0,11}(?: [\\p{Lu}\\p{N}]{1,4})?)';
const ACRONYM_IN_PARENS = new RegExp(`\\(${ACRONYM}\\)`, 'gu');
/** Up to 200 characters with no parenthesis, then the acronym in parentheses. */
export const DEFINED_ACRONYM = new RegExp(`([^()]{1,200}?)\\s*\\(${ACRONYM}\\)`, 'u');

/**
 * Each match of DEFINED_ACRONYM in the text, as a search of the whole text finds them: the words
 * before and the acronym. Each is searched from its parenthesis back, in the stretch the words
 * can come from (after the last parenthesis, at most 200 characters before the spaces); searched
 * from the start of the text, the lazy 200 was tried at every character (20 ms of a 10 KB article).
 */
export function acronymDefinitions(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const paren of text.matchAll(ACRONYM_IN_PARENS)) {
    const open = paren.index;
    let spaces = open;
    while (spaces > 0 && /\s/.test(text[spaces - 1])) spaces--;
    const afterParenthesis = Math.max(text.lastIndexOf('(', open - 1), text.lastIndexOf(')', open - 1)) + 1;
    // 200 characters are at most 400 UTF-16 units.
    const m = DEFINED_ACRONYM.exec(text.slice(Math.max(afterParenthesis, spaces - 400), open + paren[0].length));
    if (m) out.push([m[1], m[2]]);
  }
  return out;
}

/** A name as a regular expression that matches it literally. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Words that end a phrasal verb, never a noun a heading is named for: "Pinching out", "Setting up". */
export const PARTICLES: ReadonlySet<string> = new Set(['out', 'up', 'off', 'down', 'away', 'through', 'around', 'along']);
