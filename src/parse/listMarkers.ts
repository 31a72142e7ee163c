/**
 * List markers in plain text, where lists have no syntax of their own: a line that opens with a
 * bullet ("- ", "• ", "◦ ", "▪ ", "✓ ", "● ", "► "), a number ("1. ", "2) ") or a letter ("a) "). Word
 * processors write a second-level bullet as a letter "o", which counts before a capital ("o Take
 * it with food"), not before a word ("o bien", Spanish "or").
 * One definition for the parse stage (a marker starts a paragraph) and the outline (a marked
 * paragraph is a list item).
 */
// Also the bullets a PDF or a word processor leaves when its text is copied: "●", "►", "❖", and the
// private-use characters of the Symbol and Wingdings fonts ("\uF0B7" is Symbol's bullet), which no
// font draws: printed, they would be empty boxes.
// (Not "♦", a card's suit: "♦ J 10 4 2" is a bridge hand.)
const BULLETS = '-*•·–◦▪‣⁃○■□➢✓✔●►▶➤◆❖\uF0A7\uF0A8\uF0B7\uF06E\uF071\uF076\uF0D8\uF0FC';

/** Groups: 1 a bullet, 2 a number, 3 a letter. */
export const LIST_MARKER = new RegExp(`^\\s*(?:([${BULLETS}]|o(?=\\s+\\p{Lu}))|(\\d{1,3})[.)]|([a-z])[.)])\\s+(?=\\S)`, 'u');

/** A bullet only, not a number or a letter. */
export const BULLET_MARKER = new RegExp(`^\\s*(?:[${BULLETS}]|o(?=\\s+\\p{Lu}))\\s+`, 'u');
