import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HandoutError, Warnings } from '../../src/diagnostics.js';
import { findSettingsFile, settingsFor, settingsKey } from '../../src/options/config.js';
import { readSource } from '../../src/read/readSource.js';
import { cliShape, frontMatterShape, configShape, PAPER_SIZES, choicesOf } from '../../src/options/schema.js';
import { optionValue } from '../../src/options/validate.js';
import { writeUnder } from '../helpers/build.js';

let dir: string;
const write = (rel: string, text: string) => writeUnder(dir, rel, text);
const errorOf = (fn: () => unknown): HandoutError => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(HandoutError);
    return e as HandoutError;
  }
  throw new Error('expected an error');
};

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'handout-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the settings file', () => {
  it('is found in the nearest folder above the source', () => {
    const config = write('clinic/handout.config.yaml', 'organisation: Lakeside Clinic\n');
    const source = write('clinic/handouts/flu/flu.md', '# Flu\n\nRest.\n');
    expect(findSettingsFile(source)).toBe(config);
    write('clinic/handouts/handout.config.json', '{ "organisation": "Nearer" }');
    expect(readSource(source, new Warnings()).meta.organisation).toBe('Nearer');
  });

  it('is under the front matter: a source overrides it key by key, glossary terms and check rules add up', () => {
    write('handout.config.yaml', [
      'organisation: Lakeside Clinic',
      'paper: a4',
      'contact: Call 555-0100',
      'glossary:',
      '  fever: A body heat above normal.',
      'checks:',
      '  long-sentence: 25',
      '  passive-voice: off',
    ].join('\n'));
    const source = write('flu.md', '---\npaper: letter\nglossary:\n  virus: A tiny germ.\nchecks:\n  long-sentence: 18\n---\n# Flu\n');
    const meta = readSource(source, new Warnings()).meta;
    expect(meta).toMatchObject({
      organisation: 'Lakeside Clinic',
      paper: 'letter',
      contact: 'Call 555-0100',
      glossary: { fever: 'A body heat above normal.', virus: 'A tiny germ.' },
      checks: { 'long-sentence': 18, 'passive-voice': 'off' },
    });
  });

  it('warns about an unknown setting with the closest known one, at its line', () => {
    write('handout.config.yaml', 'organisation: A\norganisaton: B\n');
    const warnings = new Warnings();
    readSource(write('a.md', '# A\n'), warnings);
    expect(warnings.list).toHaveLength(1);
    expect(warnings.list[0].line).toBe(2);
    expect(warnings.list[0].file).toMatch(/handout\.config\.yaml$/);
    expect(warnings.list[0].message).toBe('unknown setting "organisaton"; did you mean organisation?');
  });

  it('gives a wrong value the same message in the settings file, front matter and on the command line', () => {
    write('handout.config.yaml', 'organisation: A\npaper: a5\n');
    const config = errorOf(() => readSource(write('a.md', '# A\n'), new Warnings()));
    expect(config.file).toMatch(/handout\.config\.yaml$/);
    expect(config.line).toBe(2);
    expect(config.message).toBe('setting "paper" should be letter or a4, not "a5"; did you mean a4?');

    rmSync(path.join(dir, 'handout.config.yaml'));
    const fm = errorOf(() => readSource(write('b.md', '---\ntitle: B\npaper: a5\n---\n'), new Warnings()));
    expect(fm.line).toBe(3);
    expect(fm.message).toBe('front-matter key "paper" should be letter or a4, not "a5"; did you mean a4?');

    expect(() => optionValue('--paper', cliShape.paper)('a5')).toThrow('--paper should be letter or a4, not "a5"; did you mean a4?');
    expect(optionValue('--paper', cliShape.paper)('A4')).toBe('a4');
  });

  it('names the line of a nested mistake', () => {
    write('handout.config.yaml', 'organisation: A\ncolours:\n  brand: "#0f5c73"\n  acent: "#ff0000"\n');
    const e = errorOf(() => readSource(write('a.md', '# A\n'), new Warnings()));
    expect(e.line).toBe(4);
    expect(e.message).toMatch(/^setting "colours" should be colours named brand, accent.*, not "acent"; did you mean accent\?$/);
  });

  it('reads a glossary file and resolves the logo, both relative to the settings file', () => {
    write('clinic/terms.yml', 'fever: A body heat above normal.\n');
    write('clinic/art/logo.png', 'not really a png');
    write('clinic/handout.config.yaml', 'glossary: terms.yml\nlogo: art/logo.png\n');
    const settings = settingsFor(write('clinic/a.md', '# A\n'));
    expect(settings.settings.glossary).toEqual({ fever: 'A body heat above normal.' });
    expect(settings.settings.logo).toBe(path.join(dir, 'clinic/art/logo.png'));
    expect(settings.files).toHaveLength(3);
  });

  it('refuses a logo that does not exist, at its line', () => {
    write('handout.config.yaml', 'organisation: A\nlogo: missing.png\n');
    const e = errorOf(() => settingsFor(write('a.md', '# A\n')));
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/logo .*missing\.png does not exist/);
  });

  it('changes the cache key of its sources when it or a file it names changes', () => {
    const source = write('a.md', '# A\n');
    expect(settingsKey(source)).toBe('');
    write('terms.yml', 'fever: Hot.\n');
    write('handout.config.yaml', 'glossary: terms.yml\n');
    const first = settingsKey(source);
    write('terms.yml', 'fever: Hotter than usual.\n');
    expect(settingsKey(source)).not.toBe(first);
  });
});

describe('one schema', () => {
  it('defines the paper sizes once, for every place that takes one', () => {
    for (const shape of [cliShape, frontMatterShape, configShape]) expect(choicesOf(shape.paper)).toEqual(PAPER_SIZES);
  });

  it('has the outline helper\'s keys in front matter', () => {
    write('handout.config.yaml', '');
    const meta = readSource(write('a.md', '---\nparts: [Dystrophic, Metastatic]\ninfer: true\n---\n# A\n'), new Warnings()).meta;
    expect(meta.parts).toEqual(['Dystrophic', 'Metastatic']);
    expect(meta.infer).toBe(true);
  });
});
