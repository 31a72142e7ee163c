/**
 * Parse stage: source text → mdast. Markdown goes through unified + remark-parse with GFM
 * (tables, strikethrough, autolinks, task lists) and front matter; plain text is never read as
 * Markdown (an asterisk in prose stays an asterisk): its paragraphs become mdast paragraphs.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, Paragraph } from 'mdast';
import type { Source } from '../read/readSource.js';
import { findFrontMatter } from '../read/frontMatter.js';

const markdownParser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

export function parseSource(source: Source): Root {
  if (source.format === 'markdown') return parseMarkdown(source.text);
  // Plain text may open with front matter too: its lines are settings, not paragraphs.
  const frontMatter = findFrontMatter(source.text);
  return parsePlainText(source.text, frontMatter && frontMatter.lastLine > 0 ? frontMatter.lastLine : 0);
}

export function parseMarkdown(text: string): Root {
  // remark-gfm and remark-frontmatter register their syntax extensions in the transformer chain,
  // so `runSync` is not needed: `parse` already knows GFM and YAML fences.
  return markdownParser.parse(text);
}

/**
 * Paragraphs are separated by blank lines. A text with no blank line at all (one paragraph per
 * line, as text exported from web pages often is) has one paragraph per line instead; otherwise
 * lines inside a paragraph are joined, since they are hard-wrapped prose.
 */
export function parsePlainText(text: string, skipLines = 0): Root {
  const lines = text.split('\n');
  const hasBlankLines = /\n[ \t]*\n/.test(lines.slice(skipLines).join('\n').trim());
  const children: Paragraph[] = [];
  // Offsets too, not only lines: hast-util-raw (images, raw HTML) requires them on positions.
  const lineStarts: number[] = [];
  lines.reduce((offset, l) => (lineStarts.push(offset), offset + l.length + 1), 0);
  let start = -1;
  const flush = (end: number) => {
    if (start === -1) return;
    const value = lines
      .slice(start, end)
      .map((l) => l.trim())
      .join(' ');
    children.push({
      type: 'paragraph',
      children: [{ type: 'text', value }],
      position: {
        start: { line: start + 1, column: 1, offset: lineStarts[start] },
        end: { line: end, column: lines[end - 1].length + 1, offset: lineStarts[end - 1] + lines[end - 1].length },
      },
    });
    start = -1;
  };
  lines.forEach((line, i) => {
    if (i < skipLines) return;
    if (line.trim() === '') flush(i);
    else {
      if (start === -1) start = i;
      if (!hasBlankLines) flush(i + 1);
    }
  });
  flush(lines.length);
  return { type: 'root', children };
}
