/**
 * Control characters in content (pasted from other systems, or planted): removed where they would
 * break a format (XML forbids most of them, HTML calls them errors), escaped where a person reads
 * them (a terminal acts on escape sequences: it can be made to hide lines, retitle a window or worse).
 */

/** C0 controls but tab, newline and carriage return; DEL; C1 controls; the noncharacters XML forbids; unpaired surrogates. */
const CONTROL = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without control characters: for metadata, XMP and HTML. */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL, '');
}

/** The text with every control character written as `\xNN` or `\uNNNN` (tab and newline too): for the terminal. */
export function escapeControlCharacters(text: string): string {
  return text.replace(/[\0-\x1F\x7F-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
