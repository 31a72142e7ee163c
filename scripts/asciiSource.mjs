// @ts-check
/**
 * The bundle as ASCII (scripts/bundle.mjs): V8 then holds its source as one byte a character, and
 * bin/loadBundle.js reads the file as Latin-1, a copy, instead of decoding 5 MB of UTF-8 into a
 * string of two bytes a character (about 20 ms of every start, and 5 MB of memory a thread).
 * esbuild escapes every other non-ASCII character of its output (`charset: 'ascii'`) but leaves
 * regular expression literals as written; these are rewritten here with \u escapes, found by a
 * parser (acorn), so a character of a string, a comment or a template is never touched.
 */
import { parse } from 'acorn';

/** `\uXXXX` for one UTF-16 code unit: an escape JavaScript and JSON both read. */
export const unit = (code) => `\\u${code.toString(16).padStart(4, '0')}`;

/**
 * A regular expression literal's text (`/…/flags`) with each non-ASCII character as an escape
 * that matches the same character in the same place (the expression's `source` is the escaped
 * text, which handout never reads): `\uXXXX`, or for a character beyond the Basic
 * Multilingual Plane `\u{…}` with the u or v flag and its two UTF-16 halves without (which is
 * what the character is to such an expression). A character escaped for nothing (`\é`, allowed
 * without u) loses its backslash, since the escape now stands for it.
 */
export function asciiRegExpLiteral(literal) {
  const end = literal.lastIndexOf('/');
  const flags = literal.slice(end + 1);
  const unicode = /[uv]/.test(flags);
  let out = '';
  for (const ch of literal.slice(0, end)) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) {
      out += ch;
      continue;
    }
    const backslashes = /\\*$/.exec(out)?.[0].length ?? 0;
    if (backslashes % 2 === 1) out = out.slice(0, -1);
    out += code > 0xffff ? (unicode ? `\\u{${code.toString(16)}}` : unit(ch.charCodeAt(0)) + unit(ch.charCodeAt(1))) : unit(code);
  }
  return out + literal.slice(end);
}

/**
 * `source` with every regular expression literal that holds a non-ASCII character rewritten as
 * ASCII; `remaining`: where non-ASCII characters are left (a tagged template's raw text, which an
 * escape would change), as line:column, none for a bundle esbuild made.
 */
export function asciiSource(source) {
  /** @type {{ start: number; end: number; text: string }[]} */
  const edits = [];
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'Literal' && node.regex && /[^\x00-\x7f]/.test(node.raw)) edits.push({ start: node.start, end: node.end, text: asciiRegExpLiteral(node.raw) });
    if (node.type === 'Literal') return;
    for (const key in node) {
      const value = node[key];
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(parse(source, { ecmaVersion: 'latest', sourceType: 'script', allowHashBang: true, allowReturnOutsideFunction: true }));
  let out = '';
  let at = 0;
  for (const e of edits.sort((a, b) => a.start - b.start)) {
    out += source.slice(at, e.start) + e.text;
    at = e.end;
  }
  out += source.slice(at);
  const remaining = [];
  for (const m of out.matchAll(/[^\x00-\x7f]/g)) {
    const before = out.slice(0, m.index);
    remaining.push(`${before.split('\n').length}:${m.index - before.lastIndexOf('\n')}`);
  }
  return { source: out, rewritten: edits.length, remaining };
}
