import { describe, it, expect } from 'vitest';
import { parseFrontMatter, findFrontMatter, closest } from '../../src/read/frontMatter.js';
import { HandoutError, Warnings } from '../../src/diagnostics.js';

const FILE = 'notes/handout.md';

function parse(text: string, warnings = new Warnings()) {
  return parseFrontMatter(text, FILE, warnings);
}

/** The HandoutError thrown by parsing `text`; fails the test when nothing (or something else) is thrown. */
function errorOf(text: string): HandoutError {
  try {
    parse(text);
  } catch (e) {
    expect(e).toBeInstanceOf(HandoutError);
    return e as HandoutError;
  }
  throw new Error('expected parseFrontMatter to throw');
}

describe('parseFrontMatter: values', () => {
  it('returns defaults when there is no front matter', () => {
    expect(parse('# Just a heading\n\nText.\n')).toEqual({ lang: 'en', keywords: [] });
  });

  it('reads the known keys', () => {
    const meta = parse(
      '---\ntitle: Living with asthma\nsubtitle: A guide\naudience: Patients\nlang: es-MX\nauthor: Dr Who\n' +
        'reviewed: 2024-02-29\npaper: A4\nkeywords: [lungs, breathing]\n---\nBody\n',
    );
    expect(meta).toEqual({
      title: 'Living with asthma',
      subtitle: 'A guide',
      audience: 'Patients',
      lang: 'es-MX',
      author: 'Dr Who',
      reviewed: '2024-02-29',
      paper: 'a4',
      keywords: ['lungs', 'breathing'],
    });
  });

  it('keeps `version: 1.10` as written, not 1.1', () => {
    expect(parse('---\nversion: 1.10\n---\n').version).toBe('1.10');
    expect(parse('---\nversion: 2\n---\n').version).toBe('2');
  });

  it('maps aliases onto the canonical keys', () => {
    const meta = parse('---\nlanguage: fr\norganization: St Elsewhere\ntags: a, b\n---\n');
    expect(meta.lang).toBe('fr');
    expect(meta.organisation).toBe('St Elsewhere');
    expect(meta.keywords).toEqual(['a', 'b']);
    expect(meta).not.toHaveProperty('organization');
    expect(meta).not.toHaveProperty('language');
  });

  it('accepts keys and aliases in any letter case', () => {
    const meta = parse('---\nTitle: Upper\nLanguage: de\n---\n');
    expect(meta.title).toBe('Upper');
    expect(meta.lang).toBe('de');
  });

  it('splits a comma-separated keywords string and drops empty entries', () => {
    expect(parse('---\nkeywords: a, b, ,c\n---\n').keywords).toEqual(['a', 'b', 'c']);
  });

  it('turns numbers in a keywords list into strings', () => {
    expect(parse('---\nkeywords: [diabetes, 2]\n---\n').keywords).toEqual(['diabetes', '2']);
  });

  it('slugifies `slug:`', () => {
    expect(parse('---\nslug: Key Points Ça va\n---\n').slug).toBe('key-points-ca-va');
  });

  it('skips empty values', () => {
    expect(parse('---\ntitle:\nauthor: ""\n---\n')).toEqual({ lang: 'en', keywords: [] });
  });

  it('accepts an empty front matter block and one closed with `...`', () => {
    expect(parse('---\n---\nBody\n')).toEqual({ lang: 'en', keywords: [] });
    expect(parse('---\ntitle: Dots\n...\nBody\n').title).toBe('Dots');
  });
});

describe('parseFrontMatter: warnings', () => {
  it('warns about an unknown key, suggesting the closest known key, at its file line', () => {
    const warnings = new Warnings();
    const meta = parse('---\ntitle: T\ntitel: Typo\n---\n', warnings);
    expect(meta.title).toBe('T');
    expect(warnings.list).toHaveLength(1);
    expect(warnings.list[0]).toMatchObject({ file: FILE, line: 3 });
    expect(warnings.list[0].message).toContain('"titel"');
    expect(warnings.list[0].message).toContain('did you mean title?');
  });

  it('warns without a suggestion when nothing is close', () => {
    const warnings = new Warnings();
    parse('---\nfavourite_colour: blue\n---\n', warnings);
    expect(warnings.list).toHaveLength(1);
    expect(warnings.list[0].line).toBe(2);
    expect(warnings.list[0].message).not.toContain('did you mean');
  });
});

