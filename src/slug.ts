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
  private used = new Map<string, number>();

  next(text: string): string {
    const base = slugify(text) || 'section';
    const n = this.used.get(base);
    if (n === undefined) {
      this.used.set(base, 0);
      return base;
    }
    this.used.set(base, n + 1);
    return `${base}-${n + 1}`;
  }
}
