/** A URL- and file-safe name: "Key points: Ça va?" → "key-points-ca-va". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Make slugs unique within one document, as GitHub does for heading anchors: a, a-1, a-2. */
export class SlugCounter {
  private taken = new Set<string>();
  private suffix = new Map<string, number>();

  next(text: string): string {
    const base = slugify(text) || 'section';
    // "A", "A", "A 1" must not give a, a-1, a-1: skip suffixes another heading already took.
    let n = this.suffix.get(base) ?? 0;
    let slug = base;
    while (this.taken.has(slug)) slug = `${base}-${++n}`;
    this.suffix.set(base, n);
    this.taken.add(slug);
    return slug;
  }
}
