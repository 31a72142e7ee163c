/**
 * The "at a glance" table: the parallel parts of one handout side by side (the forms of a
 * condition), one row per part, one column per question a reader asks of each.
 * A cell holds only sentences or labelled facts taken from that part, chosen, never rewritten;
 * an empty cell is better than an invented one.
 *
 * Columns, in order of precedence:
 *  1. labelled facts written in the parts (`**Causes:** …`, or a list item `Causes: …`);
 *  2. front matter `summary: columns:` (a label and the words that pick sentences for it);
 *  3. a default set for health handouts (English).
 */
import type { List, Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { SummaryColumnSetting } from '../read/frontMatter.js';
import type { Block, Outline, Section } from './outline.js';
import { sentencesOf } from './sentences.js';

export interface SummaryCell {
  /** Whole sentences or facts from the part's text, in source order; empty prints as a dash. */
  texts: string[];
  /** Source lines they came from. */
  lines: number[];
  /** Indexes into `texts`, most telling first: what stays when the cell must be shorter. */
  rank: number[];
}

export interface SummaryRow {
  part: string;
  /** The section the row summarises, for a link. */
  slug: string;
  cells: SummaryCell[];
}

export interface SummaryTable {
  title: string;
  /** Header of the first column: what the parts are ("Form", "Type"). */
  partLabel: string;
  columns: string[];
  rows: SummaryRow[];
  columnsFrom: 'labelled facts' | 'front matter' | 'default';
}

interface Column extends SummaryColumnSetting {
  /** Stems that hint at the column but also appear elsewhere: they count half. */
  weak?: string[];
}

/** Default questions for health handouts, with the word stems that pick sentences for each. */
export const DEFAULT_COLUMNS: Column[] = [
  {
    label: 'Causes',
    words: ['caus', 'main cause', 'most common cause', 'result', 'due to', 'because', 'trigger', 'lead to', 'leads to', 'too much', 'failure'],
    weak: ['damag', 'injur', 'wound', 'surgery', 'disorder', 'disease', 'infection', 'contain'],
  },
  {
    label: 'Where it forms / Who gets it',
    words: ['where', 'site', 'area', 'around', 'locali', 'located', 'form', 'occur', 'arise', 'children', 'infant', 'adult', 'people', 'born'],
    weak: ['skin', 'face', 'heel', 'joint', 'women', 'men'],
  },
  {
    label: 'Treatment',
    words: ['treat', 'therap', 'surgical', 'removal', 'remove', 'medicine', 'medication', 'drug', 'administer', 'prescri', 'manage', 'cure', 'antacid', 'blocker'],
    weak: ['surgery'],
  },
];
const WHAT_IT_IS = 'What it is';
const MAX_SENTENCES = 2;

interface Sentence {
  text: string;
  line: number;
  words: string[];
}

export function atAGlance(outline: Outline): SummaryTable | undefined {
  const group = partsOf(outline.sections);
  if (!group || group.parts.length < 2) return undefined;
  const { parts, parent } = group;
  const names = rowNames(parts);

  const labelled = parts.map(labelledFacts);
  const labels = [...new Set(labelled.flatMap((facts) => [...facts.keys()]))];
  let table: SummaryTable;
  const base = { title: `${outline.title} at a glance`, partLabel: partLabel(parent, parts) };
  if (labels.length && labelled.filter((f) => f.size).length >= 2) {
    table = {
      ...base,
      columns: labels,
      columnsFrom: 'labelled facts',
      rows: parts.map((p, i) => ({
        part: names[i],
        slug: p.slug,
        cells: labels.map((l) => labelled[i].get(l) ?? { texts: [], lines: [], rank: [] }),
      })),
    };
  } else {
    const fromMeta = outline.meta.summary?.columns;
    if (!fromMeta && !outline.meta.lang.toLowerCase().startsWith('en')) return undefined;
    const columns = fromMeta ?? DEFAULT_COLUMNS;
    table = {
      ...base,
      columns: fromMeta ? columns.map((c) => c.label) : [WHAT_IT_IS, ...columns.map((c) => c.label)],
      columnsFrom: fromMeta ? 'front matter' : 'default',
      rows: parts.map((p, i) => ({ part: names[i], slug: p.slug, cells: pickSentences(p, columns, !fromMeta, outline.meta.lang) })),
    };
  }
  // A question the text never answers for any part is left out, not printed as a column of dashes.
  const keep = table.columns.map((_, c) => table.rows.some((r) => r.cells[c].texts.length > 0));
  table.columns = table.columns.filter((_, c) => keep[c]);
  for (const row of table.rows) row.cells = row.cells.filter((_, c) => keep[c]);
  const filled = table.rows.flatMap((r) => r.cells).filter((c) => c.texts.length).length;
  return filled >= 2 && table.columns.length ? table : undefined;
}

/**
 * The parallel parts: sections inferred from an enumeration, or the subsections of a section
 * named for kinds ("The four forms", "Types of …"), or three or more siblings whose titles end alike.
 */
function partsOf(sections: Section[], parent?: Section): { parts: Section[]; parent?: Section } | undefined {
  const inferred = sections.filter((s) => s.parts?.length);
  if (inferred.length >= 2) return { parts: inferred, parent };
  if (parent && sections.length >= 2 && /\b(forms|types|kinds|stages|options|classes|categories|varieties)\b/i.test(parent.title)) {
    return { parts: sections, parent };
  }
  if (sections.length >= 3 && commonSuffix(sections.map((s) => s.title))) return { parts: sections, parent };
  for (const s of sections) {
    const found = partsOf(s.sections, s);
    if (found) return found;
  }
  return undefined;
}

function commonSuffix(titles: string[]): string {
  const last = titles.map((t) => t.toLowerCase().split(/\s+/).slice(1).join(' '));
  return last[0] && last.every((l) => l === last[0]) ? last[0] : '';
}

/** "Dystrophic calcinosis", "Metastatic calcinosis" → "Dystrophic", "Metastatic". */
function rowNames(parts: Section[]): string[] {
  const suffix = commonSuffix(parts.map((p) => p.title));
  return parts.map((p) => (suffix ? p.title.slice(0, p.title.length - suffix.length).trim() : p.title));
}

function partLabel(parent: Section | undefined, parts: Section[]): string {
  const kind = parts[0].partKind;
  if (kind) return kind.charAt(0).toUpperCase() + kind.slice(1);
  const text = `${parent?.title ?? ''} ${parts.map((p) => p.title).join(' ')}`.toLowerCase();
  const m = /\b(form|type|kind|stage|option|class|category|variety)s?\b/.exec(text);
  return m ? m[1].charAt(0).toUpperCase() + m[1].slice(1) : 'Part';
}

function allBlocks(section: Section): Block[] {
  return [...section.blocks, ...section.sections.flatMap(allBlocks), ...(section.closing ?? [])];
}

/** `**Causes:** text` paragraphs and `Causes: text` list items. */
function labelledFacts(section: Section): Map<string, SummaryCell> {
  const facts = new Map<string, SummaryCell>();
  const add = (label: string, text: string, line: number | undefined) => {
    const key = label.trim().replace(/:$/, '');
    const cell = facts.get(key) ?? { texts: [], lines: [], rank: [] };
    cell.rank.push(cell.texts.length);
    cell.texts.push(text.trim());
    if (line) cell.lines.push(line);
    facts.set(key, cell);
  };
  const visitBlock = (block: Block) => {
    if (block.type === 'paragraph') {
      const first = (block as Paragraph).children[0];
      const text = toString(block);
      if (first?.type === 'strong' && /:\s*$/.test(toString(first))) add(toString(first), text.slice(toString(first).length), block.position?.start.line);
      return;
    }
    if (block.type === 'list') {
      for (const item of (block as List).children) {
        const text = toString(item.children[0] ?? '');
        const m = /^([\p{Lu}][\p{L} /-]{1,30}):\s+(.+)$/u.exec(text);
        if (m) add(m[1], m[2], item.position?.start.line);
      }
    }
  };
  allBlocks(section).forEach(visitBlock);
  return facts;
}

function sentencesOfSection(section: Section, lang: string): Sentence[] {
  const out: Sentence[] = [];
  const visit = (block: Block) => {
    if (block.type === 'paragraph') {
      for (const text of sentencesOf(toString(block), lang)) {
        out.push({ text, line: block.position?.start.line ?? 0, words: text.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter(Boolean) });
      }
    } else if (block.type === 'list') {
      for (const item of block.children) for (const child of item.children) visit(child as Block);
    }
  };
  allBlocks(section).forEach(visit);
  return out;
}

/** How strongly a sentence speaks to a column: stems matched, per square root of its length. */
function score(sentence: Sentence, column: Column): number {
  const lower = sentence.text.toLowerCase();
  const hits = (w: string) => (w.includes(' ') ? (lower.includes(w) ? 1 : 0) : sentence.words.filter((t) => t.startsWith(w)).length);
  let total = 0;
  for (const w of column.words) total += hits(w);
  for (const w of column.weak ?? []) total += hits(w) / 2;
  // Per square root of length: a short sentence about one thing beats a long one about many.
  return total / Math.sqrt(Math.max(1, sentence.words.length));
}

function pickSentences(section: Section, columns: Column[], withDefinition: boolean, lang: string): SummaryCell[] {
  const sentences = sentencesOfSection(section, lang);
  const cells: SummaryCell[] = [];
  const used = new Set<Sentence>();
  if (withDefinition) {
    // What it is: the part's opening sentence, as the text itself introduces it.
    const first = sentences[0];
    if (first) used.add(first);
    cells.push(first ? { texts: [first.text], lines: [first.line], rank: [0] } : { texts: [], lines: [], rank: [] });
  }
  // Each remaining sentence counts for the column it speaks to most.
  const best = new Map<Sentence, number>();
  for (const s of sentences) {
    if (used.has(s)) continue;
    const scores = columns.map((c) => score(s, c));
    const top = Math.max(...scores);
    // On a tie the later, more specific question wins (treatment over causes over place).
    if (top > 0) best.set(s, scores.lastIndexOf(top));
  }
  columns.forEach((column, c) => {
    const ranked = sentences
      .filter((s) => best.get(s) === c)
      .map((s, order) => ({ s, order, value: score(s, column) }))
      .sort((a, b) => b.value - a.value || a.order - b.order)
      .slice(0, MAX_SENTENCES);
    const chosen = [...ranked].sort((a, b) => a.order - b.order);
    cells.push({ texts: chosen.map((x) => x.s.text), lines: chosen.map((x) => x.s.line), rank: ranked.map((x) => chosen.indexOf(x)) });
  });
  return cells;
}

/** The same table with at most `n` texts per cell, the most telling ones, still in source order. */
export function shortened(table: SummaryTable, n: number): SummaryTable {
  const trim = (cell: SummaryCell): SummaryCell => {
    const keep = cell.rank.slice(0, n).sort((a, b) => a - b);
    return { texts: keep.map((i) => cell.texts[i]), lines: keep.map((i) => cell.lines[i]).filter((l) => l !== undefined), rank: keep.map((_, i) => i) };
  };
  return { ...table, rows: table.rows.map((r) => ({ ...r, cells: r.cells.map(trim) })) };
}
