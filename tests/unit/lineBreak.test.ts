import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { breakLines, collapseWhiteSpace, contentWidths, narrowestWidths, type Line } from '../../src/render/pdf/lineBreak.js';
import { selectFace } from '../../src/render/pdf/fonts.js';
import { shapedWidth } from '../../src/render/pdf/shape.js';
import type { InlineRun } from '../../src/render/pdf/boxes.js';
import { hyphenatorFor } from '../../src/render/pdf/hyphenate.js';

const face = selectFace([], 400, false);
const bold = selectFace([], 700, false);

function run(text: string, props: Partial<InlineRun> = {}): InlineRun {
  return { text, face, size: 12, color: '#000', underline: false, lineHeight: 16, ...props };
}
function lines(runs: InlineRun[], width: number, align: 'left' | 'right' | 'center' | 'justify' = 'left'): Line[] {
  return breakLines(runs, { width, align, strut: run('') });
}
const textOf = (l: Line) => l.fragments.map((f) => f.text).join('');
const nonSpace = (s: string) => s.replace(/[\s\u2028]/g, '');

const PROSE =
  'Take your inhaler every morning and evening, even when you feel well. If you need your reliever more than three times a week, ' +
  'book a review with your nurse; bring your spacer and your peak-flow diary.';

describe('fonts', () => {
  it('selects distinct regular and bold faces that measure text', () => {
    expect(face.key).not.toBe(bold.key);
    expect(shapedWidth(face, 'Hello')).toBeGreaterThan(0);
    expect(shapedWidth(face, 'Hello Hello')).toBeGreaterThan(shapedWidth(face, 'Hello'));
  });
});

describe('breakLines', () => {
  it('wraps prose so that no line is wider than the width', () => {
    const result = lines([run(PROSE)], 150);
    expect(result.length).toBeGreaterThan(3);
    for (const l of result) {
      expect(l.width).toBeLessThanOrEqual(150 + 0.01);
      const drawn = l.fragments.reduce((w, f) => w + shapedWidth(f.run.face, f.text) * f.run.size, 0);
      expect(drawn).toBeLessThanOrEqual(150 + 0.01);
    }
  });

  it('breaks at spaces and keeps every non-space character in order', () => {
    const runs = [run('Take your '), run('inhaler every', { face: bold }), run(' morning and evening, even when you feel well.')];
    const result = lines(runs, 80);
    expect(nonSpace(result.map(textOf).join(''))).toBe(nonSpace(runs.map((r) => r.text).join('')));
    // Lines break between words: no line starts or ends with a space.
    for (const l of result) expect(textOf(l)).toBe(textOf(l).trim());
  });

  it('keeps everything on one line when it fits, and fills lines greedily', () => {
    expect(lines([run('Short text')], 500)).toHaveLength(1);
    const result = lines([run(PROSE)], 200);
    // Greedy: the first word of each next line would not have fitted on the line before.
    for (let i = 0; i < result.length - 1; i++) {
      const nextWord = textOf(result[i + 1]).split(' ')[0];
      const withNext = shapedWidth(face, `${textOf(result[i])} ${nextWord}`) * 12;
      expect(withNext).toBeGreaterThan(200);
    }
  });

  it('breaks a long URL with no spaces into several lines, each within the width', () => {
    const url = 'https://example.org/' + 'patient-information-leaflets/'.repeat(7).slice(0, 180);
    expect(url).toHaveLength(200);
    const result = lines([run(url)], 100);
    expect(result.length).toBeGreaterThan(3);
    for (const l of result) expect(l.width).toBeLessThanOrEqual(100 + 0.01);
    expect(result.map(textOf).join('')).toBe(url);
  });

  it('forces a line break at U+2028 and does not draw it', () => {
    const result = lines([run('one\u2028two three')], 500);
    expect(result.map(textOf)).toEqual(['one', 'two three']);
  });

  it('gives lines a height of at least the strut line height', () => {
    const [l] = lines([run('x')], 100);
    expect(l.height).toBeCloseTo(16, 5);
    expect(l.baseline).toBeGreaterThan(0);
    expect(l.baseline).toBeLessThan(l.height);
  });

  it('centres a line: the first fragment is offset by half the free space', () => {
    const [l] = lines([run('Centred')], 200, 'center');
    const w = shapedWidth(face, 'Centred') * 12;
    expect(l.fragments[0].x).toBeCloseTo((200 - w) / 2, 5);
    const [left] = lines([run('Centred')], 200, 'left');
    expect(left.fragments[0].x).toBe(0);
  });

  it('right-aligns a line to the width', () => {
    const [l] = lines([run('Right')], 200, 'right');
    const f = l.fragments[l.fragments.length - 1];
    expect(f.x + f.width).toBeCloseTo(200, 5);
  });

  it('justifies all lines but the last to the full width', () => {
    const result = lines([run(PROSE)], 180, 'justify');
    expect(result.length).toBeGreaterThan(2);
    for (const l of result.slice(0, -1)) {
      expect(l.wordSpacing).toBeGreaterThan(0);
      expect(l.width).toBeCloseTo(180, 5);
    }
    expect(result[result.length - 1].wordSpacing).toBe(0);
  });

  it('positions fragments of consecutive runs one after another', () => {
    const [l] = lines([run('Hello '), run('bold', { face: bold }), run(' world')], 500);
    expect(l.fragments.map((f) => f.text)).toEqual(['Hello ', 'bold', ' world']);
    for (let i = 1; i < l.fragments.length; i++) {
      expect(l.fragments[i].x).toBeCloseTo(l.fragments[i - 1].x + l.fragments[i - 1].width, 5);
    }
  });
});

