/**
 * The English model's core, read by src/outline/english.ts without the package's copy of it, is the
 * same data the package's own loader makes, and tags the same. If the package changes, this fails
 * before a build could tag with a model read wrongly.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { englishModel, PIPE, readCoreModel } from '../../src/outline/english.js';
import { ROOT, SHARED } from '../helpers/build.js';
import { textFiles } from '../helpers/corpus.js';

const require = createRequire(import.meta.url);

describe("wink's English model, read once", () => {
  it("reads the core model into the same data as the package's loader", () => {
    const dir = path.dirname(require.resolve('wink-eng-lite-web-model/package.json'));
    const ours = readCoreModel(path.join(dir, 'dist/languages/cur/models/eng-core-web-model.json'));
    const theirs = (require('wink-eng-lite-web-model') as { core: () => unknown }).core();
    expect(isDeepStrictEqual(ours, theirs)).toBe(true);
  });

  it('tags a sentence as the package does', () => {
    const winkNLP = require('wink-nlp') as (model: unknown, pipe: string[]) => { readDoc: (t: string) => { tokens: () => { out: (f?: unknown) => string[] } }; its: { pos: unknown } };
    const sentence = 'Dystrophic calcinosis occurs most often in skin that was damaged, and it rarely spreads.';
    const tags = (model: unknown) => {
      const nlp = winkNLP(model, ['sbd', 'pos']);
      return nlp.readDoc(sentence).tokens().out(nlp.its.pos);
    };
    expect(tags(englishModel(require))).toEqual(tags(require('wink-eng-lite-web-model')));
  });

  it('splits and tags whole articles as the package does, with the machines handout never runs left empty', () => {
    type Nlp = { readDoc: (t: string) => { sentences: () => { out: () => string[] }; tokens: () => { out: (f?: unknown) => string[] } }; its: { pos: unknown } };
    const winkNLP = require('wink-nlp') as (model: unknown, pipe: string[]) => Nlp;
    const texts = [path.join(ROOT, 'content'), path.join(SHARED, 'seeds')].flatMap((dir) => textFiles(dir, /\.(md|txt)$/));
    expect(texts.length).toBeGreaterThan(1);
    const read = (model: unknown) => {
      const nlp = winkNLP(model, [...PIPE]);
      return texts.map((t) => {
        const doc = nlp.readDoc(t);
        return { sentences: doc.sentences().out(), tags: doc.tokens().out(nlp.its.pos) };
      });
    };
    const ours = read(englishModel(require));
    expect(ours.reduce((n, d) => n + d.tags.length, 0)).toBeGreaterThan(1000);
    expect(ours).toEqual(read(require('wink-eng-lite-web-model')));
  });

  it("gives a pipe that runs more (named entities, negation, sentiment) the package's whole model", () => {
    for (const more of ['ner', 'negation', 'sentiment']) expect(englishModel(require, [...PIPE, more])).toBe(require('wink-eng-lite-web-model'));
  });
});
