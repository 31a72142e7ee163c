/**
 * `handout check` on a collection: the sources named (files or folders), each read, outlined and
 * checked. Here, not in check/, because it finds sources and reads documents: the check stage only
 * checks an outline it is given.
 */
import path from 'node:path';
import { HandoutError, Warnings } from '../diagnostics.js';
import { discoverSources } from './discover.js';
import { outlineOf } from '../document/buildDocument.js';
import { fillContent } from '../fill/fillHandout.js';
import { asHandoutError } from '../document/renderDocument.js';
import { displayPath } from '../read/sourceFiles.js';
import { checkOutline, type CheckOptions, type HandoutCheck } from '../check/checkHandout.js';
import { parseCheckSettings, parseCheckSettingsIn } from '../check/checkSettings.js';
import { loadPronunciations } from '../check/counting.js';
import type { CheckReport } from '../check/report.js';

export type { CheckReport } from '../check/report.js';

export async function checkSources(inputs: string[], options: CheckOptions): Promise<CheckReport> {
  parseCheckSettings(options.checks);
  await loadPronunciations();
  const handouts: HandoutCheck[] = [];
  const errors: CheckReport['errors'] = [];
  const skipped = new Warnings();
  for (const sourcePath of discoverSources(inputs, skipped)) {
    try {
      const sourceWarnings = new Warnings();
      const { source, outline } = outlineOf(sourcePath, sourceWarnings);
      // What filling the page finds (a footnote never referred to, raw HTML removed): build tells it, and so does check.
      // A missing image is one finding among the others here, as with `build --missing-images alt`.
      fillContent(outline, path.resolve(sourcePath), sourceWarnings, { sourceText: source.text, missingImages: 'alt' });
      // The settings file's and the front matter's `checks:` over the option's.
      const checks = outline.meta.checks ? parseCheckSettingsIn({ ...options.checks, ...outline.meta.checks }, outline.file, source.text) : options.checks;
      handouts.push(checkOutline(outline, path.resolve(sourcePath), source.text, { ...options, checks, sourceWarnings: sourceWarnings.list }));
    } catch (e) {
      const err: HandoutError = asHandoutError(e, displayPath(sourcePath));
      errors.push({ file: err.file, line: err.line, message: err.message + (err.hint ? ` (${err.hint})` : '') });
    }
  }
  const ok = errors.length === 0 && (!options.strict || handouts.every((h) => !h.failsStrict));
  return { today: options.today, handouts, errors, skipped: skipped.list.map((w) => ({ file: w.file, message: w.message })), ok };
}