describe('collapseWhiteSpace', () => {
  it('collapses runs of spaces, tabs and newlines and trims both ends', () => {
    const out = collapseWhiteSpace([run('  Take \t\n  two\n\n tablets   ')], 'normal');
    expect(out.map((r) => r.text)).toEqual(['Take two tablets']);
  });

  it('collapses across run boundaries and drops runs left empty', () => {
    const out = collapseWhiteSpace([run('Hello  '), run('   '), run('  world'), run('  ')], 'normal');
    expect(out.map((r) => r.text)).toEqual(['Hello ', 'world']);
  });

  it('gives what collapsing character by character gives, for any runs of spaces, tabs, newlines and hard breaks', () => {
    // The rule written plainly: each character in turn, across runs; a hard break drops the space before it in its run.
    const reference = (texts: string[]): string[] => {
      let lastWasSpace = true;
      const out = texts.map((t) => {
        let text = '';
        for (const ch of t) {
          if (ch === '\u2028') {
            text = text.replace(/ $/, '') + ch;
            lastWasSpace = true;
          } else if (/[ \t\n\r\f]/.test(ch)) {
            if (!lastWasSpace) text += ' ';
            lastWasSpace = true;
          } else {
            text += ch;
            lastWasSpace = false;
          }
        }
        return text;
      }).filter((t) => t !== '');
      for (let i = out.length - 1; i >= 0; i--) {
        out[i] = out[i].replace(/ +$/, '');
        if (out[i] !== '') break;
      }
      return out.filter((t) => t !== '');
    };
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(' ', '  ', '\t', '\n', '\r', '\f', '\u2028', 'a', 'bc'), { maxLength: 8 }).map((p) => p.join('')), { maxLength: 5 }), (texts) => {
        expect(collapseWhiteSpace(texts.map((t) => run(t)), 'normal').map((r) => r.text)).toEqual(reference(texts));
      }),
      { numRuns: 2000 },
    );
  });

  it('removes the space before a hard break', () => {
    const out = collapseWhiteSpace([run('line one  \u2028  line two')], 'normal');
    expect(out.map((r) => r.text)).toEqual(['line one\u2028line two']);
  });

  it('keeps white space in pre mode, turning newlines into hard breaks and tabs into spaces', () => {
    const out = collapseWhiteSpace([run('a  b\n\tc')], 'pre');
    expect(out.map((r) => r.text)).toEqual(['a  b\u2028    c']);
  });
});

describe('contentWidths', () => {
  it('gives the widest word as min and the whole text as max', () => {
    const { min, max } = contentWidths([run('a extraordinarily b')]);
    expect(min).toBeCloseTo(shapedWidth(face, 'extraordinarily') * 12, 0);
    // Segments are measured apart, so kerning across a space may shift the sum slightly.
    expect(max).toBeCloseTo(shapedWidth(face, 'a extraordinarily b') * 12, 0);
    expect(max).toBeGreaterThan(min);
  });
});

