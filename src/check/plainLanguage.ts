/**
 * Plain language, sentence by sentence: sentences over 20 words, the passive voice
 * (retext-passive, plus "is/was … -ed" for the regular verbs its list leaves out), and words
 * with simpler alternatives (retext-simplify).
 */
import { retext } from 'retext';
import retextPassive from 'retext-passive';
import retextSimplify from 'retext-simplify';
import type { Finding } from './findings.js';
import { quote } from './findings.js';
import type { Sentence } from './prose.js';
import { DEFAULT_LONG_SENTENCE_WORDS } from './checkSettings.js';


const prose = retext()
  .use(retextPassive)
  .use(retextSimplify, {
    // Words a handout often needs and that read plainly to patients.
    ignore: ['type', 'types', 'function', 'contains', 'remain', 'require', 'requires'],
  });

const BE = /^(am|is|are|was|were|be|been|being)$/i;
/** Words ending in -ed after "is" that describe rather than act: "is tired", not passive. */
const ADJECTIVES_IN_ED = new Set(['tired', 'interested', 'worried', 'concerned', 'married', 'supposed', 'used', 'advanced', 'limited', 'red', 'bed', 'need', 'needed', 'skilled', 'pleased', 'scared', 'bored', 'excited', 'ashamed', 'related', 'based']);

/** Words in a sentence beyond which it is not read for passives and simpler words. */
const MAX_READ_WORDS = 1000;

interface RetextMessage {
  source?: string | null;
  actual?: string | null;
  expected?: string[] | null;
  place?: { start: { offset?: number } } | { offset?: number } | null;
}

/**
 * Runs retext once over all the sentences (one paragraph each) and hands each message to the
 * sentence it falls in: one parse per handout, not one per sentence.
 */
function retextMessages(sentences: Sentence[]): RetextMessage[][] {
  const starts: number[] = [];
  let text = '';
  for (const s of sentences) {
    starts.push(text.length);
    // A "sentence" of thousands of words (a list of lines with no full stop) is reported as long
    // (longSentenceFindings) and not read for passives and simpler words: retext's parser
    // overflows the stack on one of 40 000 words.
    text += (s.words.length <= MAX_READ_WORDS ? s.text : '') + '\n\n';
  }
  const perSentence: RetextMessage[][] = sentences.map(() => []);
  let messages: RetextMessage[];
  try {
    messages = prose.processSync(text).messages as RetextMessage[];
  } catch (e) {
    // Anything else retext cannot read leaves these two rules without findings, not the handout unbuilt.
    if (e instanceof RangeError) return perSentence;
    throw e;
  }
  for (const m of messages) {
    const place = m.place && 'start' in m.place ? m.place.start : m.place;
    const offset = place?.offset ?? 0;
    let i = starts.length - 1;
    while (i > 0 && starts[i] > offset) i--;
    perSentence[i]?.push(m);
  }
  return perSentence;
}

/** The passive verb of a sentence, if it has one: from retext-passive's messages, else "be + -ed". */
export function isPassive(sentence: Sentence, messages?: RetextMessage[]): string | undefined {
  const found = (messages ?? retextMessages([sentence])[0]).find((m) => m.source === 'retext-passive');
  if (found) return String(found.actual ?? '');
  const w = sentence.words;
  for (let i = 0; i < w.length - 1; i++) {
    if (!BE.test(w[i])) continue;
    const next = /ly$/i.test(w[i + 1]) && i + 2 < w.length ? w[i + 2] : w[i + 1];
    if (/^[a-z]{3,}ed$/i.test(next) && !ADJECTIVES_IN_ED.has(next.toLowerCase())) return `${w[i]} ${next}`;
  }
  return undefined;
}

export interface PlainLanguageSettings {
  /** A sentence of more words than this is long. */
  longSentenceWords: number;
  /** Words retext-simplify should leave alone (lower case). */
  ignore: string[];
}

export function plainLanguageFindings(file: string, sentences: Sentence[], settings: PlainLanguageSettings = { longSentenceWords: DEFAULT_LONG_SENTENCE_WORDS, ignore: [] }): { findings: Finding[]; passiveCount: number } {
  const findings: Finding[] = [];
  let passiveCount = 0;
  const messages = retextMessages(sentences);
  findings.push(...longSentenceFindings(file, sentences, settings.longSentenceWords));
  sentences.forEach((s, i) => {
    const verb = isPassive(s, messages[i]);
    if (verb) {
      passiveCount++;
      findings.push({
        rule: 'passive-voice',
        severity: 'warning',
        subject: verb.toLowerCase(),
        file,
        line: s.line,
        message: `passive voice ("${verb}"): ${quote(s.text)}`,
        suggestion: 'say who does it: "Your doctor removes the lump", not "The lump is removed"',
      });
    }
    for (const m of messages[i].filter((x) => x.source === 'retext-simplify')) {
      const word = String(m.actual ?? '').toLowerCase();
      if (settings.ignore.includes(word)) continue;
      const expected = (m.expected ?? []).filter(Boolean);
      findings.push({
        rule: 'simpler-word',
        severity: 'warning',
        subject: word,
        file,
        line: s.line,
        message: `"${m.actual}" has a simpler alternative`,
        suggestion: expected.length ? `use ${expected.map((e) => `"${e}"`).join(' or ')}` : 'leave it out',
      });
    }
  });
  return { findings, passiveCount };
}

/** Sentences longer than `max` words; needing no word list, this rule reads every language. */
export function longSentenceFindings(file: string, sentences: Sentence[], max: number): Finding[] {
  return sentences
    .filter((s) => s.words.length > max)
    .map((s) => ({
      rule: 'long-sentence',
      severity: 'warning',
      file,
      line: s.line,
      message: `long sentence (${s.words.length} words): ${quote(s.text)}`,
      suggestion: `split it into sentences of ${max} words or fewer`,
    }));
}
