/**
 * Parts named by a paragraph's opening: what a paragraph that takes up one part starts with.
 * Each rule reads the grammatical subject of the opening sentence (see language.ts):
 *  - labelled:  a kind word and a label — "Type II spinal muscular atrophy", "types C1 and C2";
 *  - kind:      modifiers and a kind word — "The congenital muscular type", "In this juvenile form";
 *  - called:    "… is called the late infantile form", "… is called undifferentiated arthritis";
 *  - modifier:  modifiers before the article's subject — "Systemic juvenile idiopathic arthritis";
 *  - acronym:   the subject with more words and an acronym of its own — "Spinal muscular atrophy, lower extremity, dominant (SMA-LED)";
 */
import { nounPhrases, tokensOf, tokenText, subjectTokens, type Token } from './language.js';
import { acronymsIn, isKindWord, isLabel, normalWords, occurrences, singular } from './names.js';
import { partOf, type Part, type Subject } from './parts.js';

export type Rule = 'labelled' | 'kind' | 'called' | 'modifier' | 'acronym';

export interface Opening {
  parts: Part[];
  rule: Rule;
  /** The words that named it, for the explanation. */
  words: string;
  /** The sentence also says what the part is a kind of: a kind word or the subject itself. */
  sorts?: boolean;
}

/** Words that qualify a kind without naming one: "the most common form", "the last type". */
const NOT_A_NAME = new Set(
  'most more less least common main major other another last first second third final same different new rare rarest severe mild milder classic particular specific certain several many some all any each every both this these that those such one two three four five six seven eight nine ten various distinct separate typical usual known related similar affected underlying untreated early overall whole entire small smaller large larger big little good bad poor better worse best worst serious simple normal healthy young old older'.split(' '),
);
const MODIFIER_POS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM', 'X']);

const text = tokenText;

/** "The first stage", "the second stage": after a sentence announced the stages, an ordinal names one. */
const ORDINALS = new Set('first second third fourth fifth sixth seventh eighth ninth tenth'.split(' '));

/** Modifier tokens just before index `end`, without leading words that name nothing. */
function modifiersBefore(tokens: Token[], end: number, ordinals = false): Token[] {
  let start = end;
  // After an announcement, "first", "second", "early" and "late" name stages, whatever the tagger
  // calls them ("The early localized stage", "The late disseminated stage": adverbs to it).
  const names = (t: Token) => ordinals && (ORDINALS.has(t.lower) || t.lower === 'early' || t.lower === 'late');
  const modifies = (t: Token, next: Token | undefined) =>
    !t.aside && (names(t) || MODIFIER_POS.has(t.pos) || (t.pos === 'VERB' && /(ed|ing)$/.test(t.lower)) || (t.pos === 'ADV' && next?.pos === 'ADJ' && !NOT_A_NAME.has(t.lower)));
  while (start > 0 && modifies(tokens[start - 1], tokens[start])) start--;
  let run = tokens.slice(start, end);
  while (run.length && !names(run[0]) && (NOT_A_NAME.has(run[0].lower) || /(est|er)$/.test(run[0].lower) && run[0].pos === 'ADJ' && run.length > 1 && NOT_A_NAME.has(run[1]?.lower))) run = run.slice(1);
  if (run.some((t) => (NOT_A_NAME.has(t.lower) && !names(t)) || isKindWord(t.lower))) return [];
  return run;
}

function labelled(tokens: Token[], subject: Subject): Opening | undefined {
  for (let i = 0; i < tokens.length - 1; i++) {
    const kind = tokens[i].lower;
    if (!isKindWord(kind) || tokens[i].aside || !isLabel(tokens[i + 1].text)) continue;
    const labels: string[] = [];
    let j = i + 1;
    while (j < tokens.length && isLabel(tokens[j].text) && !tokens[j].aside) {
      labels.push(tokens[j].text);
      j++;
      if (tokens[j] && (tokens[j].lower === 'and' || tokens[j].lower === 'or' || tokens[j].text === ',') && tokens[j + 1] && isLabel(tokens[j + 1].text)) j++;
      else break;
    }
    const noun = singular(kind);
    const parts = labels.map((l) => partOf(`${noun} ${l}`, noun));
    // "glycogen storage disease type IV" is the article's own name, not one of its parts.
    const own = parts.filter((p) => !subject.keys.some((k) => occurrences(k, p.keys[0]).length));
    if (own.length) return { parts: own, rule: 'labelled', words: text(tokens.slice(i, j)) };
  }
  // "Hepatitis B spreads through blood": the article's subject and a label ("influenza A", "hepatitis E").
  const heads = new Set(subject.keys.map((k) => k[k.length - 1]));
  for (let i = 0; i < tokens.length - 1; i++) {
    const label = tokens[i + 1];
    if (!heads.has(tokens[i].lower) || label.aside || !/^(?:\d+[a-z]?|[IVX]+[a-d]?|[A-Z]\d?[a-z]?)$/.test(label.text)) continue;
    const name = `${tokens[i].text} ${label.text}`;
    if (subject.keys.some((k) => occurrences(k, normalWords(name)).length)) continue;
    return { parts: [partOf(name)], rule: 'labelled', words: name };
  }
  return undefined;
}

