/**
 * Structure for prose that has none. In order:
 *  1. bare one-line paragraphs become headings and cut the text into scopes;
 *  2. in each scope, parts are found: announced (announce.ts), or an unannounced parallel run of
 *     paragraphs (parallel.ts), or named in front matter;
 *  3. each paragraph is filed (belongs.ts): under the part its opening names, under the part before
 *     it when it names none, or — after the last part — in a general section with a heading of its
 *     own (closing.ts);
 *  4. every decision is written down, for `handout outline`.
 * Every paragraph lands exactly once, in order. When unsure, no parts are made.
 */
import type { Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SlugCounter } from '../../slug.js';
import { LIST_MARKER } from '../../parse/listMarkers.js';
import type { Block, Section } from '../outline.js';
import { sentencesOf } from '../sentences.js';
import { announcementIn, countOfThings, countsOrSorts, isBullet, type Announcement } from './announce.js';
import { ENGLISH_MONTHS } from '../../months.js';
import { generalReason, type GeneralReason, type LastPart } from './belongs.js';
import { closingHeading } from './closing.js';
import { nounRun, predicateTokens, subjectTokens, tokensOf } from './language.js';
import { acronymsIn, escapeRegExp, isLabel, normalWords, occurrences, PARTICLES, plural, singular, STEP_NOUN, STEP_NOUNS } from './names.js';
import { family, otherKindIn, openingOf, subjectPhrase, type Opening } from './parallel.js';
import { LITTLE_WORDS, mentionedParts, partOf, type Part, type Subject } from './parts.js';
import { inferTitle } from './title.js';
import { capitalsHead, endsOpen, runInHead, unmarkedItemAt, unmarkedRunAfter } from './lines.js';

export interface InferredOutline {
  title?: string;
  titleFrom?: 'first line' | 'opening sentence' | 'the text';
  /** The line the title was taken from, when it was a line of the text: printed once, as the title. */
  titleBlock?: Block;
  intro: Block[];
  sections: Section[];
  /** Why the outline is what it is, one decision a line. */
  notes: string[];
}

export interface InferOptions {
  /** Parts named by the user (front matter `parts:`): used instead of the inferred ones. */
  parts?: string[];
}

interface Para {
  block: Block;
  text: string;
  sentences: string[];
  number: number;
}

interface Split {
  before: Block[];
  sections: Section[];
}

export function inferOutline(all: Block[], lang: string, knownTitle?: string, options: InferOptions = {}): InferredOutline {
  const notes: string[] = [];
  let title = knownTitle;
  let titleFrom: InferredOutline['titleFrom'];
  let blocks = all;
  // Lines above the title ("RIVERSIDE GENERAL HOSPITAL - DEPARTMENT OF ORTHOPAEDICS", "Package
  // leaflet: Information for the patient"): kept as the opening paragraphs, never headings.
  let kicker = 0;
  let titleBlock: Block | undefined;
  if (!title && isTitleLine(blocks, lang)) {
    // "Gout" on a line of its own above the text: the text's title, not a section. Of several such
    // lines before the text, the one whose words the text keeps using.
    const at = titleAmongOpeningLines(blocks);
    title = toString(blocks[at]).trim().replace(EMAIL_SUBJECT, '');
    titleFrom = 'first line';
    notes.push(at === 0 ? `Title "${title}": the first line, a heading on its own that no later heading resembles.` : `Title "${title}": of the lines over the text, the one whose words the text repeats most.`);
    titleBlock = blocks[at];
    blocks = [...blocks.slice(0, at), ...blocks.slice(at + 1)];
    kicker = at;
  }
  // Run-in heads ("Beta blockers. These slow …"), two or more of them, are headings over their text.
  blocks = withRunInHeads(blocks, lang);
  const texts = blocks.map((b) => (b.type === 'paragraph' ? toString(b) : ''));
  // Paragraph numbers in the notes count the source's paragraphs, the title line included.
  if (!title) {
    const chosen = inferTitle(texts.filter((t, i) => t && !isBareHeading(blocks[i])), lang);
    if (chosen) notes.push(`Title "${chosen.title}": ${chosen.why}.`);
    title = chosen?.title;
    titleFrom = chosen?.from;
  }
  // A title whose words the text hardly uses ("Reading the Sky" over an article on clouds) does not
  // say what it is about: the text does, as it would give a title, when it uses that far more and
  // the title does not name it at all.
  const prose = texts.filter((t, i) => t && !isBareHeading(blocks[i]));
  const told = title && titleFrom !== 'opening sentence' && titleFrom !== 'the text' ? inferTitle(prose, lang)?.title : undefined;
  const shares = (a: string, b: string) => normalWords(a).map(singular).some((w) => normalWords(b).map(singular).includes(w));
  const whole = texts.join('\n');
  const used = told && !shares(told, title!) ? wordUse(whole) : undefined;
  const about = used && used(told!) >= 3 * Math.max(1, used(title!)) ? told : title;
  const subject = subjectOf(about, whole);
  const ctx = new Context(lang, subject, notes, options, acronymsIn(whole));

  // Lines right under the title line ("Patient information leaflet", "Unit 4: Earth's Systems") are
  // its subtitle: kept as the opening paragraphs, not made headings with nothing of their own. A
  // question is never one: it heads its answer ("Can I drive?" under the title of an FAQ).
  const subtitle = new Set<number>(Array.from({ length: kicker }, (_, i) => i));
  let afterTitle = kicker;
  for (let line = titleFrom === 'first line' ? all[kicker].position?.end.line : undefined; line !== undefined && blocks[afterTitle]?.position?.start.line === line + 1 && isBareHeading(blocks[afterTitle]) && !/\?$/.test(toString(blocks[afterTitle]).trim()); afterTitle++) {
    subtitle.add(afterTitle);
    line = blocks[afterTitle].position!.end.line;
  }
  // So is a line after it that says whom the sheet is for or from ("Information for patients from
  // the Dietetics Department") or names its series or course ("BUS 110 Organizational Behavior – Unit 4").
  if (titleFrom === 'first line' && blocks[afterTitle] && isBareHeading(blocks[afterTitle]) && namesTheSheet(toString(blocks[afterTitle]))) subtitle.add(afterTitle);
  // Bare one-line paragraphs become headings; they cut the text into scopes.
  const scopes: { heading?: Paragraph; paras: Para[] }[] = [{ paras: [] }];
  blocks.forEach((block, i) => {
    if (block.type === 'paragraph' && isHeadingAt(blocks, i, lang) && !subtitle.has(i)) scopes.push({ heading: block, paras: [] });
    else scopes[scopes.length - 1].paras.push({ block, text: texts[i], sentences: texts[i] ? sentencesOf(texts[i], lang) : [], number: all.indexOf(block) + 1 });
  });

  const opening = ctx.split(scopes[0].paras, 2);
  const result: InferredOutline = { title, titleFrom, titleBlock, intro: opening.before, sections: opening.sections, notes };
  const headed = scopes.slice(1);
  // The text before the headings announces their parts, or the text under an earlier heading does.
  const partHeadings = ctx.headingParts(headed.map((s) => headingText(s.heading!)), scopes.flatMap((s) => s.paras), headed.map((s) => s.paras.length), {
    runIn: headed.map((s) => RUN_IN_HEADS.has(s.heading!) || NUMBERED_HEADING.test(headingText(s.heading!))),
    // A title line that lists names ("Queen, workers and drones: who's who in the hive") names the headings that are them.
    titleNames: titleFrom === 'first line' && title ? namesListedIn(title).map((n) => partOf(n)) : [],
    title: titleFrom === 'first line' ? title : undefined,
    // The text before heading k, as sentences: what announces a run of run-in heads.
    // A title line that counts them counts too ("Choosing a hearing aid: the four main styles").
    before: (k: number) => [...(titleFrom === 'first line' && title ? [title] : []), ...scopes.slice(0, k + 1).flatMap((s) => s.paras.flatMap((p) => p.sentences))],
  });
  headed.forEach((scope, i) => {
    const heading = headingText(scope.heading!);
    const section: Section = { title: heading, slug: ctx.slugs.next(heading), level: 2, line: scope.heading!.position?.start.line, kind: 'section', inferred: true, blocks: [], sections: [] };
    const part = partHeadings.get(i);
    if (part) {
      section.parts = [part.name];
      section.partKind = part.kind;
      const lastPart = !partHeadings.has(i + 1);
      // After the last part's heading, a paragraph that neither refers back to it nor shares its
      // words is the text's own again ("Not all volcanic activity happens at plate boundaries …").
      const link = (j: number): LastPart => ({
        name: heading,
        text: scope.paras.slice(0, j).map((p) => p.text).join(' '),
        others: headed.filter((_, k) => partHeadings.has(k) && k !== i).map((s) => s.paras.map((p) => p.text).join(' ')),
        introduced: /:\s*$/.test(scope.paras[j - 1].text),
      });
      // Paragraphs that open on a label the other parts' paragraphs open on too ("Movement: …",
      // "How often: …" under each exercise) are the part's own, written as every part is.
      const labelOf = (text: string) => /^(\p{Lu}[\p{L}\p{N} ]{0,30}):\s/u.exec(text)?.[1].toLowerCase();
      const labels = new Set(headed.flatMap((s, k) => (k !== i && partHeadings.has(k) ? s.paras.map((q) => labelOf(q.text)).filter((l): l is string => !!l) : [])));
      const own = (p: Para) => { const l = labelOf(p.text); return !!l && labels.has(l); };
      const general = lastPart ? scope.paras.findIndex((p, j) => j > 0 && !own(p) && ctx.generalAt(p, [...partHeadings.values()], link(j))) : -1;
      section.blocks = (general === -1 ? scope.paras : scope.paras.slice(0, general)).map((p) => p.block);
      result.sections.push(section);
      if (general !== -1) result.sections.push(ctx.generalSection(scope.paras.slice(general), 2));
      return;
    }
    const inner = ctx.split(scope.paras, 3);
    section.blocks = inner.before;
    section.sections = inner.sections;
    result.sections.push(section);
  });
  if (!result.sections.some((s) => s.parts || s.sections.some((c) => c.parts))) notes.push(ctx.noPartsWhy());
  markPageFrame(all);
  return result;
}

/**
 * Paragraphs that open with a run-in head (see lines.ts), when two or more do, each get a heading
 * line of that head before them, which the inference treats as any bare heading; the paragraph
 * itself stays whole, as a part's paragraph does under the heading made for it. (Not the first
 * block: a text that opens with one has no title line made of it.)
 */
/** The heading lines made of run-in heads (see withRunInHeads). */
const RUN_IN_HEADS = new WeakSet<Block>();

function withRunInHeads(blocks: Block[], lang: string): Block[] {
  const single = (b: Block, i: number) => i > 0 && b.type === 'paragraph' && (b as Paragraph).children.length === 1 && (b as Paragraph).children[0].type === 'text';
  // Under "Key words" or "Glossary", "Conductor – A material … Metals are good conductors." is an entry, not a head.
  let glossary = false;
  const found = blocks.map((b, i) => {
    if (b.type === 'paragraph' && isBareHeading(b)) glossary = GLOSSARY_HEADING.test(toString(b).trim());
    return single(b, i) && !glossary ? runInHead(toString(b), lang) ?? capitalsHead(toString(b)) : undefined;
  });
  if (found.filter(Boolean).length < 2) return blocks;
  return blocks.flatMap((b, i) => {
    const split = found[i];
    if (!split) return [b];
    const head: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: split.head, position: b.position }], position: b.position };
    RUN_IN_HEADS.add(head);
    return [head, b];
  });
}

/** A heading over a glossary's entries. */
const GLOSSARY_HEADING = /^(?:key\s+(?:words|terms|vocabulary)|glossary|vocabulary|words to know|terms to know|definitions)\s*:?$/i;

/**
 * Which of the lines that open the text (up to eight, before its first paragraph) is the
 * title: the first, unless another's words are used by the text clearly more ("DISCHARGE
 * INSTRUCTIONS: KNEE ARTHROSCOPY" under a hospital's name, "Amoxicillin 500 mg capsules" under
 * "Package leaflet: Information for the patient").
 */
