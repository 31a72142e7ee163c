/**
 * Lists in plain text: lines that open with a list marker ("- ", "• ", "* ", "1. ", "2) ", "a) ")
 * are parsed as paragraphs (the inference reads them as such: a list announces parts, an item goes
 * on with what introduced it) and become mdast lists once the outline is made, so they print with
 * bullets or numbers, one item a line, instead of as paragraphs that start with a dash. So do
 * short lines after a lead-in that ends in a colon ("The main symptoms are:" then "a sore throat",
 * "a high temperature", …), as pages copied from the web often come: the bullets were lost, not the list.
 */
import type { List, ListItem, Paragraph, Strong, Text } from 'mdast';
import type { Block, Section } from './outline.js';
import { LIST_MARKER as MARKER } from '../parse/listMarkers.js';
import { unmarkedRunAfter } from './infer/lines.js';

interface Item {
  ordered: boolean;
  start?: number;
  text: string;
  block: Paragraph;
}

function itemOf(block: Block): Item | undefined {
  if (block.type !== 'paragraph' || block.children.length !== 1 || block.children[0].type !== 'text') return undefined;
  const value = block.children[0].value;
  const m = MARKER.exec(value);
  if (!m) return undefined;
  return { ordered: !m[1], start: m[2] ? Number(m[2]) : m[3] ? m[3].charCodeAt(0) - 96 : undefined, text: value.slice(m[0].length), block };
}

/** Runs of list-marked paragraphs, each made one list (bullets, or numbers when numbered). */
export function withLists(blocks: Block[], lang: string): Block[] {
  const out: Block[] = [];
  let run: Item[] = [];
  const flush = () => {
    if (!run.length) return;
    // One numbered paragraph on its own ("1. Perfect competition. A perfectly competitive market
    // …", under its own heading) is a numbered paragraph, not a list of one: its number stays text.
    // Nor is a run whose numbers skip ("1.", "2.", "4.", "9."): a list would number its items 1 to
    // 4, and "see step 9" would point at nothing. Each keeps its own number, as written.
    if (run[0].ordered && (run.length === 1 || run.some((item, k) => k > 0 && item.start !== (run[k - 1].start ?? 0) + 1))) {
      out.push(...run.map((item) => item.block));
      run = [];
      return;
    }
    const first = run[0].block.position;
    const last = run[run.length - 1].block.position;
    const list: List = {
      type: 'list',
      ordered: run[0].ordered,
      start: run[0].ordered ? run[0].start ?? 1 : null,
      spread: false,
      children: run.map(({ text, block }): ListItem => {
        const value: Text = { type: 'text', value: text };
        return { type: 'listItem', spread: false, checked: null, children: [{ type: 'paragraph', children: [value], position: block.position }], position: block.position };
      }),
      position: first && last ? { start: first.start, end: last.end } : undefined,
    };
    out.push(list);
    run = [];
  };
  let unmarked = 0;
  blocks.forEach((block, i) => {
    if (unmarked > 0) {
      unmarked--;
      const p = block as Paragraph;
      run.push({ ordered: false, text: (p.children[0] as Text).value.trim(), block: p });
      if (unmarked === 0) flush();
      return;
    }
    const item = itemOf(block);
    if (item && run.length && item.ordered !== run[0].ordered) flush();
    if (item) run.push(item);
    else {
      flush();
      out.push(block);
      unmarked = unmarkedRunAfter(blocks, i, lang);
    }
  });
  flush();
  return out;
}

/** The same for every section of an outline, its subsections and closing blocks; a key-terms section's terms in bold. */
export function sectionsWithLists(sections: Section[], lang: string): Section[] {
  return sections.map((s) => {
    const blocks = withLists(s.blocks, lang);
    return { ...s, blocks: s.kind === 'key-terms' ? blocks.map(withTermInBold) : blocks, sections: sectionsWithLists(s.sections, lang), ...(s.closing ? { closing: withLists(s.closing, lang) } : {}) };
  });
}

/** "Nucleus - the control centre of the cell": a term, a dash or a colon, and what it means. */
const GLOSSARY_LINE = /^([\p{L}\p{N}][\p{L}\p{N}'’()/ -]{0,50}?)(\s+[-–—]\s+|:\s+)(\S[\s\S]*)$/u;

/**
 * Under "Key terms" in plain text, a line that gives a term and its meaning sets the term in bold,
 * as a glossary prints it (Markdown writes `**Nucleus** - …`); every character stays.
 */
function withTermInBold(block: Block): Block {
  if (block.type !== 'paragraph' || block.children.length !== 1 || block.children[0].type !== 'text') return block;
  const m = GLOSSARY_LINE.exec(block.children[0].value);
  if (!m || m[1].trim().split(/\s+/).length > 5) return block;
  const strong: Strong = { type: 'strong', children: [{ type: 'text', value: m[1] }] };
  const rest: Text = { type: 'text', value: `${m[2]}${m[3]}` };
  return { ...block, children: [strong, rest] } as Paragraph;
}
