/** SHA-256 of a list of parts (each followed by a NUL, so ["ab", "c"] and ["a", "bc"] differ), as hex. */
import { createHash } from 'node:crypto';

export function hashBytes(...parts: (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(p);
    h.update('\0');
  }
  return h.digest('hex');
}
