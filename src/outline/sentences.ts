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
  for (const { segment } of segmenter(lang, 'sentence').segment(text)) {
    const s = segment.trim();
    if (s) out.push(s);
  }
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
