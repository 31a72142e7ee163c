// @ts-check
/**
 * css-tree as the bundle gives it to the specificity package (see scripts/bundle.mjs), which calls
 * only `parse(selector, { context: 'selector' })` and `toPlainObject`: css-tree's selector parser
 * and its convertor. css-tree's main entry also builds the whole CSS syntax (every property's
 * grammar, from mdn-data) when it loads, which specificity never reads: 20 ms of every render's
 * start against 8. tests/unit/cssTreeSelectors.test.ts compares the trees with the main entry's.
 */
import parse from 'css-tree/selector-parser';
import convertor from 'css-tree/convertor';

export { parse };
export const { toPlainObject } = convertor;
