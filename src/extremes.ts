/**
 * The largest and smallest of a list of numbers. `Math.max(...values)` passes every value as an
 * argument, and a list as long as the input allows (a table of 190,000 rows, 400,000 headings)
 * overflows the call stack; these walk the list instead. Empty: -Infinity and Infinity, as Math's.
 */
export function largest(values: Iterable<number>): number {
  let most = -Infinity;
  for (const v of values) if (v > most || Number.isNaN(v)) most = v;
  return most;
}

export function smallest(values: Iterable<number>): number {
  let least = Infinity;
  for (const v of values) if (v < least || Number.isNaN(v)) least = v;
  return least;
}
