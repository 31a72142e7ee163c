/**
 * The command line: parses arguments and calls the library; prints what happened.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { choicesOf, cliShape } from './options/schema.js';
import { optionValue } from './options/validate.js';
import { formatMessage, HandoutError, Warnings } from './diagnostics.js';
import type { BuildCommandOptions } from './cli/buildCommand.js';
import type { PacketCommandOptions } from './cli/packetCommand.js';
import { escapeControlCharacters, escapedForTerminal } from './controlCharacters.js';

// Each command loads what it needs when it runs (a dynamic import), so `--help` and `outline` do not
// load the renderer, and a build with nothing to make never loads the stages that make outputs.

/** A project laid out like this one keeps its sources in content/; any other folder is its own. */
const DEFAULT_INPUTS = [existsSync('content') ? 'content' : '.'];

const program = new Command();
program
  .name('handout')
  .description('Turn Markdown or plain prose into printable handouts: a PDF and a self-contained HTML page for each source,\nplus a summary table and a catalog page.')
  .version(packageVersion(), '-V, --version', 'print the version')
  .showHelpAfterError();

/** The version in handout's own package.json, found above this module (tsc's output or the bundle, at any depth). */
function packageVersion(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'handout' && pkg.version) return pkg.version;
    } catch {
      // not here: look further up
    }
    if (path.dirname(dir) === dir) return 'unknown';
  }
}

program
  .command('build')
  .description('build sources (default: content/) into PDF and HTML; unchanged ones are skipped')
  .argument('[inputs...]', 'source files (.md, .txt) or folders of them (default: content/ when there is one, else this folder)', DEFAULT_INPUTS)
  .option('-o, --out <dir>', 'folder to write outputs into', 'out')
  .addOption(setting('--paper <size>', 'paper', 'page size (overrides front matter `paper:`)'))
  .option('--template <name>', 'lay every document out with this template: handout or study-guide (overrides front matter `template:`)')
  .option('--templates <dir>', 'a folder of templates that override the built-in ones (default: ./templates when present)')
  .addOption(setting('--variant <edition>', 'variant', 'also build this edition of each handout: large-print → <slug>.large.pdf'))
  .option('--archive', 'build archival PDF/A-2a (tagged, fonts embedded, colour profile included)')
  .addOption(setting('--missing-images <what>', 'missingImages', 'a missing or unsupported image: an error, or a warning with its alt text printed').default('error'))
  .addOption(setting('--links <where>', 'links', 'print each link\'s address after its text, as numbered notes at the end, or not (overrides the `links:` setting)'))
  .option('--force', 'rebuild everything, even what is unchanged since the last build')
  .option('--overwrite', 'replace files in the output folder that handout did not write (by default the build stops at them)')
  .addOption(new Option('--remote-images <what>', 'a remote image in the web page: its alt text (no page loads anything from the network), or kept for the browser to load').choices(['alt', 'keep']).default('alt'))
  .option('-j, --jobs <n>', 'worker threads to render on, or auto (one per core; never more than the cores)', 'auto')
  .option('--shard <i/n>', 'build only the i-th of n slices of the sources (for splitting a large library across CI jobs)')
  .option('-q, --quiet', 'print only errors and the total line')
  .option('--json', 'print the result as JSON (for CI and other tools)')
  .option('--strict', 'exit 1 when a handout misses its reading target or is overdue for review (see `handout check`)')
  .addOption(setting('--target-grade <grade>', 'targetGrade', 'reading grade to meet when front matter has no `target-grade:` (default: the settings file\'s, else 8)'))
  .option('--glossary <file>', 'a glossary file (YAML `term: definition`) besides the glossary.yml files beside the sources')
  .addHelpText('after', '\nExamples:\n  handout build\n  handout build ../shared/seeds/calcinosis.txt --out /tmp/x\n  handout build content --paper a4\n  handout build content --shard 1/4 --out out-1\n  handout build content --variant large-print --archive')
  .action(async (inputs: string[], opts: BuildCommandOptions) => {
    try {
      const { runBuild } = await import('./cli/buildCommand.js');
      const report = await runBuild(inputs, opts);
      process.exitCode = report.ok ? 0 : 1;
      exitWhenWritten();
    } catch (e) {
      fail(e);
    }
  });

program
  .command('dev')
  .description('build, then watch sources and templates, rebuild on save, and serve the outputs with live reload')
  .argument('[inputs...]', 'source files or folders to watch and build (default: content/ when there is one, else this folder)', DEFAULT_INPUTS)
  .option('-o, --out <dir>', 'folder to write outputs into', 'out')
  .option('-p, --port <port>', 'port to serve on (127.0.0.1 only; 0 picks a free one)', '4321')
  .addOption(setting('--paper <size>', 'paper', 'page size (overrides front matter `paper:`)'))
  .option('--template <name>', 'lay every document out with this template')
  .option('--templates <dir>', 'a folder of templates that override the built-in ones')
  .action(async (inputs: string[], opts: BuildCommandOptions & { port: string }) => {
    try {
      const [{ startDevServer }, { buildOptions, buildPrinter, templateDirsOf }] = await Promise.all([import('./dev/devServer.js'), import('./cli/buildCommand.js')]);
      const server = await startDevServer(
        { outDir: opts.out, watch: [...inputs, ...templateDirsOf(opts)], build: () => buildOptions(inputs, opts), port: opts.port },
        () => buildPrinter(opts),
      );
      const stop = () => void server.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    } catch (e) {
      fail(e);
    }
  });

