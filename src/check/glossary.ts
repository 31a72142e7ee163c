/**
 * Terms: the glossary (glossary.yml files beside the sources, and front matter `glossary:`), the
 * glossary terms a handout uses (in order of first use, for the "Words to know" box), and words
 * that look medical but are not in the glossary ("undefined term?").
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { NotRegularFileError, readRegularFile } from '../read/regularFile.js';
import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import { HandoutError } from '../diagnostics.js';
import type { HandoutMeta } from '../read/frontMatter.js';
import { displayPath } from '../read/sourceFiles.js';
import type { Finding } from './findings.js';
import type { ProseUnit } from './prose.js';
import { wordSegmentsOf } from '../outline/sentences.js';

export const GLOSSARY_FILE = 'glossary.yml';

export interface Term {
  term: string;
  definition: string;
}

export interface UsedTerm extends Term {
  /** Source line of the first use. */
  line: number;
}

/** Lower-cased term → its entry. */
export type Glossary = Map<string, Term>;

const fileCache = new Map<string, Term[]>();

/** A glossary file: YAML `term: plain definition`, one per line. Errors name the file and line. */
export function readGlossaryFile(file: string): Term[] {
  const key = `${file}:${statSync(file).mtimeMs}`; // an edited glossary is read again
  const cached = fileCache.get(key);
  if (cached) return cached;
  const shown = displayPath(file);
  let text: string;
  try {
    text = readRegularFile(file).toString('utf8'); // a FIFO named glossary.yml must not hang the build
  } catch (e) {
    throw new HandoutError(`cannot read the glossary: ${e instanceof NotRegularFileError ? `it is ${e.kind}` : ((e as NodeJS.ErrnoException).code ?? e)}`, { file: shown }, 'a glossary is a regular YAML file');
  }
  // Keys are checked for duplicates below, with a set: the YAML parser compares each key with
  // every other, and counting lines from the start for each entry was as slow (20 000 terms: 7 s).
  const lines = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, lineCounter: lines });
  const lineOf = (offset?: number) => (offset === undefined ? 1 : lines.linePos(offset).line);
  if (doc.errors.length) throw new HandoutError(`invalid glossary: ${doc.errors[0].message.split('\n')[0]}`, { file: shown, line: lineOf(doc.errors[0].pos[0]) }, 'write one `term: plain definition` per line');
  const terms: Term[] = [];
  if (doc.contents === null) return terms;
  if (!isMap(doc.contents)) throw new HandoutError('a glossary is a list of `term: plain definition` lines', { file: shown, line: 1 });
  const keyLines = new Map<unknown, number>();
  for (const pair of doc.contents.items) {
    const term = isScalar(pair.key) ? String(pair.key.value).trim() : '';
    const definition = isScalar(pair.value) ? String(pair.value.value ?? '').trim() : '';
    const line = lineOf(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
    const key = isScalar(pair.key) ? pair.key.value : pair.key;
    const before = keyLines.get(key);
    if (before !== undefined) throw new HandoutError(`invalid glossary: "${term}" is defined twice, on lines ${before} and ${line}`, { file: shown, line }, 'write one `term: plain definition` per line, each term once');
    keyLines.set(key, line);
    if (!term || !definition || !isScalar(pair.value)) {
      throw new HandoutError(`glossary entry ${term ? `"${term}" ` : ''}needs a plain definition in words`, { file: shown, line }, 'write `term: plain definition`');
    }
    terms.push({ term, definition });
  }
  fileCache.set(key, terms);
  return terms;
}

/** glossary.yml files that apply to a source, nearest first (a build depends on them). */
export function glossaryFiles(sourcePath: string): string[] {
  const files: string[] = [];
  const stop = path.resolve(process.cwd());
  let dir = path.dirname(path.resolve(sourcePath));
  for (;;) {
    const f = path.join(dir, GLOSSARY_FILE);
    if (existsSync(f)) files.push(f);
    const up = path.dirname(dir);
    if (dir === stop || up === dir || !dir.startsWith(stop + path.sep)) break;
    dir = up;
  }
  return files;
}

/**
 * The glossary for one source: glossary.yml in its folder and each folder above it up to the
 * working directory (nearer files win), an explicit file when given, then the front matter's own terms.
 */
