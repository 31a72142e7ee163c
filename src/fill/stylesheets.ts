/**
 * The stylesheets a page is printed with, in the order they cascade: the built-in handout.css
 * (whose colours and sizes are custom properties), the settings file's `colours:`, the project's
 * templates/handout.css (its rules add to and override the built-in ones; `stylesheet: replace`
 * uses it instead), then an edition's stylesheet (large print).
 */
import type { HandoutMeta } from '../read/frontMatter.js';
import { SETTINGS_FILES } from '../options/config.js';
import type { Stylesheet, TemplateSet, Variant } from './templates.js';

export function stylesheetsFor(templates: TemplateSet, meta: Partial<HandoutMeta>, variant?: Variant): Stylesheet[] {
  const project = templates.projectStylesheet;
  const replace = meta.stylesheet === 'replace' && project;
  const sheets: Stylesheet[] = replace ? [project] : [templates.stylesheet];
  const colours = Object.entries(meta.colours ?? {});
  if (colours.length) sheets.push({ css: `:root { ${colours.map(([name, value]) => `--${name}: ${value};`).join(' ')} }`, file: SETTINGS_FILES[0] });
  if (project && !replace) sheets.push(project);
  if (variant) sheets.push(templates.variantStylesheet(variant));
  return sheets;
}

/** The stylesheets as the one `<style>` of an HTML page. */
export function joinStylesheets(sheets: Stylesheet[]): string {
  return sheets.map((s) => s.css).join('\n');
}
