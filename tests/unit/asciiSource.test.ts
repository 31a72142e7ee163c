/**
 * The bundle is ASCII, so bin/loadBundle.js reads it as Latin-1 (scripts/asciiSource.mjs rewrites
 * the regular expression literals esbuild leaves as written). Held here: the shipped bundle is
 * ASCII, and every rewritten expression of handout's own code matches what the one written does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build.js';

type Rewrite = { asciiRegExpLiteral(literal: string): string; asciiSource(source: string): { source: string; rewritten: number; remaining: string[] } };
const { asciiRegExpLiteral, asciiSource } = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'asciiSource.mjs')).href)) as Rewrite;

const isAscii = (text: string) => /^[\x00-\x7f]*$/.test(text);
const compile = (literal: string) => {
  const end = literal.lastIndexOf('/');
  return new RegExp(literal.slice(1, end), literal.slice(end + 1).replace(/[gy]/g, ''));
};

/** What an expression makes of a text: its match and groups, or null. */
const matchOf = (re: RegExp, text: string) => JSON.stringify(re.exec(text));

/** Texts to try: each character of the literal alone, doubled and in ASCII, and mixes of them. */
function probes(literal: string, seed: number): string[] {
  const chars = [...new Set([...literal.replace(/\\./g, '')])];
  const out = chars.flatMap((c) => [c, c + c, `a ${c} b`, c.toUpperCase()]);
  let x = seed;
  for (let i = 0; i < 60; i++) {
    let t = '';
    for (let j = 0; j < 1 + (i % 12); j++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      t += chars[x % chars.length];
    }
    out.push(t, ` ${t} `, t.toLowerCase());
  }
  return out;
}

/** Every regular expression literal with a non-ASCII character in handout's compiled modules. */
function ownNonAsciiLiterals(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'bundle') walk(file);
      else if (entry.name.endsWith('.js')) {
        const visit = (node: unknown): void => {
          if (!node || typeof node !== 'object') return;
          const n = node as { type?: string; regex?: unknown; raw?: string };
          if (n.type === 'Literal') {
            if (n.regex && !isAscii(n.raw!)) found.push(n.raw!);
            return;
          }
          for (const value of Object.values(node)) (Array.isArray(value) ? value : [value]).forEach(visit);
        };
        visit(parse(readFileSync(file, 'utf8'), { ecmaVersion: 'latest', sourceType: 'module' }));
      }
    }
  };
  walk(path.join(ROOT, 'dist'));
  return found;
}

describe('an ASCII bundle', () => {
  it('is what compiling ships', () => {
    const bytes = readFileSync(path.join(ROOT, 'dist', 'bundle', 'handout.cjs'));
    expect(bytes.every((b) => b < 0x80)).toBe(true);
  });

  it('rewrites escapes that mean the same character in the same place', () => {
    expect(asciiRegExpLiteral('/[«‹]/')).toBe('/[\\u00ab\\u2039]/');
    expect(asciiRegExpLiteral('/(?:💡|✨)/u')).toBe('/(?:\\u{1f4a1}|\\u2728)/u');
    expect(asciiRegExpLiteral('/^💡/')).toBe('/^\\ud83d\\udca1/');
    expect(asciiRegExpLiteral('/a\\é/')).toBe('/a\\u00e9/'); // an escape of nothing: the backslash goes
    expect(asciiRegExpLiteral('/a\\\\é/')).toBe('/a\\\\\\u00e9/'); // an escaped backslash stays
    expect(asciiRegExpLiteral('/[😀-😂]/v')).toBe('/[\\u{1f600}-\\u{1f602}]/v');
    expect(asciiRegExpLiteral('/plain/gi')).toBe('/plain/gi');
    for (const literal of ['/[«‹]/', '/(?:💡|✨)/u', '/^💡x/', '/a\\é/', '/a\\\\é/', '/caf[eé]/i', '/[😀-😂]/u', '/[^💡]/', '/.💡./su']) {
      const [before, after] = [compile(literal), compile(asciiRegExpLiteral(literal))];
      for (const text of [...probes(literal, 7), 'a\\é', 'café', '😁', '\ud83d']) expect(matchOf(after, text), `${literal} on ${text}`).toBe(matchOf(before, text));
    }
  });

  it("matches as written on every expression of handout's own code that is not ASCII", () => {
    const literals = ownNonAsciiLiterals();
    expect(literals.length).toBeGreaterThan(20);
    literals.forEach((literal, i) => {
      const rewritten = asciiRegExpLiteral(literal);
      expect(isAscii(rewritten), rewritten).toBe(true);
      const [before, after] = [compile(literal), compile(rewritten)];
      for (const text of probes(literal, i + 1)) expect(matchOf(after, text), `${literal} on ${JSON.stringify(text)}`).toBe(matchOf(before, text));
    });
  });

  it('leaves strings, templates and comments as they are, and says what it could not rewrite', () => {
    const source = 'const s = "é"; /* é */ const r = /é/; const t = String.raw`é${r}`;';
    const { source: out, rewritten, remaining } = asciiSource(source);
    expect(rewritten).toBe(1);
    expect(out).toBe('const s = "é"; /* é */ const r = /\\u00e9/; const t = String.raw`é${r}`;');
    expect(remaining).toEqual(['1:12', '1:19', '1:65']); // line:column, counted from 1
  });
});
