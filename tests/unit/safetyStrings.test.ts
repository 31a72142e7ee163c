/** Control characters and the pages' security policy, on strings. */
import { describe, expect, it } from 'vitest';
import { escapeControlCharacters, escapedForTerminal, withoutControlCharacters } from '../../src/controlCharacters.js';
import { contentSecurityPolicy, POLICY_META, scriptHash, widenPolicy, withPolicy } from '../../src/fill/contentSecurityPolicy.js';
import { inlineScriptHashes } from '../../src/fill/scriptHashes.js';

describe('control characters', () => {
  it('are removed for formats, keeping tab, newline, and every printable character', () => {
    expect(withoutControlCharacters('a\x00b\x07c\x1b[31md\x7f\x85e\uFFFEf\uD800g\t\n\rh é 😀')).toBe('abc[31mdefg\t\n\rh é 😀');
  });

  it('are escaped for the terminal, newlines too unless kept', () => {
    expect(escapeControlCharacters('a\x1b]0;x\x07b\nc')).toBe('a\\x1b]0;x\\x07b\\x0ac');
    expect(escapeControlCharacters('a\x1bb\nc', true)).toBe('a\\x1bb\nc');
    expect(escapeControlCharacters('\u009b\uD800')).toBe('\\x9b\\ud800');
    expect(escapedForTerminal({ file: 'x\x1b.md', list: ['\x07', 3], n: 1 })).toEqual({ file: 'x\\x1b.md', list: ['\\x07', 3], n: 1 });
  });
});

describe('the security policy', () => {
  it('forbids the network by default, and says what an option allows', () => {
    expect(contentSecurityPolicy()).toBe("default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; base-uri 'none'; form-action 'none'");
    expect(contentSecurityPolicy({ remoteImages: true, scriptHashes: ['sha256-abc'] })).toMatch(/img-src data: https:; .*script-src 'sha256-abc'/);
  });

  it('is added to a page without it, once', () => {
    const page = withPolicy('<html><head><title>x</title></head></html>');
    expect(page).toMatch(/<head>\n<meta http-equiv="Content-Security-Policy"/);
    expect(withPolicy(page)).toBe(page);
  });

  it('is widened for a script by its hash, into an existing script-src too', () => {
    const hash = scriptHash('run()');
    const page = widenPolicy(withPolicy('<head></head>', { scriptHashes: ['sha256-own'] }), { scriptHashes: [hash], connectSelf: true });
    const policy = POLICY_META.exec(page)![0];
    expect(policy).toContain(`script-src 'sha256-own' '${hash}'`);
    expect(policy).toContain("connect-src 'self'");
    expect(policy.match(/script-src/g)).toHaveLength(1);
  });

  it('hashes each inline script a browser would run, as the browser reads its text', () => {
    const page = `<!doctype html><html><head><script>a()</script><script src="x.js">ignored()</script></head><body>
<!-- <script>commented()</script> --><textarea><script>typed()</script></textarea>
<template><script>inert()</script></template><svg><script>drawn()</script></svg>
<script>if (1 < 2) b("</scr" + "ipt>")</script><script>a()</script></body></html>`;
    expect(inlineScriptHashes(page)).toEqual(['a()', 'drawn()', 'if (1 < 2) b("</scr" + "ipt>")'].map(scriptHash));
  });
});
