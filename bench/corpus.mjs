// @ts-check
/**
 * A deterministic corpus of handouts for the benchmark: headings, paragraphs with bold and
 * italic runs, bullet and numbered lists, a table, a key-points box; some in Spanish.
 * Same seed, same files, on every machine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A small seeded generator (mulberry32): the corpus never depends on Math.random. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN = 'your care team can help you plan each day with simple steps that keep you safe and well at home and at work when symptoms change or new questions come up about medicines food sleep and activity'.split(' ');
const ES = 'su equipo de salud puede ayudarle a planear cada día con pasos sencillos que le mantengan seguro y bien en casa y en el trabajo cuando cambian los síntomas o surgen preguntas sobre medicinas comida sueño y actividad'.split(' ');

export function writeCorpus(dir, count, seed = 42) {
  mkdirSync(dir, { recursive: true });
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  for (let n = 1; n <= count; n++) {
    const spanish = n % 10 === 0;
    const words = spanish ? ES : EN;
    const sentence = (len) => {
      const w = Array.from({ length: len }, () => pick(words));
      // The same draws in the same order whatever the length, so the corpus stays the same; a
      // sentence too short for the word gets no emphasis (it used to print "*undefined*").
      if (rnd() < 0.3 && len > 2) w[2] = `**${w[2]}**`;
      if (rnd() < 0.2 && len > 5) w[5] = `*${w[5]}*`;
      const s = w.join(' ');
      return s.charAt(0).toUpperCase() + s.slice(1) + '.';
    };
    const paragraph = () => Array.from({ length: 3 + Math.floor(rnd() * 3) }, () => sentence(8 + Math.floor(rnd() * 8))).join(' ');
    const parts = [
      '---',
      `title: ${spanish ? 'Folleto' : 'Handout'} ${n}`,
      `lang: ${spanish ? 'es' : 'en'}`,
      `version: "1.${n % 7}"`,
      `reviewed: 2026-${String((n % 12) + 1).padStart(2, '0')}-15`,
      'audience: Patients and families',
      '---',
      '',
      paragraph(),
      '',
      `## ${spanish ? 'Puntos clave' : 'Key points'}`,
      '',
      ...Array.from({ length: 4 }, () => `- ${sentence(7)}`),
    ];
    for (let s = 1; s <= 4; s++) {
      parts.push('', `## ${sentence(3).slice(0, -1)}`, '', paragraph(), '', paragraph());
      if (s === 2) parts.push('', ...Array.from({ length: 5 }, (_, i) => `${i + 1}. ${sentence(9)}`));
      if (s === 3) {
        parts.push('', '| Medicine | When | Notes |', '|---|---|---|');
        for (let r = 0; r < 6; r++) parts.push(`| ${pick(words)} ${r + 1} | ${pick(['Morning', 'Noon', 'Evening', 'Bedtime'])} | ${sentence(6)} |`);
      }
    }
    parts.push('');
    writeFileSync(path.join(dir, `handout-${String(n).padStart(4, '0')}.md`), parts.join('\n'));
  }
}
