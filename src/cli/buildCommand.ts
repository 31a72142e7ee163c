/**
 * `handout build` as a person sees it: a line per document (or a progress bar for many on a
 * terminal), warnings said once, and a closing line with what was built, skipped and failed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatMessage, HandoutError, type Warning } from '../diagnostics.js';
import { escapeControlCharacters as terminalText, escapedForTerminal } from '../controlCharacters.js';
import pc from 'picocolors';
import { build, type BuildListener, type BuildOptions, type BuildReport, type DocumentResult } from '../collection/build.js';
import { groupFindings, describeGroup, type FindingGroup } from '../check/findings.js';
import { formatFinding, severityLabel, useColour } from '../check/report.js';
import type { LinkStyle, PaperSize } from '../options/schema.js';
import { SETTINGS_FILES, settingsFor } from '../options/config.js';
import { templateSearchDirs } from '../fill/templates.js';
import { parseCheckSettings } from '../check/checkSettings.js';

export interface BuildCommandOptions {
  out: string;
  paper?: PaperSize;
  links?: LinkStyle;
  template?: string;
  templates?: string;
  quiet?: boolean;
  json?: boolean;
  force?: boolean;
  overwrite?: boolean;
  remoteImages?: 'alt' | 'keep';
  jobs?: string;
  shard?: string;
  variant?: 'large-print';
  archive?: boolean;
  missingImages?: 'error' | 'alt';
  strict?: boolean;
  targetGrade?: number;
  glossary?: string;
}

/** The library's build options from the command line's; throws a usage error for bad values. */
export function buildOptions(inputs: string[], opts: BuildCommandOptions): BuildOptions {
  const jobs = opts.jobs === undefined || opts.jobs === 'auto' ? 'auto' : Number(opts.jobs);
  if (jobs !== 'auto' && (!Number.isInteger(jobs) || jobs < 1)) throw new Error(`--jobs takes a whole number of 1 or more, or auto (got ${opts.jobs})`);
  let shard: BuildOptions['shard'];
  if (opts.shard) {
    const m = /^(\d+)\/(\d+)$/.exec(opts.shard);
    if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new Error(`--shard takes i/n with 1 ≤ i ≤ n, such as 2/4 (got ${opts.shard})`);
    shard = { index: Number(m[1]), count: Number(m[2]) };
  }
  return {
    inputs,
    outDir: path.resolve(opts.out),
    paper: opts.paper,
    links: opts.links,
    template: opts.template,
    templateDirs: templateDirsOf(opts),
    force: opts.force,
    overwrite: opts.overwrite,
    remoteImages: opts.remoteImages,
    jobs,
    shard,
    variant: opts.variant,
    archive: opts.archive,
    missingImages: opts.missingImages,
    check: { targetGrade: opts.targetGrade, strict: opts.strict, glossaryFile: opts.glossary },
    // The working folder's settings file: its check rules also shape the catalog (what is "due soon").
    checks: projectChecks(),
  };
}

/** `--templates`, else ./templates (used when it exists): searched before the built-in templates. */
export function templateDirsOf(opts: Pick<BuildCommandOptions, 'templates'>): string[] {
  return templateSearchDirs(opts.templates);
}

/** Under each document the build prints this many findings (grouped by rule) and points at `handout check` for the rest. */
const FINDINGS_UNDER_A_DOCUMENT = 3;

/** The working folder's settings file's `checks:`, validated by the check's own schema, a mistake named at its line. */
function projectChecks(): unknown {
  const project = settingsFor(path.resolve(SETTINGS_FILES[0]));
  if (!project.file || !project.settings.checks) return undefined;
  const file = path.relative(process.cwd(), project.file);
  try {
    return parseCheckSettings(project.settings.checks, file);
  } catch (e) {
    if (!(e instanceof HandoutError)) throw e;
    const line = readFileSync(project.file, 'utf8').split('\n').findIndex((l) => /^\s*"?checks"?\s*:/.test(l)) + 1;
    throw new HandoutError(e.message, { file, line: line || undefined }, e.hint);
  }
}

export async function runBuild(inputs: string[], opts: BuildCommandOptions): Promise<BuildReport> {
  return build(buildOptions(inputs, opts), buildPrinter(opts));
}

