/**
 * Structure for prose that has none: a title from the opening sentence, headings from bare
 * one-line paragraphs, and a section for each part the text enumerates ("Four main forms exist.
 * These are dystrophic, metastatic, …") holding the paragraphs that take that part up.
 * Every paragraph lands exactly once, in order; a paragraph about the subject as a whole
 * ("Any type of calcinosis …") is not filed under the last part.
 */
import type { Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SlugCounter } from '../slug.js';
import type { Block, Section } from './outline.js';
import { sentencesOf, subjectOf } from './sentences.js';

export interface InferredOutline {
  title?: string;
  intro: Block[];
  sections: Section[];
  closing: Block[];
}

const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const CATEGORY = '(types|forms|kinds|categories|classes|subtypes|varieties)';
const ENUMERATION = new RegExp(`\\b(two|three|four|five|six|seven|eight|nine|ten|\\d+)\\s+(?:[a-z]+\\s+){0,2}?${CATEGORY}\\b`, 'i');
/** "Any type of …", "all forms", "both types": the paragraph speaks of the subject as a whole. */
const WHOLE_SUBJECT = /\b(any|all|every|each|both|either|most)\s+(?:\w+\s+)?(types?|forms?|kinds?|cases?)\b|\bboth\b|\bregardless of\b/i;
/** "Another condition …", "Other causes …": a new topic, not more about the last part. */
const NEW_TOPIC = /^(another|other|unlike|besides|apart from)\b/i;

interface Part {
  name: string;
  /** Matches the part in a sentence's subject. */
  pattern: RegExp;
  /** For parts like "type C1": the noun and label, so "types C1 and C2" can be named as one. */
  noun?: string;
  label?: string;
}

export function inferOutline(blocks: Block[], lang: string, knownTitle?: string): InferredOutline {
  const slugs = new SlugCounter();
  const title = knownTitle ?? titleFrom(blocks, lang);
  const result: InferredOutline = { title, intro: [], sections: [], closing: [] };

  // Bare one-line paragraphs become headings; they cut the text into scopes.
  const scopes: { heading?: Paragraph; blocks: Block[] }[] = [{ blocks: [] }];
  blocks.forEach((block, i) => {
    if (block.type === 'paragraph' && isBareHeading(block) && i < blocks.length - 1) scopes.push({ heading: block, blocks: [] });
    else scopes[scopes.length - 1].blocks.push(block);
  });

  scopes.forEach((scope) => {
    const level = scope.heading ? 3 : 2;
    let parted = splitIntoParts(scope.blocks, lang, title, level, slugs);
    if (!scope.heading) {
      // Closing text of the opening scope would print after every later heading: keep it in order
      // by not dividing that scope at all.
      if (parted.after.length && scopes.length > 1) parted = { before: scope.blocks, sections: [], after: [] };
      result.intro = parted.before;
      result.sections.push(...parted.sections);
      result.closing = parted.after;
      return;
    }
    const text = toString(scope.heading).trim();
    result.sections.push({
      title: text,
      slug: slugs.next(text),
      level: 2,
      line: scope.heading.position?.start.line,
      kind: 'section',
      inferred: true,
      blocks: parted.before,
      sections: parted.sections,
      closing: parted.after.length ? parted.after : undefined,
    });
  });
  return result;
}

function isBareHeading(p: Paragraph): boolean {
  if (p.children.length !== 1 || p.children[0].type !== 'text') return false;
  const text = p.children[0].value.trim();
  return text.length > 0 && text.length <= 60 && text.split(/\s+/).length <= 6 && /^\p{Lu}/u.test(text) && !/[.!?:;,]$/.test(text) && !/\n/.test(text);
}

/** "Calcinosis is the development …" → "Calcinosis"; "A stroke occurs …" → "Stroke". */
export function titleFrom(blocks: Block[], lang: string): string | undefined {
  const first = blocks.find((b): b is Paragraph => b.type === 'paragraph');
  if (!first) return undefined;
  const sentence = sentencesOf(toString(first), lang)[0] ?? '';
  const subject = subjectOf(sentence).replace(/^(a|an|the)\s+/i, '').replace(/\s*\([^)]*\)/g, '').trim();
  const words = subject.split(/\s+/);
  if (!subject || words.length > 6 || subject === sentence || /^(if|when|in|with|for|as|this|it|there|these|those)$/i.test(words[0])) return undefined;
  return subject.charAt(0).toUpperCase() + subject.slice(1);
}

/**
 * Within one scope: find the enumeration, then file each later paragraph under the part its
 * opening sentence is about; paragraphs that are about no part continue the current one.
 */
