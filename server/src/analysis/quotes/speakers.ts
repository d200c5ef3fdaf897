// Resolves a pronoun or role-noun attribution ("he said", "the minister said") to the person it
// refers back to. Candidates are person mentions outside quotes; the nearest one that was itself
// the subject of a speech verb wins (the running speaker of a news paragraph), else the nearest.

import { AUX_ADVERBS, NAME_STOPWORDS, SPEECH_VERBS, TITLES } from './lexicon';
import { isNameWord, nameFromRun, Tok, tokenize, tokenizeDocument } from './names';
import { PersonMention } from './types';
import { flatCopy } from '../flatCopy';
import { sharedEnds } from '../commonEnds';

export interface Mention {
  start: number;
  end: number;
  name: string;
  /** Followed by a speech verb, the named speaker of a quote, or its sentence's subject: a likely antecedent. */
  salient: boolean;
}

/** How far back a pronoun may look for its antecedent, in characters. */
const LOOKBACK = 3000;
const ORG_LAST = /(?:ministry|department|office|house|council|government|kremlin|party|agency|committee|commission|court|army|police|embassy|company|bank|union|staff|administration|parliament|senate|congress|cabinet)$/i;

function followedBySpeech(toks: Tok[], i: number): boolean {
  for (let k = i; k < toks.length && k < i + 3; k++) {
    const t = toks[k];
    if (!t.word || t.afterBreak) return false;
    if (SPEECH_VERBS.has(t.lower)) return true;
    if (!AUX_ADVERBS.has(t.lower) && !/ly$/.test(t.lower)) return false;
  }
  return false;
}

/** Person mentions found without an entity layer: titled names, speech subjects, and their surnames. */
export function heuristicMentions(text: string): Mention[] {
  const toks = tokenizeDocument(text);
  const strong: Mention[] = [];
  const weak: Mention[] = [];
  for (let i = 0; i < toks.length; ) {
    if (!isNameWord(toks[i])) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < toks.length && j - i < 8 && !toks[j].afterBreak && isNameWord(toks[j])) j++;
    const run = toks.slice(i, j);
    const subject = nameFromRun(run, text);
    if (subject && subject.kind === 'name' && !ORG_LAST.test(subject.name) && !NAME_STOPWORDS.has(subject.name.toLowerCase())) {
      const prev = toks[i - 1];
      const titled = run.some((t) => TITLES.has(t.lower) && t.start < subject.start) || (!!prev && prev.word && TITLES.has(prev.lower));
      const speech = followedBySpeech(toks, j);
      const mention = { start: subject.start, end: subject.end, name: subject.name, salient: speech || opensSentence(toks, i) };
      (titled || speech ? strong : weak).push(mention);
    }
    i = j;
  }
  // A bare surname counts once the document has introduced it with a title or as a speaker.
  const surnames = new Set(strong.map((m) => lastWord(m.name)));
  const all = strong.concat(weak.filter((m) => surnames.has(lastWord(m.name))));
  return all.sort((a, b) => a.start - b.start);
}

/** How far around a person mentionsFromPersons reads, in characters. */
const LEAD = 200;
const TRAIL = 60;

/** The entity layer's persons, flagged as speech subjects where a speech verb follows them. */
export function mentionsFromPersons(text: string, persons: PersonMention[]): Mention[] {
  const valid = persons.filter((p) => p.start >= 0 && p.end <= text.length && p.start < p.end);
  // Salience is read from the LEAD characters before a person and the TRAIL after it, nothing else:
  // what the last call said of the same two windows holds (a keystroke changes one person's at most).
  // Only a new version of the last text is worth the keys (indexing reads each article once).
  const newVersion = lastText !== undefined && sharedEnds(lastText, text) !== undefined;
  lastText = text;
  const windows = newVersion
    ? valid.map((p) => {
        const from = Math.max(0, p.start - LEAD);
        return `${p.start - from}:${text.slice(from, p.start)}${text.slice(p.end, Math.min(text.length, p.end + TRAIL))}`;
      })
    : null;
  let unknown = valid.length;
  if (windows) unknown = windows.filter((w) => !lastSalience.has(w)).length;
  // The document is tokenised once; the windows around each person are read from it where that
  // gives exactly the tokens of the window itself (see opensAt, speechAfter), else re-tokenised.
  const whole = unknown > 2 ? tokenizeDocument(text) : null;
  const salience = new Map<string, boolean>();
  const out = valid.map((p, i) => {
    const key = windows?.[i];
    let salient = key === undefined ? undefined : (salience.get(key) ?? lastSalience.get(key));
    if (salient === undefined) salient = opensAt(text, whole, p) || speechAfter(text, whole, p);
    if (key !== undefined) salience.set(flatCopy(key), salient); // a flat copy: a slice would keep this version alive
    return { start: p.start, end: p.end, name: p.name, salient };
  });
  lastSalience = salience;
  return out.sort((a, b) => a.start - b.start);
}

