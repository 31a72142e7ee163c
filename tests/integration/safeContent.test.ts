/**
 * Content never runs code: hostile Markdown and raw HTML go through the whole pipeline, and the HTML
 * output, read back with an HTML parser, holds no script, no stylesheet of the content's, no event
 * handler and no javascript:/data: URL but the images handout embedded itself; the script's text
 * never reaches the PDF either. Images resolve inside the project only; remote ones are not fetched.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as hastText } from 'hast-util-to-string';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { HandoutError } from '../../src/diagnostics.js';
import { buildText, PNG_1X1 } from '../helpers/document.js';
import { readPdf } from '../helpers/pdf.js';
import { removeDir, tempDir } from '../helpers/build.js';

/** Each payload would run `alert(…)` or restyle the page if it got through. */
const HOSTILE: [string, string][] = [
  ['script element', '<script>alert("script")</script>'],
  ['script split over lines', '<script>\nalert("split")\n</script>'],
  ['event handler on an image', '<img src="images/dot.png" onerror="alert(\'onerror\')" alt="x">'],
  ['event handler on a div', '<div onmouseover="alert(\'hover\')">Hover text</div>'],
  ['javascript: link in HTML', '<a href="javascript:alert(\'href\')">click me</a>'],
  ['mixed-case javascript: link', '<a href="JaVaScRiPt:alert(\'case\')">case link</a>'],
  ['entity-encoded javascript: link', '<a href="&#106;avascript:alert(\'entity\')">entity link</a>'],
  ['javascript: with leading space and tab', '<a href=" java\tscript:alert(\'tab\')">tab link</a>'],
  ['vbscript: link', '<a href="vbscript:msgbox(\'vb\')">vb link</a>'],
  ['Markdown javascript: link', "[md link](javascript:alert('md'))"],
  ['Markdown reference to javascript:', "[ref link][evil]\n\n[evil]: javascript:alert('ref')"],
  ['javascript: autolink', "<javascript:alert('auto')>"],
  ['data: link to HTML', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgnZGF0YScpPC9zY3JpcHQ+">data link</a>'],
  ['data: image in HTML', '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoJ3N2ZycpPjwvc3ZnPg==" alt="svg payload">'],
  ['data: image in Markdown', '![md data](data:image/png;base64,iVBORw0KGgo=)'],
  ['style element', '<style>body { visibility: hidden } .hijacked { color: red }</style>'],
  ['style closing early into script', '<style></style><script>alert("style-escape")</script>'],
  ['style attribute', '<p style="background: url(javascript:alert(\'css\'))">Styled text</p>'],
  ['svg with script', '<svg><script>alert("svg")</script><circle r="4"/></svg>'],
  ['svg onload', '<svg onload="alert(\'svgload\')"></svg>'],
  ['math namespace confusion', '<math><mtext><table><mglyph><style><img src=images/dot.png onerror="alert(\'mxss\')">'],
  ['iframe', '<iframe src="javascript:alert(\'iframe\')"></iframe>'],
  ['object and embed', '<object data="javascript:alert(\'object\')"></object><embed src="javascript:alert(\'embed\')">'],
  ['form with javascript: action', '<form action="javascript:alert(\'form\')"><button formaction="javascript:alert(\'button\')">Send</button></form>'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(\'meta\')">'],
  ['base href', '<base href="javascript:alert(\'base\')//">'],
  ['link to a stylesheet', '<link rel="stylesheet" href="https://example.org/evil.css">'],
  ['details ontoggle', '<details open ontoggle="alert(\'toggle\')"><summary>More</summary>Hidden</details>'],
  ['input autofocus', '<input autofocus onfocus="alert(\'focus\')">'],
  ['template element', '<template><img src=images/dot.png onerror="alert(\'template\')"></template>'],
  ['noscript attribute trick', '<noscript><p title="</noscript><img src=images/dot.png onerror=alert(\'noscript\')>"></noscript>'],
  ['unclosed comment trick', '<!--<img src="--><img src=images/dot.png onerror=alert(\'comment\')//">'],
];

const URL_PROPS = ['href', 'src', 'action', 'formAction', 'data', 'cite', 'poster', 'background', 'longDesc', 'srcSet'];

let dir: string;
let html: string;
let tree: Root;
let pdfText: string;
const imageData = `data:image/png;base64,${PNG_1X1.toString('base64')}`;

beforeAll(async () => {
  dir = tempDir();
  writeFileSync(path.join(dir, 'package.json'), '{}');
  mkdirSync(path.join(dir, 'content', 'images'), { recursive: true });
  writeFileSync(path.join(dir, 'content', 'images', 'dot.png'), PNG_1X1);
  const sections = HOSTILE.map(([name, payload]) => `## ${name}\n\nBefore.\n\n${payload}\n\nAfter.\n`).join('\n');
  const text = `---\ntitle: Hostile\n---\n\nIntro with our own picture: ![A dot](images/dot.png)\n\n${sections}`;
  const { doc } = await buildText(path.join(dir, 'content'), 'hostile.md', text);
  html = doc.html;
  tree = fromHtml(html);
  pdfText = (await readPdf(doc.pdf)).text;
}, 60_000);
afterAll(() => removeDir(dir));

describe('hostile content', () => {
  it('leaves no script, frame, object, form, meta, base or link element in the page', () => {
    for (const tag of ['script', 'iframe', 'object', 'embed', 'form', 'button', 'svg', 'math', 'template', 'noscript', 'base', 'link', 'frame']) {
      expect(selectAll(tag, tree).length, tag).toBe(0);
    }
    expect(selectAll('body meta', tree)).toEqual([]);
    expect(selectAll('input', tree).every((i) => i.properties.type === 'checkbox')).toBe(true);
  });

  it('keeps only the template\'s own stylesheet, in the head', () => {
    expect(selectAll('body style', tree)).toEqual([]);
    const styles = selectAll('style', tree).map((s) => hastText(s));
    expect(styles.length).toBe(1);
    expect(styles[0]).not.toContain('hijacked');
    expect(selectAll('body [style]', tree)).toEqual([]);
  });

  it('leaves no event handler attribute anywhere', () => {
    const handlers: string[] = [];
    visit(tree, 'element', (el: Element) => {
      for (const key of Object.keys(el.properties)) if (/^on/i.test(key)) handlers.push(`${el.tagName}.${key}`);
    });
    expect(handlers).toEqual([]);
  });

  it('leaves no javascript:, vbscript: or data: URL but the image handout embedded', () => {
    const bad: string[] = [];
    visit(tree, 'element', (el: Element) => {
      for (const prop of URL_PROPS) {
        const value = el.properties[prop];
        if (value === undefined) continue;
        const url = String(value).replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
        if (/^(javascript|vbscript|data):/.test(url) && !(el.tagName === 'img' && prop === 'src' && value === imageData)) bad.push(`${el.tagName}.${prop}=${String(value).slice(0, 40)}`);
      }
    });
    expect(bad).toEqual([]);
    expect(select('img[alt="A dot"]', tree)?.properties.src).toBe(imageData);
  });

  it('prints the readable text around each payload, and none of its code', () => {
    const body = hastText(select('body', tree)!);
    for (const text of ['click me', 'case link', 'md link', 'ref link', 'Hover text', 'Styled text', 'More']) {
      expect(body, text).toContain(text);
      expect(pdfText, text).toContain(text);
    }
    // An autolink's text is what the author wrote to be read; it prints as text, never as a link.
    const autolink = "javascript:alert('auto')";
    expect(selectAll('a[href]', tree).some((a) => hastText(a).includes(autolink))).toBe(false);
    expect(body.replace(autolink, '')).not.toMatch(/alert|msgbox|hijacked|visibility/);
    expect(pdfText.replace(autolink, '')).not.toMatch(/alert|msgbox|hijacked|visibility/);
  });
});

describe('image paths', () => {
  let root: string;
  beforeAll(() => {
    root = tempDir();
    writeFileSync(path.join(root, 'package.json'), '{}');
    mkdirSync(path.join(root, 'content', 'images'), { recursive: true });
    mkdirSync(path.join(root, 'shared-images'));
    writeFileSync(path.join(root, 'shared-images', 'dot.png'), PNG_1X1);
    writeFileSync(path.join(root, 'content', 'images', 'dot.png'), PNG_1X1);
  });
  afterAll(() => removeDir(root));

  async function refusal(markdown: string): Promise<HandoutError> {
    try {
      await buildText(path.join(root, 'content'), 'pic.md', `# Pictures\n\n${markdown}\n`);
    } catch (e) {
      if (e instanceof HandoutError) return e;
      throw e;
    }
    throw new Error('the build was not refused');
  }

  it('refuses ../../etc/passwd with the file, line and reason', async () => {
    const e = await refusal('![Secrets](../../../../../../../../etc/passwd)');
    expect(e.format()).toMatch(/content\/pic\.md:3: error: image \.\.\/.*etc\/passwd is outside the project \(.+\)/);
  });

  it('refuses an absolute path outside the project, in Markdown and in raw HTML', async () => {
    expect((await refusal('![Hosts](/etc/hosts)')).format()).toMatch(/pic\.md:3: error: image \/etc\/hosts is outside the project/);
    expect((await refusal('Text\n\n<p><img src="/etc/hostname" alt="x"></p>')).format()).toMatch(/pic\.md:5: error: image \/etc\/hostname is outside the project/);
  });

  it('refuses a link inside the project that points out of it', async () => {
    symlinkSync('/etc/passwd', path.join(root, 'content', 'images', 'link.png'));
    expect((await refusal('![Link](images/link.png)')).message).toMatch(/outside the project/);
  });

  it('refuses file: URLs', async () => {
    expect((await refusal('![F](file:///etc/passwd)')).format()).toMatch(/pic\.md:3: error: image file:\/\/\/etc\/passwd is a file: URL/);
  });

  it('reads an image anywhere inside the project, also above the source\'s folder', async () => {
    const { doc } = await buildText(path.join(root, 'content'), 'ok.md', '# Pictures\n\n![Dot](../shared-images/dot.png)\n');
    expect(select('img', fromHtml(doc.html))?.properties.src).toBe(imageData);
  });

  it('never fetches a remote image: a warning with the line, and its alt text in the PDF', async () => {
    const { doc, warnings } = await buildText(path.join(root, 'content'), 'remote.md', '# Pictures\n\nSee:\n\n![A map of the clinic](https://example.invalid/map.png)\n');
    expect(warnings.list.map((w) => `${w.line}: ${w.message}`)).toEqual(['5: remote image https://example.invalid/map.png is not fetched; its alt text is printed instead']);
    expect((await readPdf(doc.pdf)).text).toContain('A map of the clinic');
  });
});