function kindNamed(tokens: Token[], rule: 'kind' | 'called', announced = false): Opening | undefined {
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.aside || !isKindWord(t.lower) || singular(t.lower) !== t.lower || (t.pos !== 'NOUN' && t.pos !== 'PROPN')) continue;
    // A kind word that names is followed by the sentence's verb, "of …" or "with …", or nothing;
    // before a noun, a clause, an adverb or a place it is a verb the tagger missed ("The sulfatides
    // form granules", "Igneous rocks form when melted rock cools", "Cirrus clouds form high in the
    // sky"); "type IV" is a labelled kind (see `labelled`).
    const next = tokens[i + 1];
    const names = !next || next.pos === 'PUNCT' || next.pos === 'VERB' || next.pos === 'AUX' || next.pos === 'CCONJ' || next.pos === 'PRON' || /^(of|with)$/.test(next.lower);
    if (!names || (next && isLabel(next.text))) continue;
    const run = modifiersBefore(tokens, i, announced);
    if (!run.length) continue;
    const name = `${text(run)} ${t.text}`;
    return { parts: [partOf(name, t.lower, [normalWords(text(run))])], rule, words: name };
  }
  return undefined;
}

function modifierNamed(tokens: Token[], subject: Subject, announced = false): Opening | undefined {
  const words = tokens.map((t) => normalWords(t.text)).flat();
  // Index tokens by their first normal word so a key found in words maps back to a token.
  const starts: number[] = [];
  tokens.forEach((t, i) => normalWords(t.text).forEach(() => starts.push(i)));
  // After "Lyme disease moves through three stages", "Early localized disease" names one by the
  // subject's head word alone.
  const keys = announced && subject.head && !subject.keys.some((k) => k.length === 1 && k[0] === subject.head) ? [...subject.keys, [subject.head]] : subject.keys;
  for (const key of keys) {
    for (const at of occurrences(words, key)) {
      const run = modifiersBefore(tokens, starts[at], announced);
      if (!run.length) continue;
      // "Chemical and electrical burns …": kinds named together, about both, not one kind's paragraph.
      const before = tokens[tokens.indexOf(run[0]) - 1];
      if (before && (before.pos === 'CCONJ' || before.text === ',')) continue;
      // "The Doric, the oldest of the Greek orders, …": one of a group, said of something else.
      const prior = tokens[tokens.indexOf(run[0]) - 2];
      if (before?.pos === 'DET' && prior?.lower === 'of' && tokens.slice(0, tokens.indexOf(prior)).some((t) => t.text === ',')) continue;
      const name = text(run);
      // "Juvenile idiopathic arthritis that …" is the subject itself, not a kind of it.
      const whole = [...normalWords(name), ...key].join(' ');
      if (subject.keys.some((k) => k.join(' ') === whole)) continue;
      return { parts: [partOf(name, undefined, [[...normalWords(name), ...key]])], rule: 'modifier', words: `${name} ${key.join(' ')}` };
    }
  }
  return undefined;
}

function acronymNamed(tokens: Token[], subject: Subject, sentence: string): Opening | undefined {
  const defined = acronymsIn(sentence);
  for (const [acronym, expansion] of defined) {
    if (subject.keys.some((k) => k.join(' ') === acronym)) continue;
    const longer = subject.keys.some((k) => occurrences(expansion, k).length && expansion.length > k.length);
    const inSubject = occurrences(normalWords(text(tokens)), acronym.split(' ')).length > 0;
    if (longer && inSubject) {
      const name = text(tokens).trim();
      return { parts: [partOf(name, undefined, [acronym.split(' '), expansion])], rule: 'acronym', words: name };
    }
  }
  return undefined;
}

