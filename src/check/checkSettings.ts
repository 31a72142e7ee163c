/**
 * Check settings: which rules run and with what thresholds. One schema (zod) for every way they
 * are given: the build and check option `checks` (from `checks:` in handout.config.yaml), and a
 * comment in a Markdown source that switches rules off for that file:
 *
 *   checks:                          <!-- handout-disable simpler-word, passive-voice -->
 *     simpler-word: off
 *     long-sentence: 25              # a number is the rule's threshold
 *     undefined-term: { ignore: [stent] }
 *
 * Every rule takes `off`, `on`, or an object with `severity` (error, warning, info); the rules
 * with a threshold take a number for it, and the word rules a list of words to leave alone.
 */
import { z } from 'zod';
import { HandoutError } from '../diagnostics.js';
import { closest } from '../read/frontMatter.js';
import { RULES, type Finding, type RuleId, type Severity } from './findings.js';
import { DUE_SOON_DAYS } from './reviewDates.js';

const severity = z.enum(['error', 'warning', 'info']);
const onOff = z.enum(['off', 'on']);

/** A rule that takes only on/off and a severity. */
const plain = z.union([onOff, z.strictObject({ severity: severity.optional() })]);
/** A rule with a numeric threshold, written alone or as `{ <name>: n }`. */
const threshold = <K extends string>(key: K, schema: z.ZodNumber) =>
  z.union([onOff, schema, z.strictObject({ severity: severity.optional(), ...({ [key]: schema.optional() } as Record<K, z.ZodOptional<z.ZodNumber>>) })]);
/** A rule about words, with words it leaves alone. */
const words = z.union([onOff, z.strictObject({ severity: severity.optional(), ignore: z.array(z.string().min(1)).optional() })]);

export const checkSettingsSchema = z.strictObject({
  'reading-grade': threshold('target', z.number().min(1).max(20)).optional(),
  'long-sentence': threshold('words', z.number().int().min(5)).optional(),
  'passive-voice': plain.optional(),
  'simpler-word': words.optional(),
  'undefined-term': words.optional(),
  'alt-text': plain.optional(),
  'heading-order': plain.optional(),
  'table-header': plain.optional(),
  'link-text': plain.optional(),
  'review-date': threshold('dueSoonDays', z.number().int().min(0)).optional(),
  'front-matter': plain.optional(),
  'page-frame': plain.optional(),
  source: plain.optional(),
  settings: plain.optional(),
} satisfies Record<RuleId, z.ZodType>);

export type CheckSettingsInput = z.input<typeof checkSettingsSchema>;

/** Settings resolved for one document: what the checks read. */
export interface CheckSettings {
  off: Set<RuleId>;
  severity: Map<RuleId, Severity>;
  /** Target grade when the front matter has none (reading-grade: n). */
  targetGrade?: number;
  longSentenceWords: number;
  dueSoonDays: number;
  ignore: { 'simpler-word': string[]; 'undefined-term': string[] };
}

export const DEFAULT_LONG_SENTENCE_WORDS = 20;

/** Validates `checks` (throws a HandoutError naming the key and what it takes). */
export function parseCheckSettings(input: unknown, where = 'the `checks` option'): CheckSettingsInput {
  if (input === undefined || input === null) return {};
  const result = checkSettingsSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const key = issue.path.map(String).join('.');
  const unknown = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  if (unknown) {
    throw new HandoutError(`unknown check rule "${unknown}" in ${where}${near(unknown) ? `; did you mean ${near(unknown)}?` : ''}`, { file: where }, `the rules are: ${RULES.join(', ')}`);
  }
  // Said as the rule takes it, with the value given: zod's own words ("Too big: expected int to be
  // <=9007199254740991", "Invalid input") name neither.
  if (!issue.path.length) throw new HandoutError(`checks should be rule ids, each with its setting (such as { long-sentence: 25 }), not ${shownValue(input)}`, { file: where }, 'see "Checking handouts" in the README');
  const rule = String(issue.path[0]);
  const given = (input as Record<string, unknown>)[rule];
  throw new HandoutError(`check rule "${rule}" should be ${TAKES[rule as RuleId] ?? TAKES.settings}, not ${shownValue(given)}`, { file: where }, 'see "Checking handouts" in the README');
}

/**
 * `parseCheckSettings` for the `checks:` a file writes (front matter, a settings file): a mistake
 * names the file and the line of that key (YAML `checks:`, TOML `checks =` or `[checks]`).
 */