describe('hyphenation of words longer than the line', () => {
  const en = hyphenatorFor('en')!;
  const es = hyphenatorFor('es-MX')!;
  const WORD = 'pneumonoultramicroscopicsilicovolcanoconiosis';

  it('finds a dictionary by the document language, and none for a language without one', () => {
    expect(en('hydroxychloroquine').length).toBeGreaterThan(2);
    expect(es('electroencefalografista')).toEqual(['elec', 'tro', 'en', 'ce', 'fa', 'lo', 'gra', 'fis', 'ta']);
    expect(hyphenatorFor('xx')).toBeUndefined();
  });

  it('splits at dictionary points with a visible hyphen; rejoined, the word is whole', () => {
    const hyphenated = breakLines([run(`Ask about ${WORD} today.`)], { width: 110, align: 'left', strut: run(''), hyphenate: en });
    for (const l of hyphenated) expect(l.width).toBeLessThanOrEqual(110 + 0.01);
    const texts = hyphenated.map(textOf);
    const broken = texts.filter((t) => t.endsWith('-'));
    expect(broken.length).toBeGreaterThan(1);
    // Each break is at a point the dictionary allows.
    const points = new Set(en(WORD).map((_, i, all) => all.slice(0, i + 1).join('').length));
    let joined = '';
    for (const t of texts) {
      if (t.endsWith('-')) {
        joined += t.slice(0, -1);
        expect(points.has(joined.replace(/^Ask about /, '').length), t).toBe(true);
      } else joined += t + ' ';
    }
    expect(joined.replace(/\s+/g, ' ').trim()).toBe(`Ask about ${WORD} today.`);
  });

  it('breaks a syllable wider than the line between letters, never starting a line with the hyphen', () => {
    // en-us gives im-munoglob-u-lin: "munoglob" alone is wider than 60 pt at 18 pt.
    for (const width of [50, 60, 70, 80]) {
      const result = breakLines([run('intravenous immunoglobulin', { size: 18, lineHeight: 27 })], { width, align: 'left', strut: run(''), hyphenate: en });
      const texts = result.map(textOf);
      for (const l of result) expect(l.width, texts.join('|')).toBeLessThanOrEqual(width + 0.01);
      for (const t of texts) expect(t.startsWith('-'), texts.join('|')).toBe(false);
      expect(texts.join('').replace(/-/g, '').replace(/\s/g, '')).toBe('intravenousimmunoglobulin');
    }
  });

  it('gives a table column a smaller minimum when its longest word can be hyphenated', () => {
    const plain = contentWidths([run('hydroxychloroquine daily')]);
    const hyphenated = contentWidths([run('hydroxychloroquine daily')], en);
    expect(hyphenated.min).toBeLessThan(plain.min * 0.7);
    expect(hyphenated.max).toBe(plain.max);
  });

  it('lets a long token (a version, a hash, a run of letters) give way before any word, down to about eight characters', () => {
    const size = run('x').size;
    for (const token of ['2026.03-rc1+build.5f3a9c2e7b1d4f6a8c0e2b4d6f8a0c2e4b6d8f0a', 'Z'.repeat(150), 'sha256:5f3a9c2e7b1d4f6a8c0e2b4d']) {
      const w = narrowestWidths([run(`Flu shots ${token}`)], en);
      expect(w.tokensBroken, token).toBeLessThanOrEqual(Math.max(4 * size, contentWidths([run('2026.03-')]).min));
      expect(w.tokensBroken, token).toBeGreaterThanOrEqual(contentWidths([run('shots')]).min);
      expect(w.whole, token).toBeGreaterThan(w.tokensBroken * 2);
      expect(w.hyphenated, token).toBeLessThanOrEqual(w.tokensBroken);
    }
    // A long word is a word: whole until words are hyphenated, then at its widest syllable.
    const word = narrowestWidths([run('hydroxychloroquine daily')], en);
    expect(word.tokensBroken).toBe(word.whole);
    expect(word.hyphenated).toBe(contentWidths([run('hydroxychloroquine daily')], en).min);
    // A short date or number is never a token.
    const date = narrowestWidths([run('2026-03-01')], en);
    expect(date.tokensBroken).toBe(date.whole);
  });

  it('breaks an address between characters, with no hyphen added', () => {
    const url = 'https://example.org/patient-education/calcinosis-and-scleroderma-guide';
    const result = breakLines([run(url)], { width: 90, align: 'left', strut: run(''), hyphenate: en });
    expect(result.length).toBeGreaterThan(1);
    expect(result.map(textOf).join('')).toBe(url);
  });
});

describe('what a reader gets at a line end (tagged text, copy-paste)', () => {
  const en = hyphenatorFor('en')!;
  /** The text as a screen reader meets it: what is drawn plus what is read after it, less added hyphens. */
  const readerText = (ls: Line[]) => ls.flatMap((l) => l.fragments.filter((f) => !f.addedHyphen).map((f) => f.text + (f.readAfter ?? ''))).join('');

  it('a break at a space carries the space; the last line carries none', () => {
    const result = lines([run(PROSE)], 150);
    expect(result.length).toBeGreaterThan(3);
    expect(readerText(result)).toBe(PROSE);
    expect(result[result.length - 1].fragments.at(-1)!.readAfter).toBeUndefined();
    // Nothing is drawn for it: the line is as wide as its visible text.
    for (const l of result) expect(l.fragments.at(-1)!.text).not.toMatch(/ $/);
  });

  it('a hard break separates the words either side', () => {
    const result = lines([run('Call us\u2028Monday to Friday')], 400);
    expect(result.length).toBe(2);
    expect(readerText(result)).toBe('Call us Monday to Friday');
  });

  it('a hyphen added at a line end is marked as added, and the word reads whole', () => {
    const result = breakLines([run('Ask about hydroxychloroquine today.', { size: 18, lineHeight: 27 })], { width: 110, align: 'left', strut: run(''), hyphenate: en });
    expect(result.some((l) => l.fragments.at(-1)!.addedHyphen)).toBe(true);
    expect(readerText(result)).toBe('Ask about hydroxychloroquine today.');
  });

  it('a word\'s own hyphen is not marked as added, and a break after it adds no space', () => {
    const text = 'Use the peak-flow meter with a well-fitting mouthpiece every single morning';
    for (const width of [60, 80, 100, 120]) {
      const result = lines([run(text)], width);
      expect(result.flatMap((l) => l.fragments).some((f) => f.addedHyphen)).toBe(false);
      expect(readerText(result)).toBe(text);
    }
  });
});
