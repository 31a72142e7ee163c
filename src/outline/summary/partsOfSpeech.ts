/**
 * Parts of speech for English statements, from wink-nlp's English model (an npm package: nothing
 * loads at run time). The summary asks two things of it: does a statement open by pointing back
 * ("This is …", "These include …"), and does an opening clause have its verb.
 */
import { englishTagger as nlp } from '../english.js';

export interface Tagged {
  lower: string;
  /** Universal part-of-speech tag: NOUN, PROPN, ADJ, VERB, AUX, DET, PRON, ADP, PUNCT, NUM … */
  pos: string;
}

export function tagged(text: string): Tagged[] {
  const doc = nlp().readDoc(text);
  const words = doc.tokens().out() as string[];
  const tags = doc.tokens().out(nlp().its.pos) as string[];
  return words.map((w, i) => ({ lower: w.toLowerCase(), pos: tags[i] })).filter((t) => t.lower.trim() !== '');
}
