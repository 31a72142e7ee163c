/**
 * The "at a glance" table: the parallel parts of one handout side by side, one row per part.
 * Every cell is one statement taken word for word from its part (see statements.ts), and no
 * statement appears twice. Columns, in order of precedence:
 *  1. labelled facts written in the parts (`**Causes:** …`, or a list item `Causes: …`);
 *  2. front matter `summary: columns:` (a label and the words that pick statements for it);
 *  3. what the parts say: first each part's key fact (its most distinctive statement against its
 *     siblings, in any language), then, for English, the questions of questions.ts that at least
 *     half of the parts answer; with fewer than two of those, the next most distinctive statements.
 * An empty cell is better than an invented one; a column no part answers is left out.
 */
import type { List, Paragraph } from 'mdast';
import { blocksInReadingOrder, blocksOfSection, type Outline, type Section, type SummaryCell, type SummaryTable } from '../outline.js';
import { countWords, distinctiveness } from './distinctive.js';
import { parallelParts, partLabel, rowNames } from './parallelParts.js';
import { aboutHealth, answers, HEALTH_QUESTIONS, type Question } from './questions.js';
import { isInstruction, statementsOf, textOf, wordsOf, type Statement } from './statements.js';
import { largest } from '../../extremes.js';
import { lookupTable } from '../../lookupTable.js';

export const KEY_FACT = 'What sets it apart';
/** The next most distinctive statements, when the parts answer too few questions. */
export const ALSO = 'Also';
/**
 * The words the table prints around the parts, per language (English for the rest): a Spanish
 * handout's table was headed "Tipos de diabetes at a glance", "Part", "What sets it apart".
 */
interface GlanceWords { title: (t: string) => string; kind: (label: string) => string; keyFact: string; also: string; whatToDo: string }
const SPANISH_KINDS = lookupTable<string>({ Part: 'Parte', Type: 'Tipo', Form: 'Forma', Kind: 'Clase', Class: 'Clase', Stage: 'Etapa', Phase: 'Fase', Grade: 'Grado', Category: 'Categoría', Variety: 'Variedad', Subtype: 'Subtipo', Step: 'Paso', Option: 'Opción' });
const GLANCE_WORDS = lookupTable<GlanceWords>({
  en: { title: (t) => `${t} at a glance`, kind: (k) => k, keyFact: KEY_FACT, also: ALSO, whatToDo: 'What to do' },
  es: { title: (t) => `${t} de un vistazo`, kind: (k) => SPANISH_KINDS[k] ?? k, keyFact: 'Qué lo distingue', also: 'Además', whatToDo: 'Qué hacer' },
});
function glanceWords(lang: string): GlanceWords {
  return GLANCE_WORDS[lang.toLowerCase().split('-')[0]] ?? GLANCE_WORDS.en!;
}

/** Questions shown beside the key fact: more would not fit a page's width. */
const MAX_QUESTIONS = 3;
/** How much an instruction counts as a part's key fact, against a statement of what the part is. */
const INSTRUCTION_WEIGHT = 0.4;

const EMPTY: SummaryCell = { texts: [], lines: [] };

