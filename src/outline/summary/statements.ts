/**
 * The statements of one part that could stand alone in a table cell, each taken word for word
 * from the source. A statement is a sentence, with two rules that keep it self-contained:
 *  - a lead-in ("Causes include:", "… such as" before a list) brings the list it introduces, as
 *    many items as fit;
 *  - a sentence that opens by pointing back ("This is the main cause.", "It forms …", "These
 *    minerals …") comes with the sentence it points back to, or is not a statement at all.
 * Statements longer than MAX_WORDS lose their parentheses ("(dis-TROH-fik)"), keep only their
 * opening clause, or are left out: shortening is by choosing whole pieces, never by rewriting.
 */
import { BULLET_MARKER } from '../../parse/listMarkers.js';
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Block } from '../outline.js';
import { sentencesOf, wordSegmentsOf } from '../sentences.js';
import { tagged } from './partsOfSpeech.js';

export const MAX_WORDS = 25;

export interface Statement {
  text: string;
  line: number;
  /** Position among the part's statements. */
  order: number;
  /** Lower-cased words, for scoring. */
  words: string[];
}

/** Openings that lean on the sentence before ("However, …", "As a result, …"). */
const CONNECTIVE = /^(however|therefore|thus|also|but|so|as a result|in addition|as well|for example|for this reason|otherwise|instead|others)\b/i;
const DEMONSTRATIVES = new Set(['this', 'these', 'those', 'that', 'such']);
/** Pronouns that refer to no earlier sentence: "Some …", "There are …", "You may …". */
const STANDS_FOR_ITSELF = new Set(['some', 'many', 'most', 'all', 'each', 'both', 'one', 'few', 'several', 'none', 'there', 'you', 'we', 'i', 'everyone', 'anyone', 'someone', 'nobody']);
/** Nouns by which a text calls one of its parts ("this form", "these types"), so the row names them. */
const PART_NOUN = /^(forms?|types?|kinds?|class(es)?|stages?|variet(y|ies)|categor(y|ies)|subtypes?|conditions?|disorders?|diseases?|syndromes?)$/i;

/**
 * Does an English sentence lean on the one before it for what it is about? It does when it opens
 * with a pronoun ("It forms …", "This is …", "These include …"), a connective ("However, …"), or
 * a demonstrative within its first three words before a noun other than the part's own kind
 * ("These minerals …", "In these cases …"; but "This form …" names the part the row is about).
 */
export function pointsBack(sentence: string): boolean {
  const text = sentence.trim();
  if (CONNECTIVE.test(text)) return true;
  const words = tagged(text).filter((t) => t.pos !== 'PUNCT');
  if (words[0]?.pos === 'PRON' && !STANDS_FOR_ITSELF.has(words[0].lower)) return true;
  // "If they do, …", "When this happens, …", "If so, …": an opening clause too short to say
  // anything of its own stands for the sentence before ("Because it was warm, the tepidarium …" does not).
  const clause = /^(\S+(?:\s+\S+){0,2}?),/.exec(text)?.[1].toLowerCase().split(/\s+/);
  if (clause && words[0] && (words[0].pos === 'SCONJ' || DEPENDENT_OPENING.has(words[0].lower)) && (/^(?:so|not)$/.test(clause[1] ?? '') && clause.length === 2 || clause.some((w, i) => i > 0 && (DEMONSTRATIVES.has(w) || /^(?:it|they|he|she)$/.test(w))))) return true;
  // "One such tablet", "Such cases": "such" points back whatever the tagger calls it ("such as" does not).
  const such = words.slice(0, 3).findIndex((t) => t.lower === 'such');
  if (such >= 0 && words[such + 1]?.lower !== 'as' && !PART_NOUN.test(words[such + 1]?.lower ?? '')) return true;
  const d = words.slice(0, 3).findIndex((t) => DEMONSTRATIVES.has(t.lower) && (t.pos === 'DET' || t.pos === 'PRON'));
  // "That" after the opening word joins clauses ("Proteins that …"); it points only when it opens.
  if (d < 0 || (d > 0 && words[d].lower === 'that')) return false;
  const next = words[d + 1];
  return !next || !PART_NOUN.test(next.lower);
}

/**
 * Does an English sentence tell the reader what to do ("Press a clean pad on the cut", "Wash your
 * hands", "Call 999", "Do not scratch")? It opens on "do not", "don't", "never", "always" or
 * "please", or on a word that is not a determiner, pronoun or linking word and whose object follows
 * at once: an article, a possessive, a pronoun, a number or a particle. The tagger is not asked: a
 * sentence's first word is where it errs most ("Cut edges gape" is no instruction, "Press" is one).
 */
