/**
 * Announced parts: a sentence that says the subject comes in kinds, by a count ("Four main forms
 * exist", "seven types", "two main types of stroke are …"), by a quantifier ("many types") or by a
 * list ("The major forms … are called type 1, type 2, and type 4", "Types of … include:" and a
 * bullet list). The list, when there is one, names the parts; else the paragraphs after name them.
 */
import { LIST_MARKER } from '../../parse/listMarkers.js';
import { escapeRegExp, isKindWord, isLabel, normalWords, singular } from './names.js';
import { nounRun, tokensOf, tokenText } from './language.js';
import { partOf, type Part } from './parts.js';
import { lookupTable } from '../../lookupTable.js';
import { ENGLISH_MONTHS } from '../../months.js';

export interface Announcement {
  /** The sentence that announced the parts. */
  sentence: string;
  /** What the parts are: "type", "form". */
  kind: string;
  count?: number;
  /** The parts it lists, if it lists them. */
  listed: Part[];
  /**
   * Announced without a kind word ("five main groups", "are classified by"): the parts must follow
   * at once, as its own list or as the paragraphs right after it, each naming one by its subject.
   */
  strict?: boolean;
  /** The parts are only named in passing, in a list inside a sentence: three must open paragraphs. */
  inline?: boolean;
}

const NUMBERS = lookupTable({ two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 });
const QUANTIFIERS = new Set(['many', 'several', 'various', 'multiple', 'different', 'major', 'main', 'distinct', 'separate']);
const LIST_START = /(?:\b(?:are|is|were)(?:\s+(?:called|named|known as|termed))?\b|\binclud(?:e|es|ing)\b|\b(?:called|named|namely|as follows)\b|:|,)\s*(.+)$/i;
const LABEL_LIST = /\b(types|forms|classes|stages|grades|kinds)\s+((?:[A-Z0-9]{1,4}[a-d]?)(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)[A-Z0-9]{1,4}[a-d]?)+)\b/;
/** A list item: a line that opens with a bullet or a number (not a letter: "a) …" may be prose). */
export function isBullet(text: string): boolean {
  const m = LIST_MARKER.exec(text);
  return !!m && !m[3];
}

/** "… four main types …" → the kind, the count; undefined when the sentence announces nothing. */
export function announcementIn(sentence: string, next?: string, bullets: string[] = [], subjectHead?: string): Announcement | undefined {
  // "types A, B, C, D and E", "types I, II, and III": the kind and its labels.
  const labelled = LABEL_LIST.exec(sentence);
  if (labelled) {
    const kind = singular(labelled[1]);
    const labels = labelled[2].split(/\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+/).filter(Boolean);
    return { sentence, kind, listed: labels.map((l) => partOf(`${kind} ${l}`, kind)) };
  }
  const words = normalWords(sentence);
  // "five main hepatitis viruses": a count of things named for the subject announces them too.
  if (subjectHead) {
    const m = new RegExp(`\\b(${Object.keys(NUMBERS).join('|')}|\\d+)\\s+(?:main\\s+|major\\s+|different\\s+)?${subjectHead}\\s+([a-z]+s)\\b`, 'i').exec(sentence);
    // ("Type 1 diabetes happens …": a number after a kind word is a label, and "happens" no noun.)
    const labelled = m && isKindWord(normalWords(sentence.slice(0, m.index)).pop() ?? '');
    if (m && !labelled && !isKindWord(m[2])) return { sentence, kind: singular(m[2]), count: NUMBERS[m[1].toLowerCase()] ?? Number(m[1]), listed: [] };
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!isKindWord(w) || singular(w) === w) continue;
    const kind = singular(w);
    // A count or a quantifier up to two words before: "seven types", "four main forms", "two main types".
    const before = words.slice(Math.max(0, i - 3), i);
    const countWord = before.find((b) => NUMBERS[b] || /^\d+$/.test(b));
    const count = countWord ? (NUMBERS[countWord] ?? Number(countWord)) : undefined;
    const quantified = before.some((b) => QUANTIFIERS.has(b));
    const after = sentence.slice(sentence.toLowerCase().search(new RegExp(`\\b${w}\\b`)) + w.length);
    let listed = listAfter(after, count) ?? [];
    let said = sentence;
    const narrowed = listed.length ? undefined : narrowedList(sentence, after, kind);
    if (narrowed) return narrowed;
    if (!listed.length && next && /^(these|they|the (types|forms|kinds|classes|stages))\s+(are|include)\b/i.test(next)) {
      listed = listAfter(next, count) ?? [];
      if (listed.length) said = `${sentence} ${next}`;
    }
    if (!listed.length && bullets.length >= 2 && /:\s*$|\b(include|are|as follows)\s*:?\s*$/i.test(sentence)) listed = bullets.map((b) => partOf(bulletName(b), kind));
    // "types I, II, and III": a bare label is the kind and the label.
    listed = listed.map((p) => (isLabel(p.name) ? partOf(`${kind} ${p.name}`, kind) : { ...p, kind }));
    if (count || quantified || listed.length) return { sentence: said, kind, count, listed };
  }
  return countedNoun(sentence, next) ?? listLeadIn(sentence, bullets) ?? classified(sentence) ?? followingList(sentence) ?? inlineList(sentence);
}

