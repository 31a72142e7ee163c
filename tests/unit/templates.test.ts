import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadTemplates } from '../../src/fill/templates.js';

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
