/**
 * Accessibility of the source: images without alt text, headings that skip a level (as printed),
 * tables without a header row, and links whose text says nothing out of context ("click here").
 * Raw HTML in Markdown is read with an HTML parser, so `<img>` and `<table>` written by hand count too.
 */
import type { Nodes, Table } from 'mdast';
import type { Element } from 'hast';
import { toString } from 'mdast-util-to-string';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import { visit } from '../visitTree.js';
import type { Outline } from '../outline/outline.js';
import { blocksInReadingOrder, walkSections } from '../outline/outline.js';
import type { Finding } from './findings.js';

/** Link texts that do not say where the link goes. */
const VAGUE_LINK_TEXT = /^(click here|click|here|this|this link|link|more|read more|learn more|more info|more information|this page|go|see here|details)$/i;

export function accessibilityFindings(outline: Outline): Finding[] {
  const file = outline.file;
  const findings: Finding[] = [];
  const add = (rule: Finding['rule'], line: number | undefined, message: string, suggestion: string) =>
    findings.push({ rule, severity: 'warning', file, line, message, suggestion });

  let previous = 1; // the title
  for (const s of walkSections(outline.sections)) {
    if (s.level > previous + 1) {
      add('heading-order', s.line, `heading "${s.title}" skips from level ${previous} to level ${s.level}`, `make it a level-${previous + 1} heading (${'#'.repeat(previous + 1)} in Markdown), or add the missing level above it`);
    }
    previous = s.level;
  }

  for (const { block } of blocksInReadingOrder(outline)) {
    visit(block as Nodes, (node: Nodes) => {
      const line = node.position?.start.line;
      if (node.type === 'image' || node.type === 'imageReference') {
        if (!node.alt?.trim()) add('alt-text', line, 'image without alt text', 'describe what the image shows in the brackets: ![a swollen heel](heel.png)');
      } else if (node.type === 'table') {
        if (!hasHeaderRow(node)) add('table-header', line, 'table without a header row (the first row is empty)', 'put a heading for each column in the first row');
      } else if (node.type === 'link' || node.type === 'linkReference') {
        const text = toString(node).trim();
        if (VAGUE_LINK_TEXT.test(text.replace(/[.!:]+$/, ''))) add('link-text', line, `link text "${text}" does not say where it goes`, 'use words that name the target: "our patient education page"');
      } else if (node.type === 'html') {
        htmlFindings(node.value, line, add);
      }
    });
  }
  return findings;
}

function hasHeaderRow(table: Table): boolean {
  const first = table.children[0];
  return !!first && first.children.some((cell) => toString(cell).trim() !== '');
}

function htmlFindings(html: string, line: number | undefined, add: (kind: Finding['rule'], line: number | undefined, message: string, suggestion: string) => void): void {
  const tree = fromHtml(html, { fragment: true });
  visit(tree, 'element', (el: Element) => {
    if (el.tagName === 'img' && el.properties.alt === undefined) add('alt-text', line, 'image without alt text (<img> has no alt attribute)', 'add alt="what the image shows" (alt="" only for decoration)');
    if (el.tagName === 'table') {
      let th = false;
      visit(el, 'element', (c: Element) => {
        if (c.tagName === 'th') th = true;
      });
      if (!th) add('table-header', line, 'table without a header row (<table> has no <th>)', 'make the first row <th> cells in a <thead>');
    }
    if (el.tagName === 'a' && VAGUE_LINK_TEXT.test(hastToString(el).trim())) add('link-text', line, `link text "${hastToString(el).trim()}" does not say where it goes`, 'use words that name the target');
  });
}
