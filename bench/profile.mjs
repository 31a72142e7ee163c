// @ts-check
/** Where handout's time goes: a V8 CPU profile (node --cpu-prof) summed by package and by handout's own stage. */
import { readFileSync } from 'node:fs';

/** What a profile node's script is, in words: a package, a folder of handout, Node itself, or the engine. */
function category(url, name) {
  if (name === '(garbage collector)') return 'garbage collection';
  if (name === '(program)') return 'native (V8, pdfkit zlib …)';
  if (name === '(idle)') return 'idle (waiting)';
  if (!url) return 'native (V8, pdfkit zlib …)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const own = /\/dist\/(.+)\/[^/]+\.js$/.exec(url) ?? /\/dist\/([^/]+)\.js$/.exec(url);
  if (own) return `handout ${own[1]}`;
  if (url.startsWith('node:')) return 'node built-ins (modules, fs)';
  return 'other';
}

/** Milliseconds of self time per category, largest first. */
export function timeByCategory(file) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const key = category(node.callFrame.url, node.callFrame.functionName);
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1]);
}
