/**
 * The check report for people: one block per handout (reading level per section, review date,
 * PEMAT-P, words to know, findings as `file:line: kind: message (suggestion)`), then a total.
 * Colour only when asked for (a TTY without NO_COLOR); the text is the same without it.
 */
import pc from 'picocolors';
import { describeGroup, groupFindings, quote, type Finding } from './findings.js';
import { gradeText, scores, type HandoutCheck } from './checkHandout.js';
import { largest } from '../extremes.js';

/** What `handout check` found in a collection: each handout's check, and sources that could not be read. */
export interface CheckReport {
  today: string;
  handouts: HandoutCheck[];
  /** Sources that could not be read, as `file:line: error: …` lines. */
  errors: { file: string; line?: number; message: string }[];
  /** Sources skipped in folders (a link leading outside the folder, broken or looping), with why. */
  skipped: { file: string; message: string }[];
  /** False when a source could not be read, or (with --strict) a handout misses its target or is overdue. */
  ok: boolean;
}

export function useColour(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if ('NO_COLOR' in env && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  return !!stream.isTTY && env.TERM !== 'dumb';
}

type Colours = ReturnType<typeof pc.createColors>;

export function severityLabel(severity: Finding['severity'], c: Colours = pc.createColors(false)): string {
  return severity === 'error' ? c.red('error') : severity === 'warning' ? c.yellow('warning') : c.cyan('note');
}

/** `file:line: warning: message (suggestion) [rule]`: the shape editors and terminals make clickable. */
export function formatFinding(f: Finding, c: Colours = pc.createColors(false)): string {
  const place = f.line !== undefined ? `${f.file}:${f.line}` : f.file;
  return `${place}: ${severityLabel(f.severity, c)}: ${f.message}${f.suggestion ? c.dim(` (${f.suggestion})`) : ''} ${c.dim(`[${f.rule}]`)}`;
}

export function formatReport(report: CheckReport, colour = false): string {
  const c = pc.createColors(colour);
  const out: string[] = [];
  for (const h of report.handouts) out.push(formatHandout(h, c), '');
  for (const e of report.errors) out.push(`${e.line !== undefined ? `${e.file}:${e.line}` : e.file}: ${c.red('error')}: ${e.message}`);
  for (const w of report.skipped) out.push(`${w.file}: ${c.yellow('warning')}: ${w.message}`);
  const n = report.handouts.length;
  const meets = report.handouts.filter((h) => h.readingLevel.status === 'meets target').length;
  const over = report.handouts.filter((h) => h.readingLevel.status === 'over target').length;
  const unmeasured = n - meets - over;
  const overdue = report.handouts.filter((h) => h.review.status === 'overdue').length;
  const all = report.handouts.flatMap((h) => h.findings);
  const count = (s: Finding['severity']) => all.filter((f) => f.severity === s).length;
  out.push(
    `Checked ${n} ${n === 1 ? 'handout' : 'handouts'} (today is ${report.today}): ${meets} ${meets === 1 ? 'meets its' : 'meet their'} reading target, ` +
      `${over} over${unmeasured ? `, ${unmeasured} not measured` : ''}; ${overdue} overdue for review; ${plural(count('error') + report.errors.length, 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info'), 'note')}.`,
  );
  return out.join('\n') + '\n';
}

function formatHandout(h: HandoutCheck, c: Colours): string {
  const r = h.readingLevel;
  const lines: string[] = [];
  lines.push(c.bold(`${h.file}: ${h.title}`));
  const verdict = r.status === 'meets target' ? c.green(r.status + ` ${r.target}`) : c.red(r.status + ` ${r.target}`);
  if (!r.measured) lines.push(`  Reading level  not measured: no reading formula for "${h.lang}" (English and Spanish have one)  (${r.sentences} sentences, ${r.words} words)`);
  else lines.push(`  Reading level  grade ${gradeText(r)}: ${scores(r)}; ${verdict}  (${r.sentences} sentences, ${r.words} words, ${r.syllables} syllables, ${r.polysyllables} of 3+)`);
  const width = Math.max(0, largest(r.sections.map((s) => s.title.length + 2 * (s.level - 2))));
  for (const s of r.sections) {
    const name = `${'  '.repeat(s.level - 2)}${s.title}`.padEnd(width);
    const over = (s.grade ?? 0) > r.target ? c.yellow('  over') : '';
    const figures = s.fernandezHuerta !== undefined ? `FH ${fmt(s.fernandezHuerta)}  grade ${s.grade}` : `FK ${fmt(s.fleschKincaid!)}  SMOG ${fmt(s.smog!)}`;
    lines.push(`    ${name}  ${figures}${over}`);
  }
  if (r.hardest.length) {
    lines.push(`    The sentences that raise the grade most (the grade without each one is lower by):`);
    for (const hs of r.hardest) lines.push(`      ${h.file}:${hs.line}  ${hs.raisesGradeBy.toFixed(2)}  ${hs.words} words, ${hs.longWords.length} of 3+ syllables: ${quote(hs.text, 60)}`);
  }
  const rv = h.review;
  const status = rv.status === 'overdue' ? c.red(rv.status) : rv.status === 'current' ? c.green(rv.status) : c.yellow(rv.status);
  lines.push(`  Review         ${rv.reviewed ? `reviewed ${rv.reviewed}` : 'never reviewed'}${rv.nextReview ? `, next review ${rv.nextReview}` : ''}: ${status}`);
  const p = h.pemat;
  lines.push(`  PEMAT-P        ${p.agree} of ${p.judged} items a program can judge (${p.percent} %); ${p.forPerson.length} items need a person (--json lists them)`);
  for (const i of p.items) {
    const mark = i.verdict === 'agree' ? c.green('yes') : i.verdict === 'disagree' ? c.red('no ') : c.dim('n/a');
    lines.push(`    ${mark} ${i.name}: ${i.why}`);
  }
  lines.push(`  Words to know  ${h.wordsToKnow.length ? h.wordsToKnow.map((t) => t.term).join(', ') : '(no glossary terms used)'}`);
  if (h.rulesOff.length) lines.push(`  Rules off      ${h.rulesOff.join(', ')}`);
  // Each rule once, with every finding of it under it (file:line, clickable).
  const groups = groupFindings(h.findings);
  if (groups.length) {
    lines.push(`  Findings`);
    for (const g of groups) {
      if (g.findings.length === 1) {
        lines.push(`    ${formatFinding(g.findings[0], c)}`);
        continue;
      }
      lines.push(`    ${severityLabel(g.severity, c)} ${describeGroup(g)}`);
      for (const f of g.findings) lines.push(`      ${formatFinding(f, c)}`);
    }
  } else {
    lines.push(`  Findings       none`);
  }
  return lines.join('\n');
}

function fmt(n: number): string {
  return n.toFixed(1).padStart(4);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
