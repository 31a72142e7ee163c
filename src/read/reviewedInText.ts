/**
 * A review date the text itself states, for a source whose settings give none: "Last reviewed:
 * March 4, 2024", "Page last reviewed: 14 February 2024", "Revisado el 3 de mayo de 2025". Patient
 * pages copied from the web carry one; reading it lets the summary and the review check see it.
 * Only a short line that says "reviewed" (or "revised", "updated") with a whole date counts; a
 * month and year alone ("last revised in January 2024") is read as that month's first day, the
 * earlier reading, so a review is never thought newer than it was. Numeric dates like 4/3/2024 are
 * left alone: they read differently in the US and in Europe.
 */
import { lookupTable } from '../lookupTable.js';

export interface StatedReview {
  /** YYYY-MM-DD. */
  date: string;
  /** 1-based line of the source that states it. */
  line: number;
}

const MONTHS = lookupTable<number>({
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
});
const MONTH = '([a-z]+)\\.?';
const YEAR = '((?:19|20)\\d{2})';
/** The line says the text was reviewed; "updated" counts only when no line says "reviewed". */
const REVIEWED = /\b(?:reviewed|revised|revisado|revisión|review date)\b/i;
const UPDATED = /\b(?:updated|actualizado|actualización)\b/i;
const DATES: { re: RegExp; ymd: (m: RegExpExecArray) => [string, string | undefined, string | undefined] }[] = [
  { re: /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/, ymd: (m) => [m[1], m[2], m[3]] },
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:de\\s+)?${MONTH},?\\s+(?:de\\s+)?${YEAR}\\b`, 'i'), ymd: (m) => [m[3], m[2], m[1]] },
  { re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+${YEAR}\\b`, 'i'), ymd: (m) => [m[3], m[1], m[2]] },
  { re: new RegExp(`\\b${MONTH}\\s+(?:de\\s+|of\\s+)?${YEAR}\\b`, 'i'), ymd: (m) => [m[2], m[1], undefined] },
];

export function reviewedInText(text: string): StatedReview | undefined {
  const lines = text.split('\n');
  for (const says of [REVIEWED, UPDATED]) {
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (line.split(/\s+/).length > 15 || !says.test(line)) continue;
      const date = dateIn(line.slice(line.search(says)));
      if (date) return { date, line: i + 1 };
    }
  }
  return undefined;
}

function dateIn(text: string): string | undefined {
  for (const { re, ymd } of DATES) {
    const m = re.exec(text);
    if (!m) continue;
    const [y, mo, d] = ymd(m);
    const month = /^\d+$/.test(mo ?? '') ? Number(mo) : MONTHS[(mo ?? '').toLowerCase()];
    const day = d === undefined ? 1 : Number(d);
    if (!month) continue;
    const iso = `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    // 2024-02-30 is no date.
    if (new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso) return iso;
  }
  return undefined;
}