export function isInstruction(sentence: string): boolean {
  const words = sentence.trim().split(/\s+/).map((w) => w.toLowerCase().replace(/[^\p{L}\p{N}'’]/gu, ''));
  if (/^(?:do not|don['’]t|never|always|please)$/.test(words.slice(0, words[0] === 'do' ? 2 : 1).join(' '))) return true;
  // (Not a name set off by a comma or a colon, "Granite, the speckled stone …", "Examples: a seesaw",
  // nor a participle, "Depending on the producer …".)
  const first = sentence.trim().split(/\s+/)[0];
  if (!/^\p{Lu}\p{Ll}*$/u.test(first) || NOT_A_VERB.has(words[0]) || /ing$/.test(words[0])) return false;
  const next = words[1] ?? '';
  if (OBJECT_OPENING.has(next)) return true;
  // A verb as the tagger reads it, before an adjective, a number or a particle ("Stack large leaves",
  // "Look out for …"); before a noun it may be a noun itself ("Cut edges gape", "Burn damage …").
  const tags = tagged(sentence.trim()).filter((t) => t.pos !== 'PUNCT');
  if (tags[0]?.pos === 'VERB' && !/(?:ing|ed)$/.test(tags[0].lower) && ['ADJ', 'NUM', 'ADP', 'PART', 'ADV', 'DET', 'PRON'].includes(tags[1]?.pos ?? '') && !LINKING.has(next)) return true;
  // The verbs advice opens on most, before a bare object, a number or a particle ("Avoid alcohol",
  // "Call 999", "Sit down"), unless the next word makes the first a noun ("Rest is the first
  // treatment"); any other word before one is a name ("Stage 2 means …", "Dogs in Class 1 …").
  return ADVICE_VERBS.has(words[0]) && !!next && !LINKING.has(next);
}

/** Verbs advice opens on that are seldom nouns (not "contact", "change", "use": "Contact dermatitis appears …"). */
const ADVICE_VERBS = new Set('avoid stop try make keep take get see seek ask tell eat drink wear bring give put go come leave let call remember continue reduce apply wash clean remove rinse push pull write treat sit lie wait'.split(' '));
/** Words after a first word that make it a noun: "Rest is …", "Support can …". */
const LINKING = new Set('is are was were can could may might will would should shall must has have had does do did helps makes means'.split(' '));

/** Words a sentence opens on that are no verb: determiners, pronouns, prepositions, conjunctions. */
const NOT_A_VERB = new Set('due according next close a an the this that these those it its they them their we you your he she his her i my our there here some many most all each every both either neither one none no any few several much more less other such what which who whose when where why how if as because although though while since until unless once only even also then so but and or not in on at for with without after before during from by about into over under up down off out to than like'.split(' '));
/** What follows a verb of an instruction at once: its object's first word, or a particle. */
const OBJECT_OPENING = new Set('a an the this that these those it them your yours his her their our my some any each every plenty yourself yourselves him us me'.split(' '));

/** Openings the tagger reads as adverbs that still make a clause dependent ("When …"). */
const DEPENDENT_OPENING = new Set(['when', 'whenever', 'where', 'wherever', 'while', 'if', 'unless', 'once', 'as']);

/**
 * Can an opening clause stand alone? It has a verb ("Type 4 looks like type 1"; not "Type I, the
 * worst form") and does not open as a dependent clause or phrase ("Although …", "In most people …").
 */
function standsAlone(clause: string): boolean {
  const words = tagged(clause);
  if (!words.length || words[0].pos === 'SCONJ' || words[0].pos === 'ADP' || DEPENDENT_OPENING.has(words[0].lower)) return false;
  return words.some((t, i) => i > 0 && (t.pos === 'VERB' || t.pos === 'AUX'));
}

/** The words a reader sees: raw HTML in the source is markup, never a statement's text. */
export function textOf(node: Nodes): string {
  return toString(node, { includeHtml: false });
}

export function wordsOf(text: string, lang: string): string[] {
  const out: string[] = [];
  for (const s of wordSegmentsOf(text, lang)) out.push(s.segment.toLowerCase());
  return out;
}

/** A paragraph's text, or a list's items (each item's first paragraph), with the source line. */
type Unit = { kind: 'paragraph'; text: string; line: number } | { kind: 'list'; items: { text: string; line: number }[]; line: number };

/** The blocks as paragraphs and lists; consecutive bullet-line paragraphs are one list. */
function unitsOf(blocks: Block[]): Unit[] {
  const units: Unit[] = [];
  for (const block of blocks) {
    const line = block.position?.start.line ?? 0;
    if (block.type === 'paragraph') {
      const text = textOf(block);
      const last = units[units.length - 1];
      if (!BULLET_MARKER.test(text)) units.push({ kind: 'paragraph', text, line });
      else if (last?.kind === 'list') last.items.push({ text: text.replace(BULLET_MARKER, ''), line });
      else units.push({ kind: 'list', items: [{ text: text.replace(BULLET_MARKER, ''), line }], line });
    } else if (block.type === 'list') {
      const items = block.children.map((item) => ({ text: item.children[0]?.type === 'paragraph' ? textOf(item.children[0]) : '', line: item.position?.start.line ?? line }));
      units.push({ kind: 'list', items, line });
    }
  }
  return units;
}

export function statementsOf(blocks: Block[], lang: string): Statement[] {
  // Only English has a tagger here: other languages keep every sentence that is not a bare lead-in.
  const leansBack = lang.toLowerCase().startsWith('en') ? pointsBack : () => false;
  /** `whole`: a statement made of pieces (a lead-in and its list, two sentences) is never cut to its opening clause. */
  const found: { text: string; line: number; whole?: boolean }[] = [];
  const names = namesIn(blocks, lang);
  const units = unitsOf(blocks);
  units.forEach((unit, u) => {
    if (unit.kind === 'paragraph') {
      const next = units[u + 1];
      const sentences = sentencesOf(unit.text, lang);
      sentences.forEach((sentence, s) => {
        const last = s === sentences.length - 1;
        let text = sentence;
        // A lead-in ("Causes include:", "… such as") stands only with its list.
        if (/:$/.test(sentence) || (last && next?.kind === 'list' && !/[.!?]["”’)]*$/.test(sentence))) {
          if (!last || next?.kind !== 'list') return;
          const list = listAfterLeadIn(sentence, next.items, lang, names);
          if (!list) return;
          text = list;
        }
        if (leansBack(sentence)) {
          const before = sentences[s - 1];
          if (!before || leansBack(before) || /:$/.test(before)) return;
          text = `${before} ${text}`;
        }
        found.push({ text, line: unit.line, whole: text !== sentence });
      });
    } else {
      // Items that are whole sentences are statements; fragments are only read after their lead-in.
      for (const item of unit.items) {
        for (const sentence of sentencesOf(item.text, lang)) {
          // (One that opens in lower case goes on from its lead-in: "Use your reliever when you:" over "- are having an asthma attack.")
          if (/[.!?]$/.test(sentence) && !/^\p{Ll}/u.test(sentence) && !leansBack(sentence) && wordsOf(sentence, lang).length >= 4) found.push({ text: sentence, line: item.line });
        }
      }
    }
  });
  const out: Statement[] = [];
  for (const f of found) {
    const text = withinLength(f.text, lang, !f.whole);
    if (text) out.push({ text, line: f.line, order: out.length, words: wordsOf(text, lang) });
  }
  return out;
}

/**
 * The statement as it is; else without its parentheses; else (English, and `cut` for a single
 * sentence) its opening clause, when that is a whole clause with its verb ("Type 4 has signs similar to type 1 …" from "…, although
 * it is caused by another gene."). An ellipsis marks the words left out. Else nothing.
 */
export function withinLength(text: string, lang: string, cut = true): string | undefined {
  const fits = (t: string) => wordsOf(t, lang).length <= MAX_WORDS;
  if (fits(text)) return text;
  const shorter = text.replace(/\s*\([^()]*\)/g, '');
  if (fits(shorter)) return shorter;
  if (!cut || !lang.toLowerCase().startsWith('en')) return undefined;
  let clause: string | undefined;
  for (const m of shorter.matchAll(/[,;]\s/g)) {
    const prefix = shorter.slice(0, m.index);
    if (!fits(`${prefix} …`)) break;
    if (wordsOf(prefix, lang).length >= 6 && standsAlone(prefix)) clause = `${prefix} …`;
  }
  return clause;
}

/**
 * "Causes include:" + its list → "Causes include: a recent wound; acne; joint injuries; …":
 * the items that fit in MAX_WORDS, in order, an ellipsis for the rest. At least two items, or nothing.
 */
function listAfterLeadIn(leadIn: string, list: { text: string }[], lang: string, names: Set<string>): string | undefined {
  const items = list.map((item) => itemText(item.text, lang, names)).filter(Boolean);
  let words = wordsOf(leadIn, lang).length;
  const kept: string[] = [];
  for (const item of items) {
    const n = wordsOf(item, lang).length;
    if (words + n > MAX_WORDS) break;
    kept.push(item);
    words += n;
  }
  if (kept.length < Math.min(2, items.length)) return undefined;
  return `${leadIn} ${kept.join('; ')}${kept.length < items.length ? '; …' : ''}`;
}

/**
 * An item's own words (its first sentence, not its sublist), without closing punctuation, and its
 * first letter in lower case unless the text shows the word is a name (capitalised inside a
 * sentence somewhere): "A recent wound" → "a recent wound", "Lupus" → "lupus", but "Down
 * syndrome" stays when the text also says "people with Down syndrome"; "HIV" always stays.
 */
function itemText(item: string, lang: string, names: Set<string>): string {
  const sentence = sentencesOf(item, lang)[0] ?? '';
  const text = sentence.replace(/[\s.;:,]+$/, '').trim();
  const word = /^\p{Lu}\p{Ll}*(?=[\s,]|$)/u.exec(text)?.[0];
  return word && !names.has(word) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** Words written with a capital inside a sentence, not at its start: the text's names. */
function namesIn(blocks: Block[], lang: string): Set<string> {
  const out = new Set<string>();
  for (const block of blocks) {
    for (const sentence of sentencesOf(textOf(block), lang)) {
      let first = true;
      for (const s of wordSegmentsOf(sentence, lang)) {
        if (!first && /^\p{Lu}/u.test(s.segment)) out.add(s.segment);
        first = false;
      }
    }
  }
  return out;
}
