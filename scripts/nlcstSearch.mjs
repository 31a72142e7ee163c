// @ts-check
/**
 * nlcst-search (4.x), as the bundle gives it to retext-passive and retext-simplify (see
 * scripts/bundle.mjs): the same search, answering each call the same matches in the same order,
 * with less work. Measured in the package, per handout and per plugin:
 * - its phrase index (each phrase's first word, normalised) was built again on every call, some
 *   300 phrases for the simpler-word check: it is built once for each list of phrases a caller
 *   passes (the two plugins make theirs once and never change it);
 * - unist-util-visit walked the tree making a function and an array of ancestors for every node:
 *   the walk here is a plain recursion over the children, in the same order (depth first, each
 *   node before its children), calling the handler for each WordNode with its parent and index;
 * - each phrase's later words were split and normalised at every test: done once per phrase.
 * What a match is stays the package's own: the same normalising (nlcst-normalize), the same
 * literal test (nlcst-is-literal), white space only between the words of a phrase, `*` for any
 * word. tests/unit/nlcstSearch.test.ts compares it with the package on many trees and phrases.
 */
import { isLiteral } from 'nlcst-is-literal';
import { normalize } from 'nlcst-normalize';

/**
 * @typedef {{ allowApostrophes?: boolean, allowDashes?: boolean, allowLiterals?: boolean }} Options
 * @typedef {{ type: string, children?: Node[] }} Node
 * @typedef {{ phrase: string, rest: (string | undefined)[] }} Phrase a phrase and its later words, normalised (undefined: `*`, any word)
 */

/** @type {WeakMap<object, Map<string, Map<string, Phrase[]>>>} */
const indexes = new WeakMap();

/**
 * The phrases by their first word, normalised, each with its later words; those starting with `*`
 * under '*'. As the package's, an index is made from the phrases' text, which the caller does not
 * change once made.
 * @param {string[]} phrases
 * @param {Options} config
 */
function indexOf(phrases, config) {
  const key = `${config.allowApostrophes === true}${config.allowDashes === true}`;
  let byConfig = indexes.get(phrases);
  if (!byConfig) indexes.set(phrases, (byConfig = new Map()));
  let byWord = byConfig.get(key);
  if (byWord) return byWord;
  byWord = new Map([['*', []]]);
  for (const phrase of phrases) {
    const first = normalize(phrase.split(' ', 1)[0], config);
    const rest = phrase.split(' ').slice(1).map((w) => (w === '*' ? undefined : normalize(w, config)));
    const list = byWord.get(first);
    if (list) list.push({ phrase, rest });
    else byWord.set(first, [{ phrase, rest }]);
  }
  byConfig.set(key, byWord);
  return byWord;
}

/**
 * @param {Node} tree
 * @param {string[]} phrases
 * @param {(match: Node[], index: number, parent: Node, phrase: string) => void} handler
 * @param {Options | null | undefined} [options]
 */
export function search(tree, phrases, handler, options) {
  const config = options || {};
  if (!tree || !tree.type) throw new Error('Expected node');
  if (typeof phrases !== 'object') throw new TypeError('Expected object for phrases');
  const byWord = indexOf(phrases, config);
  const any = /** @type {Phrase[]} */ (byWord.get('*'));

  /** @param {Node} parent */
  const walk = (parent) => {
    const siblings = /** @type {Node[]} */ (parent.children);
    for (let position = 0; position < siblings.length; position++) {
      const node = siblings[position];
      if (node.type === 'WordNode' && (config.allowLiterals || !isLiteral(/** @type {any} */ (parent), position))) {
        const own = byWord.get(normalize(/** @type {any} */ (node), config));
        if (any.length) for (const p of any) match(p, position, parent);
        if (own) for (const p of own) match(p, position, parent);
      }
      if (node.children) walk(node);
    }
  };

  /**
   * @param {Phrase} p
   * @param {number} start
   * @param {Node} parent
   */
  const match = (p, start, parent) => {
    const siblings = /** @type {Node[]} */ (parent.children);
    let position = start + 1;
    for (const expected of p.rest) {
      // White space may join the words of a phrase.
      while (position < siblings.length && siblings[position].type === 'WhiteSpaceNode') position++;
      const node = siblings[position];
      if (!node || node.type !== 'WordNode' || (expected !== undefined && expected !== normalize(/** @type {any} */ (node), config))) return;
      position++;
    }
    handler(siblings.slice(start, position), start, parent, p.phrase);
  };

  if (tree.children) walk(tree);
}
