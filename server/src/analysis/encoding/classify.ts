// Character classes the encoding rules reason about. Kept table-free and branchy on
// purpose: these run only on the rare characters a pre-scan has already singled out.

/** What a decoded code point would be as text, for judging whether a repair is plausible. */
export type DecodedClass = 'latin' | 'punct' | 'symbol' | 'script' | 'combining' | 'c1' | 'bad';

/**
 * Classifies a code point by how plausible it is as the *intended* character behind a
 * mojibake run. 'bad' means: decoding to this is more likely an accident than a repair
 * (IPA, archaic scripts, private use, surrogates, unassigned-looking blocks).
 */
export function classifyDecoded(cp: number): DecodedClass {
  if (cp < 0x80) return 'bad'; // UTF-8 never spends two bytes on ASCII
  if (cp < 0xa0) return 'c1';
  if (cp <= 0x17f) return 'latin';
  if (cp === 0x192 || cp === 0x1a0 || cp === 0x1a1 || cp === 0x1af || cp === 0x1b0 || (cp >= 0x1cd && cp <= 0x1dc) || (cp >= 0x218 && cp <= 0x21b)) return 'latin';
  if (cp < 0x300) return 'bad';
  if (cp < 0x370) return 'combining';
  if (cp >= 0x386 && cp <= 0x3ce) return 'script'; // Greek
  if (cp < 0x400) return 'bad';
  if (cp <= 0x45f || (cp >= 0x490 && cp <= 0x4ff)) return 'script'; // Cyrillic
  if (cp >= 0x531 && cp <= 0x587) return 'script'; // Armenian
  if (cp >= 0x5d0 && cp <= 0x5ea) return 'script'; // Hebrew letters
  if (cp >= 0x600 && cp <= 0x6ff) return 'script'; // Arabic
  if (cp >= 0x900 && cp <= 0xe7f) return 'script'; // Indic, Sinhala, Thai
  if (cp >= 0x10a0 && cp <= 0x10ff) return 'script'; // Georgian
  if (cp >= 0x1e00 && cp <= 0x1eff) return 'latin'; // Vietnamese and friends
  if (cp >= 0x1f00 && cp <= 0x1fff) return 'script'; // polytonic Greek
  if (cp >= 0x2000 && cp <= 0x206f) return 'punct';
  if (cp >= 0x2070 && cp <= 0x27bf) return 'symbol'; // currency, letterlike, arrows, math, boxes, dingbats
  if (cp >= 0x2e80 && cp <= 0x2fdf) return 'script';
  if (cp >= 0x3000 && cp <= 0x303f) return 'symbol';
  if (cp >= 0x3040 && cp <= 0x31ff) return 'script'; // kana, bopomofo
  if (cp >= 0x3400 && cp <= 0x4dbf) return 'script';
  if (cp >= 0x4e00 && cp <= 0x9fff) return 'script';
  if (cp >= 0xac00 && cp <= 0xd7a3) return 'script'; // Hangul
  if (cp >= 0xf900 && cp <= 0xfaff) return 'script';
  if (cp >= 0xfb00 && cp <= 0xfb06) return 'latin'; // ﬁ ﬂ ligatures from PDFs
  if (cp >= 0xfe00 && cp <= 0xfe0f) return 'symbol'; // variation selectors
  if (cp >= 0xfe30 && cp <= 0xfe4f) return 'symbol';
  if (cp === 0xfeff || cp === 0xfffd) return 'symbol';
  if (cp >= 0xff01 && cp <= 0xffef) return 'script'; // fullwidth and halfwidth forms
  if (cp >= 0x1d400 && cp <= 0x1d7ff) return 'symbol';
  if (cp >= 0x1f000 && cp <= 0x1faff) return 'symbol'; // emoji
  if (cp >= 0x20000 && cp <= 0x3ffff) return 'script'; // CJK extensions
  if (cp >= 0xe0020 && cp <= 0xe007f) return 'symbol'; // emoji tag sequences
  return 'bad';
}

const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;

export function isLetter(ch: string): boolean {
  return ch !== '' && LETTER.test(ch);
}

export function isUpper(ch: string): boolean {
  return ch !== '' && UPPER.test(ch);
}

export function isNonAsciiLetter(ch: string): boolean {
  return ch !== '' && ch.charCodeAt(0) >= 0x80 && LETTER.test(ch);
}

export function isAsciiLower(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

export function isWhitespaceCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c || code === 0xa0;
}

/** Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, NKo, presentation forms). */
export function isRtlCode(code: number): boolean {
  return (code >= 0x590 && code <= 0x8ff) || (code >= 0xfb1d && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfefc);
}

const NAMES: Record<number, string> = {
  0x00: 'NULL', 0x07: 'BELL', 0x08: 'BACKSPACE', 0x0b: 'LINE TABULATION', 0x1b: 'ESCAPE', 0x7f: 'DELETE',
  0xa0: 'NO-BREAK SPACE', 0xad: 'SOFT HYPHEN', 0x34f: 'COMBINING GRAPHEME JOINER', 0x61c: 'ARABIC LETTER MARK',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR', 0x200b: 'ZERO WIDTH SPACE', 0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER', 0x200e: 'LEFT-TO-RIGHT MARK', 0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR', 0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING', 0x202b: 'RIGHT-TO-LEFT EMBEDDING', 0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE', 0x202e: 'RIGHT-TO-LEFT OVERRIDE', 0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION', 0x2062: 'INVISIBLE TIMES', 0x2063: 'INVISIBLE SEPARATOR', 0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE', 0x2067: 'RIGHT-TO-LEFT ISOLATE', 0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE', 0xfeff: 'ZERO WIDTH NO-BREAK SPACE (byte order mark)',
  0xfffd: 'REPLACEMENT CHARACTER',
};

/** Characters that cannot be shown between backticks: controls, spaces that look like nothing. */
function isInvisible(code: number): boolean {
  return (
    code < 0x20 || (code >= 0x7f && code <= 0xa0) || code === 0xad || code === 0x34f || code === 0x61c ||
    code === 0x180e || (code >= 0x200b && code <= 0x200f) || (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x206f) || (code >= 0xfe00 && code <= 0xfe0f) || code === 0xfeff
  );
}

/** `U+200B ZERO WIDTH SPACE`, `U+0092 (C1 control)`, ... */
export function codePointName(cp: number): string {
  const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  const name = NAMES[cp];
  if (name) return `${hex} ${name}`;
  if (cp >= 0xfe00 && cp <= 0xfe0f) return `${hex} VARIATION SELECTOR-${cp - 0xfe00 + 1}`;
  if (cp < 0x20 || cp === 0x7f) return `${hex} (control character)`;
  if (cp >= 0x80 && cp < 0xa0) return `${hex} (C1 control character)`;
  return hex;
}

/**
 * Renders text for a message: visible stretches in backticks, invisible characters by
 * code point and name, joined with " + ". The empty string is "nothing".
 */
export function show(text: string): string {
  if (text === '') return 'nothing';
  const parts: string[] = [];
  let visible = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (isInvisible(cp)) {
      if (visible) parts.push('`' + visible + '`');
      visible = '';
      parts.push(codePointName(cp));
    } else {
      visible += ch;
    }
  }
  if (visible) parts.push('`' + visible + '`');
  return parts.join(' + ');
}
