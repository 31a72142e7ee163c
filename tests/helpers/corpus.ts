/** Texts for tests: the bench's generated corpus, and the source files of a folder. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './build.js';

/** The bench's generated corpus (bench/corpus.mjs), written into a folder for a test. */
export async function writeBenchCorpus(dir: string, count: number, seed = 42): Promise<void> {
  const url = pathToFileURL(path.join(ROOT, 'bench/corpus.mjs')).href;
  const { writeCorpus } = (await import(url)) as { writeCorpus: (dir: string, count: number, seed?: number) => void };
  writeCorpus(dir, count, seed);
}

/** The text of each file in `dir` whose name matches (none when the folder is missing). */
export function textFiles(dir: string, pattern: RegExp): string[] {
  try {
    return readdirSync(dir).filter((f) => pattern.test(f)).map((f) => readFileSync(path.join(dir, f), 'utf8'));
  } catch {
    return [];
  }
}
