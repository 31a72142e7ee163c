/**
 * Nothing lost in plain text: every letter of the source reaches a paragraph or a line left out
 * with a warning (a page's number, a running header or footer), whatever
 * the text is made of: wrapped and unwrapped lines, page breaks (form feeds too), words broken by
 * hyphens, list markers, indented openings, trails, form lines and the names the joining rules read.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toString } from 'mdast-util-to-string';
import { parsePlainText, type DroppedLine } from '../../src/parse/parseSource.js';

const RUNS = Number(process.env.HANDOUT_PROPERTY_RUNS ?? 300) * 3;

/**
 * The letters of a text, counted: markers, digits, hyphens and spaces aside. (Counted, not in order:
 * a paragraph a page break cut is one again, before the page's number it held.)
 */
const letters = (text: string) => (text.match(/\p{L}/gu) ?? []).sort().join('');

describe('plain text keeps every word', () => {
  it('every letter of random texts reaches a paragraph or a line left out with a warning', () => {
    const piece = fc.constantFrom(
      'Page 1 of 3', 'Page 2 of 3', '1', '2', 'Leaflet RH-014 Issue 2', 'Home › Health › Gout', 'Gout: advice for patients', 'anti-', 'inflammatory',
      'treat-', 'ment', 'the', 'May', 'in', 'and', 'Will', 'Essen', 'auf', ' ', '    ', '\n', '\n', '\n\n', '● ', '- ', '1. ', '· ', '\uF0B7 ', 'Name: ______',
      'Telephone 01632 960 418', 'Tuesday 18 March', 'word', 'Word.', 'words are here.', 'The clinic is open', '«', '»', '>', 'Keep the wound clean and dry for two days.',
    );
    // Texts of a few pages, each under the same running lines, ending on its number; or no pages at all.
    const body = fc.array(piece, { maxLength: 25 }).map((p) => p.join(''));
    const page = fc.tuple(fc.constantFrom('', 'Leaflet RH-014 Issue 2\n', 'Northfield Hospital          Rheumatology\n'), body, fc.constantFrom('\nPage 1 of 3\n', '\n2\n\f', '\n'));
    const paged = fc.array(page, { minLength: 1, maxLength: 4 }).map((pages) => pages.map(([head, text, foot]) => `${head}${text}${foot}`).join('\n'));
    fc.assert(
      fc.property(fc.oneof(fc.array(piece, { maxLength: 60 }).map((p) => p.join('')), paged), fc.array(fc.nat(40), { maxLength: 3 }), (text, feeds) => {
        const dropped: DroppedLine[] = [];
        // (Form feeds as readSource reports them: the lines they stood on, the text with a space instead.)
        const fed = text.split('\n').flatMap((l, i) => (l.includes('\f') ? [i + 1] : []));
        const tree = parsePlainText(text.replace(/\f/g, ' '), 0, dropped, [...fed, ...feeds.map((f) => f + 1)]);
        const kept = [...tree.children.map((p) => toString(p)), ...dropped.map((d) => d.text)];
        expect(letters(kept.join(' '))).toBe(letters(text));
      }),
      { numRuns: RUNS },
    );
  });
});
