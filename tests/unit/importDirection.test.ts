/**
 * Imports run one way: cli and dev → collection (and packet) → document → the stages (read, parse,
 * outline, fill, render, check, options and the shared modules at the top of src/). A module may
 * import its own layer or one below, never one above: a stage never reaches into the collection
 * runner or the command line, so each can be tested and reused without them. Every import counts,
 * type-only and dynamic ones too, read from the sources as written.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build.js';

const SRC = path.join(ROOT, 'src');

/**
 * Higher layers may import lower ones. index.ts is the library's front door: it exports every layer.
 * entry.ts is what the bundle runs: the command line, or a render worker on a worker thread.
 */
function layerOf(file: string): { name: string; rank: number } {
  const [top] = file.split('/');
  if (file === 'entry.ts') return { name: 'entry', rank: 5 };
  if (file === 'cli.ts' || top === 'cli' || file === 'index.ts') return { name: 'cli', rank: 4 };
  if (top === 'dev') return { name: 'dev', rank: 3 };
  if (top === 'collection' || top === 'packet') return { name: top, rank: 2 };
  if (top === 'document') return { name: 'document', rank: 1 };
  return { name: file.includes('/') ? top : 'shared', rank: 0 };
}

/** Relative module specifiers a source imports: static, `import type`, `export … from`, dynamic `import()`. */
function importsOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const specifiers: string[] = [];
  for (const m of code.matchAll(/\b(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\bimport\s+['"]([^'"]+)['"]/g)) {
    specifiers.push(m[1] ?? m[2] ?? m[3]);
  }
  return specifiers.filter((s) => s.startsWith('.'));
}

/** Each import that goes up a layer, as "from → to". `files`: paths relative to src/ with their text. */
function upwardImports(files: Map<string, string>): string[] {
  const found: string[] = [];
  for (const [file, text] of files) {
    const from = layerOf(file);
    for (const spec of importsOf(text)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.js$/, '.ts');
      if (target.startsWith('..')) continue; // outside src/ (none today)
      const to = layerOf(target);
      if (to.rank > from.rank) found.push(`${file} (${from.name}) → ${target} (${to.name})`);
    }
  }
  return found;
}

function sources(dir = SRC): Map<string, string> {
  const files = new Map<string, string>();
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !e.name.endsWith('.ts') || e.name.endsWith('.d.ts')) continue;
    const full = path.join(e.parentPath, e.name);
    files.set(path.relative(SRC, full).split(path.sep).join('/'), readFileSync(full, 'utf8'));
  }
  return files;
}

describe('imports run one way', () => {
  it('no module of src/ imports a layer above its own', () => {
    const files = sources();
    expect(files.size).toBeGreaterThan(50);
    expect(upwardImports(files)).toEqual([]);
  });

  it('the rule catches each kind of import that goes up', () => {
    const files = new Map([
      ['check/runCheck.ts', "import { discoverSources } from '../collection/discover.js';"],
      ['render/pdf/x.ts', "import type { BuildOptions } from '../../collection/build.js';"],
      ['fill/y.ts', "export { runBuild } from '../cli/buildCommand.js';"],
      ['dev/devServer.ts', "const { runBuild } = await import('../cli/buildCommand.js');"],
      ['document/z.ts', "import {\n  build,\n  type BuildReport,\n} from '../collection/build.js';"],
      // Going down, or within a layer, is fine:
      ['collection/build.ts', "import { renderDocument } from '../document/renderDocument.js';\nimport { x } from './cache.js';"],
      ['packet/packet.ts', "import { discoverSources } from '../collection/discover.js';"],
      ['outline/a.ts', "// import { build } from '../collection/build.js';\nimport { slugify } from '../slug.js';"],
    ]);
    expect(upwardImports(files)).toEqual([
      'check/runCheck.ts (check) → collection/discover.ts (collection)',
      'render/pdf/x.ts (render) → collection/build.ts (collection)',
      'fill/y.ts (fill) → cli/buildCommand.ts (cli)',
      'dev/devServer.ts (dev) → cli/buildCommand.ts (cli)',
      'document/z.ts (document) → collection/build.ts (collection)',
    ]);
  });
});
