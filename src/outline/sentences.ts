/** Sentences and the opening words of a sentence, by the Unicode rules (Intl.Segmenter), not by dots. */

const segmenters = new Map<string, Intl.Segmenter>();

/** Segmenters are costly to create and safe to share: one per language and granularity. */
export function segmenter(lang: string | undefined, granularity: 'grapheme' | 'word' | 'sentence'): Intl.Segmenter {
  const key = `${lang ?? ''}/${granularity}`;
  let s = segmenters.get(key);
  if (!s) segmenters.set(key, (s = new Intl.Segmenter(lang, { granularity })));
  return s;
}

export function sentencesOf(text: string, lang = 'en'): string[] {
  const out: string[] = [];
  for (const piece of pieces(text)) {
    for (const { segment } of segmenter(lang, 'sentence').segment(piece)) {
      const s = segment.trim();
      if (s) out.push(s);
    }
  }
  return out;
}

/**
 * V8's segmenter takes time quadratic in the length of the string it walks (minutes for a
 * paragraph of a few hundred thousand characters): a long text is walked in pieces of about
 * `size` characters, each cut after a sentence's end (else at a space, else anywhere).
 */
function pieces(text: string, size = 2000): string[] {
  const out: string[] = [];
  let start = 0;
  while (text.length - start > size * 2) {
    const window = text.slice(start + size, start + size * 2);
    const cut = /[.!?。！？]\s+/.exec(window) ?? /\s+/.exec(window);
    const end = start + size + (cut ? cut.index + cut[0].length : size);
    out.push(text.slice(start, end));
    start = end;
  }
  out.push(text.slice(start));
  return out;
}

/**
 * Verbs that end the grammatical subject of a typical health-article sentence
 * ("Calcinosis is …", "A stroke occurs …", "Infants with X type A usually develop …").
 */
const MAIN_VERB = /\b(is|are|was|were|has|have|had|can|may|might|will|would|should|must|does|do|refers|refer|involves|involve|occurs|occur|causes|cause|affects|affect|develops|develop|presents|present|results|result|means|mean|usually|often|typically|tends|tend|arises|arise|happens|happen|includes|include|consists|describes|appears|appear|becomes|become|begins|begin|leads|lead|starts|start)\b/i;

/** The words before the main verb of a sentence: what the sentence is about. */
export function subjectOf(sentence: string): string {
  const m = MAIN_VERB.exec(sentence);
  return (m ? sentence.slice(0, m.index) : sentence).replace(/[,;:]\s*$/, '').trim();
}

/**
 * Segments of a text of any length, with indexes into the whole text. V8's segmenter takes time
 * quadratic in the length of the string it walks, so a long text is walked in pieces cut at
 * sentence ends (or spaces).
 */
export function* segmentsOf(text: string, lang: string | undefined, granularity: 'word' | 'sentence'): Generator<{ segment: string; index: number; isWordLike?: boolean }> {
  let offset = 0;
  for (const piece of pieces(text)) {
    for (const s of segmenter(lang, granularity).segment(piece)) yield { segment: s.segment, index: offset + s.index, isWordLike: s.isWordLike };
    offset += piece.length;
  }
}

/** A word of a text and where it starts. */
export interface WordSegment {
  segment: string;
  index: number;
}

/**
 * Letters, digits, spaces and punctuation of English and Western European prose: text made only
 * of these has its words found by `plainLatinWords`, which gives what Intl.Segmenter gives
 * (tested against it) about twenty times as fast. Anything else (other scripts, combining marks,
 * soft hyphens, emoji) goes to the segmenter.
 */
const PLAIN_LATIN = /^[\t\n\r\x20-\x7e\u00a0\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2026]*$/;
const LETTER = 'A-Za-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u00ff';
/**
 * Unicode's word rules (UAX #29) for that alphabet: letters, digits and underscores run together
 * (WB5, WB8-10, WB13a-b); a letter, then ":", ".", an apostrophe, then a letter (WB6-7: "e.g",
 * "don’t"); a digit, then ",", ";", ".", an apostrophe, then a digit (WB11-12: "1,000").
 */
const PLAIN_LATIN_WORD = new RegExp(
  `[${LETTER}0-9_]+(?:(?:(?<=[${LETTER}])[:.'\\u2018\\u2019](?=[${LETTER}])|(?<=[0-9])[,;.'\\u2018\\u2019](?=[0-9]))[${LETTER}0-9_]+)*`,
  'g',
);

function plainLatinWords(text: string): WordSegment[] {
  const out: WordSegment[] = [];
  for (const m of text.matchAll(PLAIN_LATIN_WORD)) {
    // A lone underscore is not word-like to ICU; two or more are.
    if (m[0] === '_') continue;
    out.push({ segment: m[0], index: m.index });
  }
  return out;
}

/** The word-like segments of a text, by Unicode's word rules, with their offsets. */
export function wordSegmentsOf(text: string, lang: string | undefined): WordSegment[] {
  if (PLAIN_LATIN.test(text)) return plainLatinWords(text);
  const out: WordSegment[] = [];
  for (const s of segmentsOf(text, lang, 'word')) if (s.isWordLike) out.push({ segment: s.segment, index: s.index });
  return out;
}
