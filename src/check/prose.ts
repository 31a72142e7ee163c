/**
 * The prose of a handout, as the checks read it: each paragraph, list item, heading and table
 * cell as plain text, split into sentences and words by the counting rules (counting.ts), with
 * the source line of every sentence so a finding can say `file:line`. A list item's paragraph is a
 * unit of its own, so an item without closing punctuation ends its sentence where it ends.
 */
import type { Nodes, PhrasingContent } from 'mdast';
import { blocksInReadingOrder, type Block, type Outline, type Section } from '../outline/outline.js';
import { sentenceSpans, wordsOf } from './counting.js';

export { wordsOf } from './counting.js';

/** Where a piece of prose sits: running text, a heading, or a table cell. */
export type ProseKind = 'paragraph' | 'heading' | 'cell';

export interface Sentence {
  text: string;
  line: number;
  /** Word-like segments that contain a letter or digit. */
  words: string[];
}

export interface ProseUnit {
  kind: ProseKind;
  text: string;
  line: number;
  /** The sections this prose is in, outermost first; empty for the introduction. */
  sectionPath: Section[];
  sentences: Sentence[];
}

/**
 * Every prose unit in reading order (blocksInReadingOrder): introduction, then each section's
 * heading, blocks, subsections and closing, then the handout's closing.
 */
export function proseOf(outline: Outline): ProseUnit[] {
  const lang = outline.meta.lang;
  const units: ProseUnit[] = [];
  const headed = new Set<Section>();
  const heading = (section: Section, path: Section[]) => {
    if (headed.has(section)) return;
    headed.add(section);
    if (section.line !== undefined) units.push(unit('heading', [{ text: section.title, line: section.line }], path, lang));
  };
  for (const { block, sections } of blocksInReadingOrder(outline)) {
    sections.forEach((s, i) => heading(s, sections.slice(0, i + 1)));
    collect(block, sections, lang, units);
  }
  // A heading with nothing under it is still read.
  const walk = (section: Section, path: Section[]) => {
    const here = [...path, section];
    heading(section, here);
    section.sections.forEach((s) => walk(s, here));
  };
  outline.sections.forEach((s) => walk(s, []));
  return units;
}

function collect(block: Block, sectionPath: Section[], lang: string, out: ProseUnit[]): void {
  const visit = (node: Nodes) => {
    switch (node.type) {
      case 'paragraph':
        out.push(unit('paragraph', pieces(node), sectionPath, lang));
        return;
      case 'heading':
        // Headings inside blocks only occur deeper than the outline's sections (none today).
        out.push(unit('heading', pieces(node), sectionPath, lang));
        return;
      case 'tableCell':
        out.push(unit('cell', pieces(node), sectionPath, lang));
        return;
      case 'code':
      case 'html':
      case 'yaml':
      case 'toml':
        return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(block);
}

interface Piece {
  text: string;
  line: number;
}

/** Inline content → text pieces, each with the line it starts on (soft line breaks are kept as "\n"). */
function pieces(parent: { children: PhrasingContent[]; position?: { start: { line: number } } }): Piece[] {
  const out: Piece[] = [];
  const visit = (node: PhrasingContent) => {
    // Plain-text sources have positions on paragraphs only.
    const line = node.position?.start.line ?? out[out.length - 1]?.line ?? parent.position?.start.line ?? 1;
    if (node.type === 'text' || node.type === 'inlineCode') out.push({ text: node.value, line });
    else if (node.type === 'break') out.push({ text: '\n', line });
    else if ('children' in node) for (const c of node.children) visit(c as PhrasingContent);
  };
  for (const c of parent.children) visit(c);
  return out;
}

function unit(kind: ProseKind, parts: Piece[], sectionPath: Section[], lang: string): ProseUnit {
  const text = parts.map((p) => p.text).join('');
  const lineAt = lineMap(parts);
  const sentences: Sentence[] = [];
  // A line break inside a paragraph is hard wrapping, not the end of a sentence (Unicode's rules
  // say it is); a space of the same length keeps the offsets, and so the lines, right.
  for (const s of sentenceSpans(text.replace(/\n/g, ' '), lang)) {
    const lead = s.text.length - s.text.trimStart().length;
    const body = withoutPronunciation(s.text.trim().replace(/\s+/g, ' '));
    const words = wordsOf(body, lang);
    if (words.length === 0) continue;
    sentences.push({ text: body, line: lineAt(s.index + lead), words });
  }
  return { kind, text, line: parts[0]?.line ?? 1, sectionPath, sentences };
}

/** Offset in the joined text → source line, counting the newlines inside each piece. */
function lineMap(parts: Piece[]): (offset: number) => number {
  const starts: number[] = [];
  let at = 0;
  for (const p of parts) {
    starts.push(at);
    at += p.text.length;
  }
  return (offset) => {
    let i = starts.length - 1;
    while (i > 0 && starts[i] > offset) i--;
    const p = parts[i];
    if (!p) return 1;
    return p.line + (p.text.slice(0, offset - starts[i]).match(/\n/g)?.length ?? 0);
  };
}

/**
 * Pronunciation guides such as "(dis-TROH-fik)" help a reader say a word; they are not prose,
 * and counting their one-syllable pieces as words would make a text look easier than it is.
 */
export function withoutPronunciation(text: string): string {
  return text.replace(/\s*\((?=[^)]*\p{Lu}{2})(?:[\p{L}']+-)+[\p{L}']+(?:\s+(?:[\p{L}']+-)*[\p{L}']+)*\)/gu, '');
}
