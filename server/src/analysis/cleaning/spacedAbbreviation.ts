// spaced-abbreviation: `U. S.`, `U. N.`, `E. U.`, `Washington, D. C.` — two or more single
// capitals each followed by a full stop and a space, as some wire services and scrapers print
// them. The fix joins them: `U.S.`.
//
// Initials of names ("D. D. Eisenhower", "J. K. Rowling") look the same, so:
// - `spacedAbbreviations(text)` returns every candidate with what is known about it: whether it
//   is a known country/organisation abbreviation, and whether a capitalised word follows (a
//   surname after initials);
// - the per-document rule flags only known abbreviations (US, UK, UN, EU, USA, UAE, USSR, DC,
//   NYC), whatever follows (`U. S. Secretary of State`), except `U. S. Grant`;
// - `spacedAbbreviationProblems(text, joinedInCorpus)` also flags an unknown candidate when the
//   corpus elsewhere writes it joined (`joinedAbbreviations` collects those forms per file) and
//   no capitalised word follows it — never initials before a surname.

import type { Problem, Rule } from '../types';
import { isLetter, isLower, isUpper, isWordChar } from './text';

export const SPACED_ABBREVIATION_RULE_ID = 'spaced-abbreviation';

/** Known abbreviations, letters only. */
export const KNOWN_ABBREVIATIONS: ReadonlySet<string> = new Set(['US', 'UK', 'UN', 'EU', 'USA', 'UAE', 'USSR', 'DC', 'NYC']);

/** Surnames that follow a known abbreviation in a name: Ulysses S. Grant is "U. S. Grant". */
const NAME_AFTER_KNOWN = new Set(['Grant']);

export interface SpacedAbbreviation {
  start: number;
  end: number;
  /** As written, e.g. `U. S.`. */
  text: string;
  /** Joined, e.g. `U.S.`. */
  joined: string;
  /** The letters, e.g. `US`. */
  letters: string;
  /** A known country or organisation abbreviation (see KNOWN_ABBREVIATIONS). */
  known: boolean;
  /** A capitalised word follows: initials before a surname, unless `known`. */
  followedByName: boolean;
}

function isGap(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x202f;
}

/** Every run of two or more spaced single capitals (`X. Y.`), in text order. */
export function spacedAbbreviations(text: string): SpacedAbbreviation[] {
  const out: SpacedAbbreviation[] = [];
  const n = text.length;
  // Runs start at a capital's full stop: jump from one full stop to the next.
  for (let dot = text.indexOf('.', 1); dot >= 0 && dot < n - 2; dot = text.indexOf('.', dot + 1)) {
    const i = dot - 1;
    const c = text.charCodeAt(i);
    if (!isUpper(c) || !isGap(text.charCodeAt(i + 2))) continue;
    const before = i > 0 ? text.charCodeAt(i - 1) : -1;
    if (isWordChar(before) || before === 0x2e || before === 0x27 || before === 0x2019) continue;
    let letters = String.fromCharCode(c);
    let j = i + 2; // at the gap after a letter's full stop
    let end = i + 2;
    while (j + 2 < n + 1 && isGap(text.charCodeAt(j)) && isUpper(text.charCodeAt(j + 1)) && text.charCodeAt(j + 2) === 0x2e) {
      const after = j + 3 < n ? text.charCodeAt(j + 3) : -1;
      if (isLetter(after) || after === 0x2e) break; // `X. Y.Z` or a word: not a spaced initial
      letters += text[j + 1];
      end = j + 3;
      j = j + 3;
    }
    if (letters.length < 2) continue;
    // What follows: a capitalised word (a surname)?
    let k = end;
    if (isGap(text.charCodeAt(k))) k++;
    const followedByName = k > end && isUpper(text.charCodeAt(k)) && isLower(text.charCodeAt(k + 1));
    let word = '';
    if (followedByName) {
      let m = k;
      while (m < n && isLetter(text.charCodeAt(m))) m++;
      word = text.slice(k, m);
    }
    const known = KNOWN_ABBREVIATIONS.has(letters) && !NAME_AFTER_KNOWN.has(word);
    out.push({ start: i, end, text: text.slice(i, end), joined: letters.split('').join('.') + '.', letters, known, followedByName });
    dot = end - 1;
  }
  return out;
}

/** Abbreviations written joined (`U.S.`, `E.U.`), to learn from a corpus which spaced forms are errors. */
export function joinedAbbreviations(text: string): Set<string> {
  const out = new Set<string>();
  const re = /(?<![\p{L}\p{N}.])(?:\p{Lu}\.){2,}(?!\p{L})/gu;
  for (const m of text.matchAll(re)) out.add(m[0]);
  return out;
}

function toProblem(a: SpacedAbbreviation): Problem {
  return {
    rule: SPACED_ABBREVIATION_RULE_ID,
    start: a.start,
    end: a.end,
    severity: 'information',
    message: `Spaced abbreviation \`${a.text}\`: usually written \`${a.joined}\``,
    fixes: [{ title: `Join to \`${a.joined}\``, edits: [{ start: a.start, end: a.end, newText: a.joined }], preferred: true }],
  };
}

/**
 * Problems for spaced abbreviations: known ones always; others when `joinedInCorpus(joined)`
 * says the corpus writes them joined elsewhere and no surname follows.
 */
export function spacedAbbreviationProblems(text: string, joinedInCorpus?: (joined: string) => boolean): Problem[] {
  try {
    const out: Problem[] = [];
    for (const a of spacedAbbreviations(text)) {
      if (a.known || (!a.followedByName && joinedInCorpus !== undefined && joinedInCorpus(a.joined))) out.push(toProblem(a));
    }
    return out;
  } catch {
    return [];
  }
}

export const spacedAbbreviationRule: Rule = {
  id: SPACED_ABBREVIATION_RULE_ID,
  description: 'A known abbreviation printed with spaces (`U. S.`), joined by the fix (`U.S.`).',
  defaultSeverity: 'information',
  fixAll: true,
  blockLocal: true,
  check(text: string): Problem[] {
    return spacedAbbreviationProblems(text);
  },
};
