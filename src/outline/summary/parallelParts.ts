/**
 * Which sections of a handout are its parallel parts (the forms of a condition, the types of a
 * thing), and what their rows are called. Parts come from the inference (sections named for the
 * parts the text enumerates) or from written structure: the subsections of a section named for
 * kinds ("The four forms"), or sibling headings of the same shape ("Stable angina", "Unstable
 * angina", "Variant angina"; "Type 1: …", "Type 2: …").
 */
import type { Section } from '../outline.js';
import { PARTICLES, STEP_NOUN } from '../infer/names.js';
import { tagged } from './partsOfSpeech.js';

export interface ParallelParts {
  parts: Section[];
  parent?: Section;
}

const KIND_WORDS = /\b(forms|types|kinds|stages|options|classes|categories|varieties|subtypes)\b/i;

export function parallelParts(sections: Section[], lang: string, parent?: Section): ParallelParts | undefined {
  const inferred = sections.filter((s) => s.parts?.length);
  if (inferred.length >= 2) return { parts: inferred, parent };
  if (parent && sections.length >= 2 && KIND_WORDS.test(parent.title)) return { parts: sections, parent };
  const run = longestRunOfSameShape(sections, lang);
  if (run.length >= 2) return { parts: run, parent };
  const named = longestRunOfNamedKinds(sections, lang);
  if (named.length >= 3) return { parts: named, parent };
  for (const s of sections) {
    const found = parallelParts(s.sections, lang, s);
    if (found) return found;
  }
  return undefined;
}

/** Words of a heading, lower-cased, without punctuation. */
function wordsOf(title: string): string[] {
  return title.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * A heading that names a thing: short, not a question, not a sentence. "How is it treated?" and
 * "What causes it" are questions a handout answers, not kinds of something.
 */
function namesAThing(title: string): boolean {
  const words = wordsOf(title);
  // "Step 2 – Find the bleed valve", "Week 3: Longer walks": a place in a sequence, not a kind of
  // anything, whatever words two of them happen to share ("… the bleed valve", "Open the valve").
  if (STEP_NOUN.test(words[0] ?? '') && LABEL.test(words[1] ?? '')) return false;
  return words.length >= 2 && words.length <= 7 && !/[?.!]$/.test(title.trim()) && !QUESTION_WORD.test(title.trim());
}


/** A heading opened by a question word asks or says what, not which kind, with or without its "?" ("What we can investigate"). */
const QUESTION_WORD = /^[¿]?(?:what|who|which|when|where|why|how|whether|qu[ée]|c[óo]mo|cu[áa]ndo|d[óo]nde|qui[ée]n|quoi|quand|comment|o[ùu]|pourquoi|qui|wie|was|wann|warum|wo)\s/iu;

/**
 * Two headings have the same shape when they name kinds of one thing in the same way: a modifier
 * before a shared last word ("Stable angina" / "Variant angina"), or a shared kind noun with a
 * label after it ("Type 1: Classical distal RTA" / "Type 2: Proximal RTA", "Stage II" / "Stage III").
 * "Signs of stroke" / "Causes of stroke" and "Stroke symptoms" / "Stroke care" are aspects of one
 * subject, not kinds of it: a shared last word after a preposition, or a shared first word
 * without a label, does not count. That last rule is English: where the noun comes first
 * ("Manchas rojas" / "Manchas blancas"), a shared first word is enough.
 */
export function sameShape(a: string, b: string, lang: string): boolean {
  return sharedWord([a, b], lang) !== '';
}

const PREPOSITION = new Set(['of', 'for', 'with', 'in', 'to', 'on', 'after', 'before', 'during', 'about', 'from', 'and', 'or']);
/** Nouns for kinds of a thing: "Type 1" / "Type 2" are kinds, "Part 1" / "Part 2" and "Step 1" / "Step 2" are not. */
const KIND_NOUN = /^(type|form|kind|class|stage|grade|category|group|variety|subtype)$/;
/** A label: a number, a Roman numeral, a letter, or a mix ("1A", "IIb"). */
const LABEL = /^(\d+[a-z]?|[ivx]+[a-z]?|[a-z]\d*)$/;

/** The word all headings share in the same place and the same way (see sameShape), or ''. */
function sharedWord(titles: string[], lang: string): string {
  if (!titles.every(namesAThing)) return '';
  const words = titles.map(wordsOf);
  if (new Set(words.map((w) => w.join(' '))).size < words.length) return '';
  const english = lang.toLowerCase().startsWith('en');
  const first = words.map((w) => sharedFirstWord(w, english));
  if (first.every((k) => k !== undefined && k === first[0])) return first[0]!;
  const last = words.map(sharedLastWord);
  if (last.every((k) => k !== undefined && k === last[0])) return last[0]!;
  return '';
}

/** Articles that open a heading in languages that put the noun first: "Les bons réflexes", "Los síntomas". */
const ARTICLE = /^(?:le|la|les|l|un|une|des|du|el|los|las|lo|il|gli|i|der|die|das|den|dem|ein|eine|o|os|as|um|uma)$/;

/**
 * The first word a heading can share with its siblings: in English a kind noun before a label
 * ("Type 2"); elsewhere its first word after an article ("Manchas rojas", "Las manchas blancas";
 * not "Les" of "Les bons réflexes" and "Les médicaments").
 */
function sharedFirstWord(w: string[], english: boolean): string | undefined {
  if (english) return KIND_NOUN.test(w[0]) && LABEL.test(w[1]) ? w[0] : undefined;
  return w.find((x) => !ARTICLE.test(x));
}

/** The last word a heading can share with its siblings: not one after a preposition ("Signs of stroke"). */
function sharedLastWord(w: string[]): string | undefined {
  // A particle is no head noun: "Pinching out" and "Planting out" are two jobs, not two kinds.
  return PREPOSITION.has(w[w.length - 2]) || PARTICLES.has(w[w.length - 1]) ? undefined : w[w.length - 1];
}

/**
 * The longest run of consecutive sibling sections whose headings all share one shape (sharedWord's
 * rules), the first of the longest: the longest window of headings with one first word, or one last
 * word, and no heading twice, each found in one pass (checking the whole run again for every
 * heading it grew by made 3000 headings of one shape take minutes).
 */
function longestRunOfSameShape(sections: Section[], lang: string): Section[] {
  const english = lang.toLowerCase().startsWith('en');
  const words = sections.map((s) => (namesAThing(s.title) ? wordsOf(s.title) : undefined));
  const byFirst = longestWindow(words, (w) => sharedFirstWord(w, english));
  const byLast = longestWindow(words, sharedLastWord);
  const best = byLast.length > byFirst.length || (byLast.length === byFirst.length && byLast.start < byFirst.start) ? byLast : byFirst;
  return best.length >= 2 ? sections.slice(best.start, best.start + best.length) : [];
}

/** The first longest window of headings with one key and no heading twice (undefined: a heading that names no thing). */
function longestWindow(words: (string[] | undefined)[], keyOf: (w: string[]) => string | undefined): { start: number; length: number } {
  let best = { start: 0, length: 0 };
  let start = 0;
  const inWindow = new Set<string>();
  let key: string | undefined;
  for (let end = 0; end < words.length; end++) {
    const w = words[end];
    const k = w && keyOf(w);
    if (k === undefined || k !== key) {
      start = end;
      inWindow.clear();
      key = k;
    }
    if (k !== undefined) {
      const title = w!.join(' ');
      while (inWindow.has(title)) inWindow.delete(words[start++]!.join(' '));
      inWindow.add(title);
    }
    if (end - start + 1 > best.length) best = { start, length: end - start + 1 };
  }
  return best;
}

/** Words that make a heading a phrase about something rather than the name of a kind. */
const FUNCTION_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'for', 'with', 'in', 'to', 'on', 'at', 'by', 'from', 'about', 'what', 'when', 'how', 'why', 'who', 'where', 'your', 'you', 'my', 'our', 'is', 'are']);
/** Stems of the aspects an article covers ("Risk factors", "Treatment options"): such headings are not kinds. */
const ASPECT = /^(overview|introduction|summary|outlook|prognos|diagnos|test|screen|symptom|sign|cause|risk|treat|therap|option|manag|prevent|complication|research|trial|living|care|support|resource|question|fact|statistic|definition|history|more|other|related|reference|source|contact|help|name|key|point|topic|link|tip|step|faq)/;