export function summaryTable(outline: Outline): SummaryTable | undefined {
  const group = parallelParts(outline.sections, outline.meta.lang);
  if (!group || group.parts.length < 2) return undefined;
  const { parts, parent } = group;
  const names = rowNames(parts, outline.title);
  const words = glanceWords(outline.meta.lang);
  const base = { title: words.title(outline.title), partLabel: words.kind(partLabel(parent, parts)) };
  const row = (i: number, cells: SummaryCell[]) => ({ part: names[i], slug: parts[i].slug, cells });

  let table: SummaryTable;
  const labelled = parts.map(labelledFacts);
  const labels = [...new Set(labelled.flatMap((facts) => [...facts.keys()]))];
  if (labels.length && labelled.filter((f) => f.size).length >= 2) {
    table = { ...base, columns: labels, columnsFrom: 'labelled facts', rows: parts.map((_, i) => row(i, labels.map((l) => labelled[i].get(l) ?? EMPTY))) };
  } else {
    const lang = outline.meta.lang;
    const statements = parts.map((p) => statementsOf(blocksOfSection(p), lang));
    // The handout's text a block at a time, read once: for the words' counts and for its topic.
    const blockTexts = [...blocksInReadingOrder(outline)].map(({ block }) => textOf(block));
    const counts = countWords(
      statements.map((ss) => ss.flatMap((s) => s.words)),
      blockTexts.map((text) => wordsOf(text, lang)),
    );
    const nameWords = parts.map((p, i) => wordsOf(`${p.title} ${names[i]} ${outline.title}`, lang));
    // Steps are done, not told apart: their key statement is what to do. Any other part's is what
    // it is, not advice on using it ("Put each new patch on a different area …").
    const steps = base.partLabel === words.kind('Step');
    const english = lang.toLowerCase().startsWith('en');
    const keys = statements.map((ss, i) => ss.map((s) => distinctiveness(s, counts, nameWords[i]) * (!steps && english && isInstruction(s.text) ? INSTRUCTION_WEIGHT : 1)));
    const fromMeta = outline.meta.summary?.columns;
    const columns = fromMeta
      ? chooseByQuestions(statements, keys, fromMeta, 1)
      : withKeyFacts(statements, keys, english && aboutHealth(blockTexts) ? HEALTH_QUESTIONS : []);
    table = {
      ...base,
      // The table's own words in the handout's language; the questions' labels are English, as their questions are.
      columns: columns.map((c) => (c.label === KEY_FACT ? (steps ? words.whatToDo : words.keyFact) : c.label === ALSO ? words.also : c.label)),
      columnsFrom: fromMeta ? 'front matter' : 'the parts',
      rows: parts.map((p, i) => row(i, columns.map((c) => cellOf(c.chosen[i], [names[i], p.title])))),
    };
  }
  // A question the text never answers for any part is left out, not printed as a column of dashes.
  const keep = table.columns.map((_, c) => table.rows.some((r) => r.cells[c].texts.length > 0));
  table.columns = table.columns.filter((_, c) => keep[c]);
  for (const r of table.rows) r.cells = r.cells.filter((_, c) => keep[c]);
  const filled = table.rows.flatMap((r) => r.cells).filter((c) => c.texts.length).length;
  return filled >= 2 && table.columns.length ? table : undefined;
}

/** The same table without its last columns: for a sheet that must fit one page. */
export function withColumns(table: SummaryTable, n: number): SummaryTable {
  return { ...table, columns: table.columns.slice(0, n), rows: table.rows.map((r) => ({ ...r, cells: r.cells.slice(0, n) })) };
}

interface Column {
  label: string;
  /** Per part, the chosen statement. */
  chosen: (Statement | undefined)[];
}

/**
 * A statement as its row's cell. One written as a list item, the part's name then a dash or a colon
 * ("2. Orange stage — usually ages 8 to 9."), is given without the name its row already shows.
 */
function cellOf(statement: Statement | undefined, rowNames: string[] = []): SummaryCell {
  if (!statement) return EMPTY;
  const text = statement.text.replace(/^\d{1,2}[.)]\s+/, '');
  const named = rowNames.find((n) => n && text.toLowerCase().startsWith(n.toLowerCase()) && /^\s*[—–:]\s+\S|^\s+-\s+\S/.test(text.slice(n.length)));
  const rest = named ? text.slice(named.length).replace(/^\s*[—–:-]\s+/, '') : statement.text;
  return { texts: [rest], lines: [statement.line] };
}

/**
 * Each part's key fact first, then the questions at least half of the parts answer with what is
 * left. When fewer than two questions are answered (parts that are not conditions, or another
 * language), each part's next most distinctive statement makes a second column.
 */