/**
 * Names listed after "the following:" in the sentence itself, whatever it calls them: "… it will be
 * one of the following: a reliever, a preventer, or a combination of the two." ("a combination of
 * the two" is "combination".) The paragraphs or headings after it must name them to make parts.
 */
function followingList(sentence: string): Announcement | undefined {
  const m = /\b(?:the following|as follows)\s*(:.+)$/i.exec(sentence);
  const named = m ? listAfter(m[1].replace(/\s+of\s+(?:the\s+two|both|them|these|those)\b/gi, '')) : undefined;
  return named && named.length >= 2 ? { sentence, kind: 'type', listed: named, strict: true } : undefined;
}

/**
 * "There are eight stores …, but you need to know four of them in detail: kinetic, gravitational
 * potential, elastic potential and thermal.": the count a list after a colon answers is the one
 * just before it ("four of them"), not the sentence's first.
 */
function narrowedList(sentence: string, after: string, kind: string): Announcement | undefined {
  const m = new RegExp(`\\b(${Object.keys(NUMBERS).join('|')}|\\d+)\\s+of\\s+(?:them|these|those)\\b[^:]*(:.+)$`, 'i').exec(after);
  if (!m) return undefined;
  const n = NUMBERS[m[1].toLowerCase()] ?? Number(m[1]);
  const named = listAfter(m[2], n);
  return named?.length === n ? { sentence, kind, count: n, listed: named.map((p) => ({ ...p, kind })) } : undefined;
}

/** Plural nouns that measure rather than name things: "two weeks", "three copies", "five times". */
const UNITS = /^(?:seconds|minutes|hours|days|nights|weeks|months|years|decades|times|copies|people|patients|children|adults|pounds|dollars|euros|pence|cents|inches|feet|metres|meters|miles|kilometres|kilometers|grams|kilograms|litres|liters|millilitres|milliliters|doses|tablets|cups|glasses|percent|steps|pages|lines|words|sessions|visits|weekdays)$/i;

/**
 * How many things a sentence counts, as in "This week we cover five classic cuts" or "We offer
 * three plans": a number up to twelve, up to two words, then a plural noun that is not a measure
 * ("within one to two weeks", "three copies of your data" count nothing to head).
 */
export function countOfThings(sentence: string): number | undefined {
  for (const m of sentence.matchAll(/\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[2-9]|1[0-2])\s+((?:[\p{Ll}-]+\s+){0,2})(\p{Ll}+s)\b/giu)) {
    if (UNITS.test(m[3]) || m[2].split(/\s+/).some((w) => UNITS.test(w))) continue;
    return NUMBERS[m[1].toLowerCase()] ?? Number(m[1]);
  }
  return undefined;
}

