/**
 * wink-nlp's English model (an npm package: nothing loads at run time), shared by the inference
 * and the summary. The model is a few megabytes of JavaScript: it is loaded on first use, once per
 * process, so a build of Markdown with headings and no table never pays for it.
 */
import { createRequire } from 'node:module';
import type winkNLPType from 'wink-nlp';
import type { Model } from 'wink-nlp';

let tagger: ReturnType<typeof winkNLPType> | undefined;

export function englishTagger(): ReturnType<typeof winkNLPType> {
  if (!tagger) {
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as typeof winkNLPType;
    tagger = winkNLP(require('wink-eng-lite-web-model') as Model, ['sbd', 'pos']);
  }
  return tagger;
}
