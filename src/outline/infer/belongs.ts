/**
 * Which paragraphs belong to a part. A paragraph that opens by naming one part starts (or goes on
 * with) that part; one that names none continues the part before it — except after the last part,
 * where a paragraph about the subject as a whole is general: it is not filed under the last part.
 */
import { normalWords, occurrences, singular } from './names.js';
import { mentionedParts, mentionsSubject, type Part, type Subject } from './parts.js';

/** "Any type of …", "all forms", "both types", "regardless of type": about every part at once. */
const WHOLE = /\b(any|all|every|each|both|either)\s+(?:\w+\s+)?(types?|forms?|kinds?|class(?:es)?|stages?|phases?|grades?|subtypes?|categor(?:y|ies)|variet(?:y|ies)|cases?|of these)\b|\bregardless of\b|^both\b/i;
/** "Another condition …", "Other causes …": a new topic, not more about the last part. */
const NEW_TOPIC = /^(another|other|unlike|besides|apart from|in addition to)\b/i;
/** Topics of a whole condition: a paragraph opening on one of them, and not on a part, is general. */
export const TOPICS: { heading: string; stems: RegExp }[] = [
  // Screening, not a screen ("set your screen at eye level").
  { heading: 'Diagnosis', stems: /\b(diagnos\w*|test(s|ing)?|screen(?:ing|ed|s? for)|detect\w*)\b/i },
  { heading: 'Treatment', stems: /\b(treat\w*|therap\w*|medication\w*|antibiotic\w*|surgery|cure\w*|management)\b/i },
  { heading: 'Prevention', stems: /\b(prevent\w*|vaccin\w*|immuni[sz]\w*)\b/i },
  // Not "research": "research databases" is no outlook, and research into treatment is found as treatment.
  { heading: 'Outlook', stems: /\b(outlook|prognos\w*|life expectancy|surviv\w*)\b/i },
];
/** "This form …", "these cases", "people with this type": the paragraph refers back to the part. */
const BACK_REFERENCE = /\b(this|these|that|such|the same)\s+(?:\w+\s+)?(types?|forms?|kinds?|class|stage|phase|variety|cases?|patients?|condition)\b/i;

export interface OpeningSentence {
  /** The subject of the opening sentence, as words. */
  subjectWords: string[];
  sentence: string;
}

/** What a paragraph after the last part is compared with, when a part needs a link to go on. */
export interface LastPart {
  name: string;
  /** Its paragraphs so far, and each other part's, as text. */
  text: string;
  others: string[];
  /** The paragraph before ends with a colon: this one is what it introduced. */
  introduced: boolean;
}

const ANAPHOR = /^(it|its|they|their|them|this|these|those|such|he|she|affected|the affected|in (this|these|such))\b/i;
const STOP = new Set('about after again against also although among another because been before being between both cannot could does doing during each either every from further have having however into itself more most much other others over same should since some such than that their them then there these they this those through under until very were what when where which while whom with within would your people'.split(' '));

/** Content words (five letters or more, not function words), as a set. */
export function contentWords(text: string): Set<string> {
  return new Set(normalWords(text).filter((w) => w.length >= 5 && !STOP.has(w) && !/^\d/.test(w)).map((w) => w.replace(/(es|s)$/, '')));
}

/**
 * Does a paragraph with no part of its own go on with the last part? It does when it refers back
 * (a pronoun, "this form"), was introduced by a colon, or shares more words with the last part
 * than with any other part (at least three).
 */
export function linkedToLast(opening: OpeningSentence, paragraph: string, last: LastPart): boolean {
  if (last.introduced || ANAPHOR.test(opening.sentence) || BACK_REFERENCE.test(opening.sentence)) return true;
  const words = contentWords(paragraph);
  const shared = (text: string) => [...contentWords(text)].filter((w) => words.has(w)).length;
  const withLast = shared(last.text);
  return withLast >= 3 && last.others.every((o) => shared(o) < withLast);
}

/** Why a paragraph is about the subject as a whole; `turns` when it is a turn of the text itself (diagnosis, "any type", "another …"). */
export interface GeneralReason {
  why: string;
  turns: boolean;
  /** It speaks of every part at once ("any type of …"). */
  every?: boolean;
}

/** An example given: what it names is not what the sentence is about. */
const EXAMPLE = /\b(?:for example|for instance|such as|e\.g\.)/i;

/** The noun a name is about: its last word before a preposition ("safety signs at work" → "signs"). */
function headNoun(words: string[]): string | undefined {
  const cut = words.findIndex((w, i) => i > 0 && /^(?:at|in|for|of|on|with|after|during|from|to|and)$/.test(w));
  return (cut > 0 ? words.slice(0, cut) : words).at(-1);
}

