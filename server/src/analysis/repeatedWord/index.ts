// repeated-word: flags accidental doubles such as "the the" or "between\nbetween"
// (wire copy wraps lines, so a line break counts as whitespace), and immediately
// repeated short phrases ("is an echo is an echo"), while leaving grammatical or
// intended doubles alone ("she had had enough", "far far away", "Duran Duran").
//
// Decisions worth knowing:
// - Only whitespace may separate copies (one line break allowed, a blank line is a
//   paragraph boundary); any punctuation, dash or quote between them ends the run.
// - Hyphenated, dotted or slashed compounds ("so-so", "opt-in in", "E.ON on", URLs) are
//   never compared, and initials ("D. D.") are split by their full stops.
// - Pure numbers are never flagged: "10 10" in a results table is usually data. Words
//   with digits ("G7 G7") are words.
// - Capitalised doubles of content words are taken for names ("Walla Walla"), unless both
//   are acronyms or the first is possessive; function-word doubles are flagged however
//   they are cased ("The the", "I I").
//
// One linear pass tokenises the text into typed arrays and notes candidate runs;
// only those few candidates are then judged, so cost is dominated by the scan.

import type { Problem, Rule } from '../types';
import {
  CHEERS,
  DETERMINERS,
  FUNCTION_WORDS,
  HOMOGRAPHS,
  NAME_MODALS,
  NOUN_OPENERS,
  PERSONAL_SUBJECTS,
  REDUPLICATIONS,
  SUBJECT_PRONOUNS,
  THERE_VERBS,
  VERB_CONTEXT,
  WH_WORDS,
} from './wordLists';

export const REPEATED_WORD_RULE_ID = 'repeated-word';

// ---------------------------------------------------------------------------
// Character classes, cached per UTF-16 unit so Unicode tests run once per code.

const K_UNKNOWN = 0;
const K_LETTER = 1; // letters, combining marks, zero-width (non-)joiners
const K_DIGIT = 2;
const K_SPACE = 3; // horizontal whitespace
const K_LF = 4; // \n, U+2028, U+2029
const K_CR = 5;
const K_APOS = 6; // ' ’ ʼ: inside a word ("don't") it is part of the word
const K_HYPHEN = 7; // joins compounds ("so-so") and taints a touching word
const K_LINK = 8; // / _ @ & + = # \ : joins URLs, handles, times
const K_DOT = 9; // "." ends a sentence, or joins "E.ON" / "U.S"
const K_END = 10; // ! ? … and CJK full stops
const K_OTHER = 11;
const K_HIGH = 12; // high surrogate: look at the pair

const kinds = new Uint8Array(65536);
const LETTER_RE = /[\p{L}\p{M}]/u;
const DIGIT_RE = /\p{N}/u;
const SPACE_RE = /\s/;

function classify(c: number): number {
  let k: number;
  if (c === 0x0a || c === 0x2028 || c === 0x2029) k = K_LF;
  else if (c === 0x0d) k = K_CR;
  else if (c === 0x27 || c === 0x2019 || c === 0x02bc) k = K_APOS;
  else if (c === 0x2d || c === 0x2010 || c === 0x2011) k = K_HYPHEN;
  else if (c === 0x2f || c === 0x5f || c === 0x40 || c === 0x26 || c === 0x2b || c === 0x3d || c === 0x23 || c === 0x5c || c === 0x3a)
    k = K_LINK;
  else if (c === 0x2e) k = K_DOT;
  else if (c === 0x21 || c === 0x3f || c === 0x2026 || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff0e) k = K_END;
  else if (c >= 0xd800 && c <= 0xdbff) k = K_HIGH;
  else if (c === 0x200c || c === 0x200d || c === 0xad) k = K_LETTER;
  else if (c === 0x200b || c === 0xfeff) k = K_SPACE;
  else {
    const s = String.fromCharCode(c);
    if (DIGIT_RE.test(s)) k = K_DIGIT;
    else if (LETTER_RE.test(s)) k = K_LETTER;
    else if (SPACE_RE.test(s)) k = K_SPACE;
    else k = K_OTHER;
  }
  kinds[c] = k;
  return k;
}
for (let c = 0; c < 128; c++) classify(c);

