/** Where a text mentions parts. */
import { describe, expect, it } from 'vitest';
import { mentionedParts, partOf } from '../../../src/outline/infer/parts.js';

describe('mentionedParts', () => {
  const wet = partOf('wet');
  const dry = partOf('dry');

  it('lists the parts a text names, in order of first mention', () => {
    expect(mentionedParts('Dry eyes are common; wet eyes less so.', [wet, dry])).toEqual([dry, wet]);
  });

  it('a mention inside a longer part name does not count: "non-severe" is not "severe"', () => {
    const severe = partOf('severe asthma');
    const nonSevere = partOf('non-severe asthma');
    expect(mentionedParts('Non-severe asthma is managed at home.', [severe, nonSevere])).toEqual([nonSevere]);
    expect(mentionedParts('Severe asthma needs a plan.', [severe, nonSevere])).toEqual([severe]);
  });

  it('knows a part by any of its keys', () => {
    const typeTwo = partOf('type 2', 'type', [['t2d']]);
    expect(mentionedParts('Type II often goes with T2D in the notes.', [typeTwo])).toEqual([typeTwo]);
  });
});
