/**
 * PEMAT-P (AHRQ's Patient Education Materials Assessment Tool for printable materials): the items a
 * program can judge from the source, each Agree / Disagree / not applicable with the reason, and
 * the score as a share of the items judged. The other items need a person; they are listed.
 * A program's verdicts are a first pass: the AHRQ tool is meant to be scored by trained readers.
 */
import type { Nodes } from 'mdast';
import { visit } from '../visitTree.js';
import { blocksInReadingOrder, walkSections, type Outline } from '../outline/outline.js';
import type { Sentence } from './prose.js';
import { largest } from '../extremes.js';

export type Verdict = 'agree' | 'disagree' | 'n/a';

export interface PematItem {
  /** Understandability or actionability, PEMAT's two scales. */
  scale: 'understandability' | 'actionability';
  name: string;
  verdict: Verdict;
  why: string;
}

export interface Pemat {
  items: PematItem[];
  agree: number;
  judged: number;
  /** Agree / judged, as a whole percentage; PEMAT calls 70 % or more understandable/actionable. */
  percent: number;
  forPerson: string[];
}

/** The items judged here, in the order PEMAT-P lists them. */
const ORDER = [
  'Medical terms defined', 'Uses the active voice', 'Chunked into short sections', 'Informative headers', 'Provides a summary',
  'Visual cues for key points', 'Tables have clear row and column headings', 'Identifies at least one action', 'Addresses the reader directly ("you")',
];
const ENGLISH_ONLY = new Set(['Uses the active voice', 'Identifies at least one action', 'Addresses the reader directly ("you")']);
const ACTIONABILITY = new Set(['Identifies at least one action', 'Addresses the reader directly ("you")']);

export const PEMAT_FOR_A_PERSON = [
  'The material makes its purpose completely evident',
  'The material does not include information or content that distracts from its purpose',
  'The material uses common, everyday language',
  'The material presents information in a logical sequence',
  'The material uses numbers that are clear and easy to understand',
  'The material does not expect the user to perform calculations',
  'The material uses visual aids whenever they could make content more easily understood',
  'The material\'s visual aids reinforce rather than distract from the content',
  'The material\'s visual aids have clear titles or captions',
  'The material breaks down any action into manageable, explicit steps',
  'The material provides a tangible tool (e.g. a checklist) whenever it could help the user take action',
  'The material provides simple instructions or examples of how to perform calculations',
  'The material explains how to use the charts, graphs, tables, or diagrams to take actions',
  'The material uses visual aids whenever they could make it easier to act on the instructions',
];

/** Headings that say nothing about what follows. */
const UNINFORMATIVE_HEADING = /^(introduction|intro|overview|background|general|other|miscellaneous|misc|more|details|information|info|notes?|section \d+|part \d+|chapter \d+|\d+)$/i;
const SUMMARY_HEADING = /^(key points?|the main points|in brief|summary|in summary|the bottom line|what to remember|puntos clave|lo más importante|resumen)\b/i;
/** Verbs that start an instruction to the reader. */
const ACTION_VERBS = new Set(['call', 'ask', 'tell', 'take', 'write', 'bring', 'list', 'see', 'check', 'keep', 'avoid', 'use', 'go', 'talk', 'make', 'stop', 'get', 'drink', 'eat', 'wash', 'note', 'watch', 'follow', 'visit', 'contact', 'book', 'plan', 'read', 'wear', 'put', 'try', 'do', 'don\'t', 'never', 'always', 'remember', 'apply', 'clean', 'cover', 'rest', 'store', 'give', 'show', 'look', 'find', 'learn', 'seek', 'phone', 'report', 'record', 'share', 'protect', 'limit', 'choose']);
const SECTION_WORDS_MAX = 250;
const CHUNK_MIN_WORDS = 150;

export interface PematInput {
  outline: Outline;
  /** The voice, "you" and action items read English words; for other languages they are left to a person. */
  english: boolean;
  sentences: Sentence[];
  passiveCount: number;
  /** Medical-looking words not in the glossary, as written; undefined when the undefined-term rule is off. */
  undefinedTerms?: string[];
  /** Words of running text per section, by slug (its own blocks only). */
  sectionWords: Map<string, number>;
}

