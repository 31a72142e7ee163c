/**
 * The at-a-glance table, rule by rule, on small examples written for these tests: which sections
 * are parallel parts, what a self-contained statement is, which statement is a part's key fact,
 * and which columns a table gets.
 */
import { describe, expect, it } from 'vitest';
import { buildOutline } from '../../src/outline/buildOutline.js';
import { parseMarkdown, parsePlainText } from '../../src/parse/parseSource.js';
import type { Block, Outline, SummaryTable } from '../../src/outline/outline.js';
import type { Source } from '../../src/read/readSource.js';
import { sameShape } from '../../src/outline/summary/parallelParts.js';
import { isInstruction, MAX_WORDS, pointsBack, statementsOf, withinLength } from '../../src/outline/summary/statements.js';
import { ALSO, KEY_FACT, withColumns } from '../../src/outline/summary/summaryTable.js';

function md(body: string, meta: Partial<Source['meta']> = {}): Outline {
  return buildOutline({ file: 'x.md', slug: 'x', format: 'markdown', text: body, meta: { lang: 'en', keywords: [], ...meta } }, parseMarkdown(body));
}

function blocksOf(markdown: string): Block[] {
  return parseMarkdown(markdown).children as Block[];
}

const texts = (markdown: string) => statementsOf(blocksOf(markdown), 'en').map((s) => s.text);

function cell(t: SummaryTable, part: string, column: string): string {
  const row = t.rows.find((r) => r.part === part);
  if (!row) throw new Error(`no row ${part} in ${t.rows.map((r) => r.part).join(', ')}`);
  const c = t.columns.indexOf(column);
  return c < 0 ? '' : row.cells[c].texts.join(' ');
}

