/**
 * The hyphenation dictionaries are read as JSON written at compile time (dist/hyphenation/,
 * scripts/hyphenationPatterns.mjs) instead of the `hyphen` package's pattern modules. Held here:
 * every JSON file holds its module's data exactly, and the hyphenators made from it split words
 * where the package's own language entries split them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hyphenatorFor } from '../../src/render/pdf/hyphenate.js';
import { HYPHENATION_PATTERNS } from '../../src/render/compiledFiles.js';
import { ROOT } from '../helpers/build.js';
import { textFiles } from '../helpers/corpus.js';

const require = createRequire(path.join(ROOT, 'package.json'));
const JSON_DIR = path.join(ROOT, 'dist', 'hyphenation');
const SOFT_HYPHEN = '\u00ad';

describe('hyphenation patterns as JSON', () => {
  it('holds each pattern module of the package, data for data, and every module that loads has one', () => {
    const modules = readdirSync(path.join(path.dirname(require.resolve('hyphen/package.json')), 'patterns')).filter((f) => f.endsWith('.js'));
    const written = readdirSync(JSON_DIR);
    expect(written.length).toBeGreaterThan(70);
    // Where hyphenate.ts looks for them (else it quietly falls back to the package's modules).
    expect(fileURLToPath(HYPHENATION_PATTERNS)).toBe(`${JSON_DIR}${path.sep}`);
    for (const file of modules) {
      let patterns: unknown;
      try {
        patterns = require(`hyphen/patterns/${file}`);
      } catch {
        expect(written).not.toContain(file.replace(/\.js$/, '.json')); // the module itself fails to load
        continue;
      }
      const bytes = readFileSync(path.join(JSON_DIR, file.replace(/\.js$/, '.json')));
      expect(bytes.every((b) => b < 0x80), `${file}: ASCII`).toBe(true);
      expect(JSON.parse(bytes.toString('latin1')), file).toEqual(patterns);
    }
  });

  it("splits words where the package's language entries split them", () => {
    const samples: Record<string, string> = {
      en: 'hyphenation pneumonoultramicroscopic antidisestablishmentarianism acetaminophen hydroxychloroquine',
      es: 'desafortunadamente electroencefalograma otorrinolaringología',
      de: 'Donaudampfschifffahrtsgesellschaft Krankenversicherung',
      fr: 'anticonstitutionnellement hospitalisation',
      pt: 'inconstitucionalissimamente',
      ru: 'достопримечательность',
    };
    const codes: Record<string, string> = { en: 'en-us', es: 'es', de: 'de-1996', fr: 'fr', pt: 'pt', ru: 'ru' };
    const corpus = path.join(ROOT, '..', 'shared', 'corpus', 'plain');
    const corpusWords = existsSync(corpus) ? textFiles(corpus, /\.txt$/).flatMap((text) => text.match(/\p{L}{8,}/gu) ?? []).slice(0, 3000) : [];
    for (const [lang, words] of Object.entries(samples)) {
      const own = hyphenatorFor(lang)!;
      const { hyphenateSync } = require(`hyphen/${codes[lang]}`) as { hyphenateSync: (t: string, o: object) => string };
      for (const word of [...words.split(' '), ...(lang === 'en' ? corpusWords : [])]) {
        expect(own(word), `${lang}: ${word}`).toEqual(hyphenateSync(word, { hyphenChar: SOFT_HYPHEN }).split(SOFT_HYPHEN));
      }
    }
  });
});