/** Whether the surrogate pair at `pos` is a letter or digit (not an emoji). */
function astralIsWord(text: string, pos: number): boolean {
  const cp = text.codePointAt(pos);
  if (cp === undefined || cp < 0x10000) return false;
  const s = String.fromCodePoint(cp);
  return LETTER_RE.test(s) || DIGIT_RE.test(s);
}

function isWordAt(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos);
  const k = kinds[c] || classify(c);
  return k === K_LETTER || k === K_DIGIT || (k === K_HIGH && astralIsWord(text, pos));
}

// ---------------------------------------------------------------------------
// Token flags.

const F_COMPOUND = 1; // joined by a hyphen/dot/slash or touching one: never compared
const F_LETTER = 2; // has a letter (pure numbers may be table data, so never flagged)
const F_WS_GAP = 4; // only whitespace (at most one line break) separates it from the previous token
const F_SENT_START = 8; // starts the text, a sentence or a paragraph

interface Tokens {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  flags: Uint8Array;
}

interface Candidates {
  /** Token indices equal to the token before them (single-word doubles). */
  doubles: number[];
  /** Pairs [lastToken, phraseLength] where the phrase ending there repeats the one before. */
  phrases: number[];
}

function isApos(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x02bc;
}

/** Case-insensitive comparison of two spans, treating all apostrophes alike. */
function sameWord(text: string, s1: number, e1: number, s2: number, e2: number): boolean {
  const len = e1 - s1;
  if (len !== e2 - s2) return false;
  for (let i = 0; i < len; i++) {
    const x = text.charCodeAt(s1 + i);
    const y = text.charCodeAt(s2 + i);
    if (x === y) continue;
    if (x < 128 && y < 128) {
      const lx = x | 32;
      if (lx !== (y | 32) || lx < 97 || lx > 122) return false;
      continue;
    }
    if (isApos(x) && isApos(y)) continue;
    return normalise(text.slice(s1, e1)) === normalise(text.slice(s2, e2));
  }
  return true;
}

function normalise(word: string): string {
  return word.toLowerCase().replace(/[’ʼ]/g, "'");
}

