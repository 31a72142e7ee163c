/**
 * The questions a reader asks of each part of a health handout (English), with the word stems
 * that show a statement answers one. A question becomes a column only when the parts answer it
 * (see summaryTable.ts); front matter `summary: columns:` replaces these with the author's own.
 */
import type { SummaryColumnSetting } from '../../read/frontMatter.js';
import { blocksInReadingOrder, type Outline } from '../outline.js';
import { textOf, type Statement } from './statements.js';

export interface Question extends SummaryColumnSetting {
  /** Stems that hint at the question but also appear elsewhere: they count half. */
  weak?: string[];
}

/** In the order the columns print. */
export const HEALTH_QUESTIONS: Question[] = [
  {
    label: 'Cause',
    words: ['caus', 'due to', 'because', 'trigger', 'lead to', 'leads to', 'result from', 'results from', 'mutation', 'too much', 'failure'],
    weak: ['damag', 'injur', 'wound', 'gene', 'infection', 'exposure'],
  },
  {
    label: 'Who gets it, and when',
    words: ['infant', 'infancy', 'newborn', 'child', 'adolescen', 'teen', 'adult', 'born', 'birth', 'age of', 'by age', 'aged', 'older', 'elderly', 'onset', 'begin', 'begins', 'start', 'starts'],
    weak: ['people', 'women', 'men', 'years', 'months', 'life', 'early', 'late'],
  },
  {
    label: 'Signs',
    words: ['symptom', 'signs', 'sign of', 'feature', 'characteri', 'pain', 'weak', 'problem', 'swell', 'rash', 'fever'],
    weak: ['develop', 'experience', 'affect', 'severe', 'mild', 'difficult'],
  },
  {
    label: 'Where',
    words: ['where', 'site', 'area', 'locali', 'located', 'found in', 'around', 'spread'],
    weak: ['skin', 'face', 'joint', 'organ', 'blood', 'liver', 'brain', 'lung', 'kidney'],
  },
  {
    label: 'Treatment',
    words: ['treat', 'therap', 'surgical', 'removal', 'remove', 'medicine', 'medication', 'drug', 'administer', 'prescri', 'manage', 'cure', 'transplant'],
    weak: ['surgery', 'help'],
  },
  {
    label: 'Outlook',
    words: ['surviv', 'life expectancy', 'lifespan', 'fatal', 'die', 'death', 'prognos', 'outlook', 'recover'],
    weak: ['live', 'improve', 'worse', 'progress'],
  },
];

/** How strongly a statement answers a question: stems matched, per square root of its length. */
export function answers(statement: Statement, question: Question): number {
  const lower = ` ${statement.words.join(' ')} `;
  // A phrase matches whole words; a single stem matches the words it begins.
  const hits = (w: string) => (w.includes(' ') ? (lower.includes(` ${w} `) ? 1 : 0) : statement.words.filter((t) => t.startsWith(w)).length);
  let total = 0;
  for (const w of question.words) total += hits(w);
  for (const w of question.weak ?? []) total += hits(w) / 2;
  return total / Math.sqrt(Math.max(1, statement.words.length));
}

/** Words a text about health uses: its people, places and what they do. */
const HEALTH_WORDS = /\b(?:symptoms?|signs and symptoms|treat(?:s|ed|ing|ments?)?|pharmac(?:y|ies|ists?)|doctors?|gps?|nurses?|patients?|hospitals?|clinics?|medicines?|medications?|diseases?|disorders?|syndromes?|conditions?|infections?|inherited|genes?|genetic|mutations?|pain|diagnos\w*|surgery|surgeon|therap\w*|prescri\w*|health|illness|injur\w*|vets?|veterinary|pregnan\w*|birth|labour|allerg\w*|tablets?|vaccin\w*|blood|skin|muscles?|bones?|heart|brain|lungs?|liver|kidneys?|cells?|tissues?|burns?|sleep|exposure)\b/gi;

/**
 * Is the handout about health? The health questions (Cause, Signs, Treatment …) are asked only of
 * one that uses three or more of health's words: an orienteering club's courses have no "Signs",
 * a bank's accounts no "Treatment".
 */
export function aboutHealth(outline: Outline): boolean {
  const seen = new Set<string>();
  for (const { block } of blocksInReadingOrder(outline)) {
    for (const m of textOf(block).matchAll(HEALTH_WORDS)) seen.add(m[0].toLowerCase().replace(/s$/, ''));
    if (seen.size >= 3) return true;
  }
  return false;
}
