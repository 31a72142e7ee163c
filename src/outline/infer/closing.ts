/**
 * A heading for general paragraphs after the parts: what they are about ("Diagnosis and
 * treatment", "Outlook"), the other kind they describe ("Transient tyrosinemia"), or, when nothing
 * fits, a neutral heading about the subject ("More about stroke").
 */
import { sentencesOf } from '../sentences.js';
import { TOPICS } from './belongs.js';
import { plural } from './names.js';

/** The subject a title that asks a question names beside it, or '' when it names none ("Should I take supplements?"). */
function subjectOfQuestionTitle(title: string): string {
  const asks = (t: string) => !t || QUESTION_OPENING.test(t);
  const before = title.slice(0, title.indexOf('?')).split(/:\s+/)[0].trim();
  const after = title.slice(title.lastIndexOf('?') + 1).trim();
  if (!asks(before)) return before;
  return asks(after) ? '' : after.replace(/^(?:the\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+/i, '');
}

/** How a question or an instruction opens: "What …", "Should I …", "How to …", "Know your …". */
const QUESTION_OPENING = /^(?:what|which|why|how|when|where|who|whose|is|are|was|were|can|could|should|do|does|did|will|would|know|find|learn)\b/i;

export function closingHeading(texts: string[], subjectTitle: string | undefined, lang: string, otherKind?: string, everyKind?: string): string {
  const openings = texts.map((t) => sentencesOf(t, lang)[0] ?? '').join(' ');
  const found = TOPICS.map((t) => ({ heading: t.heading, at: openings.search(t.stems) }))
    .filter((t) => t.at >= 0)
    .sort((a, b) => a.at - b.at)
    .slice(0, 2)
    .map((t) => t.heading);
  if (found.length) return found.length === 2 ? `${found[0]} and ${found[1].toLowerCase()}` : found[0];
  if (otherKind) return otherKind.charAt(0).toUpperCase() + otherKind.slice(1);
  // "With any type of the condition, …": about all the parts.
  if (everyKind) return `All ${plural(everyKind)}`;
  // A title that asks a question says its subject beside it: before it ("Cold or flu? How to tell",
  // "Eating well with diabetes: what can I eat?") or after it ("What is this sentence for? The four
  // sentence functions"): "More about cold or flu", never "More about what is this …".
  if (subjectTitle?.includes('?')) subjectTitle = subjectOfQuestionTitle(subjectTitle);
  if (!subjectTitle) return 'In general';
  // "More about stroke"; a name in capitals stays as written ("More about RTA", "More about Niemann-Pick disease").
  // A title in title case ("Heartworm Disease in Dogs") stays as written too, rather than "heartworm Disease in Dogs".
  const titleCase = subjectTitle.split(/\s+/).filter((w) => w.length > 3).every((w) => /^\p{Lu}/u.test(w)) && /\s\p{Lu}/u.test(subjectTitle);
  const keep = titleCase || /^\p{Lu}[\p{Lu}\p{N}-]|^\p{Lu}\p{Ll}*-\p{Lu}/u.test(subjectTitle);
  return `More about ${keep ? subjectTitle : subjectTitle.charAt(0).toLowerCase() + subjectTitle.slice(1)}`;
}
