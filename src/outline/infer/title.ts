/**
 * The title: the article's subject, found from what the article keeps talking about. The grammatical
 * subject of the first sentence wins when the article takes it up again ("Calcinosis is …",
 * "A stroke occurs …"); "Types of X …" gives X. Otherwise the noun phrase of the opening paragraph
 * that the whole article repeats most. An acronym reads as what it stands for ("UI" → "urinary incontinence").
 */
import { sentencesOf } from '../sentences.js';
import { nounPhrases, subjectTokens, tokensOf, tokenText, type Token } from './language.js';
import { acronymsIn, escapeRegExp, isKindWord, isLabel, normalWords, occurrences } from './names.js';

/** "If your skin is dry, itchy and red, …": a condition before the sentence's own subject. */
const LEADING_CLAUSE = /^(?:if|when|whenever|although|though|because|while|since|unless|once|si|cuando|aunque|porque|mientras)\b[^,]{0,200},\s*/i;

/**
 * No title is a noun phrase longer than this; a longer one's head-final parts are still tried. Each
 * candidate is counted through the whole text: one sentence of 10 000 words made 10 000 candidates
 * of up to 10 000 words each, and took minutes.
 */
const MAX_TITLE_WORDS = 12;

const PRONOUN_OR_VAGUE = /^(it|this|that|these|those|they|there|he|she|we|you|one|some|many|most|each|people|researchers|scientists)$/i;

export interface TitleChoice {
  title: string;
  why: string;
  from: 'opening sentence' | 'the text';
}

export function inferTitle(paragraphs: string[], lang: string): TitleChoice | undefined {
  const first = paragraphs.find((p) => p.trim());
  if (!first) return undefined;
  const all = paragraphs.join('\n');
  const words = normalWords(all);
  const acronyms = acronymsIn(all);
  const count = (phrase: string[]) => occurrences(words, phrase).length + [...acronyms].filter(([, exp]) => exp.join(' ') === phrase.join(' ')).reduce((n, [a]) => n + occurrences(words, a.split(' ')).length, 0);
  const expand = (phrase: Token[]): string => {
    const text = tokenText(phrase);
    const exp = acronyms.get(normalWords(text).join(' '));
    if (!exp) return text;
    // Write the expansion as the text does.
    const m = new RegExp(exp.map(escape).join('[^\\p{L}\\p{N}]+'), 'iu').exec(all);
    return m ? m[0] : text;
  };

  const sentences = sentencesOf(first, lang);
  const subjectIn = (sentence: string) => mainPhrase(subjectTokens(tokensOf(sentence.replace(LEADING_CLAUSE, ''))));
  const subject = subjectIn(sentences[0] ?? '');
  // A name of one part ("Type 1 is also called …") or an acronym the text never spells out is no title.
  const unexplained = (t: string) => /^[\p{Lu}\p{N}-]{2,}$/u.test(t) && !acronyms.has(normalWords(t).join(' '));
  const partName = (phrase: Token[]) => isKindWord(phrase[0].lower) && (phrase.length <= 2 || isLabel(phrase[1].text));
  if (subject && subject.length <= MAX_TITLE_WORDS && !partName(subject) && !unexplained(expand(subject))) {
    const title = expand(subject);
    if (count(normalWords(title)) >= 2) return { title: capital(title), why: `the subject of the opening sentence, which the article takes up again`, from: 'opening sentence' };
  }
  // "If your skin is dry …, you may have eczema. Eczema is not contagious …": when the opening
  // sentence is about the reader, the next sentence whose subject the article keeps using names it.
  if (!subject) {
    for (const sentence of sentences.slice(1, 3)) {
      const next = subjectIn(sentence);
      if (!next || next.length > MAX_TITLE_WORDS || partName(next) || unexplained(expand(next))) continue;
      const title = expand(next);
      if (count(normalWords(title)) >= 3) return { title: capital(title), why: 'the subject of an opening sentence, which the article takes up again', from: 'opening sentence' };
    }
  }
  // Otherwise: the noun phrase of the opening the article repeats most (longer phrases break ties).
  // A phrase's head-final parts count as candidates too: "classical distal RTA" → "distal RTA", "RTA".
  let best: { text: string; score: number } | undefined;
  const opening3: string[] = paragraphs.filter((p) => p.trim()).slice(0, 3).flatMap((p) => sentencesOf(p, lang).slice(0, 3));
  for (const s of opening3) {
    for (const np of nounPhrases(tokensOf(s))) {
      const whole = trimPhrase(np);
      for (let k = Math.max(0, whole.length - MAX_TITLE_WORDS); k < whole.length; k++) {
        const phrase = whole.slice(k);
        if (PRONOUN_OR_VAGUE.test(phrase[0].text) || phrase.some((t) => isKindWord(t.lower)) || phrase[phrase.length - 1].pos === 'ADJ') continue;
        const text = expand(phrase);
        const n = count(normalWords(text));
        // "a type of symbiosis", "forms of the disease": what the text sorts into kinds is its subject.
        const sorted = occurrences(words, ['of', ...normalWords(text)]).filter((at) => at > 0 && isKindWord(words[at - 1])).length;
        const score = (n + 3 * sorted) * Math.sqrt(normalWords(text).length);
        if (n >= 3 && (!best || score > best.score)) best = { text, score };
      }
    }
  }
  if (best) return { title: capital(best.text), why: 'the noun phrase of the opening paragraphs the article repeats most', from: 'the text' };
  // A short text may name its subject once: the opening sentence's subject still says what it is about.
  if (subject && !partName(subject) && !unexplained(expand(subject))) return { title: capital(expand(subject)), why: 'the subject of the opening sentence', from: 'opening sentence' };
  return undefined;
}

/** The head noun phrase of a subject: "Types of UI in men" → "UI"; "A stroke" → "stroke". */
function mainPhrase(subject: Token[]): Token[] | undefined {
  const phrases = nounPhrases(subject);
  let phrase = phrases[0];
  if (!phrase) return undefined;
  // "Types of X", "The forms of X": the kinds are of X.
  if (phrase.every((t) => isKindWord(t.lower) || t.pos === 'ADJ' || t.pos === 'NUM') && phrases[1]) phrase = phrases[1];
  // "Cushing's syndrome", "Earth's outer shell": the possessor is part of the name, not the subject.
  const end = subject.indexOf(phrase[phrase.length - 1]);
  const owned = phrases.find((p) => subject.indexOf(p[0]) === end + 2);
  if (/^['’]s?$/.test(subject[end + 1]?.text ?? '') && owned) phrase = [...phrase, subject[end + 1], ...owned];
  phrase = trimPhrase(phrase);
  if (!phrase.length || PRONOUN_OR_VAGUE.test(phrase[0].text) || phrase.length > 6) return undefined;
  // The phrase must open the subject (after an article or "Types of"), not sit inside a clause.
  const at = subject.indexOf(phrase[0]);
  const lead = subject.slice(0, at).filter((t) => t.pos !== 'DET');
  if (lead.some((t) => !isKindWord(t.lower) && t.lower !== 'of' && t.pos !== 'ADJ' && t.pos !== 'NUM')) return undefined;
  return phrase;
}

function trimPhrase(np: Token[]): Token[] {
  let out = np;
  while (out.length && (out[0].pos === 'DET' || out[0].pos === 'NUM')) out = out.slice(1);
  return out;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
