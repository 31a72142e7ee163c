/**
 * The command line: parses arguments and calls the library; prints what happened.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { formatMessage, HandoutError, Warnings } from './diagnostics.js';
import { outlineOf } from './build/buildDocument.js';
import { runBuild, type BuildCommandOptions } from './cli/buildCommand.js';
import { startDevServer, type DevOptions } from './dev/devServer.js';
import { printOutline } from './outline/printOutline.js';
import { checkSources } from './check/runCheck.js';
import { formatReport, useColour } from './check/report.js';
import { today } from './check/reviewDates.js';

const program = new Command();
program
  .name('handout')
  .description('Turn Markdown or plain prose into printable handouts: a PDF and a self-contained HTML page for each source,\nplus a summary table and a catalog page.')
  .showHelpAfterError();

program
  .command('build')
  .description('build sources (default: content/) into PDF and HTML; unchanged ones are skipped')
  .argument('[inputs...]', 'source files (.md, .txt) or folders of them', ['content'])
  .option('-o, --out <dir>', 'folder to write outputs into', 'out')
  .addOption(new Option('--paper <size>', 'page size (overrides front matter `paper:`)').choices(['letter', 'a4']))
  .option('--template <name>', 'lay every document out with this template: handout or study-guide (overrides front matter `template:`)')
  .option('--templates <dir>', 'a folder of templates that override the built-in ones (default: ./templates when present)')
  .addOption(new Option('--variant <edition>', 'also build this edition of each handout: large-print → <slug>.large.pdf').choices(['large-print']))
  .option('--archive', 'build archival PDF/A-2a (tagged, fonts embedded, colour profile included)')
  .addOption(new Option('--missing-images <what>', 'a missing or unsupported image: an error, or a warning with its alt text printed').choices(['error', 'alt']).default('error'))
  .option('--force', 'rebuild everything, even what is unchanged since the last build')
  .option('-j, --jobs <n>', 'worker threads to render on, or auto (one per core)', 'auto')
  .option('--shard <i/n>', 'build only the i-th of n slices of the sources (for splitting a large library across CI jobs)')
  .option('-q, --quiet', 'print only errors and the total line')
  .option('--json', 'print the result as JSON (for CI and other tools)')
  .option('--strict', 'exit 1 when a handout misses its reading target or is overdue for review (see `handout check`)')
  .option('--target-grade <grade>', 'reading grade to meet when front matter has no `target-grade:`', parseGrade, 8)
  .option('--glossary <file>', 'a glossary file (YAML `term: definition`) besides the glossary.yml files beside the sources')
  .addHelpText('after', '\nExamples:\n  handout build\n  handout build ../shared/seeds/calcinosis.txt --out /tmp/x\n  handout build content --paper a4\n  handout build content --shard 1/4 --out out-1\n  handout build content --variant large-print --archive')
  .action(async (inputs: string[], opts: BuildCommandOptions) => {
    try {
      const report = await runBuild(inputs, opts);
      process.exitCode = report.ok ? 0 : 1;
    } catch (e) {
      fail(e);
    }
  });

program
  .command('dev')
  .description('build, then watch sources and templates, rebuild on save, and serve the outputs with live reload')
  .argument('[inputs...]', 'source files or folders to watch and build', ['content'])
  .option('-o, --out <dir>', 'folder to write outputs into', 'out')
  .option('-p, --port <port>', 'port to serve on (127.0.0.1 only; 0 picks a free one)', '4321')
  .addOption(new Option('--paper <size>', 'page size (overrides front matter `paper:`)').choices(['letter', 'a4']))
  .option('--template <name>', 'lay every document out with this template')
  .option('--templates <dir>', 'a folder of templates that override the built-in ones')
  .action(async (inputs: string[], opts: DevOptions) => {
    try {
      const server = await startDevServer(inputs, opts);
      const stop = () => void server.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    } catch (e) {
      fail(e);
    }
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
  .action(async (inputs: string[], opts: { json?: boolean; strict?: boolean; targetGrade: number; glossary?: string }) => {
    try {
      const report = await checkSources(inputs, { today: today(), targetGrade: opts.targetGrade, strict: opts.strict, glossaryFile: opts.glossary });
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
  else if (e instanceof Error && /^--\w+ takes/.test(e.message)) console.error(`handout: ${e.message}`);
  else {
    console.error(`handout: internal error: ${e instanceof Error ? e.message : e}`);
    if (process.env.HANDOUT_DEBUG && e instanceof Error) console.error(e.stack);
  }
  process.exit(1);
}

await program.parseAsync();
