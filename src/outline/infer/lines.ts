/**
 * Lines of plain text that lead into a list, and the list items nothing marks: "The main symptoms
 * of tonsillitis are:" followed by "a sore throat", "a high temperature", … one a line. Shared by
 * the inference (such lines are not headings) and the outline's lists (they print as one).
 */
import type { Block } from '../outline.js';
import { isBullet } from './announce.js';
import { tokensOf } from './language.js';

/** Words a list's lead-in ends on, in the languages handouts are written in. */
const LEAD_IN_WORDS = new Set(['include', 'includes', 'including', 'following', 'are', 'is', 'as', 'if', 'incluyen', 'incluye', 'son', 'como', 'siguientes', 'siguiente', 'si', 'sont', 'comprennent', 'suivants', 'suivantes']);

/** The line stops where a sentence goes on: on a verb, a preposition, a conjunction or an article. */
export function endsOpen(line: string, lang: string): boolean {
  const text = line.trim().replace(/\s*:$/, '');
  const last = text.split(/\s+/).pop()!.toLowerCase();
  if (LEAD_IN_WORDS.has(last)) return true;
  if (!lang.startsWith('en')) return false;
  // A line in capitals ("CALL YOUR SURGEON IF YOU HAVE:") is tagged in lower case: the tagger reads capitals as names.
  const tokens = tokensOf(/\p{Ll}/u.test(text) ? text : text.toLowerCase()).filter((t) => t.pos !== 'PUNCT');
  return ['VERB', 'AUX', 'ADP', 'SCONJ', 'CCONJ', 'DET', 'PART'].includes(tokens[tokens.length - 1]?.pos ?? '');
}

/** A line that introduces a list: it ends in a colon and is a sentence, or stops mid-sentence. */
export function isLeadIn(text: string, lang: string): boolean {
  return /:$/.test(text) && (text.split(/\s+/).length > 10 || /[.!?]\s/.test(text) || endsOpen(text, lang));
}

/** Short enough, and unfinished enough, to be an item of a list: "a sore throat", "feeling tired". */
export function isItemLine(text: string): boolean {
  return text.length > 0 && text.length <= 100 && text.split(/\s+/).length <= 12 && !/[.!?:]$/.test(text) && !isBullet(text);
}

function textOf(block: Block | undefined): string | undefined {
  if (block?.type !== 'paragraph' || block.children.length !== 1 || block.children[0].type !== 'text') return undefined;
  return block.children[0].value.trim();
}

/** The blocks are on lines next to each other, with no blank line between: one list. */
function adjacent(before: Block, after: Block): boolean {
  const end = before.position?.end.line;
  return end !== undefined && after.position?.start.line === end + 1;
}

/**
 * Block `i` is an unmarked item: it and the lines back to a lead-in are all item lines, each on
 * the line after the one before (a blank line ends the list: "A pharmacist can help" after it is
 * a heading); the lead-in may stand a blank line above the first.
 */
export function unmarkedItemAt(blocks: Block[], i: number, lang: string): boolean {
  if (!isItemLine(textOf(blocks[i]) ?? '')) return false;
  for (let j = i - 1; j >= 0; j--) {
    const text = textOf(blocks[j]);
    if (text === undefined) return false;
    // The lead-in may stand a blank line above its list; the items stand together.
    if (/:$/.test(text)) return isLeadIn(text, lang) || labelsLinesUnder(blocks, j);
    if (leadsIntoSemicolons(blocks, j, lang)) return true;
    if (!isItemLine(text) || !adjacent(blocks[j], blocks[j + 1])) return false;
  }
  return false;
}

/**
 * A label ending in a colon with lines right under it, no blank line between ("Side effects:",
 * "Hoarse voice", "Thrush in the mouth"): a list under its name, as a lead-in sentence has one.
 * (With a blank line under it, a label heads the paragraphs that follow: "NOTE:".)
 */
