/**
 * Errors and warnings a user can act on: each names the file (and line where there is one)
 * and says what to do. Content and template mistakes are HandoutErrors, never stack traces.
 */

import { escapeControlCharacters } from './controlCharacters.js';

export interface Location {
  file: string;
  line?: number;
  column?: number;
}

export class HandoutError extends Error {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly hint?: string;

  constructor(message: string, where: Location, hint?: string) {
    super(message);
    this.name = 'HandoutError';
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
    this.hint = hint;
  }

  /** `file:line:column: message (hint)`, the shape editors and terminals make clickable. */
  format(): string {
    return formatMessage('error', this.message, this, this.hint);
  }
}

export interface Warning extends Location {
  message: string;
}

/** Messages quote content (file names, front-matter keys, text): its control characters are escaped, so none reaches the terminal. */
export function formatMessage(kind: 'error' | 'warning', message: string, where: Location, hint?: string): string {
  let place = where.file;
  if (where.line !== undefined) place += `:${where.line}`;
  if (where.line !== undefined && where.column !== undefined) place += `:${where.column}`;
  return escapeControlCharacters(`${place}: ${kind}: ${message}${hint ? ` (${hint})` : ''}`);
}

/** Collects warnings for one document; the same warning is kept once. */
export class Warnings {
  readonly list: Warning[] = [];
  private seen = new Set<string>();

  add(message: string, where: Location): void {
    const key = `${where.file}:${where.line ?? ''}:${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ ...where, message });
  }
}