describe('statements: each stands alone', () => {
  it('a lead-in brings the list it introduces; an item opens in lower case unless the text shows it is a name', () => {
    expect(texts('Lumps grow fast in people with Crohn disease. Things that start them include:\n\n- a burn\n- Tight shoes\n- Crohn disease\n- HIV\n')).toEqual([
      'Lumps grow fast in people with Crohn disease.',
      'Things that start them include: a burn; tight shoes; Crohn disease; HIV',
    ]);
  });

  it('in plain text, bullet lines after a lead-in are its list', () => {
    const plain = statementsOf(parsePlainText('Bring to the visit:\n\n- your pill bottles\n\n- a list of questions\n').children as Block[], 'en');
    expect(plain.map((s) => s.text)).toEqual(['Bring to the visit: your pill bottles; a list of questions']);
    const open = statementsOf(parsePlainText('Flare-ups often follow things such as\n\n- a cold\n\n- a long flight\n').children as Block[], 'en');
    expect(open.map((s) => s.text)).toEqual(['Flare-ups often follow things such as a cold; a long flight']);
  });

  it('items that do not fit are left out and marked, never cut in the middle', () => {
    const items = Array.from({ length: 12 }, (_, i) => `- reason number ${i + 1}`).join('\n');
    const [s] = texts(`Common reasons are:\n\n${items}\n`);
    expect(s).toMatch(/^Common reasons are: reason number 1; reason number 2; .*; …$/);
    expect(s.split(/\s+/).filter((w) => /\w/.test(w)).length).toBeLessThanOrEqual(MAX_WORDS);
  });

  it('raw HTML in the source is markup, never words of a statement', () => {
    expect(texts('Press <kbd>Enter</kbd> to start the timer. <span onclick="go()">Wait</span> for the beep.\n')).toEqual(['Press Enter to start the timer.', 'Wait for the beep.']);
  });

  it('a lead-in without its list is not a statement', () => {
    expect(texts('Sore feet are common. Causes include:\n\nSee your nurse about them.\n')).toEqual(['Sore feet are common.', 'See your nurse about them.']);
  });

  it('a sentence that points back comes with the sentence it points to', () => {
    expect(texts('The kidneys clear extra salt. When the kidneys stop, salt builds up. This is the usual cause.\n')).toEqual([
      'The kidneys clear extra salt.',
      'When the kidneys stop, salt builds up.',
      'When the kidneys stop, salt builds up. This is the usual cause.',
    ]);
    // "When they stop" stands for the sentence before it: it comes with that sentence.
    expect(texts('The kidneys clear extra salt. When they stop, salt builds up.\n')).toEqual(['The kidneys clear extra salt.', 'The kidneys clear extra salt. When they stop, salt builds up.']);
  });

  it('two sentences that go together are never cut to an opening clause', () => {
    const long = 'Warm spells bring the rash back in people who had it as children, mostly on the arms. These red, raised and very itchy patches, which can weep, last for weeks.';
    expect(texts(long)).toEqual(['Warm spells bring the rash back in people who had it as children, mostly on the arms.']);
  });

  it('a paragraph that opens by pointing back has nothing to lean on, so it is not chosen', () => {
    expect(texts('It can last for weeks.\n\nThese spots fade in the sun.\n')).toEqual([]);
  });

  it('"this form" names the part the row is about, "these spots" points back', () => {
    expect(pointsBack('This form starts in the knees.')).toBe(false);
    expect(pointsBack('These types are rare in adults.')).toBe(false);
    expect(pointsBack('These spots fade in the sun.')).toBe(true);
    expect(pointsBack('In these cases the rash spreads.')).toBe(true);
    // "such" points back whatever the tagger makes of it; "such as" gives examples.
    expect(pointsBack('One such tablet is shown in the case to your right.')).toBe(true);
    expect(pointsBack('Such patients need a second dose.')).toBe(true);
    expect(pointsBack('Foods such as bread and rice give you energy.')).toBe(false);
    expect(pointsBack('It is the main cause.')).toBe(true);
    expect(pointsBack('However, the rash may spread.')).toBe(true);
    expect(pointsBack('Nurses that work nights see it most.')).toBe(false);
    // An opening clause too short to say anything stands for the sentence before it…
    expect(pointsBack('If they do, write down the time and call the ward.')).toBe(true);
    expect(pointsBack('When this happens, sit down and rest.')).toBe(true);
    expect(pointsBack('If so, bring the box with you.')).toBe(true);
    // … one that says something does not, even with a pronoun for what the main clause names.
    expect(pointsBack('If not treated, the infection spreads to the joints.')).toBe(false);
    expect(pointsBack('Because it was warm, the middle room was where people talked.')).toBe(false);
    expect(pointsBack('There is no cure yet.')).toBe(false);
    expect(pointsBack('You may need a second test.')).toBe(false);
    expect(pointsBack('Some people never get a rash.')).toBe(false);
  });

  it('a long statement loses its parentheses, or keeps its opening clause, or is left out', () => {
    const parens = 'The pale form of the rash (sometimes called the winter rash, or the cold rash in older books) shows on the backs of both hands in cold weather.';
    expect(withinLength(parens, 'en')).toBe('The pale form of the rash shows on the backs of both hands in cold weather.');
    const clause = 'The dry type looks like the wet type on the skin of the hands and feet, although it comes from a different germ that lives in soil and dust and old wood.';
    expect(withinLength(clause, 'en')).toBe('The dry type looks like the wet type on the skin of the hands and feet …');
    const subordinate = 'When children have played outside for many hours in the cold and wet without gloves or a hat, the sores can open up and bleed for a day or two.';
    expect(withinLength(subordinate, 'en')).toBeUndefined();
  });
});

