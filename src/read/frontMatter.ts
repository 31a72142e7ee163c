/**
 * Front matter (YAML, or Hugo's TOML) → typed handout metadata, checked by the front-matter schema
 * (src/options/schema.ts). Errors name the file line of the problem; a key of the wrong type is
 * an error, an unknown key a warning with the closest known key.
 */
import type { Warnings } from '../diagnostics.js';
import { HandoutError } from '../diagnostics.js';
import { frontMatterShape, type Config, type FrontMatter } from '../options/schema.js';
import { validateToml, validateYaml } from '../options/validate.js';

export type { PaperSize, SummarySettings, SummaryColumnSetting, Period } from '../options/schema.js';
export { parsePeriod } from '../options/schema.js';
export { closest } from '../options/validate.js';

/** A source's settings: its front matter over the project's settings file (whose own keys come along). */
export type HandoutMeta = FrontMatter & Pick<Config, 'webBaseUrl' | 'colours' | 'stylesheet'> & {
  /** BCP 47 language tag; read from the text when not given (src/read/detectLanguage.ts), else 'en'. */
  lang: string;
  /** The language was read from the text, not given in front matter or the settings file. */
  langDetected?: boolean;
  /** `reviewed` was read from this line of the text ("Last reviewed: 4 March 2024"), not given. */
  reviewedLine?: number;
  keywords: string[];
};

/**
 * Where the front matter is: the fence lines (1-based) and the settings between them, YAML between
 * `---` lines or TOML between `+++` lines (Hugo's).
 */
export function findFrontMatter(text: string): { yaml: string; firstLine: number; lastLine: number; format: 'yaml' | 'toml' } | undefined {
  const format = /^---[ \t]*\r?\n/.test(text) ? 'yaml' : /^\+\+\+[ \t]*\r?\n/.test(text) ? 'toml' : undefined;
  if (!format) return undefined;
  const end = format === 'yaml' ? /^(---|\.\.\.)[ \t]*\r?$/ : /^\+\+\+[ \t]*\r?$/;
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    if (end.test(lines[i])) return { yaml: lines.slice(1, i).join('\n'), firstLine: 1, lastLine: i + 1, format };
  }
  return { yaml: '', firstLine: 1, lastLine: -1, format };
}

/** The front matter alone (no defaults): what the source itself says. */
export function readFrontMatter(text: string, file: string, warnings: Warnings): FrontMatter {
  const found = findFrontMatter(text);
  if (!found) return {};
  const fence = found.format === 'yaml' ? '---' : '+++';
  if (found.lastLine === -1) {
    throw new HandoutError(`front matter starts with \`${fence}\` but never ends`, { file, line: 1 }, `close it with a line of \`${fence}\``);
  }
  const validate = found.format === 'yaml' ? validateYaml : validateToml;
  return validate(found.yaml, frontMatterShape, { file, firstLine: 2, what: 'front-matter key' }, warnings);
}

export function parseFrontMatter(text: string, file: string, warnings: Warnings): HandoutMeta {
  return withDefaults(readFrontMatter(text, file, warnings));
}

export function withDefaults(meta: Omit<HandoutMeta, 'lang' | 'keywords'> & Partial<HandoutMeta>): HandoutMeta {
  return { ...meta, lang: meta.lang ?? 'en', keywords: meta.keywords ?? [] };
}
