/**
 * The project's settings file, `handout.config.yaml` (or `.yml`, `.json`): the nearest one in a
 * source's folder or the folders above it, else the one in the working folder. Paths in it (the
 * logo, a glossary file) are relative to the file and resolved here; a glossary file's terms are
 * read here too, so later stages see plain settings.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { HandoutError, Warnings, type Warning } from '../diagnostics.js';
import { NotRegularFileError, readRegularFile, readRegularFileIfAny } from '../read/regularFile.js';
import { configShape, glossaryTerms, type Config } from './schema.js';
import { parseCheckSettingsIn } from '../check/checkSettings.js';
import { validateYaml, validateYamlValue } from './validate.js';

export const SETTINGS_FILES = ['handout.config.yaml', 'handout.config.yml', 'handout.config.json'];

export interface ProjectSettings {
  /** The settings file, when there is one. */
  file?: string;
  settings: Config;
  /** Files the settings were read from or name (the settings file, the logo, a glossary file): what outputs depend on. */
  files: string[];
  warnings: Warning[];
}

const NONE: ProjectSettings = { settings: {}, files: [], warnings: [] };

/** The settings file that applies to a source: the nearest above it, else the working folder's. */
export function findSettingsFile(sourcePath: string): string | undefined {
  let dir = path.dirname(path.resolve(sourcePath));
  for (;;) {
    const found = SETTINGS_FILES.map((f) => path.join(dir, f)).find((f) => existsSync(f));
    if (found) return found;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return SETTINGS_FILES.map((f) => path.resolve(f)).find((f) => existsSync(f));
}

const loaded = new Map<string, { hash: string; settings: ProjectSettings }>();

/** The settings for a source (none when there is no settings file). Re-read when the file changed. */
export function settingsFor(sourcePath: string): ProjectSettings {
  const file = findSettingsFile(sourcePath);
  if (!file) return NONE;
  const text = readSettingsFile(file, 'the settings file', shownPath(file)).toString('utf8');
  const hash = createHash('sha256').update(text).digest('hex');
  const cached = loaded.get(file);
  if (cached?.hash === hash) return cached.settings;
  const settings = loadSettings(file, text);
  loaded.set(file, { hash, settings });
  return settings;
}

/**
 * A file the settings name or are: a regular file only (a FIFO would block the build for ever, a
 * folder is no file), else an error naming it and what it is, at `line` of the settings file.
 */
function readSettingsFile(file: string, what: string, shown: string, line?: number): Buffer {
  try {
    return readRegularFile(file);
  } catch (e) {
    if (!(e instanceof NotRegularFileError)) throw new HandoutError(`cannot read ${what} ${file}: ${(e as NodeJS.ErrnoException).code ?? e}`, { file: shown, line });
    throw new HandoutError(`${what} ${shownPath(file)} is ${e.kind}, not a file`, { file: shown, line }, `make it a ${what === 'the logo' ? 'PNG or JPEG file' : 'YAML file'}, or remove it`);
  }
}

export function loadSettings(file: string, text = readSettingsFile(file, 'the settings file', shownPath(file)).toString('utf8')): ProjectSettings {
  const shown = shownPath(file);
  const warnings = new Warnings();
  const settings = validateYaml(text, configShape, { file: shown, firstLine: 1, what: 'setting' }, warnings) as Config;
  const files = [file];
  const dir = path.dirname(file);
  const lineOf = (key: string) => text.split('\n').findIndex((l) => new RegExp(`^\\s*"?${key}"?\\s*:`).test(l)) + 1 || undefined;
  if (settings.checks) {
    // Checked here, so a mistake names this file and its line, not each handout the settings apply to.
    parseCheckSettingsIn(settings.checks, shown, text);
  }
  if (settings.logo) {
    settings.logo = path.resolve(dir, settings.logo);
    if (!existsSync(settings.logo)) throw new HandoutError(`the logo ${settings.logo} does not exist`, { file: shown, line: lineOf('logo') }, 'give a PNG or JPEG file, relative to the settings file');
    readSettingsFile(settings.logo, 'the logo', shown, lineOf('logo'));
    files.push(settings.logo);
  }
  if (typeof settings.glossary === 'string') {
    const glossaryFile = path.resolve(dir, settings.glossary);
    if (!existsSync(glossaryFile)) throw new HandoutError(`the glossary file ${glossaryFile} does not exist`, { file: shown, line: lineOf('glossary') });
    const glossaryText = readSettingsFile(glossaryFile, 'the glossary file', shown, lineOf('glossary')).toString('utf8');
    settings.glossary = validateYamlValue(glossaryText, glossaryTerms, { file: shownPath(glossaryFile), firstLine: 1, what: 'a glossary file' });
    files.push(glossaryFile);
  }
  return { file, settings, files, warnings: warnings.list };
}

/** A hash of everything the settings for a source were made from: part of each output's cache key. */
export function settingsKey(sourcePath: string): string {
  const file = findSettingsFile(sourcePath);
  if (!file) return '';
  const hash = createHash('sha256');
  let files = [file];
  try {
    files = settingsFor(sourcePath).files;
  } catch {
    // A broken settings file is reported when the document is built; its text is the key.
  }
  for (const f of files) hash.update(f).update(readRegularFileIfAny(f) ?? '');
  return hash.digest('hex');
}

function shownPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
