/**
 * Templates: Handlebars files looked up by name in the project's templates/ first, then in the
 * ones handout ships. Each template is parsed when loaded, so a syntax error names its file and line.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { NotRegularFileError, readRegularFile } from '../read/regularFile.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { HandoutError, type Warning } from '../diagnostics.js';
import { displayPath } from '../read/sourceFiles.js';
import { labelsFor } from './labels.js';
import { qrSvg } from './qrCode.js';
import { policyMeta, withPolicy } from './contentSecurityPolicy.js';
import { withoutControlCharacters } from '../controlCharacters.js';
import { hashBytes } from '../hash.js';

export const BUILTIN_TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');
export const STYLESHEET = 'handout.css';

/** Editions of a handout besides the regular one, each a stylesheet layered over handout.css. */
export const VARIANTS = { 'large-print': { stylesheet: 'large-print.css', suffix: '.large' } } as const;
export type Variant = keyof typeof VARIANTS;

export interface Stylesheet {
  css: string;
  /** The file it came from, for messages. */
  file: string;
}

export interface TemplateSet {
  render(name: string, context: object): string;
  /** The built-in stylesheet: what every page starts from. */
  stylesheet: Stylesheet;
  /** The project's own handout.css, when it has one: layered after the built-in one, or instead of it. */
  projectStylesheet?: Stylesheet;
  /** A variant's stylesheet, layered over `stylesheet`. */
  variantStylesheet(variant: Variant): { css: string; file: string };
  /** Which file each template name resolved to. */
  fileOf(name: string): string;
  /** The names of the page templates there are (handout, study-guide, …). */
  names: string[];
  /** Every file the templates were read from (for knowing what an output depends on). */
  files: string[];
  /** The hash of each of those files' contents as read here: what the outputs were made from. */
  hashes: Map<string, string>;
  /** Places where a template turns Handlebars escaping off for content (see unescapedContent). */
  warnings: Warning[];
}

/**
 * The project's folders of templates: `--templates`, else ./templates (used when it exists). A
 * folder asked for by name that is not there is an error: it would silently give the built-in look.
 */
export function templateSearchDirs(explicit?: string): string[] {
  if (explicit && !existsSync(explicit)) throw new HandoutError(`no such folder of templates: ${explicit}`, { file: explicit }, 'check the path given to --templates');
  return explicit ? [explicit] : ['templates'];
}

/**
 * Loads every template and partial once. `dirs` are searched in order; the first file of a name wins,
 * so a project overrides one template without copying the rest.
 */
