/**
 * The catalog's script hashes are read from the same template's page without its rows
 * (templateScriptHashes) when both pages hold the same script elements; held here to the hashes a
 * browser's parse of the whole page gives (inlineScriptHashes), for pages whose rows carry
 * markup-like text, and for templates whose scripts change with the data.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes, templateScriptHashes } from '../../src/fill/scriptHashes.js';

const sorted = (xs: string[]) => [...xs].sort();
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A catalog-like page: a script, rows of escaped text, another script; `inside` puts data in a script. */
function page(rows: string[], options: { inside?: boolean; raw?: boolean } = {}): string {
  const data = options.inside ? JSON.stringify(rows) : '[]';
  const row = (r: string) => `<li><a href="x.pdf">${options.raw ? r : escape(r)}</a></li>`;
  return `<!DOCTYPE html><html><head><script>var docs = ${data}; // filter</script></head><body><ul>${rows.map(row).join('\n')}</ul>\n<SCRIPT type="module">document.title += ' ';</SCRIPT></body></html>`;
}

const markupish = fc.array(fc.oneof(fc.string(), fc.constantFrom('<script>alert(1)</script>', '</script>', '<!--', '-->', '<textarea>', '<script src=x>', 'a < b > c')), { maxLength: 8 });

describe("a catalog's script hashes, read without its rows", () => {
  it('are the whole page\'s, whatever text the rows carry', () => {
    fc.assert(
      fc.property(markupish, (rows) => {
        const full = page(rows);
        expect(sorted(templateScriptHashes(full, page([])))).toEqual(sorted(inlineScriptHashes(full)));
      }),
      { numRuns: 300 },
    );
  });

  it('are read from the whole page when the data is inside a script', () => {
    fc.assert(
      fc.property(markupish, (rows) => {
        const full = page(rows, { inside: true });
        expect(sorted(templateScriptHashes(full, page([], { inside: true })))).toEqual(sorted(inlineScriptHashes(full)));
      }),
      { numRuns: 300 },
    );
    // The shortcut would be wrong here: the row's data is in the script.
    const full = page(['Sleep'], { inside: true });
    expect(inlineScriptHashes(full)).not.toEqual(inlineScriptHashes(page([], { inside: true })));
    expect(sorted(templateScriptHashes(full, page([], { inside: true })))).toEqual(sorted(inlineScriptHashes(full)));
  });

  it("allow every script of a page whose rows are not escaped, and none but the template's own", () => {
    // Markup in a row can comment a later script out ("<!--"): its hash is then allowed for a
    // script that no longer runs, which lets nothing else run.
    fc.assert(
      fc.property(markupish, (rows) => {
        const full = page(rows, { raw: true });
        const hashes = templateScriptHashes(full, page([], { raw: true }));
        for (const h of inlineScriptHashes(full)) expect(hashes).toContain(h);
        const allowed = new Set([...inlineScriptHashes(full), ...inlineScriptHashes(page([], { raw: true }))]);
        for (const h of hashes) expect(allowed.has(h)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a page whole when a script holds "<!--", where "</script>" may not end it', () => {
    const escaped = (rows: string) => `<script>x = 1; <!-- <script></script> ${rows} --></script><p>${rows}</p>`;
    const full = escaped('two');
    expect(sorted(templateScriptHashes(full, escaped('')))).toEqual(sorted(inlineScriptHashes(full)));
  });
});
