/**
 * A heading for general paragraphs after the parts: what they are about ("Diagnosis and
 * treatment", "Outlook"), the other kind they describe ("Transient tyrosinemia"), or, when nothing
 * fits, a neutral heading about the subject ("More about stroke").
 */
import { sentencesOf } from '../sentences.js';
import { TOPICS } from './belongs.js';

export function closingHeading(texts: string[], subjectTitle: string, lang: string, otherKind?: string): string {
  const openings = texts.map((t) => sentencesOf(t, lang)[0] ?? '').join(' ');
  const found = TOPICS.map((t) => ({ heading: t.heading, at: openings.search(t.stems) }))
    .filter((t) => t.at >= 0)
    .sort((a, b) => a.at - b.at)
    .slice(0, 2)
    .map((t) => t.heading);
  if (found.length) return found.length === 2 ? `${found[0]} and ${found[1].toLowerCase()}` : found[0];
  if (otherKind) return otherKind.charAt(0).toUpperCase() + otherKind.slice(1);
  return `More about ${/^\p{Lu}{2}/u.test(subjectTitle) ? subjectTitle : subjectTitle.charAt(0).toLowerCase() + subjectTitle.slice(1)}`;
}