export function loadTemplates(dirs: string[]): TemplateSet {
  const searchDirs = [...new Set([...dirs, BUILTIN_TEMPLATES].map((d) => path.resolve(d)))].filter((d) => existsSync(d));
  for (const dir of searchDirs) {
    if (!statSync(dir).isDirectory()) throw new HandoutError(`${displayPath(dir)} is a file, not a folder of templates`, { file: displayPath(dir) }, 'templates are .hbs files in a folder (templates/ or --templates); rename or move the file');
  }
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

  // Every file is read once, and hashed as read: the build's key is made of the bytes rendered.
  const hashes = new Map<string, string>();
  const read = (file: string) => {
    let text: string;
    try {
      text = readRegularFile(file).toString('utf8'); // never a FIFO, which would block the build for ever
    } catch (e) {
      if (!(e instanceof NotRegularFileError)) throw e;
      throw new HandoutError(`template ${displayPath(file)} is ${e.kind}, not a file`, { file: displayPath(file) }, 'rename or remove it');
    }
    hashes.set(file, hashBytes(text));
    return text;
  };
  const partialTexts = [...partials].map(([name, file]): NamedText => [name, file, read(file), hashes.get(file)!]);
  const templateTexts = [...found].map(([name, file]): NamedText => [name, file, read(file), hashes.get(file)!]);
  const { compiled, warnings } = compiledTemplates(partialTexts, templateTexts);

  const cssFile = path.join(BUILTIN_TEMPLATES, STYLESHEET);
  const projectCss = searchDirs.filter((d) => d !== BUILTIN_TEMPLATES).map((d) => path.join(d, STYLESHEET)).find((f) => existsSync(f));
  const sheet = (file: string): Stylesheet => ({ css: read(file), file: displayPath(file) });
  // The editions' stylesheets are read now too, so a change to one is a change to the build's inputs.
  const variantSheets = new Map<Variant, { css: string; file: string }>();
  for (const variant of Object.keys(VARIANTS) as Variant[]) {
    const file = searchDirs.map((d) => path.join(d, VARIANTS[variant].stylesheet)).find((f) => existsSync(f));
    if (file) variantSheets.set(variant, { css: read(file), file: displayPath(file) });
  }

  const stylesheet = sheet(cssFile);
  const projectStylesheet = projectCss ? sheet(projectCss) : undefined;
  return {
    stylesheet,
    projectStylesheet,
    variantStylesheet(variant) {
      const sheet = variantSheets.get(variant);
      const name = VARIANTS[variant].stylesheet;
      if (!sheet) throw new HandoutError(`stylesheet ${name} not found`, { file: searchDirs.map(displayPath).join(', ') }, `create templates/${name}`);
      return sheet;
    },
    files: [...hashes.keys()],
    hashes,
    warnings: [...warnings],
    fileOf: (name) => found.get(name) ?? name,
    names: [...found.keys()].sort(),
    render(name, context) {
      const template = compiled.get(name);
      const file = found.get(name);
      if (!template || !file) {
        throw new HandoutError(`template ${name}.hbs not found`, { file: searchDirs.map(displayPath).join(', ') || 'templates/' }, `create templates/${name}.hbs`);
      }
      try {
        // Every page carries the security policy, and no control character (invalid in HTML).
        const remoteImages = (context as { allowRemoteImages?: boolean }).allowRemoteImages === true;
        return withPolicy(withoutControlCharacters(template(context)), { remoteImages });
      } catch (e) {
        throw templateError(e, e instanceof HelperError ? fileWithHelperCall(e, [file, ...partials.values()]) : file);
      }
    },
  };
}

/** A template or partial: its name, its file, the text read from it and that text's hash. */
type NamedText = [name: string, file: string, text: string, hash: string];

/** Partials inside partials: sections inside sections go six deep; a loop goes on for ever. */
const MAX_PARTIAL_DEPTH = 100;

/**
 * The templates as compiled last, by their names, files and text: a process that builds again
 * (`handout dev`, a program using the library) compiles them again only when one changed.
 */
let lastCompiled: { key: string; compiled: Map<string, HandlebarsTemplateDelegate>; warnings: Warning[] } | undefined;

function compiledTemplates(partials: NamedText[], templates: NamedText[]): { compiled: Map<string, HandlebarsTemplateDelegate>; warnings: Warning[] } {
  const key = JSON.stringify([partials, templates]);
  if (lastCompiled?.key === key) return lastCompiled;
  const hb = Handlebars.create();
  registerHelpers(hb);
  const warnings: Warning[] = [];
  // A partial that includes itself (or two that include each other) without end stops at a depth
  // no template needs, with its file named, not as "Maximum call stack size exceeded" in the page's.
  let depth = 0;
  for (const [name, file, text, hash] of partials) {
    const partial = compile(hb, file, text, hash, warnings);
    hb.registerPartial(name, ((context: unknown, options: RuntimeOptions) => {
      if (++depth > MAX_PARTIAL_DEPTH) {
        depth = 0;
        throw new HandoutError(`template error: the partial "${name}" is included inside itself more than ${MAX_PARTIAL_DEPTH} times`, { file: displayPath(file) }, 'a partial may include itself only for something nested, such as subsections');
      }
      try {
        return partial(context, options);
      } finally {
        depth = Math.max(0, depth - 1);
      }
    }) as HandlebarsTemplateDelegate);
  }
  const compiled = new Map(templates.map(([name, file, text, hash]) => [name, compile(hb, file, text, hash, warnings)]));
  lastCompiled = { key, compiled, warnings };
  return lastCompiled;
}

/**
 * The built-in templates compiled ahead, by the hash of their text: `npm run compile` writes them
 * to dist/templates.json (scripts/precompileTemplates.mjs) with the warnings each raises, so a
 * process starts without parsing and compiling them (about 35 ms of a cold start). A template
 * whose text is not there (a project's own, or running from source) is compiled as it is read.
 */
