// Canonical form of quoted text: what two outlets printing the same words have in common
// once typography, case, punctuation and acronym spelling are set aside.

const APOSTROPHES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4\u02BC\u02BB\uFF07]/g;
// Single letters each followed by a period, optionally spaced: "U. S.", "U.S.", "e.g." -> "US", "eg".
const DOTTED_ACRONYM = /(?<![\p{L}\p{N}])(?:\p{L}\.\s?){2,}/gu;
// Thousands separators and decimal points inside numbers: "300,000" == "300000".
const NUMBER_PUNCT = /(?<=\p{N})[.,](?=\p{N})/gu;
const HAS_DOTTED = /\p{L}\.\s?\p{L}\./u;
const HAS_NUMBER_PUNCT = /\d[.,]\d/;
// Anything that is not a letter, digit, mark or apostrophe separates words.
const NON_WORD = /[^\p{L}\p{N}\p{M}']+/gu;

// ASCII text is its own NFKC form; its only apostrophe variant is the backtick, and its letters
// and digits after lower-casing are a-z and 0-9 (no marks): the same result without Unicode work.
const NON_ASCII = /[^\x00-\x7f]/;
const NON_WORD_ASCII = /[^a-z0-9']+/g;
const HAS_DOTTED_ASCII = /[A-Za-z]\.\s?[A-Za-z]\./;

export function canonicalize(text: string): { canonical: string; tokens: string[] } {
  const tokens = canonicalTokens(text);
  return { canonical: tokens.join(' '), tokens };
}

/** The words of canonicalize(text), without joining them (the quote index needs only the words). */
export function canonicalTokens(text: string): string[] {
  const ascii = !NON_ASCII.test(text);
  if (ascii && !HAS_DOTTED_ASCII.test(text) && !HAS_NUMBER_PUNCT.test(text)) return asciiWords(text);
  // Fold before NFKC too: it turns ´ into a space and a combining accent.
  let s = ascii ? (text.includes('`') ? text.replace(APOSTROPHES, "'") : text) : text.replace(APOSTROPHES, "'").normalize('NFKC').replace(APOSTROPHES, "'");
  // The lookbehind patterns are slow; most quotes contain neither an acronym nor a number.
  if (HAS_DOTTED.test(s)) s = s.replace(DOTTED_ACRONYM, (m) => m.replace(/[.\s]/g, '') + ' ');
  if (HAS_NUMBER_PUNCT.test(s)) s = s.replace(NUMBER_PUNCT, '');
  s = s.toLowerCase().replace(ascii ? NON_WORD_ASCII : NON_WORD, ' ');
  const tokens: string[] = [];
  for (const raw of s.split(' ')) {
    // Apostrophes only count inside a word (Russia's), never as quote marks around one.
    const word = trimApostrophes(raw);
    if (word) tokens.push(word);
  }
  return tokens;
}

function trimApostrophes(word: string): string {
  let a = 0;
  let b = word.length;
  while (a < b && word.charCodeAt(a) === 39) a++;
  while (b > a && word.charCodeAt(b - 1) === 39) b--;
  return a === 0 && b === word.length ? word : word.slice(a, b);
}

/** canonicalTokens for ASCII text without dotted acronyms or number punctuation, in one pass. */
function asciiWords(text: string): string[] {
  const tokens: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    // a run of letters, digits and apostrophes (a backtick is one)
    if (!isAsciiWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let a = i;
    while (i < n && isAsciiWordChar(text.charCodeAt(i))) i++;
    let b = i;
    while (a < b && isApostrophe(text.charCodeAt(a))) a++;
    while (b > a && isApostrophe(text.charCodeAt(b - 1))) b--;
    if (a === b) continue;
    let word = text.slice(a, b).toLowerCase();
    if (word.includes('`')) word = word.replace(/`/g, "'");
    tokens.push(word);
  }
  return tokens;
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 96;
}

function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 39 || c === 96;
}