describe('parallel parts from written structure', () => {
  it('headings of one shape are parts; aspects of one subject and questions are not', () => {
    expect(sameShape('Stable angina', 'Variant angina', 'en')).toBe(true);
    expect(sameShape('Type 1: Slow growers', 'Type 2: Fast growers', 'en')).toBe(true);
    expect(sameShape('Stage II', 'Stage III', 'en')).toBe(true);
    expect(sameShape('Part 1', 'Part 2', 'en')).toBe(false);
    expect(sameShape('Step 1: Wash', 'Step 2: Dry', 'en')).toBe(false);
    expect(sameShape('Signs of gout', 'Causes of gout', 'en')).toBe(false);
    expect(sameShape('Gout symptoms', 'Gout care', 'en')).toBe(false);
    expect(sameShape('What causes gout?', 'What helps gout?', 'en')).toBe(false);
    // Where the noun comes first, a shared first word is the shape; an article is no such word.
    expect(sameShape('Manchas rojas', 'Manchas blancas', 'es')).toBe(true);
    expect(sameShape('Las manchas rojas', 'Las manchas blancas', 'es')).toBe(true);
    expect(sameShape('Les bons gestes', 'Les médicaments', 'fr')).toBe(false);
  });

  it('sibling Markdown headings of the same shape get a table, one row each, in order', () => {
    const o = md(
      '# Chest pain\n\n## Steady chest pain\n\nSteady chest pain comes on during a climb up the stairs and fades with rest.\n\n' +
        '## Sudden chest pain\n\nSudden chest pain comes at rest and lasts longer than ten minutes.\n\n' +
        '## Night chest pain\n\nNight chest pain wakes people from sleep in the early morning hours.\n\n## Where to get help\n\nCall your nurse line.\n',
    );
    expect(o.atAGlance?.rows.map((r) => r.part)).toEqual(['Steady', 'Sudden', 'Night']);
    expect(o.atAGlance?.columns[0]).toBe(KEY_FACT);
  });

  it('in plain text, three bare headings in a row that name kinds are parts; aspects of the subject are not', () => {
    const outline = (text: string) => buildOutline({ file: 'b.txt', slug: 'b', format: 'text', text, meta: { lang: 'en', keywords: [] } }, parsePlainText(text));
    const kinds = outline('Back pain has many sources.\n\nMuscle strain\n\nLifting a heavy box can strain the low back muscles.\n\nDisc bulges\n\nA bulging disc presses on a nerve and sends pain down one leg.\n\nJoint wear\n\nOlder joints in the spine wear thin and ache in the morning.\n');
    expect(kinds.atAGlance?.rows.map((r) => r.part)).toEqual(['Muscle strain', 'Disc bulges', 'Joint wear']);
    const aspects = outline('Back pain is common.\n\nRisk factors\n\nHeavy lifting and long drives raise the risk.\n\nTreatment options\n\nRest, heat and gentle walks help most people.\n\nOther names\n\nSome call it lumbago.\n');
    expect(aspects.atAGlance).toBeUndefined();
  });

  it('headings that share nothing get no table', () => {
    expect(md('# One thing\n\n## Why\n\nBecause it helps.\n\n## How\n\nLike this every day.\n').atAGlance).toBeUndefined();
    expect(md('# Gout\n\n## Signs of gout\n\nA hot red toe.\n\n## Causes of gout\n\nToo much uric acid in the blood.\n').atAGlance).toBeUndefined();
  });
});

