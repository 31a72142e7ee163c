/** Build helpers for tests: temporary folders and the library's build, or the real CLI. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { execFileSync, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = path.resolve(ROOT, '../shared');

export function tempDir(prefix = 'handout-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * A fresh folder with content/ holding one good handout (good.md) and an out/ to build into: a
 * bad source is tried beside it, and the good one must still build.
 */
export function folderWithGoodHandout(good = `---\ntitle: Good handout\n---\n\nThis one is fine.\n`): { dir: string; content: string; out: string } {
  const dir = tempDir();
  const content = path.join(dir, 'content');
  mkdirSync(content);
  writeFileSync(path.join(content, 'good.md'), good);
  return { dir, content, out: path.join(dir, 'out') };
}

/** Writes `text` to `rel` under `dir`, making the folders on the way; returns the file's path. */
export function writeUnder(dir: string, rel: string, text: string): string {
  const file = path.join(dir, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the compiled command line as a user would (`npx handout ...`). After a build, every PDF in
 * its output folder is checked with qpdf --check (when installed): a PDF qpdf finds errors in fails
 * the test that built it, whatever that test looks at.
 */
export function cli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const cwd = options.cwd ?? ROOT;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/handout.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
  if (args[0] === 'build') checkPdfs(path.resolve(cwd, outDirOf(args)));
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function outDirOf(args: string[]): string {
  const i = args.findIndex((a) => a === '--out' || a === '-o');
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith('--out='))?.slice(6) ?? 'out';
}

let qpdfInstalled: boolean | undefined;

/** qpdf --check on every PDF in `dir`; throws naming the first one with errors. */
export function checkPdfs(dir: string): void {
  qpdfInstalled ??= spawnSync('sh', ['-c', 'command -v qpdf'], { stdio: 'ignore' }).status === 0;
  if (!qpdfInstalled || !existsSync(dir) || !statSync(dir).isDirectory()) return; // --out may name a file on purpose
  for (const f of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.pdf')).map((e) => e.name)) {
    try {
      execFileSync('qpdf', ['--check', path.join(dir, f)], { encoding: 'utf8' });
    } catch (e) {
      throw new Error(`qpdf --check found errors in ${path.join(dir, f)}: ${(e as { stdout?: string }).stdout ?? e}`);
    }
  }
}

/** A small solid-colour PNG (RGB), made here so tests need no image files. */
export function solidPng(width: number, height: number, rgb: [number, number, number] = [15, 92, 115]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const byte of b) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** The text of an output PDF (`slug`.pdf in `out`), as pdftotext lays it out. */
export function pdfTextIn(out: string, slug: string): string {
  return execFileSync('pdftotext', ['-layout', path.join(out, `${slug}.pdf`), '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** The text of an output HTML page, as an HTML parser reads it. */
export function htmlTextIn(out: string, file: string): string {
  return toString(fromHtml(readFileSync(path.join(out, file), 'utf8')));
}
