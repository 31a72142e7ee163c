/**
 * Every setting handout knows, defined once: the project's settings file (handout.config.yaml),
 * a source's front matter and the command-line options are validated by these zod schemas, and
 * their types are derived from them. Keys are written kebab-case in YAML (`target-grade`) and
 * held camelCase in code (`targetGrade`); `validate.ts` turns one into the other and gives every
 * mistake the same message: file:line, what is wrong, what was meant.
 *
 * Each value schema carries, as its description, what a right value looks like ("letter or a4"):
 * that is the message a wrong value gets, wherever it was written.
 */
import { z } from 'zod';
import { MAX_OUTPUT_NAME_BYTES, slugify } from '../slug.js';
import { lookupTable } from '../lookupTable.js';

export const PAPER_SIZES = ['letter', 'a4'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export const VARIANT_NAMES = ['large-print'] as const;
export const MISSING_IMAGES = ['error', 'alt'] as const;
/** How a link's address is printed on paper: after its text, as numbered notes at the end, or not at all. */
export const LINK_STYLES = ['after', 'notes', 'none'] as const;
export type LinkStyle = (typeof LINK_STYLES)[number];
/** A project's templates/handout.css: layered after the built-in stylesheet, or instead of it. */
export const STYLESHEET_MODES = ['layer', 'replace'] as const;
/** Brand colours a settings file may set: each becomes the stylesheet's custom property `--<name>`. */
export const BRAND_COLOURS = ['brand', 'accent', 'heading', 'text', 'muted', 'link', 'rule', 'box-background', 'box-border', 'accent-background', 'table-header', 'table-stripe'] as const;

const CHOICES = new WeakMap<z.ZodType, readonly string[]>();

/** A choice among fixed words, in any letter case: `paper: A4` is a4. */
const oneOf = <T extends readonly [string, ...string[]]>(words: T) => {
  const schema = z
    .string()
    .transform((s) => s.trim().toLowerCase())
    .pipe(z.enum(words))
    .describe(words.length === 2 ? `${words[0]} or ${words[1]}` : `one of ${words.join(', ')}`);
  CHOICES.set(schema, words);
  return schema;
};

/** The words a choice setting takes (for "did you mean" and the command line's help). */
export function choicesOf(schema: z.ZodType): readonly string[] | undefined {
  return CHOICES.get(schema);
}

/** Spaces and invisible marks at either end (a zero-width space, a byte-order mark, a soft hyphen): `title: "\u200b"` is no title. */
const INVISIBLE_ENDS = /^[\s\u00ad\u034f\u061c\u180e\u200b-\u200f\u2060-\u2064\ufeff]+|[\s\u00ad\u034f\u061c\u180e\u200b-\u200f\u2060-\u2064\ufeff]+$/g;
const text = z.union([z.string(), z.number()]).transform((v) => String(v).replace(INVISIBLE_ENDS, '')).describe('text');
const bool = z.boolean().describe('true or false');

const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v.trim()))
  .refine((iso) => /^\d{4}-\d{2}-\d{2}$/.test(iso) && !Number.isNaN(Date.parse(iso)) && new Date(iso).toISOString().slice(0, 10) === iso)
  .describe('a date written YYYY-MM-DD');

const lang = z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/).describe('a language tag such as en or es-MX');

const grade = z
  .union([z.number(), z.string()])
  .transform(Number)
  .pipe(z.number().min(1).max(20))
  .describe('a school grade from 1 to 20, such as 8');

export interface Period {
  count: number;
  unit: 'y' | 'm' | 'w' | 'd';
}

/** `2y`, `18m`, `6 weeks`, `1 year` → a count and a unit (years, months, weeks, days). */
export function parsePeriod(text: string): Period | undefined {
  const m = /^\s*(\d{1,3})\s*(y|yr|yrs|years?|m|mo|months?|w|wk|weeks?|d|days?)\s*$/i.exec(text);
  if (!m || Number(m[1]) === 0) return undefined;
  const unit = m[2].toLowerCase();
  return { count: Number(m[1]), unit: unit.startsWith('y') ? 'y' : unit.startsWith('mo') || unit === 'm' ? 'm' : unit.startsWith('w') ? 'w' : 'd' };
}

const period = z
  .union([z.string(), z.number()])
  .transform((v, ctx) => {
    const p = parsePeriod(String(v));
    if (!p) {
      ctx.addIssue({ code: 'custom', message: 'not a period' });
      return z.NEVER;
    }
    return `${p.count}${p.unit}`;
  })
  .describe('a period such as 2y, 18m, 6w or 90d');

const words = z
  .union([z.string().transform((s) => s.split(',')), z.array(z.union([z.string(), z.number()]))])
  .transform((list) => list.map((w) => String(w).trim()).filter(Boolean))
  .describe('a list of words');

const slug = text
  .refine((s) => slugify(s) !== '' && Buffer.byteLength(slugify(s)) <= MAX_OUTPUT_NAME_BYTES)
  .transform(slugify)
  .describe(`a name with letters or digits, of at most ${MAX_OUTPUT_NAME_BYTES} bytes (it names the output files)`);

/** What a QR code (error correction M) holds is 2331 bytes: a longer address is refused here, with its line, not in a template. */
const QR_BYTES = 2000;