describe('the cells', () => {
  // Three kinds of a made-up skin condition: what each says about itself, and one question
  // (treatment) that only one of them answers.
  const body = [
    '# Skin spots',
    '## The three kinds',
    '### Red spots',
    'Red spots appear on the cheeks after a hot bath. Small blood vessels that widen in the heat cause the colour. The colour fades within an hour.',
    '### Brown spots',
    'Brown spots come from years of sun on the backs of the hands. Extra pigment in the skin causes the brown colour. Most people over sixty have a few.',
    '### White spots',
    'White spots are caused by a yeast that lives on the skin. A cream from the pharmacy treats them in two weeks. They come back in humid summers.',
  ].join('\n\n');
  const o = md(body);
  const t = o.atAGlance!;

  it('the first column is each part key fact: what its siblings do not say', () => {
    expect(t.columns[0]).toBe(KEY_FACT);
    expect(cell(t, 'Red', KEY_FACT)).toMatch(/cheeks after a hot bath/);
    expect(cell(t, 'Brown', KEY_FACT)).toMatch(/sun on the backs of the hands/);
    expect(cell(t, 'White', KEY_FACT)).toMatch(/yeast/);
  });

  it('a first aid sheet\'s key facts are what a cut and a burn are, not what to do', () => {
    const firstAid = md(['# First aid', '## The three kinds', '### Cuts', 'Cut edges gape and bleed, and a deep cut may need stitches or glue. Press a clean pad on the cut for ten minutes.', '### Grazes', 'A graze is a scrape that takes off the top layer of skin, often on knees and elbows. Rinse grit out of the graze under a running tap.', '### Burns', 'Burn damage to the skin goes deeper than it first looks and blisters. Place the burn under cool running water for twenty minutes.'].join('\n\n')).atAGlance!;
    expect(cell(firstAid, 'Cuts', KEY_FACT)).toMatch(/^Cut edges gape/);
    expect(cell(firstAid, 'Burns', KEY_FACT)).toMatch(/^Burn damage/);
  });

  it('a part\'s key fact says what it is, not how to use it', () => {
    const hrt = md([
      '# Taking the medicine',
      '## The three forms',
      '### Tablets',
      'Tablets are the most familiar form, swallowed once a day with water. Swallow them whole with a glass of water at the same time each day.',
      '### Patches',
      'A patch is stuck on clean skin below the waist and changed twice a week. Put each new patch on a different area and keep lotion off the skin there.',
      '### Gel',
      'Gel is rubbed into the skin of the arms once a day and dries in minutes. Let the gel dry for five minutes before dressing and wash your hands after.',
    ].join('\n\n')).atAGlance!;
    expect(cell(hrt, 'Patches', KEY_FACT)).toMatch(/^A patch is stuck/);
    expect(cell(hrt, 'Gel', KEY_FACT)).toMatch(/^Gel is rubbed/);
    // Steps keep what to do as theirs: see plainTextShapes.test.ts, "steps of a sequence".
  });

  it('an instruction is told from a statement that opens on a word that could be a verb', () => {
    const told = ['Press a clean pad on the cut for ten minutes.', 'Wash your hands.', 'Call 999 if you have chest pain.', 'Do not scratch.', 'Avoid alcohol.', 'Stack large leaves and roll them tightly.', 'Look out for the flint axe.', 'Please ring us.'];
    const stated = ['Cut edges gape and bleed.', 'Burn damage goes deeper than it looks.', 'Contact dermatitis appears where the skin touched something.', 'Rest is the first treatment.', 'Stage 2 means a mild drop in function.', 'Dogs in Class 1 have no symptoms.', 'Granite, the speckled stone, is igneous.', 'Depending on the producer, oxidation varies.', 'Open surgery is done under general anaesthetic.', 'Swelling is common.'];
    expect(told.filter((t) => !isInstruction(t))).toEqual([]);
    expect(stated.filter((t) => isInstruction(t))).toEqual([]);
  });

  it('a handout about health in plain words is asked health\'s questions; one about treats for a puppy is not', () => {
    const sunburn = md(['# Sunburn', '## The three kinds', '### Mild sunburn', 'Mild sunburn turns the skin pink a few hours after being outside. Mild sunburn is caused by an hour of strong midday sun. The first sign of mild sunburn is a tight, hot feeling.', '### Blistering sunburn', 'Blistering sunburn forms blisters full of clear fluid. Blistering sunburn is caused by several hours of strong sun on bare shoulders. A sign of blistering sunburn is swelling that lasts for days.', '### Sunstroke', 'Signs of sunstroke are a fever, a headache and feeling faint. Sunstroke is caused by a whole day in the sun without water. Sunstroke is sunburn and heat together.'].join('\n\n')).atAGlance!;
    expect(sunburn.columns).toContain('Cause');
    const puppy = md(['# Rewards for a puppy', '## The three kinds', '### Treats', 'Small soft treats work best because the puppy eats them in a second. Treated well, a puppy learns fast. Treating every sit is too much.', '### Toys', 'A tug toy suits a puppy that loves to play more than to eat. Toys treated roughly wear out. A toy is a treat too.', '### Praise', 'Praise costs nothing and works anywhere, once a puppy links it with treats. Praise is the reward you always have. Treatment of a puppy should be kind.'].join('\n\n')).atAGlance!;
    expect(puppy.columns).not.toContain('Treatment');
  });

  it('a handout that is not about health is not asked health\'s questions', () => {
    const cards = md([
      '# Library cards',
      '## The three cards',
      '### Junior card',
      'A junior card is for readers under 16, who can start borrowing at any age. Junior readers borrow eight books at a time, and a parent signs the form. Junior cards begin when a child joins and end at the age of 16.',
      '### Adult card',
      'An adult card is for anyone aged 16 or older living in the county. Adult readers borrow twenty books and use the computers in every branch. Adult cards begin when the reader is 16 and last for life.',
      '### Visitor card',
      'A visitor card is for people on holiday in the area. Visitors borrow two books from any branch in the county. Visitor cards begin on the day of a booking and end when it does.',
    ].join('\n\n')).atAGlance!;
    expect(cards.columns).toEqual([KEY_FACT, ALSO]);
  });

  it('a question becomes a column only when at least half of the parts answer it', () => {
    expect(t.columns).toContain('Cause');
    expect(t.columns).not.toContain('Treatment');
  });

  it('every cell is words of the source, at most MAX_WORDS words, and no cell repeats another', () => {
    const flat = body.replace(/\s+/g, ' ');
    const cells = t.rows.flatMap((r) => r.cells.flatMap((c) => c.texts));
    for (const c of cells) {
      for (const piece of c.split(/(?<=\.) /)) expect(flat).toContain(piece.replace(/ …$/, ''));
      expect(c.split(/\s+/).length).toBeLessThanOrEqual(MAX_WORDS);
      expect(c).not.toMatch(/^(It|They|This|These)\s/);
    }
    expect(new Set(cells).size).toBe(cells.length);
    for (const a of cells) for (const b of cells) if (a !== b) expect(a.includes(b), `${a} holds ${b}`).toBe(false);
  });

  it('parts that answer few questions get a second column of their next most distinctive statements', () => {
    const bread = md(
      '# Bread\n\n## Rye bread\n\nRye bread is dark and dense. Rye flour holds little gluten, so the loaf rises slowly.\n\n' +
        '## Wheat bread\n\nWheat bread is light and soft. Wheat flour holds plenty of gluten, so the loaf rises high.\n\n' +
        '## Corn bread\n\nCorn bread is yellow and crumbly. Corn meal holds no gluten, so baking powder lifts the loaf.\n',
    ).atAGlance!;
    expect(bread.columns).toEqual([KEY_FACT, ALSO]);
    for (const r of bread.rows) expect(r.cells.every((c) => c.texts.length === 1)).toBe(true);
    expect(cell(bread, 'Corn', KEY_FACT) + cell(bread, 'Corn', ALSO)).toMatch(/baking powder/);
  });

  it('without an English question list, the key facts alone make the table', () => {
    const es = md(
      '# Manchas\n\n## Manchas rojas\n\nLas manchas rojas salen en las mejillas después de un baño caliente.\n\n' +
        '## Manchas marrones\n\nLas manchas marrones vienen de muchos años de sol en las manos.\n\n## Manchas blancas\n\nLas manchas blancas vienen de un hongo que vive en la piel.\n',
      { lang: 'es' },
    );
    // (headed in the handout's language)
    expect(es.atAGlance?.columns).toEqual(['Qué lo distingue']);
    expect(cell(es.atAGlance!, 'Manchas blancas', 'Qué lo distingue')).toMatch(/hongo/);
  });

  it('a sheet that must fit one page drops its last columns first', () => {
    const two = withColumns(t, 1);
    expect(two.columns).toEqual([KEY_FACT]);
    expect(two.rows.every((r) => r.cells.length === 1)).toBe(true);
  });
});