/**
 * "X is called Y", "…, called Y, …" after a kind ("In another type of symbiosis, called
 * commensalism, …"), "we call this type of symbiosis Y". Not "fats called sulfatides": only the
 * sentence's own verb, or a kind just before, makes Y the name of a part.
 */
function calledNamed(tokens: Token[], subject: Subject): Opening | undefined {
  const at = tokens.findIndex((t, i) => {
    if (t.aside) return false;
    const naming = /^(called|named|termed)$/.test(t.lower) || (t.lower === 'known' && tokens[i + 1]?.lower === 'as');
    if (!naming) return false;
    const before = tokens[i - 1]?.pos === 'ADV' ? tokens[i - 2] : tokens[i - 1];
    if (/^(is|are|was|were)$/.test(before?.lower ?? '')) return true;
    return before?.text === ',' && tokens.slice(Math.max(0, i - 5), i).some((b) => isKindWord(b.lower));
  });
  if (at !== -1) return nameAfter(tokens.slice(at + (tokens[at].lower === 'known' ? 2 : 1)), subject);
  // "we call this type of symbiosis neutralism"
  const call = tokens.findIndex((t, i) => /^call(s|ed)?$/.test(t.lower) && tokens[i + 1]?.pos === 'DET' && isKindWord(tokens[i + 2]?.lower ?? ''));
  if (call === -1) return undefined;
  let j = call + 3;
  if (tokens[j]?.lower === 'of') j += 2;
  return nameAfter(tokens.slice(j), subject);
}

function nameAfter(rest: Token[], subject: Subject): Opening | undefined {
  const end = rest.findIndex((t) => t.pos === 'PUNCT' || t.pos === 'ADP' || t.pos === 'PRON' || t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'CCONJ');
  const phrase = end === -1 ? rest : rest.slice(0, end);
  const byKind = kindNamed(phrase, 'called');
  if (byKind) return byKind;
  const np = phrase.filter((t) => t.pos !== 'DET');
  if (subject.head && np.length > 1 && np[np.length - 1].lower === subject.head) np.pop();
  if (!np.length || np.length > 5 || np.some((t) => NOT_A_NAME.has(t.lower))) return undefined;
  const name = text(np);
  return { parts: [partOf(name, undefined, [[...normalWords(name), ...(subject.head ? [subject.head] : [])]])], rule: 'called', words: name };
}

/**
 * After an announcement, a class named with its acronym at the opening: "Selective serotonin
 * reuptake inhibitors, or SSRIs, are …", "Monoamine oxidase inhibitors (MAOIs) …". The acronym
 * starts as the name does; the name is at most seven words.
 */
function appositiveNamed(sentence: string): Opening | undefined {
  const m = /^((?:[\p{Lu}][\p{L}-]*)(?:\s+(?:and\s+)?[\p{Ll}][\p{L}-]*){0,6})(?:,\s+or\s+|\s+\()(\p{Lu}[\p{Lu}\d-]{1,7})(s?)(?:,|\))/u.exec(sentence.trim());
  if (!m || m[1][0].toLowerCase() !== m[2][0].toLowerCase()) return undefined;
  const name = m[1];
  return { parts: [partOf(name, undefined, [normalWords(name), normalWords(m[2])])], rule: 'acronym', words: `${name} (${m[2]}${m[3]})` };
}


/**
 * "The first kind is the primary source", "The third kind, the tertiary source, …": a kind counted
 * off by its place is named by what follows it. ("The first stage is when …" names no other: its
 * name is its place, and `kindNamed` reads it.)
 */
function ordinalNamed(tokens: Token[], subject: Subject): Opening | undefined {
  let i = tokens[0]?.pos === 'DET' ? 1 : 0;
  if (!ORDINALS.has(tokens[i]?.lower ?? '') || !isKindWord(tokens[i + 1]?.lower ?? '')) return undefined;
  i += 2;
  if (!/^(?:is|was|,)$/.test(tokens[i]?.lower ?? '') || !/^(?:the|a|an)$/.test(tokens[i + 1]?.lower ?? '')) return undefined;
  // What follows must be a kind of the subject itself ("the primary source" in an article on
  // sources), not what happens in it ("The third stage is the delivery of the placenta").
  const rest = tokens.slice(i + 2);
  const end = rest.findIndex((t) => t.pos !== 'ADJ' && t.pos !== 'NOUN' && t.pos !== 'PROPN');
  const head = (end === -1 ? rest : rest.slice(0, end)).pop();
  if (!head || !subject.head || singular(head.lower) !== singular(subject.head)) return undefined;
  const named = nameAfter(rest, subject);
  return named && { ...named, rule: 'kind' };
}

