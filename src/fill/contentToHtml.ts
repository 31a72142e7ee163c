/**
 * Content blocks (mdast) → HTML for the templates. Raw HTML in Markdown is parsed and passed
 * through a sanitiser (GitHub's schema), so content never carries script into a reader's browser.
 * Local images are embedded as data URLs: the HTML file stays self-contained and the PDF reads
 * them from the same markup.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Root as MdRoot } from 'mdast';
import type { Root as HastRoot, Element } from 'hast';
import { toHast } from 'mdast-util-to-hast';
import { raw } from 'hast-util-raw';
import { sanitize, defaultSchema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { HandoutError, type Warnings } from '../diagnostics.js';
import type { Block, Outline } from '../outline/outline.js';

const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

const schema = {
  ...defaultSchema,
  // Keep heading ids and data URLs for images we embedded ourselves.
  clobberPrefix: '',
  protocols: { ...defaultSchema.protocols, src: ['http', 'https', 'data'] },
};

export interface ContentContext {
  outline: Outline;
  /** The source file's absolute path, to resolve images against. */
  sourcePath: string;
  warnings: Warnings;
  /** Files read besides the source (images): a change to one must rebuild the handout. */
  dependencies?: string[];
  /** A missing or unsupported image: an error (default), or a warning and its alt text printed. */
  missingImages?: 'error' | 'alt';
}

export function blocksToHtml(blocks: Block[], ctx: ContentContext): string {
  if (blocks.length === 0) return '';
  const tree: MdRoot = { type: 'root', children: [...blocks, ...ctx.outline.definitions] };
  let hast = toHast(tree, { allowDangerousHtml: true }) as HastRoot;
  embedImages(hast, ctx); // before raw(), which drops source positions: errors keep their line
  hast = raw(hast) as HastRoot;
  hast = sanitize(hast, schema) as HastRoot;
  embedImages(hast, ctx); // images written as raw HTML
  return toHtml(hast);
}

function embedImages(tree: HastRoot, ctx: ContentContext): void {
  const file = ctx.outline.file;
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'img') return;
    const src = String(node.properties.src ?? '');
    const line = node.position?.start.line;
    if (!src || src.startsWith('data:')) return;
    // The PDF's Figure needs alternative text (tagged PDF, PDF/UA): a screen reader has nothing else.
    if (!String(node.properties.alt ?? '').trim()) {
      ctx.warnings.add(`image ${src} has no alt text (say what it shows: ![what it shows](${src}))`, { file, line });
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(src)) {
      // Builds are offline and reproducible: a remote image is never fetched.
      ctx.warnings.add(`remote image ${src} is not fetched; its alt text is printed instead`, { file, line });
      node.properties.dataHandoutRemote = 'true';
      return;
    }
    const target = path.resolve(path.dirname(ctx.sourcePath), decodeURIComponent(src.split(/[?#]/)[0]));
    const problem = (message: string, hint: string) => {
      if (ctx.missingImages !== 'alt') throw new HandoutError(message, { file, line }, hint);
      ctx.warnings.add(`${message}; its alt text is printed instead`, { file, line });
    };
    let bytes: Buffer;
    try {
      if (!statSync(target).isFile()) throw new Error('not a file');
      bytes = readFileSync(target);
      ctx.dependencies?.push(target);
    } catch {
      return problem(`image not found: ${src} (looked for ${target})`, 'check the path, relative to the source file');
    }
    const type = IMAGE_TYPES[path.extname(target).toLowerCase()];
    if (!type) {
      return problem(`unsupported image type: ${src}`, 'use PNG or JPEG');
    }
    node.properties.src = `data:${type};base64,${bytes.toString('base64')}`;
  });
}
