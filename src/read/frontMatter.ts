/**
 * YAML front matter → typed handout metadata. Errors name the file line of the YAML problem;
 * a key of the wrong type is an error, an unknown key a warning with the closest known key.
 */
import { parseDocument, isMap, isScalar, type Document } from 'yaml';
import { HandoutError, type Warnings } from '../diagnostics.js';
import { slugify } from '../slug.js';

export interface HandoutMeta {
  title?: string;
  subtitle?: string;
  audience?: string;
  /** BCP 47 language tag; 'en' when not given. */
  lang: string;
  version?: string;
  /** ISO date, YYYY-MM-DD. */
  reviewed?: string;
  organisation?: string;
  author?: string;
  description?: string;
  keywords: string[];
  slug?: string;
  /** Page size for the PDF; a command-line option overrides it. */
  paper?: PaperSize;
  /** Infer sections from prose even in Markdown (plain text always is, unless `infer: false`). */
  inferSections?: boolean;
  /** The parts the text describes (`parts: [dystrophic, metastatic]`), when the inference gets them wrong. */
  parts?: string[];
  /** Which template set lays the handout out: 'handout' (default) or 'study-guide'. */
  template?: string;
  /** For study guides: the course, and the date of the class. */
  course?: string;
  date?: string;
  /** The at-a-glance table: its columns, or false for none inside the handout. */
  summary?: SummarySettings;
  /** Also build this edition (large print): `out/<slug>.large.pdf`. */
  variant?: 'large-print';
  /** Reading grade this handout should meet (`target-grade:`); the check's default otherwise. */
  targetGrade?: number;
  /** How often the handout is reviewed (`review-every: 2y`, `18m`, `6w`, `90d`). */
  reviewEvery?: string;
  /** ISO date of the next review (`next-review:`); wins over reviewed + review-every. */
  nextReview?: string;
  /** Terms and their plain definitions (`glossary:`), added to the glossary files' terms. */
  glossary?: Record<string, string>;
}

export interface SummaryColumnSetting {
  label: string;
  /** Words that pick the sentences for this column. */
  words: string[];
}

export interface SummarySettings {
  columns?: SummaryColumnSetting[];
  /** false: no at-a-glance table inside the handout (the separate sheet is still made). */
  show?: boolean;
}

export type PaperSize = 'letter' | 'a4';

type Kind = 'text' | 'date' | 'list' | 'paper' | 'lang' | 'bool' | 'summary' | 'variant' | 'grade' | 'period' | 'glossary' | 'parts';

/** Known keys and their kinds; aliases map other common spellings onto them. */
const KEYS: Record<string, Kind> = {
  title: 'text',
  subtitle: 'text',
  audience: 'text',
  lang: 'lang',
  version: 'text',
  reviewed: 'date',
  organisation: 'text',
  author: 'text',
  description: 'text',
  keywords: 'list',
  slug: 'text',
  paper: 'paper',
  'infer-sections': 'bool',
  parts: 'parts',
  template: 'text',
  course: 'text',
  date: 'date',
  summary: 'summary',
  variant: 'variant',
  'target-grade': 'grade',
  'review-every': 'period',
  'next-review': 'date',
  glossary: 'glossary',
};
const ALIASES: Record<string, keyof typeof KEYS> = {
  language: 'lang',
  organization: 'organisation',
  subject: 'description',
  tags: 'keywords',
  size: 'paper',
  target_grade: 'target-grade',
  targetgrade: 'target-grade',
  'reading-grade': 'target-grade',
  review_every: 'review-every',
  reviewevery: 'review-every',
  'review-interval': 'review-every',
  next_review: 'next-review',
  nextreview: 'next-review',
  'review-by': 'next-review',
  'review-date': 'next-review',
  terms: 'glossary',
  infer: 'infer-sections',
  'infer-parts': 'infer-sections',
};