function tokenise(text: string): { tokens: Tokens; candidates: Candidates } {
  const n = text.length;
  let cap = Math.max(64, Math.ceil(n / 5) + 16); // news averages ~6 characters a token
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let flags = new Uint8Array(cap);
  let count = 0;
  const doubles: number[] = [];
  const phrases: number[] = [];

  let gapPunct = false;
  let gapBreaks = 0;
  let gapEnd = false;
  let chain = 0; // eligible tokens joined by whitespace gaps, ending at the current one
  let pos = 0;

  while (pos < n) {
    let c = text.charCodeAt(pos);
    if (c === 0x20) {
      pos++; // plain spaces between words: the commonest gap
      continue;
    }
    let k = kinds[c] || classify(c);
    const wordStart = k === K_LETTER || k === K_DIGIT || (k === K_HIGH && astralIsWord(text, pos));
    if (!wordStart) {
      if (k === K_SPACE) {
        // whitespace keeps the gap clean
      } else if (k === K_LF) gapBreaks++;
      else if (k === K_CR) {
        if (text.charCodeAt(pos + 1) !== 0x0a) gapBreaks++;
      } else {
        gapPunct = true;
        if (k === K_DOT || k === K_END) gapEnd = true;
      }
      pos++;
      continue;
    }

    // A word: letters/digits, joined through apostrophes, hyphens, dots and links
    // when a word character follows.
    const start = pos;
    let f = 0;
    if (k !== K_DIGIT) f |= F_LETTER;
    if (start > 0) {
      const pk = kinds[text.charCodeAt(start - 1)];
      if (pk === K_HYPHEN || (pk === K_LINK && text.charCodeAt(start - 1) !== 0x3a)) f |= F_COMPOUND;
    }
    pos += k === K_HIGH ? 2 : 1;
    while (pos < n) {
      c = text.charCodeAt(pos);
      // Fast path for ASCII lower-case letters, the bulk of any English text.
      if (c >= 97 && c <= 122) {
        f |= F_LETTER;
        pos++;
        continue;
      }
      k = kinds[c] || classify(c);
      if (k === K_LETTER) {
        f |= F_LETTER;
        pos++;
      } else if (k === K_DIGIT) {
        pos++;
      } else if (k === K_HIGH && astralIsWord(text, pos)) {
        f |= F_LETTER;
        pos += 2;
      } else if (k === K_APOS || k === K_HYPHEN || k === K_LINK || k === K_DOT) {
        if (pos + 1 < n && isWordAt(text, pos + 1)) {
          if (k !== K_APOS) f |= F_COMPOUND;
          pos++;
        } else {
          if (k === K_HYPHEN) f |= F_COMPOUND; // "so- so", a dangling compound
          break;
        }
      } else break;
    }

    if (count > 0 && !gapPunct && gapBreaks < 2) f |= F_WS_GAP;
    if (count === 0 || gapEnd || gapBreaks >= 2) f |= F_SENT_START;

    if (count === cap) {
      cap *= 2;
      const s2 = new Int32Array(cap);
      s2.set(starts);
      starts = s2;
      const e2 = new Int32Array(cap);
      e2.set(ends);
      ends = e2;
      const f2 = new Uint8Array(cap);
      f2.set(flags);
      flags = f2;
    }
    const i = count++;
    starts[i] = start;
    ends[i] = pos;
    flags[i] = f;

    const eligible = (f & (F_LETTER | F_COMPOUND)) === F_LETTER;
    if (!eligible) chain = 0;
    else if (f & F_WS_GAP && chain > 0) chain++;
    else chain = 1;

    if (chain >= 2) {
      const size = pos - start;
      if (ends[i - 1] - starts[i - 1] === size && sameWord(text, starts[i - 1], ends[i - 1], start, pos)) doubles.push(i);
      // Phrases of 2..4 words repeated back to back. Length checks first keep this cheap.
      for (let len = 2; len <= 4 && chain >= 2 * len; len++) {
        if (ends[i - len] - starts[i - len] !== size || !sameWord(text, starts[i - len], ends[i - len], start, pos)) continue;
        let all = true;
        for (let j = 1; j < len && all; j++) {
          all = sameWord(text, starts[i - len - j], ends[i - len - j], starts[i - j], ends[i - j]);
        }
        if (all) phrases.push(i, len);
      }
    }

    gapPunct = false;
    gapBreaks = 0;
    gapEnd = false;
  }

  return { tokens: { count, starts, ends, flags }, candidates: { doubles, phrases } };
}

// ---------------------------------------------------------------------------
// Judging candidates.

class Judge {
  constructor(
    private readonly text: string,
    private readonly t: Tokens,
  ) {}

  word(i: number): string {
    return normalise(this.text.slice(this.t.starts[i], this.t.ends[i]));
  }

  raw(i: number): string {
    return this.text.slice(this.t.starts[i], this.t.ends[i]);
  }

  /** The token before `i` in the same clause (only whitespace between), or -1. */
  before(i: number): number {
    return i > 0 && this.t.flags[i] & F_WS_GAP ? i - 1 : -1;
  }

  /** The token after `i` in the same clause, or -1. */
  after(i: number): number {
    return i + 1 < this.t.count && this.t.flags[i + 1] & F_WS_GAP ? i + 1 : -1;
  }

  sentenceStart(i: number): boolean {
    return (this.t.flags[i] & F_SENT_START) !== 0;
  }

