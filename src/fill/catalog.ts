/**
 * What the catalog (index.html) and the summary table print about each handout, in words: the
 * review status, the reading grade with the formula that gave it (or "not measured"), the
 * language's name; and the languages and audiences the catalog's filters offer.
 */
export interface CollectionRow {
  title: string;
  lang: string;
  audience?: string;
  nextReview?: string;
  reviewStatus: 'current' | 'due soon' | 'overdue' | 'not scheduled';
  readingStatus: 'meets target' | 'over target' | 'not measured';
  grade?: number;
  fleschKincaid?: number;
  smog?: number;
  fernandezHuerta?: number;
  targetGrade: number;
}

const REVIEW_LABELS: Record<CollectionRow['reviewStatus'], string> = {
  overdue: 'Review overdue',
  'due soon': 'Review due soon',
  current: 'Review current',
  'not scheduled': 'No review scheduled',
};

export function languageName(code: string): string {
  let name = languageNames.get(code);
  if (name === undefined) {
    try {
      // One DisplayNames for the process: making one reads ICU's data, some 10 ms each time.
      englishNames ??= new Intl.DisplayNames(['en'], { type: 'language' });
      const found = englishNames.of(code);
      name = found && found !== code ? `${found} (${code})` : code;
    } catch {
      name = code;
    }
    languageNames.set(code, name);
  }
  return name;
}

let englishNames: Intl.DisplayNames | undefined;
/** Codes already named (a library has a handful of languages). */
const languageNames = new Map<string, string>();

export function collectionRow<R extends CollectionRow>(row: R) {
  const measured = row.readingStatus !== 'not measured';
  const scores = row.fernandezHuerta !== undefined ? `Fernández Huerta ${row.fernandezHuerta.toFixed(1)}` : measured ? `Flesch-Kincaid ${row.fleschKincaid?.toFixed(1)}, SMOG ${row.smog?.toFixed(1)}` : '';
  return {
    ...row,
    /** The status as a class name and filter value: "due-soon". */
    reviewKey: row.reviewStatus.replace(/ /g, '-'),
    reviewLabel: REVIEW_LABELS[row.reviewStatus],
    readingMeasured: measured,
    overTarget: row.readingStatus === 'over target',
    gradeText: row.grade === undefined ? 'not measured' : row.fernandezHuerta !== undefined ? String(row.grade) : row.grade.toFixed(1),
    readingNote: measured ? `${scores}; ${row.readingStatus} ${row.targetGrade}` : 'no formula for this language',
    languageName: languageName(row.lang),
  };
}

export function catalogContext<R extends CollectionRow>(rows: R[], dueSoonDays: number) {
  const documents = rows.map(collectionRow);
  const languages = [...new Set(rows.map((r) => r.lang))].sort().map((code) => ({ code, name: languageName(code) }));
  const audiences = [...new Set(rows.map((r) => r.audience).filter((a): a is string => !!a))].sort((a, b) => a.localeCompare(b, 'en'));
  return { documents, languages, audiences, dueSoonDays };
}