/** The part(s) a sentence opens with, by the first rule that finds one. */
export function openingOf(sentence: string, subject: Subject, announced = false): Opening | undefined {
  const tokens = tokensOf(sentence);
  const subj = subjectTokens(tokens);
  const found =
    ordinalNamed(tokens, subject) ??
    labelled(subj, subject) ??
    kindNamed(subj, 'kind', announced) ??
    acronymNamed(subj, subject, sentence) ??
    modifierNamed(subj, subject, announced) ??
    calledNamed(tokens, subject) ??
    (announced ? appositiveNamed(sentence) : undefined);
  // "… is called symbiosis" in an article about symbiosis names the whole, not a part.
  if (!found || found.parts.every((p) => subject.keys.some((k) => k.join(' ') === p.keys[0].join(' ')))) return undefined;
  const words = normalWords(sentence);
  found.sorts = words.some(isKindWord) || subject.keys.some((k) => occurrences(words, k).length > 0);
  return found;
}

/** Words a sentence's subject can be without naming anything: pronouns, quantities, people. */
const VAGUE_SUBJECT = /^(it|this|that|these|those|they|there|he|she|we|you|i|one|some|many|most|each|all|both|people|patients|doctors|researchers|scientists|anyone|everyone|someone|treatment|symptoms|signs)$/;

/**
 * The noun phrase a paragraph's first sentence is about, as written: "Penicillins", "Plasmodium
 * falciparum"; undefined when the sentence is about "it", "most people", the article's subject
 * itself, or something longer than a name (five words or more).
 */
export function subjectPhrase(sentence: string, subject: Subject): string | undefined {
  const raw = subjectTokens(tokensOf(sentence));
  const subj = raw.filter((t) => !t.aside && t.text !== ',');
  let phrase = nounPhrases(subj)[0] ?? [];
  while (phrase.length && (phrase[0].pos === 'DET' || phrase[0].pos === 'NUM')) phrase = phrase.slice(1);
  // A plural noun ends its phrase: in "Valley glaciers flow down …" the word after it is the verb
  // the tagger took for a noun.
  const plural = phrase.findIndex((t, i) => i < phrase.length - 1 && t.pos === 'NOUN' && /[^s]s$/.test(t.lower) && singular(t.lower) !== t.lower);
  if (plural !== -1) phrase = phrase.slice(0, plural + 1);
  // "Chemical and electrical burns …": kinds named together, about both, not one kind.
  // ("The Neolithic, or New Stone Age, …" gives one kind a second name: ", or" is no "and".)
  const after = subj[subj.indexOf(phrase[phrase.length - 1]) + 1];
  const alias = after?.lower === 'or' && raw[raw.indexOf(after) - 1]?.text === ',';
  if (after?.pos === 'CCONJ' && !alias) return undefined;
  // The phrase opens the sentence: "Penicillins were …", not "In children, penicillin …".
  // Only an article may come before it: "In contrast to …" opens with a phrase, not a subject.
  const at = subj.indexOf(phrase[0]);
  if (!phrase.length || phrase.length > 4 || at > 1 || (at === 1 && subj[0].pos !== 'DET') || phrase.some((t) => VAGUE_SUBJECT.test(t.lower) || NOT_A_NAME.has(t.lower) || isKindWord(t.lower))) return undefined;
  const name = text(phrase);
  const words = normalWords(name);
  if (subject.keys.some((k) => k.join(' ') === words.join(' ')) || (words.length === 1 && words[0] === subject.head)) return undefined;
  return name;
}

/** Rules that read alike: a run of parallel paragraphs opens by one of these families. */
export function family(rule: Rule): string {
  return rule === 'called' ? 'kind' : rule;
}



/**
 * Another kind of the subject a sentence names, that is not one of the parts: "… (transient
 * tyrosinemia)" after types I–III. Undefined when it names none.
 */
export function otherKindIn(sentence: string, subject: Subject, parts: Part[]): string | undefined {
  const tokens = tokensOf(sentence).map((t) => ({ ...t, aside: false }));
  const found = modifierNamed(tokens, subject);
  if (!found) return undefined;
  const name = found.words;
  // "Convenience samples are …" under "Convenience sampling": the part's own modifier, another form of its head.
  const modifier = normalWords(found.parts[0].name);
  return parts.some((p) => p.keys.some((k) => occurrences(normalWords(name), k).length || occurrences(k, modifier).length)) ? undefined : name;
}
