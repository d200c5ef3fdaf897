// Reverse maps (character -> byte) for the code pages in codePages.ts, plus the UTF-8
// byte arithmetic the mojibake detector needs. Built once at load; lookups are O(1).
import { MAC_ROMAN, WINDOWS_1250, WINDOWS_1251, WINDOWS_1252 } from './codePages';

export interface CodePage {
  /** Index into CODE_PAGES. */
  id: number;
  /** Name used in messages. */
  name: string;
  /** Byte for each BMP code unit, or -1 when the page has no such character. */
  toByte: Int16Array;
}

function makePage(id: number, name: string, upper: string, keepLatin1Controls: boolean): CodePage {
  const toByte = new Int16Array(0x10000).fill(-1);
  for (let b = 0; b < 0x80; b++) toByte[b] = b;
  // Text decoded as Latin-1 instead of Windows-1252 carries C1 controls where the
  // Windows-1252 symbols would be; both mean the same byte, so accept either.
  if (keepLatin1Controls) for (let b = 0x80; b < 0xa0; b++) toByte[b] = b;
  for (let i = 0; i < 128; i++) toByte[upper.charCodeAt(i)] = 0x80 + i;
  return { id, name, toByte };
}

export const CP1252 = 0;
export const CP1251 = 1;
export const CP1250 = 2;
export const MACROMAN = 3;

/** In priority order: when two pages explain a run equally, the earlier one wins. */
export const CODE_PAGES: readonly CodePage[] = [
  makePage(CP1252, 'Windows-1252', WINDOWS_1252, true),
  makePage(CP1251, 'Windows-1251', WINDOWS_1251, false),
  makePage(CP1250, 'Windows-1250', WINDOWS_1250, false),
  makePage(MACROMAN, 'MacRoman', MAC_ROMAN, false),
];

/** Bit flags per BMP code unit: 1 = some page maps it to a byte >= 0x80. */
export const HIGH = new Uint8Array(0x10000);
/** Sorted code units that some page maps to a UTF-8 lead byte (0xC2-0xF4). */
const leadChars = new Set<number>();
/** ... and to a UTF-8 continuation byte (0x80-0xBF). */
const contChars = new Set<number>();
for (const page of CODE_PAGES) {
  for (let cu = 0x80; cu < 0x10000; cu++) {
    const b = page.toByte[cu];
    if (b < 0x80) continue;
    HIGH[cu] = 1;
    if (b <= 0xbf) contChars.add(cu);
    else if (b >= 0xc2 && b <= 0xf4) leadChars.add(cu);
  }
}

/** Number of bytes in a UTF-8 sequence that starts with `b`, or 0 if `b` cannot start one. */
export function sequenceLength(b: number): number {
  if (b < 0xc2) return 0;
  if (b <= 0xdf) return 2;
  if (b <= 0xef) return 3;
  if (b <= 0xf4) return 4;
  return 0;
}

export function isContinuation(b: number): boolean {
  return b >= 0x80 && b <= 0xbf;
}

/**
 * Decodes one UTF-8 sequence from already-validated lead and continuation bytes; returns
 * -1 for overlong forms, surrogates and values past U+10FFFF.
 */
export function decodeSequence(bytes: readonly number[]): number {
  const b0 = bytes[0];
  if (bytes.length === 2) return ((b0 & 0x1f) << 6) | (bytes[1] & 0x3f);
  if (bytes.length === 3) {
    if (b0 === 0xe0 && bytes[1] < 0xa0) return -1;
    if (b0 === 0xed && bytes[1] >= 0xa0) return -1;
    return ((b0 & 0x0f) << 12) | ((bytes[1] & 0x3f) << 6) | (bytes[2] & 0x3f);
  }
  if (b0 === 0xf0 && bytes[1] < 0x90) return -1;
  if (b0 === 0xf4 && bytes[1] >= 0x90) return -1;
  return ((b0 & 0x07) << 18) | ((bytes[1] & 0x3f) << 12) | ((bytes[2] & 0x3f) << 6) | (bytes[3] & 0x3f);
}

function charClass(codes: Set<number>): string {
  const sorted = [...codes].sort((a, b) => a - b);
  let out = '';
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    const hex = (n: number) => '\\u' + n.toString(16).padStart(4, '0');
    out += i === j ? hex(sorted[i]) : hex(sorted[i]) + '-' + hex(sorted[j]);
    i = j;
  }
  return out;
}

/**
 * The pre-scan: a lead character directly followed by a continuation character in the
 * union of all pages, or one of the shapes left when a byte was lost (`Â` before a space
 * or line end, `Ã` between lower-case letters). Clean ASCII and most clean accented text
 * never match, so whole documents are dismissed by one native regex scan.
 */
export const SUSPECT = new RegExp(
  `[${charClass(leadChars)}][${charClass(contChars)}]|\\u00c2(?=[ \\t\\r\\n]|$)|\\u00c3(?=[a-z ])`,
  'g',
);
