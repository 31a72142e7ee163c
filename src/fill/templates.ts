/**
 * Templates: Handlebars files looked up by name in the project's templates/ first, then in the
 * ones handout ships. Each template is parsed when loaded, so a syntax error names its file and line.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { HandoutError } from '../diagnostics.js';
import { displayPath } from '../read/readSource.js';
import { labelsFor } from './labels.js';

export const BUILTIN_TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');
export const STYLESHEET = 'handout.css';

/** Editions of a handout besides the regular one, each a stylesheet layered over handout.css. */
export const VARIANTS = { 'large-print': { stylesheet: 'large-print.css', suffix: '.large' } } as const;
export type Variant = keyof typeof VARIANTS;

export interface TemplateSet {
  render(name: string, context: object): string;
  /** The stylesheet text, and the file it came from (for messages). */
  stylesheet: { css: string; file: string };
  /** A variant's stylesheet, layered over `stylesheet`. */
  variantStylesheet(variant: Variant): { css: string; file: string };
  /** Which file each template name resolved to. */
  fileOf(name: string): string;
  /** The names of the page templates there are (handout, study-guide, …). */
  names: string[];
  /** Every file the templates were read from (for knowing what an output depends on). */
  files: string[];
}

/**
 * Loads every template and partial once. `dirs` are searched in order; the first file of a name wins,
 * so a project overrides one template without copying the rest.
 */
export function loadTemplates(dirs: string[]): TemplateSet {
  const searchDirs = [...new Set([...dirs, BUILTIN_TEMPLATES].map((d) => path.resolve(d)))].filter((d) => existsSync(d));
  const hb = Handlebars.create();
  registerHelpers(hb);

  const found = new Map<string, string>(); // name → file
  const partials = new Map<string, string>();
  for (const dir of searchDirs) {
    for (const entry of readdirSync(dir)) {
      if (entry.endsWith('.hbs') && !found.has(entry.slice(0, -4))) found.set(entry.slice(0, -4), path.join(dir, entry));
    }
    const partialDir = path.join(dir, 'partials');
    if (existsSync(partialDir)) {
      for (const entry of readdirSync(partialDir)) {
        if (entry.endsWith('.hbs') && !partials.has(entry.slice(0, -4))) partials.set(entry.slice(0, -4), path.join(partialDir, entry));
      }
    }
  }

  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  for (const [name, file] of partials) hb.registerPartial(name, compile(hb, file));
  for (const [name, file] of found) compiled.set(name, compile(hb, file));

  const cssFile = searchDirs.map((d) => path.join(d, STYLESHEET)).find((f) => existsSync(f));
  if (!cssFile) throw new HandoutError(`stylesheet ${STYLESHEET} not found`, { file: searchDirs.join(', ') });

  const variantSheets = new Map<Variant, { css: string; file: string }>();
  return {
    stylesheet: { css: readFileSync(cssFile, 'utf8'), file: displayPath(cssFile) },
    variantStylesheet(variant) {
      let sheet = variantSheets.get(variant);
      if (!sheet) {
        const name = VARIANTS[variant].stylesheet;
        const file = searchDirs.map((d) => path.join(d, name)).find((f) => existsSync(f));
        if (!file) throw new HandoutError(`stylesheet ${name} not found`, { file: searchDirs.map(displayPath).join(', ') }, `create templates/${name}`);
        variantSheets.set(variant, (sheet = { css: readFileSync(file, 'utf8'), file: displayPath(file) }));
      }
      return sheet;
    },
    files: [...found.values(), ...partials.values(), cssFile],
    fileOf: (name) => found.get(name) ?? name,
    names: [...found.keys()].sort(),
    render(name, context) {
      const template = compiled.get(name);
      const file = found.get(name);
      if (!template || !file) {
        throw new HandoutError(`template ${name}.hbs not found`, { file: searchDirs.map(displayPath).join(', ') || 'templates/' }, `create templates/${name}.hbs`);
      }
      try {
        return template(context);
      } catch (e) {
        throw templateError(e, file);
      }
    },
  };
}

function compile(hb: typeof Handlebars, file: string): HandlebarsTemplateDelegate {
  const text = readFileSync(file, 'utf8');
  try {
    hb.parse(text); // eager: Handlebars otherwise parses at first use, far from the file
  } catch (e) {
    throw templateError(e, file);
  }
  return hb.compile(text, { strict: false, preventIndent: true });
}

/** Handlebars errors carry "Parse error on line N" in the message, or a line number on the error. */
function templateError(e: unknown, file: string): HandoutError {
  if (e instanceof HandoutError) return e;
  const err = e as Error & { lineNumber?: number };
  const message = String(err.message ?? e);
  const line = err.lineNumber ?? (Number(/on line (\d+)/.exec(message)?.[1]) || undefined);
  const firstLine = message.split('\n')[0].replace(/^Parse error on line \d+:?\s*/, 'syntax error');
  const detail = /^syntax error/.test(firstLine) ? `${firstLine}: ${message.split('\n').slice(-1)[0]}` : firstLine;
  return new HandoutError(`template error: ${detail}`, { file: displayPath(file), line });
}

function registerHelpers(hb: typeof Handlebars): void {
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hb.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  /** A label in the document's language: {{t "keyPoints"}}. */
  hb.registerHelper('t', function (this: unknown, key: string, options: Handlebars.HelperOptions) {
    const lang = String(options.data?.root?.lang ?? 'en');
    return labelsFor(lang)[key as keyof ReturnType<typeof labelsFor>] ?? key;
  });
  /** A date in the document's language, from an ISO date, never the clock: {{date meta.reviewed}}. */
  hb.registerHelper('date', function (this: unknown, iso: unknown, options: Handlebars.HelperOptions) {
    if (typeof iso !== 'string' || !iso) return '';
    const lang = String(options.data?.root?.lang ?? 'en');
    return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(iso));
  });
  /** `{{#heading level id=slug}}text{{/heading}}` → <hN id>; keeps templates from repeating h2..h6. */
  hb.registerHelper('heading', function (this: unknown, level: number, options: Handlebars.HelperOptions) {
    const n = Math.max(1, Math.min(6, Number(level) || 2));
    const id = options.hash.id ? ` id="${hb.escapeExpression(options.hash.id)}"` : '';
    return new hb.SafeString(`<h${n}${id}>${options.fn(this)}</h${n}>`);
  });
}