/** Prints one build as it goes (a line per document, or a progress bar) and its closing line; `handout dev` makes one for each rebuild. */
export function buildPrinter(opts: Pick<BuildCommandOptions, 'out' | 'quiet' | 'json'>): BuildListener {
  const said = new Set<string>();
  let warningCount = 0;
  const colour = pc.createColors(useColour(process.stderr));
  const print = (line: string) => {
    clearProgress();
    console.error(line);
  };
  // A template's warning comes back for every document that uses it: say it once per build.
  const newWarnings = (list: Warning[]) => list.map((w) => formatMessage('warning', w.message, w)).filter((line) => !said.has(line) && said.add(line));
  const tty = process.stderr.isTTY && !opts.quiet && !opts.json && !process.env.CI;
  let progressShown = false;
  const clearProgress = () => {
    if (progressShown) process.stderr.write('\r\x1b[K');
    progressShown = false;
  };
  return {
    document(result: DocumentResult, done: number, total: number) {
      const warnings = newWarnings(result.warnings);
      // Escaped before colouring: the colours are then the only escape sequences printed.
      const findings = escapedForTerminal((result.check?.findings ?? []).filter((f) => f.severity !== 'info'));
      warningCount += warnings.length + findings.filter((f) => f.severity === 'warning').length;
      if (opts.json) return;
      if (!result.ok) return print(result.error!.format());
      if (opts.quiet) {
        // --quiet: errors only (an overdue review under --strict is one).
        for (const f of findings) if (f.severity === 'error') print(formatFinding(f, colour));
        return;
      }
      if (tty && total > 20) {
        const width = 24;
        const filled = Math.round((done / total) * width);
        process.stderr.write(`\r\x1b[K  [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}  ${terminalText(result.file)}`);
        progressShown = true;
      } else {
        const editions = result.outputs.filter((f) => /\.large\.pdf$/.test(f)).map((f) => `  + ${path.basename(f)}`).join('');
        console.log(terminalText(result.skipped ? `  ${result.file}  unchanged` : `  ${result.file} → ${path.join(opts.out, result.slug + '.pdf')}  ${plural(result.pages ?? 0, 'page')}  ${Math.round(result.ms)} ms${editions}`));
      }
      // What rendering said (a missing image, a font without a glyph) in full; then a few check
      // findings, each rule once, and where to see the rest (`handout check FILE` has every one).
      for (const line of warnings) print(`    ${line}`);
      const groups = groupFindings(findings);
      const shown = groups.length > FINDINGS_UNDER_A_DOCUMENT ? groups.slice(0, FINDINGS_UNDER_A_DOCUMENT - 1) : groups;
      for (const g of shown) print(`    ${formatGroup(g, colour)}`);
      const rest = groups.slice(shown.length).reduce((n, g) => n + g.findings.length, 0);
      if (rest) print(`    ${rest} more: handout check ${terminalText(result.file)}`);
    },
    done(report: BuildReport) {
      clearProgress();
      for (const line of newWarnings([...report.warnings, ...report.collection.warnings])) {
        warningCount++;
        if (!opts.json && !opts.quiet) console.error(line);
      }
      if (report.collection.error && !opts.json) console.error(report.collection.error.format());
      const ok = report.documents.filter((d) => d.ok);
      const skipped = ok.filter((d) => d.skipped).length;
      const failed = report.documents.length - ok.length;
      const pages = ok.reduce((n, d) => n + (d.pages ?? 0), 0);
      if (opts.json) {
        console.log(JSON.stringify({
          ok: report.ok,
          ms: Math.round(report.ms),
          documents: report.documents.map((d) => ({
            file: d.file, ok: d.ok, skipped: !!d.skipped, pages: d.pages, ms: Math.round(d.ms), outputs: d.outputs,
            error: d.error && { message: d.error.message, file: d.error.file, line: d.error.line, hint: d.error.hint },
            warnings: d.warnings,
            findings: d.check?.findings ?? [],
          })),
          removed: report.removed,
          // The build's own warnings: sources skipped in folders, a corrupt cache, an output changed by hand.
          warnings: [...report.warnings, ...report.collection.warnings],
          workers: report.workers,
        }, null, 2));
      } else {
        for (const f of report.removed) if (!opts.quiet) console.log(terminalText(`  removed ${path.relative(process.cwd(), f)} (no source writes it any more)`));
        console.log(
          `${ok.length - skipped} built, ${skipped} unchanged, ${failed} failed: ${plural(pages, 'page')}, ${plural(warningCount, 'warning')}, ${Math.round(report.ms)} ms → ${opts.out}/`,
        );
      }
    },
  };
}

/**
 * A rule's findings in one document on one clickable line: `file:line: warning: simpler-word ×9:
 * provide (lines 12, 22, 26), however (22, 57) …`; a rule found once, as `handout check` says it.
 */
function formatGroup(g: FindingGroup, c: ReturnType<typeof pc.createColors>): string {
  const first = g.findings[0];
  const place = first.line !== undefined ? `${first.file}:${first.line}` : first.file;
  const what = g.findings.length === 1 ? `${first.message} ${c.dim(`[${g.rule}]`)}` : describeGroup(g, 4);
  return `${place}: ${severityLabel(g.severity, c)}: ${what}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