/** Where the front matter is: the `---` fence lines (1-based) and the YAML between them. */
export function findFrontMatter(text: string): { yaml: string; firstLine: number; lastLine: number } | undefined {
  if (!/^---[ \t]*\n/.test(text)) return undefined;
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    if (/^(---|\.\.\.)[ \t]*$/.test(lines[i])) {
      return { yaml: lines.slice(1, i).join('\n'), firstLine: 1, lastLine: i + 1 };
    }
  }
  return { yaml: '', firstLine: 1, lastLine: -1 };
}

export function parseFrontMatter(text: string, file: string, warnings: Warnings): HandoutMeta {
  const meta: HandoutMeta = { lang: 'en', keywords: [] };
  const found = findFrontMatter(text);
  if (!found) return meta;
  if (found.lastLine === -1) {
    throw new HandoutError('front matter starts with `---` but never ends', { file, line: 1 }, 'close it with a line of `---`');
  }
  const doc = parseDocument(found.yaml, { prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : found.yaml.slice(0, offset).split('\n').length + 1);
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const reason = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new HandoutError(`invalid front matter: ${reason}`, { file, line: lineOf(err.pos[0]) }, 'front matter is YAML: `key: value`, one per line');
  }
  if (doc.contents === null) return meta;
  if (!isMap(doc.contents)) {
    throw new HandoutError('front matter must be a list of `key: value` lines', { file, line: 2 });
  }
  for (const pair of doc.contents.items) {
    const keyNode = pair.key;
    const rawKey = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const line = lineOf(isScalar(keyNode) ? keyNode.range?.[0] : undefined);
    const key = KEYS[rawKey] ? rawKey : ALIASES[rawKey.toLowerCase()] ?? (KEYS[rawKey.toLowerCase()] ? rawKey.toLowerCase() : undefined);
    if (!key) {
      const near = closest(rawKey, [...Object.keys(KEYS)]);
      warnings.add(`unknown front-matter key "${rawKey}"${near ? `; did you mean ${near}?` : ''}`, { file, line });
      continue;
    }
    let value = toJs(doc, pair.value);
    // Keep numbers as written: `version: 1.10` is "1.10", not 1.1.
    if (typeof value === 'number' && isScalar(pair.value) && pair.value.range) {
      value = found.yaml.slice(pair.value.range[0], pair.value.range[1]).trim();
    }
    if (value === null || value === undefined || value === '') continue;
    setValue(meta, key, value, { file, line });
  }
  return meta;
}

function toJs(doc: Document, node: unknown): unknown {
  return node && typeof node === 'object' && 'toJSON' in node ? (node as { toJSON(): unknown }).toJSON() : node;
}