function labelsLinesUnder(blocks: Block[], i: number): boolean {
  const label = textOf(blocks[i]);
  const next = blocks[i + 1];
  return label !== undefined && /:$/.test(label) && label.split(/\s+/).length <= 6 && next !== undefined && adjacent(blocks[i], next) && isItemLine(textOf(next) ?? '');
}

/**
 * A line that stops mid-sentence without a colon ("GET HELP RIGHT AWAY IF") over lines that end in
 * semicolons: the lead-in of their list.
 */
function leadsIntoSemicolons(blocks: Block[], i: number, lang: string): boolean {
  const lead = textOf(blocks[i]);
  const first = textOf(blocks[i + 1]);
  return lead !== undefined && first !== undefined && !/[.!?:;]$/.test(lead) && /;$/.test(first) && endsOpen(lead, lang);
}

/** Where a run of two or more unmarked items starts after block `i` (a lead-in), its length. */
export function unmarkedRunAfter(blocks: Block[], i: number, lang: string): number {
  const lead = textOf(blocks[i]);
  if (lead === undefined || !(isLeadIn(lead, lang) || labelsLinesUnder(blocks, i) || leadsIntoSemicolons(blocks, i, lang))) return 0;
  let n = 0;
  while (isItemLine(textOf(blocks[i + 1 + n]) ?? '') && (n === 0 || adjacent(blocks[i + n], blocks[i + 1 + n]))) n++;
  // Items that end in semicolons end on a full stop: "you have a fever;", "you cannot pass urine."
  const last = textOf(blocks[i + n]);
  const closing = textOf(blocks[i + 1 + n]);
  if (n >= 1 && /;$/.test(last ?? '') && closing !== undefined && /\.$/.test(closing) && isItemLine(closing.slice(0, -1)) && adjacent(blocks[i + n], blocks[i + 1 + n])) n++;
  return n >= 2 ? n : 0;
}

/**
 * A run-in head: a paragraph that opens with a name set off by a full stop, then its text —
 * "Beta blockers. These slow your heart …", "1. Perfect competition. A perfectly competitive
 * market …", "Immediate (IgE-mediated) food allergy. In this kind, …". The name is short, has no
 * pronoun, article, preposition or auxiliary, and does not open on a verb ("Stop smoking." is advice).
 * Returns the head (without its full stop) and the text after it.
 */
