/**
 * The language tool under the inference: wink-nlp's English model (an npm package, nothing loads
 * at run time) tags each word with its part of speech. On top of it, two small readings that every
 * rule uses: the words of a sentence as tokens, and the grammatical subject (what the sentence is about).
 */
import { englishTagger as nlp } from '../english.js';

export interface Token {
  text: string;
  /** Lower case, for comparing. */
  lower: string;
  /** Universal part-of-speech tag: NOUN, PROPN, ADJ, VERB, AUX, DET, ADP, PUNCT, NUM … */
  pos: string;
  /** Inside parentheses ("(also called …)", "(GSD IV)"). */
  aside: boolean;
}

/**
 * One sentence as tokens. Words joined by a hyphen ("Niemann-Pick", "adult-onset", "SMA-LED") are
 * one token: the tagger splits them and often tags the second half as a verb.
 */
const ARTICLES = new Set(['a', 'an', 'the', 'its', 'their', 'your', 'his', 'her', 'our', 'my']);

export function tokensOf(sentence: string): Token[] {
  const doc = nlp().readDoc(sentence);
  const its = nlp().its;
  const texts = doc.tokens().out() as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const out: Token[] = [];
  let depth = 0;
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i];
    if (text.trim() === '') continue;
    const last = out[out.length - 1];
    const joins = last && (text === '-' || last.text.endsWith('-')) && spaces[i] === '' && last.pos !== 'PUNCT';
    if (joins) {
      last.text += text;
      last.lower = last.text.toLowerCase();
      if (text !== '-') last.pos = tags[i] === 'NOUN' || tags[i] === 'PROPN' ? tags[i] : 'ADJ';
      continue;
    }
    if (text === ')') depth = Math.max(0, depth - 1);
    // No verb follows an article or a possessive: "a transform boundary", "the lead author"; nor
    // sits between an adjective and a colon: "Digital-only card: for people who …" is a label.
    // Nor between an adjective and a verb: in "Accident-only cover pays …" the verb is "pays".
    const labelNoun = tags[i] === 'VERB' && last?.pos === 'ADJ' && (texts[i + 1] === ':' || (tags[i + 1] === 'VERB' && !/(?:ed|ing)$/i.test(text)));
    // Nor a preposition or a conjunction set off by a comma: "The as, struck in copper, …" names a coin.
    const afterArticle = last && ARTICLES.has(last.lower);
    const littleName = afterArticle && ['ADP', 'SCONJ', 'CCONJ'].includes(tags[i]) && texts[i + 1] === ',';
    const pos = tags[i] === 'VERB' && afterArticle ? (tags[i + 1] === 'NOUN' || tags[i + 1] === 'PROPN' ? 'ADJ' : 'NOUN') : littleName || labelNoun ? 'NOUN' : tags[i];
    out.push({ text, lower: text.toLowerCase(), pos, aside: depth > 0 || text === ')' });
    if (text === '(') {
      out[out.length - 1].aside = true;
      depth++;
    }
  }
  return out;
}

/** Verbs the tagger sometimes reads as nouns ("arthritis causes inflammation"). */
const VERB_WORDS = new Set(['causes', 'affects', 'involves', 'occurs', 'develops', 'results', 'leads', 'appears', 'begins', 'accounts', 'arises', 'refers', 'presents', 'includes', 'means', 'starts', 'happens', 'tends']);
const NAMING = new Set(['DET', 'ADJ', 'ADP', 'NUM']);

/** Is the token at i the main verb that ends the subject? */
function endsSubject(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (i === 0 || t.aside) return false;
  if (t.pos === 'AUX') return true;
  if (t.pos === 'VERB') {
    // "isolated growth hormone", "inherited disorder": a participle before a noun names, it does not tell.
    const next = tokens[i + 1];
    return !(/(ed|ing)$/.test(t.lower) && next && (next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ'));
  }
  if (VERB_WORDS.has(t.lower) && !NAMING.has(tokens[i - 1].pos)) return true;
  // "Hepatitis A virus (HAV) spreads through …": a noun-tagged -s word after a name and before a
  // preposition or article is the verb the tagger missed.
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (t.pos === 'NOUN' && /[^siu]s$/.test(t.lower) && (prev.pos === 'PROPN' || prev.pos === 'NOUN' || prev.pos === 'NUM' || prev.text === ')') && !!next && (next.pos === 'ADP' || next.pos === 'DET')) return true;
  // "Valley glaciers flow down …", "Piedmont glaciers spread out into …": after a plural noun, a
  // bare noun before a preposition, particle or article is the verb (a compound ends in its plural).
  return t.pos === 'NOUN' && !/s$/.test(t.lower) && prev.pos === 'NOUN' && /[^su]s$/.test(prev.lower) && !!next && ['ADP', 'DET', 'PART', 'ADV'].includes(next.pos);
}

/** The tokens before the main verb: "Infants with Niemann-Pick disease type A usually develop …" → "Infants … type A". */
export function subjectTokens(tokens: Token[]): Token[] {
  const end = tokens.findIndex((_, i) => endsSubject(tokens, i));
  const subject = end === -1 ? tokens : tokens.slice(0, end);
  // A trailing adverb ("usually", "also") belongs to the verb.
  while (subject.length && (subject[subject.length - 1].pos === 'ADV' || subject[subject.length - 1].pos === 'PUNCT') && !subject[subject.length - 1].aside) subject.pop();
  return subject;
}

/** The words after the main verb. */
export function predicateTokens(tokens: Token[]): Token[] {
  const end = tokens.findIndex((_, i) => endsSubject(tokens, i));
  return end === -1 ? [] : tokens.slice(end);
}

const NOUNISH = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'X']);

/** Tokens as the text wrote them: spaces between words, none before "," ";" ":" "." ")" or "'s", none after "(". */
export function tokenText(tokens: { text: string }[]): string {
  return tokens.map((t) => t.text).join(' ').replace(/\s+([,;:.)]|['’]s?(?=\s|$))/g, '$1').replace(/\(\s+/g, '(');
}

const NAMING_POS = new Set(['NOUN', 'PROPN', 'ADJ']);

/** The run of nouns, names and adjectives a piece of text starts with ('start') or ends with ('end'). */
export function nounRun(text: string, at: 'start' | 'end'): string {
  const tokens = tokensOf(text);
  if (at === 'start') {
    let k = 0;
    while (k < tokens.length && NAMING_POS.has(tokens[k].pos)) k++;
    return tokenText(tokens.slice(0, k));
  }
  let k = tokens.length;
  while (k > 0 && NAMING_POS.has(tokens[k - 1].pos)) k--;
  return tokenText(tokens.slice(k));
}

/**
 * Noun phrases as runs of adjectives, nouns and names, outside parentheses: "hard calcium
 * deposits", "Glycogen storage disease type IV". A run must end in a noun or a name.
 */
export function nounPhrases(tokens: Token[]): Token[][] {
  const out: Token[][] = [];
  let run: Token[] = [];
  const flush = () => {
    while (run.length && run[run.length - 1].pos === 'ADJ') run.pop();
    if (run.length) out.push(run);
    run = [];
  };
  for (const t of tokens) {
    const participle = t.pos === 'VERB' && /(ed)$/.test(t.lower) && run.length === 0;
    if (!t.aside && (NOUNISH.has(t.pos) || participle) && /[\p{L}\p{N}]/u.test(t.text)) run.push(t);
    else flush();
  }
  flush();
  return out;
}
