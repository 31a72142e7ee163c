/**
 * The date written into outputs. Never the clock: SOURCE_DATE_EPOCH when set (the convention of
 * reproducible-builds.org), otherwise the date the source says it was reviewed, otherwise a fixed date.
 */
const FIXED = new Date('2000-01-01T00:00:00Z');

export function buildDate(reviewed?: string, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  if (reviewed) return new Date(`${reviewed}T00:00:00Z`);
  return FIXED;
}
