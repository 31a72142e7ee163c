/**
 * The bundle gives retext-passive and retext-simplify scripts/nlcstSearch.mjs for nlcst-search
 * (scripts/bundle.mjs): it must call the handler exactly as the package does, the same matches of
 * the same phrases at the same places in the same order. Held on the trees retext makes of
 * content/, the corpus (needs ../shared) and random texts of phrase words, quotes, dashes and
 * apostrophes, with phrases of one and several words, `*`, and each option.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { retext } from 'retext';
import { search as packageSearch } from 'nlcst-search';
import { ROOT, SHARED } from '../helpers/build.js';
// @ts-expect-error: a plain ES module of the build scripts, typed by its JSDoc
import { search as bundleSearch } from '../../scripts/nlcstSearch.mjs';

type Search = typeof packageSearch;
type Tree = ReturnType<ReturnType<typeof retext>['parse']>;

const PHRASES = [
  'utilize', 'in order to', 'a number of', '* of', "don't", 'e-mail', 'is *', 'have to', 'it is', '*-', 'the * care',
  'follow-up care', "it's", 'UTILIZE', 'such as', 'prior to', 'is removed', 'was', 'were given', 'be', 'it', 'a  number', 'care',
  'the e-mail', "it don't", 'a follow-up', 'care *', '* care',
];
const OPTIONS = [undefined, { allowApostrophes: true }, { allowDashes: true }, { allowLiterals: true }];

/** Every call the handler gets, each node named by its path from the root. */
function calls(search: Search, tree: Tree, phrases: string[], options?: (typeof OPTIONS)[number]): unknown[] {
  const paths = new Map<unknown, string>();
  const name = (node: { children?: unknown[] }, at: string) => {
    paths.set(node, at);
    node.children?.forEach((c, i) => name(c as { children?: unknown[] }, `${at}/${i}`));
  };
  name(tree as never, '');
  const out: unknown[] = [];
  search(tree, phrases, (match, index, parent, phrase) => void out.push([phrase, index, paths.get(parent), match.map((n) => paths.get(n))]), options);
  return out;
}

function expectSameCalls(text: string, phrases = PHRASES): number {
  const tree = retext().parse(text);
  let n = 0;
  for (const options of OPTIONS) {
    const expected = calls(packageSearch, tree, phrases, options);
    expect(calls(bundleSearch as Search, tree, phrases, options)).toEqual(expected);
    // Again with the same list: its index is kept, and answers the same.
    expect(calls(bundleSearch as Search, tree, phrases, options)).toEqual(expected);
    n += expected.length;
  }
  return n;
}

const texts = (dir: string, ext: RegExp) => (existsSync(dir) ? readdirSync(dir).filter((f) => ext.test(f)).map((f) => readFileSync(path.join(dir, f), 'utf8')) : []);

describe('nlcst-search as the bundle gives it', () => {
  it('matches as the package does on content/ and the corpus', (ctx) => {
    const corpus = [...texts(path.join(SHARED, 'corpus/markdown'), /\.md$/), ...texts(path.join(SHARED, 'corpus/plain'), /\.txt$/)];
    if (!corpus.length) ctx.skip(`${SHARED}/corpus is absent: only content/ is compared`);
    let matches = 0;
    for (const text of [...texts(path.join(ROOT, 'content'), /\.(md|txt)$/), ...corpus]) matches += expectSameCalls(text);
    expect(matches).toBeGreaterThan(100); // the phrases are found, not only missed alike
  });

  it('matches as the package does on random texts', () => {
    const pieces = ['utilize', 'Utilize', 'in', 'order', 'to', 'a', 'number', 'of', "don't", 'don’t', 'e-mail', 'email', 'is', 'removed', 'was', 'were',
      'given', 'be', 'it', "it's", 'the', 'care', 'follow-up', 'follow', 'up', 'such', 'as', 'prior', '"', '“', '”', "'", '(', ')', ':', '—', '-', '*',
      ',', '.', '!', '?', ' ', ' ', ' ', '  ', '\n', '\n\n', '1', '2.5'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), fc.subarray(PHRASES), (parts, phrases) => {
        expectSameCalls(parts.join(' ').replace(/ {3,}/g, '  '), phrases);
      }),
      { numRuns: 400 },
    );
  });
});
