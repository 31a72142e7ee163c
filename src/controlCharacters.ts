/**
 * Control characters in content (pasted from other systems, or planted): removed where they would
 * break a format (XML forbids most of them, HTML calls them errors), escaped where a person reads
 * them (a terminal acts on escape sequences: it can be made to hide lines, retitle a window or worse).
 */

/** C0 controls but tab, newline and carriage return; DEL; C1 controls; the noncharacters XML forbids; unpaired surrogates. */
const CONTROL = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without control characters: for metadata, XMP and HTML. */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL, '');
}

/**
 * For the terminal, also the invisible marks that reorder a line (Unicode's bidirectional controls):
 * a file `a\u202Etxt.md` would print as "adm.txt", and a quoted line could hide what it says
 * (the "Trojan Source" trick).
 */
const TERMINAL_CONTROL = /[\0-\x1F\x7F-\x9F\uFFFE\uFFFF\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with every control character and bidirectional control written as `\xNN` or `\uNNNN` (tab and newline too): for the terminal. */
export function escapeControlCharacters(text: string, keepNewlines = false): string {
  return text.replace(TERMINAL_CONTROL, (c) => {
    if (keepNewlines && c === '\n') return c;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * A report's strings escaped for the terminal before it is formatted (and coloured: the colours
 * are then the only escape sequences printed). Newlines are kept: they only break lines; but not
 * in a file name, which starts each `file:line:` message: a name holding a newline would start a
 * line of its own choosing ("evil\ncontent/good.md:1: error: …").
 */
export function escapedForTerminal<T>(value: T, key?: string): T {
  if (typeof value === 'string') return escapeControlCharacters(value, key !== 'file') as T;
  if (Array.isArray(value)) return value.map((v) => escapedForTerminal(v)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapedForTerminal(v, k)])) as T;
  }
  return value;
}