/**
 * In plain text the bare one-line headings are all the structure an author gave: three or more
 * in a row that each name a kind ("Pituitary adenomas", "Adrenal tumors", "Familial Cushing's
 * syndrome": two to five words, no function words) are parts, unless one of them names an aspect
 * of the subject ("Risk factors", "Treatment options"). English only: the word lists are.
 */
function longestRunOfNamedKinds(sections: Section[], lang: string): Section[] {
  if (!lang.toLowerCase().startsWith('en')) return [];
  const namesAKind = (s: Section) => {
    const words = wordsOf(s.title);
    return s.inferred && !s.parts && namesAThing(s.title) && words.length <= 5 && !words.some((w) => FUNCTION_WORDS.has(w) || ASPECT.test(w)) && !namesAnActivity(s.title);
  };
  let best: Section[] = [];
  let run: Section[] = [];
  for (const s of sections) {
    run = namesAKind(s) ? [...run, s] : [];
    if (run.length > best.length) best = run;
  }
  return best;
}

/** "Carrying adrenaline", "Avoiding stings": a heading that opens on a verb in -ing says what to do, not a kind. */
function namesAnActivity(title: string): boolean {
  const [first] = tagged(title);
  return !!first && first.pos === 'VERB' && /ing$/.test(first.lower);
}

/**
 * "Dystrophic calcinosis", "Metastatic calcinosis" in a handout on calcinosis → "Dystrophic",
 * "Metastatic": the shared last words go when they are the handout's subject, which the title
 * says. "Small cell" / "Non-small cell" keep theirs.
 */
export function rowNames(parts: Section[], title: string): string[] {
  const titles = parts.map((p) => p.title);
  const split = titles.map((t) => t.split(/\s+/));
  const rests = split.map((w) => w.slice(1).join(' ').toLowerCase());
  const subject = wordsOf(title).map(singular);
  const shared = parts.length >= 2 && rests[0] && rests.every((l) => l === rests[0]) && wordsOf(rests[0]).every((w) => subject.includes(singular(w)));
  return titles.map((t, i) => (shared ? split[i][0] : t));
}

/** "allergies" → "allergy", "forms" → "form": a title in the plural names the same subject. */
function singular(word: string): string {
  return word.replace(/ies$/, 'y').replace(/(?<![su])s$/, '');
}

/** What the parts are, for the first column's header: "Form", "Type", else "Part". */
export function partLabel(parent: Section | undefined, parts: Section[]): string {
  const kind = parts[0].partKind;
  if (kind) return capitalised(kind);
  const text = `${parent?.title ?? ''} ${parts.map((p) => p.title).join(' ')}`.toLowerCase();
  const m = /\b(form|type|kind|stage|option|class|category|variety)s?\b/.exec(text);
  return m ? capitalised(m[1]) : 'Part';
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
