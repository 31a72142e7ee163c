/**
 * How much a statement says that is particular to its part: the part's key fact is the statement
 * whose words its sibling parts do not use. It needs no word lists, so it works in any language
 * (only "this form" below is English): a word weighs more the fewer parts use it (rare among
 * siblings) and the fewer paragraphs of the whole handout use it (so "the", "with" and the
 * subject's own name weigh almost nothing).
 */
import type { Statement } from './statements.js';

export interface WordCounts {
  /** In how many parts each word occurs. */
  parts: Map<string, number>;
  partCount: number;
  /** In how many blocks of the handout each word occurs. */
  blocks: Map<string, number>;
  blockCount: number;
}

/** Counts from each part's words and each block's words of the whole handout. */
export function countWords(partWords: string[][], blockWords: string[][]): WordCounts {
  const tally = (groups: string[][]) => {
    const m = new Map<string, number>();
    for (const g of groups) for (const w of new Set(g.map(stem))) m.set(w, (m.get(w) ?? 0) + 1);
    return m;
  };
  return { parts: tally(partWords), partCount: partWords.length, blocks: tally(blockWords), blockCount: Math.max(1, blockWords.length) };
}

/** A crude stem that any language survives: plural and possessive endings are not a new word. */
function stem(word: string): string {
  return word.length > 4 ? word.replace(/('s|’s|s)$/u, '') : word;
}

/**
 * The weight of one word for one part: rare among the parts times rare in the handout. Words of
 * the row's own name are left out: the row already says them.
 */
function weight(w: string, counts: WordCounts, nameWords: Set<string>): number {
  if (nameWords.has(w) || w.length < 2) return 0;
  const inParts = counts.parts.get(w) ?? 1;
  const inBlocks = counts.blocks.get(w) ?? 1;
  return Math.log((counts.partCount + 1) / inParts) * Math.log(1 + counts.blockCount / inBlocks);
}

/** Between a sum (the longest statement wins) and a mean (the shortest wins): a short pointed statement. */
const LENGTH_EXPONENT = 0.65;

/** How much more a statement that names its part counts. */
const ABOUT_THE_PART = 2.5;

/** "This form", "these types": how a text names the part it is speaking of. */
const THIS_PART = /\b(this|these)\s+(form|type|kind|class|stage|variety|subtype|category)s?\b/i;

/**
 * Distinct words' weights, per power of the statement's length (a short pointed statement
 * wins), and more for a statement about the part itself: one that names it ("Type IA is …",
 * "Children with this type …") rather than a side detail ("Affected infants may also …").
 */
export function distinctiveness(statement: Statement, counts: WordCounts, name: string[]): number {
  const nameWords = new Set(name.map(stem));
  const stems = new Set(statement.words.map(stem));
  let total = 0;
  for (const w of stems) total += weight(w, counts, nameWords);
  const ownName = [...nameWords].some((w) => stems.has(w) && (counts.parts.get(w) ?? 0) < counts.partCount);
  const about = ownName || THIS_PART.test(statement.text) ? ABOUT_THE_PART : 1;
  // The row's own name costs nothing: a statement that spells the part out is not longer for it.
  const length = statement.words.filter((w) => !nameWords.has(stem(w))).length;
  return (about * total) / Math.max(6, length) ** LENGTH_EXPONENT;
}
