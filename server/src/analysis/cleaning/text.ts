// Small shared helpers for the cleaning rules: line iteration and character classes.
// Everything works on UTF-16 code units; nothing allocates per character.

/** A line of the text: content is [start, end); `next` is where the following line starts. */
export interface Line {
  start: number;
  end: number;
  next: number;
}

export function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

/** Lines of the text (\n, \r\n, \r, U+2028, U+2029 all end a line). Always at least one. */
export function lines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x0d && c !== 0x2028 && c !== 0x2029) continue;
    if (!isLineBreak(c)) continue;
    let next = i + 1;
    if (c === 0x0d && text.charCodeAt(next) === 0x0a) next++;
    out.push({ start, end: i, next });
    start = next;
    i = next - 1;
  }
  out.push({ start, end: n, next: n });
  return out;
}

/** Horizontal whitespace other than tab: space, no-break space and the Unicode spaces. */
export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Any horizontal whitespace, tab included. */
export function isBlankChar(c: number): boolean {
  return c === 0x09 || c === 0x0b || c === 0x0c || isSpace(c);
}

export function isBlankRange(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isBlankChar(text.charCodeAt(i))) return false;
  return true;
}

// Letter/digit classification, cached per UTF-16 unit (0 unknown, 1 letter, 2 digit, 3 other).
const kinds = new Uint8Array(65536);
const LETTER_RE = /[\p{L}\p{M}]/u;
const DIGIT_RE = /\p{Nd}/u;

function kind(c: number): number {
  let k = kinds[c];
  if (k !== 0) return k;
  if (c >= 0xd800 && c <= 0xdfff) k = 1; // surrogates: astral letters are rare; treat as word
  else {
    const s = String.fromCharCode(c);
    k = LETTER_RE.test(s) ? 1 : DIGIT_RE.test(s) ? 2 : 3;
  }
  kinds[c] = k;
  return k;
}

export function isLetter(c: number): boolean {
  if (c < 0x80) return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
  return c >= 0 && kind(c) === 1;
}

export function isDigit(c: number): boolean {
  if (c < 0x80) return c >= 0x30 && c <= 0x39;
  return kind(c) === 2;
}

export function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  return c >= 0 && kind(c) !== 3;
}

export function isUpper(c: number): boolean {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  if (!isLetter(c)) return false;
  const s = String.fromCharCode(c);
  return s !== s.toLowerCase();
}

export function isLower(c: number): boolean {
  if (c < 0x80) return c >= 0x61 && c <= 0x7a;
  if (!isLetter(c)) return false;
  const s = String.fromCharCode(c);
  return s !== s.toUpperCase();
}

export function isDash(c: number): boolean {
  return c === 0x2d || c === 0x2013 || c === 0x2014 || c === 0x2012 || c === 0x2015 || c === 0x2212;
}

/** Double quotation marks: " “ ” „ « ». */
export function isDoubleQuote(c: number): boolean {
  return c === 0x22 || c === 0x201c || c === 0x201d || c === 0x201e || c === 0xab || c === 0xbb;
}

/** Any quotation mark or apostrophe-like mark. */
export function isQuoteMark(c: number): boolean {
  return isDoubleQuote(c) || c === 0x27 || c === 0x2018 || c === 0x2019 || c === 0x201a;
}
