import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadTemplates } from '../../src/fill/templates.js';
import { hashBytes } from '../../src/hash.js';
import { ROOT } from '../helpers/build.js';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('loadTemplates', () => {
  it('loading again after a template or partial changed renders the change (compiled templates are reused only while unchanged)', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'handout-templates-'));
    mkdirSync(path.join(dir, 'partials'));
    const page = path.join(dir, 'note.hbs');
    const partial = path.join(dir, 'partials', 'sign.hbs');
    writeFileSync(page, '<p>{{title}} {{> sign}}</p>');
    writeFileSync(partial, '<i>first</i>');
    const render = () => loadTemplates([dir!]).render('note', { title: 'Rest' });
    expect(render()).toContain('<p>Rest <i>first</i></p>');
    expect(render()).toContain('<p>Rest <i>first</i></p>');
    writeFileSync(partial, '<i>second</i>');
    expect(render()).toContain('<p>Rest <i>second</i></p>');
    writeFileSync(page, '<h1>{{title}}</h1>');
    expect(render()).toContain('<h1>Rest</h1>');
  });

  it('a template that turns escaping off is reported on every load, not only the first', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'handout-templates-'));
    writeFileSync(path.join(dir, 'note.hbs'), '<p>{{{meta.title}}}</p>');
    for (let i = 0; i < 2; i++) expect(loadTemplates([dir]).warnings.map((w) => w.message).join('\n')).toContain('{{{meta.title}}}');
  });
});

describe('templates compiled ahead (dist/templates.json, made by npm run compile)', () => {
  const table = path.join(ROOT, 'dist', 'templates.json');

  // Made by npm run compile, which npm test runs first.
  it.skipIf(!existsSync(table))('holds every built-in template and partial, by the hash of its text', () => {
    const { templates } = JSON.parse(readFileSync(table, 'utf8')) as { templates: Record<string, unknown> };
    for (const folder of [path.join(ROOT, 'templates'), path.join(ROOT, 'templates', 'partials')]) {
      for (const name of readdirSync(folder).filter((f) => f.endsWith('.hbs'))) {
        expect(templates[hashBytes(readFileSync(path.join(folder, name), 'utf8'))], name).toBeDefined();
      }
    }
  });

  it('a template that differs from the built-in one by a byte is compiled from its own text', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'handout-templates-'));
    const builtin = readFileSync(path.join(ROOT, 'templates', 'partials', 'running-footer.hbs'), 'utf8');
    mkdirSync(path.join(dir, 'partials'));
    writeFileSync(path.join(dir, 'partials', 'running-footer.hbs'), `${builtin}<span>edited footer</span>`);
    writeFileSync(path.join(dir, 'note.hbs'), '<main>{{> running-footer}}</main>');
    expect(loadTemplates([dir]).render('note', { title: 'Rest', meta: {} })).toContain('<span>edited footer</span>');
  });
});
