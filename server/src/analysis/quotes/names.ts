// Word tokens and the small grammar of attribution subjects: which words before or after a
// speech verb name its speaker ("the Italian Foreign Minister Angelino Alfano" -> "Angelino Alfano").

import { ABBREVIATIONS, AUX_ADVERBS, NAME_PARTICLES, NAME_STOPWORDS, OTHER_PRONOUNS, RESOLVABLE_PRONOUNS, ROLE_NOUNS, TITLES } from './lexicon';
import { BlockMemo, lineEnds } from '../blocks';

export interface Tok {
  text: string;
  lower: string;
  start: number;
  end: number;
  word: boolean;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** The gap before this token holds a line break. */
  afterBreak: boolean;
}

export type SubjectKind = 'name' | 'pronoun' | 'role' | 'unresolvable';

export interface Subject {
  kind: SubjectKind;
  /** Name without honorific for 'name'; the mention's text otherwise. */
  name: string;
  start: number;
  end: number;
}

const UPPER = /^\p{Lu}/u;
const ACRONYM = /^\p{Lu}{2,}$/u;
/** Nationality adjectives: "the Russian general staff said" names no one called Russian. */
const DEMONYM = /(?:ian|an|ese|ish|ic|i)$/;
const PREFIXED_NAME = /^(?:al|el|bin|ibn|abu|ad|as)-\p{Lu}/u;

/** Organisation heads: "Foreign Ministry" is an institution, not a minister called Ministry. */
const ORG_NOUNS = new Set(
  'ministry department office house council government kremlin party agency committee commission court army police embassy company bank union staff service services administration parliament senate congress cabinet assembly institute foundation organisation organization board authority authorities group'.split(' '),
);

/**
 * Word tokens (a letter or digit, then letters, digits, marks, apostrophes, hyphens) and one-character
 * punctuation tokens (anything else but white space), scanned by character code: the quote layer
 * tokenises every document whole, and a regex match, a slice and a test per token cost four times
 * as much.
 */
export function tokenize(text: string, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  let lastEnd = from;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c < 128 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) : isSpaceCode(c)) {
      i++;
      continue;
    }
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < to && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
    const start = i;
    const isWord = c < 128 ? isAsciiAlnum(c) : isLetterOrNumber(text, i, width);
    i += width;
    if (isWord) {
      while (i < to) {
        const d = text.charCodeAt(i);
        if (d < 128) {
          if (isAsciiAlnum(d) || d === 0x27 || d === 0x2d) i++;
          else break;
        } else if (d === 0x2019) i++;
        else {
          const w = d >= 0xd800 && d <= 0xdbff && i + 1 < to && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
          if (isWordContinuation(text, i, w)) i += w;
          else break;
        }
      }
    }
    const afterBreak = hasBreak(text, lastEnd, start);
    lastEnd = i;
    const raw = text.slice(start, i);
    if (!isWord && c === 0x2e && out.length) {
      // The period of "Mr." or "U." binds to its word rather than ending a sentence.
      const prev = out[out.length - 1];
      if (prev.word && (ABBREVIATIONS.has(prev.lower) || (prev.text.length === 1 && prev.cap))) continue;
    }
    let lower = raw.toLowerCase();
    if (lower.includes('’')) lower = lower.replace(/’/g, "'");
    const cap = c < 128 ? c >= 65 && c <= 90 : UPPER.test(raw);
    out.push({ text: raw, lower, start, end: i, word: isWord, cap, afterBreak });
  }
  return out;
}

/** The tokens of each line of the last document (kept tokens slice a copy of their line, never the document). */
const lineTokens = new BlockMemo((line) => tokenize(line, 0, line.length), lineEnds);

/**
 * `tokenize(text, 0, text.length)`. For a new version of the document read last (most of the text
 * shared with it), line by line, reusing the tokens of the lines the two share: a keystroke changes one
 * line of an article, and the attribution layer tokenises the whole article on every version of it.
 * Tokens never cross a line break; across one, the first token of a line always follows a break, and
 * full stops opening a line still bind to an abbreviation or initial ending an earlier one.
 */
