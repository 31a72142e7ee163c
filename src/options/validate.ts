/**
 * YAML (a settings file, or a source's front matter) → settings checked by a schema of schema.ts.
 * A YAML error, a value of the wrong kind or a file that is not `key: value` lines is an error at
 * its file line; an unknown key is a warning naming the closest known key, so one typo does not
 * stop a build. The command line gets the same messages through `optionValue`.
 */
import { parseDocument, isMap, isScalar, type Node } from 'yaml';
import { parse as parseToml, TomlDate, TomlError } from 'smol-toml';
import type { z } from 'zod';
import { HandoutError, type Warnings } from '../diagnostics.js';
import { ALIASES, camel, choicesOf, expectedOf, kebab } from './schema.js';

export interface YamlPlace {
  file: string;
  /** The file line the YAML text starts on (front matter starts after its `---`). */
  firstLine: number;
  /** How a key is named in messages: `front-matter key` or `setting`. */
  what: string;
}

type Shape = Record<string, z.ZodType>;
export type Validated<S extends Shape> = { -readonly [K in keyof S]?: z.output<S[K]> };

/** YAML text → its document, and the file line of an offset in it; a syntax error names its line. */
function parseYaml(yaml: string, place: YamlPlace) {
  const doc = parseDocument(yaml, { prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number | undefined) => (offset === undefined ? place.firstLine : yaml.slice(0, offset).split('\n').length + place.firstLine - 1);
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const reason = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new HandoutError(`invalid ${place.what === 'front-matter key' ? 'front matter' : 'YAML'}: ${reason}`, { file: place.file, line: lineOf(err.pos[0]) }, 'this is YAML: `key: value`, one per line');
  }
  return { doc, lineOf };
}

/** A whole YAML file checked as one value (a glossary file: `term: definition` lines). */
export function validateYamlValue<T>(yaml: string, schema: z.ZodType<T>, place: YamlPlace): T {
  const { doc } = parseYaml(yaml, place);
  const value = valueToJs(() => doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), place, place.firstLine);
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HandoutError(wrongValue(place.what, schema, value), { file: place.file, line: place.firstLine });
  return parsed.data;
}

/** Aliases (`*org`) stand for their anchor's value; more than this many expansions is an alias bomb (the yaml package's own default). */
const MAX_ALIAS_COUNT = 100;

/** A YAML value as JavaScript, aliases resolved; an alias bomb is an error at its line, not an internal error. */
function valueToJs(toJs: () => unknown, place: YamlPlace, line: number): unknown {
  try {
    return toJs();
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    const reason = /excessive alias/i.test(e.message) ? `its aliases (*name) expand to more than ${MAX_ALIAS_COUNT} values` : e.message;
    throw new HandoutError(`invalid ${place.what === 'front-matter key' ? 'front matter' : 'YAML'}: ${reason}`, { file: place.file, line }, 'write the values out, or use fewer aliases');
  }
}

export function validateYaml<S extends Shape>(yaml: string, shape: S, place: YamlPlace, warnings: Warnings): Validated<S> {
  const { file } = place;
  const { doc, lineOf } = parseYaml(yaml, place);
  if (doc.contents === null) return {} as Validated<S>;
  if (!isMap(doc.contents)) throw new HandoutError('this must be a list of `key: value` lines', { file, line: place.firstLine });
  const entries = doc.contents.items.map((pair): Entry => {
    const rawKey = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const line = lineOf(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
    const valueNode = pair.value as Node | null;
    // Read only for a known key: aliases (`*org`) resolved, up to MAX_ALIAS_COUNT expansions.
    const valueOf = () => {
      const value: unknown = valueNode && typeof valueNode === 'object' && 'toJS' in valueNode ? valueToJs(() => valueNode.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT }), place, line) : valueNode;
      // Keep numbers as written: `version: 1.10` is "1.10", not 1.1.
      return typeof value === 'number' && isScalar(valueNode) && valueNode.range ? yaml.slice(valueNode.range[0], valueNode.range[1]).trim() : value;
    };
    const lineAt = (path: (string | number)[]) => {
      const inner = path.length ? (doc.getIn([pair.key, ...path], true) as Node | undefined) : undefined;
      return inner && 'range' in inner && inner.range ? lineOf(inner.range[0]) : line;
    };
    return { rawKey, valueOf, line, lineAt };
  });
  return validateEntries(entries, shape, place, warnings);
}

/**
 * TOML front matter (Hugo's `+++` fence) → the same settings, checked by the same schema: a TOML
 * error names its line; a date (`reviewed = 2026-01-15`) is read as the text YAML gives, and a
 * number as written.
 */
export function validateToml<S extends Shape>(toml: string, shape: S, place: YamlPlace, warnings: Warnings): Validated<S> {
  const entries = tomlEntries(toml, place).map(({ rawKey, value, line }): Entry => ({ rawKey, valueOf: () => value, line, lineAt: () => line }));
  return validateEntries(entries, shape, place, warnings);
}

