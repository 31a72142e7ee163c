/**
 * The command line: parses arguments and calls the library; prints what happened.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import path from 'node:path';
import { formatMessage, HandoutError, Warnings, type Warning } from './diagnostics.js';
import { build, type DocumentResult } from './build/build.js';
import { outlineOf } from './build/buildDocument.js';
import { printOutline } from './outline/printOutline.js';
import { checkSources } from './check/runCheck.js';
import pc from 'picocolors';
import { formatFinding, formatReport, useColour } from './check/report.js';
import { today } from './check/reviewDates.js';

const program = new Command();
program
  .name('handout')
  .description('Turn Markdown or plain prose into printable handouts: a PDF and a self-contained HTML page for each source,\nplus a summary table and a catalog page.')
  .showHelpAfterError();

program
  .command('build')
  .description('build sources (default: content/) into PDF and HTML')
  .argument('[inputs...]', 'source files (.md, .txt) or folders of them', ['content'])
  .option('-o, --out <dir>', 'folder to write outputs into', 'out')
  .addOption(new Option('--paper <size>', 'page size (overrides front matter `paper:`)').choices(['letter', 'a4']))
  .option('--templates <dir>', 'a folder of templates that override the built-in ones (default: ./templates when present)')
  .option('-q, --quiet', 'print only errors and the total')
  .option('--strict', 'exit 1 when a handout misses its reading target or is overdue for review (see `handout check`)')
  .option('--target-grade <grade>', 'reading grade to meet when front matter has no `target-grade:`', parseGrade, 8)
  .option('--glossary <file>', 'a glossary file (YAML `term: definition`) besides the glossary.yml files beside the sources')
  .addHelpText('after', '\nExamples:\n  handout build\n  handout build ../shared/seeds/calcinosis.txt --out /tmp/x\n  handout build content --paper a4')
  .action(async (inputs: string[], opts: { out: string; paper?: 'letter' | 'a4'; templates?: string; quiet?: boolean; strict?: boolean; targetGrade: number; glossary?: string }) => {
    const templateDirs = opts.templates ? [opts.templates] : ['templates'];
    const printWarnings = (list: Warning[]) => {
      for (const w of list) console.error(formatMessage('warning', w.message, w));
    };
    let report;
    try {
      report = await build(
        {
          inputs, outDir: path.resolve(opts.out), paper: opts.paper, templateDirs,
          check: { targetGrade: opts.targetGrade, strict: opts.strict, glossaryFile: opts.glossary },
        },
        {
          document(result: DocumentResult) {
            if (result.ok) {
              if (!opts.quiet) console.log(`  ${result.file} → ${path.join(opts.out, result.slug + '.pdf')}  ${result.pages} ${result.pages === 1 ? 'page' : 'pages'}  ${Math.round(result.ms)} ms`);
            } else {
              console.error(result.error!.format());
            }
            printWarnings(result.warnings);
            // Health-literacy findings, as `handout check` prints them; --quiet leaves out the notes.
            const colour = pc.createColors(useColour(process.stderr));
            for (const f of result.check?.findings ?? []) if (f.severity !== 'info' || !opts.quiet) console.error(formatFinding(f, colour));
          },
        },
      );
    } catch (e) {
      fail(e);
    }
    printWarnings(report.collection.warnings);
    if (report.collection.error) console.error(report.collection.error.format());
    const built = report.documents.filter((d) => d.ok);
    const failed = report.documents.length - built.length;
    const pages = built.reduce((n, d) => n + (d.pages ?? 0), 0);
    console.log(
      `${built.length} ${built.length === 1 ? 'document' : 'documents'} built, ${pages} pages, ${failed} failed, in ${Math.round(report.ms)} ms → ${opts.out}/`,
    );
    process.exitCode = report.ok ? 0 : 1;
  });

program
  .command('outline')
  .description('print the outline handout finds in a source: title, sections, what each holds')
  .argument('<file>', 'a source file (.md or .txt)')
  .option('--json', 'print the Outline as JSON')
  .action((file: string, opts: { json?: boolean }) => {
    const warnings = new Warnings();
    try {
      const { outline } = outlineOf(file, warnings);
      for (const w of warnings.list) console.error(formatMessage('warning', w.message, w));
      process.stdout.write(opts.json ? JSON.stringify(outline, null, 2) + '\n' : printOutline(outline));
    } catch (e) {
      fail(e);
    }
  });

program
  .command('check')
  .description('check reading level, plain language, terms, accessibility, review dates and PEMAT-P')
  .argument('[inputs...]', 'source files (.md, .txt) or folders of them', ['content'])
  .option('--json', 'print the report as JSON')
  .option('--strict', 'exit 1 when a handout misses its reading target or is overdue for review')
  .option('--target-grade <grade>', 'reading grade to meet when front matter has no `target-grade:`', parseGrade, 8)
  .option('--glossary <file>', 'a glossary file (YAML `term: definition`) besides the glossary.yml files beside the sources')
  .addHelpText('after', '\n"Today" is HANDOUT_TODAY=YYYY-MM-DD, else SOURCE_DATE_EPOCH, else the clock.\n\nExamples:\n  handout check\n  handout check ../shared/seeds/calcinosis.txt\n  handout check content --strict --json')
  .action((inputs: string[], opts: { json?: boolean; strict?: boolean; targetGrade: number; glossary?: string }) => {
    try {
      const report = checkSources(inputs, { today: today(), targetGrade: opts.targetGrade, strict: opts.strict, glossaryFile: opts.glossary });
      process.stdout.write(opts.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report, useColour(process.stdout)));
      process.exitCode = report.ok ? 0 : 1;
    } catch (e) {
      fail(e);
    }
  });

function parseGrade(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 1 || n > 20) throw new InvalidArgumentError('a grade from 1 to 20, such as 8');
  return n;
}

function fail(e: unknown): never {
  if (e instanceof HandoutError) console.error(e.format());
  else {
    console.error(`handout: internal error: ${e instanceof Error ? e.message : e}`);
    if (process.env.HANDOUT_DEBUG && e instanceof Error) console.error(e.stack);
  }
  process.exit(1);
}

await program.parseAsync();
