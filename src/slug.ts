/** A URL- and file-safe name: "Key points: Ça va?" → "key-points-ca-va". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The longest output name, in UTF-8 bytes: a file name holds 255, and the longest a build writes
 * is `.<slug>.summary.html.handout-<pid>.tmp` (the temporary file renamed into place).
 */
export const MAX_OUTPUT_NAME_BYTES = 200;

/**
 * A source's output name: its slug, cut at a hyphen to fit `MAX_OUTPUT_NAME_BYTES` (a file name of
 * 250 characters made names the system refused, ENAMETOOLONG, as an internal error).
 */
export function outputName(text: string): string {
  const slug = slugify(text);
  if (Buffer.byteLength(slug) <= MAX_OUTPUT_NAME_BYTES) return slug;
  let cut = '';
  for (const ch of slug) {
    if (Buffer.byteLength(cut + ch) > MAX_OUTPUT_NAME_BYTES) break;
    cut += ch;
  }
  const atHyphen = cut.lastIndexOf('-');
  return atHyphen > MAX_OUTPUT_NAME_BYTES / 2 ? cut.slice(0, atHyphen) : cut;
}

/** Make slugs unique within one document, as GitHub does for heading anchors: a, a-1, a-2. */
export class SlugCounter {
  private taken = new Set<string>();
  private suffix = new Map<string, number>();

  next(text: string): string {
    // An id opens with a letter, as pandoc writes them (html-validate's valid-id refuses "24-hours-later"):
    // "1. Before the operation" is before-the-operation; "2024" alone is section.
    const base = slugify(text).replace(/^[^\p{L}]+/u, '') || 'section';
    // "A", "A", "A 1" must not give a, a-1, a-1: skip suffixes another heading already took.
    let n = this.suffix.get(base) ?? 0;
    let slug = base;
    while (this.taken.has(slug)) slug = `${base}-${++n}`;
    this.suffix.set(base, n);
    this.taken.add(slug);
    return slug;
  }

  /** The slugs taken so far, to go back to (`restore`) when a tentative choice is dropped. */
  mark(): { taken: Set<string>; suffix: Map<string, number> } {
    return { taken: new Set(this.taken), suffix: new Map(this.suffix) };
  }

  restore(mark: { taken: Set<string>; suffix: Map<string, number> }): void {
    this.taken = new Set(mark.taken);
    this.suffix = new Map(mark.suffix);
  }
}