export function pematScore(input: PematInput): Pemat {
  const { outline, sentences } = input;
  const sections = [...walkSections(outline.sections)];
  const items: PematItem[] = [];
  const item = (name: string, verdict: Verdict, why: string) => items.push({ scale: ACTIONABILITY.has(name) ? 'actionability' : 'understandability', name, verdict, why });

  const vague = sections.filter((s) => UNINFORMATIVE_HEADING.test(s.title.trim()));
  item('Informative headers', sections.length === 0 ? 'disagree' : vague.length ? 'disagree' : 'agree',
    sections.length === 0 ? 'no headings' : vague.length ? `headings that say little: ${vague.map((s) => `"${s.title}"`).join(', ')}` : `${sections.length} ${sections.length === 1 ? 'heading' : 'headings'}, none generic`);

  const longest = Math.max(0, largest(input.sectionWords.values()));
  if (outline.words < CHUNK_MIN_WORDS) item('Chunked into short sections', 'n/a', `only ${outline.words} words`);
  else if (sections.length === 0) item('Chunked into short sections', 'disagree', `${outline.words} words with no sections`);
  else item('Chunked into short sections', longest <= SECTION_WORDS_MAX ? 'agree' : 'disagree', `longest stretch without a heading: ${longest} words (at most ${SECTION_WORDS_MAX})`);

  const summary = sections.find((s) => s.kind === 'key-points' || SUMMARY_HEADING.test(s.title));
  item('Provides a summary', summary ? 'agree' : 'disagree', summary ? `"${summary.title}" section` : 'no "Key points" or summary section');

  const n = sentences.length || 1;
  const passiveShare = input.passiveCount / n;
  item('Uses the active voice', passiveShare <= 0.1 ? 'agree' : 'disagree', `${input.passiveCount} of ${sentences.length} sentences passive (at most 10 %)`);

  const you = sentences.filter((s) => s.words.some((w) => /^(you|your|yours|yourself)$/i.test(w))).length;
  item('Addresses the reader directly ("you")', you / n >= 0.1 ? 'agree' : 'disagree', `${you} of ${sentences.length} sentences say "you" or "your" (at least 10 %)`);

  const actions = sentences.filter((s) => ACTION_VERBS.has(s.words[0]?.toLowerCase() ?? '') || /\byou (should|need to|can|must)\b/i.test(s.text));
  item('Identifies at least one action', actions.length ? 'agree' : 'disagree', actions.length ? `${actions.length} ${actions.length === 1 ? 'instruction' : 'instructions'}, first: "${actions[0].text.slice(0, 50)}"` : 'no sentence tells the reader what to do');

  const undefinedTerms = input.undefinedTerms;
  if (!undefinedTerms) item('Medical terms defined', 'n/a', 'not judged: the undefined-term rule is off');
  else item('Medical terms defined', undefinedTerms.length === 0 ? 'agree' : 'disagree',
    undefinedTerms.length === 0 ? 'every medical-looking word is in the glossary' : `not in the glossary: ${undefinedTerms.slice(0, 5).map((t) => `"${t}"`).join(', ')}${undefinedTerms.length > 5 ? ` and ${undefinedTerms.length - 5} more` : ''}`);

  let tables = 0;
  let headed = 0;
  let bold = 0;
  let lists = 0;
  let callouts = 0;
  for (const { block } of blocksInReadingOrder(outline)) {
    visit(block as Nodes, (node: Nodes) => {
      if (node.type === 'table') {
        tables++;
        if (node.children[0]?.children.some((c) => c.children.length > 0)) headed++;
      }
      if (node.type === 'strong') bold++;
      if (node.type === 'list') lists++;
      if (node.type === 'blockquote' && node.data?.callout) callouts++;
    });
  }
  item('Tables have clear row and column headings', tables === 0 ? 'n/a' : headed === tables ? 'agree' : 'disagree', tables === 0 ? 'no tables' : `${headed} of ${tables} tables have a header row`);

  // Each verdict names only the evidence found: a box, bold runs, lists.
  const box = sections.find((s) => s.kind === 'key-points');
  const cues = [
    box ? `a key points box ("${box.title}")` : '',
    bold ? `${bold} bold ${bold === 1 ? 'phrase' : 'phrases'}` : '',
    lists ? `${lists} ${lists === 1 ? 'list' : 'lists'}` : '',
    callouts ? `${callouts} ${callouts === 1 ? 'callout box' : 'callout boxes'}` : '',
  ].filter(Boolean);
  item('Visual cues for key points', cues.length ? 'agree' : 'disagree', cues.length ? cues.join(', ') : 'no bold, lists or boxes');

  if (!input.english) {
    for (const i of items) {
      if (ENGLISH_ONLY.has(i.name)) Object.assign(i, { verdict: 'n/a', why: 'judged for English text only' });
    }
  }
  items.sort((a, b) => ORDER.indexOf(a.name) - ORDER.indexOf(b.name));
  const judged = items.filter((i) => i.verdict !== 'n/a').length;
  const agree = items.filter((i) => i.verdict === 'agree').length;
  return { items, agree, judged, percent: judged ? Math.round((100 * agree) / judged) : 0, forPerson: PEMAT_FOR_A_PERSON };
}
