/**
 * Every HTML page handout writes passes html-validate (its recommended rules: valid HTML, WCAG
 * rules it can see in markup, no deprecated attributes), whatever the content wrote.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { removeDir, tempDir } from '../helpers/build.js';
import { buildSite } from '../helpers/site.js';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Whitespace at a line's end, left where an {{#if}} printed nothing, is not a fault of the HTML.
    'no-trailing-whitespace': 'off',
  },
});

let out: string;
let pages: string[];
beforeAll(() => {
  out = tempDir();
  pages = buildSite(out);
});
afterAll(() => removeDir(out));

describe('html-validate', () => {
  it('checks every kind of page', () => {
    expect(pages.map((p) => path.basename(p))).toEqual([
      'calcinosis.html', 'calcinosis.summary.html', 'every-block.html', 'index.html', 'summary.html', 'types-of-rock.html', 'types-of-rock.summary.html',
    ]);
  });

  it('finds no errors in any page', async () => {
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateString(readFileSync(page, 'utf8'), page);
      for (const r of report.results) for (const m of r.messages) problems.push(`${path.basename(page)}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}`);
    }
    expect(problems).toEqual([]);
  });
});