function titleAmongOpeningLines(blocks: Block[]): number {
  // Lines of the page's frame among them (a trail of links, a menu, the address and phone number,
  // e-mail headers, "Name: ____") are passed over, never the title.
  // A title may run longer than a heading ("Colpo di calore nel cane e nel gatto: come riconoscerlo e cosa fare").
  // So may a line of the publisher's news set in pieces ("Meetings on the second Tuesday … · New members always welcome").
  const lineLike = (b: Block) => isBareHeading(b) || isFrameLine(b) || isTitleShaped(b) || isPiecesLine(b);
  let n = 0;
  while (n < 8 && n < blocks.length - 1 && lineLike(blocks[n])) n++;
  if (n < 2 || lineLike(blocks[n])) return 0;
  const lineAt = (i: number) => toString(blocks[i]).trim();
  // An e-mail's subject is its title.
  // An e-mail's subject is its title (among its other header lines: a worksheet's "Subject: Biology" is not one).
  const subject = Array.from({ length: n }, (_, i) => i).find((i) => EMAIL_SUBJECT.test(lineAt(i)) && lineAt(i).replace(EMAIL_SUBJECT, '').length > 0);
  if (subject !== undefined && blocks.slice(0, n).some((b) => EMAIL_HEADER.test(toString(b).trim()))) return subject;
  const used = wordUse(blocks.slice(n).map((b) => toString(b)).join('\n'));
  const use = (i: number) => used(lineAt(i));
  // Not the publisher's name ("Westbury District Council", "Oakfield Academy – Science Department"),
  // nor what kind of sheet it is or which series ("Home Exercise Programme", "PATIENT INFORMATION",
  // "Year 8 Physics · Topic 4: Energy"): the first line of the page's own is the title, a question too.
  // Nor the name a byline gives its writers ("The Money Compass" over "By the Money Compass team").
  const bylines = Array.from({ length: n }, (_, i) => lineAt(i)).filter(isByline).map((l) => normalWords(l).join(' '));
  const publisher = (i: number) => { const words = normalWords(lineAt(i)); const name = words.join(' '); return words.length >= 2 && bylines.some((b) => ` ${b} `.includes(` ${name} `)); };
  // Words the text writes in lower case are common words, not a name's ("having a hip replacement").
  const lowerCase = new Set(blocks.slice(n).flatMap((b) => toString(b).match(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}'’-]*/gu) ?? []));
  const own = (i: number) => (isBareHeading(blocks[i]) || isTitleShaped(blocks[i])) && !isFrameLine(blocks[i]) && !isOrganisationName(lineAt(i), lowerCase) && !SHEET_KIND.test(lineAt(i)) && !PLACE_IN_SERIES.test(lineAt(i)) && !publisher(i) && !isPiecesLine(blocks[i]);
  // A trail of links ends on the page it leads to: the line that repeats its last link is the title
  // ("Guides › Saving › Choosing a savings account" over "Choosing a savings account").
  const crumbs = Array.from({ length: n }, (_, i) => lastLinkOfTrail(lineAt(i))).filter((c): c is string => !!c);
  const named = Array.from({ length: n }, (_, i) => i).find((i) => own(i) && crumbs.includes(normalWords(lineAt(i)).join(' ')));
  if (named !== undefined) return named;
  // A web page reads: the site's name, its trail of links, then the page's title. A line of the
  // page's own after the trail is the title, not the name over it ("Fellside Orienteers", then
  // "Home › New to orienteering? › Choosing a course", then "Which course should I do?").
  const trails = Array.from({ length: n }, (_, i) => i).filter((i) => lastLinkOfTrail(lineAt(i)) !== undefined);
  const trail = trails.at(-1);
  // Only under a name, every word of it capitalised: "Fares and passes" over its trail is the title.
  // The trail's last link says which: the title takes up its words ("… › Choosing a course" over
  // "Which course should I do?"); "Heartworm Disease in Dogs" over "… › Dogs" is the title itself.
  const linkWords = trail === undefined ? new Set<string>() : new Set(normalWords(lineAt(trail).split(TRAIL_SEPARATOR).pop() ?? '').filter((w) => w.length >= 4).map(singular));
  const takesUp = (i: number) => normalWords(lineAt(i)).some((w) => linkWords.has(singular(w)));
  const overTrail = trail === undefined ? [] : Array.from({ length: trail }, (_, i) => i).filter(own);
  const next = trail === undefined ? undefined : Array.from({ length: n - trail - 1 }, (_, k) => trail + 1 + k).find(own);
  const afterTrail = next !== undefined && takesUp(next) && !overTrail.some(takesUp) ? next : undefined;
  const first = isFrameLine(blocks[0]) || !own(0) ? Array.from({ length: n }, (_, i) => i).find(own) : undefined;
  // A later one whose words the text uses far more may be it instead, but not a question or a label
  // ending in a colon, which heads a section ("What is shingles?"; a question after a label, as in
  // "Worksheet 4.3: How does heat move?", is a title), nor a line shaped like a heading further on
  // ("Parking with a day permit", then "Parking with a season permit").
  const later = blocks.slice(n).filter(isBareHeading).map((b) => toString(b).trim());
  // Nor a line that says what the sheet tells of its subject ("What to expect before, during and
  // after your operation" under "Hip Replacement Surgery"), which is its subtitle, nor a question
  // of a Q&A ("Q: What is a colonoscopy?" under "Colonoscopy: Your Questions Answered").
  const heads = (line: string) => /:$/.test(line) || (/\?$/.test(line) && !/:\s/.test(line)) || TELLS_WHAT.test(line) || QUESTION_MARK.test(line);
  const candidate = (i: number) => own(i) && !heads(lineAt(i)) && !later.some((h) => sameShape(lineAt(i), h) || sharedLead([lineAt(i), h]) > 0);
  let best = afterTrail ?? first ?? 0;
  for (let i = best + 1; i < n; i++) if (candidate(i) && use(i) >= 1 && use(i) >= 1.5 * use(best)) best = i;
  return best;
}

/** A line that opens on what the sheet tells: "What to expect …", "How to care for …", "Everything you need to know …". */
const TELLS_WHAT = /^(?:what|how|why|when|where|who|which|everything|all\s+you\s+need|things\s+to|qué|cómo|por\s+qué|cuándo|dónde)\b/iu;
/** The question of a Q&A: "Q: …", "Question 3: …", "P: …" (pregunta). */
export const QUESTION_MARK = /^(?:q|question(?:\s+\d+)?|p|pregunta(?:\s+\d+)?)\s*[:.)]\s+\S/iu;

/** "Subject: Re: …" at the head of an e-mail. */
const EMAIL_SUBJECT = /^(?:subject|betreff|objet|asunto|oggetto|assunto):\s*(?:(?:re|fwd?|aw|wg|tr|rv):\s*)*/i;
/** The other header lines of an e-mail: "From: …", "To: …", "Date: …". */
const EMAIL_HEADER = /^(?:from|to|cc|bcc|sent|date|reply-to|von|an|gesendet|de|à|envoyé|para|enviado|da|inviato):\s+\S/i;
/** A line that says what kind of sheet this is, not what it is about: "Home Exercise Programme", "Patient Newsletter – Spring 2025". */
const SHEET_KIND = /^(?:[\p{Lu}][\p{L}-]*\s+){0,3}(?:information|leaflet|factsheet|fact sheet|newsletter|worksheet|handout|programme|program|bulletin|guide)(?:\s+\d[\d\/–-]*)?(?:\s+[–—-]\s+.*)?$/iu;
/** A line that only says where the sheet stands in a series: "Section 3 of 6", "Unit 4", "Week 2". */
const PLACE_IN_SERIES = /^(?:section|part|unit|module|chapter|lesson|week|session|topic|page|sheet|leaflet|issue|no\.?)\s+\d+(?:\s+of\s+\d+)?$/i;
/** A line of a form to fill in: "Name: ________   Class: ____". */
const FORM_LINE = /_{4,}/;
/**
 * A menu copied from a web page: three or more short words or pairs of words set apart by wide gaps
 * ("Adotta   Dona   Volontariato   Contatti").
 */
const MENU_LINE = /^\s*\S+(?:\s\S+){0,2}(?:(?:\s{3,}|\t+)\S+(?:\s\S+){0,2}){2,}\s*$/u;

/** One line shaped as a title, if longer than a heading: a capital first, no sentence's end, at most 16 words. */
function isTitleShaped(block: Block): boolean {
  if (block.type !== 'paragraph' || block.children.length !== 1 || block.children[0].type !== 'text') return false;
  const line = block.children[0].value.trim();
  // (A question may lead into the rest: "What next after Year 11? Your post-16 routes".)
  return line.length <= 110 && line.split(/\s+/).length <= 16 && /^[¿¡"“]?[\p{Lu}\p{N}]/u.test(line) && !/[.!;,]$/.test(line) && !/[.!]\s/.test(line);
}

/**
 * Facts about the publisher set side by side: "Founded 1921 · Village Hall, Mill Lane · Registered
 * charity no. 1099876". Three or more short pieces parted by "·" or "|", none of them a sentence.
 */
function isFactsLine(line: string): boolean {
  const pieces = line.split(/\s+[·|]\s+/);
  // A number among them (a year, a postcode, a charity number): "Fractions · Decimals · Percentages" is a title.
  return pieces.length >= 3 && /\d/.test(line) && pieces.every((p) => p.split(/\s+/).length <= 8 && !/[!?]$|\.\s+\p{Lu}/u.test(p));
}

/**
 * The names a title lists before what it says of them: "Queen, workers and drones: who's who in the
 * hive" lists three. Three or more, each of one to four words; else none.
 */
function namesListedIn(title: string): string[] {
  const head = title.split(/:\s|\s[–—-]\s/)[0];
  if (!/,/.test(head) || !/\s(?:and|&|or)\s/.test(head)) return [];
  const names = head.split(/,\s*(?:and\s+|&\s+|or\s+)?|\s+(?:and|&|or)\s+/).map((n) => n.trim()).filter(Boolean);
  // Names, not times or ways: "Before, during and after your operation" lists none.
  return names.length >= 3 && names.every((n) => n.split(/\s+/).length <= 4 && !/[.!?]/.test(n) && !NOT_NAMES.test(n)) ? names : [];
}

/** Words a listed name does not open with: times, ways, questions. */
const NOT_NAMES = /^(?:before|during|after|while|when|how|why|what|where|who|which|then|now|here|there)\b/i;

/**
 * The publisher's notices set in pieces by "·", each of three words or more, none a sentence: "Rides
 * every Sunday from the market square · Beginners always welcome" (a title and its subtitle,
 * "Photosynthesis · How plants make their own food", or its topics, "Fractions · Decimals", are not).
 */
function isPiecesLine(block: Block): boolean {
  if (block.type !== 'paragraph') return false;
  const line = toString(block).trim();
  const pieces = line.split(/\s+·\s+/);
  return pieces.length >= 2 && pieces.every((p) => p.split(/\s+/).length >= 3) && line.split(/\s+/).length <= 30 && !/[.!?]$|[.!?]\s+\p{Lu}/u.test(line);
}

/** The last link of a trail ("Guides › Saving › Choosing a savings account"), its words in lower case; else undefined. */
function lastLinkOfTrail(line: string): string | undefined {
  const links = line.split(TRAIL_SEPARATOR);
  return links.length >= 3 && isPageChrome(line) ? normalWords(links[links.length - 1]).join(' ') : undefined;
}

/** What parts the links of a trail: "›", "»", ">" or "/" with a space either side. */
const TRAIL_SEPARATOR = /\s+[›»>\/]\s+/;

/** A line of the page's frame rather than its text: see titleAmongOpeningLines. */
function isFrameLine(block: Block): boolean {
  if (block.type !== 'paragraph') return false;
  const raw = toString(block);
  const line = raw.trim();
  if (isPageChrome(line)) return true;
  // A line, not a paragraph that opens on "By 1732 there were …".
  if (line.split(/\s+/).length > 25 || /[.!?]\s+\p{Lu}/u.test(line)) return false;
  return isContactLine(line) || isByline(line) || EMAIL_HEADER.test(line) || FORM_LINE.test(line) || MENU_LINE.test(raw) || isFactsLine(line) || STATUS_LINE.test(line);
}

/** A web service's status banner: "Service status: all systems normal". */
const STATUS_LINE = /^(?:(?:service|system|network|site)s?\s+)?status\s*:\s*(?:all\s+)?(?:systems?|services?)\b/i;


/**
 * The name of an organisation on a line of its own, every word capitalised and the last one saying
 * what kind of body it is: "Westbury District Council", "Northfield Hospitals NHS Foundation Trust",
 * "Ophthalmology Department".
 */
function isOrganisationName(line: string, lowerCase: Set<string> = new Set()): boolean {
  // "Oakfield Academy – Science Department", "Zampe Amiche ODV – Associazione per la tutela degli animali": the name, then what it is.
  const [name, ...rest] = line.split(/\s+[–—|·-]\s+/);
  const words = name.split(/\s+/);
  if (words.length < 2 || words.length > 8 || !words.every((w) => /^[\p{Lu}\p{N}&]/u.test(w) || NAME_LINKS.has(w))) return false;
  // A title in title case reads as a sentence does: "Your Stay In Hospital" is no body's name.
  if (words.some((w) => TITLE_WORDS.has(w.toLowerCase()))) return false;
  // Words that also name what is done or where ("Cataract Surgery", "Eye Clinic") make a name only
  // with a name before them: "Meadowbank Medical Practice", not two words alone.
  const kind = ORGANISATION.exec(name)?.[0].toLowerCase().replace(/\.$/, '');
  if (kind && AMBIGUOUS_KINDS.test(kind) && words.length < 3) return false;
  // Nor with words before them the text uses as common words: "Hip Replacement Surgery" over "… a
  // hip replacement" is what is done, where "Meadowbank Medical Practice" is a name.
  if (kind && AMBIGUOUS_KINDS.test(kind) && words.slice(0, -1).every((w) => lowerCase.has(w.toLowerCase()))) return false;
  // The kind of body may come before a last word that names a branch of it: "Lowmoor State University Extension".
  const nearEnd = words.slice(1).slice(-3).join(' ');
  return ORGANISATION.test(name) || ORGANISATION_WORD.test(nearEnd) || LEGAL_FORM.test(name) || BODY_NAMED_FIRST.test(name) || rest.some((r) => ORGANISATION.test(r) || BODY_FIRST.test(r));
}

const ORGANISATION_KINDS = 'council|network|alliance|coalition|bureau|commission|trust|hospitals?|department|services?|practice|surgery|clinic|club|centre|center|university|college|academy|school|society|association|foundation|agency|ministry|authority|board|institute|pharmacy|pharmacies|partnership|federation|ltd|inc|plc|llc|gmbh';
const ORGANISATION = new RegExp(`\\b(?:${ORGANISATION_KINDS})\\.?$`, 'i');
/** Kinds of body whose word also names an activity or a place. */
const AMBIGUOUS_KINDS = /^(?:surgery|clinic|practice|services?|pharmacy|pharmacies|centre|center|club|school|network|hospitals?)$/;
/** Words a title says and a body's name does not. */
const TITLE_WORDS = new Set(['your', 'my', 'our', 'their', 'his', 'her', 'its', 'you', 'we', 'in', 'to', 'at', 'with', 'after', 'before', 'about', 'how', 'what', 'why', 'when', 'a', 'an', 'is', 'are']);
/** The same kinds of body, anywhere among a name's last words. */
const ORGANISATION_WORD = new RegExp(`\\b(?:${ORGANISATION_KINDS})\\b`, 'i');
/** A legal form in the name: "Zampe Amiche ODV", "Tierhilfe e.V.". */
const LEGAL_FORM = /\b(?:ODV|Onlus|APS|e\.\s?V\.|gGmbH|GmbH|AG|SpA|S\.p\.A\.|SRL|S\.L\.|S\.A\.|SAS|ASBL|CIC|Ltd|Inc|LLC|plc)\b\.?/u;
/** What kind of body it is, said first in languages that put the noun first: "Associazione per …", "Fundación …". */
const BODY_FIRST = /^(?:associazione|associazioni|fondazione|federazione|società|asociación|fundación|federación|sociedad|association|fédération|société|fondation|verein|stiftung|verband|gesellschaft|associação|fundação|federação|sociedade|município|municipio|câmara municipal|prefeitura|ayuntamiento|comune|commune|mairie|gemeente|gemeinde|stadt|kommune|kommun|gmina|urząd|concello|ajuntament|freguesia|junta de freguesia|ministério|ministerio|ministero|ministère|ministerium|istituto|instituto|institut|universidade|universidad|università|université|universität|ospedale|hôpital|krankenhaus|clínica|clinique|klinik|escola|escuela|scuola|école|schule|departamento|dipartimento|département|servicio|serviço|servizio|centro de saúde|centro de salud)(?=[\s,]|$)/iu;
const NAME_LINKS = new Set(['of', 'and', 'for', 'the', 'on', 'in', 'de', 'du', 'des', 'la', 'le', 'les', 'et', 'del', 'della', 'delle', 'dei', 'degli', 'di', 'e', 'y', 'da', 'do', 'dos', 'das', 'für', 'und', 'der', 'von', 'zu']);

/**
 * How often, on average, `text` uses a line's words (its names, not "the", "guide" or numbers):
 * the text's words are counted once, for every line asked about.
 */
function wordUse(text: string): (line: string) => number {
  const counts = new Map<string, number>();
  for (const w of normalWords(text).map(singular)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return (line) => {
    const words = normalWords(line).map(singular).filter((w) => w.length > 2 && !/^\d/.test(w) && !TITLE_STOPWORDS.has(w));
    return words.length ? words.reduce((sum, w) => sum + (counts.get(w) ?? 0), 0) / words.length : 0;
  };
}

const TITLE_STOPWORDS = new Set('the and for with what you your how about from this that are our its into their when who why which info information guide'.split(' '));

/**
 * A first line longer than a heading but shaped as a title: "Earth Science 7 - Unit 3 Study Guide:
 * Types of Rock" (up to sixteen words, one line, no closing punctuation, over a paragraph).
 */
function isLongTitle(blocks: Block[], lang: string): boolean {
  const [first, next] = blocks;
  if (first?.type !== 'paragraph' || next?.type !== 'paragraph' || (first as Paragraph).children.length !== 1 || (first as Paragraph).children[0].type !== 'text') return false;
  const text = toString(first).trim();
  // One question is a title too ("Junior tennis at the club: which ball is right for my child?").
  const question = /\?$/.test(text) && !/[.!?]\s/.test(text);
  return !/\n/.test(text) && text.length <= 120 && text.split(/\s+/).length <= 16 && /^\p{Lu}/u.test(text) && (question || !/[.!?;,]$/.test(text)) && !isByline(text) && !isBullet(text) && !endsOpen(text, lang);
}

/** The first block is a bare line and no later bare line has its shape (as part headings share one). */
function isTitleLine(blocks: Block[], lang: string): boolean {
  // A trail of links over it ("Help & support › Meters › Types of meter") is the page's frame.
  const start = blocks.findIndex((b) => !isFrameLine(b));
  if (start < 0) return false;
  blocks = blocks.slice(start);
  if (!blocks[0] || !(isHeadingAt(blocks, 0, lang) || isLongTitle(blocks, lang))) return false;
  const first = toString(blocks[0]).trim();
  const next = blocks.slice(1).find(isBareHeading);
  if (!next) return true;
  // "Hay fever" over "Symptoms of hay fever": a later heading about the first line's subject.
  const later = normalWords(toString(next));
  const own = normalWords(first);
  return !sameShape(first, toString(next).trim()) || (later.length > own.length && occurrences(later, own).length > 0);
}

/**
 * A paragraph of one short line that reads as a heading the text did not mark as one: no end
 * punctuation ("Outlook", "Low Back Pain: What You Need to Know", "COMMON SYMPTOMS"), a question
 * ("What causes it?", "¿Cómo se diagnostica?"), a label ending in a colon ("Treatment options:"),
 * or a numbered heading ("1. Causes"). Never a list item, a byline or a date line.
 */
export function isBareHeading(block: Block): boolean {
  if (block.type !== 'paragraph') return false;
  const p = block as Paragraph;
  return p.children.length === 1 && p.children[0].type === 'text' && isBareHeadingText(p.children[0].value.trim());
}

export function isBareHeadingText(text: string): boolean {
  if (!text || text.length > 80 || /\n/.test(text) || text.split(/\s+/).length > 10) return false;
  const body = text.replace(NUMBERED_HEADING, '');
  if (!/^[¿¡"“]?[\p{Lu}\p{N}]/u.test(body) || isByline(text) || isContactLine(text) || isPageChrome(text) || ANSWER_WORD.test(text)) return false;
  // The leaflet's own facts ("Leaflet number: OPH-047 Version 3") are its frame, not a heading over the text.
  if (PUBLISHER_FACT.test(text)) return false;
  if (body !== text) return !/[.!?:;,]$/.test(body);
  if (isBullet(text)) return false;
  // A question: one sentence, asked as a heading is ("How is it treated?").
  if (/\?$/.test(text)) return !/[.!?]\s/.test(text.slice(0, -1));
  // A form's question with its answers to tick ("Do you smoke? Yes / No") is the reader's to answer.
  if (/\?\s*(?:yes|no)\s*[/|·]?\s*(?:yes|no)(?:\s*[/|·]?\s*(?:not sure|don'?t know))?$/i.test(text)) return false;
  return !/[.!;,]$/.test(text);
}

/**
 * A line that gives the leaflet's own reference, version or dates: "Leaflet number: OPH-047 Version 3",
 * "Ref: PIL 0412", "Review date: January 2027". A number in it, always.
 */
const PUBLISHER_FACT = new RegExp(`^(?:(?:leaflet|document|booklet|publication|information sheet|fact ?sheet|pil|form)\\s+(?:no\\.?|number|code|ref(?:erence)?|id)|ref(?:erence)?(?:\\s+no\\.?)?|version|(?:first\\s+)?published|(?:date\\s+)?(?:last\\s+)?(?:reviewed|updated|revised)|review date|next review(?:\\s+(?:date|due))?|date of (?:publication|issue|review)|produced|printed|approved)(?:\\s*:\\s*[^\\n]{0,60}\\d|\\s+(?:(?:${ENGLISH_MONTHS})\\s+)?[\\w./-]*\\d[\\w./-]*(?:\\s+(?:19|20)\\d{2})?$)`, 'i');

/** A body whose name opens with what it is, unmistakably ("Município de Pedra Alva", "Università di …"; not "Escuela de Verano 2025"). */
const BODY_NAMED_FIRST = /^(?:associazione|fondazione|federazione|asociación|fundación|federación|association|fédération|fondation|verein|stiftung|verband|associação|fundação|federação|município|municipio|câmara municipal|prefeitura|ayuntamiento|comune|commune|mairie|gemeente|gemeinde|stadt|kommune|kommun|gmina|urząd|concello|ajuntament|junta de freguesia|ministério|ministerio|ministero|ministère|ministerium|universidade|universidad|università|université|universität)(?=[\s,]|$)/iu;

/**
 * A page's question about itself and its two answer buttons, in any language: "Was deze informatie
 * nuttig? Ja / Nee", "War diese Seite hilfreich? Ja Nein", "Cette page vous a-t-elle été utile ? Oui Non".
 * It asks whether the page helped or was what the reader looked for ("Did you find what you were
 * looking for? Yes No"): a form's "Do you smoke? Yes / No" is the reader's to answer.
 */
const FEEDBACK_BUTTONS = /^[¿]?(?=[^?]{0,100}(?<!\p{L})(?:help\p{L}*|useful|find what|looking for|page|article|information|site|leaflet|guide|answer\p{L}*|nuttig|behulpzaam|informatie|pagina|geholfen|hilfreich|nützlich|seite|aidé|utile|útil|util|ayud\p{L}*|página|informaci[oó]n|aiutat\p{L}*|pomocn\p{L}*|przydatn\p{L}*|strona|hjälpsam|nyttig|sidan|hyödyllinen)(?!\p{L}))[^?]{3,100}\s?\?\s*(?:yes|ja|oui|s[íi]|sim|tak|ano|kyllä|igen|evet|da|да)\s*[/|·,]?\s*(?:no|nee|nein|non|não|nie|ne|ei|nem|hayır|nu|нет)$/iu;

/** A bare answer names nothing: "Yes" and "No" under "Was this page helpful?". */
const ANSWER_WORD = /^(?:yes|no|ok|okay|s[íi]|oui|non|ja|nein)[.!]?$/i;

/** The words of a web page's controls, copied with its text: "Print this page", "Share", "Back to top". */
const CONTROL = /^(?:print|share|email|e-mail|save|download|bookmark|tweet|like|follow|subscribe|back to top|skip to(?: main)? content|(?:print|share|email|save|download|bookmark)\s+(?:this|the)\s+(?:page|article|leaflet|guide|sheet)(?:\s+as\s+pdf)?|was this (?:page|article|advice|information|leaflet|guide|answer|content) (?:helpful|useful)\??(?:\s*yes(?:\s*[|/·]?\s*no)?)?|rate this (?:page|article)|facebook|twitter|x \(twitter\)|linkedin|whatsapp|instagram|pinterest|copy link)$/i;

/**
 * A line copied from a web page's frame, not its text: a trail of links ("Learning at the Museum ›
 * Schools › Resources", "Home > Living with allergy > Insect stings"), or controls ("Print this page", "Last updated 12 May | Print | Share").
 * Kept as a paragraph (nothing is lost), never a heading.
 */
function isPageChrome(text: string): boolean {
  return pageFrameKind(text) !== undefined;
}

/**
 * Lines of a web page's frame copied with its text (a cookie banner, a trail of links, the page's
 * buttons) are marked as such: printed small, as the frame they are, and named by the check so the
 * writer can delete them. Nothing is left out. Only lines that are a paragraph of their own.
 */
function markPageFrame(blocks: Block[]): void {
  const lineOf = (b: Block) => (b.type === 'paragraph' && b.children.length === 1 && b.children[0].type === 'text' ? b.children[0].value.trim() : undefined);
  const kindOf = (b: Block) => { const line = lineOf(b); const kind = line === undefined ? undefined : pageFrameKind(line); return kind && MARKED_KINDS.has(kind) ? kind : undefined; };
  // Only in the frame: the lines over the text (before its first paragraph of sentences) and those
  // after its last. In the text, "Walk / Cycle / Car" or "Cookies and biscuits …" are the text's own.
  const prose = (b: Block) => { const line = lineOf(b); return b.type !== 'paragraph' || line === undefined || /[.!?]\s+\p{Lu}/u.test(line) || line.split(/\s+/).length > 40; };
  const first = blocks.findIndex((b) => prose(b) && !kindOf(b));
  const last = blocks.length - 1 - [...blocks].reverse().findIndex((b) => prose(b) && !kindOf(b));
  blocks.forEach((block, i) => {
    if (first !== -1 && i > first && i < last) return;
    const kind = kindOf(block);
    if (kind && block.type === 'paragraph') block.data = { ...block.data, frame: kind, hProperties: { ...block.data?.hProperties, className: ['page-frame'] } };
  });
}

/** What a cookie banner says of the site and the reader's choice. */
const COOKIE_BANNER = /\b(?:we use|this (?:site|website)|our (?:site|website)|the (?:site|website)|your (?:experience|browsing|consent)|accept all|reject all|cookie (?:settings|preferences|policy|notice)|analytics)\b/i;

/** The first link of a trail: the home page, in the languages handouts are written in. */
const HOME_LINK = /^(?:home(?:\s+page)?|start|inicio|início|accueil|startseite|pagina iniziale|hem|strona główna)$/i;

/** The kinds of frame line printed small: those no text of its own is written as. */
const MARKED_KINDS = new Set(['a cookie banner', 'a trail of links', "the page's buttons"]);

/**
 * What kind of line of the web page's frame a line is, in words ("a cookie banner"), or undefined
 * for a line of the text: see isPageChrome.
 */
export function pageFrameKind(text: string): string | undefined {
  // A bar of short links ending a line: "This advice applies to England. Change country: Northern Ireland | Scotland | Wales".
  const bar = text.split(/\s+\|\s+/);
  if (bar.length >= 3 && bar.slice(1).every((p) => p.split(/\s+/).length <= 3 && !/[.!?]$/.test(p))) return 'a bar of links';
  // A cookie banner: "We use cookies … Accept all cookies | Manage cookie settings".
  // (A banner speaks of the site: "Cookies and biscuits are high in sugar, so manage …" is text.)
  if (/\bcookies?\b/i.test(text) && /\b(?:accept|reject|manage|settings|preferences)\b/i.test(text) && COOKIE_BANNER.test(text) && text.split(/\s+/).length >= 6 && text.split(/\s+/).length <= 40) return 'a cookie banner';
  if (/\s[›»]\s/.test(text) || (text.match(/\s>\s/g)?.length ?? 0) >= 2) return 'a trail of links';
  if (CONTROL.test(text.trim()) || FEEDBACK_BUTTONS.test(text.trim())) return "the page's buttons";
  // "Home / Learn about bees / The colony": links parted by slashes, each a few words.
  // (From the home page: "Walk / Cycle / Car / Bus" is a survey's answers, "Date of birth: __ / __" a form.)
  const slashed = text.split(/\s+\/\s+/);
  if (slashed.length >= 3 && HOME_LINK.test(slashed[0]) && slashed.every((p) => p.split(/\s+/).length <= 5 && !/[.!?:_]$/.test(p))) return 'a trail of links';
  // Buttons set side by side, with wide gaps between them, are pieces too ("Share this page   Facebook   Email").
  const pieces = text.split(/\s+[|·•]\s+|\s{3,}|\t+/).map((p) => p.trim()).filter(Boolean);
  // "Tri-State Poison Center | Poison Topics | Plants and Mushrooms", "Pawsure – Help centre –
  // Choosing a policy": three short links in a row.
  const links = text.split(/\s+[|·•–—]\s+/).map((p) => p.trim()).filter(Boolean);
  if (links.length >= 3 && links.every((p) => p.split(/\s+/).length <= 5 && !/[.!?:]$/.test(p))) return 'a row of links';
  return pieces.length > 0 && pieces.some((p) => CONTROL.test(p)) && pieces.every((p) => CONTROL.test(p) || DATE.test(p) || BYLINE.test(p) || ANSWER_WORD.test(p)) ? "the page's buttons" : undefined;
}

/**
 * A line with a phone number (nine digits or more), an email address or a web address in it is
 * how to reach someone ("Birth Centre triage line (24 hours): 0161 496 0275"), not a heading.
 */
function isContactLine(text: string): boolean {
  const phone = text.match(/\+?\(?\d[\d ().-]*\d/g)?.some((m) => m.replace(/\D/g, '').length >= 9);
  return !!phone || /\S@\S+\.\p{L}{2,}|\bhttps?:\/\/|\bwww\.\S/u.test(text);
}

/** A sentence about every part at once. */
const WHOLE = /\b(?:any|all|every|each|both)\s+(?:\w+\s+)?(?:types?|forms?|kinds?|stages?|classes?|categories)\b|\b(?:cualquier|todos los|todas las)\s+(?:tipos?|formas?)\b/i;

/** A bare line as a heading prints it: "Treatment options:" is headed "Treatment options". */
function headingText(line: Paragraph): string {
  return toString(line).trim().replace(/\s*:$/, '');
}

/** "1. Causes", "2) Symptoms": a number before a heading's words. */
const NUMBERED_HEADING = /^\d{1,2}[.)]\s+(?=\S)/;

/**
 * A bare heading where it stands. A heading heads something, so the last line is not one. Over a
 * list, a line that ends in a colon, a verb or a preposition ("The types of UI in men include",
 * "Drugs that may cause type 4 RTA include") is the list's lead-in, and a numbered line its first
 * item; a line that names a topic ("COMMON SYMPTOMS", "Things you can do yourself") heads it.
 */
function isHeadingAt(blocks: Block[], i: number, lang: string): boolean {
  if (i >= blocks.length - 1 || !isBareHeading(blocks[i]) || inRunOfLines(blocks, i)) return false;
  // A run-in head is the heading of the paragraph it was taken from, numbered or not.
  if (RUN_IN_HEADS.has(blocks[i])) return true;
  // A line its writer underlined ("=====") is a heading, whatever follows it.
  if (blocks[i].type === 'paragraph' && blocks[i].data?.underlined) return true;
  const text = toString(blocks[i]).trim();
  // "The main symptoms are:", "See a GP if:": a line that stops mid-sentence leads into what follows;
  // the short lines after it are its list, though nothing marks them.
  if (/:$/.test(text) && (endsOpen(text, lang) || LEADS_IN.test(text))) return false;
  // So does a label with lines right under it ("Side effects:", "Hoarse voice", "Cough"), as over bullets.
  if ((/:$/.test(text) || !/[.!?]$/.test(text)) && unmarkedRunAfter(blocks, i, lang) >= 2) return false;
  if (unmarkedItemAt(blocks, i, lang)) return false;
  // The last of a series of names, each with a dash and what to say of it ("Face – has their face
  // fallen?", "Arms – can they lift both arms?", "Speech – is their speech slurred?"), is one of them.
  // (Lines set together: after a blank line, "Hospital – what happens next" heads its text.)
  const together = blocks[i - 1]?.position?.end.line !== undefined && blocks[i - 1].position!.end.line + 1 === blocks[i].position?.start.line;
  if (DASHED_ITEM.test(text) && together && blocks[i - 1].type === 'paragraph' && DASHED_ITEM.test(toString(blocks[i - 1]).trim())) return false;
  // So is the first of them, with the next right under it ("Nucleus - the control centre", "Cell membrane - a thin layer").
  const nextTogether = blocks[i].position?.end.line !== undefined && blocks[i].position!.end.line + 1 === blocks[i + 1].position?.start.line;
  if (DASHED_ITEM.test(text) && nextTogether && blocks[i + 1].type === 'paragraph' && DASHED_ITEM.test(toString(blocks[i + 1]).trim())) return false;
  const next = blocks[i + 1].type === 'paragraph' ? toString(blocks[i + 1]) : '';
  // Questions in a row ("Check your understanding" and its review questions) are a list of
  // questions; a question heads the answer that follows it.
  if (/\?$/.test(text) && /\?\s*$/.test(next)) return false;
  if (!isBullet(next)) return true;
  // Over its bullets, a line that stops on a verb leads into them ("You may need to bring"), unless
  // a question word is that verb's object: "What we can investigate", "Who can apply" head a list.
  return !(/:$/.test(text) || NUMBERED_HEADING.test(text) || (endsOpen(text, lang) && !QUESTION_CLAUSE.test(text)));
}

/** A name, a dash and what is said of it in lower case: "Speech – is their speech slurred or muddled?". */
const DASHED_ITEM = /^\p{Lu}[\p{L}'’ -]{0,30}?\s[–—-]\s\p{Ll}/u;

/** A clause a question word opens, complete however it ends: "What to bring", "How we can help". */
const QUESTION_CLAUSE = /^(?:what|who|which|when|where|why|how|whether)\s/i;

/**
 * In a text that parts its paragraphs with blank lines, short lines set together, with none between
 * them, are one thing: a heading and its list ("Related pages" over the names of three pages, "Was
 * this page helpful?" over "Yes" and "No"). Only the first of three or more can be a heading.
 */
function inRunOfLines(blocks: Block[], i: number): boolean {
  let inner = RUN_MEMBERS.get(blocks);
  if (!inner) {
    // One pass: each block is read once, however long its run (2000 short lines took 16 s asking
    // each one's neighbours again).
    inner = new Set<number>();
    if (spacedWithBlankLines(blocks)) {
      const bare = blocks.map((b) => isBareHeading(b));
      const together = (a: number) => bare[a] && bare[a + 1] && blocks[a + 1].position?.start.line === (blocks[a].position?.end.line ?? NaN) + 1;
      for (let start = 0; start < blocks.length; ) {
        let end = start;
        while (end + 1 < blocks.length && together(end)) end++;
        if (end - start >= 2) for (let k = start + 1; k <= end; k++) inner.add(k);
        start = end + 1;
      }
    }
    RUN_MEMBERS.set(blocks, inner);
  }
  return inner.has(i);
}
const RUN_MEMBERS = new WeakMap<Block[], Set<number>>();

/** Most paragraphs of text have a blank line before and after them (so lines set together mean something). */
function spacedWithBlankLines(blocks: Block[]): boolean {
  let known = SPACED.get(blocks);
  if (known === undefined) {
    const gaps = blocks.slice(1).flatMap((b, k) => (isBareHeading(b) && isBareHeading(blocks[k]) ? [] : [(b.position?.start.line ?? 0) - (blocks[k].position?.end.line ?? 0)]));
    known = gaps.length > 0 && gaps.filter((g) => g > 1).length >= 0.6 * gaps.length;
    SPACED.set(blocks, known);
  }
  return known;
}
const SPACED = new WeakMap<Block[], boolean>();

/**
 * Who wrote it and when ("By Maria Lindqvist, RN", "Updated March 2024", "Page last reviewed: 14
 * February 2024"): a line about the article, kept as a paragraph, never a heading.
 */
function isByline(text: string): boolean {
  return BYLINE.test(text) || SIGNATURE.test(text) || ABOUT_THE_SHEET.test(text) || SHEET_IN_SERIES.test(text) || (DATE.test(text) && text.split(/\s+/).length <= 8);
}

/** A person signing or credited: "Ms. Dana Whitfield, RN", "Dr Amal Haddad", "Jo Park, PharmD". */
const SIGNATURE = /^(?:dr|mr|mrs|ms|mx|prof)\.?\s+\p{Lu}|,\s*(?:RN|LPN|NP|PA-C|PA|MD|DO|PhD|BSN|MSN|DNP|DDS|DMD|PharmD|RPh|MPH|MBBS|FRCP|MRCGP|DVM|BVSc|CDE|RD)\.?$/u;
/** What the sheet is and who made it: "A fact sheet from the Bureau of …", "A leaflet for parents". */
const ABOUT_THE_SHEET = /^(?:an?|this)\s+(?:\w+\s+)?(?:fact\s*sheet|leaflet|guide|booklet|brochure|handout|information sheet|newsletter|letter)\s+(?:from|for|by|about)\b/i;
/** A course, a unit of one or the kind of notes: "BUS 110", "Unit 4", "KS4", "Year 10", "revision notes". */
const IN_A_SERIES = /\b(?:note|sheet|leaflet|bulletin|factsheet|guide|paper)\s+(?:no\.?|number|#)\s*\d{1,4}\b|\bseries\s*$|\b(?:unit|module|chapter|lesson|week|session|topic|paper|section)\s+\d{1,3}\b|\b(?:KS[1-5]|GCSE|A-level)\b|\b(?:revision|study|lecture|class|course|lesson)\s+(?:notes?|guide|sheet)s?\b/i;
/** … in capitals as written: a course code ("BUS 110"), a lettered section ("Section A"); not "Over 65". */
const COURSE_CODE = /^\p{Lu}{2,5}\s?\d{2,4}\b|\b(?:Unit|Module|Chapter|Paper|Section)\s+[A-Z]\b/u;
/** A paragraph written as a list item: a short capitalised name (an aside in brackets may follow), a colon or a dash, then what it is. */
const NAMED_ITEM = /^\p{Lu}[^.:;!?()–—]{0,50}?(?:\s\([^)]{0,80}\))?(?::|\s[–—]|\s-\s)\s*\S/u;
/** Words that, with two sentences or more, make a list item a paragraph of its own. */
const ITEM_PARAGRAPH_WORDS = 20;

/**
 * After a count of anything ("Our warnings use three levels"), as many paragraphs that open with a
 * label and a colon, the first right after it ("Flood alert: flooding is possible …", "Flood
 * warning: …", "Severe flood warning: …"): the labels are the parts. Paragraphs between them go on
 * about the one before; a label the text sets any paragraph off with ("Note:", "Tip:") is none.
 */
function labelledAfter(paras: Para[], i: number, count: number): Part[] {
  const labels: string[] = [];
  // Paragraphs without a label since the last one: at most two go on about it.
  let between = 0;
  for (let j = i + 1; j < paras.length && labels.length < count; j++) {
    const label = PARAGRAPH_LABEL.exec(paras[j].text)?.[1];
    if (!label || ASIDE_LABEL.test(label) || isBullet(paras[j].text)) {
      // The first part opens the paragraph right after the count.
      if (!labels.length || ++between > 2) return [];
      continue;
    }
    between = 0;
    if (labels.some((l) => normalWords(l).join(' ') === normalWords(label).join(' '))) return [];
    labels.push(label);
  }
  return labels.length === count ? labels.map((l) => partOf(l)) : [];
}

/** A paragraph that opens with a label of one to six words and a colon, then a paragraph's text. */
const PARAGRAPH_LABEL = /^(\p{Lu}[^.:;!?()–—\d]{0,50}?):\s+(?=\S+(?:\s+\S+){7})/u;
/** Labels that set off a remark, not a part: "Note:", "Exam tip:", "Example:". */
const ASIDE_LABEL = /^(?:(?:exam|top|quick|please|important|safety|an?)\s+)?(?:note|tip|hint|example|important|remember|warning|caution|nb|ps|sources?|see also|answer|question|reminder|key point|fact)s?$/i;

/** A list item written as a name, a colon or a dash, and a paragraph about it. */
function isNamedParagraphItem(text: string): boolean {
  const item = text.replace(LIST_MARKER, '');
  return NAMED_ITEM.test(item) && item.split(/\s+/).length >= ITEM_PARAGRAPH_WORDS && /[.!?]\s+\S/.test(item);
}

/** A line that says a list follows: "We offer the following types of card:", "You will need these things:". */
const LEADS_IN = /\b(?:the\s+following|as\s+follows|these|below)\b[^:]*:$/i;
/** A line under the title that says whom the sheet is for or from, or the series or course it belongs to. */
function namesTheSheet(line: string): boolean {
  return FOR_WHOM.test(line) || IN_A_SERIES.test(line) || COURSE_CODE.test(line);
}

/** A line saying whom a sheet is for or from: "Information for patients", "… advice from your fire and rescue service". */
const FOR_WHOM = /\b(?:information|advice|guidance|tips|facts|help|leaflet|guide)\s+(?:(?:for|from)\s+(?:\p{Ll}+\s+){0,3}(?:patients?|parents?|carers?|families|relatives|visitors|residents|the public|staff|students|pupils|owners|women|men|partners|children|adults|people)\b|from\s+(?:you|your|the)\b)|^(?:(?:patient|general)\s+)?(?:information|advice|guidance)\s+for\s+(?:\p{Ll}+\s+){0,6}\p{Ll}+(?:\s+from\s+\S.*)?$/iu;
/** The sheet's place in a series: "Workplace Health and Safety Information Sheet 12", "Patient leaflet no. 4". */
const SHEET_IN_SERIES = /\b(?:fact\s*sheet|information\s+sheet|safety\s+sheet|data\s+sheet|leaflet|bulletin|brochure|booklet|handout)\s+(?:no\.?\s*|number\s+|#\s*)?\d+[a-z]?$/i;

const BYLINE = /^(?:(?:written|reviewed|edited|compiled|prepared)\s+by|by|(?:page\s+)?(?:last\s+)?(?:updated|reviewed|revised|published|posted)|date|source|author|escrito\s+por|por|actualizado|revisado|publicado|fecha|pubblicato|aggiornato|scritto\s+da|publié|mis\s+à\s+jour|rédigé\s+par|veröffentlicht|aktualisiert|atualizado)(?=[\s:]|$)/iu;
const MONTHS = `${ENGLISH_MONTHS}|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre`;
const DATE = new RegExp(`\\b(?:${MONTHS})\\.?\\s+(?:\\d{1,2},?\\s+)?(?:19|20)\\d{2}\\b|\\b\\d{1,2}\\s+(?:de\\s+)?(?:${MONTHS})\\.?\\s+(?:de\\s+)?(?:19|20)\\d{2}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b`, 'i');

/** The title and its aliases as words to recognise; an acronym defined for it counts too. */
function subjectOf(title: string | undefined, text: string): Subject {
  if (!title) return { title: 'the subject', keys: [] };
  title = subjectInTitle(title, text);
  const own = normalWords(title.replace(/\s+\([^)]*\)/g, ''));
  const keys = [own];
  for (const [acronym, expansion] of acronymsIn(text)) if (expansion.join(' ') === own.join(' ') || own.join(' ').endsWith(expansion.join(' '))) keys.push(acronym.split(' '));
  return { title, keys, head: own[own.length - 1] };
}

/**
 * What a title is about: "Earth Science Review: Types of Rock" → "Rock"; "Gout: Questions and
 * Answers" → "Gout"; a title without a colon as it is.
 */
function subjectInTitle(title: string, text: string): string {
  const segments = title.split(/\s*:\s+/).filter(Boolean);
  for (const segment of segments) {
    // "Understanding the different types of dementia": a word or two before it say what the sheet does.
    const kinds = /^(?:(?:understanding|explaining|knowing|comparing|about|learning about|a guide to|guide to)\s+)?(?:the\s+)?(?:(?:main|different|common|most common|various)\s+)?(?:types|forms|kinds|classes|stages|categories|tipos|formas|clases)\s+(?:of|de)\s+(.+)$/i.exec(segment);
    if (kinds) return kinds[1];
    // "Understanding Diabetes", "A guide to asthma": the same words before the subject itself.
    const doing = /^(?:understanding|explaining|knowing|about|learning about|living with|coping with|managing|a guide to|guide to|your guide to)\s+(?:your\s+)?(.+)$/i.exec(segment);
    if (doing && segments.length === 1) return doing[1];
  }
  if (segments.length < 2) return title;
  // "Unit 4 Study Guide: Rocks and the Rock Cycle": the part the text talks about.
  const use = wordUse(text);
  const segment = segments.reduce((best, s) => (use(s) > 1.5 * use(best) ? s : best), segments[0]);
  // "Rocks and the Rock Cycle": of two things joined, the one the text talks about more.
  const conjuncts = segment.split(/\s+(?:and|&)\s+(?:the\s+)?/i);
  return conjuncts.length === 2 ? conjuncts.reduce((best, c) => (use(c) > 1.5 * use(best) ? c : best)) : segment;
}

class Context {
  slugs = new SlugCounter();
  private tried: string[] = [];
  constructor(
    private lang: string,
    private subject: Subject,
    private notes: string[],
    private options: InferOptions,
    /** Acronyms the whole text defines. */
    private acronyms: Map<string, string[]>,
  ) {}

  /** Divide one scope into an intro and part sections (and a general section after them). */
  split(paras: Para[], level: number): Split {
    const none = { before: paras.map((p) => p.block), sections: [] };
    if (this.options.parts?.length) {
      const parts = this.options.parts.map((n) => partOf(n));
      const first = paras.findIndex((p) => this.namedAtOpening(p, 0, parts, new Set(), new Set(parts)).length);
      if (first === -1) {
        this.tried.push(`no paragraph opens with one of the parts named in front matter (${this.options.parts.join(', ')})`);
        return none;
      }
      return this.file(paras, first, 0, parts, undefined, level, 'the parts named in front matter') ?? none;
    }
    // Announced parts: the first announcement whose parts the text takes up. Announcements without
    // a kind word ("five main groups") come after the runs of paragraphs that name kinds alike.
    const loose: (() => Split | undefined)[] = [];
    for (let i = 0; i < paras.length; i++) {
      const p = paras[i];
      for (let s = 0; s < p.sentences.length; s++) {
        const bullets = this.bulletsAfter(paras, i);
        const a = announcementIn(p.sentences[s], p.sentences[s + 1] ?? paras[i + 1]?.sentences[0], s === p.sentences.length - 1 ? bullets : [], this.subject.head);
        if (!a) continue;
        if (a.strict) {
          loose.push(() => {
            const before = this.mark();
            const found = this.fromAnnouncement(paras, i, s, a, level);
            return found && (this.nearerAnnouncement(paras, i, found, level, before) ?? found);
          });
          continue;
        }
        const before = this.mark();
        const found = this.fromAnnouncement(paras, i, s, a, level);
        if (found) return this.nearerAnnouncement(paras, i, found, level, before) ?? found;
      }
    }
    const start = this.mark();
    const run = this.parallelRun(paras, level) ?? this.sharedWordRun(paras, level) ?? this.definedTermRun(paras, level);
    if (run) {
      // A count that the paragraphs after it meet, one part each, names more of them than a run
      // that stopped short ("four main denominations": the aureus, …, and "the as", which no
      // sentence calls a coin).
      const partsIn = (split: Split) => split.sections.filter((x) => x.parts).length;
      for (const tryIt of loose) {
        const here = this.mark();
        const found = tryIt();
        if (found && partsIn(found) > partsIn(run)) {
          this.restore(start);
          return tryIt()!;
        }
        this.restore(here);
      }
      return run;
    }
    for (const tryIt of loose) {
      const found = tryIt();
      if (found) return found;
    }
    return none;
  }

  /** What the inference has written down and named so far, to go back to. */
  private mark() {
    return { notes: this.notes.length, tried: this.tried.length, slugs: this.slugs.mark() };
  }

  private restore(m: ReturnType<Context['mark']>): void {
    this.notes.length = m.notes;
    this.tried.length = m.tried;
    this.slugs.restore(m.slugs);
  }

  /**
   * A text that announces twice governs its parts by the announcement nearer to them: "Thomsen
   * sorted his collection into three ages: stone, bronze and iron. … Our gallery is arranged in
   * five periods." then one paragraph a period. `found` came from paragraph i; an announcement
   * after it, up to its first part, that makes two parts or more of its own is taken instead.
   */
  private nearerAnnouncement(paras: Para[], i: number, found: Split, level: number, before: ReturnType<Context['mark']>): Split | undefined {
    const first = found.sections.find((x) => x.parts)?.blocks[0];
    const f = paras.findIndex((p) => p.block === first);
    // Up to the paragraph of the first part, which may itself announce them by name ("There are
    // four main types: Alzheimer's disease, vascular dementia, …" after "… explains the four most common types").
    for (let k = i + 1; k <= f; k++) {
      const p = paras[k];
      for (let s = 0; s < p.sentences.length; s++) {
        const a = announcementIn(p.sentences[s], p.sentences[s + 1] ?? paras[k + 1]?.sentences[0], s === p.sentences.length - 1 ? this.bulletsAfter(paras, k) : [], this.subject.head);
        if (!a || (k === f && a.listed.length < 2)) continue;
        const here = this.mark();
        const nearer = this.fromAnnouncement(paras, k, s, a, level);
        if (nearer && nearer.sections.filter((x) => x.parts).length >= 2) {
          // Its notes, and only its, are the ones to keep: write them again from where `found` began.
          this.restore(before);
          return this.fromAnnouncement(paras, k, s, a, level);
        }
        this.restore(here);
      }
    }
    return undefined;
  }

  /**
   * The list items after paragraph i: lines marked as items, or, after a lead-in that ends in a
   * colon, two or more paragraphs written as a name and what it is ("Legumes (clover, vetch) – fix
   * nitrogen …", "Adult card: for anyone aged 16 or over …"), as lists lose their marks when copied.
   */
  private bulletsAfter(paras: Para[], i: number): string[] {
    const out: string[] = [];
    for (let j = i + 1; j < paras.length && isBullet(paras[j].text); j++) out.push(paras[j].text);
    if (out.length || !/:\s*$/.test(paras[i].text)) return out;
    for (let j = i + 1; j < paras.length && NAMED_ITEM.test(paras[j].text); j++) out.push(paras[j].text);
    return out.length >= 2 ? out : [];
  }

  /**
   * "Geographers recognise three kinds of plate boundary": the parts are kinds of what the
   * announcement sorts, which may be narrower than the article's subject ("plates"); their
   * openings are read against it ("At a convergent boundary …").
   */
  private fromAnnouncement(paras: Para[], i: number, s: number, a: Announcement, level: number): Split | undefined {
    const sorted = new RegExp(`\\b(?:${plural(a.kind)}|${a.kind})\\s+of\\s+(?:the\\s+)?((?:[\\p{L}-]+\\s+){0,2}[\\p{L}-]+)`, 'iu').exec(a.sentence);
    const what = sorted ? normalWords(nounRun(normalWords(sorted[1]).join(' '), 'start')) : [];
    const own = this.subject;
    if (what.length && !own.keys.some((k) => k.join(' ') === what.join(' '))) {
      this.subject = { ...own, keys: [what], head: what[what.length - 1] };
    }
    try {
      return this.fromAnnouncementOf(paras, i, s, a, level);
    } finally {
      this.subject = own;
    }
  }

  private fromAnnouncementOf(paras: Para[], i: number, s: number, a: Announcement, level: number): Split | undefined {
    const where = `paragraph ${paras[i].number}: "${clip(a.sentence)}"`;
    let parts = a.listed;
    let how = `the ${plural(a.kind)} listed in ${where}`;
    let from = [i, s + 1];
    if (!parts.length && a.strict) {
      // Without a kind word, only what follows at once: the next paragraphs, one part each.
      // Labels set the parts apart more plainly than the subjects of sentences do.
      parts = a.count ? labelledAfter(paras, i, a.count) : [];
      how = `the ${plural(a.kind)} announced in ${where}, each the label that opens a paragraph after it`;
      // The first label opens the next paragraph: the rest of this one is the introduction's.
      if (parts.length >= 2) from = [i + 1, 0];
      else {
        parts = this.namedBySubjects(paras, i, s, a.count, true);
        how = `the ${plural(a.kind)} announced in ${where}, each the subject of a paragraph right after it`;
      }
    } else if (!parts.length) {
      parts = this.discovered(paras, i, s + 1);
      how = `the ${plural(a.kind)} announced in ${where}, named by the paragraphs that open with them`;
      // "Five classes …" then "Penicillins were …", "Cephalosporins are …": each paragraph names its
      // own. So when the names found break the count and the subjects meet it: "four stages", then
      // "Evaporation …", "Condensation …", "Precipitation …", "Collection …", over "transpiration",
      // named in passing, and "Humans change …", a paragraph about the whole.
      const subjects = parts.length < 2 || (a.count && parts.length !== a.count) ? this.namedBySubjects(paras, i, s, a.count) : [];
      if (parts.length < 2 || (subjects.length === a.count && !parts.every((p) => subjects.some((q) => sameName(p, q))))) {
        parts = subjects;
        how = `the ${plural(a.kind)} announced in ${where}, each the subject of the paragraph that opens with it`;
      }
      if (a.count && parts.length > a.count + 1) {
        this.tried.push(`${where} announces ${a.count} ${plural(a.kind)}, but ${parts.length} paragraphs open with different names`);
        return undefined;
      }
      // "Three degrees of burn" and then "… chemical and electrical burns": the count says how many.
      // A numbered run that goes on ("Stage 5" after "… four stages; … added a fifth") keeps its last.
      if (a.count && parts.length > a.count && !numberedRun(parts)) parts = parts.slice(0, a.count);
    }
    if (parts.length < 2) {
      // A count of days or visits is no announcement worth reporting.
      if (!a.strict) this.tried.push(`${where} announces ${plural(a.kind)}, but the paragraphs after it do not name them`);
      return undefined;
    }
    if (parts === a.listed) parts = withHeadWords(parts, this.subject);
    const [tried, noted] = [this.tried.length, this.notes.length];
    const found = this.file(paras, from[0], from[1], parts.map((p) => this.withAliases({ ...p, kind: p.kind ?? a.kind })), a.kind, level, how);
    // Names listed in passing are parts only when three of them open paragraphs of their own; a
    // list that is not taken up is not worth reporting.
    if (a.inline && (!found || found.sections.filter((x) => x.parts).length < 3)) {
      [this.tried.length, this.notes.length] = [tried, noted];
      return undefined;
    }
    // A list without a kind word that is not taken up ("Common side effects:") is no announcement to report.
    if (!found && a.strict) this.tried.length = tried;
    return found;
  }

  /**
   * More ways the text names a part: "type A" of hepatitis is also "hepatitis A"; a part whose
   * name an acronym spells out ("hepatitis B virus (HBV)") is also the acronym.
   */
  private withAliases(part: Part): Part {
    const keys = [...part.keys];
    const label = /^\S+\s+(\S+)$/.exec(part.name);
    if (label && isLabel(label[1]) && part.kind) for (const k of this.subject.keys) keys.push([...k, ...normalWords(label[1])]);
    for (const [acronym, expansion] of this.acronyms) {
      if (keys.some((k) => occurrences(expansion, k).length)) keys.push(acronym.split(' '));
    }
    return { ...part, keys };
  }

  /** Parts named by the openings of the paragraphs from `i` (sentence `s` on in the first). */
  private discovered(paras: Para[], i: number, s: number): Part[] {
    const parts: Part[] = [];
    for (let j = i; j < paras.length; j++) {
      // "Any type of rock can change into any other type": the text has turned to the whole.
      if (j > i && parts.length >= 2 && WHOLE.test(paras[j].sentences[0] ?? '')) break;
      const o = this.openingAt(paras[j], j === i ? s : 0, parts, true);
      for (const part of o?.parts ?? []) if (!parts.some((q) => sameName(q, part))) parts.push(part);
    }
    return parts;
  }

  /**
   * Parts named by the subjects of the paragraphs after the announcement (sentence `s` of paragraph
   * `i`), one a paragraph, in a row: as many as announced (`count`, three or more); none when a
   * paragraph in the run names nothing.
   */
  private namedBySubjects(paras: Para[], i: number, s: number, count?: number, exact = false): Part[] {
    const names: string[] = [];
    // The announcing paragraph may go on about the first ("… four stages: … N1 is the lightest stage …").
    const rest = exact ? [] : paras[i].sentences.slice(s + 1);
    const openings = [...(rest.length >= 2 ? [rest[0]] : []), ...paras.slice(i + 1).map((p) => p.sentences[0])];
    // Words the text has used up to the count: "the species" refers back to one of them.
    let before: Set<string> | undefined;
    // (A little word the text has used as such is a name here: "The as, struck in copper, …".)
    const usedBefore = (words: string[]) => (before ??= new Set(paras.slice(0, i + 1).flatMap((p) => normalWords(p.text).map(singular)))) && words.every((w) => !LITTLE_WORDS.has(w) && before!.has(singular(w)));
    for (const sentence of openings) {
      if (count && names.length >= count) break;
      // "Note: the pool is closed …" is a remark, not a part; "Every economy has …" speaks of all
      // of something, not of one kind.
      if (ASIDE_LABEL.test(PARAGRAPH_LABEL.exec(sentence ?? '')?.[1] ?? '') || /^(?:every|each|all|any|no)\s/i.test(sentence ?? '')) break;
      // Right after a count of anything, a part is named as itself ("Diuretics. …", "Cinder cones
      // are …"), not referred back to ("The species is …", "Its gills …"). "The Palaeolithic, or Old
      // Stone Age, …" is a name (a capital after "the"), and so is "The aureus was …": a word the
      // text had not used before.
      const determined = exact && /^(?:the|this|that|these|those|its|their|his|her|our|your)\s/i.test(sentence ?? '') && !/^[Tt]he\s+\p{Lu}/u.test(sentence ?? '');
      const phrase = sentence ? subjectPhrase(sentence, this.subject) : undefined;
      const referred = determined && (!/^the\s/i.test(sentence ?? '') || !phrase || usedBefore(normalWords(phrase)));
      const name = sentence && !referred ? phrase : undefined;
      // "Neolithic communities also built …" after "The Neolithic …": more about that part.
      // ("Influenza B viruses" after "Influenza" is another: a label sets it apart.)
      if (name && names.length && continues(normalWords(name), normalWords(names[names.length - 1]))) continue;
      if (!name || names.some((n) => normalWords(n).join(' ') === normalWords(name).join(' '))) {
        // A first sentence of the announcing paragraph that names nothing is no break in the run.
        if (!names.length && rest.length >= 2 && sentence === rest[0]) continue;
        break;
      }
      names.push(name);
    }
    // Two kinds named in passing ("There are two kinds of fiber", "two kinds of pain medicine") are
    // too common to take a pair of paragraph subjects for them: three or more, as the count says.
    // `exact`: a count of anything is met exactly.
    if (exact && count && names.length !== count) return [];
    return names.length >= Math.max(count ?? 3, 3) ? names.map((n) => partOf(n)) : [];
  }

  /**
   * Unannounced parts named alike by their paragraphs' subjects: three or more paragraphs in a row
   * whose subjects share their first word, a name, and differ in the rest ("Plasmodium falciparum",
   * "Plasmodium vivax", "Plasmodium ovale"), as a genus's species are written.
   */
  private sharedWordRun(paras: Para[], level: number): Split | undefined {
    // Linear in the paragraphs: each one's subject is read once, and the run from each paragraph
    // (alike names, none repeated) is the one before it less its first name, grown at its end.
    // Reading them again for every run, 1000 short lines took over a minute.
    const subjects: ({ name: string; words: string[]; key: string } | null | undefined)[] = [];
    const subjectOf = (j: number) => {
      if (j >= paras.length) return null;
      if (subjects[j] === undefined) {
        const name = paras[j].sentences[0] ? subjectPhrase(paras[j].sentences[0], this.subject) : undefined;
        const words = name ? normalWords(name) : [];
        subjects[j] = name && words.length >= 2 ? { name, words, key: words.join(' ') } : null;
      }
      return subjects[j];
    };
    const alike = (a: string[], b: string[]) => a.length === b.length && a[0] === b[0];
    const capitalisedInText = new Map<string, boolean>();
    const inRun = new Set<string>();
    let end = 0;
    for (let i = 0; i < paras.length - 2; i++) {
      const first = subjectOf(i);
      if (end <= i || !first) {
        inRun.clear();
        end = i;
      } else {
        inRun.delete(subjectOf(i - 1)!.key);
      }
      if (!first) continue;
      for (let s = subjectOf(end); s && alike(s.words, first.words) && !inRun.has(s.key); s = subjectOf(end)) {
        inRun.add(s.key);
        end++;
      }
      // The shared word is a name the text capitalises inside its sentences ("the genus Plasmodium"),
      // not a common word that opens them ("Blood pressure …", "Blood tests …").
      const shared = first.name.split(/\s+/)[0];
      if (end - i < 3 || !/^\p{Lu}/u.test(shared)) continue;
      if (!capitalisedInText.has(shared)) capitalisedInText.set(shared, new RegExp(`[\\p{Ll},;]\\s+${escapeRegExp(shared)}\\b`, 'u').test(paras.map((p) => p.text).join(' ')));
      if (!capitalisedInText.get(shared)) continue;
      const names = subjects.slice(i, end).map((s) => s!.name);
      const parts = names.map((n) => partOf(n));
      const found = this.file(paras, i, 0, parts, undefined, level, `paragraphs ${paras[i].number}–${paras[i + names.length - 1].number} are about ${names.map((n) => `"${n}"`).join(', ')}, named alike`);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * Unannounced parts, defined one to a paragraph: three or more paragraphs in a row whose first
   * sentences each bring in a word the text has not used before and say what it is with one
   * shared noun ("… the apodyterium, the changing room", "Next came the tepidarium, a warm room",
   * "The caldarium was the hot room"): the new words are the parts, kinds of that noun.
   */
  private definedTermRun(paras: Para[], level: number): Split | undefined {
    const used = new Set(this.subject.keys.flat().map(singular));
    const defined = paras.map((p) => {
      const before = new Set(used);
      for (const w of normalWords(p.text)) used.add(singular(w));
      return p.sentences[0] && !isBullet(p.text) ? definitionIn(p.sentences[0], before) : undefined;
    });
    for (let i = 0; i < paras.length; i++) {
      const first = defined[i];
      if (!first) continue;
      let end = i + 1;
      while (end < paras.length && defined[end]?.genus === first.genus && !defined.slice(i, end).some((d) => d!.term === defined[end]!.term)) end++;
      if (end - i < 3) continue;
      const terms = defined.slice(i, end).map((d) => d!.term);
      const how = `paragraphs ${paras[i].number}–${paras[end - 1].number} each bring in a new word and call it a ${first.genus}: ${terms.map((t) => `"${t}"`).join(', ')}`;
      const found = this.file(paras, i, 0, terms.map((t) => partOf(t)), first.genus, level, how);
      if (found) return found;
      i = end - 1;
    }
    return undefined;
  }

  /** Unannounced parts: three or more paragraphs close together that open alike, each on a different kind. */
  private parallelRun(paras: Para[], level: number): Split | undefined {
    // Unannounced, a name counts only where the sentence says what it is a kind of:
    // "A type of bond … is called rivalry", not "A sugar made in the liver is called glycogen".
    const opening = (p: Para, known: Part[] = []) => {
      const o = this.openingAt(p, 0, known);
      return o && (o.rule !== 'called' || o.sorts) ? o : undefined;
    };
    for (let i = 0; i < paras.length; i++) {
      const o = opening(paras[i]);
      if (!o) continue;
      const run: { at: number; opening: Opening }[] = [{ at: i, opening: o }];
      for (let j = i + 1; j < paras.length && j - run[run.length - 1].at <= 3; j++) {
        const next = opening(paras[j], run.flatMap((r) => r.opening.parts));
        if (!next) continue;
        if (family(next.rule) !== family(o.rule) && !(this.namesSubject(paras[j], next) && this.namesSubject(paras[run[0].at], o))) break;
        run.push({ at: j, opening: next });
      }
      if (run.length < 3) continue;
      const parts = run.flatMap((r) => r.opening.parts);
      const how = `paragraphs ${run.map((r) => paras[r.at].number).join(', ')} open alike (${o.rule}) on different kinds: ${parts.map((p) => `"${p.name}"`).join(', ')}`;
      const found = this.file(paras, i, 0, parts, parts[0].kind, level, how);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * Does the paragraph open on a kind named with the subject's own word, by a label or a modifier
   * ("Type 1 diabetes …", "Gestational diabetes …")? Such openings read alike whatever names them.
   */
  private namesSubject(p: Para, o: Opening): boolean {
    const head = this.subject.head;
    if (!head || (o.rule !== 'labelled' && o.rule !== 'modifier')) return false;
    const words = normalWords(p.sentences[0] ?? '');
    const name = normalWords(o.words);
    const at = occurrences(words, name)[0];
    return at !== undefined && at <= 1 && (name[name.length - 1] === head || words[at + name.length] === head);
  }

  /** The part(s) a paragraph opens with: its first sentence, or its second when the first names none. */
  private openingAt(p: Para, from: number, known: Part[] = [], announced = false): Opening | undefined {
    if (isBullet(p.text)) return undefined;
    // In the announcing paragraph, a part opens only if the paragraph goes on about it (two sentences or more).
    if (from > 0 && p.sentences.length - from < 2) return undefined;
    for (let s = from; s < Math.min(from + 2, p.sentences.length); s++) {
      const o = openingOf(p.sentences[s], this.subject, announced);
      // A sentence that opens on parts already found ("Both A and B may progress to C") lets the next one speak.
      if (o && !o.parts.every((n) => known.some((k) => sameName(k, n)))) return o;
      if (s === from && !this.mayLookFurther(p.sentences[s])) return undefined;
      // Nor when it is about two things at once that are no parts ("Plant and animal cells are both
      // eukaryotic, but they differ."): a comparison, whose next sentence names one side of it.
      // ("Both localized and cephalic tetanus may progress to …" names parts: the next may go on.)
      if (s === from && !o && !mentionedParts(this.openingWords(p.sentences[s]), known).length && subjectTokens(tokensOf(p.sentences[s])).some((t) => t.pos === 'CCONJ')) return undefined;
    }
    return undefined;
  }

  /**
   * A first sentence that names no part lets the second decide, unless it refers back ("this
   * type") or is about the subject itself ("Metachromatic leukodystrophy gets its name …").
   */
  private mayLookFurther(sentence: string): boolean {
    if (/\b(this|these|such)\b/i.test(sentence)) return false;
    const words = this.openingWords(sentence).filter((w) => !/^(the|a|an)$/.test(w));
    return !this.subject.keys.some((k) => k.length && k.every((w, i) => words[i] === w));
  }

  /** The words a paragraph opens with that can name a part: the subject, and what it is "called". */
  private openingWords(sentence: string): string[] {
    // "There are also many rarer causes of dementia, …": what there is, up to the first break, is what it is about.
    const existential = /^there\s+(?:is|are|was|were|(?:may|can|might|will)\s+be)\s+([^,:;.()]+)/i.exec(sentence.trim());
    if (existential) return normalWords(existential[1]);
    const tokens = tokensOf(sentence);
    // "Like ischemic strokes, TIAs …": a comparison before the subject names what it is not.
    const subject = subjectTokens(tokens).map((t) => t.text).join(' ').replace(/^(?:like|unlike|as with|compared (?:with|to)|as in)\b[^,]*,\s*/i, '');
    const predicate = predicateTokens(tokens).map((t) => t.text).join(' ');
    const called = /\b(?:called|known as|named|termed)\s+([^,;.()]+)/i.exec(predicate);
    return normalWords(`${subject} ${called ? called[1] : ''}`);
  }

  /**
   * The parts a paragraph opens with, given the parts already done (`done`: a later part has
   * followed them, so naming them again is a comparison or a return, not a new opening):
   *  1. parts its first sentence's subject names ("Dystrophic calcinosis occurs …");
   *  2. else a part not seen yet that its first sentence names anywhere ("It may take visceral
   *     leishmaniasis months …", "Both A and B may progress to C");
   *  3. else its second sentence's subject, when the first neither refers back nor is about the
   *     subject itself ("… onset occurs between 4 and adolescence. In this juvenile form, …").
   */
  private namedAtOpening(p: Para, from: number, parts: Part[], done: Set<Part> = new Set(), seen: Set<Part> = new Set()): Part[] {
    // A list item goes on with what introduced it, unless it is a part written out in full: a
    // name and a paragraph about it ("1. Red stage — for children aged 5 to 8. Played on …").
    if (isBullet(p.text) && !isNamedParagraphItem(p.text)) return [];
    if (from > 0 && p.sentences.length - from < 2) return [];
    for (let s = from; s < Math.min(from + 2, p.sentences.length); s++) {
      const inSubject = mentionedParts(this.openingWords(p.sentences[s]), parts);
      // Every part at once ("Memory trick: … = Hydraulic action, Abrasion, Attrition, Solution") opens none of them.
      if (parts.length >= 2 && inSubject.length === parts.length) return inSubject;
      const named = inSubject.filter((n) => !done.has(n));
      const unseen = s === from ? mentionedParts(p.sentences[s], parts).filter((n) => !seen.has(n)) : [];
      // "Both A and B may progress to C": parts already described, as the way into a new one.
      if (inSubject.length >= 2 && inSubject.every((n) => seen.has(n)) && unseen.length) return unseen.slice(0, 1);
      if (named.length) return named;
      if (s > from) break;
      if (unseen.length) return unseen.slice(0, 1);
      if (mentionedParts(p.sentences[s], parts).some((n) => !done.has(n)) || !this.mayLookFurther(p.sentences[s])) return [];
    }
    return [];
  }

  /** Which parts each paragraph from `start` opens, reading in order. */
  private openings(paras: Para[], start: number, fromSentence: number, parts: Part[]): Part[][] {
    const done = new Set<Part>();
    const seen = new Set<Part>();
    const mentioned = new Set<Part>();
    let current: Part[] = [];
    let turned = false;
    return paras.map((p, j) => {
      if (j < start) return [];
      let named = this.namedAtOpening(p, j === start ? fromSentence : 0, parts, done, seen);
      // Once the text has turned to the whole (diagnosis, treatment, "any type"), a part it named
      // before is not opened again: "Cutaneous leishmaniasis is usually not treated" is about treatment.
      if (turned) named = named.filter((n) => !mentioned.has(n));
      if (!named.length && seen.size >= 2) turned ||= !!this.generalAt(p, parts)?.turns;
      mentionedParts(p.text, parts).forEach((n) => mentioned.add(n));
      if (named.length && !(parts.length >= 2 && named.length === parts.length) && !sameParts(named, current)) {
        current.forEach((c) => done.add(c));
        named.forEach((n) => seen.add(n));
        current = named;
      }
      return named;
    });
  }

  /** File the paragraphs of a scope from paragraph `start` under the parts. */
  private file(paras: Para[], start: number, fromSentence: number, parts: Part[], kind: string | undefined, level: number, how: string): Split | undefined {
    const named = this.openings(paras, start, fromSentence, parts);
    const opens = (j: number) => named[j].length > 0 && !(parts.length >= 2 && named[j].length === parts.length);
    const last = named.reduce((l, _, j) => (opens(j) ? j : l), -1);
    const before: Block[] = [];
    const sections: Section[] = [];
    let current: Section | undefined;
    let general = -1;
    for (let j = 0; j < paras.length; j++) {
      const p = paras[j];
      if (j < start || (!current && !opens(j))) {
        before.push(p.block);
        continue;
      }
      if (opens(j)) {
        const names = named[j].map((n) => n.name);
        if (!current || current.parts!.join('|') !== names.join('|')) {
          const title = headingFor(named[j]);
          current = { title, slug: '', level, line: p.block.position?.start.line, kind: 'section', inferred: true, parts: names, partKind: kind, blocks: [], sections: [] };
          sections.push(current);
        }
        current.blocks.push(p.block);
        continue;
      }
      if (j > last) {
        const lastPart: LastPart = {
          name: current!.title,
          text: current!.blocks.map((b) => toString(b)).join(' '),
          others: sections.filter((s) => s !== current).map((s) => s.blocks.map((b) => toString(b)).join(' ')),
          introduced: /:\s*$/.test(paras[j - 1].text),
        };
        if (this.generalAt(p, parts, lastPart)) {
          general = j;
          break;
        }
      }
      current!.blocks.push(p.block);
    }
    if (sections.length < 2) {
      this.tried.push(`${how}, but fewer than two of them get paragraphs of their own`);
      return undefined;
    }
    for (const s of sections) s.slug = this.slugs.next(s.title);
    this.notes.push(`Parts: ${how}.`);
    for (const section of sections) {
      const numbers = section.blocks.map((b) => paras.find((p) => p.block === b)!.number);
      const rest = numbers.length > 1 ? `; ${numbers.length === 2 ? `paragraph ${numbers[1]} goes` : `paragraphs ${numbers[1]}–${numbers[numbers.length - 1]} go`} on with it, naming no other part` : '';
      this.notes.push(`  "${section.title}": paragraph ${numbers[0]} opens with it${rest}.`);
    }
    if (general !== -1) sections.push(this.generalSection(paras.slice(general), level));
    return { before, sections };
  }

  /** Why a paragraph is about the subject as a whole (see belongs.ts); remembered for its heading and the notes. */
  generalAt(p: Para, parts: Part[], last?: LastPart): GeneralReason | undefined {
    const sentence = p.sentences[0];
    if (!sentence || isBullet(p.text)) return undefined;
    const other = otherKindIn(sentence, this.subject, parts);
    const reason = generalReason({ sentence, subjectWords: this.openingWords(sentence) }, parts, this.subject, other, last && { paragraph: p.text, last });
    if (reason) this.general = { at: p.number, why: reason.why, otherKind: other, every: reason.every ? parts.find((q) => q.kind)?.kind : undefined, titleNamesParts: namesParts(this.subject.title, parts) };
    return reason;
  }

  private general: { at: number; why: string; otherKind?: string; every?: string; titleNamesParts?: boolean } = { at: 0, why: '' };

  generalSection(paras: Para[], level: number): Section {
    // A title that names the parts ("Primary, secondary and tertiary sources") would make "More
    // about …" read as more about them: its last noun says what they all are ("More about sources").
    const last = normalWords(this.subject.title).pop();
    const about = this.general.titleNamesParts && last ? plural(singular(last)) : this.subject.title;
    // Only the page's own lines ("Page last reviewed: 3 March 2025", "Leaflet number: …", "Print
    // this page | Share") are about the page, not more about the subject.
    const pageOnly = /^en\b/i.test(this.lang) && paras.every((p) => isFrameLine(p.block) || PUBLISHER_FACT.test(p.text.trim()));
    const title = pageOnly ? 'About this page' : closingHeading(paras.map((p) => p.text), this.subject.keys.length ? about : undefined, this.lang, this.general.otherKind, this.general.every);
    const rest = paras.length === 1 ? 'it goes under a heading of its own' : `it and the ${paras.length === 2 ? 'paragraph' : `${paras.length - 1} paragraphs`} after it go under a heading of their own`;
    this.notes.push(`General: paragraph ${this.general.at} is not filed under the last part: ${this.general.why}; ${rest}, "${title}".`);
    return { title, slug: this.slugs.next(title), level, line: paras[0].block.position?.start.line, kind: 'section', inferred: true, blocks: paras.map((p) => p.block), sections: [] };
  }

  /**
   * Bare headings that are parts: two or more in a row that name the parts an opening paragraph
   * announced, or that share a shape ("Type 1: …", "Type 2: …"; "Stable angina", "Unstable angina").
   */
  headingParts(headings: string[], opening: Para[], parasUnder: number[] = [], heads?: { runIn: boolean[]; before: (k: number) => string[]; titleNames?: Part[]; title?: string }): Map<number, Part> {
    const found = new Map<number, Part>();
    let announced: Part[] = this.options.parts?.map((n) => partOf(n)) ?? [];
    let kind: string | undefined;
    // Headings that are the names a title lists are its parts, whatever the text lists later.
    const titleNames = heads?.titleNames ?? [];
    const listedInTitle = !announced.length && headings.filter((h) => mentionedParts(h, titleNames).length === 1 && normalWords(h).length <= 4).length >= 3;
    if (listedInTitle) announced = titleNames;
    let inPassing: Part[] = [];
    for (let i = 0; i < opening.length && !announced.length; i++) {
      const p = opening[i];
      p.sentences.forEach((s, k) => {
        const a = !announced.length && announcementIn(s, p.sentences[k + 1], k === p.sentences.length - 1 ? this.bulletsAfter(opening, i) : []);
        // A list in passing names no headings: only one that announces does…
        if (a && a.listed.length && !a.inline) [announced, kind] = [a.listed, a.kind];
        else if (a && a.listed.length && !inPassing.length) inPassing = a.listed;
      });
    }
    // … unless three or more headings are its names ("the acronym MAIN: Militarism, Alliances,
    // Imperialism and Nationalism" over the headings "Militarism", "Alliances" …), as a list in
    // passing names parts when three paragraphs open with its names.
    if (!announced.length && headings.filter((h) => mentionedParts(h, inPassing).length === 1 && normalWords(h).length <= 4).length >= 3) announced = inPassing;
    const runs: number[][] = [];
    // Run-in heads (or numbered headings) in a row, after a sentence that counts or sorts things
    // ("There are two kinds of food allergy", "… take several medicines", "… into four structures"):
    // the heads are the parts, as many as the count says.
    /** Why each run of headings is parts, when it is not the shape they share. */
    const why = new Map<number[], string>();
    const runInRuns: number[][] = [];
    if (heads) {
      for (let i = 0; i < headings.length; i++) {
        if (!heads.runIn[i]) continue;
        const run: number[] = [];
        for (let j = i; j < headings.length && heads.runIn[j]; j++) run.push(j);
        i = run[run.length - 1];
        if (run.length < 2) continue;
        const said = heads.before(run[0]).reverse().find((s) => countsOrSorts(s));
        const count = said ? countsOrSorts(said)!.count : undefined;
        if (!said || (count !== undefined && count !== run.length)) continue;
        runInRuns.push(run);
        why.set(run, `come after "${clip(said)}", which counts or sorts them`);
      }
    }
    // "Step 1 – …" to "Step 5 – …" in order: the steps are the parts, all of them or none (two that
    // happen to share a word are not two kinds of anything).
    const stepKinds = new Map<number[], string>();
    // (Days and weeks of a plan are a timetable, not parts: only steps.)
    const stepNumber = (h: string) => (/^step\s/i.test(h) && isPlaceInSequence(h) ? Number(/^\S+\s+(\d{1,2})\b/.exec(h)?.[1] ?? NaN) : NaN);
    for (let i = 0; i < headings.length; i++) {
      if (stepNumber(headings[i]) !== 1) continue;
      const run = [i];
      while (run.length < headings.length - i && stepNumber(headings[i + run.length]) === run.length + 1) run.push(i + run.length);
      if (run.length < 3) continue;
      runInRuns.push(run);
      why.set(run, `number the steps 1 to ${run.length}`);
      stepKinds.set(run, singular(headings[i].split(/\s+/)[0].toLowerCase()));
      i = run[run.length - 1];
    }
    const inRun = (i: number) => runInRuns.some((r) => r.includes(i));
    headings.forEach((h, i) => {
      if (inRun(i) || (inRun(i - 1) && !(announced.length && mentionedParts(h, announced).length === 1))) return;
      // "Step 2 – Lever off the tyre" is a place in a sequence, whatever it names ("You will need two tyre levers, …").
      const byName = announced.length && mentionedParts(h, announced).length === 1 && !isPlaceInSequence(h);
      const prev = runs[runs.length - 1];
      if (byName || (i > 0 && sameShape(headings[i - 1], h) && !isPlaceInSequence(h))) {
        if (prev && prev[prev.length - 1] === i - 1) prev.push(i);
        else runs.push(byName ? [i] : [i - 1, i]);
      }
    });
    // A run of one shape takes in the heading right after it that ends on the same head word,
    // however long its name: "Monofocal lenses", "Toric lenses", "Multifocal lenses", then
    // "Extended depth of focus (EDOF) lenses"; not "Symptoms of toric lenses", about one of them.
    // So does the heading right before it ("Standard meter", "Economy 7 meter" before "Prepayment meter", "Smart meter").
    const free = (k: number) => !runs.some((r) => r.includes(k)) && !inRun(k);
    for (const run of runs.filter((r) => r.length >= 2)) {
      const names = run.map((i) => headings[i]);
      for (let k = run[run.length - 1] + 1; k < headings.length && free(k) && endsLikeRun(headings[k], names); k++) run.push(k), names.push(headings[k]);
      for (let k = run[0] - 1; k >= 0 && free(k) && endsLikeRun(headings[k], names); k--) run.unshift(k), names.push(headings[k]);
    }
    runs.push(...runInRuns);
    // "Types" (or "Types of headache") over headings that are names ("Tension-type headache",
    // "Migraine", "Cluster headache"): those are the parts, up to the first heading that is not a
    // name ("When to call the doctor").
    headings.forEach((h, i) => {
      // The kinds heading heads the names, not text of its own ("Stages" over the stages in prose).
      if (!KINDS_HEADING.test(h) || (parasUnder[i] ?? 0) > 1 || runs.some((r) => r.includes(i + 1))) return;
      const run: number[] = [];
      for (let j = i + 1; j < headings.length && isNameHeading(headings[j]); j++) run.push(j);
      if (run.length >= 2) {
        runs.push(run);
        why.set(run, `follow the heading "${h}", each a name`);
        kind ??= singular(KINDS_HEADING.exec(h)![1]);
      }
    });
    // "The sections below explain each route" over "Inhalation", "Skin and eye contact",
    // "Ingestion": a sentence before the headings that points ahead to each of them, over bare
    // headings that are names; those are the parts, up to the first heading that is not a name.
    if (heads && !runs.some((r) => r.length >= 2)) {
      const first = headings.findIndex((h) => isNameHeading(h));
      // Or, just before them, to kinds: "Some of the types you are most likely to be offered are explained below."
      const before = first >= 0 ? heads.before(first) : [];
      const said = before.find((s) => POINTS_AHEAD.test(s) && EACH.test(s)) ?? before.slice(-2).find((s) => POINTS_AHEAD.test(s) && KINDS_NAMED.test(s));
      const run: number[] = [];
      for (let j = first; said && j < headings.length && isNameHeading(headings[j]); j++) run.push(j);
      if (said && run.length >= 2) {
        runs.push(run);
        why.set(run, `follow "${clip(said)}", which points ahead to each of them`);
        const each = (EACH.exec(said)?.[1] ?? singular(KINDS_NAMED.exec(said)![1])).toLowerCase();
        if (!/^(?:of|one)$/.test(each)) kind ??= each;
      }
    }
    // "This week we cover five classic cuts." over five bare headings that are names ("Batonnet
    // (1/4 x 1/4 x 2 1/2 inches)", "Julienne (…)", …): as many as the sentence counts are the parts.
    // The count is said just before them (in the last two sentences), counts three or more, and
    // the names end where it does: "… within one to two weeks." over "ACTIVITY", "WOUND CARE" is no such count.
    if (heads && /^en\b/i.test(this.lang)) {
      // A name may carry a gloss after a dash: "Skimming – getting the gist".
      const named = (h: string) => isNameHeading(h.replace(/\s*\([^)]*\)/g, '').replace(GLOSSED, '$1').trim());
      const first = headings.findIndex(named);
      // The count is said just before them, or by the title ("Three ways to read an academic text").
      const said = first >= 0 ? [...heads.before(first).slice(-2).reverse(), ...(heads.title ? [heads.title] : [])].find((s) => countOfThings(s)) : undefined;
      const count = said ? countOfThings(said)! : 0;
      const run: number[] = [];
      for (let j = first; said && j < headings.length && run.length < count && named(headings[j]); j++) run.push(j);
      const after = run.length ? run[run.length - 1] + 1 : -1;
      // Names glossed alike end at the first heading without a gloss ("Making notes" after "Close reading – working with the argument").
      const glossed = run.length > 0 && run.every((i) => GLOSSED.test(headings[i]));
      const goesOn = after >= 0 && after < headings.length && named(headings[after]) && (!glossed || GLOSSED.test(headings[after]));
      if (said && count >= 3 && run.length === count && !goesOn && runs.every((r) => r.length < run.length && r.every((i) => run.includes(i)))) {
        // It takes in any run of one shape among them ("Mirepoix (1/2 inch dice)", "Macédoine (1/4 inch dice)").
        runs.length = 0;
        runs.push(run);
        why.set(run, `follow "${clip(said)}", which counts them`);
      }
    }
    for (const run of runs.filter((r) => r.length >= 2)) {
      const shapeKind = stepKinds.get(run) ?? kind ?? kindIn(headings[run[0]]);
      const lead = sharedLead(run.map((i) => headings[i]));
      for (const i of run) {
        // "Type 4: Hyperkalemic RTA" is also "type 4" and "hyperkalemic RTA"; "Paying by credit
        // card", beside "Paying by debit card", is also "credit card".
        const aliases = headings[i].split(':').map((h) => normalWords(h));
        // "Julienne (1/8 x 1/8 x 2 inches)" is also "julienne": a bracket is no part of a name.
        if (/\(/.test(headings[i])) aliases.push(normalWords(headings[i].replace(/\s*\([^)]*\)/g, '')));
        // "Close reading – working with the argument" is also "close reading": a gloss is no part of a name.
        if (GLOSSED.test(headings[i])) aliases.push(normalWords(headings[i].replace(GLOSSED, '$1')));
        // "What is a combination inhaler?" is also the "combination" the announcement named.
        const namedAs = announced.length ? mentionedParts(headings[i], announced) : [];
        if (namedAs.length === 1) aliases.push(...namedAs[0].keys);
        if (lead) aliases.push(normalWords(headings[i]).slice(lead));
        found.set(i, partOf(headings[i], shapeKind, aliases));
      }
      const reason = why.get(run) ?? (listedInTitle ? 'name the parts the title lists' : announced.length ? 'name the parts announced before them' : 'share one shape');
      this.notes.push(`Parts: the bare headings ${run.map((i) => `"${headings[i]}"`).join(', ')} ${reason}.`);
    }
    return found;
  }

  noPartsWhy(): string {
    return this.tried.length ? `No parts: ${this.tried.join('; ')}.` : 'No parts: no sentence announces kinds, types or forms, and no run of paragraphs opens alike on different kinds.';
  }
}

/**
 * A listed name is also its last word, where no other listed name ends in it and it is not the
 * subject's or a label: the list's "tooth-coloured composite" is the paragraph's "Composite
 * fillings"; "gold or porcelain inlays and onlays" is "Inlays and onlays".
 */
function withHeadWords(parts: Part[], subject: Subject): Part[] {
  // A name's last word as written, and singular; none for a name of one word.
  const lasts = parts.map((p) => normalWords(p.name)).map((w) => (w.length >= 2 ? w[w.length - 1] : undefined));
  const singulars = lasts.map((w) => w && singular(w));
  // The subject's words, compared without a plural ending ("volcanoes" is "volcano", not "volcanoe").
  const stem = (w: string) => w.replace(/e?s$/, '');
  const own = new Set(subject.keys.flat().map(stem));
  return parts.map((p, i) => {
    const [raw, last] = [lasts[i], singulars[i]];
    // Nor when another part is named by that word alone: "Broadleaf non-legumes" is not "Legumes".
    const namesAnother = parts.some((q, j) => j !== i && q.keys.some((k) => k.length === 1 && singular(k[0]) === last));
    if (!raw || !last || isLabel(last) || own.has(stem(raw)) || (p.kind && singular(p.kind) === last) || singulars.filter((l) => l === last).length > 1 || namesAnother) return p;
    return { ...p, keys: [...p.keys, [last]] };
  });
}

/**
 * A word new to the text that the sentence defines by a noun it shares with others: "X, the
 * changing room", "X, a warm room", "X was the hot room" → { term: "X", genus: "room" }.
 */
function definitionIn(sentence: string, used: Set<string>): { term: string; genus: string } | undefined {
  const tokens = tokensOf(sentence);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if ((t.pos !== 'NOUN' && t.pos !== 'PROPN') || t.aside || t.lower.length < 4 || used.has(singular(t.lower))) continue;
    let j = k + 1;
    if (tokens[j]?.text === ',' || /^(?:is|was|are|were)$/.test(tokens[j]?.lower ?? '')) j++;
    else continue;
    if (!/^(?:the|a|an)$/.test(tokens[j]?.lower ?? '')) continue;
    j++;
    // Modifiers before the defining noun: "the hot room", "a warm, dry room", "the outer covering layer".
    while (tokens[j] && (tokens[j].pos === 'ADJ' || tokens[j].pos === 'ADV' || (tokens[j].pos === 'NOUN' && tokens[j + 1]?.pos === 'NOUN') || (tokens[j].pos === 'VERB' && /(?:ed|ing)$/.test(tokens[j].lower)))) j++;
    if (tokens[j]?.pos !== 'NOUN') continue;
    return { term: t.text, genus: singular(tokens[j].lower) };
  }
  return undefined;
}

/**
 * Does a title name two parts or more, each by a word of its own ("Primary, secondary and tertiary
 * sources" names "Primary source" and "Secondary source"; "source", in all of them, does not count)?
 */
function namesParts(title: string, parts: Part[]): boolean {
  const words = new Set(normalWords(title).map(singular));
  const own = parts.map((p) => new Set(p.keys[0].map(singular)));
  const onlyIn = (w: string) => own.filter((o) => o.has(w)).length === 1;
  return own.filter((o) => [...o].some((w) => onlyIn(w) && !isLabel(w) && words.has(w))).length >= 2;
}

/** A name that is the one before with more words, none of them a label: "Neolithic communities" after "Neolithic". */
function continues(name: string[], before: string[]): boolean {
  return name.length > before.length && before.every((w, i) => name[i] === w) && !name.slice(before.length).some(isLabel);
}

/** "Stage 1" … "Stage 5": one kind word, numbered 1, 2, 3 … in order. */
function numberedRun(parts: Part[]): boolean {
  const numbers = parts.map((p) => /^(\S+)\s+(\d+)$/.exec(p.name));
  return numbers.every((m, i) => m && m[1].toLowerCase() === numbers[0]![1].toLowerCase() && Number(m[2]) === i + 1);
}

function sameParts(a: Part[], b: Part[]): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i]);
}

/** The same part written again: one's name is the other's name or alias. */
function sameName(a: Part, b: Part): boolean {
  return a.keys.some((k) => b.keys.some((l) => k.join(' ') === l.join(' ')));
}

/** A heading that says kinds follow: "Types", "Types of headache", "The main forms", "Stages of grief". */
const KINDS_HEADING = /^(?:the\s+)?(?:main\s+|common\s+|different\s+)?(types|forms|kinds|classes|stages|categories|groups)\b(?:\s+of\s+[\p{L} -]+)?$/iu;

/** A sentence that says what comes after it ("The sections below …", "… described in turn", "The following …"). */
const POINTS_AHEAD = /\b(?:below|following|in turn|one by one)\b/i;
/** Kinds pointed ahead to: "the types … are explained below". */
const KINDS_NAMED = /\b(types|kinds|forms|classes|stages|categories|methods|options|approaches|styles)\b/i;
/** … part by part: "each route", "each of these", "every method". */
const EACH = /\b(?:each|every)\s+(\p{L}+)/iu;

/** A heading that is a name: a short noun phrase, not a question, an instruction or a clause. */
function isNameHeading(heading: string): boolean {
  if (/[?:]$/.test(heading) || heading.split(/\s+/).length > 6 || /^(?:what|when|why|how|who|where|which|living|getting|taking|more)\b/i.test(heading)) return false;
  // Pronouns, prepositions and articles make a clause or an instruction ("Call your doctor", "Treat
  // the cause"); the tagger's verbs are not trusted in a fragment ("back pain" comes out a verb).
  return !tokensOf(heading).some((t) => t.pos === 'AUX' || t.pos === 'PRON' || t.pos === 'ADP' || (t.pos === 'DET' && !isLabel(t.text)));
}

/**
 * How many words headings share in front when those words end on a preposition, and an article
 * after it ("Paying by debit card", "Paying by credit card" → 2): what follows is each one's
 * name. 0 when they share none.
 */
function sharedLead(headings: string[]): number {
  const words = headings.map((h) => normalWords(h));
  let n = 0;
  while (words.every((w) => w.length > n + 1 && w[n] === words[0][n])) n++;
  while (n > 0 && !/^(?:by|with|for|of|in|on|at|from|to|after|before|during|without)$/.test(words[0][n - 1])) n--;
  // … and an article they share after it ("Parking with a day permit").
  while (n > 0 && /^(?:a|an|the|your)$/.test(words[0][n] ?? '') && words.every((w) => w.length > n + 1 && w[n] === words[0][n])) n++;
  return n;
}

function sameShape(a: string, b: string): boolean {
  // "Mild (Grade 1)", "Moderate (Grade 2)": names labelled alike in brackets.
  const bracket = (h: string) => /\(([^()]+)\)\s*:?\s*$/.exec(h)?.[1];
  const [ba, bb] = [bracket(a), bracket(b)];
  if (ba && bb && ba !== bb && !/\(/.test(ba + bb) && sameShape(ba, bb)) return true;
  const words = (h: string) => h.toLowerCase().split(/[\s:]+/).filter(Boolean);
  const wa = words(a);
  const wb = words(b);
  if (wa.length < 2 || wb.length < 2 || QUESTION_CLAUSE.test(a) || QUESTION_CLAUSE.test(b)) return false;
  if (wa[0] === wb[0] && /^(type|form|kind|class|stage|phase|grade|category)$/.test(wa[0])) return true;
  // "Exercise 1 – Chin tucks", "Exercise 2 – Neck rotation": one noun, a label each, and a name; not
  // the steps, parts or days of a sequence ("Step 1: …", "Week 2 …"), which are not kinds of anything.
  if (wa[0] === wb[0] && wa.length > 2 && wb.length > 2 && isLabel(wa[1]) && isLabel(wb[1]) && wa[1] !== wb[1] && !SEQUENCE_NOUN.test(wa[0])) return true;
  // "Hepatitis A", "Hepatitis B", "Group AB", "Group O": one name and a label each (a label
  // written in capitals may be two or three letters).
  const lastWritten = (h: string) => h.split(/[\s:]+/).filter(Boolean).pop() ?? '';
  const label = (w: string, h: string) => isLabel(w) || /^\p{Lu}{1,3}\d?$/u.test(lastWritten(h));
  if (wa.length === wb.length && wa.slice(0, -1).join(' ') === wb.slice(0, -1).join(' ') && label(wa[wa.length - 1], a) && label(wb[wb.length - 1], b)) return true;
  // "Stable angina", "Unstable angina": names of one length on one head word; not "Hay fever"
  // and "Symptoms of hay fever", which is about the first.
  const about = (w: string[]) => w.some((x) => /^(of|for|about|with|in|on|to|de|del|para|sobre|con)$/.test(x));
  // The shared word is a head noun, not a particle: "Pinching out" and "Planting out" are two jobs, not two kinds of out.
  const particle = PARTICLES.has(wa[wa.length - 1]);
  return wa[wa.length - 1] === wb[wb.length - 1] && wa.length === wb.length && !particle && !about(wa) && !about(wb);
}

/** A heading that names one more of a run (see headingParts): the run's head word last, a name, about none of them. */
function endsLikeRun(heading: string, run: string[]): boolean {
  const words = normalWords(heading.replace(/\s*\([^)]*\)/g, ''));
  const heads = new Set(run.map((h) => normalWords(h).pop()));
  if (heads.size !== 1 || words.length > 7 || words[words.length - 1] !== [...heads][0] || QUESTION_CLAUSE.test(heading) || /[?:]$/.test(heading)) return false;
  if (run.some((h) => ` ${words.join(' ')} `.includes(` ${normalWords(h).join(' ')} `))) return false;
  // An activity is no kind ("Cleaning contact lenses"); a participle may be part of a name ("Extended …").
  if (/^\p{L}+ing$/u.test(words[0])) return false;
  return !tokensOf(heading).some((t) => t.pos === 'AUX' || t.pos === 'PRON' || (t.pos === 'DET' && !isLabel(t.text)));
}

/** A heading that names something in one to three words and glosses it after a dash: "Skimming – getting the gist". */
const GLOSSED = /^(\S+(?:\s+\S+){0,2})\s+[–—-]\s+\S.*$/;

/** "Step 2 – …", "Week 3: …": a heading that numbers its place in a sequence. */
function isPlaceInSequence(heading: string): boolean {
  const [noun, label] = heading.split(/\s+/);
  return STEP_NOUN.test(noun ?? '') && isLabel((label ?? '').replace(/[.:,–-]+$/, ''));
}



/** Nouns that number the steps of a sequence or the pieces of a text, not kinds of a thing. */
const SEQUENCE_NOUN = new RegExp(`^(?:${STEP_NOUNS}|year|q|appendix|figure|fig|table|page|paper|phase|level|tier)$`, 'i');

function kindIn(heading: string): string | undefined {
  return /^(type|form|kind|class|stage|phase|grade|category)\b/i.exec(heading)?.[1].toLowerCase();
}

/** "type C1" + "type C2" → "Types C1 and C2"; "dystrophic" → "Dystrophic". */
function headingFor(parts: Part[]): string {
  const labelled = parts.map((p) => /^(\S+)\s+(\S+)$/.exec(p.name));
  let name: string;
  if (parts.length > 1 && labelled.every((m) => m && m[1].toLowerCase() === labelled[0]![1].toLowerCase())) {
    name = `${labelled[0]![1]}s ${joinWords(labelled.map((m) => m![2]))}`;
  } else name = joinWords(parts.map((p) => p.name));
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function joinWords(words: string[]): string {
  return words.length <= 2 ? words.join(' and ') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function clip(s: string): string {
  return s.length > 90 ? s.slice(0, 87) + '...' : s;
}