export function glossaryFor(sourcePath: string, meta: HandoutMeta, explicitFile?: string): Glossary {
  const files = glossaryFiles(sourcePath);
  const glossary: Glossary = new Map();
  const addAll = (terms: Term[]) => terms.forEach((t) => glossary.set(t.term.toLowerCase(), t));
  if (explicitFile) {
    if (!existsSync(explicitFile)) throw new HandoutError('glossary file not found', { file: explicitFile }, 'check the path given to --glossary');
    addAll(readGlossaryFile(path.resolve(explicitFile)));
  }
  for (const f of files.reverse()) addAll(readGlossaryFile(f));
  addAll(Object.entries(meta.glossary ?? {}).map(([term, definition]) => ({ term, definition })));
  return glossary;
}

/** A term as written, plus a plural: "lesion" finds "lesions", "Lesion" and "lesion's". */
function termPattern(term: string, flags = 'giu'): RegExp {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+').replace(/'/g, "['’]");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?:s|es)?(?![\\p{L}\\p{N}])`, flags);
}

interface TermMatch {
  entry: Term;
  index: number;
  end: number;
}

const WORD_RUN = /[\p{L}\p{N}]+/gu;
const finders = new WeakMap<Glossary, TermFinder>();
/** Case folded as the patterns' `i` flag folds ("Σ", "σ" and "ς" alike). */
const fold = (word: string) => word.toUpperCase().toLowerCase();

/**
 * Where the glossary's terms occur in a text, as each term's pattern finds them. A term starts at
 * the start of a word, so it is looked up by its first word at each word of the text, instead of
 * every term's pattern running over the whole text: with a glossary of 3000 terms that took
 * seconds a handout. Terms that do not start with a letter or digit are still looked for whole.
 */
class TermFinder {
  private readonly byFirstWord = new Map<string, Term[]>();
  private readonly others: { entry: Term; re: RegExp }[] = [];
  /** Each term's pattern, made when the term's first word is first met (making 20 000 took seconds). */
  private readonly patterns = new Map<Term, RegExp>();

  /** One finder per glossary: a handout's words to know and its undefined terms look in the same one. */
  static of(glossary: Glossary): TermFinder {
    let finder = finders.get(glossary);
    if (!finder) finders.set(glossary, (finder = new TermFinder(glossary)));
    return finder;
  }

  private constructor(glossary: Glossary) {
    for (const entry of glossary.values()) {
      const first = /^[\p{L}\p{N}]+/u.exec(entry.term)?.[0];
      if (!first) {
        this.others.push({ entry, re: termPattern(entry.term) });
        continue;
      }
      const key = fold(first);
      const list = this.byFirstWord.get(key);
      if (list) list.push(entry);
      else this.byFirstWord.set(key, [entry]);
    }
  }

  private patternOf(entry: Term): RegExp {
    let re = this.patterns.get(entry);
    if (!re) this.patterns.set(entry, (re = termPattern(entry.term, 'yiu')));
    return re;
  }

  /** Every occurrence of every term in `text`: per term, what its pattern's matchAll finds. */
  matches(text: string): TermMatch[] {
    const found: TermMatch[] = [];
    for (const { entry, re } of this.others) {
      re.lastIndex = 0;
      for (const m of text.matchAll(re)) found.push({ entry, index: m.index, end: m.index + m[0].length });
    }
    if (this.byFirstWord.size === 0) return found;
    /** Per term, where its last match ended: a term's matches do not overlap, as with matchAll. */
    const endOf = new Map<Term, number>();
    for (const run of text.matchAll(WORD_RUN)) {
      const word = fold(run[0]);
      // The text's word is the term's first word, or (for a one-word term) its plural.
      const keys = new Set([word, word.replace(/s$/, ''), word.replace(/es$/, '')]);
      for (const key of keys) {
        for (const entry of this.byFirstWord.get(key) ?? []) {
          if ((endOf.get(entry) ?? 0) > run.index) continue;
          const re = this.patternOf(entry);
          re.lastIndex = run.index;
          const m = re.exec(text);
          if (!m) continue;
          endOf.set(entry, m.index + m[0].length);
          found.push({ entry, index: m.index, end: m.index + m[0].length });
        }
      }
    }
    return found;
  }
}

/** Glossary terms the handout uses, in order of first use. */
export function termsUsed(units: ProseUnit[], glossary: Glossary): UsedTerm[] {
  const finder = TermFinder.of(glossary);
  const first = new Map<Term, UsedTerm & { order: number }>();
  for (let i = 0; i < units.length; i++) {
    for (const m of finder.matches(units[i].text)) {
      const order = i * 1e6 + m.index;
      if ((first.get(m.entry)?.order ?? Infinity) > order) first.set(m.entry, { ...m.entry, line: lineIn(units[i], m.index), order });
    }
  }
  // In glossary order before sorting, so terms found at the same place keep the glossary's order.
  const used = [...glossary.values()].flatMap((entry) => first.get(entry) ?? []);
  return used.sort((a, b) => a.order - b.order).map(({ order: _order, ...t }) => t);
}

function lineIn(unit: ProseUnit, offset: number): number {
  return unit.line + (unit.text.slice(0, offset).match(/\n/g)?.length ?? 0);
}

/** Endings and roots of medical words (Greek and Latin): -itis inflammation, -osis condition, … */
const MEDICAL_ENDINGS = /(itis|osis|oses|a?emia|a?emic|penia|rrhage|rrhagic|ological|ectomy|otomy|ostomy|ology|ologist|ologists|opathy|pathic|plasty|scopy|algia|oma|omas|iasis|trophic|trophy|plasia|megaly|rrh?o?ea|uria|plegia|genic|derma|cytes?|lysis|stasis|static)$/i;
/** Medical words with no tell-tale ending. */
const MEDICAL_WORDS = new Set([
  'lupus', 'lesion', 'lesions', 'phosphate', 'phosphates', 'rheumatoid', 'autoimmune', 'syndrome', 'thyroid', 'tumor', 'tumors',
  'tumour', 'tumours', 'biopsy', 'chronic', 'benign', 'malignant', 'edema', 'oedema', 'renal', 'hepatic', 'cardiac', 'pulmonary',
  'dialysis', 'calcification', 'hypertension', 'hypotension', 'subcutaneous', 'intravenous', 'metastasis', 'metastases',
  'electrode', 'anticoagulant', 'localized', 'localised', 'etiology', 'aetiology', 'comorbidity', 'contraindicated', 'prophylaxis',
  'idiopathic', 'iatrogenic', 'congenital', 'systemic', 'inflammation', 'intestines', 'ingestion', 'aneurysm', 'aneurysms',
  'embolism', 'thrombus', 'embolus', 'fibrillation', 'cardiovascular', 'neurological', 'insulin', 'basal', 'bolus', 'glucose',
]);
/** Everyday words that happen to share a medical ending. */
const EVERYDAY = new Set([
  'diagnosis', 'technology', 'technologies', 'apology', 'ideology', 'methodology', 'terminology', 'chronology', 'mythology',
  'theology', 'anthology', 'biology', 'ecology', 'psychology', 'sociology', 'empathy', 'sympathy', 'apathy', 'telepathy', 'empathic',
  'nostalgia', 'catastrophic', 'photogenic', 'telegenic', 'ecstatic', 'diploma', 'aroma', 'coma', 'academia', 'trophy', 'trophies',
  'soma', 'stigma', 'karma', 'dogma', 'sigma', 'enigma', 'comma', 'genic', 'static', 'bacteria', 'dermatology',
  'academic', 'academics', 'pandemic', 'epidemic', 'logical', 'biological', 'chronological', 'psychological', 'ecological', 'technological',
]);

export function looksMedical(word: string): boolean {
  const w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length < 5 || EVERYDAY.has(w)) return false;
  return MEDICAL_WORDS.has(w) || MEDICAL_ENDINGS.test(w);
}

/** "undefined term?" for each medical-looking word (first use only) that no glossary term covers. */
export function undefinedTerms(file: string, units: ProseUnit[], glossary: Glossary, ignore: string[] = []): Finding[] {
  const finder = TermFinder.of(glossary);
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const unit of units) {
    const covered = finder.matches(unit.text).map((m): [number, number] => [m.index, m.end]);
    for (const s of wordSegmentsOf(unit.text, 'en')) {
      if (!looksMedical(s.segment)) continue;
      const key = s.segment.toLowerCase();
      if (seen.has(key) || ignore.includes(key) || covered.some(([a, b]) => s.index >= a && s.index < b)) continue;
      seen.add(key);
      findings.push({
        rule: 'undefined-term',
        severity: 'warning',
        subject: s.segment,
        file,
        line: lineIn(unit, s.index),
        message: `undefined term? "${s.segment}" looks medical and is not in the glossary`,
        suggestion: `define it in ${GLOSSARY_FILE} or front matter \`glossary:\`, or use an everyday word`,
      });
    }
  }
  return findings;
}
