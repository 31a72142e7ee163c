/** The bench's generated corpus (bench/corpus.mjs), written into a folder for a test. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './build.js';

export async function writeBenchCorpus(dir: string, count: number, seed = 42): Promise<void> {
  const url = pathToFileURL(path.join(ROOT, 'bench/corpus.mjs')).href;
  const { writeCorpus } = (await import(url)) as { writeCorpus: (dir: string, count: number, seed?: number) => void };
  writeCorpus(dir, count, seed);
}