program
  .command('packet')
  .description('put handouts into one PDF for printing: a contents page, each handout on a fresh page, a bookmark for each')
  .argument('[inputs...]', 'source files or folders, in the order they go in the packet (folders: by file name)')
  .requiredOption('-o, --out <file>', 'the packet PDF to write, such as packet.pdf')
  .option('--list <file>', 'a packet list: one source or folder a line (relative to the list), in order; # starts a comment')
  .option('--duplex', 'start each handout on an odd page, so on the front of a sheet printed on both sides')
  .option('--title <text>', 'the contents page\'s title (default: the settings file\'s organisation, else "Handouts")')
  .addOption(setting('--paper <size>', 'paper', 'page size of the contents page and every handout (overrides front matter `paper:`)'))
  .addOption(setting('--links <where>', 'links', 'how link addresses are printed (overrides the `links:` setting)'))
  .option('--templates <dir>', 'a folder of templates that override the built-in ones (default: ./templates when present)')
  .addOption(setting('--missing-images <what>', 'missingImages', 'a missing or unsupported image: an error, or a warning with its alt text printed').default('error'))
  .addHelpText('after', '\nExamples:\n  handout packet content --out packet.pdf\n  handout packet welcome.md flu.txt hands.md --out new-patients.pdf --duplex\n  handout packet --list new-patients.packet --out new-patients.pdf')
  .action(async (inputs: string[], opts: PacketCommandOptions) => {
    try {
      const { runPacket } = await import('./cli/packetCommand.js');
      const report = await runPacket(inputs.length || opts.list ? inputs : DEFAULT_INPUTS, opts);
      process.exitCode = report.ok ? 0 : 1;
      exitWhenWritten();
    } catch (e) {
      fail(e);
    }
  });

program
  .command('outline')
  .description('print the outline handout finds in a source: title, sections, what each holds')
  .argument('<file>', 'a source file (.md or .txt)')
  .option('--json', 'print the Outline as JSON')
  .action(async (file: string, opts: { json?: boolean }) => {
    try {
      const [{ outlineOf }, { printOutline }] = await Promise.all([import('./document/buildDocument.js'), import('./outline/printOutline.js')]);
      const warnings = new Warnings();
      const { outline } = outlineOf(file, warnings);
      for (const w of warnings.list) console.error(formatMessage('warning', w.message, w));
      process.stdout.write(opts.json ? JSON.stringify(outline, null, 2) + '\n' : escapeControlCharacters(printOutline(outline), true));
      exitWhenWritten();
    } catch (e) {
      fail(e);
    }
  });

program
  .command('check')
  .description('check reading level, plain language, terms, accessibility, review dates and PEMAT-P')
  .argument('[inputs...]', 'source files (.md, .txt) or folders of them (default: content/ when there is one, else this folder)', DEFAULT_INPUTS)
  .option('--json', 'print the report as JSON')
  .option('--strict', 'exit 1 when a handout misses its reading target or is overdue for review')
  .addOption(setting('--target-grade <grade>', 'targetGrade', 'reading grade to meet when front matter has no `target-grade:` (default: the settings file\'s, else 8)'))
  .option('--glossary <file>', 'a glossary file (YAML `term: definition`) besides the glossary.yml files beside the sources')
  .addHelpText('after', '\n"Today" is HANDOUT_TODAY=YYYY-MM-DD, else SOURCE_DATE_EPOCH, else the clock.\n\nExamples:\n  handout check\n  handout check ../shared/seeds/calcinosis.txt\n  handout check content --strict --json')
  .action(async (inputs: string[], opts: { json?: boolean; strict?: boolean; targetGrade?: number; glossary?: string }) => {
    try {
      const [{ checkSources }, { formatReport, useColour }, { today }] = await Promise.all([import('./collection/checkSources.js'), import('./check/report.js'), import('./check/reviewDates.js')]);
      const report = await checkSources(inputs, { today: today(), targetGrade: opts.targetGrade, strict: opts.strict, glossaryFile: opts.glossary });
      process.stdout.write(opts.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(escapedForTerminal(report), useColour(process.stdout)));
      process.exitCode = report.ok ? 0 : 1;
      exitWhenWritten();
    } catch (e) {
      fail(e);
    }
  });

/** An option that is also a setting: checked by the setting's schema, with the same message. */
function setting(flags: string, key: keyof typeof cliShape, description: string): Option {
  const schema = cliShape[key];
  const choices = choicesOf(schema);
  const option = new Option(flags, choices ? `${description} (${choices.join(', ')})` : description);
  return option.argParser(optionValue<unknown>(flags.split(' ')[0], schema));
}

/**
 * Ends a command that has finished, once what it printed has been written out. Node would first
 * wait for V8's background jobs still running (optimising code the process will never run again:
 * 30–50 ms at the end of a small build).
 */
function exitWhenWritten(): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit()));
}

function fail(e: unknown): never {
  if (e instanceof HandoutError) console.error(e.format());
  else if (e instanceof Error && /^--\w+ takes/.test(e.message)) console.error(escapeControlCharacters(`handout: ${e.message}`));
  else {
    console.error(escapeControlCharacters(`handout: internal error: ${e instanceof Error ? e.message : e}`));
    if (process.env.HANDOUT_DEBUG && e instanceof Error) console.error(e.stack);
  }
  process.exit(1);
}

void program.parseAsync();
