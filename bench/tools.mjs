// @ts-check
/**
 * The comparison tools are not dependencies of handout: the bench installs them with npm into
 * bench/.tools (git-ignored) the first time, and finds Chromium from Debian's packages.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const TOOLS = path.join(path.dirname(fileURLToPath(import.meta.url)), '.tools');
const TYPST = '@myriaddreamin/typst-ts-node-compiler@0.7.0';

/** Debian's chromium-headless-shell (the printing-only build of Chromium), else the full browser. */
export const CHROMIUM = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((f) => existsSync(f));

/** Resolves a comparison tool from bench/.tools, installing it first when it is missing. */
export function requireTool(name) {
  const require = createRequire(path.join(TOOLS, 'package.json'));
  try {
    return require.resolve(name);
  } catch {
    mkdirSync(TOOLS, { recursive: true });
    if (!existsSync(path.join(TOOLS, 'package.json'))) writeFileSync(path.join(TOOLS, 'package.json'), '{ "private": true }\n');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', TYPST], { cwd: TOOLS, stdio: 'inherit' });
    return require.resolve(name);
  }
}

export function typstCompilerPath() {
  try {
    return requireTool('@myriaddreamin/typst-ts-node-compiler');
  } catch (e) {
    console.log(`  Typst comparison skipped: could not install ${TYPST} (${e instanceof Error ? e.message : e})`);
    return undefined;
  }
}