export function tokenizeDocument(text: string): Tok[] {
  const lines = lineTokens.blocks(text);
  // another document, or one line: one plain pass (indexing reads thousands of them)
  if (!lines) return tokenize(text, 0, text.length);
  const out: Tok[] = [];
  for (const { value: own, offset: lineStart } of lines) {
    let opening = true; // full stops opening the line ("Dr\n..") bind to the word before it
    for (let k = 0; k < own.length; k++) {
      const t = own[k];
      if (opening && out.length > 0 && !t.word && t.text === '.') {
        const prev = out[out.length - 1];
        if (prev.word && (ABBREVIATIONS.has(prev.lower) || (prev.text.length === 1 && prev.cap))) continue;
      }
      opening = false;
      const afterBreak = k === 0 && lineStart > 0 ? true : t.afterBreak;
      out.push({ text: t.text, lower: t.lower, start: t.start + lineStart, end: t.end + lineStart, word: t.word, cap: t.cap, afterBreak });
    }
  }
  return out;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** White space as `\s` has it, beyond ASCII. */
function isSpaceCode(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const WORD_CONTINUATION = /^[\p{L}\p{N}\p{M}'’\-]$/u;

function isLetterOrNumber(text: string, i: number, width: number): boolean {
  return LETTER_OR_NUMBER.test(text.slice(i, i + width));
}

function isWordContinuation(text: string, i: number, width: number): boolean {
  return WORD_CONTINUATION.test(text.slice(i, i + width));
}

function hasBreak(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

export function isNameWord(t: Tok): boolean {
  return t.word && (t.cap || PREFIXED_NAME.test(t.text));
}

function bare(t: Tok): string {
  return t.lower.replace(/['’]s$/, '');
}

function isTitle(t: Tok): boolean {
  return TITLES.has(bare(t));
}

/**
 * The speaker named by a run of name-like words ("US Secretary of State Rex Tillerson" arrives here
 * as "State Rex Tillerson"): titles stripped, institutions kept whole.
 */
export function nameFromRun(run: Tok[], text: string): Subject | null {
  let a = 0;
  while (a < run.length && NAME_STOPWORDS.has(run[a].lower)) a++;
  if (a >= run.length) return null;
  const last = run[run.length - 1];
  if (ORG_NOUNS.has(bare(last))) return { kind: 'name', name: surface(text, run[a], last), start: run[a].start, end: last.end };
  let t = -1;
  for (let i = run.length - 1; i >= a; i--) {
    if (isTitle(run[i])) {
      t = i;
      break;
    }
  }
  if (t === run.length - 1) return { kind: 'role', name: surface(text, run[a], last), start: run[a].start, end: last.end };
  let first = Math.max(a, t + 1, run.length - 3);
  // "UN Nikki Haley", "US Rex Tillerson": a leading acronym qualifies the person rather than naming them.
  while (first < run.length - 1 && (!isNameWord(run[first]) || ACRONYM.test(run[first].text))) first++;
  if (!isNameWord(last)) return null;
  return { kind: 'name', name: surface(text, run[first], last), start: run[first].start, end: last.end };
}

function surface(text: string, a: Tok, b: Tok): string {
  return text.slice(a.start, b.end).replace(/['’]s$/, '').replace(/\s+/g, ' ');
}

/** The subject of a verb given the words right before it (already cut at clause punctuation). */
export function subjectBefore(words: Tok[], text: string): Subject | null {
  let k = words.length;
  while (k > 0 && !words[k - 1].cap && (AUX_ADVERBS.has(words[k - 1].lower) || /ly$/.test(words[k - 1].lower))) k--;
  if (k === 0) return null;
  const last = words[k - 1];
  if (RESOLVABLE_PRONOUNS.has(last.lower)) return { kind: 'pronoun', name: last.text, start: last.start, end: last.end };
  if (OTHER_PRONOUNS.has(last.lower)) return { kind: 'unresolvable', name: last.text, start: last.start, end: last.end };
  if (isNameWord(last)) {
    let r = k - 1;
    while (r > 0 && k - r < 8 && (isNameWord(words[r - 1]) || (NAME_PARTICLES.has(words[r - 1].lower) && r - 1 > 0))) r--;
    return nameFromRun(words.slice(r, k), text);
  }
  // A lower-case description: "the minister", "the secretary of state", "the ministry".
  const from = Math.max(0, k - 5);
  const phrase = words.slice(from, k);
  let det = -1;
  for (let i = phrase.length - 1; i >= 0; i--) {
    if (phrase[i].lower === 'the' || phrase[i].lower === 'a' || phrase[i].lower === 'an') {
      det = i;
      break;
    }
  }
  const head = phrase.slice(det + 1);
  if (!head.length || head.every((w) => NAME_STOPWORDS.has(w.lower))) return null;
  const role = head.some((w) => ROLE_NOUNS.has(w.lower));
  // Without a determiner only a bare role noun ("officials said" aside) reads as a subject.
  if (det < 0 && !(role && head.length === 1)) return null;
  const kind: SubjectKind = role ? 'role' : 'name';
  return { kind, name: surface(text, head[0], head[head.length - 1]), start: head[0].start, end: head[head.length - 1].end };
}

/** The subject that follows a verb or "according to": "said Mr Putin", "said the minister". */
export function subjectAfter(words: Tok[], text: string): Subject | null {
  let i = 0;
  while (i < words.length && NAME_STOPWORDS.has(words[i].lower) && !RESOLVABLE_PRONOUNS.has(words[i].lower)) i++;
  if (i < words.length && RESOLVABLE_PRONOUNS.has(words[i].lower)) {
    return { kind: 'pronoun', name: words[i].text, start: words[i].start, end: words[i].end };
  }
  const run: Tok[] = [];
  const runStart = i;
  for (; i < words.length && run.length < 7; i++) {
    const w = words[i];
    if (isNameWord(w) || isTitle(w) || ROLE_NOUNS.has(w.lower) || (run.length && NAME_PARTICLES.has(w.lower))) run.push(w);
    else break;
  }
  while (run.length && !isNameWord(run[run.length - 1]) && !isTitle(run[run.length - 1]) && !ROLE_NOUNS.has(run[run.length - 1].lower)) run.pop();
  if (!run.length) return null;
  if (!run.some(isNameWord)) {
    return { kind: 'role', name: surface(text, run[0], run[run.length - 1]), start: run[0].start, end: run[run.length - 1].end };
  }
  // Keep the run up to its last name word: "Dmitry Peskov" out of "Dmitry Peskov spokesman".
  let e = run.length - 1;
  while (e > 0 && !isNameWord(run[e])) e--;
  const following = words[runStart + e + 1];
  if (e === 0 && DEMONYM.test(run[0].lower) && following && !following.cap && !NAME_STOPWORDS.has(following.lower)) return null;
  return nameFromRun(run.slice(0, e + 1), text);
}
