/**
 * Plain text as other publishers write it: a heading directly over its text, question and numbered
 * headings, headings ending in a colon, list-marked lines, bylines and dates, a subtitle under the
 * title line, hard-wrapped paragraphs, and a language the source does not name. Each text is
 * written here for the test; the real articles are scored by tests/integration/proseOutline.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import type { List } from 'mdast';
import { buildOutline } from '../../src/outline/buildOutline.js';
import { closingHeading } from '../../src/outline/infer/closing.js';
import { parsePlainText, parseSource } from '../../src/parse/parseSource.js';
import { Warnings } from '../../src/diagnostics.js';
import { detectLanguage } from '../../src/read/detectLanguage.js';
import { outlineOf as documentOutline } from '../../src/document/buildDocument.js';
import type { Block, Outline, Section } from '../../src/outline/outline.js';

function outlineOf(text: string, lang = 'en'): Outline {
  return buildOutline({ file: 'a.txt', slug: 'a', format: 'text', text, meta: { lang, keywords: [] } }, parsePlainText(text));
}
const headings = (o: Outline) => o.sections.flatMap(function walk(s: Section): string[] {
  return [s.title, ...s.sections.flatMap(walk)];
});
const allBlocks = (o: Outline): Block[] => [...o.intro, ...o.sections.flatMap(function walk(s: Section): Block[] {
  return [...s.blocks, ...s.sections.flatMap(walk)];
})];

const para = (topic: string) => `${topic} matters to how you feel each day. Your nurse can tell you more about it at your next visit, and you can call the clinic with any question.`;

describe('headings other publishers write', () => {
  it('a heading line directly over its paragraph is a heading, and its paragraph stays whole', () => {
    const o = outlineOf(`Caring for a cast\n\nKeeping it dry\n${para('A dry cast')}\n\nWhen to call\n${para('Pain under the cast')}\n`);
    expect(o.title).toBe('Caring for a cast');
    expect(headings(o)).toEqual(['Keeping it dry', 'When to call']);
    expect(o.sections[0].blocks.map((b) => toString(b))).toEqual([para('A dry cast')]);
  });

  it('questions, numbered lines and labels ending in a colon head the text that answers them', () => {
    const o = outlineOf(`Shingles: Questions and Answers\n\nWhat is shingles?\n${para('Shingles')}\n\n1. Treatment\n${para('Early treatment')}\n\nWho should get the vaccine:\n${para('The vaccine')}\n`);
    expect(o.title).toBe('Shingles: Questions and Answers');
    expect(headings(o)).toEqual(['What is shingles?', '1. Treatment', 'Who should get the vaccine']);
  });

  it('a run of questions is a list of questions, not a heading each', () => {
    const o = outlineOf(`Review\n\n${para('The heart')}\n\nTest yourself\nWhat does the left ventricle do?\nWhy are valves needed?\nWhere does blood get oxygen?\n`);
    expect(headings(o)).toEqual(['Test yourself']);
  });

  it('a signature and a line saying what the sheet is are never headings', () => {
    const o = outlineOf(`Head lice at school\n\nA letter for parents from the school nurse\n\n${para('Head lice')}\n\nChecking your child\n\n${para('A fine comb')}\n\nMs. Rosa Patel, RN\n\nSchool Nurse, Oak Street School\n`);
    expect(headings(o)).toEqual(['Checking your child']);
  });

  it('bylines and dates are never headings; lines right under the title line are its subtitle', () => {
    const o = outlineOf(`Iron tablets\nA guide for patients\n\nBy Dana Whitfield, pharmacist\nLast reviewed: 3 May 2025\n\n${para('Iron')}\n\nTaking them\n${para('A tablet with orange juice')}\n`);
    expect(o.title).toBe('Iron tablets');
    expect(headings(o)).toEqual(['Taking them']);
    expect(o.intro.map((b) => toString(b)).slice(0, 3)).toEqual(['A guide for patients', 'By Dana Whitfield, pharmacist', 'Last reviewed: 3 May 2025']);
  });
});

describe('the title among the lines over the text', () => {
  it('is the line whose words the text uses, not a masthead above it; a question under it stays a heading', () => {
    const o = outlineOf(`NORTHSIDE CLINIC - DEPARTMENT OF SURGERY\n\nCARE AFTER HERNIA REPAIR\n\nAfter your hernia repair, keep the wound dry for two days. A hernia repair heals faster when you walk a little each day. Do not lift anything heavy until the surgeon says the repair has healed.\n\nWhen to call\n${para('A hernia repair')}\n`);
    expect(o.title).toBe('CARE AFTER HERNIA REPAIR');
    expect(toString(o.intro[0])).toBe('NORTHSIDE CLINIC - DEPARTMENT OF SURGERY');
    expect(headings(o)).toEqual(['When to call']);
    const faq = outlineOf(`Flu Vaccine: Common Questions\n\nWhat is the flu?\nThe flu is an infection of the nose, throat and lungs. The flu spreads when people cough. A flu vaccine each year lowers your chance of getting the flu.\n\nWho should get it?\n${para('The vaccine')}\n`);
    expect(faq.title).toBe('Flu Vaccine: Common Questions');
    expect(headings(faq)).toEqual(['What is the flu?', 'Who should get it?']);
  });

  it('is not the line under it that says what the sheet tells, nor a Q&A\'s first question; a procedure is not a practice', () => {
    // The later line's words ("before", "after", "operation") fill the text, and "… Surgery" read
    // as a practice's name: the subtitle was the title, in the footer and the PDF's metadata.
    const hip = outlineOf(`Hip Replacement Surgery\nWhat to expect before, during and after your operation\n\nThis leaflet is for patients having a hip replacement. Before your operation a nurse checks your health. After your operation you walk the same day, and before you go home a physiotherapist shows you exercises to do after the operation.\n\nGetting ready\n${para('Getting ready')}\n`);
    expect(hip.title).toBe('Hip Replacement Surgery');
    expect(toString(hip.intro[0])).toBe('What to expect before, during and after your operation');
    const practice = outlineOf(`Meadowbank Medical Practice\n\nFlu jabs this autumn\n\nThe flu jab is free for people over 65. Book your flu jab at reception. A flu jab each year is the best protection against flu.\n`);
    expect(practice.title).toBe('Flu jabs this autumn');
    const qa = outlineOf(`Colonoscopy: Your Questions Answered\n\nQ: What is a colonoscopy?\nA: A colonoscopy is a test that lets a doctor look inside your bowel. A colonoscopy takes about half an hour.\n\nQ: Will it hurt?\nA: Most people feel some cramping during a colonoscopy. You will be offered a sedative.\n`);
    expect(qa.title).toBe('Colonoscopy: Your Questions Answered');
    expect(headings(qa)).toEqual(['Q: What is a colonoscopy?', 'Q: Will it hurt?']);
  });

  it('a line under it that says whom the sheet is for or from is its subtitle, however it names them', () => {
    const o = outlineOf(`The Stages of Labour\n\nInformation for women and birthing partners from the Maternity Unit\n\nEvery labour is different. Midwives describe labour in three stages.\n\nFirst stage\nThe first stage is when the cervix opens. It is the longest stage of labour.\n\nSecond stage\nThe second stage is when the baby moves down and is born.\n\nThird stage\nThe third stage is the delivery of the placenta.\n`);
    expect(o.title).toBe('The Stages of Labour');
    expect(toString(o.intro[0])).toBe('Information for women and birthing partners from the Maternity Unit');
    expect(o.sections.map((s) => [s.title, s.level])).toEqual([['First stage', 2], ['Second stage', 2], ['Third stage', 2]]);
  });
});

describe('lists in plain text', () => {
  it('list-marked lines print as one list, numbered ones as a numbered list, without their markers', () => {
    const o = outlineOf(`Before surgery\n\n${para('Getting ready')}\n\nBring these things:\n- your medicines\n- your glasses\n• a phone charger\n\nOn the day\n1) Do not eat after midnight.\n2) Take a shower.\n`);
    const lists = allBlocks(o).filter((b): b is List => b.type === 'list');
    expect(lists.map((l) => [l.ordered, l.start, l.children.map((i) => toString(i))])).toEqual([
      [false, null, ['your medicines', 'your glasses', 'a phone charger']],
      [true, 1, ['Do not eat after midnight.', 'Take a shower.']],
    ]);
    // The lead-in over the first list is its paragraph, not a heading; "On the day" heads the second.
    expect(headings(o)).toEqual(['On the day']);
  });

  it('bullets a PDF or a word processor leaves in copied text ("●", "►", Symbol\'s private-use bullet) mark items, and never print as boxes', () => {
    const o = outlineOf(`Caring for your cast\n\n${para('Your cast')}\n\nCall us if you notice:\n\uF0B7 numbness in your fingers\n\uF0A7 the cast feels too tight\n● a bad smell from under the cast\n► swelling that does not go down\n`);
    const lists = allBlocks(o).filter((b): b is List => b.type === 'list');
    expect(lists.map((l) => l.children.map((i) => toString(i)))).toEqual([['numbness in your fingers', 'the cast feels too tight', 'a bad smell from under the cast', 'swelling that does not go down']]);
  });

  it('a line ending on a verb over a list is its lead-in, a topic line its heading', () => {
    const o = outlineOf(`Asthma\n\n${para('Asthma')}\n\nCommon triggers include\n- smoke\n- pollen\n\nWarning signs\n- a cough at night\n- a tight chest\n`);
    expect(headings(o)).toEqual(['Warning signs']);
  });
});

describe('lists whose marks were lost', () => {
  it('short lines together after a lead-in that ends in a colon are one list; a blank line ends it', () => {
    const o = outlineOf([
      'Chickenpox', '', para('Chickenpox'), '',
      'Signs of chickenpox', '', 'The first signs of chickenpox are:', '',
      'a mild fever', 'feeling tired', 'Spots that itch', '',
      'Spots turn into blisters after a day or two.', '',
      'Keeping comfortable', '', 'Call the surgery if:', '',
      'the skin around a spot is hot and red', 'your child is not drinking', '',
      'A pharmacist can help with itching', '', para('Calamine lotion'),
    ].join('\n'));
    expect(headings(o)).toEqual(['Signs of chickenpox', 'Keeping comfortable', 'A pharmacist can help with itching']);
    const lists = allBlocks(o).filter((b): b is List => b.type === 'list');
    expect(lists.map((l) => l.children.map((i) => toString(i)))).toEqual([
      ['a mild fever', 'feeling tired', 'Spots that itch'],
      ['the skin around a spot is hot and red', 'your child is not drinking'],
    ]);
  });

  it('a label ending in a colon with short lines right under it is a list under its label, not a heading each; after a blank line a label heads its text', () => {
    const o = outlineOf('Using your inhaler\n\nSide effects:\nHoarse voice\nThrush in the mouth\nCough\n\nNOTE:\nKeep the mouthpiece clean and dry after each use.\n');
    expect(headings(o)).toEqual(['NOTE']);
    const lists = allBlocks(o).filter((b): b is List => b.type === 'list');
    expect(lists.map((l) => l.children.map((i) => toString(i)))).toEqual([['Hoarse voice', 'Thrush in the mouth', 'Cough']]);
    expect(allBlocks(o).map((b) => toString(b))).toContain('Side effects:');
  });

  it('numbered lines whose numbers skip keep the numbers written ("see step 9" still finds it); numbers in order are a numbered list', () => {
    const o = outlineOf('Taking your tablets\n\nFollow these steps every morning.\n\n1. Wash your hands.\n2. Take one tablet with water.\n4. Wait thirty minutes.\n9. Write the time in your diary.\n\nIf you miss step 9, write it the next day.\n\nThen:\n\n1. Eat.\n2. Rest.\n3. Walk.\n');
    const texts = allBlocks(o).map((b) => (b.type === 'list' ? `list:${b.start}:${b.children.map((i) => toString(i)).join('|')}` : toString(b)));
    expect(texts).toContain('9. Write the time in your diary.');
    expect(texts).toContain('4. Wait thirty minutes.');
    expect(texts).toContain('list:1:Eat.|Rest.|Walk.');
  });

  it('lines after a lead-in that end in semicolons, the last in a full stop, are one list, not one sentence', () => {
    for (const [lead, gap] of [['Get help right away if:', '\n'], ['Get help right away if:', '\n\n'], ['GET HELP RIGHT AWAY IF', '\n\n']]) {
      const o = outlineOf(`Kidney Stones\n\n${para('Drinking water')}\n\n${lead}${gap}you have pain so bad you cannot sit still;\nyou have a fever and chills with the pain;\nyou cannot pass urine at all.\n\n${para('A stone')}\n`);
      const lists = allBlocks(o).filter((b): b is List => b.type === 'list');
      expect(lists.map((l) => l.children.map((i) => toString(i))), JSON.stringify([lead, gap])).toEqual([
        ['you have pain so bad you cannot sit still;', 'you have a fever and chills with the pain;', 'you cannot pass urine at all.'],
      ]);
    }
    // A wrapped sentence under a label that breaks after a semicolon is one paragraph.
    const dosage = parsePlainText('Dosage:\n\nTake one tablet every morning with a full glass of water;\ntake another tablet in the evening with some food, so that your stomach is not upset.\n');
    expect(dosage.children.map((p) => toString(p))).toHaveLength(2);
    // A sentence that goes on after its semicolon is still one paragraph.
    const prose = outlineOf(`Kidney Stones\n\nMost stones pass on their own;\nsome need treatment in hospital. ${para('A stone')}\n`);
    expect(allBlocks(prose).some((b) => b.type === 'list')).toBe(false);
  });
});

describe('line breaks', () => {
  const wrapped = [
    'Keep the wound clean and dry for the first two days. After that you may',
    'shower, but do not soak in a bath or swim until the stitches are out.',
    'Pat the area dry with a clean towel and put on a fresh dressing if the',
    'old one is wet.',
    'Signs of infection',
    'Call us if the skin around the wound turns red, feels hot or swells, or',
    'if you have a fever.',
  ].join('\n');

  it('hard-wrapped text is joined where it is wrapped, and a short line ends its paragraph', () => {
    const paragraphs = parsePlainText(wrapped).children.map((p) => toString(p));
    expect(paragraphs).toEqual([
      'Keep the wound clean and dry for the first two days. After that you may shower, but do not soak in a bath or swim until the stitches are out. Pat the area dry with a clean towel and put on a fresh dressing if the old one is wet.',
      'Signs of infection',
      'Call us if the skin around the wound turns red, feels hot or swells, or if you have a fever.',
    ]);
  });

  /** Wraps each paragraph greedily at `width`, counting as `length` does, as an e-mail client or `fold` does. */
  const fill = (paragraphs: string[], width: number, length = (s: string) => s.length) =>
    paragraphs
      .map((p) => p.split(' ').reduce<string[]>((lines, word) => {
        const last = lines[lines.length - 1];
        if (last !== undefined && length(last) + 1 + length(word) <= width) lines[lines.length - 1] = `${last} ${word}`;
        else lines.push(word);
        return lines;
      }, []).join('\n'))
      .join('\n');

  it('in text filled to its width, a line the next word would have fitted after ends where its writer ended it', () => {
    const paragraphs = [
      'Riverside Practice – advice for patients',
      'Last updated: March 2026',
      'Keep the wound clean and dry for the first two days. After that you may shower, but do not soak in a bath or swim until the stitches are out, which is usually after ten days.',
      'Will it leave a scar?',
      'Most cuts heal with a thin pale line that fades over a year or so. Keep the new skin out of strong sun, and massage it gently with an unscented cream once the wound has closed.',
    ];
    expect(parsePlainText(fill(paragraphs, 60)).children.map((p) => toString(p))).toEqual(paragraphs);
  });

  it('a number the line before had no room for is the sentence going on, not a list item; the next item number is an item', () => {
    const text = [
      'Plaque psoriasis usually starts in young adults, most often between',
      'the ages of 15 and 35. A parent with it makes it more likely in the',
      'child, and so does smoking, being overweight or a throat infection in',
      'the weeks before. Most people with it have mild patches on the elbows,',
      'knees and scalp. Children can have it too, though it is rare below age',
      '35. Others have it over much of the skin.',
    ];
    expect(parsePlainText(text.join('\n')).children).toHaveLength(1);
    // The number is at a line's start only where the line before was full: there, and only there, it goes on.
    expect(parsePlainText([...text.slice(0, 5), '', '35. Others have it over much of the skin.'].join('\n')).children).toHaveLength(2);
    const items = ['1. Wash your hands before you touch the dressing and after you take it off again', '2. Keep the dressing dry'];
    expect(parsePlainText(`${items[0]}\n${items[1]}\n${fill(['The nurse will check the wound at the practice after a week, and will take out the stitches then.'], 80)}`).children.map((p) => toString(p))[1]).toBe(items[1]);
  });

  // Two paragraphs of prose filled at 76 columns, so that the text reads as hard-wrapped.
  const prose = [
    'Small children explore the world with their mouths, and leaves, flowers and bright berries are easy for them to reach. Most plants in a garden are harmless, but a few can upset the stomach or irritate the skin, and a very few are more dangerous.',
    'If your child has eaten part of a plant, take it out of their mouth and give them a sip of water. Keep a piece of the plant, or take a photo of it, so that we can tell which plant it was and whether your child needs to be seen.',
  ];
  const filledProse = prose.map((p) => fill([p], 76)).join('\n\n');
  /** Each line but the last is full: the next line's first word would not have fitted after it at 76 columns. */
  const full = (lines: string[]) => lines.slice(0, -1).every((l, i) => l.length + 1 + lines[i + 1].split(' ')[0].length > 76);

  it('in hard-wrapped text, a full line does not run on into a capital the text otherwise writes small (a form, a trail, a title)', () => {
    const header = [
      'Name: ___________________________   Class: ________   Date: ______________',
      'Home > Public advice > Garden and household hazards > Plants and berries',
      'Plants and berries: advice for parents and carers who look after children',
      'Leaves, flowers and berries: what to do if your child eats one',
    ];
    expect(full(header)).toBe(true);
    expect(parsePlainText(`${header.join('\n')}\n\n${filledProse}\n`).children.map((p) => toString(p))).toEqual([...header, ...prose]);
  });

  it('in hard-wrapped text, a phone under its address and dated lines in a row stand alone', () => {
    const address = ['Rivermead Community Health Centre, 14 Lockside Road, Hartbridge HB3 7QT', 'Telephone 01632 960 418'];
    const diary = ['Tuesday 18 March – Year 4 trip to the castle (a packed lunch is needed)', 'Friday 21 March – Red Nose Day: children come in their own clothes'];
    expect(full(address) && full(diary)).toBe(true);
    expect(parsePlainText(`${address.join('\n')}\n\n${diary.join('\n')}\n\n${filledProse}\n`).children.map((p) => toString(p))).toEqual([...address, ...diary, ...prose]);
  });

  it('in hard-wrapped text, a name runs on over the line\'s end: after a capital, into several capitals, or into a reference', () => {
    const paragraphs = [
      ['If you are on a low income, you can ask for help with your bill from the', 'Council Tax Reduction scheme, which the borough runs, or you may ask the', 'Feline Friends Welfare Fund about the costs of the operation for a cat.'],
      ['For the details of each plant and of the symptoms it can cause, look it up', 'in the table on pages 4 and 5 of this pack, where you will find it listed on', 'Sheet 5, with a photograph of each plant that we have been asked about.'],
    ];
    expect(paragraphs.every(full)).toBe(true);
    const text = `${paragraphs.map((p) => p.join('\n')).join('\n\n')}\n\n${filledProse}\n`;
    expect(parsePlainText(text).children.map((p) => toString(p))).toEqual([...paragraphs.map((p) => p.join(' ')), ...prose]);
  });

  it('in hard-wrapped text, a "·" that parts a long line\'s pieces goes on; a glossary\'s lines do not hide how the text is wrapped', () => {
    const notice = ['Meetings on the second Tuesday of each month at the Brackenvale Village Hall', '· New members always welcome'];
    const glossary = ['conductor – a material that lets heat pass through it easily', 'insulator – a material that slows down the flow of heat', 'fluid – a substance that can flow: a liquid or a gas'];
    expect(full(notice)).toBe(true);
    const text = `${notice.join('\n')}\n\n${glossary.join('\n')}\n\n${filledProse}\n`;
    expect(parsePlainText(text).children.map((p) => toString(p))).toEqual([notice.join(' '), ...glossary, ...prose]);
  });

  it('a printed copy\'s running header and footer are left out with a warning, and a paragraph its page break cut is one again', () => {
    const header = 'Northfield Hospital NHS Trust          Rheumatology Department';
    const footer = 'Leaflet RH-014 Issue 2 – Review March 2027';
    const text = [
      header,
      'Gout: information for patients',
      '',
      'Gout is a type of arthritis that causes sudden, severe pain and swelling in a',
      'joint, most often the big toe. Rest the joint and keep it cool with an ice',
      'pack wrapped in a towel, and take the tablets your doctor gave you until the',
      '',
      'Page 1 of 2',
      footer,
      header,
      '',
      'attack has settled, which is usually within a week or two of it starting.',
      '',
      'Preventing attacks',
      'If you have more than two attacks a year, your doctor may suggest a tablet',
      'called allopurinol, which lowers uric acid. You take it every day, even when',
      'you feel well.',
      '',
      'Page 2 of 2',
      footer,
    ].join('\n');
    const dropped: { line: number; text: string; running?: string }[] = [];
    const paragraphs = parsePlainText(text, 0, dropped).children.map((p) => toString(p));
    expect(paragraphs).toEqual([
      header,
      'Gout: information for patients',
      'Gout is a type of arthritis that causes sudden, severe pain and swelling in a joint, most often the big toe. Rest the joint and keep it cool with an ice pack wrapped in a towel, and take the tablets your doctor gave you until the attack has settled, which is usually within a week or two of it starting.',
      'Preventing attacks',
      'If you have more than two attacks a year, your doctor may suggest a tablet called allopurinol, which lowers uric acid. You take it every day, even when you feel well.',
    ]);
    expect(dropped.map((d) => [d.line, !!d.running])).toEqual([[8, false], [9, true], [10, true], [19, false], [20, true]]);
    // pdftotext's copy: a form feed starts each page, its number stands alone on the line before it.
    const fed = text.replace('Page 1 of 2\n', '1\n\f').replace('Page 2 of 2\n', '2\n\f');
    const warnings = new Warnings();
    const { outline } = documentOutline('gout.txt', warnings, Buffer.from(fed));
    expect(outline.title).toBe('Gout: information for patients');
    expect(warnings.list.map((w) => [w.line, w.message.replace(/:.*/, '')])).toEqual(expect.arrayContaining([[8, '"1" looks like the number of a page of a printed copy, not part of the text'], [9, '"Leaflet RH-014 Issue 2 – Review March 2027" is a printed copy\'s running header or footer, repeated by its page numbers (lines 9, 20)']]));
    expect(allBlocks(outline).map((b) => toString(b))).toContain(paragraphs[2]);
    // A heading that happens to stand once by a page number stays.
    const once = parsePlainText(['Symptoms', 'Pain in the big toe at night is the first sign for most people with gout.', '', 'Page 1 of 2', '', 'Symptoms', 'Red, hot skin over the joint is common in an attack and may last days.'].join('\n')).children.map((p) => toString(p));
    expect(once.filter((p) => p === 'Symptoms')).toHaveLength(2);
  });

  it('text wrapped by counting bytes ("—" is three) is joined where it was wrapped', () => {
    const bytes = (s: string) => Buffer.byteLength(s);
    const paragraphs = [
      'Red stage — for children of about five to eight. Played on a quarter-size court — a low net, a large soft ball that bounces low — so that rallies last longer.',
      'Orange stage — usually ages eight to nine. Played on a three-quarter court with an orange ball that is about half as fast as a yellow one.',
      'Green stage — usually ages nine to ten, on a full-size court with a ball a quarter slower than yellow — the last step before the adult game.',
    ];
    const text = fill(paragraphs, 64, bytes);
    expect(text.split('\n').some((l) => l.length + 1 < 64 && bytes(l) > 60)).toBe(true);
    expect(parsePlainText(text).children.map((p) => toString(p))).toEqual(paragraphs);
  });

  it('in a list, a number at a line\'s start is the next item, whatever the full line before it', () => {
    const text = [
      'Please read this letter before the day of your operation. It tells you what',
      'to bring with you and what to do on the morning of the operation, and how long',
      'you are likely to stay with us on the ward after the operation has finished.',
      '',
      '1. Your medicines in their boxes, including any creams, inhalers and eye',
      '   drops, and a written list of them with the doses you take each day',
      '   - tablets you take every day, even the ones you buy yourself at a chemist',
      '2. A dressing gown, slippers and something comfortable to wear on the ward',
      '3. Your glasses or hearing aids if you use them.',
    ].join('\n');
    const paragraphs = parsePlainText(text).children.map((p) => toString(p));
    expect(paragraphs.slice(-2)).toEqual(['2. A dressing gown, slippers and something comfortable to wear on the ward', '3. Your glasses or hearing aids if you use them.']);
  });

  it('a word broken by a hyphen at a line\'s end is one word again; a hyphen the word has stays, without the space', () => {
    const text = [
      'Most people need treat-',
      'ment for a few weeks, and the treatment is safe. The well-',
      'known side effects are mild. Your nurse will book a follow-',
      'up visit and show you how to look after the skin yourself: self-',
      'care matters as the inflam-',
      'mation settles.',
    ].join('\n');
    expect(toString(parsePlainText(text).children[0])).toBe('Most people need treatment for a few weeks, and the treatment is safe. The well-known side effects are mild. Your nurse will book a follow-up visit and show you how to look after the skin yourself: self-care matters as the inflammation settles.');
    // Two like vowels either side of the break keep their hyphen after a prefix: "anti-inflammatory", "pre-existing"; not "vacuum", "skiing".
    expect(toString(parsePlainText('Rest the joint and take anti-\ninflammatory tablets for a pre-\nexisting swelling.').children[0])).toBe('Rest the joint and take anti-inflammatory tablets for a pre-existing swelling.');
    expect(toString(parsePlainText('Use the vacu-\num cleaner after a ski-\ning holiday.').children[0])).toBe('Use the vacuum cleaner after a skiing holiday.');
  });

  it('text of one paragraph a line keeps each line a paragraph, however long its lines', () => {
    const lines = [para('Sleep'), para('Exercise'), para('Food')];
    expect(parsePlainText(lines.join('\n')).children.map((p) => toString(p))).toEqual(lines);
  });
});