export function runInHead(text: string, lang: string): { head: string; rest: string } | undefined {
  // (The text may open on a quotation: 'Zone 3 – Tempo. "Comfortably hard": …'.) A numbered name
  // may end in a dash instead of a full stop: "1. Statements – A statement tells …" (unnumbered, see
  // below). The full stop is tried first: in
  // "1. Easy – Recovery. Relaxed running …" the name is "Easy – Recovery".
  const trimmed = text.trim();
  // The text after it opens as a sentence does, or on a number ("Green. 3–4 km, TD5. …").
  for (const shape of [/^((?:\d{1,2}[.)]\s+)?[\p{Lu}\p{N}][^.!?:;\n]{0,70}?)\.\s+(["“‘'(]?[\p{Lu}\p{N}][\s\S]+)$/u, /^(\d{1,2}[.)]\s+[\p{Lu}\p{N}][^.!?:;\n–—]{0,70}?)\s+[–—-]\s+(["“‘'(]?\p{Lu}[\s\S]+)$/u]) {
    const m = shape.exec(trimmed);
    const found = m && headAndRest(m[1], m[2], lang);
    if (found) return found;
  }
  // Unnumbered, a name and a dash head a paragraph of two sentences or more ("Resident permits – If
  // you live in a zone you can apply … The permit …"); a glossary's line defines in one.
  const dashed = /^([\p{Lu}][^.!?:;\n–—]{0,50}?)\s+[–—]\s+(["“‘'(]?\p{Lu}[\s\S]+)$/u.exec(trimmed);
  if (dashed && /[.!?]["”’)]?\s+["“‘'(]?\p{Lu}/u.test(dashed[2])) return headAndRest(dashed[1], dashed[2], lang);
  return undefined;
}

/** The head of a run-in head and the text after it, if the head is a name (see runInHead). */
function headAndRest(head: string, rest: string, lang: string): { head: string; rest: string } | undefined {
  // A number after a short word and its full stop is an abbreviation's: "Jan. 12 the council …", "Approx. 3 km".
  if (/^\p{N}/u.test(rest) && ABBREVIATION.test(head)) return undefined;
  const numbered = /^\d{1,2}[.)]\s+/.test(head);
  const name = head.replace(/^\d{1,2}[.)]\s+/, '').replace(/\s+\([^)]*\)/g, '');
  if (!name || !/\p{L}{2}/u.test(name) || name.split(/\s+/).length > 7) return undefined;
  // The tagger reads English only: in another language a short first sentence ("Sí.", "La
  // ileítis afecta solo al íleon.") cannot be told from a name, so only a numbered one is a head.
  if (!/^en\b/i.test(lang)) return numbered && rest.split(/\s+/).length >= 8 ? { head, rest } : undefined;
  const tokens = tokensOf(`${name}.`).filter((t) => t.pos !== 'PUNCT');
  // A verb first is an instruction ("Stop smoking."), unless it is a participle used as an adjective ("Delayed … allergy").
  if (!tokens.length || (tokens[0].pos === 'VERB' && !/ed$/.test(tokens[0].lower))) return undefined;
  // ("Stage I – Initial periodontitis": a Roman one after a kind word is a label, not the pronoun of "Things I loved".)
  if (tokens.some((t, k) => (t.pos === 'PRON' && !(t.text === 'I' && k > 0 && LABELLED_NOUN.test(tokens[k - 1].text))) || t.pos === 'AUX' || t.pos === 'ADP' || t.pos === 'SCONJ' || (t.pos === 'DET' && t.text.length > 1))) return undefined;
  // A name is a noun phrase: "Yes." or "Of course." answering a question is not one.
  if (!tokens.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM')) return undefined;
  // Honorifics and initials ("Dr. Lee", "J. Smith") end in a full stop without ending a name.
  if (/^(?:dr|mr|mrs|ms|st|no|vol|fig|[A-Z])$/i.test(name)) return undefined;
  // The text after it is a paragraph, not a line of facts ("Leaflet CAR-112. Produced March 2024.").
  if (rest.split(/\s+/).length < 8) return undefined;
  return { head, rest };
}

/** Words cut short with a full stop that a number follows. */
const ABBREVIATION = /^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|approx|tel|ch|chap|sec|art|para|ph|ext|min|max|est|ed|rev|p|pp|no|vol|fig|ref|op|ex)$/i;
/** Nouns a label follows: "Stage I", "Type I". */
const LABELLED_NOUN = /^(?:stage|type|class|grade|phase|level|category|group|part|step|form|tier|section|chapter|unit)$/i;

/**
 * A head in capitals that opens its paragraph, as print sets a run-in name: "BEHIND-THE-EAR (BTE)
 * aids keep …", "RAPID-ACTING INSULIN starts working …". Two words or more in capitals, or one
 * joined by hyphens, then text in lower case; an acronym alone ("NHS", "COPD") is a word, not a head.
 */
export function capitalsHead(text: string): { head: string; rest: string } | undefined {
  const m = /^((?:\p{Lu}[\p{Lu}\d'’-]*)(?:\s+\p{Lu}[\p{Lu}\d'’-]*){0,5})((?:\s+\([^)]{1,30}\))?)\s+(?=\p{Ll})/u.exec(text.trim());
  if (!m) return undefined;
  const words = m[1].split(/\s+/);
  if (!(words.length >= 2 || /\p{Lu}-\p{Lu}/u.test(m[1])) || m[1].replace(/[^\p{Lu}]/gu, '').length < 5) return undefined;
  // The text after it is a paragraph, not a line of facts.
  if (text.split(/\s+/).length < 12) return undefined;
  return { head: `${m[1]}${m[2]}`, rest: text.trim() };
}

