import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeText, readSource } from '../../src/read/readSource.js';
import { parseSource } from '../../src/parse/parseSource.js';
import { toString } from 'mdast-util-to-string';
import { HandoutError, Warnings } from '../../src/diagnostics.js';

describe('decodeText', () => {
  it('reads the curly quotes, dashes and euro sign of Windows-1252 text', () => {
    const w = new Warnings();
    expect(decodeText(Buffer.from([0x93, 0x71, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35]), 'x.txt', w)).toBe('\u201cq\u201d \u2013 \u20ac5');
    expect(w.list).toHaveLength(1);
  });

  it('rejects a file with a NUL byte as binary, saying which byte', () => {
    const warnings = new Warnings();
    const bytes = Buffer.from([0x68, 0x69, 0x00, 0x21]);
    expect(() => decodeText(bytes, 'x.md', warnings)).toThrow(HandoutError);
    expect(() => decodeText(bytes, 'x.md', warnings)).toThrow(/binary.*NUL byte at byte 3\)/);
  });

  it('decodes valid UTF-8 without warnings', () => {
    const warnings = new Warnings();
    expect(decodeText(Buffer.from('café ✓', 'utf8'), 'x.md', warnings)).toBe('café ✓');
    expect(warnings.list).toEqual([]);
  });

  it('falls back to Windows-1252 for invalid UTF-8 and warns with the line', () => {
    const warnings = new Warnings();
    const text = decodeText(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'x.txt', warnings);
    expect(text).toBe('café');
    expect(warnings.list).toHaveLength(1);
    expect(warnings.list[0]).toMatchObject({ file: 'x.txt', line: 1 });
    expect(warnings.list[0].message).toMatch(/Windows-1252/);
  });

  it('puts the warning on the line of the first invalid byte', () => {
    const warnings = new Warnings();
    const bytes = Buffer.concat([Buffer.from('one\ntwo\n'), Buffer.from([0x6e, 0xe4, 0x68])]);
    expect(decodeText(bytes, 'x.txt', warnings)).toBe('one\ntwo\nnäh');
    expect(warnings.list[0].line).toBe(3);
  });

  it('strips a byte-order mark and normalises CRLF and CR to LF', () => {
    const warnings = new Warnings();
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a\r\nb\rc\n')]);
    expect(decodeText(bytes, 'x.md', warnings)).toBe('a\nb\nc\n');
  });
});

describe('readSource', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'handout-read-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const write = (name: string, content: string | Buffer) => {
    const p = path.join(dir, name);
    writeFileSync(p, content);
    return p;
  };

  it('rejects an empty (or blank) file', () => {
    expect(() => readSource(write('empty.md', ''), new Warnings())).toThrow(/empty/);
    expect(() => readSource(write('blank.txt', ' \n\n\t\n'), new Warnings())).toThrow(/empty/);
  });

  it('rejects an unsupported extension such as .docx', () => {
    const p = write('letter.docx', 'PK not really a docx');
    let err: unknown;
    try {
      readSource(p, new Warnings());
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HandoutError);
    expect((err as HandoutError).hint).toMatch(/\.md.*\.txt/);
  });

  it('reports a missing file as a HandoutError, not a raw exception', () => {
    expect(() => readSource(path.join(dir, 'missing.md'), new Warnings())).toThrow(HandoutError);
  });

  it('takes the slug from the file name', () => {
    const src = readSource(write('My Asthma Plan.md', '# Hello\n'), new Warnings());
    expect(src.slug).toBe('my-asthma-plan');
    expect(src.format).toBe('markdown');
    expect(src.text).toBe('# Hello\n');
    expect(src.meta).toEqual({ lang: 'en', keywords: [] });
  });

  it('takes the slug from front matter `slug:` when given', () => {
    const text = '---\nslug: Custom Name\ntitle: T\n---\n# Hello\n';
    const src = readSource(write('whatever.md', text), new Warnings());
    expect(src.slug).toBe('custom-name');
    expect(src.meta.title).toBe('T');
    // The whole text is kept, front matter included, so parser lines are file lines.
    expect(src.text).toBe(text);
  });

  it('reads front matter in plain text too; the body stays plain text', () => {
    const src = readSource(write('plain-notes.TXT', '---\nslug: Other name\ntitle: Notes *for* you\n---\nText with *stars*\n'), new Warnings());
    expect(src.format).toBe('text');
    expect(src.slug).toBe('other-name');
    expect(src.meta.title).toBe('Notes *for* you');
    const tree = parseSource(src);
    expect(tree.children).toHaveLength(1);
    expect(tree.children[0].position?.start.line).toBe(5);
    expect(toString(tree)).toBe('Text with *stars*');
  });

  it('reads a plain text that opens with dashes that never close as prose', () => {
    const src = readSource(write('dashes.txt', '---\nA line of prose.\n'), new Warnings());
    expect(src.meta.title).toBeUndefined();
    expect(toString(parseSource(src))).toContain('A line of prose.');
  });

  it('reports a wrong front-matter value in plain text at its line', () => {
    expect(() => readSource(write('bad.txt', '---\ntitle: T\npaper: legal\n---\nText\n'), new Warnings())).toThrow(/bad\.txt|paper/);
    try {
      readSource(write('bad.txt', '---\ntitle: T\npaper: legal\n---\nText\n'), new Warnings());
    } catch (e) {
      expect((e as HandoutError).line).toBe(3);
      expect((e as HandoutError).message).toBe('front-matter key "paper" should be letter or a4, not "legal"');
    }
  });

  it('reads the language and a stated review date from the text when the settings give neither', () => {
    const body = 'Revisado el 3 de mayo de 2025\n\nLa diabetes es una enfermedad que dura toda la vida. Su cuerpo no produce suficiente insulina o no la usa bien. Con una buena alimentación, ejercicio y los medicamentos que le indique su médico, puede llevar una vida normal y evitar problemas en los ojos, los riñones y los pies.\n';
    const read = readSource(write('diabetes.txt', body), new Warnings());
    expect(read.meta).toMatchObject({ lang: 'es', langDetected: true, reviewed: '2025-05-03', reviewedLine: 1 });
    const given = readSource(write('given.txt', `---\nlang: en\nreviewed: 2026-01-05\n---\n${body}`), new Warnings());
    expect(given.meta.lang).toBe('en');
    expect(given.meta.reviewed).toBe('2026-01-05');
    expect(given.meta.langDetected ?? false).toBe(false);
    expect(given.meta.reviewedLine).toBeUndefined();
  });
});
