// quote-as-apostrophe: a double quotation mark typed (or converted) where an apostrophe
// belongs: `last week"s`, `don"t`, `O"Brien`. The fix puts in the apostrophe style the file
// already uses: ’ when its in-word apostrophes are mostly curly (or, with no apostrophes at all,
// when its quotation marks are mostly curly), else '.
//
// Only shapes an apostrophe really takes are flagged: a letter or digit before the mark and a
// contraction/possessive ending after it (s, t after n, re, ve, ll, d, m) that ends the word,
// or an Irish/French/Italian name prefix (O"Brien, D"Angelo, L"Aquila). `the"shortcut"` (a
// missing space before a quotation) and `5'11"` (inches) are not touched.

import type { Problem, Rule } from '../types';
import { isLetter, isLower, isUpper, isWordChar } from './text';

export const QUOTE_AS_APOSTROPHE_RULE_ID = 'quote-as-apostrophe';

const SUFFIXES = new Set(['s', 't', 're', 've', 'll', 'd', 'm']);

function isDoubleMark(c: number): boolean {
  return c === 0x22 || c === 0x201c || c === 0x201d;
}

/** The apostrophe this text mostly uses: ’ or '. */
export function apostropheStyle(text: string): '’' | "'" {
  let curly = 0;
  let straight = 0;
  let curlyQuotes = 0;
  let straightQuotes = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x27 || c === 0x2019 || c === 0x2bc) {
      if (isLetter(text.charCodeAt(i - 1)) && isLetter(text.charCodeAt(i + 1))) {
        if (c === 0x27) straight++;
        else curly++;
      }
    } else if (c === 0x22) straightQuotes++;
    else if (c === 0x201c || c === 0x201d) curlyQuotes++;
  }
  if (curly + straight > 0) return curly > straight ? '’' : "'";
  return curlyQuotes > straightQuotes ? '’' : "'";
}

/** Offsets of double quotation marks used as apostrophes. */
export function quoteApostrophes(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  for (let i = 1; i < n - 1; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x22 && c !== 0x201c && c !== 0x201d) continue;
    const prev = text.charCodeAt(i - 1);
    if (!isWordChar(prev)) continue;
    const next = text.charCodeAt(i + 1);
    if (!isLetter(next)) continue;
    let j = i + 1;
    while (j < n && j - i <= 3 && isLetter(text.charCodeAt(j))) j++;
    const after = j < n ? text.charCodeAt(j) : -1;
    const suffix = text.slice(i + 1, j).toLowerCase();
    let ok = false;
    if (!isLetter(after) && !isDoubleMark(after) && SUFFIXES.has(suffix)) {
      ok = suffix !== 't' || (prev | 0x20) === 0x6e; // don"t, can"t: t only after n
    } else if (isUpper(next) && isLower(text.charCodeAt(i + 2))) {
      // O"Brien, D"Angelo, L"Aquila: a lone O/D/L prefix.
      const p = prev | 0x20;
      ok = (p === 0x6f || p === 0x64 || p === 0x6c) && !isWordChar(text.charCodeAt(i - 2));
    }
    if (ok) out.push(i);
  }
  return out;
}

export const quoteAsApostropheRule: Rule = {
  id: QUOTE_AS_APOSTROPHE_RULE_ID,
  description: 'A double quotation mark used as an apostrophe inside a word.',
  defaultSeverity: 'warning',
  fixAll: true,
  // not block-local: the repair's apostrophe (’ or ') follows the style of the whole document
  check(text: string): Problem[] {
    try {
      const found = quoteApostrophes(text);
      if (found.length === 0) return [];
      const apostrophe = apostropheStyle(text);
      return found.map((i) => ({
        rule: QUOTE_AS_APOSTROPHE_RULE_ID,
        start: i,
        end: i + 1,
        severity: 'warning' as const,
        message: `A quotation mark is used as an apostrophe in \`${wordAround(text, i)}\``,
        fixes: [{ title: `Replace with an apostrophe (${apostrophe})`, edits: [{ start: i, end: i + 1, newText: apostrophe }], preferred: true }],
      }));
    } catch {
      return [];
    }
  },
};

function wordAround(text: string, i: number): string {
  let a = i;
  while (a > 0 && isWordChar(text.charCodeAt(a - 1)) && i - a < 40) a--;
  let b = i + 1;
  while (b < text.length && isWordChar(text.charCodeAt(b)) && b - i < 40) b++;
  return text.slice(a, b);
}