interface Precompiled {
  /** Handlebars.precompile's output: the template's code, as JavaScript source. */
  spec: string;
  warnings: { line?: number; message: string }[];
}
const PRECOMPILED_FILE = new URL('../../dist/templates.json', import.meta.url);
let precompiled: Map<string, Precompiled> | undefined;

function precompiledTemplate(hash: string): Precompiled | undefined {
  if (!precompiled) {
    try {
      const data = JSON.parse(readFileSync(PRECOMPILED_FILE, 'utf8')) as { handlebars: string; templates: Record<string, Precompiled> };
      precompiled = new Map(data.handlebars === Handlebars.VERSION ? Object.entries(data.templates) : []);
    } catch {
      precompiled = new Map();
    }
  }
  return precompiled.get(hash);
}

/** The template compiled ahead of time from these exact bytes (`hash`: of `text`), if there is one; else compiled here. */
function compile(hb: typeof Handlebars, file: string, text: string, hash: string, warnings: Warning[]): HandlebarsTemplateDelegate {
  const ahead = precompiledTemplate(hash);
  if (ahead) {
    warnings.push(...ahead.warnings.map((w) => ({ ...w, file: displayPath(file) })));
    return hb.template(new Function(`return ${ahead.spec}`)() as TemplateSpecification);
  }
  return compileNow(hb, file, text, warnings);
}

/** The options every template is compiled with, here and ahead of time. */
export const COMPILE_OPTIONS = { strict: false, preventIndent: true };

function compileNow(hb: typeof Handlebars, file: string, text: string, warnings: Warning[]): HandlebarsTemplateDelegate {
  let ast: hbs.AST.Program;
  try {
    ast = hb.parse(text); // eager: Handlebars otherwise parses at first use, far from the file
  } catch (e) {
    throw templateError(e, file);
  }
  warnings.push(...unescapedContent(ast, displayPath(file)));
  return hb.compile(text, COMPILE_OPTIONS);
}

/** The fields handout fills with HTML it made and sanitised itself: the only ones a template may print raw. */
export const HTML_FIELDS = new Set(['intro', 'html', 'closing', 'stylesheet', 'titleHtml']);

/**
 * `{{{meta.title}}}` (or `{{& meta.title}}`) prints content with escaping off: a title written
 * `<script>…` would then run in a reader's browser. Each such place is a warning naming its line.
 */