/** A sentence that counts or sorts things ("two kinds of …", "several medicines", "group … into four structures"), and its count if it gives one. */
export function countsOrSorts(sentence: string): { count?: number } | undefined {
  if (!SORTS.test(sentence)) return undefined;
  const m = COUNTED.exec(sentence);
  return { count: m ? (NUMBERS[m[1].toLowerCase()] ?? Number(m[1])) : undefined };
}
const SORTS = /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+|several|many|various|different|main|major)\s+(?:\w+\s+)?[a-z]+(?:s|es)\b|\b(?:classified|grouped|divided|sorted|categori[sz]ed|graded|colou?r[- ]coded)\b/i;
const COUNTED = /\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\s+(?:\w+\s+)?[a-z]+(?:s|es)\b/i;

const COUNT_BEFORE_PLURAL = new RegExp(`\\b(?:${Object.keys(NUMBERS).join('|')}|\\d+)\\s+(?:\\S+\\s+){0,3}?\\S*s\\b`, 'i');

/** Adjectives between a count and what it counts that leave the count a count of kinds: "five main groups". */
const COUNT_MODIFIERS = new Set(['main', 'major', 'basic', 'broad', 'different', 'distinct', 'principal', 'common', 'key', 'general', 'separate', 'primary', 'important', 'recognised', 'recognized']);

/**
 * A count of any kind of thing, not only of "types" and "forms": "Doctors usually choose from five
 * main groups", "… among three branches: the legislative branch, …". It announces parts only as
 * the kind words do: its own list, or paragraphs after it that name as many (three or more) — a
 * count of days or tablets is followed by neither.
 */
function countedNoun(sentence: string, next?: string): Announcement | undefined {
  // Tag only a sentence that has a count before a plural-looking word at all.
  if (!COUNT_BEFORE_PLURAL.test(sentence)) return undefined;
  const tokens = tokensOf(sentence);
  for (let i = 0; i < tokens.length - 1; i++) {
    const n = NUMBERS[tokens[i].lower] ?? (/^\d+$/.test(tokens[i].text) ? Number(tokens[i].text) : undefined);
    if (!n || n < 2 || tokens[i].aside) continue;
    // "Type 2 diabetes", "Stage 3 cancer": a number after a kind word is a label, not a count.
    if (i > 0 && isKindWord(tokens[i - 1].lower)) continue;
    // "eight to ten times", "10 to 15 years": a range is an amount, not a count of kinds.
    const isNumber = (t?: { lower: string; pos: string }) => !!t && (t.pos === 'NUM' || !!NUMBERS[t.lower]);
    if ((/^(to|or|-|–)$/.test(tokens[i + 1].lower) && isNumber(tokens[i + 2])) || (/^(to|or|-|–)$/.test(tokens[i - 1]?.lower ?? '') && isNumber(tokens[i - 2]))) continue;
    let j = i + 1;
    while (j < tokens.length && COUNT_MODIFIERS.has(tokens[j].lower)) j++;
    // The head of the counted phrase: the last noun of a run ("three blood tests").
    while (j + 1 < tokens.length && tokens[j].pos === 'NOUN' && tokens[j + 1].pos === 'NOUN') j++;
    const noun = tokens[j];
    if (!noun || noun.pos !== 'NOUN' || singular(noun.lower) === noun.lower || /[^a-z]/.test(noun.lower)) continue;
    const kind = singular(noun.lower);
    const after = tokenText(tokens.slice(j + 1));
    let listed = listAfter(after, n) ?? [];
    const narrowed = listed.length ? undefined : narrowedList(sentence, after, kind);
    if (narrowed) return { ...narrowed, strict: true };
    let said = sentence;
    if (!listed.length && next && /^(these|they)\s+(are|include)\b/i.test(next)) {
      listed = listAfter(next, n) ?? [];
      if (listed.length) said = `${sentence} ${next}`;
    }
    return { sentence: said, kind, count: n, listed, strict: true };
  }
  return undefined;
}

/**
 * A sentence that sorts the subject without a count: "Volcanoes are usually classified by the
 * shape of the landform they build", "… can be divided into …". The paragraphs after it name the parts.
 */