describe('the subject of a title', () => {
  it('"Review: Types of Rock" is about rock, so the types are found by their names', () => {
    const text = [
      'Science Review: Types of Rock',
      'Rocks are all around us. Geologists sort them by how they formed, and this gives three main types of rock.',
      'Igneous rock forms when melted rock cools. Granite and basalt are igneous rocks, and some cool so fast that they hold no crystals.',
      'Sedimentary rock forms from layers of sand and mud pressed together. It is the only type that usually holds fossils.',
      'Metamorphic rock forms when heat and pressure change an existing rock. Marble was once limestone.',
      'Over time, any type of rock can change into any other type. This slow process never stops.',
    ].join('\n');
    const o = outlineOf(text);
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Igneous', 'Sedimentary', 'Metamorphic']);
    // The closing paragraph is about every type, not under the last one.
    expect(o.sections[o.sections.length - 1].parts).toBeUndefined();
  });

  it('"Unit 2 Review: Clouds and the Weather" is about clouds; "Cumulus clouds form when …" names a kind, not a form', () => {
    const o = outlineOf([
      'Unit 2 Review: Clouds and the Weather',
      'Clouds are made of tiny drops of water or ice. Clouds float because the drops are so small, and clouds change shape all the time.',
      'Cumulus clouds form when warm air rises on a sunny day. They look like puffy white cotton balls.',
      'Stratus clouds form in flat grey layers that cover the sky. They often bring drizzle.',
      'Cirrus clouds form high in the sky, where it is cold. They are thin and wispy and made of ice.',
      'Watch the clouds for a week and write down what the weather did after each kind.',
    ].join('\n'));
    expect(o.sections.flatMap((s) => [s, ...s.sections]).filter((s) => s.parts).map((s) => s.title)).toEqual(['Cumulus', 'Stratus', 'Cirrus']);
  });

  it('when the opening sentence is about the reader, the next one names the subject', () => {
    const o = outlineOf(`If your joints are stiff and sore in the morning, you may have arthritis, a common condition. Arthritis is not one disease but many. Arthritis can affect any joint, and arthritis often runs in families.`);
    expect(o.title).toBe('Arthritis');
  });
});

