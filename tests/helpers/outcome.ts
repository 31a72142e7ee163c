/**
 * What a call gives: its value, or the message it throws. Property tests compare a parser with the
 * reference by outcome: the development build of mdast-util-gfm-task-list-item (which vitest loads)
 * asserts on "*\n[x] a" (an empty item over a task's box) in remark-gfm as in ours; the published
 * build checks nothing there, and both give the same tree (see tests/property/*Constructs.test.ts).
 */
export function outcome<T>(call: () => T): T | { throws: string } {
  try {
    return call();
  } catch (e) {
    return { throws: (e as Error).message };
  }
}
