/**
 * Links that work on paper: a patient holding the page cannot click "hand washing page", so each
 * external link's address is printed, after its text ("(example.org/hands)") or as a numbered note
 * listed at the end under "Links in this handout" (`links: after | notes | none`). A `tel:` link
 * prints its number and a `mailto:` link its address; a link inside the document prints nothing,
 * and neither does a link whose text already is its address. On screen the printed addresses are
 * hidden by the stylesheet: there the link itself works.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString as hastText } from 'hast-util-to-string';
import { visit, SKIP } from '../visitTree.js';
import type { LinkStyle } from '../options/schema.js';

export interface LinkNote {
  number: number;
  /** The address as printed. */
  address: string;
}

/** One document's links: how they are printed, and the notes numbered so far (shared by its blocks). */
export class PaperLinks {
  readonly notes: LinkNote[] = [];

  /** `base`: the web copy's address, against which a relative link to a sibling page is resolved. */
  constructor(readonly style: LinkStyle, private readonly base?: string) {}

  /** Adds the printed address after each link of `tree` that needs one. */
  mark(tree: Root): void {
    if (this.style === 'none') return;
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'a' || !parent || index === undefined) return;
      const address = this.addressOf(String(node.properties.href ?? ''));
      if (!address || sameText(hastText(node), address)) return SKIP;
      const printed: ElementContent =
        this.style === 'after'
          ? span('link-address', ` (${address})`)
          : span('link-note', `[${this.noteFor(address).number}]`);
      parent.children.splice(index + 1, 0, printed);
      return [SKIP, index + 2];
    });
  }

  /** What a reader types or dials to follow the link; undefined for a link inside the document. */
  addressOf(href: string): string | undefined {
    const h = href.trim();
    if (!h || h.startsWith('#')) return undefined;
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(h)?.[1]?.toLowerCase();
    if (scheme === 'tel') return decode(h.slice(4)).replace(/^\/\//, '');
    if (scheme === 'mailto') return decode(h.slice(7).split('?')[0]);
    if (scheme === 'http' || scheme === 'https') return readable(h);
    if (scheme) return undefined;
    // A relative link is another page of the same site: printable only when the site's address is known.
    const absolute = this.absolute(h);
    return absolute === h ? undefined : readable(absolute);
  }

  /** A relative link made absolute against the web copy's address, when there is one; else as it is. */
  private absolute(href: string): string {
    if (!this.base || /^[a-z][a-z0-9+.-]*:|^#/i.test(href)) return href;
    try {
      return new URL(href, this.base.endsWith('/') ? this.base : `${this.base}/`).href;
    } catch {
      return href;
    }
  }

  private noteFor(address: string): LinkNote {
    const known = this.notes.find((n) => n.address === address);
    if (known) return known;
    const note = { number: this.notes.length + 1, address };
    this.notes.push(note);
    return note;
  }
}

/** `https://www.example.org/hands/` → `www.example.org/hands`: what a person reads and types. */
function readable(url: string): string {
  return decode(url.replace(/^https?:\/\//i, '').replace(/\/$/, ''));
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function sameText(linkText: string, address: string): boolean {
  const norm = (s: string) => s.trim().toLowerCase().replace(/^(https?:\/\/|mailto:|tel:)/, '').replace(/\/$/, '').replace(/[\s().-]/g, '');
  return norm(linkText) === norm(address);
}

function span(className: string, text: string): Element {
  return { type: 'element', tagName: 'span', properties: { className: [className] }, children: [{ type: 'text', value: text }] };
}