  capitalised(i: number): boolean {
    const ch = this.text[this.t.starts[i]];
    return ch !== ch.toLowerCase();
  }

  allCaps(i: number): boolean {
    const w = this.raw(i);
    return w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase();
  }

  /** Whether one of `words` occurs within `reach` tokens before `i`, inside the clause. */
  lookback(i: number, reach: number, words: ReadonlySet<string>): boolean {
    for (let j = this.before(i); j >= 0 && reach > 0; j = this.before(j), reach--) {
      if (words.has(this.word(j))) return true;
    }
    return false;
  }

  /** Whether the run of identical tokens first..last is an accidental double. */
  isSlip(first: number, last: number): boolean {
    const w = this.word(first);
    const pair = last === first + 1;
    const prev = this.before(first);
    const next = this.after(last);
    const prevWord = prev >= 0 ? this.word(prev) : '';
    const nextWord = next >= 0 ? this.word(next) : '';

    // Single letters: "O O O", "x x", spelled-out "b a s i c", list markers. Only "a a" and "I I" are slips.
    if ([...w].length === 1) {
      if (w !== 'a' && w !== 'i') return false;
      if ((prev >= 0 && [...prevWord].length === 1) || (next >= 0 && [...nextWord].length === 1)) return false;
    }

    if (w === 'hip') return !CHEERS.has(nextWord);
    if (w === 'there') return THERE_VERBS.has(nextWord);
    if (REDUPLICATIONS.has(w)) return false;

    // "the The Hague", "called the The Tale of…", "thank you You should": a capital on the
    // second copy marks a title or a missed full stop, not a stutter ("I" is always capital).
    if (w !== 'i' && !this.capitalised(first) && this.capitalised(first + 1) && !this.allCaps(first + 1)) return false;

    if (FUNCTION_WORDS.has(w)) {
      // "May May come?" (name + modal at a sentence start), "Will will go."
      if (NAME_MODALS.has(w) && this.capitalised(first)) {
        if (!this.capitalised(first + 1)) return false;
        if (this.sentenceStart(first) && !this.allCaps(first + 1)) return false;
      }
      if (!pair) return true; // "to to to", "that that that", "had had had"
      return this.functionDoubleIsSlip(w, first, last, prev, prevWord, next, nextWord);
    }

    // Three or more copies of a content word are rhetoric: "location location location".
    if (!pair) return false;
    // Content words. Capitals suggest a name: "Duran Duran", "Walla Walla", "Sirhan Sirhan",
    // but a possessive first half is a slip ("Kamen's Kamen's friend").
    const cap0 = this.capitalised(first);
    const cap1 = this.capitalised(first + 1);
    // Acronyms and words with digits are not names: "the NATO NATO summit", "G7 G7".
    const nameLike = !/\d/.test(w) && !(this.allCaps(first) && this.allCaps(first + 1));
    if (cap0 && cap1 && nameLike && !w.endsWith("'s")) return false;
    // "…asked Frank frank questions": a mid-sentence name followed by the common word.
    if (cap0 && !cap1 && !this.sentenceStart(first) && !this.allCaps(first)) return false;
    // "to record record profits": verb then noun.
    // (Not before a determiner: "to visit visit the site" is a slip.)
    if (pair && HOMOGRAPHS.has(w) && VERB_CONTEXT.has(prevWord) && next >= 0 && !FUNCTION_WORDS.has(nextWord)) return false;
    // "Wait wait!", "Run run run!": emphatic, not a slip.
    if (this.text.charCodeAt(this.t.ends[last]) === 0x21) return false;
    return true;
  }