export function unescapedContent(ast: hbs.AST.Program, file: string): Warning[] {
  const found: Warning[] = [];
  const visitor = new Handlebars.Visitor();
  visitor.MustacheStatement = function (node: hbs.AST.MustacheStatement) {
    const name = node.path.type === 'PathExpression' ? (node.path as hbs.AST.PathExpression).original : String(node.path.type);
    const field = name.split(/[./]/).filter(Boolean).pop() ?? name;
    if (!node.escaped && !(HTML_FIELDS.has(field) && node.params.length === 0)) {
      found.push({
        file,
        line: node.loc?.start.line,
        message: `{{{${name}}}} prints content without escaping, so HTML in it would reach the page (use {{${name}}}; only ${[...HTML_FIELDS].join(', ')} are HTML handout made safe)`,
      });
    }
    Handlebars.Visitor.prototype.MustacheStatement.call(this, node);
  };
  visitor.accept(ast);
  return found;
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

/** A helper that threw, and the template line that called it (Handlebars passes it as options.loc). */
class HelperError extends Error {
  constructor(readonly helper: string, readonly lineNumber: number | undefined, cause: unknown) {
    super(`helper "${helper}" failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** Handlebars knows the line but not the file (a partial, or the page): the file whose line calls the helper. */
function fileWithHelperCall(e: HelperError, files: string[]): string {
  const calls = new RegExp(`[{(]\\s*${e.helper}\\b`);
  return files.find((f) => e.lineNumber !== undefined && calls.test(readFileSync(f, 'utf8').split('\n')[e.lineNumber - 1] ?? '')) ?? files[0];
}

/** Formatters are costly to make (a large share of filling a page when made per date) and safe to share: one per language. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(lang: string): Intl.DateTimeFormat {
  let format = dateFormats.get(lang);
  if (!format) dateFormats.set(lang, (format = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })));
  return format;
}

function registerHelpers(hb: typeof Handlebars): void {
  // Every helper reports a failure with the template line that called it, never a stack trace.
  const add = (name: string, fn: (...args: any[]) => unknown) =>
    hb.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      try {
        return fn.apply(this, args);
      } catch (e) {
        if (e instanceof HelperError) throw e; // from a helper inside this one's block
        const options = args[args.length - 1] as { loc?: { start: { line: number } } } | undefined;
        throw new HelperError(name, options?.loc?.start.line, e);
      }
    });
  add('eq', (a: unknown, b: unknown) => a === b);
  add('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  add('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  /** A label in the document's language: {{t "keyPoints"}}. */
  add('t', function (this: unknown, key: string, options: Handlebars.HelperOptions) {
    const lang = String(options.data?.root?.lang ?? 'en');
    return labelsFor(lang)[key as keyof ReturnType<typeof labelsFor>] ?? key;
  });
  /** A date in the document's language, from an ISO date, never the clock: {{date meta.reviewed}}. */
  add('date', function (this: unknown, iso: unknown, options: Handlebars.HelperOptions) {
    if (typeof iso !== 'string' || !iso) return '';
    const lang = String(options.data?.root?.lang ?? 'en');
    return dateFormat(lang).format(new Date(iso));
  });
  /** `{{qr-code webCopy.url}}`: the address as a QR code, vector shapes in an inline SVG (the PDF draws the same paths). */
  add('qr-code', function (this: unknown, url: unknown, options: Handlebars.HelperOptions) {
    if (typeof url !== 'string' || !url) return '';
    const lang = String(options.data?.root?.lang ?? 'en');
    return new hb.SafeString(qrSvg(url, `${labelsFor(lang).qrCode}: ${url}`));
  });
  /**
   * `{{contentSecurityPolicy}}` in a page's <head>: the policy (contentSecurityPolicy.ts) as a <meta>;
   * `scripts="sha256-…"` (or a list) names inline scripts the page may run.
   */
  add('contentSecurityPolicy', function (this: unknown, options: Handlebars.HelperOptions) {
    const scripts = options.hash.scripts;
    const scriptHashes = (Array.isArray(scripts) ? scripts : scripts ? [scripts] : []).map(String);
    return new hb.SafeString(policyMeta({ scriptHashes, remoteImages: options.data?.root?.allowRemoteImages === true }));
  });
  /** `{{nobreak (date nextReview)}}`: spaces that never break (U+00A0), so a date is not split across the footer's lines. */
  add('nobreak', (text: unknown) => String(text ?? '').replace(/ /g, '\u00a0'));
  add('page-title', (text: unknown) => pageTitle(String(text ?? '')));
  /** `{{#heading level id=slug}}text{{/heading}}` → <hN id>; keeps templates from repeating h2..h6. */
  add('heading', function (this: unknown, level: number, options: Handlebars.HelperOptions) {
    const n = Math.max(1, Math.min(6, Number(level) || 2));
    const id = options.hash.id ? ` id="${hb.escapeExpression(options.hash.id)}"` : '';
    return new hb.SafeString(`<h${n}${id}>${options.fn(this)}</h${n}>`);
  });
}

/**
 * A browser tab, a bookmark and a search result show a page's <title> in about 70 characters
 * (html-validate's recommended rules refuse a longer one): a longer title is cut at the last word
 * that fits, with an ellipsis. The page's heading, and the PDF's title, keep it whole.
 */
export const MAX_PAGE_TITLE = 70;

export function pageTitle(title: string): string {
  const chars = [...title.trim()];
  if (chars.length <= MAX_PAGE_TITLE) return title;
  const cut = chars.slice(0, MAX_PAGE_TITLE - 1).join('');
  const atWord = /\s/.test(chars[MAX_PAGE_TITLE - 1]) ? cut : cut.replace(/\s+\S*$/, '');
  return `${(atWord.length >= MAX_PAGE_TITLE / 2 ? atWord : cut).replace(/[\s,;:.\-–—]+$/, '')}…`;
}
