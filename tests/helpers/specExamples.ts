/** The examples of a CommonMark or GFM spec file (../shared/corpus/spec): Markdown between "``` example" and ".", → written as a tab. */
const FENCE = '`'.repeat(32);

export function specExamples(text: string): { markdown: string; line: number }[] {
  const lines = text.split('\n');
  const examples: { markdown: string; line: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith(`${FENCE} example`)) continue;
    const start = i + 1;
    let j = start;
    while (j < lines.length && lines[j] !== '.') j++;
    examples.push({ markdown: lines.slice(start, j).join('\n').replace(/→/g, '\t'), line: start + 1 });
    while (j < lines.length && lines[j] !== FENCE) j++;
    i = j;
  }
  return examples;
}
