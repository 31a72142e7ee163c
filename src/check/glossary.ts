/**
 * Terms: the glossary (glossary.yml files beside the sources, and front matter `glossary:`), the
 * glossary terms a handout uses (in order of first use, for the "Words to know" box), and words
 * that look medical but are not in the glossary ("undefined term?").
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { NotRegularFileError, readRegularFile } from '../read/regularFile.js';
import { parseDocument, isMap, isScalar } from 'yaml';
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
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  const lineOf = (offset?: number) => (offset === undefined ? 1 : text.slice(0, offset).split('\n').length);
  if (doc.errors.length) throw new HandoutError(`invalid glossary: ${doc.errors[0].message.split('\n')[0]}`, { file: shown, line: lineOf(doc.errors[0].pos[0]) }, 'write one `term: plain definition` per line');
  const terms: Term[] = [];
  if (doc.contents === null) return terms;
  if (!isMap(doc.contents)) throw new HandoutError('a glossary is a list of `term: plain definition` lines', { file: shown, line: 1 });
  for (const pair of doc.contents.items) {
    const term = isScalar(pair.key) ? String(pair.key.value).trim() : '';
    const definition = isScalar(pair.value) ? String(pair.value.value ?? '').trim() : '';
    const line = lineOf(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
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
function termPattern(term: string): RegExp {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+').replace(/'/g, "['’]");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?:s|es)?(?![\\p{L}\\p{N}])`, 'giu');
}

/** Glossary terms the handout uses, in order of first use. */
export function termsUsed(units: ProseUnit[], glossary: Glossary): UsedTerm[] {
  const used: (UsedTerm & { order: number })[] = [];
  for (const entry of glossary.values()) {
    const re = termPattern(entry.term);
    for (let i = 0; i < units.length; i++) {
      re.lastIndex = 0;
      const m = re.exec(units[i].text);
      if (m) {
        used.push({ ...entry, line: lineIn(units[i], m.index), order: i * 1e6 + m.index });
        break;
      }
    }
  }
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
  const patterns = [...glossary.values()].map((t) => termPattern(t.term));
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const unit of units) {
    const covered: [number, number][] = [];
    for (const re of patterns) {
      re.lastIndex = 0;
      for (const m of unit.text.matchAll(re)) covered.push([m.index, m.index + m[0].length]);
    }
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
