/**
 * `handout build` as a person sees it: a line per document (or a progress bar for many on a
 * terminal), warnings said once, and a closing line with what was built, skipped and failed.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { formatMessage, type Warning } from '../diagnostics.js';
import { escapeControlCharacters as shown } from '../controlCharacters.js';
import pc from 'picocolors';
import { build, type BuildOptions, type BuildReport, type DocumentResult } from '../build/build.js';
import { formatFinding, useColour } from '../check/report.js';

export interface BuildCommandOptions {
  out: string;
  paper?: 'letter' | 'a4';
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
  const jobs = opts.jobs === undefined || opts.jobs === 'auto' ? availableParallelism() : Number(opts.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`--jobs takes a whole number of 1 or more, or auto (got ${opts.jobs})`);
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
    template: opts.template,
    templateDirs: opts.templates ? [opts.templates] : ['templates'],
    force: opts.force,
    overwrite: opts.overwrite,
    remoteImages: opts.remoteImages,
    jobs,
    shard,
    variant: opts.variant,
    archive: opts.archive,
    missingImages: opts.missingImages,
    check: { targetGrade: opts.targetGrade, strict: opts.strict, glossaryFile: opts.glossary },
  };
}

export async function runBuild(inputs: string[], opts: BuildCommandOptions): Promise<BuildReport> {
  const said = new Set<string>();
  let warningCount = 0;
  // A template's warning comes back for every document that uses it: say it once per build.
  const printWarnings = (list: Warning[]) => {
    for (const w of list) {
      const line = formatMessage('warning', w.message, w);
      if (said.has(line)) continue;
      said.add(line);
      warningCount++;
      if (!opts.json) clearProgress(), console.error(line);
    }
  };
  const tty = process.stderr.isTTY && !opts.quiet && !opts.json && !process.env.CI;
  let progressShown = false;
  const clearProgress = () => {
    if (progressShown) process.stderr.write('\r\x1b[K');
    progressShown = false;
  };
  const report = await build(buildOptions(inputs, opts), {
    document(result: DocumentResult, done: number, total: number) {
      if (!result.ok) {
        clearProgress();
        if (!opts.json) console.error(result.error!.format());
      } else if (tty && total > 20) {
        const width = 24;
        const filled = Math.round((done / total) * width);
        process.stderr.write(`\r\x1b[K  [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}  ${shown(result.file)}`);
        progressShown = true;
      } else if (!opts.quiet && !opts.json) {
        const editions = result.outputs.filter((f) => /\.large\.pdf$/.test(f)).map((f) => `  + ${path.basename(f)}`).join('');
        console.log(shown(result.skipped ? `  ${result.file}  unchanged` : `  ${result.file} → ${path.join(opts.out, result.slug + '.pdf')}  ${plural(result.pages ?? 0, 'page')}  ${Math.round(result.ms)} ms${editions}`));
      }
      printWarnings(result.warnings);
      // Health-literacy findings, as `handout check` prints them; --quiet leaves out the notes.
      if (!opts.json) {
        const colour = pc.createColors(useColour(process.stderr));
        for (const f of result.check?.findings ?? []) {
          if (f.severity === 'info' && opts.quiet) continue;
          clearProgress();
          // Escaped before colouring: the colours are the only escape sequences printed.
          console.error(formatFinding({ ...f, file: shown(f.file), message: shown(f.message), suggestion: f.suggestion && shown(f.suggestion) }, colour));
          if (f.severity !== 'info') warningCount++;
        }
      }
    },
  });
  clearProgress();
  printWarnings(report.warnings);
  printWarnings(report.collection.warnings);
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
      })),
      removed: report.removed,
      workers: report.workers,
    }, null, 2));
  } else {
    for (const f of report.removed) if (!opts.quiet) console.log(shown(`  removed ${path.relative(process.cwd(), f)} (no source writes it any more)`));
    console.log(
      `${ok.length - skipped} built, ${skipped} unchanged, ${failed} failed: ${plural(pages, 'page')}, ${plural(warningCount, 'warning')}, ${Math.round(report.ms)} ms → ${opts.out}/`,
    );
  }
  return report;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
