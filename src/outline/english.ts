/**
 * wink-nlp's English model (an npm package: nothing loads at run time), shared by the inference
 * and the summary. The model is a few megabytes of JavaScript: it is loaded on first use, once per
 * process, so a build of Markdown with headings and no table never pays for it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import winkNLP from 'wink-nlp';
import type { Model } from 'wink-nlp';

let tagger: ReturnType<typeof winkNLP> | undefined;

/** What handout asks of the tagger: sentence boundaries and parts of speech, nothing else. */
export const PIPE: readonly string[] = ['sbd', 'pos'];

export function englishTagger(): ReturnType<typeof winkNLP> {
  // wink-nlp's code is in the bundle (and its code cache); the model's files are read beside it.
  tagger ??= winkNLP(englishModel(createRequire(import.meta.url)), [...PIPE]);
  return tagger;
}

/**
 * The version whose core model `readCoreModel` reads as the package does (tests/unit/englishModel.test.ts
 * compares the two); any other version is loaded by the package's own code.
 */
const READ_AS_PACKAGE_VERSION = '1.8.1';

/**
 * The model, its core read once. The package's own loader parses the core's 3 MB of JSON when it is
 * required, then copies it through JSON.stringify and JSON.parse on each use, and decodes its
 * lexicon a character at a time: about 170 ms of a cold start, against 80 ms read here.
 * Sentence boundaries and parts of speech come from the package as they are. wink-nlp builds the
 * named-entity, negation and sentiment machines whatever the pipe, so those are empty machines
 * here: PIPE never runs them, and reading them cost 575 KB of JSON. The addons (lemmas, stems,
 * readability) load on first use; lemmas alone are 220 KB of word lists. Together about 20 ms of
 * every process that tags. tests/unit/englishModel.test.ts compares the tags with the package's.
 */
export function englishModel(require: NodeJS.Require, pipe: readonly string[] = PIPE): Model {
  const dir = path.dirname(require.resolve('wink-eng-lite-web-model/package.json'));
  const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
  // A pipe that runs more than PIPE gets the package's whole model, as the package loads it.
  if (version !== READ_AS_PACKAGE_VERSION || pipe.some((p) => !PIPE.includes(p))) return require('wink-eng-lite-web-model') as Model;
  const part = (name: string) => require(path.join(dir, 'dist', name)) as unknown;
  const onFirstUse = (name: string) => (...args: unknown[]) => (part(name) as (...a: unknown[]) => unknown)(...args);
  const unused = (what: string) => () => {
    throw new Error(`wink-nlp: the ${what} model is not loaded (src/outline/english.ts runs ${PIPE.join(' and ')} only)`);
  };
  // The package's dist/model.js, with the core read here and what PIPE never runs left empty.
  const model = Object.assign(Object.create(null) as Record<string, unknown>, {
    core: () => readCoreModel(path.join(dir, 'dist/languages/cur/models/eng-core-web-model.json')),
    sbd: part('load-sbd-model.js'),
    pos: part('load-pos-model.js'),
    ner: () => ({ machines: [], transformers: [] }),
    negation: () => ({ machines: [EMPTY_MACHINE], setter: unused('negation') }),
    sa: () => ({ machines: [EMPTY_MACHINE], setter: unused('sentiment') }),
    metaCER: part('load-cer-meta-model.js'),
    featureFn: part('feature.js'),
    addons: Object.assign(Object.create(null) as Record<string, unknown>, {
      stem: onFirstUse('porter-stemmer.js'),
      lemmatize: onFirstUse('lemmatize.js'),
      readabilityStats: onFirstUse('readability-stats.js'),
      wordVectors: undefined,
    }),
  });
  return model as unknown as Model;
}

/** A finite-state machine with no states, as wink-nlp's automaton exports an empty one. */
const EMPTY_MACHINE = '[100,0,{"0":{}},{},{},{}]';

interface Feature {
  list: string[];
  hash?: Record<string, number>;
  intrinsicSize?: number;
  index?: number;
  maxIndex?: number;
}

interface CoreModel {
  lexicon: string | Uint32Array;
  xpansions: string | Uint32Array;
  packing: { layout: Record<string, number[]>; efList?: string[] };
  features: Record<string, Feature> & { lexeme: Feature; posClusters: { list: (string | Set<number>)[] } };
  pos: { hash: Record<string, number> };
}

/** The core model as the package's loader makes it: lexicons as words, each feature's list indexed. */
export function readCoreModel(file: string): CoreModel {
  const model = JSON.parse(readFileSync(file, 'utf8')) as CoreModel;
  const { features } = model;
  const { layout } = model.packing;
  model.lexicon = base64Words(model.lexicon as string);
  model.xpansions = base64Words(model.xpansions as string);
  const index = (feature: Feature) => {
    const hash: Record<string, number> = Object.create(null);
    for (let k = 0; k < feature.list.length; k++) hash[feature.list[k]] = k;
    feature.hash = hash;
  };
  const clusters = features.posClusters.list;
  for (const f in layout) if (layout[f][3] === 0) index(features[f]);
  index(features.lexeme);
  for (let k = 0; k < clusters.length; k++) clusters[k] = new Set((clusters[k] as string).split('_').map((tag) => model.pos.hash[tag] || 0));
  model.packing.efList = [];
  for (const f in layout) {
    if (layout[f][3] === 0) {
      const size = features[f].list.length;
      Object.assign(features[f], { intrinsicSize: size, index: size, maxIndex: layout[f][1] >>> layout[f][2] });
    }
    if (layout[f][4] === 1) model.packing.efList.push(f);
  }
  features.lexeme.intrinsicSize = features.lexeme.index = features.lexeme.list.length;
  return model;
}

/** Base64 → 32-bit words in the machine's byte order, as the package reads them. */
function base64Words(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  const words = new Uint32Array(bytes.length >>> 2);
  new Uint8Array(words.buffer).set(bytes.subarray(0, words.length * 4));
  return words;
}
