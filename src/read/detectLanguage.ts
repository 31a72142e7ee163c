/**
 * The language of a source that does not say: franc's trigram model (franc-min), asked only about
 * the languages handouts are written in, on enough text to tell them apart. A Spanish article
 * without `lang:` is then hyphenated, labelled, measured and checked as Spanish, not as English.
 * Below a couple of sentences the model is not asked, and the source stays English, the default.
 */
import { francAll } from 'franc-min';
import { lookupTable } from '../lookupTable.js';

/** ISO 639-3 (franc) → the BCP 47 tag handout writes: the languages most handouts are written in. */
const TAGS = lookupTable({ eng: 'en', spa: 'es', fra: 'fr', deu: 'de', ita: 'it', por: 'pt', nld: 'nl' });
/**
 * Other languages franc-min tells apart: asked only about the first seven, Swedish was read as Dutch,
 * hyphenated with Dutch patterns and announced to screen readers as Dutch. (Windows of 260 to 700
 * characters of 238 labelled articles in the first seven languages are read as before.)
 */
const OTHER_TAGS = lookupTable({
  swe: 'sv', pol: 'pl', ces: 'cs', hun: 'hu', ron: 'ro', hrv: 'hr', bos: 'bs', srp: 'sr', tur: 'tr', ind: 'id', vie: 'vi', tgl: 'tl',
  swh: 'sw', som: 'so', hau: 'ha', yor: 'yo', ibo: 'ig', zul: 'zu', rus: 'ru', ukr: 'uk', bel: 'be', bul: 'bg', arb: 'ar', urd: 'ur',
  pes: 'fa', hin: 'hi', mar: 'mr', npi: 'ne', cmn: 'zh', jpn: 'ja', kor: 'ko', ell: 'el', heb: 'he', tha: 'th', ben: 'bn', tam: 'ta', tel: 'te',
});
const ONLY = [...Object.keys(TAGS), ...Object.keys(OTHER_TAGS)];
/** The commonest English words: a fifth or more of any English text, a few hundredths of a Polish or Portuguese one. */
const ENGLISH_LITTLE_WORDS = new Set('the and of to a in is are was were be it you your for on with as at by this that from or not have has will can'.split(' '));
/** Letters needed before the model is asked; below that, trigram counts say little. */
const MIN_LETTERS = 200;

export function detectLanguage(text: string): string | undefined {
  // Links, addresses and markup are not the language of the text.
  const prose = text.slice(0, 4000).replace(/https?:\/\/\S+|<[^>]*>|[`*_#>|[\]()-]/g, ' ');
  if ((prose.match(/\p{L}/gu) ?? []).length < MIN_LETTERS) return undefined;
  const scores = francAll(prose, { only: ONLY });
  const best = scores[0]?.[0];
  if (!best) return undefined;
  if (TAGS[best]) return TAGS[best];
  // English with many foreign names ("Monday: Zbigniew Wójcik and Agnieszka Kowalczyk") can look like
  // another language to trigrams; its little words say it is English.
  const words = prose.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.filter((w) => ENGLISH_LITTLE_WORDS.has(w)).length >= 0.08 * words.length ? 'en' : OTHER_TAGS[best];
}
