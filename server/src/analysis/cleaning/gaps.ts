// One linear scan that finds runs of two or more spaces inside lines and whitespace at line
// ends, and sorts them into the kinds the `word-gap` and `spacing` rules report.
//
// - Indentation (whitespace at a line start) is never reported.
// - Table rows are never reported: a line with a tab between its words, or with two or more
//   gaps of 2+ spaces whose cells are all short (≤ 30 characters and ≤ 4 words), is taken
//   for aligned columns.
// - An interior run between two words, or between a word and the punctuation after it
//   (`the   talks`, `a durable  .`), is a `word` / `before-punct` gap: a word was probably
//   dropped there. Every other interior run (after a full stop, around a dash, after a comma,
//   between quotation marks) is cosmetic spacing.

import { isBlankChar, isDash, isLineBreak, isSpace, isWordChar } from './text';

export type GapKind =
  /** Between two words: `the   talks`. */
  | 'word'
  /** Between a word and the punctuation after it: `durable  .`, `said  ,`. */
  | 'before-punct'
  /** After a sentence end (. ? ! …, possibly followed by a closing mark). */
  | 'sentence'
  /** Next to a dash: `(AP)  —   U.S.`. */
  | 'dash'
  /** Any other run of 2+ spaces inside a line. */
  | 'other'
  /** Whitespace at the end of a line (or a line of nothing but whitespace). */
  | 'trailing';

export interface Gap {
  start: number;
  end: number;
  kind: GapKind;
}

/** Longest cell (characters, words) of a line still taken for a table row. */
const MAX_CELL = 30;
const MAX_CELL_WORDS = 4;

/**
 * Two or more gaps of 2+ spaces whose cells are all short (≤ 30 characters, ≤ 4 words) make a
 * table row. A lone dash between two gaps (`(AP)  —   The`) is a separator, not a cell.
 */
function looksLikeTableRow(text: string, cs: number, ce: number, runs: number[]): boolean {
  let cells = 0;
  let prev = cs;
  for (let r = 0; r <= runs.length; r += 2) {
    const segEnd = r < runs.length ? runs[r] : ce;
    const len = segEnd - prev;
    if (!(len === 1 && isDash(text.charCodeAt(prev)))) {
      if (len > MAX_CELL) return false;
      let words = 1;
      for (let i = prev; i < segEnd; i++) if (isSpace(text.charCodeAt(i))) words++;
      if (words > MAX_CELL_WORDS) return false;
      cells++;
    }
    if (r < runs.length) prev = runs[r + 1];
  }
  return cells >= 3;
}

function isSentenceEnd(c: number): boolean {
  return c === 0x2e || c === 0x3f || c === 0x21 || c === 0x2026;
}

function isCloser(c: number): boolean {
  // " ” ’ ' ) ] »
  return c === 0x22 || c === 0x201d || c === 0x2019 || c === 0x27 || c === 0x29 || c === 0x5d || c === 0xbb;
}

function isFollowingPunct(c: number): boolean {
  // , . ; : ? !
  return c === 0x2c || c === 0x2e || c === 0x3b || c === 0x3a || c === 0x3f || c === 0x21;
}

function classify(text: string, lineStart: number, start: number, end: number): GapKind {
  const p = text.charCodeAt(start - 1);
  const n = text.charCodeAt(end);
  if (isWordChar(p)) {
    if (isWordChar(n)) return 'word';
    if (isFollowingPunct(n)) return 'before-punct';
  }
  if (isDash(p) || isDash(n)) return 'dash';
  if (isSentenceEnd(p)) return 'sentence';
  if (isCloser(p)) {
    let k = start - 2;
    if (k >= lineStart && text.charCodeAt(k) === 0x20) k--; // `dead. "  "We`: a stray space before the closer
    if (k >= lineStart && isSentenceEnd(text.charCodeAt(k))) return 'sentence';
  }
  return 'other';
}

/**
 * A blank followed by another blank or a line end: every line with a gap to report holds one
 * (a run of 2+, trailing whitespace, a blank line of spaces), so lines without are not scanned.
 */
const CANDIDATE = /[\t\v\f \u00a0\u2000-\u200a\u202f\u205f\u3000](?:[\t\v\f \u00a0\u2000-\u200a\u202f\u205f\u3000\n\r\u2028\u2029]|$)/g;

// word-gap and spacing both read the gaps of the same text, one after the other.
let lastText: string | undefined;
let lastGaps: readonly Gap[] = [];

/** Runs of whitespace in each line, classified; table rows and indentation are left out. */
export function scanGaps(text: string): readonly Gap[] {
  if (text === lastText) return lastGaps;
  const out: Gap[] = [];
  const runs: number[] = []; // [start, end] pairs of interior runs of the current line
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    let ls = m.index;
    while (ls > 0 && !isLineBreak(text.charCodeAt(ls - 1))) ls--;
    let le = m.index;
    while (le < text.length && !isLineBreak(text.charCodeAt(le))) le++;
    scanLine(text, ls, le, runs, out);
    CANDIDATE.lastIndex = le;
  }
  lastText = text;
  lastGaps = out;
  return out;
}

/** The gaps of the line [ls, le) (exported for the test that checks the candidate filter). */
export function scanLine(text: string, ls: number, le: number, runs: number[], out: Gap[]): void {
  // Content bounds: skip indentation and trailing whitespace.
  let cs = ls;
  while (cs < le && isBlankChar(text.charCodeAt(cs))) cs++;
  let ce = le;
  while (ce > cs && isBlankChar(text.charCodeAt(ce - 1))) ce--;
  if (cs === le) {
    out.push({ start: ls, end: le, kind: 'trailing' }); // a line of nothing but whitespace
    return;
  }
  runs.length = 0;
  let table = false;
  for (let i = cs; i < ce; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x09) {
      table = true; // a tab between words aligns columns
      break;
    }
    if (!isSpace(c)) continue;
    let j = i + 1;
    while (j < ce && isBlankChar(text.charCodeAt(j))) j++;
    if (j - i >= 2) {
      for (let k = i; k < j; k++) if (text.charCodeAt(k) === 0x09) table = true;
      runs.push(i, j);
    }
    i = j - 1;
  }
  if (!table && runs.length >= 4) table = looksLikeTableRow(text, cs, ce, runs);
  if (table) return;
  for (let r = 0; r < runs.length; r += 2) {
    out.push({ start: runs[r], end: runs[r + 1], kind: classify(text, ls, runs[r], runs[r + 1]) });
  }
  if (ce < le) out.push({ start: ce, end: le, kind: 'trailing' });
}
