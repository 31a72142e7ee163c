// @ts-check
/** The load hook of moduleLog.mjs (module hooks run on a thread of their own). */
import { appendFileSync } from 'node:fs';

/** @type {import('node:module').LoadHook} */
export async function load(url, context, nextLoad) {
  if (process.env.MODULE_LOG && !url.startsWith('node:')) appendFileSync(process.env.MODULE_LOG, `${url}\n`);
  return nextLoad(url, context);
}