function splitIntoParts(blocks: Block[], lang: string, title: string | undefined, level: number, slugs: SlugCounter) {
  const none = { before: blocks, sections: [] as Section[], after: [] as Block[] };
  const texts = blocks.map((b) => (b.type === 'paragraph' ? toString(b) : ''));
  let enumIndex = -1;
  let parts: Part[] = [];
  let count = 0;
  let kind = '';
  for (let i = 0; i < blocks.length && enumIndex === -1; i++) {
    const sentences = sentencesOf(texts[i], lang);
    for (let s = 0; s < sentences.length; s++) {
      const m = ENUMERATION.exec(sentences[s]);
      if (!m) continue;
      enumIndex = i;
      count = NUMBER_WORDS[m[1].toLowerCase()] ?? Number(m[1]);
      kind = singular(m[2].toLowerCase());
      parts = listedParts(sentences[s], m, sentences[s + 1]);
      // "The types are distinguished by …" is not a list of types: the count must agree.
      if (count && parts.length !== count) parts = [];
      break;
    }
  }
  if (enumIndex === -1) return none;
  if (parts.length < 2 && title) parts = discoveredParts(texts.slice(enumIndex + 1), title, lang);
  if (parts.length < 2 || (count && parts.length > count + 1)) return none;

  const sections: Section[] = [];
  const after: Block[] = [];
  let current: Section | undefined;
  for (let i = enumIndex + 1; i < blocks.length; i++) {
    const block = blocks[i];
    const opening = sentencesOf(texts[i], lang)[0] ?? '';
    const subject = subjectOf(opening);
    const named = parts.filter((p) => p.pattern.test(subject) || calledPattern(opening, p));
    const whole = WHOLE_SUBJECT.test(subject) || NEW_TOPIC.test(opening) || (named.length === parts.length && parts.length > 1);
    if (after.length || (whole && block.type === 'paragraph')) {
      // Once the text turns to the subject as a whole, the parts are over.
      after.push(block);
      current = undefined;
      continue;
    }
    if (named.length && (!current || !sameParts(current, named))) {
      const name = nameOf(named);
      current = { title: name, slug: slugs.next(name), level, line: block.position?.start.line, kind: 'section', inferred: true, parts: named.map((p) => p.name), partKind: kind, blocks: [], sections: [] };
      sections.push(current);
    }
    if (current) current.blocks.push(block);
    else after.push(block);
  }
  if (sections.length < 2) return none;
  return { before: blocks.slice(0, enumIndex + 1), sections, after };
}

function singular(word: string): string {
  return word.endsWith('ies') ? word.slice(0, -3) + 'y' : word.replace(/(?<!s)s$/, '').replace(/sses$/, 'ss');
}

function sameParts(section: Section, named: Part[]): boolean {
  const names = section.parts ?? [];
  return names.length === named.length && named.every((p) => names.includes(p.name));
}

/** "… four main types: type A, type B, type C1, and type C2." or "… Four main forms exist. These are A, B, and C." */
function listedParts(sentence: string, m: RegExpExecArray, next?: string): Part[] {
  const rest = sentence.slice(m.index + m[0].length);
  let list: string | undefined;
  const colon = /^[^.:]*:\s*(.+)$/.exec(rest);
  const copula = /^\s*(?:of\s+[\w\s-]+?\s+)?(?:are|include|includes)\s+(.+)$/i.exec(rest);
  if (colon) list = colon[1];
  else if (copula) list = copula[1];
  else if (next && /^(these|they|the (?:types|forms|kinds))\s+(are|include)\b/i.test(next)) list = next.replace(/^\S+(\s+\S+)?\s+(are|include)\s+/i, '');
  if (!list) return [];
  const items = list
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/[.;]\s*.*$/, '')
    .split(/\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length < 2 || items.some((i) => i.split(/\s+/).length > 5)) return [];
  return items.map((item) => {
    const typed = /^(type|form|kind|class|stage)\s+([\w-]+)$/i.exec(item);
    if (typed) {
      const [, noun, label] = typed;
      return { name: item, noun, label, pattern: new RegExp(`\\b${noun}s?\\s+(?:[\\w-]+\\s*(?:,|and|or)\\s*)*${escape(label)}\\b`, 'i') };
    }
    return { name: item, pattern: new RegExp(`\\b${escape(item)}\\b`, 'i') };
  });
}

/**
 * "Researchers have described seven types of X." with no list: the parts are the paragraphs that
 * open with "<kind> X …" ("Systemic juvenile idiopathic arthritis causes …") or "… is called <kind> …".
 */
function discoveredParts(texts: string[], title: string, lang: string): Part[] {
  const parts: Part[] = [];
  const subjectWords = title.toLowerCase().split(/\s+/);
  const head = subjectWords[subjectWords.length - 1];
  for (const text of texts) {
    const opening = sentencesOf(text, lang)[0] ?? '';
    const subject = subjectOf(opening).replace(/\s*\([^)]*\)/g, '');
    const at = subject.toLowerCase().indexOf(title.toLowerCase());
    let name: string | undefined;
    const called = /\bis (?:called|known as|named)\s+([\w\s-]+?)[.,;]/i.exec(opening);
    if (called) name = called[1].replace(new RegExp(`\\s+${escape(head)}$`, 'i'), '').trim();
    else if (at > 0) name = subject.slice(0, at).replace(/^(a|an|the)\s+/i, '').trim();
    // "The last type of X" names no kind; only a modifier ("Systemic X") or a name ("called Y") does.
    if (name && /\b(types?|forms?|kinds?)\b|\bof$/i.test(name)) name = undefined;
    if (name && name.split(/\s+/).length <= 5 && /^[\p{L}]/u.test(name) && !parts.some((p) => p.name.toLowerCase() === name!.toLowerCase())) {
      parts.push({ name, pattern: new RegExp(`^(?:a |an |the )?${escape(name)}\\b`, 'i') });
    }
  }
  return parts;
}

function calledPattern(opening: string, part: Part): boolean {
  return new RegExp(`\\bis (?:called|known as|named)\\s+${escape(part.name)}\\b`, 'i').test(opening);
}

/** "type C1" + "type C2" → "Types C1 and C2"; "dystrophic" → "Dystrophic". */
function nameOf(parts: Part[]): string {
  let name: string;
  if (parts.length > 1 && parts.every((p) => p.noun && p.noun.toLowerCase() === parts[0].noun!.toLowerCase())) {
    name = `${parts[0].noun}s ${joinWords(parts.map((p) => p.label!))}`;
  } else name = joinWords(parts.map((p) => p.name));
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function joinWords(words: string[]): string {
  return words.length <= 2 ? words.join(' and ') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