describe('kinds named by the subject', () => {
  it('"Influenza A", "Influenza B": the subject and a label name kinds, listed or not', () => {
    const kinds = [
      'Influenza A infects people and many animals, and it causes the large outbreaks that spread around the world every few decades.',
      'Influenza B infects only people. It causes smaller outbreaks, mostly in children, and changes more slowly than the first.',
      'Influenza C causes a mild illness like a cold. Most people have had it by the time they are adults.',
    ];
    for (const opening of ['Influenza is an infection of the nose, throat and lungs. Influenza spreads when people cough.', 'Influenza is an infection of the nose, throat and lungs. There are three types of influenza that infect people: influenza A, B, and C.']) {
      const o = outlineOf(['Influenza', opening, ...kinds, 'Any type of influenza can be prevented in part by a yearly vaccine.'].join('\n'));
      expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Influenza A', 'Influenza B', 'Influenza C']);
    }
  });

  it('after "several classes", classes named with their acronym are the parts', () => {
    const o = outlineOf([
      'Blood pressure medicines',
      'Blood pressure medicines lower the pressure in your arteries, which protects your heart and kidneys.',
      'Several classes of blood pressure medicines are in use. They differ in how they work and in their side effects.',
      'Angiotensin receptor blockers, or ARBs, relax the blood vessels. They rarely cause a cough.',
      'Calcium channel blockers (CCBs) widen the arteries. Swollen ankles are a common side effect.',
      'Angiotensin-converting enzyme inhibitors, or ACEIs, are often the first choice. A dry cough is common.',
      'Any of these medicines can make you dizzy when you stand up quickly.',
    ].join('\n'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Angiotensin receptor blockers', 'Calcium channel blockers', 'Angiotensin-converting enzyme inhibitors']);
  });

  it('after "four classes", paragraphs that each name their own ("Statins lower …") are the parts; the count says how many', () => {
    const o = outlineOf([
      'Cholesterol medicines',
      'Cholesterol medicines lower the fat in your blood. Four classes of them are prescribed most.',
      'Statins lower the cholesterol the liver makes. They are the first choice for most people.',
      'Fibrates mainly lower triglycerides, another blood fat. They are often added to a statin.',
      'Resins are powders that trap bile acids in the gut, so the body uses up cholesterol. They can cause bloating.',
      'Injections given every two weeks block a protein that keeps cholesterol in the blood.',
      'Food still matters with any of these medicines: eat less saturated fat and more fibre.',
    ].join('\n'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title).slice(0, 3)).toEqual(['Statins', 'Fibrates', 'Resins']);
  });

  it('two kinds mentioned in passing make no parts, though the next paragraphs each have a subject', () => {
    const o = outlineOf([
      'Heartburn',
      'Heartburn is a burning feeling behind the breastbone after meals. There are two kinds of medicine for it. Most people need only one.',
      'Antacids work within minutes but last an hour or two. Take them when the burning starts.',
      'Sleep matters too: raise the head of your bed and do not lie down for three hours after eating.',
      'See your doctor if heartburn happens more than twice a week.',
    ].join('\n'));
    expect(o.sections.filter((s) => s.parts)).toEqual([]);
  });

  it('kinds named together ("Chemical and electrical burns …") are not one more kind of a run', () => {
    const o = outlineOf([
      'A burn is damage to the skin from heat. A burn is sorted by how deep it goes.',
      'First-degree burns hurt the top layer of skin only. The skin is red and sore but does not blister.',
      'Second-degree burns reach the layer below. They blister and are very painful.',
      'Third-degree burns go through the whole skin. They may not hurt, because the nerves are damaged.',
      'Chemical and electrical burns can be deeper than they look and always need a doctor.',
    ].join('\n'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['First-degree', 'Second-degree', 'Third-degree']);
  });

  it('species of one genus in a row are the parts, a common word opening paragraphs is not', () => {
    const species = outlineOf([
      'Thrush',
      'Thrush is a yeast infection of the mouth or genitals, caused by yeasts of the genus Candida that live on the skin.',
      'Candida albicans causes most cases. It lives in the gut of most healthy people and overgrows after antibiotics.',
      'Candida glabrata is the next most common. It resists some of the usual medicines, so treatment takes longer.',
      'Candida auris is new and spreads in hospitals. It can infect the blood of very sick people.',
      'A swab of the white patches shows which yeast it is.',
    ].join('\n'));
    expect(species.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Candida albicans', 'Candida glabrata', 'Candida auris']);
    const common = outlineOf([
      'Check-ups',
      'A yearly check-up finds problems early, before they cause harm.',
      'Blood pressure is measured with a cuff on your arm. High pressure has no signs of its own.',
      'Blood sugar is tested with a finger prick or a blood test. It shows whether you may have diabetes.',
      'Blood fats are measured from a blood test after a night without food.',
      'Bring a list of your medicines to every check-up.',
    ].join('\n'));
    expect(common.sections.filter((s) => s.parts)).toEqual([]);
  });

  it('a title that does not name the subject ("Reading the Sky") leaves it to the text', () => {
    const o = outlineOf([
      'Reading the Sky',
      'A cloud is made of tiny drops of water or ice. Every cloud forms when moist air rises and cools, and a cloud changes its shape all the time.',
      'Cirrus clouds are thin streaks high in the sky. They are made of ice.',
      'Cumulus clouds are puffy and white, with flat bottoms. They grow on warm afternoons.',
      'Stratus clouds are flat grey sheets that hide the sun. They often bring drizzle.',
      'Keep a cloud diary for a week and note the weather that followed.',
    ].join('\n'));
    expect(o.title).toBe('Reading the Sky');
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Cirrus', 'Cumulus', 'Stratus']);
  });

  it('after "three stages", stages named by modifiers of the subject\'s head word are the parts', () => {
    const o = outlineOf([
      'Chagas disease is an infection caused by a parasite that insects carry. Chagas disease is common in rural Latin America.',
      'Without treatment, Chagas disease passes through three stages.',
      'Acute disease begins a week or two after the bite. There may be a fever or a swollen eyelid, but many people notice nothing.',
      'Indeterminate disease follows and can last for decades. People feel well, yet the parasite stays in the body.',
      'Chronic disease develops in about a third of people. It can weaken the heart or widen the gut.',
      'A blood test finds the infection at any stage.',
    ].join('\n'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Acute', 'Indeterminate', 'Chronic']);
    expect(o.sections[o.sections.length - 1].parts).toBeUndefined();
  });
});

describe('parts announced without a kind word', () => {
  const partTitles = (o: Outline) => o.sections.filter((s) => s.parts).map((s) => s.title);

  it('a count of anything ("four main groups") and as many paragraphs right after it, each opening with its name, are the parts', () => {
    const o = outlineOf([
      'Inhalers for asthma',
      'Inhalers put the medicine straight into your airways. Your nurse will choose from four main groups.',
      'Relievers. A blue reliever opens the airways within minutes when you are wheezy.',
      'Preventers. A brown preventer calms the airways over weeks, so you need the reliever less.',
      'Combination inhalers. These hold a preventer and a long-acting reliever in one device.',
      'Spacers. A plastic tube between the inhaler and your mouth gets more medicine into the lungs.',
      'Whichever inhaler you use, rinse your mouth after each dose and bring it to every visit.',
    ].join('\n'));
    expect(partTitles(o)).toEqual(['Relievers', 'Preventers', 'Combination inhalers', 'Spacers']);
    expect(o.sections.at(-1)!.parts).toBeUndefined();
  });

  it('a count of anything and as many paragraphs after it that open with a label and a colon: the labels are the parts', () => {
    const lines = [
      'Brightwater Swimming Club',
      'Membership: what the three bands mean',
      'We have about 300 members, from beginners to swimmers who race for the county.',
      'Membership comes in three bands, each with its own fee and its own pool times.',
      'Junior band: for swimmers aged 8 to 17 who train twice a week with a coach on the poolside.',
      'The junior fee also covers one gala a term and the club swimming cap.',
      'Adult band: for swimmers over 18 who want lane swimming three evenings a week without a coach.',
      'Masters band: for swimmers over 25 who train with a coach and race in the masters league.',
      'Whichever band you choose, the first two sessions are free, so you can try the club first.',
    ];
    const o = outlineOf(lines.join('\n'));
    expect(partTitles(o)).toEqual(['Junior band', 'Adult band', 'Masters band']);
    expect(o.sections[0].blocks.map((b) => toString(b))).toEqual(lines.slice(4, 6));
    expect(o.sections.at(-1)!.parts).toBeUndefined();
    // A remark set off by a label is not a part; nor are labels that do not start right after the count or do not meet it.
    const noted = [...lines.slice(0, 4), 'Note: the pool is closed on bank holidays and for two weeks in August every year.', ...lines.slice(4)];
    expect(partTitles(outlineOf(noted.join('\n')))).not.toContain('Note');
    const short = [...lines.slice(0, 4), ...lines.slice(4, 7), lines[8]];
    expect(outlineOf(short.join('\n')).notes?.join('\n')).not.toMatch(/label that opens/);
  });

  it('a count of days, of tablets or a range announces nothing, and a run that does not meet the count makes no parts', () => {
    const o = outlineOf([
      'After a tooth is pulled',
      'Bite on the gauze for thirty minutes. Take two tablets of paracetamol when the numbness wears off, for three to five days.',
      'Swelling is worst on the second day. A cold pack on the cheek helps.',
      'Bleeding that starts again usually stops if you bite on a clean gauze pad.',
      'Smoking slows healing and can loosen the clot.',
    ].join('\n'));
    expect(partTitles(o)).toEqual([]);
    const pairs = outlineOf([
      'The axolotl',
      'The axolotl is a salamander that keeps its young form all its life. Adults have three pairs of feathery gills.',
      'Wild axolotls live in the canals of one lake near Mexico City.',
      'The species can regrow a lost leg, and even parts of its heart.',
      'In contrast to its numbers in laboratories, it is nearly extinct in the wild.',
    ].join('\n'));
    expect(partTitles(pairs)).toEqual([]);
  });

  it('a sentence that sorts the subject ("are classified by") is followed by its kinds, one paragraph each', () => {
    const o = outlineOf([
      'Glaciers are classified by where they form and how they move. Some cover whole continents, others fill one valley.',
      'Ice sheets bury the land under ice more than a kilometre thick, as in Greenland and Antarctica.',
      'Valley glaciers flow down mountain valleys and carve them into a U shape.',
      'Piedmont glaciers spread out into a broad lobe where a valley glacier reaches flat ground.',
      'Glaciers everywhere are shrinking as the climate warms.',
    ].join('\n'));
    expect(partTitles(o)).toEqual(['Ice sheets', 'Valley glaciers', 'Piedmont glaciers']);
  });

  it('a lead-in ending in a colon over a list of names, then a paragraph for each, whatever the list calls them', () => {
    const o = outlineOf([
      'Choosing a walking aid',
      'Your physiotherapist will help you choose one of these aids:',
      '- a single-point cane',
      '- a quad cane',
      '- an aluminium walking frame',
      'Single-point canes suit mild imbalance and are held in the hand opposite the weak leg.',
      'Quad canes stand on four small feet and give more support on one side.',
      'Walking frames give the most support and are used with both hands.',
    ].join('\n'));
    expect(partTitles(o)).toEqual(['Single-point cane', 'Quad cane', 'Aluminium walking frame']);
    const described = outlineOf([
      'Rocks are sorted by how they form:',
      '- igneous rocks, from cooled magma',
      '- sedimentary rocks, from layers of sediment',
      'An igneous rock such as granite forms when magma cools underground.',
      'A sedimentary rock such as sandstone forms from sand pressed together over time.',
    ].join('\n'));
    expect(partTitles(described)).toEqual(['Igneous rocks', 'Sedimentary rocks']);
    const steps = outlineOf(['Before your scan', 'On the day of the scan:', '- Eat nothing for six hours', '- Drink two glasses of water', 'Eat nothing after midnight, as the scan needs an empty stomach.', 'Drink the water an hour before.'].join('\n'));
    expect(partTitles(steps)).toEqual([]);
  });

  it('names listed in passing ("… recognise A, B, C and D, although …") are the parts when three open paragraphs; a list of symptoms is not', () => {
    const o = outlineOf([
      'An orchestra seats its players by the instruments they play. Musicians commonly group them as strings, woodwinds, brass and percussion, although a few instruments sit between these families.',
      'Strings are the largest family, from the violins at the front to the double basses at the back.',
      'Woodwinds sit behind the strings: flutes, oboes, clarinets and bassoons.',
      'Brass is loud, so the trumpets, horns and trombones sit near the back.',
      'Percussion covers drums, cymbals and anything else that is struck or shaken.',
    ].join('\n'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Strings', 'Woodwinds', 'Brass', 'Percussion']);
    const symptoms = outlineOf([
      'Flu',
      'Flu comes on quickly. Symptoms include fever, aching muscles, a dry cough and tiredness.',
      'Fever usually lasts two to three days. Paracetamol brings it down.',
      'Most people feel better within a week, though tiredness can last longer.',
    ].join('\n'));
    expect(symptoms.sections.filter((s) => s.parts)).toEqual([]);
  });

  it('a list parted by semicolons ("three councils: the town council, which …; …; and …") names the parts', () => {
    const o = outlineOf([
      'Local government in the county is shared among three councils: the parish council, which looks after village greens; the district council, which collects the rubbish; and the county council, which runs the schools.',
      'Each village elects a parish council every four years, and the parish council meets once a month.',
      'The district council also decides planning applications and sets most of the council tax.',
      'Roads, libraries and social care are the county council’s work as well as schools.',
    ].join('\n'));
    expect(partTitles(o)).toEqual(['Parish council', 'District council', 'County council']);
  });
});

describe('headings that name the parts', () => {
  const partTitles = (o: Outline) => o.sections.filter((s) => s.parts).map((s) => s.title);

  it('headings of one name and a label ("Influenza A", "Influenza B") are parts', () => {
    const o = outlineOf(`Flu viruses\n\nA leaflet from the county health office\n\n${para('Flu')}\n\nInfluenza A\n\n${para('Influenza A')}\n\nInfluenza B\n\n${para('Influenza B')}\n\nGetting the vaccine\n\n${para('The vaccine')}\n`);
    expect(partTitles(o)).toEqual(['Influenza A', 'Influenza B']);
  });

  it('a "Types" heading over headings that are names makes them the parts, up to a heading that is not a name', () => {
    const o = outlineOf(`Back pain\n\n${para('Back pain')}\n\nTypes\n\nAcute back pain\n\n${para('Pain for a few weeks')}\n\nSciatica\n\n${para('Pain down the leg')}\n\nChronic back pain\n\n${para('Pain for months')}\n\nWhen to see a doctor\n\n${para('Numbness')}\n`);
    expect(partTitles(o)).toEqual(['Acute back pain', 'Sciatica', 'Chronic back pain']);
  });

  it('a "Stages" heading with its own text over topic headings makes no parts of them', () => {
    const o = outlineOf(`Lyme disease\n\n${para('Lyme disease')}\n\nStages\n\n${para('The early stage')}\n\n${para('The late stage')}\n\nDiagnosis\n\n${para('A blood test')}\n\nTreatment\n\n${para('An antibiotic')}\n`);
    expect(partTitles(o)).toEqual([]);
  });
});

describe('run-in heads', () => {
  const partTitles = (o: Outline) => o.sections.filter((s) => s.parts).map((s) => s.title);

  it('paragraphs opening with a name and a full stop ("Relievers. …") after a sentence that counts them are the parts, each paragraph whole', () => {
    const o = outlineOf([
      'Asthma inhalers',
      'Most people with asthma use three kinds of medicine.',
      'Relievers (blue). A reliever opens the narrowed airways within minutes, so keep it with you at all times.',
      'It lasts about four hours. If you need it more than three times a week, tell your nurse.',
      'Preventers (brown). A preventer calms the swelling inside the airways and works only if you take it every day.',
      'Delayed-release tablets. Montelukast is a tablet taken at night that some children use as well as a preventer.',
      'Bring all your inhalers to every asthma review, and ask the nurse to check how you use them.',
    ].join('\n'));
    expect(partTitles(o)).toEqual(['Relievers (blue)', 'Preventers (brown)', 'Delayed-release tablets']);
    // Each paragraph is printed whole under its heading: no words move into the heading alone.
    expect(toString(o.sections[0].blocks[0])).toMatch(/^Relievers \(blue\)\. A reliever/);
    expect(o.sections[0].blocks).toHaveLength(2);
  });

  it('numbered run-in heads after a count are the parts; without a sentence that counts them they are only headings', () => {
    const counted = outlineOf([
      'Economists sort markets into three structures by the number of firms.',
      '1. Perfect competition. Very many small firms sell the same product, and none can set the price.',
      'In the long run no firm makes a profit, because new firms enter whenever there is one to be made.',
      '2. Oligopoly. A few large firms share the market and watch each other’s prices closely.',
      '3. Monopoly. One firm is the only seller, and other firms are kept out by barriers to entry.',
    ].join('\n\n'));
    expect(partTitles(counted)).toEqual(['1. Perfect competition', '2. Oligopoly', '3. Monopoly']);
    // A numbered paragraph on its own is a paragraph with its number, not a list of one item.
    expect(counted.sections[1].blocks.map((b) => [b.type, toString(b).slice(0, 12)])).toEqual([['paragraph', '2. Oligopoly']]);
    const advice = outlineOf([
      'Looking after your back',
      'Your back will heal faster if you keep moving and look after yourself.',
      'Heat packs. A warm pack on the sore area for twenty minutes eases the stiffness in the morning.',
      'Gentle walks. A short walk every few hours stops the muscles from tightening up again.',
    ].join('\n'));
    expect(partTitles(advice)).toEqual([]);
  });

  it('a short sentence at a paragraph’s start is no run-in head: an instruction, a pronoun, a line of facts', () => {
    const o = outlineOf([
      'After your operation',
      'Stop smoking. Smoking slows the healing of the wound and makes infection more likely after surgery.',
      'It hurts. Most people have some pain for a few days, and the tablets you were given will help.',
      'Leaflet 112. Produced May 2025.',
    ].join('\n'));
    expect(headings(o)).toEqual([]);
  });

  it('"Yes." answering a question heading is no head; nor, in a language the tagger cannot read, a short first sentence', () => {
    const answer = 'Yes. Most people go back to school or work within two weeks, and the nurse will tell you when it is safe to drive.';
    const english = outlineOf(['Going home after a hip scope', 'Can I go back to work soon?', answer, 'Will it hurt?', 'Yes. The joint aches for a few days, and the tablets you were given help with that.'].join('\n'));
    expect(headings(english)).toEqual(['Can I go back to work soon?', 'Will it hurt?']);
    const spanish = outlineOf([
      'Cuidados del yeso',
      '¿Puedo mojarlo?',
      'No. El agua ablanda el yeso y la piel de debajo se irrita con facilidad durante días.',
      'El yeso corto cubre la muñeca. Se quita en la consulta al cabo de cuatro semanas más o menos.',
      'El yeso largo llega hasta el codo. Se cambia a las dos semanas por uno más ligero y cómodo.',
    ].join('\n'), 'es');
    expect(headings(spanish)).toEqual(['¿Puedo mojarlo?']);
  });
});

describe('headings that share their first words', () => {
  it('"Paying by bank card" and "Paying by store card" are the parts "bank card" and "store card": a later paragraph on store cards stays under its heading', () => {
    const o = outlineOf([
      'Paying at the pharmacy counter',
      'Paying by bank card',
      'Tap or insert your bank card at the reader by the till; the money leaves your account the same day.',
      'Paying by store card',
      'A store card collects points on everything you buy here, and you settle the balance once a month.',
      'Store cards also give you a discount on vitamins in January, when the shelves are restocked after winter.',
      'Questions',
      'Our counter staff answer questions on weekdays between nine in the morning and six in the evening.',
    ].join('\n\n'));
    expect(headings(o)).toEqual(['Paying by bank card', 'Paying by store card', 'Questions']);
    expect(o.sections[1].blocks).toHaveLength(2);
  });

  it('a line shaped like a later heading is a heading, not the title ("Parking with a day permit" under "Parking at the health centre")', () => {
    const o = outlineOf([
      'Parking at the health centre',
      'Parking with a day permit',
      'Buy a day permit at the machine by the main door; it is valid until midnight and costs two pounds.',
      'Parking with a season permit',
      'Staff and regular visitors can apply for a season permit at reception, with proof of address.',
    ].join('\n\n'));
    expect(o.title).toBe('Parking at the health centre');
    expect(headings(o)).toEqual(['Parking with a day permit', 'Parking with a season permit']);
  });

  it('a line with a phone number, an email or a web address is how to reach someone, not a heading', () => {
    const o = outlineOf([
      'Caring for your new cast',
      'Your cast holds the broken bone still while it heals. Keep the cast dry and do not push anything inside it.',
      'When to call us',
      'Call the fracture clinic if your fingers go numb, turn blue or swell more than they did on the first day.',
      'Fracture clinic (weekdays): 0161 496 0732',
      'Out of hours, ring the ward on the number on your discharge letter.',
      'Email: fractures@example.org',
      'More advice is on the clinic pages of the hospital website, with pictures of each kind of cast.',
    ].join('\n\n'));
    expect(headings(o)).toEqual(['When to call us']);
  });
});

describe('pages copied from the web, and parts counted off', () => {
  it('a trail of links and the page controls ("Print this page", "Was this page helpful? Yes | No") are kept as text, never headings', () => {
    const o = outlineOf([
      'Looking after your hearing aid',
      'Audiology › Hearing aids › Daily care',
      'Print this page',
      'Clean the aid each evening with a dry cloth, and open the battery door overnight so it can air.',
      'Changing the battery',
      'Most batteries last about a week. Change it when the aid beeps twice or the sound becomes weak.',
      'Was this page helpful? Yes | No',
      'Last updated 3 March 2025 | Print | Share',
    ].join('\n\n'));
    expect(headings(o)).toEqual(['Changing the battery']);
    expect(allBlocks(o).map((b) => toString(b))).toEqual(expect.arrayContaining(['Print this page', 'Audiology › Hearing aids › Daily care', 'Was this page helpful? Yes | No']));
  });

  it('a trail written with ">" ("Home > Living with allergy > Stings") is page chrome too', () => {
    const o = outlineOf(['Bee stings', 'Home > Living with allergy > Stings', 'Most stings swell and itch for a day or two, and a cold pack eases them.', 'When to get help', 'Call 999 if the face or throat swells, or breathing is hard.'].join('\n\n'));
    expect(headings(o)).toEqual(['When to get help']);
  });

  it('bare headings that are names, as many as the sentence just before them counts, are the parts', () => {
    const o = outlineOf([
      'Knife skills: week 2',
      'Even pieces cook evenly, so cut them to size. This week we practise three classic cuts.',
      'Mirepoix (1/2 inch dice)',
      'A mirepoix is onion, carrot and celery cut into rough half-inch cubes for stocks and sauces.',
      'Macédoine (1/4 inch dice)',
      'A macédoine is a neat quarter-inch dice, used where the pieces are seen, as in a salad.',
      'Tourné (seven-sided barrel)',
      'A tourné is a small barrel with seven even faces, carved from a potato or a carrot.',
      'Bring an apron and a sharp paring knife to Thursday’s lab.',
    ].join('\n\n'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Mirepoix (1/2 inch dice)', 'Macédoine (1/4 inch dice)', 'Tourné (seven-sided barrel)']);
    // A count of weeks or copies counts nothing to head.
    const weeks = outlineOf(['After your knee scope', 'Most people are back to normal within one to two weeks.', 'Activity', 'Walk a little every hour.', 'Wound care', 'Keep the dressing dry.', 'Pain control', 'Take the tablets you were given.'].join('\n\n'));
    expect(weeks.sections.filter((s) => s.parts)).toEqual([]);
  });

  it('three short links parted by "|" ("Poison Center | Topics | Plants") are a trail, not a heading', () => {
    const o = outlineOf(['Berries in the garden', 'City Poison Center | Poison Topics | Plants and Berries', 'Most garden berries upset the stomach at worst, but a few can harm a small child.', 'Keep the berry', 'Put any berries left over in a bag and bring them with you, so we can tell what they are.'].join('\n\n'));
    expect(headings(o)).toEqual(['Keep the berry']);
  });

  it('the count a list after a colon answers is the one just before it ("eight …, but four of them: a, b, c and d")', () => {
    const o = outlineOf([
      'Revision: forces',
      'There are eight forces on the syllabus, but this sheet covers four of them: weight, friction, tension and upthrust.',
      'Weight is the pull of gravity on a mass, and it acts from the centre of mass straight down.',
      'Friction acts between surfaces that slide or try to slide, always against the motion.',
      'Tension is the pull in a stretched rope or spring, the same all along it.',
      'Upthrust pushes up on anything in a liquid or a gas, and it is why a boat floats.',
    ].join('\n\n'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Weight', 'Friction', 'Tension', 'Upthrust']);
  });

  it('paragraphs that open with a name in capitals ("BEHIND-THE-EAR (BTE) aids …") under a title that counts them are the parts', () => {
    const o = outlineOf([
      'Reading glasses: the three main lens types',
      'Your optician will help you choose, but it helps to know what each lens does before your appointment.',
      'SINGLE-VISION lenses have one strength across the whole lens, set for reading distance, and are the cheapest to make.',
      'BIFOCAL LENSES have a small reading area at the bottom and a distance area above, with a visible line between them.',
      'VARIFOCAL LENSES change strength smoothly from top to bottom, with no line, and take a week or two to get used to.',
      'Ask about the NHS voucher scheme: many people over 60 can get help with the cost of their glasses.',
    ].join('\n\n'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['SINGLE-VISION', 'BIFOCAL LENSES', 'VARIFOCAL LENSES']);
    // An acronym alone opens no head.
    expect(headings(o)).not.toContain('NHS');
  });

  it('a count, then paragraphs each on one ("Accident-only cover pays …"), with the trail "Shop – Help – Cover" kept as text', () => {
    const o = outlineOf([
      'Travel insurance levels',
      'Harbour Travel Insurance – Help centre – Choosing cover',
      'Every policy we sell falls into one of three levels, from the cheapest to the most complete.',
      'Accident-only cover pays for injuries abroad, such as a fall on a ski slope, and nothing for illness.',
      'Standard cover pays for injuries and illness abroad, up to a set amount for each trip you take.',
      'Premium cover adds lost luggage and cancelled flights, and its limit is twice the standard one.',
      'Questions about a policy? Our team answers the phone on weekdays from nine until five.',
    ].join('\n\n'));
    const parts = o.sections.filter((s) => s.parts).map((s) => s.title);
    expect(parts).toHaveLength(3);
    expect(parts[0]).toMatch(/^Accident-only/);
    expect(parts[2]).toMatch(/^Premium/);
    expect(headings(o)).not.toContain('Harbour Travel Insurance – Help centre – Choosing cover');
  });

  it('a question on the first line is the title', () => {
    const o = outlineOf(['Swimming lessons at Brook Lane: which group is right for my child?', 'Children join a group by what they can do in the water, not by age alone, and move up when ready.', 'Lessons run on Saturday mornings in term time, and a free trial lesson is offered to every new swimmer.'].join('\n\n'));
    expect(o.title).toBe('Swimming lessons at Brook Lane: which group is right for my child?');
  });

  it('numbered items after a lead-in, each a name and a paragraph about it, are the parts', () => {
    const o = outlineOf([
      'Swimming groups at Brook Lane',
      'Children join a group by what they can do in the water, not by age, and move up when they are ready.',
      'The groups are:',
      '1. Ducklings — for children who are new to the water. Lessons are in the shallow teaching pool, with floats and a teacher in the water, and last thirty minutes.',
      '2. Otters — for children who can swim five metres on their own. They learn to breathe to the side, to float on their back and to jump in safely.',
      '3. Dolphins — for children who can swim twenty-five metres. Lessons are in the main pool and add diving, treading water and the first tumble turns.',
      'Fees are paid by the term, and a free trial lesson is offered to every new swimmer.',
    ].join('\n\n'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Ducklings', 'Otters', 'Dolphins']);
    // Each item is printed whole, its number kept, under its heading.
    expect(toString(o.sections[1].blocks[0])).toMatch(/^2\. Otters — for children/);
  });

  it('"The first kind is the … source" names the part by what follows the count', () => {
    const o = outlineOf([
      'Where research comes from',
      'Librarians sort the sources you will use into three kinds, by how close they stand to the work itself.',
      'The first kind is the original source: the lab notebook, the survey answers or the letter written at the time, as it was made.',
      'The second kind is the review source, which reads the original sources and argues about what they show.',
      'The third kind is the reference source, such as an encyclopedia, which sums up both so you can find your way in.',
    ].join('\n\n'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Original source', 'Review source', 'Reference source']);
  });

  it('headings named by a letter in capitals ("Group AB", "Group O") are one shape with "Group A"', () => {
    const o = outlineOf([
      'Blood groups',
      'Group A',
      'Red cells in group A carry the A marker, and the plasma carries antibodies against B.',
      'Group AB',
      'Red cells in group AB carry both markers, so the plasma carries neither antibody at all.',
      'Group O',
      'Red cells in group O carry neither marker, and the plasma carries antibodies against both.',
    ].join('\n\n'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Group A', 'Group AB', 'Group O']);
  });

  it('of two announcements, the one nearer the parts governs them; a name with "The" and ", or" is a name', () => {
    const o = outlineOf([
      'Tea at the Hollybank tea rooms',
      'Tea growers sort their leaves into three grades: whole, broken and dust.',
      'Our menu is arranged in four blends.',
      'The Morning Blend, or breakfast tea, uses whole leaves from Assam and is strong enough to take milk.',
      'The Garden Blend mixes broken leaves with dried apple and brews in three minutes.',
      'Garden Blend drinkers often ask for it iced in the summer months, with a slice of lemon.',
      'The Evening Blend has no caffeine and is made from rooibos and vanilla.',
      'The Harbour Blend is smoked over pine logs and is served without milk.',
    ].join('\n\n'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Morning Blend', 'Garden Blend', 'Evening Blend', 'Harbour Blend']);
    // "Garden Blend drinkers …" goes on with the Garden Blend: it is not a fifth blend.
    expect(o.sections[1].blocks).toHaveLength(2);
  });

  it('after parts the title names, the closing heading says what they all are ("More about sources")', () => {
    const o = outlineOf([
      'Original, review and reference sources',
      'Librarians sort the sources you will use into three kinds, by how close they stand to the work itself.',
      'The first kind is the original source: the lab notebook, the survey answers or the letter written at the time, as it was made.',
      'The second kind is the review source, which reads the original sources and argues about what they show.',
      'The third kind is the reference source, such as an encyclopedia, which sums up both so you can find your way in.',
      'Your subject librarian can help you tell them apart, and runs a drop-in session every Tuesday afternoon.',
    ].join('\n\n'));
    expect(headings(o)).toEqual(['Original source', 'Review source', 'Reference source', 'More about sources']);
  });
});

describe('the text after the last part', () => {
  it('a paragraph naming several parts at once ("For grades 1 and 2, …") is not filed under the last part', () => {
    const o = outlineOf([
      'Ankle sprains',
      'Ankle sprains come in three grades, by how badly the ligament is torn.',
      'Grade 1 sprains stretch the ligament without tearing it. Walking is sore but possible.',
      'Grade 2 sprains tear part of the ligament. The ankle swells and bruises.',
      'Grade 3 sprains tear the ligament through. The ankle gives way and needs a brace or a cast.',
      'For grades 1 and 2, rest, ice and gentle exercise are enough, and most people walk normally within weeks.',
    ].join('\n'));
    expect(o.sections.map((s) => s.title)).toEqual(['Grade 1', 'Grade 2', 'Grade 3', expect.not.stringMatching(/grade/i)]);
  });

  it('under the last part’s heading, a paragraph that neither refers back to it nor shares its words is the text’s own again', () => {
    const o = outlineOf([
      'Plate boundaries', '',
      'Type 1: spreading boundaries', '',
      'At a spreading boundary, two plates move apart and new crust forms from rising magma along the ridge.', '',
      'Type 2: colliding boundaries', '',
      'At a colliding boundary, two plates push together, and one plate sinks beneath the other into the mantle.', '',
      'Type 3: sliding boundaries', '',
      'At a sliding boundary, two plates grind past each other sideways, and the friction causes earthquakes.', '',
      'Not every volcano sits on a boundary. Hotspots are plumes of hot rock rising under the middle of a plate, as under Hawaii.',
    ].join('\n'));
    expect(o.sections.map((s) => s.title).slice(0, 3)).toEqual(['Type 1: spreading boundaries', 'Type 2: colliding boundaries', 'Type 3: sliding boundaries']);
    expect(o.sections[2].blocks.map((b) => toString(b))).toEqual([expect.stringMatching(/^At a sliding boundary/)]);
    expect(o.sections[3]?.parts).toBeUndefined();
  });
});

describe('a title from the opening sentence', () => {
  it('a possessor is part of the name ("Graves\' disease", "the heart\'s valves"), not the subject', () => {
    const graves = outlineOf('Graves’ disease makes the thyroid work too hard. Graves’ disease is treated with tablets, radioactive iodine or surgery. Many people with Graves’ disease also have sore eyes.');
    expect(graves.title).toBe('Graves’ disease');
    const valves = outlineOf('The heart’s valves keep blood flowing one way. Each of the four valves opens and closes with every beat. Valves can leak or stiffen with age, and a leaking valve makes a murmur a doctor can hear.');
    expect(valves.title).not.toMatch(/^heart$/i);
    expect(valves.title).toMatch(/valve/i);
  });
});

describe('longer first lines and words the tagger reads as verbs', () => {
  it('a first line of up to sixteen words shaped as a title is the title; a lead-in that stops open is not', () => {
    const o = outlineOf(`Earth Science 8 - Unit 5 Study Guide: Layers of the Atmosphere\n\n${para('The atmosphere')}\n\nThe troposphere\n\n${para('Weather')}\n`);
    expect(o.title).toBe('Earth Science 8 - Unit 5 Study Guide: Layers of the Atmosphere');
  });

  it('a word after an article is no verb: "At a transform boundary, …" names a kind as "At a spreading boundary" does', () => {
    const o = outlineOf([
      'Plate boundaries',
      'Geologists recognise three kinds of plate boundary.',
      'At a spreading boundary, also called a divergent margin, two plates move apart and new crust forms.',
      'At a colliding boundary, also called a convergent margin, one plate sinks beneath the other.',
      'At a transform boundary, also called a conservative margin, two plates slide past each other.',
    ].join('\n'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Spreading', 'Colliding', 'Transform']);
  });
});

describe('names with brackets, series lines and headings announced as "each"', () => {
  it('a name with brackets of its own ("401(k)") keeps them: the list names it and its paragraph opens with it', () => {
    const o = outlineOf([
      'Saving for later',
      'There are three main types of savings plan: the 529(c), the 403(b) and the health savings account.',
      'A 529(c) plan pays for school. Money grows without tax while your child grows up.',
      'A 403(b) plan is offered by schools and hospitals. Your employer takes money from each paycheck.',
      'A health savings account pays for care. You can use it at any age for doctor bills.',
    ].join('\n'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['529(c)', '403(b)', 'Health savings account']);
  });

  it('a line after the title saying whom the sheet is for or from is no heading', () => {
    const o = outlineOf(`Looking after your feet\n\nFoot care advice from the Hillside podiatry service\n\n${para('Foot care')}\n\nCutting your nails\n\n${para('A nail clipper')}\n`);
    expect(headings(o)).toEqual(['Cutting your nails']);
    expect(toString(o.intro[0])).toBe('Foot care advice from the Hillside podiatry service');
  });

  it('a line naming the sheet in its series is no heading', () => {
    const o = outlineOf(`Lifting safely\n\nWorkplace Safety Information Sheet 7\n\n${para('Lifting')}\n\nBefore you lift\n\n${para('Planning a lift')}\n`);
    expect(headings(o)).toEqual(['Before you lift']);
    expect(toString(o.intro[0])).toBe('Workplace Safety Information Sheet 7');
  });

  it('bare name headings after a sentence that points ahead to "each" of them are the parts', () => {
    const o = outlineOf([
      'How germs spread',
      `${para('Germs')} The sections below explain each route and how to block it.`,
      'Touch', para('Hands'),
      'Droplets', para('A cough'),
      'Food and water', para('Unsafe water'),
    ].join('\n\n'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Touch', 'Droplets', 'Food and water']);
    // Without the sentence that points ahead, the same headings are only headings.
    const plain = outlineOf(['How germs spread', para('Germs'), 'Touch', para('Hands'), 'Droplets', para('A cough'), 'Food and water', para('Unsafe water')].join('\n\n'));
    expect(plain.sections.filter((s) => s.parts)).toEqual([]);
  });
});

describe('parts nobody announced, each a new word defined by one shared noun', () => {
  const skin = (third: string) => [
    'Your skin',
    'Skin protects the body from germs, heat and injury. It is made of several parts that each do a different job, and a rash or a wound can affect one or more of them.',
    'On the outside is the epidermis, the thin outer layer. The epidermis makes new cells all the time and sheds the old ones, which is why dry skin flakes.',
    'Below it lies the dermis, a thicker layer of tough fibres. The dermis holds the nerves, sweat glands and hair roots, so a cut this deep can bleed and hurt.',
    third,
    'See your nurse if a wound is deep, red or swollen, or if it has not healed after two weeks.',
  ].join('\n\n');

  it('three paragraphs in a row that bring in a word and call it a layer are the parts', () => {
    const o = outlineOf(skin('Deepest of all is the hypodermis, the fatty layer. The hypodermis keeps you warm and cushions the muscles and bones beneath it from knocks.'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Epidermis', 'Dermis', 'Hypodermis']);
  });

  it('new words defined by different nouns are not parts', () => {
    const o = outlineOf(skin('Deepest of all is the hypodermis, the fatty cushion. The hypodermis keeps you warm and protects the muscles and bones beneath it from knocks.'));
    expect(o.sections.filter((s) => s.parts)).toEqual([]);
  });
});

describe('plain text saved from a word processor or a printed copy', () => {
  const leaflet = [
    'YOUR NEW INHALER',
    '================',
    '',
    'This leaflet explains how to use your inhaler and how to keep it clean. Read it',
    'before you use the inhaler for the first time, and keep it somewhere you can find',
    'it again. Your pharmacist can show you how to use it if you are not sure.',
    '',
    'WHAT YOU MAY NOTICE',
    '-------------------',
    '',
    '  • A dry mouth after each dose',
    '  • A hoarse voice',
    '      o Rinse your mouth with water after each dose',
    '  • A cough just after using it',
    '',
    '\fPage 2 of 3',
    '',
    'Cleaning the inhaler',
    '',
    'Wipe the mouthpiece with a dry cloth once a week. Do not put the inhaler in water,',
    'as this can stop it from working properly when you next need a dose of medicine.',
  ].join('\n');

  it('an underlined line is a heading and the rule is no text; hard-wrapped lines beside a list join into paragraphs', () => {
    const o = outlineOf(leaflet);
    expect(o.title).toBe('YOUR NEW INHALER');
    expect(headings(o)).toEqual(['WHAT YOU MAY NOTICE', 'Cleaning the inhaler']);
    const texts = allBlocks(o).map((b) => toString(b));
    expect(texts).toContain('This leaflet explains how to use your inhaler and how to keep it clean. Read it before you use the inhaler for the first time, and keep it somewhere you can find it again. Your pharmacist can show you how to use it if you are not sure.');
    expect(texts.join(' ')).not.toMatch(/===|---/);
  });

  it('a second-level bullet written as "o" is a list item, and "o" before a word is not', () => {
    const list = allBlocks(outlineOf(leaflet)).find((b): b is List => b.type === 'list')!;
    expect(list.children.map((i) => toString(i))).toEqual(['A dry mouth after each dose', 'A hoarse voice', 'Rinse your mouth with water after each dose', 'A cough just after using it']);
    const spanish = outlineOf('Beba agua\n\nPuede tomar agua con las comidas\no bien entre comidas si tiene sed.', 'es');
    expect(allBlocks(spanish).some((b) => b.type === 'list')).toBe(false);
  });

  it('a page number of a printed copy is left out, and the warning says where', () => {
    const warnings = new Warnings();
    const source = { file: 'inhaler.txt', slug: 'inhaler', format: 'text' as const, text: leaflet, meta: { lang: 'en', keywords: [] } };
    const tree = parseSource(source, warnings);
    expect(toString(tree)).not.toContain('Page 2 of 3');
    expect(warnings.list).toEqual([expect.objectContaining({ file: 'inhaler.txt', line: 16, message: expect.stringContaining('"Page 2 of 3"') })]);
  });
});

describe('"Name: description" lines after a lead-in', () => {
  const library = [
    'Joining the library',
    'Membership is free, and one card lets you borrow from every branch and use the online collection of e-books and newspapers.',
    'We offer the following types of card:',
    'Adult card: for anyone aged 16 or over. Borrow up to 20 items at a time and reserve items free of charge.',
    'Junior card: for children and young people. A parent or carer must sign the application form.',
    'Concession card: for people aged 60 or over. It works just like an adult card, with lower charges.',
    'Digital-only card: for people who only want to use our e-books, online newspapers and research databases.',
    'All cards are free apart from replacements. If you lose your card, tell us as soon as possible.',
  ].join('\n\n');

  it('each line is a part, a hyphenated name too; the lead-in is the opening text, not a heading over them', () => {
    const o = outlineOf(library);
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Adult card', 'Junior card', 'Concession card', 'Digital-only card']);
    expect(o.intro.map((b) => toString(b))).toContain('We offer the following types of card:');
  });

  it('"research databases" does not make the paragraphs after the parts an "Outlook"', () => {
    expect(headings(outlineOf(library))).not.toContain('Outlook');
  });
});

describe('course lines and numbered runs', () => {
  it('a line naming the course or unit under the title is no heading over the whole text', () => {
    const o = outlineOf(`Study guide: the water cycle\n\nGEO 101 Physical Geography – Unit 3\n\n${para('Water')}\n\nEvaporation\n\n${para('Warm water')}\n`);
    expect(headings(o)).toEqual(['Evaporation']);
    expect(toString(o.intro[0])).toBe('GEO 101 Physical Geography – Unit 3');
  });

  it('a numbered run that goes on past the count keeps its last part ("four stages … added a fifth")', () => {
    const o = outlineOf([
      'Stages of a project',
      'In 1990 a manager studied many projects and found that most pass through the same steps. The original model had three stages; in 2001 its author added a fourth.',
      'Stage 1: Planning. The team agrees on the goal, the budget and who does what before any work starts.',
      'Stage 2: Doing. The team carries out the work and meets each week to check progress against the plan.',
      'Stage 3: Checking. The team compares the results with the goal and writes down what went well.',
      'Stage 4: Closing. The team hands over the results, thanks everyone and stores the records for next time.',
    ].join('\n\n'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Stage 1', 'Stage 2', 'Stage 3', 'Stage 4']);
  });
});

describe('list items that lost their marks', () => {
  it('after a lead-in with a colon, paragraphs written "Name (examples) – what it does" are the parts; a part named by a word of another is not that other', () => {
    const o = outlineOf([
      'Garden mulches',
      'Garden Note No. 7 – Soil Series',
      'A mulch is a layer spread over the soil to keep in moisture, keep down weeds and feed the soil as it breaks down.',
      'Most mulches fall into a few groups, and each does a different job:',
      'Bark (pine bark, chipped hardwood) – lasts for years and suits shrub borders, where nothing needs digging in.',
      'Compost (garden compost, leaf mould) – feeds the soil as worms pull it down, so it suits vegetable beds.',
      'Gravel (pea shingle, slate) – keeps the crowns of alpine plants dry and reflects heat back onto them.',
      'Coloured bark (dyed chips) – looks bright in a new bed but fades within a season or two.',
      'Spread any mulch on moist soil in spring, about five centimetres deep, and keep it away from stems.',
    ].join('\n\n'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Bark', 'Compost', 'Gravel', 'Coloured bark']);
    expect(toString(o.intro[0])).toBe('Garden Note No. 7 – Soil Series');
  });
});

describe('headings named by a list in passing', () => {
  it('three or more bare headings that are the names of a list in passing are the parts', () => {
    const o = outlineOf([
      'Revision: why plants wilt',
      'Biology 2 – Unit 5',
      'Plants lose water all the time, and a plant wilts when it loses more than its roots take up. An easy way to remember the main reasons is the word HEAT: Heat, Evaporation, Air and Thirst.',
      'Heat', para('A hot day'), 'Evaporation', para('Water leaving the leaves'), 'Air', para('A dry wind'), 'Thirst', para('Dry soil'),
    ].join('\n\n'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Heat', 'Evaporation', 'Air', 'Thirst']);
    expect(toString(o.intro[0])).toBe('Biology 2 – Unit 5');
  });
});

describe('stages named early and late', () => {
  it('"The early localized stage", "The early disseminated stage", "The late disseminated stage" are three stages, not two', () => {
    const o = outlineOf([
      'Tick fever',
      'Symptoms depend on how long a person has been infected. Doctors describe the illness in three stages.',
      'The early localized stage begins a few days after the bite, with a rash that spreads slowly over the skin.',
      'The early disseminated stage follows weeks later, when the germs spread through the blood to the joints.',
      'The late disseminated stage can come months after the bite, with swollen knees and trouble sleeping.',
      'Doctors treat every stage with a few weeks of antibiotics, and most people recover completely.',
    ].join('\n\n'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Early localized stage', 'Early disseminated stage', 'Late disseminated stage']);
  });
});

describe('the language of a source that does not say', () => {
  it('reads Spanish, French and English from the text, and leaves a short text alone', () => {
    expect(detectLanguage('La diabetes es una enfermedad que dura toda la vida. Su cuerpo no produce suficiente insulina o no la usa bien. Con una buena alimentación, ejercicio y los medicamentos que le indique su médico, puede llevar una vida normal y evitar problemas en los ojos, los riñones y los pies.')).toBe('es');
    expect(detectLanguage("Le diabète est une maladie qui dure toute la vie. Votre corps ne fabrique pas assez d'insuline ou ne l'utilise pas bien. Avec une bonne alimentation, de l'exercice et les médicaments prescrits par votre médecin, vous pouvez vivre normalement et éviter des problèmes aux yeux, aux reins et aux pieds.")).toBe('fr');
    expect(detectLanguage('Diabetes is a disease that lasts for life. Your body does not make enough insulin or does not use it well. With good food, exercise and the medicines your doctor gives you, you can live a normal life and avoid problems with your eyes, kidneys and feet.')).toBe('en');
    expect(detectLanguage('La diabetes es una enfermedad.')).toBeUndefined();
  });

  it('reads Swedish and Polish as themselves, not as the nearest of the languages most handouts use', () => {
    expect(detectLanguage('Diabetes är en sjukdom som varar hela livet. Kroppen gör inte tillräckligt med insulin eller använder det inte på rätt sätt. Med bra mat, motion och de mediciner som läkaren skriver ut kan du leva ett vanligt liv och undvika problem med ögonen, njurarna och fötterna.')).toBe('sv');
    expect(detectLanguage('Cukrzyca to choroba, która trwa całe życie. Organizm nie wytwarza wystarczająco dużo insuliny albo nie używa jej dobrze. Dzięki dobrej diecie, ruchowi i lekom przepisanym przez lekarza możesz żyć normalnie i uniknąć problemów z oczami, nerkami i stopami.')).toBe('pl');
  });
});

describe('a web page or leaflet copied whole', () => {
  it('the publisher\'s name and department over the title are not the title; "Information for patients" under it is no heading', () => {
    const o = outlineOf([
      'Eastfield Community Hospital Trust', 'Audiology Department', '', 'Looking after your ear mould', '', 'Information for patients', '',
      'Your ear mould carries sound from the hearing aid into your ear. A clean ear mould works better and lasts longer, and cleaning it takes a minute a day.', '',
      'Daily care', '', 'Wipe the ear mould with a soft dry cloth every evening. Do not use alcohol wipes, because they can crack the ear mould.', '',
      'Weekly care', '', 'Once a week, take the ear mould off the hearing aid and wash it in warm soapy water. Let the ear mould dry overnight before you put it back.',
    ].join('\n'));
    expect(o.title).toBe('Looking after your ear mould');
    expect(headings(o)).toEqual(['Daily care', 'Weekly care']);
    expect(o.intro.map((b) => toString(b))).toContain('Eastfield Community Hospital Trust');
  });

  it('a trail of links over a question: the question is the title', () => {
    const o = outlineOf(['Support › Your account › Paying your bill', '', 'How can I pay my water bill?', '', 'You can pay your water bill by direct debit, online, by phone or at a post office. Direct debit is the easiest way, because you never miss a payment.', '', 'Direct debit', '', 'Set up a direct debit online in five minutes. Payments come out on the same day every month.'].join('\n'));
    expect(o.title).toBe('How can I pay my water bill?');
  });

  it('"What we can collect" over its bullets is a heading; it and "What we cannot collect" are no kinds of anything', () => {
    const o = outlineOf([
      'Bulky waste collections', '', 'We collect large household items that do not fit in your bins, for a fee, on a day we agree with you.', '',
      'What we can collect', '', '- sofas, chairs and tables', '- fridges and freezers', '- mattresses and bed frames', '',
      'What we cannot collect', '', 'We cannot take building rubble, car parts, paint or garden waste. Take these to the recycling centre on Mill Lane.', '',
      'How to book', '', 'Book a collection online. You pay when you book, and we send a reminder the day before.',
    ].join('\n'));
    expect(headings(o)).toEqual(['What we can collect', 'What we cannot collect', 'How to book']);
    expect(o.atAGlance).toBeUndefined();
  });

  it('links set together under "Related pages", and "Yes" and "No" under "Was this page helpful?", are not headings', () => {
    const o = outlineOf([
      'Bulky waste collections', '', 'We collect large household items that do not fit in your bins, for a fee, on a day we agree with you.', '',
      'How to book', '', 'Book a collection online. You pay when you book, and we send a reminder the day before.', '',
      'Was this page helpful?', 'Yes', 'No', '',
      'Related pages', 'Recycling centres', 'Garden waste bins', 'Fly-tipping', '',
      'Last updated: 2 March 2026',
    ].join('\n'));
    expect(headings(o)).toEqual(['How to book', 'Related pages']);
    expect(allBlocks(o).map((b) => toString(b))).toEqual(expect.arrayContaining(['Recycling centres', 'Garden waste bins', 'Fly-tipping', 'Yes', 'No']));
  });

  it('a heading of a longer name on the same head word goes with a run of one shape, before it or after it', () => {
    const text = (name: string) => `${name} are one choice your surgeon may offer. Ask how ${name.toLowerCase()} would suit the way you use your eyes, and what they cost.`;
    const o = outlineOf([
      'Lens implants', '', 'During cataract surgery your cloudy lens is replaced with a clear one. There are several kinds of lens implant to choose from.', '',
      'Accommodating lenses', '', text('Accommodating lenses'), '', 'Monofocal lenses', '', text('Monofocal lenses'), '', 'Toric lenses', '', text('Toric lenses'), '',
      'Extended depth of focus (EDOF) lenses', '', text('EDOF lenses'), '', 'Cleaning contact lenses', '', 'Contact lenses after surgery need the same care as before. Wash your hands first.',
    ].join('\n'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Accommodating lenses', 'Monofocal lenses', 'Toric lenses', 'Extended depth of focus (EDOF) lenses']);
  });

  it('a paragraph after the parts whose sentence lists every part is not under the last part', () => {
    const o = outlineOf([
      'How rivers wear away rock',
      'A river erodes its bed and banks in four ways, and you need to know all four:',
      'Hydraulic action – the force of the water pushes air into cracks in the bank until the rock breaks apart.',
      'Abrasion – stones carried by the river grind against the bed and wear it down, like sandpaper on wood.',
      'Attrition – stones in the water knock into each other and become smaller and rounder downstream.',
      'Solution – weak acids in the water dissolve rocks such as chalk and limestone and carry them away.',
      'To remember them: Hydraulic action, Abrasion, Attrition, Solution – "Happy Ants Always Sing".',
    ].join('\n'));
    const solution = o.sections.find((s) => s.title === 'Solution')!;
    expect(solution.blocks.map((b) => toString(b))).toEqual([expect.stringMatching(/^Solution – weak acids/)]);
  });
});

describe('parts announced, named and closed as other publishers write them', () => {
  it('a count without names, then the names in the paragraph that starts the parts: the names govern', () => {
    const o = outlineOf([
      'Understanding the different kinds of arthritis',
      'Arthritis is not one disease. This sheet explains the three most common kinds and how they differ.',
      'Arthritis means pain and swelling in a joint. It can affect people of any age, though it is more common as people get older.',
      'There are three main kinds of arthritis: osteoarthritis, rheumatoid arthritis and gout. Some people have more than one kind at once, which can make the pain harder to pin down.',
      'Osteoarthritis is the most common kind. The smooth lining of the joint wears thin, and the bones rub together, most often in the knees, hips and hands.',
      'Rheumatoid arthritis happens when the immune system attacks the lining of the joints. It usually affects the same joints on both sides of the body.',
      'Gout is caused by crystals of uric acid that form in a joint, often the big toe. An attack comes on quickly and is very painful.',
      'There are also many rarer kinds of arthritis, including reactive arthritis and psoriatic arthritis. Together they make up a small share of cases.',
    ].join('\n'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Osteoarthritis', 'Rheumatoid arthritis', 'Gout']);
    // What there also is, with other kinds in it, is about arthritis as a whole, not more about gout.
    const last = o.sections[o.sections.length - 1];
    expect(last.parts).toBeUndefined();
    expect(last.title).toBe('More about arthritis');
  });

  it('a numbered run-in head whose text opens on a quotation is a head like the others', () => {
    const o = outlineOf([
      'Training by effort',
      'Our coaches describe every session by how hard it should feel. We use three levels of effort:',
      '1. Easy – Recovery. Relaxed running you could keep up for an hour or more while chatting. Use it for warm-ups and the day after a race.',
      '2. Steady – Tempo. "Comfortably hard": you can say a few words at a time. It builds the pace you can hold in a long race.',
      '3. Hard – Intervals. Short, fast repeats with rests between them. They raise your top speed, so keep them to one session a week.',
      'Most of your running should be easy, whatever your level.',
    ].join('\n'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['1. Easy – Recovery', '2. Steady – Tempo', '3. Hard – Intervals']);
  });

  it('"Convenience samples are …" under the heading "Convenience sampling" stays with it', () => {
    const o = outlineOf([
      'Sampling for your project', '',
      'How you choose the people you study decides what your results can say about everyone else.', '',
      'Random sampling', '', 'In random sampling every member of the population has the same chance of being picked, so the sample is fair.', '',
      'Quota sampling', '', 'In quota sampling you fill set numbers of each group, such as 20 men and 20 women, in any way you like.', '',
      'Convenience sampling', '', 'A convenience sample is whoever is easiest to reach, such as your classmates.', '',
      'Convenience samples are quick and cheap, but they tell you little about anyone outside the group you asked.', '',
      'Writing up your method', '', 'Say how you chose your sample and why, and what that means for your results.',
    ].join('\n'));
    const convenience = o.sections.find((s) => s.title === 'Convenience sampling')!;
    expect(convenience.blocks).toHaveLength(2);
  });

  it('"The Doric, the oldest of the Greek orders, …": a group the subject belongs to names no part', () => {
    const o = outlineOf([
      'In classical building, an order is the set of rules for a column and the beam it carries.',
      'The ancient Greeks built in three orders, and the Romans added two more. The Doric, the oldest of the Greek orders, has no base at all. Its capital is a plain cushion of stone under a square slab.',
      'The Ionic order has a capital with two scrolls, like a rolled-up sheet of paper. Its column stands on a moulded base.',
      'The Corinthian order has a tall capital wrapped in carved leaves. It is the most ornate of the three.',
      'The Tuscan order is a plain Roman version of the Doric, with a smooth shaft and a simple base.',
      'Architects still borrow the orders today, most often for the fronts of banks and courts.',
    ].join('\n'));
    expect(o.sections.map((s) => s.title)).not.toContain('Greek');
  });
});

describe('the title among the lines over the text', () => {
  const body = (topic: string) => `${topic} is the subject of this sheet. Read it before your appointment, and bring your questions about ${topic.toLowerCase()} with you.`;

  it('an e-mail\'s subject is its title; its other header lines and "View this email in your browser" are not', () => {
    const o = outlineOf(['From: Hillside Surgery <news@hillside.example>', 'To: Hillside patients', 'Subject: Re: Flu jabs this autumn', 'Date: 2 October 2026, 10:00', 'View this email in your browser', '', body('The flu jab'), '', body('Booking')].join('\n'));
    expect(o.title).toBe('Flu jabs this autumn');
  });

  it('under a practice\'s name, its address and telephone and "PATIENT INFORMATION", the leaflet\'s own line is the title', () => {
    const o = outlineOf(['Lakeside Dental Care', '4 Quay Street, Portby PB1 2AA · Telephone 01632 960000 · www.lakeside.example', 'PATIENT INFORMATION', 'Sensitive teeth: why they hurt and what helps',
      'Sensitive teeth hurt for a moment when you eat or drink something cold, hot or sweet. The pain comes from the layer under the enamel, which has tiny channels to the nerve of the tooth.',
      'Worn enamel and gums that have pulled back leave that layer open. Brushing too hard, acid drinks and grinding your teeth at night all wear it down.',
      'A toothpaste for sensitive teeth helps most people within a few weeks. Spit after brushing but do not rinse, so the toothpaste stays on the teeth.'].join('\n'));
    expect(o.title).toBe('Sensitive teeth: why they hurt and what helps');
  });

  it('"Home Exercise Programme" says what kind of sheet it is; the line naming the topic is the title', () => {
    const o = outlineOf(['Northgate Physiotherapy Service', 'Home Exercise Programme', 'Low back pain: exercises for the first weeks', 'Patient name: ____________   Date: ________', body('Back pain'), body('Walking')].join('\n'));
    expect(o.title).toBe('Low back pain: exercises for the first weeks');
  });

  it('a school\'s name and a course line over "Worksheet 2.1: Why do magnets attract?": the worksheet is the title', () => {
    const text = ['Hillcrest Academy – Science Department', 'Year 7 Physics · Topic 2: Forces', 'Worksheet 2.1: Why do magnets attract?', 'Name: ____________   Class: ______',
      'Every magnet has a north pole and a south pole. Opposite poles attract each other and like poles push each other away.',
      'The space around a magnet where it pulls or pushes is its magnetic field. Iron filings show the shape of the field.',
      'Magnets attract iron, nickel and cobalt. Most other metals, such as copper and aluminium, are not attracted by magnets at all.'].join('\n');
    expect(outlineOf(text).title).toBe('Worksheet 2.1: Why do magnets attract?');
  });

  it('a charity\'s name with its legal form, a menu and a trail of links over a long title in Italian', () => {
    const o = outlineOf(['Amici del Fiume ODV – Associazione per la tutela dei fiumi', 'Chi siamo   Progetti   Dona   Contatti', 'Home › Consigli › Acqua', 'Come risparmiare acqua in casa: dieci abitudini semplici per tutta la famiglia', 'Pubblicato il 3 giugno 2026',
      "Ogni giorno in casa usiamo molta più acqua di quanta ne serve davvero. Con poche abitudini semplici si può risparmiare senza rinunciare a nulla.",
      "Chiudi il rubinetto mentre ti lavi i denti. Una doccia breve consuma molta meno acqua di un bagno nella vasca."].join('\n'), 'it');
    expect(o.title).toBe('Come risparmiare acqua in casa: dieci abitudini semplici per tutta la famiglia');
  });

  it('a paragraph opening "By 1800 there were …" under the title is text, not a byline to pass over', () => {
    const o = outlineOf(['How the mills changed the valley', '', 'By 1800 there were twelve mills along the river. Each one needed a weir, a race and a wheel, and each one changed the water below it.', '', 'Corn mills', '', body('A corn mill'), '', 'Fulling mills', '', body('A fulling mill')].join('\n'));
    expect(o.title).toBe('How the mills changed the valley');
  });
});

describe('an exercise sheet and a bank\'s help page', () => {
  it('"Exercise 1 – …", "Exercise 2 – …" are parts; "Movement:" under the last is its own; the warning after it is not', () => {
    const exercise = (n: number, name: string) => [`Exercise ${n} – ${name}`, `Starting position: sit tall in a firm chair for the ${name.toLowerCase()}, with your feet flat.`, `Movement: do the ${name.toLowerCase()} slowly, as far as is comfortable, and come back to the start.`, `How often: ${n + 4} times, twice a day.`];
    const o = outlineOf([
      'Shoulder pain: exercises for the first weeks', 'Do these exercises every day. A little discomfort is normal, but sharp pain is not.',
      ...exercise(1, 'Pendulum swing'), ...exercise(2, 'Wall walk'), ...exercise(3, 'Shoulder roll'),
      'Stop the exercises and call us if:', '- the pain wakes you at night', '- your arm feels numb or weak',
      'Everyday tips: set your screen at eye level and take a break from sitting every half hour.',
    ].join('\n'));
    const parts = o.sections.filter((s) => s.parts);
    expect(parts.map((s) => s.title)).toEqual(['Exercise 1 – Pendulum swing', 'Exercise 2 – Wall walk', 'Exercise 3 – Shoulder roll']);
    expect(parts[2].blocks.map((b) => toString(b))).toEqual([expect.stringMatching(/^Starting position/), expect.stringMatching(/^Movement/), expect.stringMatching(/^How often/)]);
    // What follows is about all of them; a screen is no test, so its heading is not "Diagnosis".
    const last = o.sections[o.sections.length - 1];
    expect(last.parts).toBeUndefined();
    expect(last.title).not.toMatch(/diagnosis/i);
  });

  it('a cookie banner, the society\'s name and its menu over a question: the question is the title, and the counted names are the parts', () => {
    const o = outlineOf([
      'We use cookies to make our site work. Accept all cookies | Manage cookie settings', 'Eastmoor Building Society', 'Personal   Savings   Help & support   Log in',
      'Which savings account is right for me?', 'Updated 4 March 2026',
      'We offer savings accounts for different needs, and the right one depends on how soon you might need your money.',
      'There are three main savings accounts to choose from.',
      'Easy access', 'Pay in and take out money whenever you like. The interest rate is lower, but your money is always there when you need it.',
      'Notice', 'Give us 90 days\' notice before you take money out. In return the interest rate is higher than on easy access.',
      'Fixed rate', 'Lock your money away for one, two or three years at a rate that will not change. You cannot take money out early.',
      'Opening an account', 'You can open any of our accounts online in ten minutes.',
    ].join('\n'));
    expect(o.title).toBe('Which savings account is right for me?');
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Easy access', 'Notice', 'Fixed rate']);
  });
});

describe('parts named in other ways', () => {
  it('"Mild (Grade 1)", "Moderate (Grade 2)", "Severe (Grade 3)" share one shape; "… State University Extension" is the publisher', () => {
    const o = outlineOf([
      'Hillmoor State University Extension', 'Sheep Health Series · Fact Sheet SH-3', 'Foot Rot in Sheep: Scoring Lameness',
      'Foot rot is an infection between the claws of a sheep\'s foot. Scoring each lame sheep helps you and your vet decide how to treat the flock.',
      'Mild (Grade 1):', 'The skin between the claws is red and moist, but the horn of the hoof is sound and the sheep walks almost normally.',
      'Moderate (Grade 2):', 'The infection has started under the horn at the heel. The sheep limps and may graze on its knees.',
      'Severe (Grade 3):', 'The horn has separated from the foot and the smell is strong. The sheep is in pain and loses weight.',
      'Keeping records', 'Write down each sheep\'s tag number, its score and its treatment every time you check the flock.',
    ].join('\n'));
    expect(o.title).toBe('Foot Rot in Sheep: Scoring Lameness');
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Mild (Grade 1)', 'Moderate (Grade 2)', 'Severe (Grade 3)']);
  });

  it('after a count, "The aureus was …" names a part (a word new to the text), and so does "The as, struck in copper, …"', () => {
    const o = outlineOf([
      'Roman coins',
      'The Roman army brought coins to Britain, and soon they were used in every market as well as for paying soldiers.',
      'The coinage of the early empire had four main denominations, each worth a fixed number of the next.',
      'The aureus was the gold coin, worth 25 denarii, and few people ever held one.',
      'The denarius was the silver coin in which soldiers were paid.',
      'The sestertius was a large brass coin, often buried in hoards.',
      'The as, struck in copper, was the small change of every market.',
      'Coins were also a way of spreading news, because each one carried the emperor\'s portrait and titles.',
    ].join('\n'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Aureus', 'Denarius', 'Sestertius', 'As']);
    // "as well as" in the opening is no mention of the coin.
    expect(o.sections.find((s) => s.title === 'Aureus')!.blocks).toHaveLength(1);
  });

  it('name headings after "Some of the types you are most likely to be offered are explained below." are the parts', () => {
    const o = outlineOf([
      'Talking therapies', '', 'Talking therapies help you understand your thoughts and feelings with a trained therapist.', '',
      'There are many approaches. Some of the types you are most likely to be offered are explained below.', '',
      'Cognitive behavioural therapy (CBT)', '', 'CBT helps you notice and change patterns of thinking that keep a problem going.', '',
      'Counselling', '', 'Counselling gives you a safe space to talk about what is troubling you.', '',
      'Interpersonal therapy (IPT)', '', 'IPT looks at how your relationships and your mood affect each other.', '',
      'How to get talking therapy', '', 'You can refer yourself, or ask your GP to refer you.',
    ].join('\n'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Cognitive behavioural therapy (CBT)', 'Counselling', 'Interpersonal therapy (IPT)']);
  });
});

describe('a society\'s page and an advice page', () => {
  it('the society\'s facts set side by side and a country switcher are frame; "Pinching out" and "Planting out" are no kinds', () => {
    const text = [
      'Brookfield & District Gardening Society', 'Founded 1948 · Church Hall, Brook Lane · Registered charity no. 1012345', 'Home | Shows | Allotments | Join us', 'Guides › Vegetables › Runner beans',
      'Runner beans from seed to plate', '', 'Runner beans are easy to grow and crop for months if you keep picking them. This guide takes you through the year.', '',
      'Sowing', '', 'Sow the beans in deep pots in a cold frame in late April, one bean to a pot, two inches deep.', '',
      'Pinching out', '', 'When the plants reach the top of their canes, pinch out the growing tips so that they bush out lower down.', '',
      'Planting out', '', 'Plant them out at the end of May, once the frosts are over, one plant to each cane.', '',
      'Picking', '', 'Pick the pods while they are young and snap cleanly. Picking often keeps the plants cropping.',
    ].join('\n');
    const o = outlineOf(text);
    expect(o.title).toBe('Runner beans from seed to plate');
    expect(o.sections.filter((s) => s.parts)).toEqual([]);
    expect(o.atAGlance).toBeUndefined();
    const advice = outlineOf(['Riverside Advice Network', 'Home > Money > Benefits > Council Tax Reduction', 'This advice applies to England. Change country: Scotland | Wales | Northern Ireland', 'Check if you can get Council Tax Reduction',
      'You might be able to get Council Tax Reduction if you are on a low income or claim benefits. It is run by your local council, and each council has its own scheme.',
      'How to apply', 'Apply to your local council. You can usually apply online, and you will need to show proof of your income.'].join('\n'));
    expect(advice.title).toBe('Check if you can get Council Tax Reduction');
  });
});

describe('a second read of the rules above (each case once went wrong)', () => {
  const para = (text: string) => `${text} Ask the nurse at your next visit if anything here is not clear to you.`;

  it('"Cataract Surgery" and "Your Stay In Hospital" are titles, not a body\'s name; a worksheet\'s "Subject: Biology" is no e-mail subject', () => {
    expect(outlineOf(['Cataract Surgery', 'Northfield Eye Unit', '', para('Cataract surgery replaces the cloudy lens of your eye with a clear plastic one. Cataract surgery takes about twenty minutes.')].join('\n')).title).toBe('Cataract Surgery');
    expect(outlineOf(['Your Stay In Hospital', 'Planning ahead for your admission', '', para('Most people stay in hospital for two or three nights. Your stay in hospital starts on the ward.')].join('\n')).title).toBe('Your Stay In Hospital');
    expect(outlineOf(['Name: ________', 'Subject: Biology', 'Photosynthesis', '', para('Photosynthesis is how plants make food from light, water and carbon dioxide. Photosynthesis happens in the leaves.')].join('\n')).title).toBe('Photosynthesis');
  });

  it('a paragraph after the last part that names it in passing stays under it', () => {
    const o = outlineOf(['Diabetes', '', 'There are two main types of diabetes.', '', 'Type 1 diabetes', '', para('In type 1 diabetes the body makes no insulin.'), '', 'Type 2 diabetes', '', para('In type 2 diabetes the body does not use insulin well.'), '', 'Diabetes tablets such as metformin are usually the first medicine offered to people with type 2 diabetes.'].join('\n'));
    expect(o.sections.find((s) => s.title === 'Type 2 diabetes')!.blocks).toHaveLength(2);
  });

  it('a hyphen left hanging before "and" stays; "ill-" / "ness", "ex-" / "ample" and "with-" / "out" are one word', () => {
    const text = ['For most people the short-term and long-term risks are small, and the short-', 'and long-term benefits are large. A short ill-', 'ness such as a cold, for ex-', 'ample, can slow things down, so go with-', 'out the gym for a week and rest without guilt.'].join('\n');
    expect(toString(parsePlainText(text).children[0])).toBe('For most people the short-term and long-term risks are small, and the short- and long-term benefits are large. A short illness such as a cold, for example, can slow things down, so go without the gym for a week and rest without guilt.');
  });

  it('"Cookie settings", "Data: what we keep" and "Upper back" / "Lower back" are headings as written', () => {
    const o = outlineOf(['Back pain at work', '', 'Back pain is common and usually gets better on its own within a few weeks.', '', 'Upper back', '', para('Upper back pain often comes from sitting hunched over a screen.'), '', 'Lower back', '', para('Lower back pain often follows lifting something heavy.'), '', 'Cookie settings', '', 'Our website stores no cookies unless you agree.', '', 'Data: what we keep and for how long', '', 'We keep your notes for eight years after your last visit.'].join('\n'));
    expect(headings(o)).toEqual(['Upper back', 'Lower back', 'Cookie settings', 'Data: what we keep and for how long']);
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Upper back', 'Lower back']);
  });
});

describe('the page frame copied with the text', () => {
  it('buttons set side by side, "Was this … helpful? Yes No" and a leaflet\'s reference are never headings', () => {
    const o = outlineOf(['Looking after your new hearing aid', '', 'Your hearing aid needs a little care each day to keep working well.', '', 'Cleaning', '', para('Wipe the aid with a dry cloth every evening.'), '', 'Batteries', '', para('Change the battery when the aid starts to beep twice.'), '', 'Share this page   Facebook   Email', '', 'Was this information helpful?  Yes  No', '', 'Was this guide useful? Yes · No', '', 'Leaflet number: AUD-112 Version 2', '', 'Published: May 2024 Review date: May 2027'].join('\n'));
    expect(headings(o)).toEqual(['Cleaning', 'Batteries']);
    // Nothing is lost: the lines are paragraphs under the last heading.
    expect(allBlocks(o).map((b) => toString(b))).toEqual(expect.arrayContaining(['Share this page   Facebook   Email', 'Leaflet number: AUD-112 Version 2']));
  });

  it('a trail of links parted by slashes is the frame; the line repeating its last link is the title', () => {
    const o = outlineOf(['Fairmead Allotment Society', 'Home / Growing guides / Raising leeks', 'Raising leeks from seed', '', 'Leeks are slow to grow but easy to keep, and they stand in the ground all winter. Sow them in spring and move them to their bed in early summer.', '', 'Leeks like firm, rich soil and plenty of water in dry spells.'].join('\n'));
    expect(o.title).toBe('Raising leeks from seed');
    expect(headings(o)).not.toContain('Home / Growing guides / Raising leeks');
  });

  it('the name a byline gives its writers is the publisher, not the title', () => {
    const o = outlineOf(['The Thrifty Household', 'Plan a weekly food budget', 'By the Thrifty Household team · Updated 2 June 2025', '', 'A weekly food budget helps a household spend less and waste less food. Start by writing down what your household spent last week.', '', 'Plan your meals before you shop, and buy what the plan needs. A thrifty household checks its budget every week.'].join('\n'));
    expect(o.title).toBe('Plan a weekly food budget');
  });

  it('a line of the publisher\'s notices set in pieces does not stop the search for the title', () => {
    const o = outlineOf(['Holmwood Cycling Club', 'Rides every Sunday from the market square at nine · Beginners always welcome', 'Choosing your first road bike', '', 'A road bike is light and quick on tarmac. This guide explains what to look for when you buy one, and what you can leave for later.', '', 'Ask to ride a bike before you buy it, and bring your usual shoes.'].join('\n'));
    expect(o.title).toBe('Choosing your first road bike');
  });

  it('headings that are the names a title lists are its parts, whatever the text lists later', () => {
    const o = outlineOf(['Sun, wind and water: three ways to make electricity at home', '', 'You can make some of your own electricity, and each way suits a different home.', '', 'The sun', '', para('Solar panels on a roof that faces south turn daylight into electricity'), '', 'Wind', '', para('A small turbine needs an open site'), '', 'Running water', '', 'A stream with a good fall can turn a turbine all year round. The turbine works in all weathers: rain, snow, frost and wind.', '', 'Getting advice', '', 'An installer can visit and tell you which way suits your home.'].join('\n'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['The sun', 'Wind', 'Running water']);
  });
});

describe('numbered run-in heads and closing headings', () => {
  it('numbered paragraphs that open on a name and a dash, after a count, are the parts', () => {
    const o = outlineOf(['Three ways to cook rice', '', 'Rice can be cooked in several ways. Cooks use three methods, and each gives a different texture.', '', '1. Boiling – Boiling cooks the rice in plenty of water, which is drained away at the end. The grains stay separate and firm.', '', '2. Absorption – Absorption uses just enough water for the rice to soak up as it cooks. The pan stays covered the whole time.', '', '3. Steaming – Steaming cooks the rice over water in a basket, so the grains never sit in the water. Sticky rice is made this way.', '', 'Whichever way you choose, rinse the rice first and let it rest for five minutes before serving.'].join('\n'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['1. Boiling', '2. Absorption', '3. Steaming']);
  });

  it('a heading for the general paragraphs after the parts never repeats a question the title asks', () => {
    expect(closingHeading(['Practise with the sentences below.'], 'What is this sentence for? The four sentence functions', 'en')).toBe('More about sentence functions');
    expect(closingHeading(['Most people never need them.'], 'Should I take supplements?', 'en')).toBe('In general');
    expect(closingHeading(['Most people never need them.'], 'Vitamin supplements', 'en')).toBe('More about vitamin supplements');
  });

  it('a glossary line that opens on a name and a dash stays a line', () => {
    const o = outlineOf(['Where does the heat go? Three ways heat moves', '', 'Key words', '', 'Conductor – A material that lets heat pass through it easily and quickly.', '', 'Insulator – A material that slows down the flow of heat through it.', '', 'Heat moves from hot places to cold ones in three ways.', '', 'Conduction', '', para('Conduction moves heat through solids'), '', 'Convection', '', para('Convection moves heat through liquids and gases'), '', 'Radiation', '', para('Radiation moves heat as waves'), '', 'Keeping a house warm in winter uses all of these ideas together, from thick walls to curtains drawn at dusk.'].join('\n'));
    expect(headings(o)).not.toContain('Conductor');
  });
});

describe('names, counts and glosses over the parts', () => {
  it('a body named first ("Comune di …", "Università …") is the publisher, not the title', () => {
    const o = outlineOf(['Comune di Valbrina', 'Come si fa la raccolta differenziata', '', 'In città la raccolta dei rifiuti si fa porta a porta, con cinque contenitori di colori diversi e un calendario settimanale.', '', 'Il calendario è sul sito del comune e nella bacheca di ogni condominio.'].join('\n'), 'it');
    expect(o.title).toBe('Come si fa la raccolta differenziata');
    const u = outlineOf(['Università di Montelago', 'Orari della biblioteca', '', 'La biblioteca è aperta dal lunedì al venerdì dalle otto alle venti, e il sabato mattina.', '', 'Durante gli esami resta aperta anche la domenica.'].join('\n'), 'it');
    expect(u.title).toBe('Orari della biblioteca');
  });

  it('headings that name and gloss alike, as many as the title counts, are the parts; a heading without a gloss ends them', () => {
    const o = outlineOf(['Three ways to water a garden', '', 'Plants need water most in their first summer. How you give it matters as much as how much you give.', '', 'Hand watering – the can and the hose', '', para('Hand watering lets you give each plant what it needs'), '', 'Soaker hoses – slow and steady', '', para('Soaker hoses leak water along their length into the soil'), '', 'Drip lines – water where it counts', '', para('Drip lines feed each plant through a small nozzle'), '', 'Saving rainwater', '', 'A water butt under a downpipe collects hundreds of litres over a wet month.'].join('\n'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Hand watering – the can and the hose', 'Soaker hoses – slow and steady', 'Drip lines – water where it counts']);
  });
});

describe('the at-a-glance table', () => {
  it('steps of a sequence are the parts all in order or not at all, whatever words two of them share', () => {
    const o = outlineOf(['How to change a bicycle tyre', '', 'You will need two tyre levers, a pump and a new inner tube. It takes about twenty minutes.', '', 'Step 1 – Take the wheel off', '', 'Open the brake, undo the quick-release lever and lift the bike so the wheel drops out of the frame.', '', 'Step 2 – Lever off the tyre', '', 'Push a lever under the edge of the tyre and hook it to a spoke, then run the second lever round the rim.', '', 'Step 3 – Fit the new tyre', '', 'Put a little air in the new tube, tuck it inside the tyre, and push the edge back over the rim with your thumbs.', '', 'Step 4 – Pump it up', '', 'Pump to the pressure printed on the side of the tyre and check that the tyre sits evenly all the way round.'].join('\n'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Step 1 – Take the wheel off', 'Step 2 – Lever off the tyre', 'Step 3 – Fit the new tyre', 'Step 4 – Pump it up']);
    expect(o.atAGlance?.rows.length).toBe(4);
    expect([o.atAGlance?.partLabel, o.atAGlance?.columns[0]]).toEqual(['Step', 'What to do']);
    // A step's cell is what to do, an instruction, as any other part's is not.
    expect(o.atAGlance?.rows[1].cells[0].texts[0]).toMatch(/^Push a lever/);
    // Out of order (a step missing), none of them: never a table of the two that share "tyre".
    const gap = outlineOf(['Changing a tyre', '', 'You will need two tyre levers and a pump.', '', 'Step 1 – Take the wheel off', '', 'Open the brake and lift the bike so the wheel drops out of the frame.', '', 'Step 3 – Fit the new tyre', '', 'Tuck the tube inside the tyre and push the edge back over the rim with your thumbs.', '', 'Step 4 – Pump the tyre', '', 'Pump to the pressure printed on the side of the tyre.'].join('\n'));
    expect(gap.sections.filter((s) => s.parts)).toEqual([]);
    expect(gap.atAGlance).toBeUndefined();
  });
});

describe('general paragraphs after the last part', () => {
  it('"Many X …" naming an earlier part as an example is about the whole, not the last part', () => {
    const o = outlineOf(['Road signs for learner drivers', '', 'There are three kinds of road sign, and each shape tells you something before you can read it.', '', 'Warning signs', '', 'A red triangle warns of a hazard ahead, such as a bend, a junction or animals on the road.', '', 'Order signs', '', 'A red circle gives an order you must follow, such as a speed limit or no entry.', '', 'Information signs', '', 'A blue or green rectangle gives information, such as the route to a town or a place to park.', '', 'Many signs have a plate underneath with words that add detail, for example a warning sign with "For 2 miles" below it. Learn the shapes first and the words will follow.'].join('\n'));
    expect(headings(o).at(-1)).toMatch(/^More about road signs/);
  });
});

describe('a web page: its name, its trail of links, its title', () => {
  it('the line of the page\'s own after the trail is the title, not the name over it; a title over its trail stays', () => {
    const o = outlineOf(['Riverside Rowers', 'Home › Learn to row › Your first outing', 'What happens on my first outing?', '', 'Your first outing is on calm water in a wide, stable boat with a coach beside you. It lasts about an hour.', '', 'Wear close-fitting sports clothes and bring a drink. You will get wet feet.'].join('\n'));
    expect(o.title).toBe('What happens on my first outing?');
    const t = outlineOf(['Opening times and prices', '', 'Riverside Pool › Visiting › Opening times and prices', '', 'Key points', '', 'The pool opens at seven every morning and closes at nine in the evening, and children swim free at weekends.', '', 'A swim costs four pounds for adults.'].join('\n'));
    expect(t.title).toBe('Opening times and prices');
    const s = outlineOf(['Eastbrook College · Library Services', 'Service status: all systems normal', 'Help › Borrowing › Renewals', 'Renewing your loans', '', 'You can renew most loans online up to five times, as long as nobody else has asked for the book.', '', 'Renew from the library account page, or ask at the help desk.'].join('\n'));
    expect(s.title).toBe('Renewing your loans');
  });

  it('three or more paragraphs that open on a one-word name and a full stop are run-in heads, adjectives too, the text after it a number', () => {
    const o = outlineOf(['Climbing routes at the wall', '', 'Our routes are colour coded by how hard they are.', '', 'Blue. 4 metres, easy holds all the way up. Good for a first climb with an instructor holding the rope.', '', 'Yellow. 6 metres, with a small overhang halfway. Most people manage it after two or three visits.', '', 'Red. 8 metres, small holds and a long reach near the top. For climbers who come every week.', '', 'Black. 10 metres, the hardest on the wall, with an overhang that needs strong arms and good footwork.'].join('\n'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Blue', 'Yellow', 'Red', 'Black']);
  });
});

describe('run-in heads set off by a dash', () => {
  it('unnumbered, a name and a dash head a paragraph of two sentences or more; "Stage I" is a label', () => {
    const o = outlineOf(['Bus passes', '', 'Which pass you need depends on how often you travel and how old you are.', '', 'Day passes – A day pass covers every bus in the county until midnight. Buy it from the driver.', '', 'Weekly passes – A weekly pass runs for seven days from the first journey. It is cheaper than five day passes.', '', 'Older person passes – If you are over the state pension age you can travel free after half past nine. Apply to the council with proof of age.', '', 'Keep your pass with you on every journey.'].join('\n'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['Day passes', 'Weekly passes', 'Older person passes']);
    const g = outlineOf(['Gum disease', '', 'Dentists describe gum disease in four stages.', '', 'Stage I – Early gum disease. The gums bleed when you brush, but the bone is not yet affected.', '', 'Stage II – Moderate gum disease. Some of the bone that holds the teeth has been lost.', '', 'Stage III – Severe gum disease. Teeth may feel loose and gaps appear between them.', '', 'Stage IV – Advanced gum disease. Teeth may be lost without treatment.'].join('\n'));
    expect(g.sections.filter((s) => s.parts).map((s) => s.title)[0]).toBe('Stage I – Early gum disease');
  });
});

describe('the page\'s own lines after the parts', () => {
  it('go under "About this page", not "More about …" the subject', () => {
    const o = outlineOf(['Ingrown toenails', '', 'An ingrown toenail grows into the skin beside it. There are three main treatments: soaking, lifting and surgery.', '', 'Soaking', '', para('Soaking the foot in warm salty water softens the skin'), '', 'Lifting', '', para('Lifting the nail edge with a little cotton wool helps it grow out'), '', 'Surgery', '', para('Surgery removes the edge of the nail under a local anaesthetic'), '', 'Page last reviewed: 4 April 2025'].join('\n'));
    expect(headings(o).at(-1)).toBe('About this page');
  });
});

describe('names listed after "the following:"', () => {
  it('question headings that name them are the parts; "a combination of the two" is "combination"', () => {
    const o = outlineOf(['Your hearing test results', '', 'After the test the audiologist will say which kind of loss you have. It will be one of the following: a conductive loss, a sensorineural loss, or a combination of the two.', '', 'What is a conductive loss?', '', para('A conductive loss means sound cannot pass through the outer or middle ear'), '', 'What is a sensorineural loss?', '', para('A sensorineural loss means the inner ear or the nerve is damaged'), '', 'What is a combination loss?', '', para('A combination loss is a conductive and a sensorineural loss together')].join('\n'));
    expect(o.sections.filter((s) => s.parts).map((s) => s.title)).toEqual(['What is a conductive loss?', 'What is a sensorineural loss?', 'What is a combination loss?']);
  });
});

describe('at-a-glance cells from lists', () => {
  it('a list item that goes on from its lead-in ("when you:" over "- are …") is never a cell of its own', () => {
    const o = outlineOf(['Two kinds of walking aid', '', 'There are two kinds of walking aid: sticks and frames.', '', 'Sticks', '', 'A stick helps you walk. Use it when you:', '', '- are crossing cobbled lanes, gravel paths or wet grass verges.', '- are boarding buses, trams or ferries.', '', 'Frames', '', 'A frame helps you walk. Use it when you:', '', '- are rising from armchairs, sofas or hospital beds.', '- are shuffling along corridors after hip replacement surgery.'].join('\n'));
    const cells = o.atAGlance?.rows.flatMap((r) => r.cells.flatMap((c) => c.texts)) ?? [];
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.filter((t) => /^\p{Ll}/u.test(t))).toEqual([]);
  });
});

describe('ordinary text the page-frame and part rules leave alone (review of 2026-12-07)', () => {
  const frames = (o: Outline) => allBlocks(o).filter((b) => b.type === 'paragraph' && b.data?.frame).map((b) => toString(b));
  it('survey answers, a form and a sentence about cookies in the text are never the frame', () => {
    const o = outlineOf(['Snacks for school', '', 'Children need a snack in the morning. This sheet helps you choose one.', '', 'How does your child get to school?', '', 'Walk / Cycle / Car / Bus', '', 'Cookies and biscuits are high in sugar, so manage how many your child eats each week.', '', 'Fruit, yoghurt and crackers are better choices for most days of the week.'].join('\n'));
    expect(frames(o)).toEqual([]);
  });
  it('a heading that happens to open on "Version" or "Approved" and a number stays a heading', () => {
    const o = outlineOf(['Food at the club', '', 'Our kitchen cooks every meal on site with fresh food.', '', 'Approved suppliers 2025', '', 'We buy from three farms within ten miles of the club.', '', 'Version 2 of the allergy form', '', 'The new form asks about every allergy in the family.'].join('\n'));
    expect(headings(o)).toEqual(['Approved suppliers 2025', 'Version 2 of the allergy form']);
  });
  it('a title in title case over its trail stays the title; "Before, during and after" lists no names; "Things I loved." is no head; days are no parts', () => {
    expect(outlineOf(['Kennel Cough in Dogs', 'Home › Pet health › Dogs', 'Signs and treatment', '', 'Kennel cough is a chest infection that spreads where dogs meet. Most dogs get better in two weeks.', '', 'Keep your dog away from others until the cough stops.'].join('\n')).title).toBe('Kennel Cough in Dogs');
    const op = outlineOf(['Before, during and after your scan: what to expect', '', 'This leaflet explains what happens when you come for a scan.', '', 'Before you come in', '', 'Do not eat for four hours before your scan.', '', 'On the day', '', 'A nurse will check your details and answer your questions.', '', 'After your scan', '', 'You can eat and drink as normal straight away.', '', 'During your stay', '', 'Most people are with us for about an hour in all.', '', 'Going home', '', 'You can drive yourself home after the scan.'].join('\n'));
    expect(op.sections.filter((s) => s.parts)).toEqual([]);
    const diary = outlineOf(['My year at the allotment', '', 'I spent last year growing vegetables at the allotment on Mill Lane, two mornings a week.', '', 'Things I loved. The beans grew taller than me, and the children from the school came to pick them in July.', '', 'Things I found hard. Watering in the August heat was tough, and the slugs ate every lettuce I planted.', '', 'Things I learned. Compost needs turning every week, and neighbours will share their tools if you ask.'].join('\n'));
    expect(headings(diary)).toEqual([]);
    const walk = outlineOf(['Our walking week', '', 'Four days of walking, with a night in a hostel each evening.', '', 'Day 1 – Keswick to Buttermere', '', 'A gentle start, about eleven miles with one long climb.', '', 'Day 2 – Buttermere to Wasdale', '', 'The hardest day, over two passes.', '', 'Day 3 – Wasdale to Eskdale', '', 'An easier walk past a tarn.', '', 'Day 4 – Eskdale to the coast', '', 'A flat walk by the river to the sea.'].join('\n'));
    expect(walk.sections.filter((s) => s.parts)).toEqual([]);
  });
  it('English with many foreign names stays English', () => {
    expect(detectLanguage('Menu: adobo, sinigang na baboy, kare kare, lechon kawali, pancit canton, pancit bihon, lumpiang shanghai, tinola, bulalo, sisig, kaldereta, bibingka, puto, halo halo, turon, leche flan and ube halaya. Ask the staff about nuts and shellfish before you order anything.')).toBe('en');
  });
});

describe('the at-a-glance table in the handout\'s language', () => {
  it('a Spanish handout\'s table is headed in Spanish', () => {
    const o = outlineOf(['Tipos de diabetes', '', 'La diabetes es una enfermedad que dura toda la vida. Existen tres tipos principales: la diabetes tipo 1, la diabetes tipo 2 y la diabetes gestacional.', '', 'Diabetes tipo 1', '', 'La diabetes tipo 1 aparece sobre todo en niños y jóvenes. El cuerpo deja de producir insulina y hay que inyectarla todos los días.', '', 'Diabetes tipo 2', '', 'La diabetes tipo 2 es la más frecuente y aparece sobre todo en adultos. Se trata con dieta, ejercicio y pastillas.', '', 'Diabetes gestacional', '', 'La diabetes gestacional aparece durante el embarazo y suele desaparecer después del parto.'].join('\n'), 'es');
    expect(o.atAGlance?.title).toBe('Tipos de diabetes de un vistazo');
    expect(o.atAGlance?.columns[0]).toBe('Qué lo distingue');
    expect(o.atAGlance?.columns.join(' ')).not.toMatch(/What sets it apart|Also/);
  });
});

describe('other publishers\' pages: a flood agency, a stroke charity, a council, a textbook', () => {
  const partTitles = (o: Outline) => o.sections.filter((s) => s.parts).map((s) => s.title);
  it('a page\'s question about itself and its answer buttons, in any language, are its frame, not a heading', () => {
    const o = outlineOf(['Bibliotheek Dijkveen', '', 'Een pas aanvragen', '', 'Met een bibliotheekpas leent u boeken, e-books en tijdschriften. De pas is gratis voor kinderen tot 18 jaar.', '', 'Wat kost een pas?', '', 'Een pas voor volwassenen kost 45 euro per jaar.', '', 'Was deze informatie nuttig? Ja / Nee', '', 'Laatst gewijzigd: 3 maart 2025'].join('\n'), 'nl');
    expect(headings(o)).toEqual(['Wat kost een pas?']);
    expect(allBlocks(o).map((b) => toString(b))).toContain('Was deze informatie nuttig? Ja / Nee');
  });
  it('signs to look for, listed after a lead-in, are no kinds; the last of a series of names with a dash is no heading', () => {
    const o = outlineOf([
      'Types of seizure',
      'A seizure is a burst of electrical activity in the brain. Whatever the type, you can help by remembering the signs with the word CALM:',
      'Collapse – has the person fallen or gone stiff?',
      'Arms – are their arms or legs jerking?',
      'Lips – are their lips turning blue?',
      'Most seizures stop on their own within two minutes, and the person needs to rest afterwards.',
      'Focal seizures',
      'Focal seizures start in one part of the brain. The person may be awake but unable to answer you.',
      'Generalised seizures',
      'Generalised seizures affect the whole brain. The person usually falls and loses consciousness for a short time.',
    ].join('\n'));
    expect(partTitles(o)).toEqual(['Focal seizures', 'Generalised seizures']);
    expect(headings(o)).not.toContain('Lips – are their lips turning blue?');
  });
  it('"Every economy has …" after a count speaks of all of something and names no part', () => {
    const o = outlineOf([
      'Forms of business ownership',
      'By the end of this section you should be able to compare the main forms of business ownership.',
      'Every economy has a public sector owned by the state and a private sector owned by people and firms.',
      'Private-sector businesses can be owned in several ways, from one person working alone to a company with thousands of owners.',
      'Sole traders are easy to set up: there are no legal formalities beyond registering with the tax office.',
      'When two or more people want to own a business together, they may form a partnership.',
    ].join('\n'));
    expect(headings(o)).not.toContain('Economy');
  });
});

describe('the second read of hard-wrapped and printed copies (review regressions)', () => {
  const paragraphsOf = (text: string, pageBreaks: number[] = []) => parsePlainText(text, 0, [], pageBreaks).children.map((p) => toString(p));
  it('inside wrapped prose a name that is also a common word goes on: "… early in" / "May", "… Grace and" / "Will", "… auf" / "Essen"', () => {
    const filler = 'The surgery is closed for repairs during the spring. You may still\nphone us during this time, and a nurse may call you back within a day\nor two of your call, so please do not ring twice about the same thing.';
    expect(paragraphsOf(`${filler}\n\nThe waiting room will be painted and the surgery will open again in\nMay when the work is done. We will write to every patient before then.\n`)[1]).toMatch(/again in May when/);
    expect(paragraphsOf(`${filler}\n\nYour physiotherapist this term is a member of our team called Grace and\nWill, her colleague, covers the clinic on Fridays. They will both show you\nexercises.\n`)[1]).toMatch(/Grace and Will, her/);
    const german = 'Wir essen jeden Tag zusammen, und die Kinder essen gern Obst und Gemüse.\nAuch beim Kochen helfen sie mit, so lernen sie viel über gesunde Kost und\nüber das, was auf den Tisch kommt, wenn die ganze Familie zusammen isst.';
    expect(paragraphsOf(`${german}\n\nNach der Schule kommen die Kinder hungrig nach Hause und freuen sich auf\nEssen, das warm ist. Wir kochen deshalb am Vormittag und stellen es warm.\n`)[1]).toMatch(/auf Essen, das/);
  });
  it('French quotation marks and a comparison with ">" are no trail of links', () => {
    const french = 'Après l\'opération, le médecin passera vous voir dans la chambre le soir\nmême. Il vous parlera d\'abord de « repos » et d\'« hydratation » avant de\n« traitement » : les comprimés sont à prendre matin et soir, pendant une\nsemaine, avec un grand verre d\'eau et un peu de nourriture.';
    expect(paragraphsOf(`${french}\n`)).toHaveLength(1);
    const fever = 'Ring us straight away if the heart rate is > 140 or breathing is > 50, or\nyour child is floppy, hard to wake or will not drink anything at all for\nhalf a day, or if a rash does not fade when you press a glass against it.';
    expect(paragraphsOf(`${fever}\n`)).toHaveLength(1);
  });
  it('headings that differ in a number, or stand under a different name on each page, are no running lines', () => {
    const days = ['Your week of antibiotics', '', 'Day 1', 'Take one tablet in the morning and one in the evening.', '', 'Page 1 of 3', '', 'Day 2', 'Keep taking the tablets. Eating something first helps.', '', 'Page 2 of 3', '', 'Day 3', 'Finish the course even if you feel better.', '', 'Page 3 of 3'].join('\n');
    expect(paragraphsOf(days).filter((p) => /^Day \d$/.test(p))).toEqual(['Day 1', 'Day 2', 'Day 3']);
    const medicines = ['Paracetamol', 'How to take it', 'One or two tablets every four to six hours.', 'Ibuprofen', 'How to take it', 'One tablet three times a day with food.', 'Aspirin', 'How to take it', 'One tablet a day with food.'].join('\n');
    // pdftotext's form feeds before "Ibuprofen" and "Aspirin".
    expect(paragraphsOf(medicines, [4, 7]).filter((p) => p === 'How to take it')).toHaveLength(3);
  });
  it('a form\'s "Do you smoke? Yes / No" is neither a page\'s buttons nor a heading', () => {
    const o = outlineOf(['Before your operation', '', 'Please answer these questions and bring this sheet with you.', '', 'Do you smoke? Yes / No', '', 'Are you allergic to any medicines? Yes / No', '', 'Could you be pregnant? Yes / No', '', 'Thank you. A nurse will go through your answers with you.'].join('\n'));
    expect(headings(o)).toEqual([]);
    expect(allBlocks(o).filter((b) => b.type === 'paragraph' && b.data?.frame)).toEqual([]);
  });
  it('a page asking whether it helped is its frame in any wording; headings "for week 2" and "for week 3" are no running lines; a list item in a letter ends where the next paragraph opens', () => {
    for (const line of ['Did you find what you were looking for? Yes No', 'Hat Ihnen diese Seite geholfen? Ja Nein', '¿Te ha resultado útil esta página? Sí No', 'Has this leaflet answered your questions? Yes / No']) {
      const o = outlineOf(['Apply for a badge', '', 'You can apply online if you have a disability that affects how you walk.', '', line, '', 'Related pages'].join('\n'));
      expect(headings(o), line).not.toContain(line);
    }
    const weeks = ['Knee exercises', '', 'Exercises for week 1', 'Sit on a chair and straighten one knee ten times a day.', '', 'Page 1 of 3', '', 'Exercises for week 2', 'Stand holding a chair and rise on to your toes ten times.', '', 'Page 2 of 3', '', 'Exercises for week 3', 'Walk for ten minutes twice a day on level ground.', '', 'Page 3 of 3'].join('\n');
    expect(paragraphsOf(weeks).filter((p) => /^Exercises for week/.test(p))).toHaveLength(3);
    const letter = [
      'Dear Mrs Patel',
      '     Thank you for coming to the clinic last week. We have now had the results of',
      'your blood tests and they are all normal, which is good news for you.',
      '     We would like to see you again in three months. Please bring with you:',
      '1. the list of medicines you take, with the doses and the times you take them.',
      '2. your blood pressure readings from home, written down in the little book.',
      '     Parking at the hospital is free for this visit. Show this letter at the',
      'barrier and it will open for you.',
    ].join('\n');
    expect(paragraphsOf(letter).at(-1)).toBe('Parking at the hospital is free for this visit. Show this letter at the barrier and it will open for you.');
  });

  it('labels far apart after a count are no parts; a heading with a dash after a blank line stays a heading', () => {
    const o = outlineOf(['Appointments at the Riverside Practice', '', 'Our surgery has two sites in the town.', '', 'Face to face: you come to the surgery and see a doctor or nurse at a time you book.', '', 'Most people book online or by phone, and the receptionist asks a few questions first.', '', 'If you need a test, the nurse can often do it at the same visit, which saves a trip.', '', 'We are open from eight until six on weekdays and closed at weekends and on bank holidays.', '', 'Parking: the car park behind the surgery is free for patients for up to two hours a day.'].join('\n'));
    expect(o.sections.filter((s) => s.parts)).toEqual([]);
    const fast = outlineOf(['Stroke: act FAST', '', 'A stroke is an emergency. The sooner a person gets treatment, the less damage it does.', '', 'Face – has their face fallen on one side?', 'Arms – can they raise both arms?', 'Speech – is their speech slurred?', '', 'Hospital – what happens next', 'At the hospital a doctor will do a brain scan to find out what kind of stroke it is.', '', 'Recovery at home', 'Many people need help from therapists for some months after a stroke.'].join('\n'));
    expect(headings(fast)).toEqual(['Hospital – what happens next', 'Recovery at home']);
  });
  it('in a letter with indented paragraphs, a list item\'s next sentence stays in the item; a card\'s suit is no bullet', () => {
    const letter = [
      '    Thank you for coming to the eye clinic today. The doctor has put drops',
      'in both of your eyes, so your sight will be blurred for a few hours.',
      '    Please do not drive until your sight is clear again. Ask a friend to',
      'take you home, or use the hospital car service from the front desk.',
      '    Your eyes may feel gritty tonight. This is normal and passes by the',
      'morning; cool, clean water on a cloth soothes them.',
      '    Before your next visit, please do these things:',
      '1. Stop wearing contact lenses two days before. Wear glasses instead.',
      '   Bring the glasses with you on the day.',
      '2. Bring a list of your medicines.',
    ].join('\n');
    expect(paragraphsOf(letter)).toContain('1. Stop wearing contact lenses two days before. Wear glasses instead. Bring the glasses with you on the day.');
    const hand = outlineOf(['Bidding practice', '', 'You hold this hand as dealer. Count your points before you bid.', '', '♠ K Q 7 3', '♥ A 9', '♦ J 10 4 2', '♣ K 8 6', '', 'With 13 points and four spades, open one spade.'].join('\n'));
    expect(allBlocks(hand).filter((b) => b.type === 'list')).toEqual([]);
  });
});

describe('parts announced by a count', () => {
  it('a count the paragraphs\' subjects meet beats names that break it (a term named in passing, a paragraph about the whole)', () => {
    const o = outlineOf([
      'The Water Cycle', '',
      'The water cycle is the movement of water between the land, the sea and the air. It is usually described in four stages.', '',
      'Evaporation happens when the sun heats water and turns it into vapour. Plants also lose vapour from their leaves; this is called transpiration.', '',
      'Condensation takes place as the vapour rises and cools and turns into droplets that form clouds.', '',
      'Precipitation is any water that falls from clouds, such as rain, snow or hail.', '',
      'Collection is the final stage. Water runs into rivers and flows back to the sea.', '',
      'Humans change the water cycle in many ways. Cutting down forests reduces transpiration.',
    ].join('\n'));
    expect(headings(o)).toEqual(['Evaporation', 'Condensation', 'Precipitation', 'Collection', 'Humans change the water cycle']);
    expect(o.sections.slice(0, 4).every((s) => s.parts?.length === 1)).toBe(true);
  });

  it('a paragraph comparing two things that are not the parts ("Plant and animal cells … differ") is not one of them', () => {
    const o = outlineOf('The Cell\n\nAll living things are made of cells.\n\nCells come in two basic kinds. Prokaryotic cells, found in bacteria, have no nucleus. Eukaryotic cells, found in plants and animals, keep their DNA inside a nucleus.\n\nPlant and animal cells are both eukaryotic, but they differ. Plant cells have a cell wall; animal cells do not.\n');
    expect(headings(o)).not.toContain('Plant');
    expect(allBlocks(o).map((b) => toString(b)).join('\n')).toContain('Plant cells have a cell wall');
  });
});

describe('page numbers', () => {
  it('"Page 3" or "- 4 -" answering a question in a text of no pages is the reader\'s text; lines counting pages up are a printed copy\'s', () => {
    const answers = parsePlainText('Your questions answered\n\nWhich page has the dosing chart?\n\nPage 3\n\nWhat is the score range?\n\n- 4 -\n\nThe end.\n');
    const texts = answers.children.map((p) => toString(p));
    expect(texts).toContain('Page 3');
    expect(texts.some((t) => t.includes('4 -'))).toBe(true);
    const dropped: { line: number; text: string }[] = [];
    const printed = parsePlainText('Gout\n\nGout is a kind of arthritis that comes and goes.\n\n- 1 -\n\nIt often starts in the big toe.\n\n- 2 -\n', 0, dropped);
    expect(dropped.map((d) => d.text)).toEqual(['- 1 -', '- 2 -']);
    expect(printed.children.map((p) => toString(p))).not.toContain('- 1 -');
  });
});

describe('parts nothing announces', () => {
  it('kinds named with the subject\'s word by a label or a modifier ("Type 1 diabetes", "Gestational diabetes") are parts; "Type 2" is no count of two', () => {
    const o = outlineOf('Understanding Diabetes\n\nDiabetes means the level of sugar in the blood is too high.\n\nType 1 diabetes happens when the immune system attacks the cells that make insulin. It usually starts in children.\n\nType 2 diabetes is the most common kind. The body makes insulin but cannot use it well.\n\nGestational diabetes is high blood sugar that first appears during pregnancy. It usually goes away after the birth.\n');
    expect(headings(o)).toEqual(['Type 1', 'Type 2', 'Gestational']);
    expect(o.notes?.join('\n')).not.toMatch(/announces (?:happens|is)\b/);
  });
});

describe('boxes in plain text', () => {
  it('an inferred "Key terms" heading makes the key-terms box, its "Term - meaning" lines with the term in bold, every character kept', () => {
    const o = outlineOf('The Cell\n\nAll living things are made of cells. A cell is the smallest unit of life.\n\nKey terms\n\nNucleus - the control centre of the cell\nCell membrane - a thin layer around the cell\nCytoplasm: the jelly-like fluid inside\n\nUsing a microscope\n\nPlace the slide on the stage and focus with the coarse knob first.\n');
    const box = o.sections.find((s) => s.title === 'Key terms')!;
    expect(box.kind).toBe('key-terms');
    const paragraphs = box.blocks.filter((b) => b.type === 'paragraph');
    expect(paragraphs.map((p) => (p.type === 'paragraph' && p.children[0].type === 'strong' ? toString(p.children[0]) : ''))).toEqual(['Nucleus', 'Cell membrane', 'Cytoplasm']);
    expect(paragraphs.map((p) => toString(p))).toEqual(['Nucleus - the control centre of the cell', 'Cell membrane - a thin layer around the cell', 'Cytoplasm: the jelly-like fluid inside']);
    expect(o.sections.find((s) => s.title === 'Using a microscope')!.kind).toBe('section');
  });
});