const webAddress = z
  .string()
  .trim()
  .regex(/^https?:\/\/[^\s/$.?#][^\s]*$/i)
  .refine((s) => Buffer.byteLength(s) <= QR_BYTES)
  .describe(`a web address starting with https://, of at most ${QR_BYTES} bytes (a QR code holds no more)`);

/** `term: plain definition` lines, or a list of `{ term, definition }`. */
export const glossaryTerms = z
  .union([
    z.record(z.string(), z.string().trim().min(1)),
    z.array(z.object({ term: z.string(), definition: z.string().trim().min(1) })).transform((list) => Object.fromEntries(list.map((e) => [e.term, e.definition]))),
  ])
  .transform((terms) => Object.fromEntries(Object.entries(terms).map(([t, d]) => [t.trim(), d.trim()])))
  .describe('a list of `term: plain definition` lines');

export interface SummaryColumnSetting {
  label: string;
  /** Words that pick the sentences for this column. */
  words: string[];
}

export interface SummarySettings {
  columns?: SummaryColumnSetting[];
  /** false: no at-a-glance table inside the handout (the separate sheet is still made). */
  show?: boolean;
}

/** `summary: false`, or `summary: { columns: [{ label: Causes, words: [cause, due to] }] }`. */
const summary = z
  .union([
    z.boolean().transform((show): SummarySettings => ({ show })),
    z
      .object({
        show: z.boolean().optional(),
        columns: z
          .array(z.object({ label: z.string(), words: words.transform((list) => list.map((w) => w.toLowerCase())) }))
          .optional(),
      })
      .strict(),
  ])
  .describe('false, or columns with a label and words each');

/**
 * The rules of `handout check` by id, each 'off', a number (its threshold) or an object of its
 * settings. The check stage owns what each rule means; they are passed through unchanged.
 */
const checks = z
  .record(z.string(), z.union([z.literal('off'), z.number(), z.record(z.string(), z.unknown())]))
  .describe("rule ids, each 'off', a number or settings");

const colours = z
  .partialRecord(z.enum(BRAND_COLOURS), z.string().trim().regex(/^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|rgb\([\d\s,.%]+\)|[a-zA-Z]+)$/))
  .describe(`colours named ${BRAND_COLOURS.join(', ')}, each like #0f5c73`);
CHOICES.set(colours, BRAND_COLOURS);

/** Settings a project sets once and a source may set for itself. */
const shared = {
  organisation: text,
  /** A PNG or JPEG printed in the title block; relative to the file that names it. */
  logo: text,
  /** A line printed in every page footer: a phone number, an address. */
  contact: text,
  paper: oneOf(PAPER_SIZES),
  lang,
  targetGrade: grade,
  reviewEvery: period,
  template: text,
  links: oneOf(LINK_STYLES),
  checks,
};

export const frontMatterShape = {
  ...shared,
  title: text,
  subtitle: text,
  audience: text,
  version: text,
  reviewed: isoDate,
  author: text,
  description: text,
  keywords: words,
  slug,
  inferSections: bool,
  course: text,
  date: isoDate,
  summary,
  variant: oneOf(VARIANT_NAMES),
  nextReview: isoDate,
  glossary: glossaryTerms,
  /** The web copy of this handout: a QR code to it is printed on page 1. */
  url: webAddress,
  /** The outline helper's: the names of the parts of the text, and whether to infer its structure. */
  parts: z.array(text).describe('a list of part names'),
  infer: bool,
};

export const configShape = {
  ...shared,
  /** Where the web copies are published: each handout's QR code points to <base>/<slug>.html. */
  webBaseUrl: webAddress,
  colours,
  stylesheet: oneOf(STYLESHEET_MODES),
  /** A glossary file (relative to the settings file), or terms written here. */
  glossary: z.union([text, glossaryTerms]).describe('a glossary file, or `term: plain definition` lines'),
};

/** Command-line options that are settings too: validated by the same value schemas. */
export const cliShape = {
  paper: shared.paper,
  template: text,
  targetGrade: grade,
  variant: frontMatterShape.variant,
  missingImages: oneOf(MISSING_IMAGES),
  links: shared.links,
};

export const frontMatterSchema = z.object(frontMatterShape).partial();
export const configSchema = z.object(configShape).partial();

export type FrontMatter = z.output<typeof frontMatterSchema>;
export type Config = z.output<typeof configSchema>;
export type CheckRules = z.output<typeof checks>;
export type BrandColours = z.output<typeof colours>;

/** Other spellings people write, mapped onto the keys (lower-cased before lookup). */
export const ALIASES = lookupTable({
  language: 'lang',
  organization: 'organisation',
  subject: 'description',
  tags: 'keywords',
  size: 'paper',
  'reading-grade': 'target-grade',
  'review-interval': 'review-every',
  'review-by': 'next-review',
  'review-date': 'next-review',
  terms: 'glossary',
  colors: 'colours',
  'base-url': 'web-base-url',
  'footer': 'contact',
  'contact-line': 'contact',
});

export const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
export const camel = (key: string) => key.replace(/[-_]([a-z])/g, (_, c: string) => c.toUpperCase());

/** What a right value of this schema looks like, for messages. */
export function expectedOf(schema: z.ZodType): string {
  return schema.description ?? 'another value';
}
