/** `handout packet` as a person sees it: the handouts in order with their first pages, warnings, and where it went. */
import path from 'node:path';
import { formatMessage } from '../diagnostics.js';
import { loadTemplates, templateSearchDirs } from '../fill/templates.js';
import { buildPacket, type PacketReport } from '../packet/packet.js';
import { today } from '../check/reviewDates.js';
import type { LinkStyle, PaperSize } from '../options/schema.js';

export interface PacketCommandOptions {
  out: string;
  list?: string;
  duplex?: boolean;
  title?: string;
  paper?: PaperSize;
  links?: LinkStyle;
  templates?: string;
  missingImages?: 'error' | 'alt';
}

export async function runPacket(inputs: string[], opts: PacketCommandOptions): Promise<PacketReport> {
  const templates = loadTemplates(templateSearchDirs(opts.templates));
  const report = await buildPacket(
    {
      inputs,
      list: opts.list,
      out: opts.out,
      duplex: opts.duplex,
      title: opts.title,
      document: { paper: opts.paper, links: opts.links, missingImages: opts.missingImages, check: { today: today() } },
    },
    templates,
  );
  for (const w of report.warnings) console.error(formatMessage('warning', w.message, w));
  for (const e of report.errors) console.error(e.format());
  if (!report.ok) {
    console.error(`no packet written: ${report.errors.length} of the handouts failed (${opts.out} is left as it was)`);
    return report;
  }
  for (const e of report.entries) console.log(`  page ${String(e.page).padStart(3)}  ${e.title}  (${e.file}, ${e.pages} ${e.pages === 1 ? 'page' : 'pages'})`);
  const blanks = report.blankPages ? `, ${report.blankPages} blank for duplex` : '';
  console.log(`${report.entries.length} ${report.entries.length === 1 ? 'handout' : 'handouts'} in one packet: ${report.pages} pages (${report.contentsPages} of contents${blanks}) → ${path.relative(process.cwd(), path.resolve(opts.out)) || opts.out}`);
  return report;
}
