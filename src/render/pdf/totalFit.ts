/**
 * Line breaking that looks at the whole paragraph (Knuth and Plass's total fit, for ragged-right
 * text): of all the ways to break a paragraph into lines that fit, the one whose lines' slack
 * (room left at their end) has the least sum of squares, the last line of each paragraph free.
 * Greedy filling takes each line as full as it can and may leave a short line after a long one;
 * total fit evens the right edge. Works on measured pieces only, so it is a pure function.
 */

/** A piece between two break opportunities, as the line breaker measured it. */
export interface Breakable {
  width: number;
  /** Width of its trailing spaces, which do not count at the end of a line. */
  trailingSpace: number;
  /** A hard break follows it. */
  required: boolean;
}

/** The pieces grouped into lines: every line fits `maxWidth` unless one piece alone is wider. */
export function totalFit<T extends Breakable>(pieces: T[], maxWidth: number): T[][] {
  const lines: T[][] = [];
  let from = 0;
  // Hard breaks split the text into paragraphs broken on their own.
  for (let i = 0; i < pieces.length; i++) {
    if (pieces[i].required || i === pieces.length - 1) {
      lines.push(...fitParagraph(pieces.slice(from, i + 1), maxWidth));
      from = i + 1;
    }
  }
  return lines;
}

function fitParagraph<T extends Breakable>(pieces: T[], maxWidth: number): T[][] {
  const n = pieces.length;
  const prefix = [0];
  for (const p of pieces) prefix.push(prefix[prefix.length - 1] + p.width);
  const cost = new Array<number>(n + 1).fill(Infinity);
  const from = new Array<number>(n + 1).fill(0);
  cost[0] = 0;
  for (let j = 1; j <= n; j++) {
    for (let i = j - 1; i >= 0; i--) {
      const width = prefix[j] - prefix[i] - pieces[j - 1].trailingSpace;
      // A piece wider than the line stands alone; otherwise a line never runs past the width.
      if (width > maxWidth + 0.01 && i < j - 1) break;
      const slack = Math.max(0, maxWidth - width);
      const c = cost[i] + (j === n ? 0 : slack * slack);
      if (c < cost[j]) {
        cost[j] = c;
        from[j] = i;
      }
    }
  }
  const lines: T[][] = [];
  for (let j = n; j > 0; j = from[j]) lines.unshift(pieces.slice(from[j], j));
  return lines;
}
