/**
 * A finding: one thing the check wants an author to look at, at a file and line, with what to do.
 * Every check returns a list of these; the report and `--json` print them as they are.
 */
export type FindingKind =
  | 'reading-level'
  | 'long-sentence'
  | 'passive-voice'
  | 'simpler-word'
  | 'undefined-term'
  | 'image-alt'
  | 'heading-skip'
  | 'table-header'
  | 'link-text'
  | 'review-date';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  file: string;
  line?: number;
  message: string;
  /** What to do about it. */
  suggestion?: string;
}

/** Findings in file order, then by line; the order the author reads them in. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => (a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file < b.file ? -1 : 1));
}

/** A sentence shortened for a one-line message. */
export function quote(text: string, max = 70): string {
  return `"${text.length > max ? text.slice(0, max - 1).trimEnd() + '…' : text}"`;
}