describe('columns written by the author', () => {
  it('labelled facts written in the parts come first, in the order first seen; missing ones are empty', () => {
    const o = md('# Rocks\n\n## The three kinds\n\n### Igneous\n\n**Made from:** cooled lava.\n\n- Example: granite\n\n### Sedimentary\n\n**Made from:** layers of sand and mud.\n\n### Metamorphic\n\n- Example: marble\n');
    const t = o.atAGlance!;
    expect(t.columnsFrom).toBe('labelled facts');
    expect(t.columns).toEqual(['Made from', 'Example']);
    expect(t.rows.map((r) => [r.part, ...r.cells.map((c) => c.texts.join(' '))])).toEqual([
      ['Igneous', 'cooled lava.', 'granite'],
      ['Sedimentary', 'layers of sand and mud.', ''],
      ['Metamorphic', '', 'marble'],
    ]);
  });

  it('front matter columns pick statements by their words; a pointing-back sentence brings its antecedent', () => {
    const body = '# Snacks\n\n## Types of snack\n\n### Fruit\n\nFruit is sweet. It costs little at the market.\n\n### Nuts\n\nNuts are rich in fat. Nuts cost more than fruit.\n';
    const t = md(body, { summary: { columns: [{ label: 'Price', words: ['cost'] }] } }).atAGlance!;
    expect(t.columnsFrom).toBe('front matter');
    expect(t.columns).toEqual(['Price']);
    expect(t.rows.map((r) => r.cells[0].texts)).toEqual([['Fruit is sweet. It costs little at the market.'], ['Nuts cost more than fruit.']]);
  });
});