describe('parseFrontMatter: errors', () => {
  it('rejects unterminated front matter at line 1', () => {
    const e = errorOf('---\ntitle: Never closed\n\nBody text\n');
    expect(e.line).toBe(1);
    expect(e.file).toBe(FILE);
    expect(e.message).toMatch(/never ends/);
  });

  it('rejects a reviewed date that is not a date, naming the key and its line', () => {
    const e = errorOf('---\ntitle: T\nreviewed: next week\n---\n');
    expect(e.message).toContain('"reviewed"');
    expect(e.message).toContain('YYYY-MM-DD');
    expect(e.line).toBe(3);
    expect(e.file).toBe(FILE);
  });

  it('rejects an impossible calendar date', () => {
    const e = errorOf('---\nreviewed: 2023-02-29\n---\n');
    expect(e.message).toContain('"reviewed"');
    expect(e.line).toBe(2);
  });

  it('rejects an invalid language tag, counting blank lines in the YAML', () => {
    const e = errorOf('---\n\n\nlang: english\n---\n');
    expect(e.message).toContain('"lang"');
    expect(e.line).toBe(4);
  });

  it('rejects a keywords mapping', () => {
    const e = errorOf('---\ntitle: T\nkeywords:\n  a: 1\n---\n');
    expect(e.message).toContain('"keywords"');
    expect(e.line).toBe(3);
  });

  it('rejects a title that is a list and an unknown paper size', () => {
    expect(errorOf('---\ntitle: [a, b]\n---\n').message).toContain('"title"');
    const paper = errorOf('---\npaper: tabloid\n---\n');
    expect(paper.message).toContain('letter or a4');
  });

  it('reports YAML syntax errors at the file line of the problem', () => {
    const e = errorOf('---\ntitle: A\nkeywords: [a, b\n---\n');
    expect(e.message).toMatch(/^invalid front matter/);
    expect(e.line).toBe(3);
  });

  it('reports a duplicate key at the line of the repeat', () => {
    const e = errorOf('---\ntitle: A\ntitle: B\n---\n');
    expect(e.line).toBe(3);
  });

  it('rejects front matter that is not a mapping', () => {
    const e = errorOf('---\n- a\n- b\n---\n');
    expect(e.line).toBe(2);
  });
});

describe('parseFrontMatter: TOML (Hugo, between +++ lines)', () => {
  it('reads the same keys as YAML, dates as written, numbers as written', () => {
    const meta = parse('+++\ntitle = "Living with asthma"\nreviewed = 2024-02-29\nversion = 1.10\npaper = "A4"\nkeywords = ["lungs", "breathing"]\n+++\nBody\n');
    expect(meta).toEqual({ title: 'Living with asthma', reviewed: '2024-02-29', version: '1.10', paper: 'a4', keywords: ['lungs', 'breathing'], lang: 'en' });
  });

  it('warns about an unknown key at its line, and a wrong value or a TOML error is an error at its line', () => {
    const warnings = new Warnings();
    parse('+++\ntitle = "A"\ntitel = "B"\n+++\n', warnings);
    expect(warnings.list).toEqual([expect.objectContaining({ file: FILE, line: 3, message: expect.stringContaining('did you mean title') })]);
    expect(errorOf('+++\ntitle = "A"\npaper = "tabloid"\n+++\n')).toMatchObject({ line: 3, message: expect.stringContaining('paper') });
    expect(errorOf('+++\ntitle = "A"\ntitle = "B"\n+++\n')).toMatchObject({ line: 3, message: expect.stringMatching(/^invalid front matter/) });
    expect(errorOf('+++\ntitle = "A"\n')).toMatchObject({ line: 1, message: expect.stringContaining('+++') });
  });
});

describe('findFrontMatter', () => {
  it('finds the fence lines', () => {
    expect(findFrontMatter('---\na: 1\nb: 2\n---\nbody')).toEqual({ yaml: 'a: 1\nb: 2', firstLine: 1, lastLine: 4, format: 'yaml' });
  });

  it('finds TOML front matter between +++ lines (Hugo)', () => {
    expect(findFrontMatter('+++\na = 1\n+++\nbody')).toEqual({ yaml: 'a = 1', firstLine: 1, lastLine: 3, format: 'toml' });
  });

  it('ignores text that does not start with a fence', () => {
    expect(findFrontMatter('\n---\na: 1\n---\n')).toBeUndefined();
    expect(findFrontMatter('Intro\n---\n')).toBeUndefined();
  });
});

describe('closest', () => {
  const keys = ['title', 'subtitle', 'lang', 'keywords', 'reviewed'];
  it('suggests a near miss', () => {
    expect(closest('titel', keys)).toBe('title');
    expect(closest('keywrods', keys)).toBe('keywords');
    expect(closest('REVEIWED', keys)).toBe('reviewed');
  });

  it('suggests nothing for an unrelated word', () => {
    expect(closest('favourite', keys)).toBeUndefined();
    expect(closest('zzz', keys)).toBeUndefined();
  });
});

describe('parseFrontMatter: the outline inference', () => {
  it('`parts:` names the parts, in the order given', () => {
    expect(parse('---\nparts: [wet, dry, mixed]\n---\nBody\n').parts).toEqual(['wet', 'dry', 'mixed']);
  });

  it('`parts:` needs a list of names, with the line of the key', () => {
    const e = errorOf('---\ntitle: Eyes\nparts: 3\n---\nBody\n');
    expect(e.message).toMatch(/parts/);
    expect(e.line).toBe(3);
  });

  it('`infer: false` turns the inference off', () => {
    expect(parse('---\ninfer: false\n---\nBody\n').infer).toBe(false);
    expect(parse('---\ninfer-sections: true\n---\nBody\n').inferSections).toBe(true);
  });
});