function setValue(meta: HandoutMeta, key: string, value: unknown, where: { file: string; line: number }): void {
  const kind = KEYS[key];
  const wrong = (expected: string) =>
    new HandoutError(`front-matter key "${key}" should be ${expected}, not ${JSON.stringify(value)}`, where);
  switch (kind) {
    case 'text':
      if (typeof value !== 'string' && typeof value !== 'number') throw wrong('text');
      if (key === 'slug' && !slugify(String(value))) throw wrong('a name with letters or digits');
      (meta as unknown as Record<string, string>)[key] = key === 'slug' ? slugify(String(value)) : String(value).trim();
      return;
    case 'lang':
      if (typeof value !== 'string' || !/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(value)) throw wrong('a language tag such as en or es-MX');
      meta.lang = value;
      return;
    case 'date': {
      const iso = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
      const valid = m && !Number.isNaN(Date.parse(iso)) && new Date(iso).toISOString().slice(0, 10) === iso;
      if (!valid) throw wrong('a date written YYYY-MM-DD');
      if (key === 'next-review') meta.nextReview = iso;
      else if (key === 'date') meta.date = iso;
      else meta.reviewed = iso;
      return;
    }
    case 'grade': {
      const grade = Number(value);
      if (typeof value === 'boolean' || !Number.isFinite(grade) || grade < 1 || grade > 20) throw wrong('a school grade from 1 to 20, such as 8');
      meta.targetGrade = grade;
      return;
    }
    case 'period': {
      const period = parsePeriod(String(value));
      if (!period) throw wrong('a period such as 2y, 18m, 6w or 90d');
      meta.reviewEvery = `${period.count}${period.unit}`;
      return;
    }
    case 'glossary': {
      const entries = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.entries(value).map(([term, definition]) => ({ term, definition })) : undefined;
      if (!entries || !entries.every((e) => e && typeof e.term === 'string' && typeof e.definition === 'string' && e.definition.trim())) {
        throw wrong('a list of `term: plain definition` lines');
      }
      meta.glossary = Object.fromEntries(entries.map((e) => [String(e.term).trim(), String(e.definition).trim()]));
      return;
    }
    case 'list':
      if (typeof value === 'string') meta.keywords = value.split(',').map((s) => s.trim()).filter(Boolean);
      else if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) meta.keywords = value.map(String);
      else throw wrong('a list of words');
      return;
    case 'parts':
      if (!Array.isArray(value) || value.length < 2 || !value.every((v) => (typeof v === 'string' || typeof v === 'number') && String(v).trim())) {
        throw wrong('a list of two or more part names, such as [dystrophic, metastatic]');
      }
      meta.parts = value.map((v) => String(v).trim());
      return;
    case 'bool':
      if (typeof value !== 'boolean') throw wrong('true or false');
      if (key === 'infer-sections') meta.inferSections = value;
      return;
    case 'summary':
      meta.summary = summarySettings(value, wrong);
      return;
    case 'variant': {
      const variant = String(value).toLowerCase();
      if (variant !== 'large-print') throw wrong('large-print');
      meta.variant = variant;
      return;
    }
    case 'paper': {
      const paper = String(value).toLowerCase();
      if (paper !== 'letter' && paper !== 'a4') throw wrong('letter or a4');
      meta.paper = paper;
      return;
    }
  }
}

/** `summary: false`, or `summary: { columns: [{ label: Causes, words: [cause, due to] }] }`. */
function summarySettings(value: unknown, wrong: (expected: string) => HandoutError): SummarySettings {
  if (value === false) return { show: false };
  if (value === true) return { show: true };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw wrong('false, or columns with a label and words each');
  const { columns, show } = value as { columns?: unknown; show?: unknown };
  const settings: SummarySettings = {};
  if (show !== undefined) {
    if (typeof show !== 'boolean') throw wrong('show: true or false');
    settings.show = show;
  }
  if (columns !== undefined) {
    if (!Array.isArray(columns)) throw wrong('columns: a list of { label, words }');
    settings.columns = columns.map((c) => {
      const { label, words } = (c ?? {}) as { label?: unknown; words?: unknown };
      const list = typeof words === 'string' ? words.split(',') : words;
      if (typeof label !== 'string' || !Array.isArray(list) || !list.every((w) => typeof w === 'string')) {
        throw wrong('columns: each with a label and a list of words');
      }
      return { label, words: list.map((w: string) => w.trim().toLowerCase()).filter(Boolean) };
    });
  }
  return settings;
}

export interface Period {
  count: number;
  unit: 'y' | 'm' | 'w' | 'd';
}

/** `2y`, `18m`, `6 weeks`, `1 year` → a count and a unit (years, months, weeks, days). */
export function parsePeriod(text: string): Period | undefined {
  const m = /^\s*(\d{1,3})\s*(y|yr|yrs|years?|m|mo|months?|w|wk|weeks?|d|days?)\s*$/i.exec(text);
  if (!m || Number(m[1]) === 0) return undefined;
  const unit = m[2].toLowerCase();
  return { count: Number(m[1]), unit: unit.startsWith('y') ? 'y' : unit.startsWith('mo') || unit === 'm' ? 'm' : unit.startsWith('w') ? 'w' : 'd' };
}

/** The known key nearest to a misspelt one, if it is near enough to be a typo. */
export function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}
