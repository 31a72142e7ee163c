import { it } from 'vitest';
import { parseFrontMatter, closest } from '../../src/read/frontMatter.js';
import { Warnings, HandoutError } from '../../src/diagnostics.js';
import { SlugCounter } from '../../src/slug.js';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { resolveStyles } from '../../src/render/pdf/styles.js';
import { selectFace } from '../../src/render/pdf/fonts.js';
import { breakLines } from '../../src/render/pdf/lineBreak.js';
import { parsePlainText } from '../../src/parse/parseSource.js';

function fm(t: string) {
  const w = new Warnings();
  try { const m = parseFrontMatter(t, 'f.md', w); console.log(JSON.stringify(t), '=>', JSON.stringify(m), JSON.stringify(w.list)); }
  catch (e) { const h = e as HandoutError; console.log(JSON.stringify(t), 'ERR', h.message, h.line, JSON.stringify(w.list)); }
}
it('probe', () => {
  fm('---\ntitle: A\ntitle: B\n---\n');
  fm('---\ntitle: A\nfoo: [a, b\n---\n');
  fm('---\ntitle: A\n  bad: indent\n---\n');
  fm('---\nfoo: 1\ntitel: x\nLanguage: fr\norganization: O\n---\n');
  fm('---\nreviewed: 2024-02-30\n---\n');
  fm('---\nreviewed: 2024-02-29\nversion: 1.10\nkeywords: a, b, ,c\n---\n');
  fm('---\nkeywords:\n  a: 1\n---\n');
  fm('---\n- a\n---\n');
  fm('---\n---\n');
  fm('---\ntitle: x\n');
  fm('---\ntitle: x\n...\nbody');
  fm('---\n\n\nlang: english\n---\n');
  fm('---\nslug: "!!!"\n---\n');
  console.log(closest('foo', ['title','lang','slug','paper','author']), closest('titel', ['title','lang']));
  const s = new SlugCounter(); console.log(['A','A','A 1','a-1'].map(x => s.next(x)));
  const doc = fromHtml('<html><head></head><body><p class="x">Hi <em>there</em></p></body></html>');
  const w = new Warnings();
  const r = resolveStyles(doc, 'p { line-height: 18pt }\n.x { font-size: 20pt }\np { margin-top: 2em; font-size: 10pt }\na{float:left} b{float:left}\ndiv{float:left}\n', { file: 's.css' }, w);
  const p = select('p', doc)!; const st = r.styleOf(p);
  console.log(st.lineHeight, st.fontSize, st.margin, w.list);
  const face = selectFace([], 400, false);
  const run = { text: 'one\u2028two three', face, size: 12, color: '#000', underline: false, lineHeight: 16 };
  console.log(JSON.stringify(breakLines([run], { width: 300, align: 'left', strut: run }).map(l => l.fragments.map(f => f.text))));
  const url = 'https://example.com/' + 'abcdefghij'.repeat(18);
  const run2 = { ...run, text: url };
  console.log(JSON.stringify(breakLines([run2], { width: 100, align: 'left', strut: run2 }).map(l => [l.width, l.fragments.map(f => f.text)])));
  console.log(JSON.stringify(parsePlainText('a\nb\n\nc\n')));
});