function classified(sentence: string): Announcement | undefined {
  const m = /\b(?:classified|classed|grouped|divided|sorted|categori[sz]ed|subdivided)\s+(?:into|by|according to|based on|on the basis of|in terms of)\b/i.exec(sentence);
  return m ? { sentence, kind: 'type', listed: [], strict: true } : undefined;
}

/**
 * A lead-in ending in a colon over a list of two or more names, whatever it calls them: "…, you
 * may be offered one of these materials:" and a bullet list. The list names the parts; they are
 * parts only if paragraphs after it open with them (see inferOutline.ts, file).
 */
function listLeadIn(sentence: string, bullets: string[]): Announcement | undefined {
  if (bullets.length < 2 || !/:\s*$/.test(sentence)) return undefined;
  const names = bullets.map(bulletName);
  // Items that are sentences or instructions ("Walk for five minutes …") are steps, not names.
  if (names.some((n) => n.split(/\s+/).length > 6 || /[.!?]$/.test(n) || tokensOf(n)[0]?.pos === 'VERB')) return undefined;
  // Dates and times ("October – Options evening", "March to April – Interviews") are a timetable, not kinds.
  if (names.every((n) => WHEN.test(n))) return undefined;
  const nouns = tokensOf(sentence).filter((t) => t.pos === 'NOUN' && singular(t.lower) !== t.lower);
  const kind = nouns.length ? singular(nouns[nouns.length - 1].lower) : 'type';
  // Signs to look for, steps or questions to ask ("… remember them with the word FAST:" over "Face –
  // has their face fallen?") are what to do or notice, not kinds of the subject.
  if (NOT_KINDS.test(kind)) return undefined;
  return { sentence, kind, listed: names.map((n) => partOf(n, kind)), strict: true };
}

/** What a list may be of that is never a kind of the subject. */
const NOT_KINDS = /^(?:sign|symptom|step|tip|question|check|instruction|warning|reminder)$/;

const MONTH = `(?:${ENGLISH_MONTHS})`;
const DAY = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
/** A name that is only a date, a month, a day or a span of them: "October", "November to January", "Monday 3 March", "Week 2". */
const WHEN = new RegExp(`^(?:(?:${MONTH}|${DAY}|\\d{1,2}(?:st|nd|rd|th)?|(?:19|20)\\d{2}|week \\d+|term \\d+|(?:early|mid|late|end of)\\s+${MONTH})[\\s,]*(?:(?:to|until|–|-|and)\\s+)?)+$`, 'i');

/** "- Type 1 diabetes: the body makes no insulin" → "Type 1 diabetes"; "- stress incontinence" as it is. */
function bulletName(item: string): string {
  // An aside in brackets is no part of the name: "Legumes (clover, vetch) – fix nitrogen …".
  const text = item.replace(LIST_MARKER, '').replace(/\s+\([^)]*\)/g, '').trim();
  // "ionic bonds, between metals and non-metals": a name, then what it is.
  const named = /^(.{2,60}?)(?::|\s[–—-]\s|,\s+(?=\p{Ll}))/u.exec(text);
  return (named ? named[1] : text).replace(/[.;:,]$/, '').replace(/^(?:a|an|the)\s+/i, '').trim();
}

/**
 * A coordinated list of short names at the start of `rest`: "… are ischemic and hemorrhagic.",
 * "…: type A, type B, type C1, and type C2", ", small cell lung cancer and non-small cell lung cancer, based on …".
 * It must end with "and"/"or" before its last name; names are at most five words.
 */