export function parseCheckSettingsIn(input: unknown, file: string, text: string): CheckSettingsInput {
  try {
    return parseCheckSettings(input, file);
  } catch (e) {
    if (!(e instanceof HandoutError)) throw e;
    const line = text.split('\n').findIndex((l) => /^\s*(?:"?checks"?\s*[:=]|\[checks\])/.test(l)) + 1;
    throw new HandoutError(e.message, { file, line: line || undefined }, e.hint);
  }
}

const SEVERITY = 'severity: warning';
/** What each rule's setting may be, in words. */
const TAKES: Record<RuleId, string> = Object.fromEntries(
  RULES.map((rule) => [rule, `off, on or settings such as { ${SEVERITY} }`]),
) as Record<RuleId, string>;
TAKES['reading-grade'] = `off, on, a target grade from 1 to 20, or settings such as { ${SEVERITY}, target: 8 }`;
TAKES['long-sentence'] = `off, on, a whole number of words from 5 up, or settings such as { ${SEVERITY}, words: 20 }`;
TAKES['review-date'] = `off, on, a whole number of days from 0 up, or settings such as { ${SEVERITY}, dueSoonDays: 60 }`;
TAKES['simpler-word'] = TAKES['undefined-term'] = `off, on or settings such as { ${SEVERITY}, ignore: [words] }`;

function shownValue(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * The one function that turns settings (the option, then the source's own comments) into what the
 * checks use. Later settings win: a source's `handout-disable` switches a rule off whatever the option says.
 */
export function resolveCheckSettings(input: CheckSettingsInput, disabledInSource: RuleId[] = []): CheckSettings {
  const settings: CheckSettings = {
    off: new Set(), severity: new Map(), longSentenceWords: DEFAULT_LONG_SENTENCE_WORDS, dueSoonDays: DUE_SOON_DAYS,
    ignore: { 'simpler-word': [], 'undefined-term': [] },
  };
  for (const [rule, value] of Object.entries(input) as [RuleId, unknown][]) {
    if (value === 'off') settings.off.add(rule);
    if (typeof value === 'number') setThreshold(settings, rule, value);
    if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (o.severity) settings.severity.set(rule, o.severity as Severity);
      for (const k of ['target', 'words', 'dueSoonDays']) if (typeof o[k] === 'number') setThreshold(settings, rule, o[k] as number);
      if (Array.isArray(o.ignore) && (rule === 'simpler-word' || rule === 'undefined-term')) settings.ignore[rule] = o.ignore.map((w) => String(w).toLowerCase());
    }
  }
  for (const rule of disabledInSource) settings.off.add(rule);
  return settings;
}

function setThreshold(settings: CheckSettings, rule: RuleId, n: number): void {
  if (rule === 'reading-grade') settings.targetGrade = n;
  if (rule === 'long-sentence') settings.longSentenceWords = n;
  if (rule === 'review-date') settings.dueSoonDays = n;
}

/** Findings with the settings applied: rules switched off are left out, severities changed. */
export function applyCheckSettings(findings: Finding[], settings: CheckSettings): Finding[] {
  return findings.filter((f) => !settings.off.has(f.rule)).map((f) => (settings.severity.has(f.rule) ? { ...f, severity: settings.severity.get(f.rule)! } : f));
}

const DISABLE_COMMENT = /<!--\s*handout-disable\s+([^>]*?)\s*-->/g;

/**
 * `<!-- handout-disable rule, rule -->` comments in a source: the rules they name, and a finding
 * for each name that is no rule.
 */
export function disabledInSource(text: string, file: string): { rules: RuleId[]; findings: Finding[] } {
  const rules: RuleId[] = [];
  const findings: Finding[] = [];
  for (const m of text.matchAll(DISABLE_COMMENT)) {
    const line = text.slice(0, m.index).split('\n').length;
    for (const name of m[1].split(/[\s,]+/).filter(Boolean)) {
      if ((RULES as readonly string[]).includes(name)) rules.push(name as RuleId);
      else {
        const guess = near(name);
        findings.push({
          rule: 'settings', severity: 'warning', file, line, subject: name,
          message: `unknown check rule "${name}" in a handout-disable comment${guess ? `; did you mean ${guess}?` : ''}`,
          suggestion: `the rules are: ${RULES.join(', ')}`,
        });
      }
    }
  }
  return { rules, findings };
}

/** The rule id nearest a misspelt one, when it is close. */
function near(name: string): string | undefined {
  return closest(name.toLowerCase(), [...RULES]);
}
