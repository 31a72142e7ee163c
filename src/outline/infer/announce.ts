/**
 * Announced parts: a sentence that says the subject comes in kinds, by a count ("Four main forms
 * exist", "seven types", "two main types of stroke are …"), by a quantifier ("many types") or by a
 * list ("The major forms … are called type 1, type 2, and type 4", "Types of … include:" and a
 * bullet list). The list, when there is one, names the parts; else the paragraphs after name them.
 */
import { escapeRegExp, isKindWord, isLabel, normalWords, singular } from './names.js';
import { tokensOf } from './language.js';
import { partOf, type Part } from './parts.js';
import { lookupTable } from '../../lookupTable.js';

export interface Announcement {
  /** The sentence that announced the parts. */
  sentence: string;
  /** What the parts are: "type", "form". */
  kind: string;
  count?: number;
  /** The parts it lists, if it lists them. */
  listed: Part[];
}

const NUMBERS = lookupTable({ two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 });
const QUANTIFIERS = new Set(['many', 'several', 'various', 'multiple', 'different', 'major', 'main', 'distinct', 'separate']);
const LIST_START = /(?:\b(?:are|is|were)(?:\s+(?:called|named|known as|termed))?\b|\binclud(?:e|es|ing)\b|\b(?:called|named|namely|as follows)\b|:|,)\s*(.+)$/i;
const LABEL_LIST = /\b(types|forms|classes|stages|grades|kinds)\s+((?:[A-Z0-9]{1,4}[a-d]?)(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)[A-Z0-9]{1,4}[a-d]?)+)\b/;
const BULLET = /^\s*(?:[-*•·–]|\d+[.)])\s+/;

export function isBullet(text: string): boolean {
  return BULLET.test(text);
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
    if (m && !isKindWord(m[2])) return { sentence, kind: singular(m[2]), count: NUMBERS[m[1].toLowerCase()] ?? Number(m[1]), listed: [] };
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
    if (!listed.length && next && /^(these|they|the (types|forms|kinds|classes|stages))\s+(are|include)\b/i.test(next)) {
      listed = listAfter(next, count) ?? [];
      if (listed.length) said = `${sentence} ${next}`;
    }
    if (!listed.length && bullets.length >= 2 && /:\s*$|\b(include|are|as follows)\s*:?\s*$/i.test(sentence)) listed = bullets.map((b) => partOf(bulletName(b), kind));
    // "types I, II, and III": a bare label is the kind and the label.
    listed = listed.map((p) => (isLabel(p.name) ? partOf(`${kind} ${p.name}`, kind) : { ...p, kind }));
    if (count || quantified || listed.length) return { sentence: said, kind, count, listed };
  }
  return undefined;
}

/** "- Type 1 diabetes: the body makes no insulin" → "Type 1 diabetes"; "- stress incontinence" as it is. */
function bulletName(item: string): string {
  const text = item.replace(BULLET, '').trim();
  const named = /^(.{2,60}?)(?::|\s[–—-]\s)/.exec(text);
  return (named ? named[1] : text).replace(/[.;:,]$/, '').trim();
}

/**
 * A coordinated list of short names at the start of `rest`: "… are ischemic and hemorrhagic.",
 * "…: type A, type B, type C1, and type C2", ", small cell lung cancer and non-small cell lung cancer, based on …".
 * It must end with "and"/"or" before its last name; names are at most five words.
 */
function listAfter(rest: string, count?: number): Part[] | undefined {
  const m = LIST_START.exec(rest.split(/[.;](?:\s|$)/)[0]);
  if (!m) return undefined;
  const body = m[1].replace(/\s*\([^)]*\)/g, '');
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