describe('plain text', () => {
  it('parts inferred from prose get the same cells', () => {
    const text =
      'Rashes come in two main kinds: dry and wet.\n\nDry rashes flake in cold winter air and itch at night.\n\nWet rashes weep a clear fluid and crust over in a day.\n';
    const o = buildOutline({ file: 'r.txt', slug: 'r', format: 'text', text, meta: { lang: 'en', keywords: [] } }, parsePlainText(text));
    expect(o.atAGlance?.rows.map((r) => [r.part, r.cells[0].texts[0]])).toEqual([
      ['Dry', 'Dry rashes flake in cold winter air and itch at night.'],
      ['Wet', 'Wet rashes weep a clear fluid and crust over in a day.'],
    ]);
  });

  it('headings that say what to do ("Carrying adrenaline", "Avoiding stings") are no kinds, so no table', () => {
    const text = ['Wasp stings', 'Most stings hurt and swell for a day and then settle without any treatment at all.', 'Carrying adrenaline', 'If a sting once made your throat swell, carry two adrenaline pens all summer.', 'Venom immunotherapy', 'A course of small venom doses over three years can switch the allergy off for most people.', 'Avoiding stings', 'Keep sweet drinks covered outdoors and check cans before you drink from them.'].join('\n\n');
    const o = buildOutline({ file: 'w.txt', slug: 'w', format: 'text', text, meta: { lang: 'en', keywords: [] } }, parsePlainText(text));
    expect(o.atAGlance).toBeUndefined();
  });

  it('a part written as "Name — what it is" gives its cell without the name the row shows', () => {
    const text = [
      'Swimming groups at Brook Lane',
      'The groups are:',
      '1. Ducklings — for children who are new to the water. Lessons are in the shallow teaching pool, with floats and a teacher in the water beside them.',
      '2. Otters — for children who can swim five metres alone. They learn to breathe to the side, to float on their back and to jump in safely.',
      '3. Dolphins — for children who can swim twenty-five metres. Lessons are in the main pool and add diving, treading water and tumble turns.',
    ].join('\n\n');
    const o = buildOutline({ file: 's.txt', slug: 's', format: 'text', text, meta: { lang: 'en', keywords: [] } }, parsePlainText(text));
    const cells = o.atAGlance!.rows.flatMap((r) => r.cells.flatMap((c) => c.texts));
    expect(cells).toContain('for children who are new to the water.');
    expect(cells.filter((c) => /^(?:\d\. )?(?:Ducklings|Otters|Dolphins) —/.test(c))).toEqual([]);
  });
});
