/**
 * A fixed table that is looked up with keys taken from input (words of the source, CSS units,
 * language tags, file extensions, option names). A plain object literal answers `constructor`,
 * `toString` or `__proto__` with Object.prototype's members, which crashed a build on a document
 * holding the word "__proto__"; this table has no prototype, so every key it was not given is
 * undefined, and `in` means what it says.
 */
export function lookupTable<T>(entries: Record<string, T>): Readonly<Record<string, T | undefined>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