/** Salience by window (see mentionsFromPersons) of the persons of the last call, and its text. */
let lastSalience = new Map<string, boolean>();
let lastText: string | undefined;

/** Index of the first token whose start (or end) is >= pos. */
function firstAt(toks: Tok[], pos: number, byEnd: boolean): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((byEnd ? toks[mid].end : toks[mid].start) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether the person opens its sentence, judged on the tokens of the LEAD characters before it. */
function opensAt(text: string, whole: Tok[] | null, p: PersonMention): boolean {
  const from = Math.max(0, p.start - LEAD);
  const self: Tok = { text: '', lower: '', start: p.start, end: p.end, word: true, cap: true, afterBreak: false };
  if (whole) {
    // Tokens of the window [from, p.start) equal the document's from the first word token after
    // the first one starting in the window (before it: a word cut at `from`, the first gap, an
    // abbreviation's period), provided no token runs across p.start. opensSentence reads 11
    // tokens back and, with 12 or more in the window, nothing else.
    const e = firstAt(whole, p.start + 1, true); // tokens [0, e) end at or before p.start
    const straddles = e < whole.length && whole[e].start < p.start;
    let j = firstAt(whole, from, false) + 1;
    while (j < e && !whole[j].word) j++;
    if (!straddles && j <= e - 11) {
      const toks = whole.slice(e - 12, e);
      toks.push(self);
      return opensSentence(toks, 12);
    }
  }
  const lead = tokenize(text, from, p.start);
  lead.push(self);
  return opensSentence(lead, lead.length - 1);
}

const SPACES = /\s*/y;

/** Whether a speech verb follows the person, judged on the tokens of the TRAIL characters after it. */
function speechAfter(text: string, whole: Tok[] | null, p: PersonMention): boolean {
  const limit = Math.min(text.length, p.end + TRAIL);
  if (whole) {
    // The window's first token is the document's when only white space separates it from p.end
    // and no token runs across p.end; its line-break flag is the window's own; the next two then
    // follow the same token in both, and are the window's when they end inside it.
    const f = firstAt(whole, p.end, false);
    SPACES.lastIndex = p.end;
    SPACES.test(text);
    if (f < whole.length && (f === 0 || whole[f - 1].end <= p.end) && SPACES.lastIndex === whole[f].start) {
      const n = Math.min(3, whole.length - f);
      let inside = true;
      for (let k = 0; k < n; k++) if (whole[f + k].end > limit) inside = false;
      if (inside) {
        const toks = whole.slice(f, f + n);
        toks[0] = { ...toks[0], afterBreak: /[\n\r\u2028\u2029]/.test(text.slice(p.end, toks[0].start)) };
        return followedBySpeech(toks, 0);
      }
    }
  }
  return followedBySpeech(tokenize(text, p.end, limit), 0);
}

export function lastWord(name: string): string {
  const words = name.toLowerCase().split(/\s+/);
  return words[words.length - 1] ?? '';
}

/** Only names, titles and function words precede the token in its sentence: it is the subject. */
function opensSentence(toks: Tok[], i: number): boolean {
  for (let k = i - 1; k >= 0 && i - k < 12; k--) {
    const t = toks[k];
    if (!t.word) {
      if (t.text === '.' || t.text === '!' || t.text === '?' || t.text === ':') return true;
      if (t.text !== ',' && t.text !== '-' && t.text !== '—') return false;
      continue;
    }
    if (t.afterBreak && !t.cap) return false;
    if (!t.cap && !NAME_STOPWORDS.has(t.lower) && !TITLES.has(t.lower)) return false;
    if (t.afterBreak) return true;
  }
  return i === 0 || i - 12 < 0 ? toks[0]?.afterBreak !== undefined : false;
}

export type Gender = 'f' | 'm';

/** The gender a pronoun asks of its antecedent ("she said" → f), if any. */
export function pronounGender(pronoun: string): Gender | undefined {
  const p = pronoun.toLowerCase();
  if (p === 'she' || p === 'her' || p === 'hers') return 'f';
  if (p === 'he' || p === 'him' || p === 'his') return 'm';
  return undefined;
}

const FEMALE_TITLES = new Set(['mrs', 'ms', 'miss', 'madam', 'dame', 'lady', 'mme']);
const MALE_TITLES = new Set(['mr', 'sir', 'lord', 'monsieur', 'm']);

/**
 * What the document itself says of each person's gender, by surname: an honorific before a
 * mention ("Ms Marstrand"), or the next sentence opening with "She"/"He" right after a
 * sentence that person opened ("Helga Marstrand ... She told reporters"). Unknown stays unknown.
 */
export function documentGenders(text: string, mentions: Mention[]): Map<string, Gender> {
  const votes = new Map<string, { f: number; m: number }>();
  const vote = (name: string, g: Gender) => {
    const key = lastWord(name);
    const v = votes.get(key) ?? { f: 0, m: 0 };
    v[g]++;
    votes.set(key, v);
  };
  for (const m of mentions) {
    const before = /([A-Za-z]+)\.?\s+$/.exec(text.slice(Math.max(0, m.start - 12), m.start));
    const title = before?.[1].toLowerCase();
    if (title && FEMALE_TITLES.has(title)) vote(m.name, 'f');
    else if (title && MALE_TITLES.has(title)) vote(m.name, 'm');
  }
  // A sentence opening with "She"/"He" most often continues with the last person named.
  const opener = /(?:^|[.!?]["”’]?\s+)(She|He)\b/gm;
  for (let match = opener.exec(text); match; match = opener.exec(text)) {
    const at = match.index + match[0].length - match[1].length;
    let k = mentions.length - 1;
    while (k >= 0 && mentions[k].end > at) k--;
    if (k >= 0 && at - mentions[k].end < 400) vote(mentions[k].name, match[1] === 'She' ? 'f' : 'm');
  }
  const genders = new Map<string, Gender>();
  for (const [key, v] of votes) if (v.f !== v.m) genders.set(key, v.f > v.m ? 'f' : 'm');
  return genders;
}

/** Mentions must already exclude those inside quotes and be sorted by start. */
export function resolveAntecedent(mentions: Mention[], pos: number, want?: Gender, genders?: Map<string, Gender>): Mention | null {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  // The nearest salient person (a speaker or a sentence subject) whom the pronoun does not rule
  // out wins, as in news paragraphs the running speaker is meant. One exception: for "she", a
  // nearer woman the document shows as one ("Ms Holm", "She told…") beats a salient person
  // whose gender it never shows, who in news copy is far more often a man. Known
  // disagreement rules a person out.
  let nearest: Mention | null = null;
  let nearestAgreeing: Mention | null = null;
  for (let k = lo - 1, seen = 0; k >= 0 && seen < 40; k--, seen++) {
    const m = mentions[k];
    if (pos - m.end > LOOKBACK) break;
    const known = want ? genders?.get(lastWord(m.name)) : undefined;
    if (known && known !== want) continue;
    if (m.salient) return nearestAgreeing && !known && want === 'f' ? nearestAgreeing : m;
    if (known === want) nearestAgreeing ??= m;
    nearest ??= m;
  }
  return nearestAgreeing ?? nearest;
}
