/** A part the text enumerates, and where a text mentions parts. */
import { normalWords, occurrences, singular } from './names.js';

export interface Part {
  /** As the text writes it, for the heading: "type A", "late infantile form", "dystrophic". */
  name: string;
  /** Word sequences that mention it (normalised, see names.ts); the first is the name's own. */
  keys: string[][];
  /** What the parts are, when the text says so: "type", "form". */
  kind?: string;
}

/** What the article is about, as words to recognise: its title and the title's aliases. */
export interface Subject {
  title: string;
  keys: string[][];
  /** The title's last word, the noun a part's name often ends in ("arthritis", "calcinosis"). */
  head?: string;
}

export function partOf(name: string, kind?: string, aliases: string[][] = []): Part {
  const own = normalWords(name);
  const keys = [own, ...aliases].filter((k) => k.length);
  return { name, keys, kind: kind && singular(kind) };
}

/**
 * The parts a stretch of text mentions, in order of first mention. A mention inside a longer
 * mention of another part does not count: "non-small cell lung cancer" is not "small cell lung cancer".
 */
export function mentionedParts(text: string | string[], parts: Part[]): Part[] {
  const words = typeof text === 'string' ? normalWords(text) : text;
  const hits: { part: Part; start: number; end: number }[] = [];
  for (const part of parts) {
    for (const key of part.keys) {
      for (const start of occurrences(words, key)) {
        // A name that is also a little word ("the as", a Roman coin) is the name only after an article or a number.
        if (key.length === 1 && LITTLE_WORDS.has(key[0]) && !/^(?:the|a|an|each|every|one|\d+)$/.test(words[start - 1] ?? '')) continue;
        hits.push({ part, start, end: start + key.length });
      }
    }
  }
  const kept = hits.filter((h) => !hits.some((o) => o.part !== h.part && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start));
  kept.sort((a, b) => a.start - b.start);
  return [...new Set(kept.map((h) => h.part))];
}

/** Words that are prepositions or conjunctions wherever else they stand. */
export const LITTLE_WORDS = new Set(['as', 'so', 'if', 'or', 'and', 'but', 'for', 'at', 'by', 'in', 'on', 'to', 'of', 'up', 'out', 'off']);

/** Does the text mention the article's subject itself (its title or an alias)? */
export function mentionsSubject(words: string[], subject: Subject): boolean {
  return subject.keys.some((k) => occurrences(words, k).length > 0);
}
