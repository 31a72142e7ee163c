/**
 * CSS custom properties (`--brand: #0f5c73`) and `var(--brand, #333)`, as a browser resolves them:
 * custom properties cascade and inherit like any property, and each `var()` is replaced by the
 * element's value of it, else by its fallback. A `var()` with neither makes its declaration
 * invalid, which leaves the property as if it were not set (and says so).
 */
import type { Declaration } from 'postcss';

export type CustomProperties = ReadonlyMap<string, string>;

export const NO_CUSTOM_PROPERTIES: CustomProperties = new Map();

export function isCustomProperty(prop: string): boolean {
  return prop.startsWith('--');
}

/**
 * The custom properties of an element: its parent's, with its own declarations (the last in
 * cascade order wins) over them. A `var()` in one is resolved against the element's own values,
 * so `--box-border: var(--brand)` beside `--brand` works; a cycle makes its members unset.
 */
export function customPropertiesOf(ordered: Declaration[], inherited: CustomProperties): CustomProperties {
  const raw = new Map<string, string>();
  for (const d of ordered) if (isCustomProperty(d.prop)) raw.set(d.prop, d.value);
  if (raw.size === 0) return inherited;
  const own = new Map(inherited);
  const resolving = new Set<string>();
  const done = new Set<string>();
  const lookup = (name: string): string | undefined => {
    if (!raw.has(name) || done.has(name)) return own.get(name);
    if (resolving.has(name)) return undefined;
    resolving.add(name);
    const value = substituteVars(raw.get(name)!, lookup)?.trim();
    resolving.delete(name);
    done.add(name);
    if (value === undefined) own.delete(name);
    else own.set(name, value);
    return value;
  };
  for (const name of raw.keys()) lookup(name);
  return own;
}

/** `var(--x, fallback)` replaced throughout `value`; undefined when a `var()` has no value and no fallback. */
export function substituteVars(value: string, properties: CustomProperties | ((name: string) => string | undefined)): string | undefined {
  const valueOf = typeof properties === 'function' ? properties : (name: string) => properties.get(name);
  let out = '';
  let i = 0;
  for (;;) {
    const start = value.indexOf('var(', i);
    if (start === -1) return out + value.slice(i);
    const end = closingParen(value, start + 3);
    if (end === -1) return undefined;
    const inner = value.slice(start + 4, end);
    const comma = inner.indexOf(',');
    const name = (comma === -1 ? inner : inner.slice(0, comma)).trim();
    let replacement = valueOf(name);
    if (replacement === undefined && comma !== -1) replacement = substituteVars(inner.slice(comma + 1).trim(), valueOf);
    if (replacement === undefined) return undefined;
    out += value.slice(i, start) + replacement;
    i = end + 1;
  }
}

function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    if (text[j] === '(') depth++;
    else if (text[j] === ')' && --depth === 0) return j;
  }
  return -1;
}

/**
 * A declaration with its `var()`s replaced (undefined: one has no value and no fallback). Most
 * elements share their parent's custom properties, so each result is kept per declaration and
 * set of properties: a stylesheet is resolved once per page, not once per element.
 */
export function withCustomProperties(d: Declaration, properties: CustomProperties): Declaration | undefined {
  if (!d.value.includes('var(')) return d;
  let byProperties = resolved.get(d);
  if (!byProperties) resolved.set(d, (byProperties = new WeakMap()));
  if (byProperties.has(properties)) return byProperties.get(properties)!.declaration;
  const value = substituteVars(d.value, properties);
  const declaration = value === undefined ? undefined : d.clone({ value });
  byProperties.set(properties, { declaration });
  return declaration;
}

const resolved = new WeakMap<Declaration, WeakMap<CustomProperties, { declaration: Declaration | undefined }>>();

