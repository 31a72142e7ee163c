/**
 * Check settings: the `checks` option (library API, as handout.config.yaml's `checks:` reaches it)
 * validated by one schema, and a `<!-- handout-disable rule -->` comment in a Markdown source.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkOutline } from '../../src/check/checkHandout.js';
import { parseCheckSettings } from '../../src/check/checkSettings.js';
import { HandoutError } from '../../src/diagnostics.js';
import { outlineFrom } from '../helpers/check.js';
import { loadPronunciations } from '../../src/check/counting.js';

// English syllables come from the CMU dictionary, which a check loads before it counts.
beforeAll(loadPronunciations);

const LONG = 'You should take each of the small white pills that your doctor gave you with a full glass of water every single morning.';
const TEXT = `# Pills\n\n${LONG}\n\nHowever, you must provide your list of medicines. The form is signed by the nurse.\n`;

function check(text: string, checks?: unknown) {
  return checkOutline(outlineFrom(text), '/nowhere/a.md', text, { today: '2026-06-01', checks: parseCheckSettings(checks) });
}
const rules = (r: ReturnType<typeof check>) => [...new Set(r.findings.map((f) => f.rule))].sort();

describe('the checks option', () => {
  it('with no settings every rule runs', () => {
    expect(rules(check(TEXT))).toEqual(['long-sentence', 'passive-voice', 'reading-grade', 'review-date', 'simpler-word']);
  });

  it('off switches a rule off; a number is its threshold', () => {
    const r = check(TEXT, { 'simpler-word': 'off', 'long-sentence': 25, 'review-date': 'off', 'reading-grade': 'off' });
    expect(rules(r)).toEqual(['passive-voice']);
    expect(r.failsStrict).toBe(false);
    expect(r.rulesOff.sort()).toEqual(['reading-grade', 'review-date', 'simpler-word']);
    // The long sentence has 23 words: over 20 and 22, not over 25.
    expect(rules(check(TEXT, { 'long-sentence': { words: 22 } }))).toContain('long-sentence');
  });

  it('an object sets a severity, or words a word rule leaves alone', () => {
    const r = check(TEXT, { 'passive-voice': { severity: 'error' }, 'simpler-word': { ignore: ['however'] } });
    expect(r.findings.find((f) => f.rule === 'passive-voice')?.severity).toBe('error');
    expect(r.findings.filter((f) => f.rule === 'simpler-word').map((f) => f.subject)).toEqual(['provide']);
  });

  it('reading-grade: n is the target where front matter sets none', () => {
    expect(check(TEXT, { 'reading-grade': 14 }).readingLevel.target).toBe(14);
    expect(check(`---\ntarget-grade: 6\n---\n${TEXT}`, { 'reading-grade': 14 }).readingLevel.target).toBe(6);
  });

  it('a setting that is not understood is an error naming it, with the nearest rule', () => {
    const error = (checks: unknown) => {
      try {
        parseCheckSettings(checks, 'handout.config.yaml');
      } catch (e) {
        return e as HandoutError;
      }
      throw new Error('no error');
    };
    expect(error({ 'simpler-words': 'off' }).message).toBe('unknown check rule "simpler-words" in handout.config.yaml; did you mean simpler-word?');
    expect(error({ 'long-sentence': 'loud' }).message).toMatch(/^check rule "long-sentence" should be .*, not /);
    expect(error({ 'long-sentence': 2 }).message).toMatch(/^check rule "long-sentence" should be .*, not /);
    expect(error({ 'passive-voice': 12 }).message).toMatch(/^check rule "passive-voice" should be .*, not /);
    expect(error('off').file).toBe('handout.config.yaml');
  });
});

describe('a handout-disable comment in the source', () => {
  it('switches the rules it names off for that file only', () => {
    const r = check(`${TEXT}\n<!-- handout-disable simpler-word, passive-voice -->\n`);
    expect(rules(r)).toEqual(['long-sentence', 'reading-grade', 'review-date']);
    expect(r.rulesOff.sort()).toEqual(['passive-voice', 'simpler-word']);
    expect(rules(check(TEXT))).toContain('simpler-word');
  });

  it('a misspelt rule in it is a finding with its line and the nearest rule', () => {
    const r = check(`${TEXT}\n<!-- handout-disable pasive-voice -->\n`);
    expect(r.findings.find((f) => f.rule === 'settings')).toMatchObject({ line: 7, message: 'unknown check rule "pasive-voice" in a handout-disable comment; did you mean passive-voice?' });
    expect(rules(r)).toContain('passive-voice');
  });
});
