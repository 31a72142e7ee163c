/**
 * A finding: one thing the check wants an author to look at, at a file and line, with what to do.
 * Every check returns a list of these, each under a rule id that settings can switch off or tune
 * (checkSettings.ts); reports group them per document and rule (groupFindings).
 */
export const RULES = [
  'reading-grade',
  'long-sentence',
  'passive-voice',
  'simpler-word',
  'undefined-term',
  'alt-text',
  'heading-order',
  'table-header',
  'link-text',
  'review-date',
  'front-matter',
  /** A line of a web page's frame copied with the text (a cookie banner, a trail of links). */
  'page-frame',
  /** A source that is read with a warning (not UTF-8). */
  'source',
  /** A check setting that is not understood (a misspelt rule in a handout-disable comment). */
  'settings',
] as const;

export type RuleId = (typeof RULES)[number];

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  file: string;
  line?: number;
  message: string;
  /** What to do about it. */
  suggestion?: string;
  /** What the finding is about, when findings of its rule are grouped by it: the word, the term, the verb. */
  subject?: string;
}

/** Findings in file order, then by line; the order the author reads them in. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => (a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file < b.file ? -1 : 1));
}

/** A sentence shortened for a one-line message. */
export function quote(text: string, max = 70): string {
  return `"${text.length > max ? text.slice(0, max - 1).trimEnd() + '…' : text}"`;
}

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];

/** The findings of one rule in one document, the most severe first. */
export interface FindingGroup {
  rule: RuleId;
  severity: Severity;
  findings: Finding[];
}

/** Rules about reading the source itself come first among equals: what follows depends on them. */
const SOURCE_RULES: RuleId[] = ['front-matter', 'source', 'settings'];

/** Findings grouped by rule: errors first; then the source's own rules; then in the order of their first line. */
export function groupFindings(findings: Finding[]): FindingGroup[] {
  const groups = new Map<RuleId, FindingGroup>();
  for (const f of sortFindings(findings)) {
    const g = groups.get(f.rule) ?? { rule: f.rule, severity: f.severity, findings: [] };
    g.findings.push(f);
    if (SEVERITY_ORDER.indexOf(f.severity) < SEVERITY_ORDER.indexOf(g.severity)) g.severity = f.severity;
    groups.set(f.rule, g);
  }
  const sourceFirst = (g: FindingGroup) => (SOURCE_RULES.includes(g.rule) ? 0 : 1);
  return [...groups.values()].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || sourceFirst(a) - sourceFirst(b));
}

/**
 * A group on one line. One finding: its rule and message. Several with subjects: each subject and its
 * lines, most frequent first ("simpler-word ×9: provide (lines 12, 22, 26), however (22, 57)").
 * Several without: each message and its lines. `limit` shortens the list with "…" (the build's few lines).
 */
export function describeGroup(g: FindingGroup, limit = Infinity): string {
  if (g.findings.length === 1) {
    const f = g.findings[0];
    return `${g.rule}: ${f.message}`;
  }
  const lines = (fs: Finding[]) => [...new Set(fs.map((f) => f.line).filter((l): l is number => l !== undefined))];
  let parts: string[];
  if (g.findings.every((f) => f.subject)) {
    const bySubject = new Map<string, Finding[]>();
    for (const f of g.findings) bySubject.set(f.subject!, [...(bySubject.get(f.subject!) ?? []), f]);
    const entries = [...bySubject].sort((a, b) => b[1].length - a[1].length);
    parts = entries.map(([subject, fs], i) => {
      const at = lines(fs);
      return at.length ? `${subject} (${i === 0 ? (at.length === 1 ? 'line ' : 'lines ') : ''}${at.join(', ')})` : subject;
    });
  } else {
    // Without subjects, each message with its lines: "lines 5, 10" alone said nothing of what was
    // found ("a page number … is left out", "unknown front-matter key …").
    const byMessage = new Map<string, Finding[]>();
    for (const f of g.findings) byMessage.set(f.message, [...(byMessage.get(f.message) ?? []), f]);
    parts = [...byMessage].map(([message, fs]) => {
      const at = lines(fs);
      const where = at.length ? ` (${at.length === 1 ? 'line' : 'lines'} ${at.slice(0, limit).join(', ')}${at.length > limit ? ' …' : ''})` : '';
      return `${message}${where}`;
    });
    const shownMessages = parts.length > limit ? [...parts.slice(0, limit), '…'] : parts;
    return `${g.rule} ×${g.findings.length}: ${shownMessages.join('; ').replace(/; …$/, ' …')}`;
  }
  const shown = parts.length > limit ? [...parts.slice(0, limit), '…'] : parts;
  return `${g.rule} ×${g.findings.length}: ${shown.join(', ').replace(/, …$/, ' …')}`;
}