  private functionDoubleIsSlip(w: string, first: number, last: number, prev: number, prevWord: string, next: number, nextWord: string): boolean {
    switch (w) {
      case 'had':
        // "She had had enough", "the firm had had doubts": past perfect after a subject,
        // also after an appositive ("the captain, Ivan Petrov, had had no rest").
        if (prev < 0) return this.sentenceStart(first);
        return !(SUBJECT_PRONOUNS.has(prevWord) || !FUNCTION_WORDS.has(prevWord));
      case 'in':
      case 'on':
        // A phrasal verb, then a time or place: "voted in in 2001", "sworn in in January",
        // "signed on on Monday". Before an ordinary object it is a slip ("engaged in in talks").
        return !(
          prev >= 0 &&
          (PARTICLE_VERBS.has(prevWord) || /(?:ed|en)$/.test(prevWord)) &&
          next >= 0 &&
          (TIME_WORDS.has(nextWord) || /^\d/.test(nextWord) || this.capitalised(next))
        );
      case 'that':
        // Conjunction + demonstrative: "said that that decision was final". Before an
        // article or another demonstrative the second "that" has no job.
        return next < 0 || DETERMINERS.has(nextWord);
      case 'is':
      case 'was':
        // "What it is is a scandal", "All it was was a rumour".
        return !this.lookback(first, 6, WHAT_ALL);
      case 'to': {
        // A stranded or elided "to" followed by an infinitive "to": "the firms I wrote to to
        // get noticed", "whatever you have to to stay safe". Before a noun phrase
        // ("according to to the manual") it is a slip.
        if (next < 0) return true;
        if (FUNCTION_WORDS.has(nextWord) && !INFINITIVE_AUX.has(nextWord)) return true;
        if (this.lookback(first, 8, WH_WORDS)) return false;
        const subject = this.before(prev);
        if (prev >= 0 && subject >= 0 && PERSONAL_SUBJECTS.has(this.word(subject))) {
          const head = this.before(subject);
          if (head >= 0 && !FUNCTION_WORDS.has(this.word(head))) return false;
        }
        return true;
      }
      case 'can': {
        // "The can can hold", "a rusty paint can can leak": a noun phrase, then the modal.
        // Walk back over up to three content words looking for its determiner.
        for (let j = prev, steps = 0; j >= 0 && steps < 4; j = this.before(j), steps++) {
          const wj = this.word(j);
          if (NOUN_OPENERS.has(wj)) return false;
          if (FUNCTION_WORDS.has(wj)) return true;
        }
        return true;
      }
      default:
        void last;
        return true;
    }
  }

  /** Whether a repeated phrase (copies of `len` tokens from `first` to `last`) is a slip. */
  isPhraseSlip(first: number, len: number, last: number): boolean {
    const words: string[] = [];
    for (let j = 0; j < len; j++) words.push(this.word(first + j));
    if (words.every((x) => x === words[0])) return false; // a single-word run, judged elsewhere
    if (words.some((x) => REDUPLICATIONS.has(x) || SOUND_PAIRS.has(x) || x === 'hip')) return false;
    // Titles and names: "New York New York".
    let allCapitalised = true;
    for (let j = 0; j < len && allCapitalised; j++) allCapitalised = this.capitalised(first + j);
    if (allCapitalised) return false;
    // Idioms built on a connector run into a copy of themselves: "by and by the…",
    // "face to face to talk", "side by side by…".
    if (len === 2 && (PHRASE_CONNECTORS.has(words[1]) || words[0] === 'and' || words[0] === 'or')) return false;
    // Chains such as "on and on and on", "day after day after day".
    const next = this.after(last);
    if (next >= 0 && this.word(next) === words[0]) return false;
    const prev = this.before(first);
    if (prev >= 0 && this.word(prev) === words[len - 1]) return false;
    // "had had" / "that that" inside the phrase boundary are judged as doubles.
    if (this.text.charCodeAt(this.t.ends[last]) === 0x21) return false;
    return true;
  }
}

