/** The outline as a person reads it: indented headings with what each holds. */
import { toString } from 'mdast-util-to-string';
import type { Block, Outline, Section } from './outline.js';

export function printOutline(outline: Outline): string {
  const m = outline.meta;
  const lines = [`${outline.title}  (title from ${outline.titleFrom}; ${outline.words} words; ${outline.file})`];
  const facts = [m.audience && `audience: ${m.audience}`, `lang: ${m.lang}${m.langDetected ? ' (read from the text)' : ''}`, m.version && `version: ${m.version}`, m.reviewed && `reviewed: ${m.reviewed}${m.reviewedLine ? ` (read from line ${m.reviewedLine})` : ''}`]
    .filter(Boolean)
    .join(' · ');
  lines.push(`  ${facts}`);
  if (outline.intro.length) lines.push(`  (intro) ${describe(outline.intro)}`);
  const walk = (sections: Section[], indent: string) => {
    for (const s of sections) {
      const mark = (s.kind === 'key-points' ? ' [key points box]' : '') + (s.inferred ? ' (inferred)' : '');
      const where = s.line ? `  line ${s.line}` : '';
      lines.push(`${indent}${'#'.repeat(s.level)} ${s.title}${mark}${where}`);
      if (s.blocks.length) lines.push(`${indent}    ${describe(s.blocks)}`);
      walk(s.sections, indent + '  ');
      if (s.closing?.length) lines.push(`${indent}    (after its parts) ${describe(s.closing)}`);
    }
  };
  walk(outline.sections, '  ');
  if (outline.closing.length) lines.push(`  (closing, about the whole subject) ${describe(outline.closing)}`);
  if (outline.notes?.length) lines.push('', 'Why:', ...outline.notes.map((n) => `  ${n}`));
  return lines.join('\n') + '\n';
}

function describe(blocks: Block[]): string {
  const counts = new Map<string, number>();
  for (const b of blocks) counts.set(b.type, (counts.get(b.type) ?? 0) + 1);
  const parts = [...counts].map(([type, n]) => `${n} ${type}${n > 1 ? 's' : ''}`);
  const firstText = toString(blocks[0]).replace(/\s+/g, ' ').trim();
  const preview = firstText.length > 60 ? firstText.slice(0, 57) + '...' : firstText;
  return `${parts.join(', ')}${preview ? ` — "${preview}"` : ''}`;
}