function listAfter(rest: string, count?: number): Part[] | undefined {
  // "…: the legislative branch, which makes the laws; the executive branch, which …; and the
  // judicial branch, which …": items parted by semicolons, each a name and what it is.
  const semi = /^\s*:\s*(.+?)(?:\.(?:\s|$)|$)/.exec(rest);
  if (semi && semi[1].includes(';')) {
    const items = semi[1].split(/\s*;\s*/).map((item) => item.replace(/^(?:and|or)\s+/i, '').split(/\s*,\s*/)[0]);
    const last = semi[1].split(/\s*;\s*/).pop() ?? '';
    if (items.length >= 2 && /^(?:and|or)\s/i.test(last) && items.every((n) => n.split(/\s+/).length <= 5) && (!count || items.length === count)) {
      return items.map((n) => partOf(n.replace(/^(the|a|an)\s+/i, '')));
    }
  }
  const m = LIST_START.exec(rest.split(/[.;](?:\s|$)/)[0]);
  if (!m) return undefined;
  const body = m[1].replace(/\s+\([^)]*\)/g, '');
  // "… are distinguished by their signs, …": a verb after "are" starts a clause, not a list of names.
  const first = tokensOf(body)[0];
  if (!first || first.pos === 'VERB' || first.pos === 'AUX' || first.pos === 'ADP' || first.pos === 'PRON') return undefined;
  const pieces = body.split(/\s*,\s*/);
  const names: string[] = [];
  for (const piece of pieces) {
    const joined = /^(?:and|or)\s+(.+)$/i.exec(piece);
    if (joined) {
      names.push(joined[1]);
      break;
    }
    const pair = /^(.+?)\s+(?:and|or)\s+(.+)$/i.exec(piece);
    if (pair) {
      names.push(pair[1], pair[2]);
      break;
    }
    names.push(piece);
  }
  const last = names[names.length - 1];
  const closed = names.length >= 2 && new RegExp(`(?:and|or)\\s+${escapeRegExp(last)}`, 'i').test(body);
  const shortNames = names.map((n) => n.trim().replace(/^(the|a|an)\s+/i, '')).filter(Boolean);
  if (!closed || shortNames.some((n) => n.split(/\s+/).length > 5)) return undefined;
  // "hepatitis A, B, C, D, and E": bare labels after a first name that ends in one share its words.
  const [head, label] = /^(.*\S)\s+(\S+)$/.exec(shortNames[0])?.slice(1) ?? [];
  if (head && isLabel(label) && shortNames.slice(1).every((n) => isLabel(n))) shortNames.splice(1, Infinity, ...shortNames.slice(1).map((n) => `${head} ${n}`));
  if (count && shortNames.length !== count) return undefined;
  return shortNames.map((n) => partOf(n));
}

/**
 * Names listed in passing, inside a sentence: "… volcanologists commonly recognise shield
 * volcanoes, stratovolcanoes, cinder cones and lava domes, although …". Three or more short noun
 * phrases; the first and last are cut to their noun phrases. They are parts only if paragraphs
 * open with at least three of them (see inferOutline.ts).
 */
function inlineList(sentence: string): Announcement | undefined {
  if (!/,[^,]+,[^,]*\b(?:and|or)\s/.test(sentence)) return undefined;
  const pieces = sentence.replace(/[.;]\s*$/, '').split(/\s*,\s*/);
  for (let j = 2; j < pieces.length; j++) {
    const joined = /^(?:(.+?)\s+)?(?:and|or)\s+(.+)$/.exec(pieces[j]);
    if (!joined) continue;
    const before = pieces.slice(0, j);
    let start = before.length;
    while (start > 0 && before[start - 1].split(/\s+/).length <= 4) start--;
    // The first piece may carry the words before the list ("… commonly recognise shield volcanoes").
    const run = before.slice(Math.max(0, start - 1));
    run[0] = nounRun(run[0], 'end');
    const names = [...run, ...(joined[1] ? [joined[1]] : []), nounRun(joined[2], 'start')].map((n) => n.trim());
    if (names.length < 3 || names.some((n) => !n || n.split(/\s+/).length > 4)) return undefined;
    // Each a noun phrase: no verb, pronoun, article or preposition ("… to eat, sleep and rest").
    if (names.some((n) => tokensOf(n).some((t) => ['VERB', 'AUX', 'PRON', 'DET', 'ADP', 'SCONJ', 'ADV'].includes(t.pos)))) return undefined;
    return { sentence, kind: 'type', listed: names.map((n) => partOf(n)), strict: true, inline: true };
  }
  return undefined;
}
