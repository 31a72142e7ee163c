/** Building one source in-process, as the build does, for tests that feed many small documents. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Warnings } from '../../src/diagnostics.js';
import { buildDocument, type BuiltDocument } from '../../src/document/buildDocument.js';
import { loadTemplates, type TemplateSet } from '../../src/fill/templates.js';

/** A valid 1×1 PNG. */
export const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let templates: TemplateSet | undefined;
export function builtinTemplates(): TemplateSet {
  return (templates ??= loadTemplates([]));
}

/** Writes `text` to `dir/name` and builds it; the warnings come back with the document. */
export async function buildText(dir: string, name: string, text: string | Buffer): Promise<{ doc: BuiltDocument; warnings: Warnings }> {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  const warnings = new Warnings();
  const doc = await buildDocument(file, builtinTemplates(), {}, warnings);
  return { doc, warnings };
}