const WHAT_ALL: ReadonlySet<string> = new Set(['what', 'whatever', 'all']);
const INFINITIVE_AUX: ReadonlySet<string> = new Set(['be', 'have', 'do']);
const PHRASE_CONNECTORS: ReadonlySet<string> = new Set('and or nor to by after for in on upon over versus vs'.split(' '));
const PARTICLE_VERBS: ReadonlySet<string> = new Set(
  'sworn come came gone went set put let cut shut run ran got get give gave given took taken brought kept sat held log logs move moves'.split(' '),
);
const TIME_WORDS: ReadonlySet<string> = new Set(
  ('january february march april may june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday spring summer autumn fall winter ' +
    'time person force full front public private earnest turn total advance').split(' '),
);
const SOUND_PAIRS: ReadonlySet<string> = new Set(
  'tick tock tic tac ding dong zig zag flip flop pitter patter hee haw ping pong knick knack'.split(' '),
);

// ---------------------------------------------------------------------------

function problem(text: string, t: Tokens, keepLast: number, last: number, first: number): Problem {
  const shown = text.slice(t.starts[first], t.ends[keepLast]).replace(/\s+/g, ' ');
  return {
    rule: REPEATED_WORD_RULE_ID,
    start: t.starts[first],
    end: t.ends[last],
    severity: 'warning',
    message: `\`${shown}\` is repeated`,
    fixes: [
      {
        title: `Delete the repeated \`${shown}\``,
        // Delete the extra copies and the whitespace before them: what follows the run
        // (a space or the original line break) stays.
        edits: [{ start: t.ends[keepLast], end: t.ends[last], newText: '' }],
        preferred: true,
      },
    ],
  };
}

/** Finds accidental repeated words and phrases in `text`. */
export function findRepeatedWords(text: string): Problem[] {
  const { tokens, candidates } = tokenise(text);
  const judge = new Judge(text, tokens);
  const problems: Problem[] = [];
  const flaggedTokens = new Set<number>();

  const { doubles, phrases } = candidates;
  for (let i = 0; i < doubles.length; ) {
    const first = doubles[i] - 1;
    let last = doubles[i];
    i++;
    while (i < doubles.length && doubles[i] === last + 1) last = doubles[i++];
    if (judge.isSlip(first, last)) {
      problems.push(problem(text, tokens, first, last, first));
      for (let j = first; j <= last; j++) flaggedTokens.add(j);
    }
  }

  // Group phrase matches: consecutive end tokens with the same length form one run of copies.
  const byLength = new Map<number, number[]>();
  for (let i = 0; i < phrases.length; i += 2) {
    const list = byLength.get(phrases[i + 1]) ?? [];
    list.push(phrases[i]);
    byLength.set(phrases[i + 1], list);
  }
  for (const len of [2, 3, 4]) {
    const ends = byLength.get(len);
    if (!ends) continue;
    for (let i = 0; i < ends.length; ) {
      const a = ends[i];
      let b = a;
      i++;
      while (i < ends.length && ends[i] === b + 1) b = ends[i++];
      const first = a - 2 * len + 1;
      const copies = 2 + Math.floor((b - a) / len);
      const last = first + copies * len - 1;
      let overlaps = false;
      for (let j = first; j <= last && !overlaps; j++) overlaps = flaggedTokens.has(j);
      if (overlaps || !judge.isPhraseSlip(first, len, last)) continue;
      problems.push(problem(text, tokens, first + len - 1, last, first));
      for (let j = first; j <= last; j++) flaggedTokens.add(j);
    }
  }

  problems.sort((x, y) => x.start - y.start);
  return problems;
}

export const repeatedWordRule: Rule = {
  id: REPEATED_WORD_RULE_ID,
  description: 'A word or short phrase typed twice in a row ("the the"), even across a line break.',
  defaultSeverity: 'warning',
  fixAll: true,
  // "the\nthe" is a doubled word wherever the line ends, but no word is doubled across a blank line
  blockLocal: 'paragraphs',
  check(text: string): Problem[] {
    try {
      return findRepeatedWords(text);
    } catch {
      // Rules never throw; a bug here must not take the server down.
      return [];
    }
  },
};