/**
 * Why a paragraph after the last part is about the subject as a whole, or undefined when it goes
 * on with the part. `otherKind`: another kind of the subject its opening names; `link`: for parts
 * opened by paragraphs, the last part, which a paragraph must refer back to in order to go on with it.
 */
export function generalReason(opening: OpeningSentence, parts: Part[], subject: Subject, otherKind?: string, link?: { paragraph: string; last: LastPart }): GeneralReason | undefined {
  const named = mentionedParts(opening.subjectWords, parts);
  const turn = (why: string) => ({ why, turns: true });
  if (parts.length >= 2 && named.length === parts.length) return turn('it names every part');
  // "For Classes 1 to 3, treatment …" after class 4: several parts at once, not the last one alone.
  if (named.length >= 2) return turn(`it names several parts at once (${named.map((p) => p.name).join(', ')})`);
  if (named.length) return undefined;
  // "Convenience samples are cheap …" under "Convenience sampling": its modifier and its head in another form.
  const stem = (w: string) => w.slice(0, 5);
  const byModifier = parts.filter((p) => {
    const words = normalWords(p.name).filter((w) => !/^\d+$/.test(w));
    const at = opening.subjectWords.indexOf(words[0]);
    return words.length === 2 && at !== -1 && words[1].length >= 5 && stem(opening.subjectWords[at + 1] ?? '') === stem(words[1]);
  });
  if (byModifier.length === 1) return undefined;
  // "Memory trick: Heavy Armies Attack Slowly = Hydraulic action, Abrasion, Attrition, Solution.":
  // a sentence that lists every part, wherever, is about them all.
  if (parts.length >= 3 && mentionedParts(normalWords(opening.sentence), parts).length === parts.length) return turn('it names every part');
  // "Any burn on the face …", "All strokes …": every one of the subject.
  const words = normalWords(opening.sentence);
  if (/^(any|all|every|each)$/.test(words[0] ?? '') && subject.keys.some((k) => occurrences(words.slice(1, 1 + k.length), k).length)) return turn(`it speaks of every ${subject.title.toLowerCase()} ("${opening.sentence.split(/\s+/).slice(0, 2).join(' ')}")`);
  if (WHOLE.test(opening.sentence)) return { ...turn(`it speaks of every part at once ("${WHOLE.exec(opening.sentence)![0]}")`), every: true };
  if (NEW_TOPIC.test(opening.sentence)) return turn(`it turns to another topic ("${NEW_TOPIC.exec(opening.sentence)![0]}")`);
  if (BACK_REFERENCE.test(opening.sentence)) return undefined;
  if (otherKind) return { why: `it is about ${otherKind}, which is not one of the parts`, turns: false };
  // "Treatment of …", "Definitive diagnosis …": the subject itself is the topic (not "For people who …, researchers").
  const head = opening.subjectWords.slice(0, 3).join(' ');
  const topic = TOPICS.find((t) => t.stems.test(head));
  if (topic) return turn(`it opens on ${topic.heading.toLowerCase()} without naming a part`);
  const namedInSentence = mentionedParts(normalWords(opening.sentence), parts);
  const namesAnyPart = namedInSentence.length > 0;
  // "Diabetes tablets … for type 2 diabetes" is about a part it names; "There are also many rarer
  // causes of dementia, including …" is about what else there is, whatever it names after; so is
  // "Many signs carry a text panel, for example a prohibition sign …" after the last part, fire
  // equipment signs: an example from an earlier part does not make it the last part's.
  const namesOnlyEarlier = !!link && namesAnyPart && EXAMPLE.test(opening.sentence) && !namedInSentence.some((p) => p.name === link.last.name);
  // "Many signs …", "Most glaciers …": the subject's head word under a quantifier is the whole too.
  const quantified = /^(?:many|most|some|all|few|several)$/.test(opening.subjectWords[0] ?? '') && opening.subjectWords.slice(1, 3).some((w) => subject.keys.map(headNoun).some((h) => !!h && singular(h) === singular(w)));
  if ((mentionsSubject(opening.subjectWords, subject) || quantified) && (!namesAnyPart || /^there\s/i.test(opening.sentence) || namesOnlyEarlier)) return { why: `its subject is ${subject.title} as a whole`, turns: false };
  if (link && !namesAnyPart && !linkedToLast(opening, link.paragraph, link.last)) {
    return { why: `it neither refers back to "${link.last.name}" nor shares more words with it than with the other parts`, turns: false };
  }
  return undefined;
}