function withKeyFacts(statements: Statement[][], keys: number[][], questions: Question[]): Column[] {
  const used = new Used();
  const mostDistinctive = (label: string): Column => ({ label, chosen: statements.map((ss, i) => used.take(best(ss, (s) => keys[i][s.order], used))) });
  const key = mostDistinctive(KEY_FACT);
  const enough = Math.max(2, Math.ceil(statements.length / 2));
  const asked = chooseByQuestions(statements, keys, questions, enough, used).slice(0, MAX_QUESTIONS);
  return asked.length >= 2 ? [key, ...asked] : [key, mostDistinctive(ALSO), ...asked];
}

/**
 * For each question, each part's statement that answers it best (ties to the more distinctive);
 * a statement counts only for the question it answers most, and only once in the table.
 * Questions fewer than `enough` parts answer are dropped.
 */
function chooseByQuestions(statements: Statement[][], keys: number[][], questions: Question[], enough: number, used = new Used()): Column[] {
  const scores = statements.map((ss) => ss.map((s) => questions.map((q) => answers(s, q))));
  const bestQuestion = (i: number, s: Statement) => {
    const row = scores[i][s.order];
    const top = largest(row);
    return top > 0 ? row.indexOf(top) : -1;
  };
  const columns: Column[] = [];
  questions.forEach((q, qi) => {
    const answered = statements.map((ss, i) => ss.filter((s) => !used.has(s) && bestQuestion(i, s) === qi));
    if (answered.filter((a) => a.length).length < enough) return;
    const maxKey = keys.map((k) => Math.max(1e-9, largest(k)));
    const chosen = answered.map((ss, i) => used.take(best(ss, (s) => scores[i][s.order][qi] * (1 + keys[i][s.order] / maxKey[i]), used)));
    if (chosen.filter(Boolean).length >= enough) columns.push({ label: q.label, chosen });
  });
  return columns;
}

/**
 * The statements already in the table: a cell never repeats another, nor holds another's words
 * ("A. B." when "A." is taken).
 */
class Used {
  private texts: string[] = [];
  has(s: Statement): boolean {
    const text = s.text.toLowerCase();
    return this.texts.some((t) => t.includes(text) || text.includes(t));
  }
  take(s: Statement | undefined): Statement | undefined {
    if (s) this.texts.push(s.text.toLowerCase());
    return s;
  }
}

function best(statements: Statement[], value: (s: Statement) => number, used: Used): Statement | undefined {
  let top: Statement | undefined;
  let topValue = 0;
  for (const s of statements) {
    const v = value(s);
    if (!used.has(s) && v > topValue) [top, topValue] = [s, v];
  }
  return top;
}

/** `**Causes:** text` paragraphs and `Causes: text` list items. */
function labelledFacts(section: Section): Map<string, SummaryCell> {
  const facts = new Map<string, SummaryCell>();
  const add = (label: string, text: string, line: number | undefined) => {
    const key = label.trim().replace(/:$/, '');
    const cell = facts.get(key) ?? { texts: [], lines: [] };
    cell.texts.push(text.trim());
    if (line) cell.lines.push(line);
    facts.set(key, cell);
  };
  for (const block of blocksOfSection(section)) {
    if (block.type === 'paragraph') {
      const first = (block as Paragraph).children[0];
      const text = textOf(block);
      if (first?.type === 'strong' && /:\s*$/.test(textOf(first))) add(textOf(first), text.slice(textOf(first).length), block.position?.start.line);
    } else if (block.type === 'list') {
      for (const item of (block as List).children) {
        const text = item.children[0] ? textOf(item.children[0]) : '';
        const m = /^([\p{Lu}][\p{L} /-]{1,30}):\s+(.+)$/u.exec(text);
        if (m) add(m[1], m[2], item.position?.start.line);
      }
    }
  }
  return facts;
}