/**
 * TOML's top-level keys, each as written, with its value as handout reads it (a number as written,
 * a date as the text YAML gives) and its line; a TOML error names its line.
 */
export function tomlEntries(toml: string, place: YamlPlace): { rawKey: string; value: unknown; line: number }[] {
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(toml);
  } catch (e) {
    const line = e instanceof TomlError ? e.line + place.firstLine - 1 : place.firstLine;
    const reason = (e as Error).message.split('\n')[0].replace(/^Invalid TOML document: /, '');
    throw new HandoutError(`invalid front matter: ${reason}`, { file: place.file, line }, 'this is TOML: `key = "value"`, one per line');
  }
  const lines = toml.split('\n');
  return Object.entries(doc).map(([rawKey, raw]) => {
    const at = lines.findIndex((l) => new RegExp(`^\\s*["']?${rawKey.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*=|^\\s*\\[+\\s*${rawKey}\\s*\\]`).test(l));
    const line = place.firstLine + Math.max(0, at);
    const written = at === -1 ? undefined : /=\s*([-+\d._eE]+)\s*(?:#.*)?$/.exec(lines[at])?.[1];
    // A date as written: TOML's reader moves `2026-02-30` on to 2 March, where YAML's refuses it.
    const date = at === -1 ? undefined : /=\s*(\d{4}-\d{2}-\d{2})\s*(?:#.*)?$/.exec(lines[at])?.[1];
    const value = typeof raw === 'number' && written ? written : raw instanceof TomlDate && date ? date : plainToml(raw);
    return { rawKey, value, line };
  });
}

/** TOML's dates and times as the text they were written as, as YAML front matter gives them. */
function plainToml(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString();
  if (Array.isArray(value)) return value.map(plainToml);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainToml(v)]));
  return value;
}

/** One `key: value` of a settings text: the key as written, its value, its line, and the line of a value inside it. */
interface Entry {
  rawKey: string;
  valueOf: () => unknown;
  line: number;
  lineAt: (path: (string | number)[]) => number;
}

function validateEntries<S extends Shape>(entries: Entry[], shape: S, place: YamlPlace, warnings: Warnings): Validated<S> {
  const { file } = place;
  const result: Record<string, unknown> = {};
  const known = Object.keys(shape).map(kebab);
  for (const { rawKey, valueOf, line, lineAt } of entries) {
    const key = keyOf(rawKey, shape);
    if (!key) {
      const near = closest(rawKey, known);
      warnings.add(`unknown ${place.what} "${rawKey}"${near ? `; did you mean ${near}?` : ''}`, { file, line });
      continue;
    }
    const value = valueOf();
    if (value === null || value === undefined || value === '') continue;
    const parsed = shape[key].safeParse(value);
    if (parsed.success) {
      result[key] = parsed.data;
      continue;
    }
    // The line of the innermost node the first issue is about (an entry of a list, a nested key).
    const issue = parsed.error.issues[0];
    // A key that is not one of a nested map's (a colour name): the key is what is wrong.
    const unknownKey = issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const issuePath = [...(issue?.path ?? []), ...(unknownKey ? [unknownKey] : [])] as (string | number)[];
    throw new HandoutError(wrongValue(`${place.what} "${kebab(key)}"`, shape[key], unknownKey ?? value), { file, line: lineAt(issuePath) });
  }
  return result as Validated<S>;
}

/** `paper`, `Paper`, `target_grade`, `targetGrade` and the aliases (`size`) → the shape's key. */
function keyOf(rawKey: string, shape: Shape): string | undefined {
  const lower = rawKey.trim().toLowerCase().replace(/_/g, '-');
  const candidates = [camel(rawKey.trim()), camel(lower), camel(ALIASES[lower] ?? ''), camel(ALIASES[lower.replace(/-/g, '')] ?? '')];
  const flat = lower.replace(/-/g, '');
  const byFlat = Object.keys(shape).find((k) => k.toLowerCase() === flat);
  return [...candidates, byFlat].find((k): k is string => !!k && Object.hasOwn(shape, k));
}

/** `setting "paper" should be letter or a4, not "tabloid"`, with the nearest choice when there is one. */
export function wrongValue(name: string, schema: z.ZodType, value: unknown): string {
  const shown = JSON.stringify(value) ?? String(value);
  const near = typeof value === 'string' ? closest(value, [...(choicesOf(schema) ?? [])]) : undefined;
  return `${name} should be ${expectedOf(schema)}, not ${shown.length > 60 ? `${shown.slice(0, 57)}…` : shown}${near ? `; did you mean ${near}?` : ''}`;
}

/**
 * A command-line option's value checked by the same schema as the setting: for commander's
 * argParser, throwing the message commander prints (`--paper should be letter or a4, not "tabloid"`).
 */
export function optionValue<T>(option: string, schema: z.ZodType<T, any>): (value: string) => T {
  return (value: string) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const error = new Error(wrongValue(option, schema, value));
    (error as Error & { code: string }).code = 'commander.invalidArgument';
    throw error;
  };
}

/** The known key nearest to a misspelt one, if it is near enough to be a typo. */
export function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}
