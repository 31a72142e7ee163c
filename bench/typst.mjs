// @ts-check
/**
 * The same handouts in Typst: each generated Markdown file is written as Typst markup (the same
 * fonts, sizes, margins, key-points box, a table whose header repeats on every page, and a
 * "Page X of Y" footer), then compiled to PDF by one reused compiler in a fresh process.
 *
 *   node bench/typst.mjs <folder of .typ> <out folder>   compiles them; prints {"pages": n}
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

/** The font folders handout embeds from, so both tools draw the same faces. */
export function fontDirs() {
  return ['atkinson-hyperlegible-next', 'noto-sans'].flatMap((pkg) => {
    const dir = path.dirname(require.resolve(`@expo-google-fonts/${pkg}/package.json`));
    return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && /^(400Regular|400Regular_Italic|700Bold|700Bold_Italic)$/.test(e.name)).map((e) => path.join(dir, e.name));
  });
}

const escape = (s) => s.replace(/[\\*_#$\[\]<>@`~=\-+/"]/g, (c) => `\\${c}`);

/** mdast inline content → Typst markup. */
function inline(nodes) {
  return nodes.map((n) => {
    if (n.type === 'text') return escape(n.value.replace(/\s+/g, ' '));
    if (n.type === 'strong') return `#strong[${inline(n.children)}]`;
    if (n.type === 'emphasis') return `#emph[${inline(n.children)}]`;
    if ('children' in n) return inline(n.children);
    return escape(n.value ?? '');
  }).join('');
}

function block(n) {
  switch (n.type) {
    case 'heading': return `#heading(level: ${n.depth})[${inline(n.children)}]`;
    case 'paragraph': return `#par[${inline(n.children)}]`;
    case 'list': {
      const items = n.children.map((li) => `[${li.children.map((c) => (c.type === 'paragraph' ? inline(c.children) : block(c))).join(' ')}]`);
      return `#${n.ordered ? 'enum' : 'list'}(${items.join(', ')})`;
    }
    case 'table': {
      const [head, ...rows] = n.children;
      const cell = (c) => `[${inline(c.children)}]`;
      return `#table(columns: (auto, auto, 1fr), table.header(${head.children.map(cell).join(', ')}),\n${rows.map((r) => r.children.map(cell).join(', ')).join(',\n')})`;
    }
    default: return '';
  }
}

/** One generated handout (Markdown with YAML front matter) as a Typst document laid out like handout's. */
export async function toTypst(markdown) {
  const { unified } = await import('unified');
  const { default: remarkParse } = await import('remark-parse');
  const { default: remarkGfm } = await import('remark-gfm');
  const { default: remarkFrontmatter } = await import('remark-frontmatter');
  const { parse: parseYaml } = await import('yaml');
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter).parse(markdown);
  const yaml = tree.children.find((c) => c.type === 'yaml');
  const meta = yaml ? parseYaml(yaml.value) : {};
  const lang = meta.lang ?? 'en';
  const out = [
    `#set document(title: "${escape(String(meta.title))}")`,
    `#set page(paper: "us-letter", margin: (top: 0.7in, right: 0.8in, bottom: 0.85in, left: 0.8in),`,
    `  footer: context [#set text(size: 9.5pt, fill: rgb("#4a5a60")); #line(length: 100%, stroke: 0.75pt + rgb("#9fb3ba")) ${escape(String(meta.title))} · ${lang === 'es' ? 'versión' : 'version'} ${meta.version} #h(1fr) ${lang === 'es' ? 'Página' : 'Page'} #counter(page).display("1 ${lang === 'es' ? 'de' : 'of'} 1", both: true)])`,
    `#set text(font: "Atkinson Hyperlegible Next", size: 12.5pt, lang: "${lang}", fill: rgb("#1b1b1b"))`,
    '#set par(leading: 0.6em, spacing: 8pt)',
    '#show heading.where(level: 1): set text(size: 28pt, fill: rgb("#0b3f50"))',
    '#show heading.where(level: 2): set text(size: 18pt, fill: rgb("#0b3f50"))',
    '#show heading: set block(above: 18pt, below: 6pt)',
    '#set table(stroke: (x: none, y: 0.75pt + rgb("#b5c7cd")), inset: (x: 6pt, y: 5pt), fill: (_, y) => if y == 0 { rgb("#0f5c73") } else if calc.even(y) { rgb("#f3f8f9") })',
    '#show table.cell.where(y: 0): set text(fill: white, weight: "bold")',
    `#heading(level: 1)[${escape(String(meta.title))}]`,
    `#text(size: 10.5pt, fill: rgb("#3d4a4f"))[${escape(String(meta.audience ?? ''))} · ${meta.reviewed}]`,
    '#line(length: 100%, stroke: 2pt + rgb("#0f5c73"))',
  ];
  const body = tree.children.filter((c) => c.type !== 'yaml');
  for (let i = 0; i < body.length; i++) {
    const n = body[i];
    // The "Key points" section (its heading and list) is a tinted box, as in handout's template.
    if (n.type === 'heading' && /^(Key points|Puntos clave)$/.test(inline(n.children)) && body[i + 1]?.type === 'list') {
      out.push(`#block(fill: rgb("#e9f4f6"), stroke: (left: 5pt + rgb("#0f5c73")), inset: (x: 14pt, top: 8pt, bottom: 4pt), width: 100%, breakable: false)[${block({ ...n, depth: 2 })}\n${block(body[i + 1])}]`);
      i++;
      continue;
    }
    out.push(block(n));
  }
  return out.join('\n') + '\n';
}

/** Writes every .md of `content` as a .typ file in `dir`. */
export async function writeTypstCorpus(content, dir) {
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(content).filter((f) => f.endsWith('.md'))) {
    writeFileSync(path.join(dir, f.replace(/\.md$/, '.typ')), await toTypst(readFileSync(path.join(content, f), 'utf8')));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, out, compilerPath] = process.argv.slice(2);
  const { NodeCompiler } = await import(compilerPath);
  mkdirSync(out, { recursive: true });
  const compiler = NodeCompiler.create({ workspace: dir, fontArgs: [{ fontPaths: fontDirs() }] });
  let pages = 0;
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.typ')).sort()) {
    const pdf = compiler.pdf({ mainFileContent: readFileSync(path.join(dir, f), 'utf8') });
    writeFileSync(path.join(out, f.replace(/\.typ$/, '.pdf')), pdf);
    pages += Number(/\/Type\s*\/Pages[^>]*\/Count\s+(\d+)/.exec(pdf.toString('latin1'))?.[1] ?? 0);
  }
  console.log(JSON.stringify({ pages }));
}
