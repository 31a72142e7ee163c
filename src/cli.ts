/**
 * The command line: parses arguments and calls the library; prints what happened.
 */
import { Command, Option } from 'commander';
import path from 'node:path';
import { formatMessage, HandoutError, Warnings, type Warning } from './diagnostics.js';
import { build, type DocumentResult } from './build/build.js';
import { outlineOf } from './build/buildDocument.js';
import { printOutline } from './outline/printOutline.js';

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
  .addOption(new Option('--variant <edition>', 'also build this edition of each handout: large-print → <slug>.large.pdf').choices(['large-print']))
  .option('--archive', 'build archival PDF/A-2a (tagged, fonts embedded, colour profile included)')
  .addOption(new Option('--missing-images <what>', 'a missing or unsupported image: an error, or a warning with its alt text printed').choices(['error', 'alt']).default('error'))
  .option('-q, --quiet', 'print only errors and the total')
  .addHelpText('after', '\nExamples:\n  handout build\n  handout build ../shared/seeds/calcinosis.txt --out /tmp/x\n  handout build content --paper a4\n  handout build content --variant large-print --archive')
  .action(async (inputs: string[], opts: { out: string; paper?: 'letter' | 'a4'; templates?: string; quiet?: boolean; variant?: 'large-print'; archive?: boolean; missingImages: 'error' | 'alt' }) => {
    const templateDirs = opts.templates ? [opts.templates] : ['templates'];
    const printWarnings = (list: Warning[]) => {
      for (const w of list) console.error(formatMessage('warning', w.message, w));
    };
    let report;
    try {
      report = await build(
        { inputs, outDir: path.resolve(opts.out), paper: opts.paper, templateDirs, variant: opts.variant, archive: opts.archive, missingImages: opts.missingImages },
        {
          document(result: DocumentResult) {
            if (result.ok) {
              const editions = result.outputs.slice(2).map((f) => `  + ${path.basename(f)}`).join('');
              if (!opts.quiet) console.log(`  ${result.file} → ${path.join(opts.out, result.slug + '.pdf')}  ${result.pages} ${result.pages === 1 ? 'page' : 'pages'}  ${Math.round(result.ms)} ms${editions}`);
            } else {
              console.error(result.error!.format());
            }
            printWarnings(result.warnings);
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

function fail(e: unknown): never {
  if (e instanceof HandoutError) console.error(e.format());
  else {
    console.error(`handout: internal error: ${e instanceof Error ? e.message : e}`);
    if (process.env.HANDOUT_DEBUG && e instanceof Error) console.error(e.stack);
  }
  process.exit(1);
}

await program.parseAsync();
