/**
 * Lines of a web page's frame copied with plain text: a cookie banner, a trail of links, the page's
 * buttons. The outline marks them (inferOutline.ts's markPageFrame) and prints them small; the check
 * names each at its line, so the writer can delete what should not be printed. Nothing is left out.
 */
import { toString } from 'mdast-util-to-string';
import type { Paragraph } from 'mdast';
import { blocksInReadingOrder, type Outline } from '../outline/outline.js';
import { quote, type Finding } from './findings.js';

export function pageFrameFindings(outline: Outline): Finding[] {
  const findings: Finding[] = [];
  for (const { block } of blocksInReadingOrder(outline)) {
    const kind = block.type === 'paragraph' ? (block as Paragraph).data?.frame : undefined;
    if (!kind) continue;
    findings.push({
      rule: 'page-frame',
      severity: 'warning',
      file: outline.file,
      line: block.position?.start.line,
      message: `${quote(toString(block).trim(), 50)} looks like ${kind} copied with the web page; it is printed small`,
      suggestion: 'delete the line from the source if it should not be printed',
      subject: kind,
    });
  }
  return findings;
}
