/**
 * Parts of speech for English statements, from wink-nlp's English model (an npm package: nothing
 * loads at run time). The summary asks two things of it: does a statement open by pointing back
 * ("This is …", "These include …"), and does an opening clause have its verb.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Tagged {
  lower: string;
  /** Universal part-of-speech tag: NOUN, PROPN, ADJ, VERB, AUX, DET, PRON, ADP, PUNCT, NUM … */
  pos: string;
}

let tagger: ReturnType<typeof winkNLP> | undefined;

/** Loading the model takes a moment: once per process, and only when a table is made. */
function nlp() {
  return (tagger ??= winkNLP(model, ['sbd', 'pos']));
}

export function tagged(text: string): Tagged[] {
  const doc = nlp().readDoc(text);
  const words = doc.tokens().out() as string[];
  const tags = doc.tokens().out(nlp().its.pos) as string[];
  return words.map((w, i) => ({ lower: w.toLowerCase(), pos: tags[i] })).filter((t) => t.lower.trim() !== '');
}
