/**
 * Files `npm run compile` writes for the renderer, found from here: this module sits two folders
 * below the package (src/render/, dist/render/), as the bundle does (dist/bundle/), so the same
 * relative path holds from each.
 */

/** Each hyphenation dictionary's patterns as JSON (scripts/hyphenationPatterns.mjs; see pdf/hyphenate.ts). */
export const HYPHENATION_PATTERNS = new URL('../../dist/hyphenation/', import.meta.url);
