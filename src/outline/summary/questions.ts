/**
 * The questions a reader asks of each part of a health handout (English), with the word stems
 * that show a statement answers one. A question becomes a column only when the parts answer it
 * (see summaryTable.ts); front matter `summary: columns:` replaces these with the author's own.
 */
import type { SummaryColumnSetting } from '../../read/frontMatter.js';
import type { Statement } from './statements.js';

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

/** Words a text about health uses, each in its forms ("treats", "treated", "treatment"): its people, places, care and complaints. */
const CLINICAL_WORDS = /(?<!\p{L})(symptom|treat|doctor|nurse|patient|hospital|clinic|medicine|medication|disease|disorder|syndrome|infection|infect|diagnosis|diagnos|surgery|surgeon|therapy|therapist|pharmacy|pharmacist|prescription|prescrib|illness|injury|injur|vet|veterinary|pregnan|allerg|vaccin|pain|fever|headache|swell|rash|cough|vomit|dizz|bleed|wound|virus|bacteri|health)(?:s|es|ed|ing|ment|ments|ic|ies|y|e|cy|ation|ations)?(?!\p{L})/giu;
/** … and the body's, which other texts use too (a museum's bones, a hedgehog's sleep): half as much. */
const BODY_WORDS = /(?<!\p{L})(blood|skin|muscle|bone|heart|brain|lung|liver|kidney|tissue|burn|sleep|immun|inherit|genetic|mutation|condition)(?:s|es|ed|ing|e|ity|al)?(?!\p{L})/giu;

/**
 * Is the handout about health? The health questions (Cause, Signs, Treatment …) are asked only of
 * one that uses enough of health's words: three of its care and complaints, a GP, or the body's at
 * half as much each. An orienteering club's courses have no "Signs", a bank's accounts no
 * "Treatment", a museum's bones and burnt grain no "Cause".
 */
export function aboutHealth(blockTexts: string[]): boolean {
  const clinical = new Set<string>();
  const body = new Set<string>();
  for (const text of blockTexts) {
    for (const m of text.matchAll(CLINICAL_WORDS)) clinical.add(m[1].toLowerCase().slice(0, 6));
    for (const m of text.matchAll(BODY_WORDS)) body.add(m[1].toLowerCase());
    if (/(?<!\p{L})GPs?(?!\p{L})/u.test(text)) clinical.add('gp');
    if (clinical.size + body.size / 2 >= 3) return true;
  }
  return false;
}
