// Named-entity recogniser: raw text -> person / organization / place mentions with UTF-16 offsets.
// Pipeline: tokenize -> per-sentence greedy perceptron (tagger.ts, model.json) -> span repairs
// (honorifics/titles out of person spans, datelines) -> document-level consistency -> titles.
import {
  CITIES, COMMON_WORDS, COMPANY_PHRASES, FIRST_NAMES, COUNTRY_ALIAS, DEMONYMS, FUNCTION_WORDS, HONORIFICS, LOC_HEADS, NAME_TITLES, ORG_ALIAS, ORG_CUES,
  ORG_SUFFIXES, ORG_WORDS, PARTICLES, RULE_TITLE_WORDS, SINGLE, TITLE_HEADS, TITLE_WORDS, GZ_COMPANY, GZ_FIRST, GZ_SURNAME,
} from './lexicon';
import modelFile from './model.json';
import { decodeModel, ModelFile } from './model';
import { decode, sentenceFeatures, SentenceFeatures, TAGS, Weights } from './tagger';
import { normalizeToken, tokenize, Tokens } from './tokenize';
import { flatCopy } from '../flatCopy';
import { BlockMemo, blockEnds } from '../blocks';

export type MentionType = 'person' | 'organization' | 'place';

export interface Mention {
  start: number;
  end: number;
  text: string;
  type: MentionType;
  /** Title / role words right before the name or in apposition ("US Secretary of State", "Kremlin spokesman"). */
  title?: string;
}

let model: { weights: Weights; mask: number } | null = null;
function getModel(): { weights: Weights; mask: number } {
  if (!model) model = decodeModel(modelFile as unknown as ModelFile);
  return model;
}

const TYPE_OF_TAG: Array<MentionType | null> = [null, 'person', 'person', 'organization', 'organization', 'place', 'place'];
const MAX_SENT = 150;

let sfBuf: SentenceFeatures | undefined;
let tagBuf = new Uint8Array(256);

function tagRange(words: string[], from: number, to: number, out: Uint8Array): void {
  const { weights, mask } = getModel();
  for (let s = from; s < to; s += MAX_SENT) {
    const e = Math.min(to, s + MAX_SENT);
    sfBuf = sentenceFeatures(words, s, e, sfBuf, true);
    if (tagBuf.length < e - s) tagBuf = new Uint8Array(e - s);
    decode(sfBuf, weights, mask, tagBuf, true, true);
    out.set(tagBuf.subarray(0, e - s), s);
  }
}

/**
 * A name found: token indices [s, e). `layout`: found by a newswire-layout rule (a results line), never
 * junk. `k`, `ks`, `ke`: the key last worked out for it and the bounds it was worked out for (see key).
 * Every span is made by `span()` with every field set, in one order: spans of one shape keep the rules'
 * optimised code valid. Literals of three fields, with `layout` or a key added to some of them later,
 * gave V8 four shapes, and each new one met in a text threw out the optimised code of every rule that
 * reads spans (~40 deoptimisations in a run over real news).
 */
interface Span { s: number; e: number; type: MentionType; layout: boolean; k: string | undefined; ks: number; ke: number }

function span(s: number, e: number, type: MentionType, layout = false): Span {
  return { s, e, type, layout, k: undefined, ks: -1, ke: -1 };
}

function lower(w: string): string {
  return w.toLowerCase();
}
function isCap(w: string): boolean {
  const c = w.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c > 127 && w[0].toLowerCase() !== w[0]);
}
function isHonorific(w: string): boolean {
  return HONORIFICS.has(lower(w));
}
function isTitleWord(w: string): boolean {
  const l = lower(w);
  return TITLE_WORDS.has(l) || TITLE_HEADS.has(l) || RULE_TITLE_WORDS.has(l);
}

/** Spans from tags, with honorifics / title words removed from the front of person spans. */
function spansFromTags(words: string[], tags: Uint8Array, from: number, to: number, sentStart: boolean[] | null): Span[] {
  const spans: Span[] = [];
  let i = from;
  while (i < to) {
    const t = tags[i];
    if (t === 0) { i++; continue; }
    const type = TYPE_OF_TAG[t]!;
    const base = t % 2 === 1 ? t : t - 1;
    let j = i + 1;
    // "Erik/B-PER Dahl/B-PER": the greedy tagger sometimes restarts a name; two names of one type with nothing
    // between them are (almost never in news) two entities; nor is a particle and the name after it ("da/B-PER
    // Silva/B-PER")
    while (j < to && (tags[j] === base + 1 || (tags[j] === base && isNameWord(words[j]) && (isNameWord(words[j - 1]) || (type === 'person' && PARTICLES.has(words[j - 1])))))) j++;
    // do not let a span run across a sentence boundary
    if (sentStart) for (let k = i + 1; k < j; k++) if (sentStart[k]) { j = k; break; }
    let s = i;
    if (type === 'person') {
      // "President Vladimir Putin", "Secretary of State Rex Tillerson", "Mr. Putin"
      while (s < j - 1 && (isHonorific(words[s]) || isTitleWord(words[s]))) s++;
    }
    let e = j;
    while (e > s + 1 && /^[-'".,]+$/.test(words[e - 1])) e--;
    let letters = false;
    for (let k = s; k < e; k++) if (/\p{L}/u.test(words[k])) { letters = true; break; }
    if (letters && !(e - s === 1 && (isHonorific(words[s]) || (type === 'person' && isTitleWord(words[s]))))) spans.push(...splitTitled(words, span(s, e, type)));
    i = j;
  }
  return spans;
}

const ORG_HEADS = new Set([
  'organization', 'organisation', 'ministry', 'department', 'council', 'bank', 'institute', 'university', 'office',
  'agency', 'commission', 'committee', 'court', 'union', 'league', 'federation', 'association', 'society', 'academy',
  'school', 'college', 'fund', 'foundation', 'bureau', 'board', 'party', 'front', 'movement', 'army', 'church',
  'conference', 'assembly', 'house', 'museum', 'centre', 'center', 'corporation', 'company', 'authority', 'group', 'campaign', 'coalition', 'alliance',
]);
const CONNECT = new Set(['of', 'for', 'on', 'the', 'and', '&']);

/** "Organization for the Prohibition of Chemical Weapons": extend an organisation over "of/for (the) Caps". */
function extendOrgs(words: string[], spans: Span[], limit: number): Span[] {
  spans = withUntaggedOrgHeads(words, spans, limit);
  const out: Span[] = [];
  for (let i = 0; i < spans.length; i++) {
    const sp = spans[i];
    out.push(sp);
    if (sp.type !== 'organization') continue;
    // "Group of" tagged without its complement: continue over the connector
    const endConn = sp.e - sp.s >= 2 && /^(of|for)$/.test(words[sp.e - 1]) && ORG_HEADS.has(lower(words[sp.e - 2]));
    if (!endConn && !ORG_HEADS.has(lower(words[sp.e - 1]))) continue;
    const l = endConn ? 'of' : lower(words[sp.e] ?? '');
    if (l !== 'of' && l !== 'for' && l !== 'on') continue;
    let k = endConn ? sp.e : sp.e + 1;
    let last = -1;
    // "… of African Unity and the International Monetary Fund": past "and the", another name the tagger found is
    // its own (not past a bare "and": "Office on Drugs and Crime")
    const next = i + 1 < spans.length ? spans[i + 1].s : limit;
    let and = false;
    while (k < limit) {
      const w = words[k];
      if (k >= next && and) break;
      if (w === 'and' && lower(words[k + 1] ?? '') === 'the') and = true;
      // "… of Chemical Weapons on Monday": a weekday or a month ends the name
      if (isCap(w) && /^\p{L}/u.test(w) && !NOT_NAME.has(lower(w))) { last = k; k++; continue; }
      if (CONNECT.has(lower(w)) && k + 1 < limit) { k++; continue; }
      break;
    }
    if (last < 0) continue;
    sp.e = last + 1;
    while (i + 1 < spans.length && spans[i + 1].s < sp.e) i++;
  }
  return out;
}

/** Heads that close a party's or a movement's name ("the Farmers Party", "the Peasants' Party", "Popular Front"). */
const CLOSING_ORG_HEADS = new Set(['Party', 'Front', 'Union', 'League', 'Alliance', 'Organisation', 'Organization', 'Association', 'Federation', 'Confederation', 'Movement']);
/** Heads of organisation names that open them before "of" ("Organisation of African Unity", "League of Arab States"). */
const OPENING_ORG_HEADS = new Set(['Organisation', 'Organization', 'League', 'Council', 'Federation', 'Confederation', 'Association', 'Campaign', 'Coalition', 'Alliance',
  'Commission', 'Committee', 'Institute', 'Society', 'Front', 'Movement', 'Union', 'Congress', 'Court', 'Ministry', 'Department', 'Office']);

/**
 * "The Organisation of African Unity": a capitalised organisation head before "of" / "for" and a capitalised
 * word, that the tagger left out, opens an organisation (extendOrgs then takes in the rest of the name); and
 * capitalised words the tagger left out before a closing head are one ("the Farmers Party", "the World Trade
 * Organisation's").
 */
function withUntaggedOrgHeads(words: string[], spans: Span[], limit: number): Span[] {
  let add: Span[] | null = null;
  let x = 0;
  for (let k = 1; k + 1 < limit; k++) {
    const w = words[k];
    // "the Farmers Party", "the Peasants' Party": capitalised words before a closing head (first letters first)
    const c = w.charCodeAt(0);
    if ((c === 80 || c === 70 || c === 85 || c === 76 || c === 65 || c === 79 || c === 67 || c === 77) && CLOSING_ORG_HEADS.has(w)) {
      let b = k;
      while (b > 0 && k - b < 4 && (isNameWord(words[b - 1]) || (words[b - 1] === "'" && b - 1 > 0 && isNameWord(words[b - 2]) && words[b - 2].endsWith('s')))) b--;
      while (b < k && FUNCTION_FORMS.has(words[b])) b++; // "The | Serb Democratic Party"
      if (b === k) continue;
      while (x < spans.length && spans[x].e <= b) x++;
      if (x < spans.length && spans[x].s <= k) continue; // a span there already
      (add ??= []).push(span(b, k + 1, 'organization'));
      continue;
    }
    // the connector first: the rarest and cheapest test
    if (w !== 'of' && w !== 'for') continue;
    const head = words[k - 1];
    if (!OPENING_ORG_HEADS.has(head) || !isCap(words[k + 1]) || !/^\p{L}/u.test(words[k + 1])) continue;
    const h = k - 1;
    while (x < spans.length && spans[x].e <= h) x++;
    if (x < spans.length && spans[x].s <= k + 1) continue; // a span there already
    (add ??= []).push(span(h, h + 1, 'organization'));
  }
  return add ? spans.concat(add).sort((a, b) => a.s - b.s) : spans;
}

/**
 * "British Foreign Secretary Boris Johnson" tagged as one organisation: the name after the title is a person;
 * and an organisation named before the title stays one ("Disney Chief Executive | Robert Iger").
 */
function splitTitled(words: string[], sp: Span): Span[] {
  if (sp.type === 'person' || sp.e - sp.s < 3) return [sp];
  let p = -1;
  for (let k = sp.s; k < sp.e - 1; k++) if (TITLE_HEADS.has(lower(words[k]))) p = k;
  if (p < 0) return [sp];
  // the title may go on after its head ("Chief Executive", "Secretary General")
  let q = p + 1;
  while (q < sp.e - 1 && isCap(words[q]) && isTitleWord(words[q]) && !TITLE_HEADS.has(lower(words[q]))) q++;
  // "Major League Baseball": an organisation word after the "title" means it was no title
  for (let k = q; k < sp.e; k++) if (!isCap(words[k]) || isTitleWord(words[k]) || isOrganisationWord(words[k])) return [sp];
  const person: Span = span(q, sp.e, 'person');
  // the words before the title: an organisation's name only when the title does not start the span
  let t = p;
  while (t > sp.s && isTitleWord(words[t - 1])) t--;
  // (a known organisation, an acronym, or a name ending in an organisation head: not a portfolio or a
  // state, "Human Resource Development Minister", "Iowa Governor", "Anglican Archbishop")
  if (sp.type !== 'organization' || t === sp.s || !isCap(words[sp.s])) return [person];
  const w = words[sp.s];
  const named = t - sp.s === 1 ? ORG_ALIAS.has(w) || ((SINGLE.get(w) ?? 0) & GZ_COMPANY) !== 0 || (isAllCapsWord(w) && !isPlaceName(w))
    : ORG_HEADS_OF_NAMES.has(words[t - 1]);
  return named ? [span(sp.s, t, 'organization'), person] : [person];
}

/** Last words of organisation names that hold a title after them ("Supreme Court | Chief Justice"). */
const ORG_HEADS_OF_NAMES = new Set(['Party', 'Court', 'Authority', 'Bank', 'Union', 'Council', 'Commission', 'Committee', 'Agency',
  'Corporation', 'Company', 'Group', 'Ministry', 'Department', 'Institute', 'University', 'Foundation', 'Federation', 'Association']);

/** Tag one pre-tokenised sentence (evaluation on CoNLL-style data): BIO strings per token. */
export function tagTokens(words: string[]): string[] {
  return tagDocument([words])[0];
}

/**
 * Tag a pre-tokenised document (CoNLL-style sentences): the same pipeline as `recognizeEntities` after
 * tokenisation — tagger, span repairs, rules, document-level consistency across the sentences, junk filter.
 */
export function tagDocument(sentences: string[][]): string[][] {
  try {
    return tagDocumentUnsafe(sentences);
  } catch {
    recognizerFailures++;
    return sentences.map((s) => s.map(() => 'O'));
  }
}

function tagDocumentUnsafe(sentences: string[][]): string[][] {
  const norm: string[] = [];
  const sentStart: boolean[] = [];
  for (const s of sentences) for (let i = 0; i < s.length; i++) { norm.push(normalizeToken(s[i])); sentStart.push(i === 0); }
  const n = norm.length;
  const tk: Tokens = { norm, start: new Array(n).fill(0), end: new Array(n).fill(0), sentStart };
  const tags = new Uint8Array(n);
  let s0 = 0;
  for (let i = 1; i <= n; i++) if (i === n || sentStart[i]) { tagRange(norm, s0, i, tags); s0 = i; }
  let spans = extendOrgs(norm, spansFromTags(norm, tags, 0, n, sentStart), n);
  const head = headlineTokens(tk);
  spans = documentPasses(tk, applyRules(tk, spans, head), head);
  const flat: string[] = new Array(n).fill('O');
  for (const sp of spans) {
    const ty = sp.type === 'person' ? 'PER' : sp.type === 'organization' ? 'ORG' : 'LOC';
    for (let k = sp.s; k < sp.e; k++) flat[k] = (k === sp.s ? 'B-' : 'I-') + ty;
  }
  const out: string[][] = [];
  let o = 0;
  for (const s of sentences) { out.push(flat.slice(o, o + s.length)); o += s.length; }
  return out;
}

function isAllCapsWord(w: string): boolean {
  // /^[A-Z][A-Z.'-]*$/ with at least two characters, without the regex (called for many tokens)
  const n = w.length;
  if (n < 2) return false;
  let c = w.charCodeAt(0);
  if (c < 65 || c > 90) return false;
  for (let i = 1; i < n; i++) {
    c = w.charCodeAt(i);
    if ((c < 65 || c > 90) && c !== 46 && c !== 39 && c !== 45) return false;
  }
  return true;
}

/** "LUCCA, Italy (AP) —" / "MOSCOW —": all-caps words opening a line followed by a dateline marker. */
function datelineSpans(tk: Tokens, text: string): Span[] {
  const out: Span[] = [];
  const n = tk.norm.length;
  for (let i = 0; i < n; i++) {
    if (!isAllCapsWord(tk.norm[i]) || tk.norm[i].length < 3) continue;
    if (!tk.sentStart[i] && !(i > 0 && text.slice(tk.end[i - 1], tk.start[i]).includes('\n'))) continue;
    let j = i;
    while (j < n && isAllCapsWord(tk.norm[j]) && j - i < 4) j++;
    // look ahead for the dateline marker within a few tokens on the same line
    let ok = false;
    for (let k = j; k < Math.min(n, j + 8); k++) {
      const w = tk.norm[k];
      if (w === '--' || w === '-' || w === '(' ) { ok = true; break; }
      if (w === '.' || text.slice(tk.end[k - 1] ?? tk.end[j - 1], tk.start[k]).includes('\n')) break;
    }
    if (ok && j < n && (tk.norm[j] === ',' || tk.norm[j] === '--' || tk.norm[j] === '-' || tk.norm[j] === '(')) {
      out.push(span(i, j, 'place'));
      // "(Danube Wire) —" / "(AP) --": the outlet in parentheses is an organisation
      let p = j;
      while (p < Math.min(n, j + 8) && tk.norm[p] !== '(') p++;
      if (p < n && tk.norm[p] === '(') {
        let q = p + 1;
        while (q < n && q - p <= 5 && isCap(tk.norm[q]) && /^\p{L}/u.test(tk.norm[q])) q++;
        const after = tk.norm[q + 1];
        if (q > p + 1 && tk.norm[q] === ')' && (after === '--' || after === '-' || after === ':')) out.push(span(p + 1, q, 'organization'));
      }
    }
  }
  return out;
}

const ROLE_FUNCTION = new Set(['of', 'the', 'for', 'and', "'s", 'on', 'to']);

/** Title words right before a person span: "US Secretary of State", "Russian Foreign Minister". */
function titleBefore(tk: Tokens, s: number, spansEndAt: Map<number, Span>): [number, number] | null {
  if (tk.sentStart[s]) return null;
  let k = s - 1;
  while (k >= 0 && isHonorific(tk.norm[k]) && !tk.sentStart[k + 1]) k--;
  // "Putin's spokesman, Dmitry Peskov"
  if (k >= 1 && tk.norm[k] === ',' && TITLE_HEADS.has(lower(tk.norm[k - 1]))) k--;
  else if (k >= 0 && tk.norm[k] === ',') return null;
  const end = k;
  let head = false;
  while (k >= 0) {
    if (k < end && tk.sentStart[k + 1]) break;
    if (tk.norm[k] === "'s" && k > 0 && k < end) {
      const owner = spansEndAt.get(k);
      if (owner) { k = owner.s - 1; break; }
    }
    const w = tk.norm[k];
    const l = lower(w);
    if (TITLE_HEADS.has(l)) head = true;
    if (TITLE_WORDS.has(l) || TITLE_HEADS.has(l) || RULE_TITLE_WORDS.has(l)) { k--; continue; }
    if (ROLE_FUNCTION.has(l) && l !== "'s") { k--; continue; }
    if (isCap(w) && (DEMONYMS.has(w) || COUNTRY_ALIAS.has(w) || ORG_ALIAS.has(w))) { k--; continue; }
    const sp = spansEndAt.get(k + 1);
    if (sp && sp.type !== 'person' && k + 1 <= end) { k = sp.s - 1; continue; }
    break;
  }
  let b = k + 1;
  while (b <= end && ROLE_FUNCTION.has(lower(tk.norm[b]))) b++;
  if (!head || b > end) return null;
  // the title must be adjacent (only honorifics between)
  return [b, end + 1];
}

/** Apposition after a person: ", the Kremlin spokesman," / ", White House press secretary,". */
function titleAfter(tk: Tokens, e: number, spansStartAt: Map<number, Span>): [number, number] | null {
  const n = tk.norm.length;
  if (e >= n || tk.norm[e] !== ',') return null;
  let k = e + 1;
  let b = k;
  while (k < n && (lower(tk.norm[k]) === 'the' || lower(tk.norm[k]) === 'a' || lower(tk.norm[k]) === 'an')) k++;
  b = k;
  let head = false;
  let lastHead = -1;
  while (k < n && k - b < 8) {
    const w = tk.norm[k];
    const l = lower(w);
    if (TITLE_HEADS.has(l)) { head = true; lastHead = k; k++; continue; }
    if (TITLE_WORDS.has(l) || ROLE_FUNCTION.has(l)) { k++; continue; }
    const sp = spansStartAt.get(k);
    if (sp && sp.type !== 'person') { k = sp.e; continue; }
    if (isCap(w) && (DEMONYMS.has(w) || COUNTRY_ALIAS.has(w))) { k++; continue; }
    break;
  }
  if (!head || lastHead < b) return null;
  const stop = k < n ? tk.norm[k] : '.';
  if (stop !== ',' && stop !== '.' && stop !== ';' && stop !== ')' && stop !== '--' && !(k === lastHead + 1)) return null;
  return [b, lastHead + 1];
}

/** Surface of a span (space-joined tokens), memoised on the span while its bounds stay the same. */
function key(tk: Tokens, sp: Span): string {
  if (sp.k !== undefined && sp.ks === sp.s && sp.ke === sp.e) return sp.k;
  let s = tk.norm[sp.s];
  for (let k = sp.s + 1; k < sp.e; k++) s += ' ' + tk.norm[k];
  sp.k = s;
  sp.ks = sp.s;
  sp.ke = sp.e;
  return s;
}

/** Document-level consistency: majority type per surface, surnames of full names are persons, missed repeats added. */
const LOCATIVES = new Set(['in', 'near', 'outside', 'inside', 'around', 'across', 'into', 'at']);
const PLACE_NOUNS = new Set(['town', 'city', 'village', 'province', 'region', 'district', 'capital', 'port', 'county', 'suburb', 'island']);
const SPEECH_AFTER = new Set(['said', 'says', 'told', 'added', 'asked', 'wrote', 'argued', 'insisted', 'warned', 'announced']);

/**
 * A name the tagger read as a person that the document only ever uses as a location ("the attack in
 * Khan Sheikhoun", "the town of Khan Sheikhoun") is a place: at least half of its mentions follow
 * a locative preposition or "town / city / province… of", and none has a title, an honorific, a speech verb, a known first name or a
 * full name it is the surname of. Votes are moved with the spans.
 */
function placesByEvidence(tk: Tokens, spans: Span[], votes: Map<string, Record<MentionType, number>>, surname: Map<string, number>): void {
  const evidence = new Map<string, { n: number; locative: number; person: boolean }>();
  for (const sp of spans) {
    if (sp.type !== 'person') continue;
    const k = key(tk, sp);
    let ev = evidence.get(k);
    if (!ev) evidence.set(k, (ev = { n: 0, locative: 0, person: false }));
    ev.n++;
    const before = sp.s > 0 && !tk.sentStart[sp.s] ? tk.norm[sp.s - 1] : '';
    const after = sp.e < tk.norm.length ? lower(tk.norm[sp.e]) : '';
    // "in X", or "the town of X"
    const placeHead = before === 'of' && sp.s > 1 && PLACE_NOUNS.has(lower(tk.norm[sp.s - 2]));
    if (LOCATIVES.has(lower(before)) || placeHead) ev.locative++;
    const titled = isHonorific(before) || (isTitleWord(before) && !FUNCTION_WORDS.has(lower(before))); // not the "of" of "Secretary of State"
    if (titled || SPEECH_AFTER.has(after) || after === "'s" || after === '’s') ev.person = true;
    if (FIRST_NAMES.has(tk.norm[sp.s]) || surname.has(tk.norm[sp.e - 1]) && sp.e - sp.s === 1) ev.person = true;
  }
  for (const sp of spans) {
    if (sp.type !== 'person') continue;
    const k = key(tk, sp);
    const ev = evidence.get(k)!;
    if (ev.person || ev.locative === 0 || ev.locative * 2 < ev.n) continue;
    sp.type = 'place';
    const v = votes.get(k)!;
    v.person--;
    v.place++;
  }
}

/**
 * "KESTERBY HOLD VARNA TO GOALLESS DRAW" over a story about "Varna Athletic": a headline names a club or a
 * company by its first word, which is a town's name too; a one-word headline span that opens an
 * organisation's name in the body takes its type.
 */
function headlineShortNames(tk: Tokens, spans: Span[], head: Uint8Array): void {
  let opens: Set<string> | null = null;
  for (const sp of spans) {
    // (an ALL-CAPS headline: a Title Case sentence may be read as a headline too)
    if (sp.e - sp.s !== 1 || !head[sp.s] || sp.type === 'organization' || !isAllCapsWord(tk.norm[sp.s])) continue;
    if (!opens) {
      opens = new Set();
      for (const o of spans) if (o.type === 'organization' && o.e - o.s >= 2 && !head[o.s]) opens.add(lower(tk.norm[o.s]));
    }
    // ("PAKISTAN'S BHUTTO …" over "Pakistan People's Party": a country is itself, not the party it opens)
    if (opens.has(lower(tk.norm[sp.s])) && !isCountryName(tk.norm[sp.s])) sp.type = 'organization';
  }
}

/**
 * "WTO" in a headline over "the World Trade Organisation" in the body: an acronym whose letters are the
 * initials of a name of several words the document spells out takes that name's type.
 */
function acronymsOfNames(tk: Tokens, spans: Span[]): void {
  let initials: Map<string, MentionType> | null = null;
  for (const sp of spans) {
    const w = tk.norm[sp.s];
    if (sp.e - sp.s !== 1 || w.length > 6 || !isAllCapsWord(w)) continue;
    if (!initials) {
      initials = new Map();
      for (const o of spans) {
        if (o.e - o.s < 2 || o.type === 'person') continue;
        let letters = '';
        for (let k = o.s; k < o.e; k++) if (isCap(tk.norm[k])) letters += tk.norm[k][0]; // (function words are in lower case)
        if (letters.length >= 2 && !initials.has(letters)) initials.set(letters, o.type);
      }
    }
    const type = initials.get(w);
    if (type) sp.type = type;
  }
}

/**
 * "Fatah and Hamas" read as one organisation: when the document names both on their own elsewhere, they
 * are two ("Procter and Gamble" is never printed as "Procter" alone).
 */
function splitKnownPairs(tk: Tokens, spans: Span[], votes: Map<string, Record<MentionType, number>>, best: (k: string) => MentionType | null): Span[] {
  let out: Span[] | null = null;
  for (let x = 0; x < spans.length; x++) {
    const sp = spans[x];
    const a = tk.norm[sp.s], b = tk.norm[sp.s + 2];
    const pair = sp.e - sp.s === 3 && sp.type !== 'person' && tk.norm[sp.s + 1] === 'and' && votes.has(a) && votes.has(b);
    if (pair) (out ??= spans.slice(0, x)).push(span(sp.s, sp.s + 1, best(a)!), span(sp.s + 2, sp.e, best(b)!));
    else out?.push(sp);
  }
  return out ?? spans;
}

/** Labels of team sports that open a wire's sports page ("SOCCER - LIVERPOOL GO CLEAR …", "ICE HOCKEY - …"). */
const TEAM_SPORT_LABELS = new Set(['SOCCER', 'FOOTBALL', 'RUGBY', 'CRICKET', 'BASKETBALL', 'HOCKEY', 'BASEBALL', 'HANDBALL', 'VOLLEYBALL', 'NFL', 'NBA', 'NHL']);

/** Whether a line opens with a team sport's label before a dash: the page reports matches between clubs. */
function isTeamSportPage(tk: Tokens): boolean {
  const words = tk.norm;
  for (let k = 0; k < words.length; k++) {
    if (!tk.sentStart[k]) continue;
    for (let j = k; j < k + 3 && j < words.length && (j === k || !tk.sentStart[j]); j++) {
      // (harmonise reads the headline folded: "Soccer - Liverpool Go Clear")
      if (!isCap(words[j]) || !TEAM_SPORT_LABELS.has(words[j].toUpperCase())) continue;
      if (words[j + 1] === '-' || words[j + 2] === '-') return true;
    }
  }
  return false;
}

/**
 * "Liverpool went three points clear", "Chelsea 's Italian striker": on a team sport's page a town named
 * alone is its club (read as a person or a place), unless a locative or "from" comes before it, it is a
 * country (national sides are places), a layout placed it (a dateline), or it is a surname (of the gazetteer
 * when read as a person, or of a person the page names in full). Returns the towns it made clubs.
 */
function townsOnTeamSportPages(tk: Tokens, spans: Span[]): Set<string> | null {
  let page: boolean | undefined;
  let surnames: Set<string> | null = null;
  let clubs: Set<string> | null = null;
  for (const sp of spans) {
    if (sp.e - sp.s !== 1 || sp.layout) continue;
    const w = tk.norm[sp.s];
    const town = isAllCapsWord(w) ? titleCaps(w) : w;
    if (!CITIES.has(town) || isCountryName(town)) continue;
    if (sp.type === 'organization') { // read as the club already
      if ((page ??= isTeamSportPage(tk)) === false) return null;
      (clubs ??= new Set()).add(town);
      continue;
    }
    // (a surname read as a person stays one: "Wright" is a town too)
    if (sp.type === 'person' && ((SINGLE.get(town) ?? 0) & GZ_SURNAME) !== 0) continue;
    const before = sp.s > 0 ? lower(tk.norm[sp.s - 1]) : '';
    if (LOCATIVES.has(before) || before === 'from') continue;
    if ((page ??= isTeamSportPage(tk)) === false) return null;
    if (!surnames) {
      surnames = new Set();
      for (const p of spans) if (p.type === 'person' && p.e - p.s >= 2) surnames.add(tk.norm[p.e - 1]);
    }
    if (!surnames.has(w) && !surnames.has(town)) {
      sp.type = 'organization';
      (clubs ??= new Set()).add(town);
    }
  }
  return clubs;
}

/**
 * "scored twice for Dortmund", "HELD AS DORTMUND GO TOP" over a results line "Hansa Rostock 1 Borussia
 * Dortmund 3": on a sports page a town named alone that names a side of a results line (or is a word of
 * its name) is that club, unless it follows a locative ("in", "near", "at") or "from".
 */
function clubsNamedByTown(tk: Tokens, spans: Span[]): void {
  let clubWords: Set<string> | null = null;
  for (const sp of spans) {
    if (!sp.layout || sp.type !== 'organization') continue;
    for (let k = sp.s; k < sp.e; k++) {
      const w = tk.norm[k];
      if (w.length >= 4 && isCap(w) && !COMMON_WORDS.has(lower(w)) && !FUNCTION_WORDS.has(lower(w))) (clubWords ??= new Set()).add(isAllCapsWord(w) ? titleCaps(w) : w);
    }
  }
  if (!clubWords) return;
  for (const sp of spans) {
    if (sp.type !== 'place' || sp.e - sp.s !== 1 || sp.layout) continue;
    const w = tk.norm[sp.s];
    if (!clubWords.has(isAllCapsWord(w) ? titleCaps(w) : w) || isCountryName(w)) continue;
    const before = sp.s > 0 ? lower(tk.norm[sp.s - 1]) : '';
    if (!LOCATIVES.has(before) && before !== 'from') sp.type = 'organization';
  }
}

function harmonise(tk: Tokens, spans: Span[], head: Uint8Array): Span[] {
  clubsNamedByTown(tk, spans);
  // (the clubs it finds take no place vote from a dateline naming their town: "HOUSTON" over "for Houston")
  const clubs = townsOnTeamSportPages(tk, spans);
  const votes = new Map<string, Record<MentionType, number>>();
  const surname = new Map<string, number>();
  // the shorter names the document's organisations go by (see shortNamesOf): organisations wherever printed
  let shortNames: Set<string> | null = null;
  for (const sp of spans) {
    const k = key(tk, sp);
    let v = votes.get(k);
    if (!v) votes.set(k, (v = { person: 0, organization: 0, place: 0 }));
    // a layout (results line, dateline, scoreboard) is surer of the type than the tagger, and a headline read less
    // sure than the body ("BRADFORD SIGN …" read as a person over "Bradford coach …")
    v[sp.type] += sp.layout ? 2 : head[sp.s] ? 0.5 : 1;
    // a dateline's town in capitals votes for the body's spelling too ("RUSSELL, Kansas" and "hometown of Russell")
    if (sp.layout && sp.type === 'place' && sp.e - sp.s <= 3 && !head[sp.s] && isAllCapsWord(tk.norm[sp.s]) && tk.norm[sp.s].length > 3 && !clubs?.has(titleCaps(k))) {
      const t = titleCaps(k);
      let tv = votes.get(t);
      if (!tv) votes.set(t, (tv = { person: 0, organization: 0, place: 0 }));
      tv.place += 2;
    }
    if (sp.type === 'person' && sp.e - sp.s >= 2) {
      const last = tk.norm[sp.e - 1];
      surname.set(last, (surname.get(last) ?? 0) + 1);
    }
    if (sp.type === 'organization' && sp.e - sp.s >= 2) for (const short of shortNamesOf(tk.norm, sp.s, sp.e)) (shortNames ??= new Set()).add(short);
  }
  if (shortNames) for (const k of shortNames) {
    let v = votes.get(k);
    if (!v) votes.set(k, (v = { person: 0, organization: 0, place: 0 }));
    v.organization += 3; // the full name says it outright: more than the tagger's readings of the short one ("Honda" twice a place)
  }
  placesByEvidence(tk, spans, votes, surname);
  const best = (k: string): MentionType | null => {
    const v = votes.get(k);
    if (!v) return null;
    let b: MentionType = 'person';
    for (const t of ['organization', 'place'] as const) if (v[t] > v[b]) b = t;
    return b;
  };
  let alsoSurnames: Span[] | null = null;
  for (const sp of spans) {
    // "Tillerson Flies" in a Title Case headline: a one-off span opening with a known surname
    // (not a full name of its own in the body: "Karl Malone" beside "George Karl")
    const v0 = sp.e - sp.s >= 2 && surname.has(tk.norm[sp.s]) && (head[sp.s] || !personNameAt(tk.norm, sp.s, sp.e)) ? votes.get(key(tk, sp))! : null;
    if (v0 && v0.person + v0.organization + v0.place <= 1 && (surname.get(tk.norm[sp.e - 1]) ?? 0) <= 1) {
      // "DOLE PICKS KEMP": a known surname ending it is a person too
      // (a surname of another person: a person span counted its own last word)
      if (sp.e - sp.s >= 3 && (surname.get(tk.norm[sp.e - 1]) ?? 0) > (sp.type === 'person' ? 1 : 0)) (alsoSurnames ??= []).push(span(sp.e - 1, sp.e, 'person'));
      sp.e = sp.s + 1;
      sp.type = 'person';
      continue;
    }
    const k = key(tk, sp);
    if (sp.e - sp.s === 1 && surname.has(k) && sp.type !== 'person') {
      const v = votes.get(k)!;
      // a full name outweighs two bare readings ("Bob Dole" over "Dole, 73," read as the French town twice)
      if (v.place + v.organization <= 2 * surname.get(k)! + v.person) sp.type = 'person';
      continue;
    }
    const b = best(k)!;
    const v = votes.get(k)!;
    if (v[b] > v[sp.type]) sp.type = b;
  }
  if (alsoSurnames) spans = spans.concat(alsoSurnames).sort((a, b) => a.s - b.s);
  spans = splitKnownPairs(tk, spans, votes, best);
  // add missed repeats of known multi-char surfaces (capitalised, not already covered)
  const covered = new Uint8Array(tk.norm.length);
  for (const sp of spans) for (let k = sp.s; k < sp.e; k++) covered[k] = 1;
  // repeats take the type the spans have after the fixes above
  votes.clear();
  for (const sp of spans) {
    const k = key(tk, sp);
    let v = votes.get(k);
    if (!v) votes.set(k, (v = { person: 0, organization: 0, place: 0 }));
    v[sp.type]++;
  }
  const byFirst = new Map<string, Array<{ toks: string[]; type: MentionType }>>();
  for (const k of votes.keys()) {
    if (k.length < 3 || !isCap(k)) continue; // (isCap reads the first letter: the first word's)
    const toks = k.split(' ');
    let l = byFirst.get(toks[0]);
    if (!l) byFirst.set(toks[0], (l = []));
    l.push({ toks, type: best(k)! });
  }
  if (shortNames) for (const k of shortNames) if (!votes.has(k) && k.length >= 3 && isCap(k)) {
    votes.set(k, { person: 0, organization: 1, place: 0 });
    const toks = k.split(' ');
    let l = byFirst.get(toks[0]);
    if (!l) byFirst.set(toks[0], (l = []));
    l.push({ toks, type: 'organization' });
  }
  for (const [sn] of surname) if (!votes.has(sn) && sn.length >= 3) {
    let l = byFirst.get(sn);
    if (!l) byFirst.set(sn, (l = []));
    l.push({ toks: [sn], type: 'person' });
  }
  for (const l of byFirst.values()) l.sort((a, b) => b.toks.length - a.toks.length);
  // a span that is the start of a longer surface known in the document takes that surface
  // ("Eastbridge" on a line of its own before "Radio" when "Eastbridge Radio" is an organisation)
  const current = new Set<string>();
  for (const sp of spans) current.add(key(tk, sp));
  for (let x = 0; x < spans.length; x++) {
    const sp = spans[x];
    const l = byFirst.get(tk.norm[sp.s]);
    if (!l) continue;
    const next = x + 1 < spans.length ? spans[x + 1].s : tk.norm.length;
    for (const cand of l) {
      const m = cand.toks.length;
      if (m <= sp.e - sp.s) break;
      if (sp.s + m > tk.norm.length || !current.has(cand.toks.join(' '))) continue;
      let ok = true;
      for (let k = 0; k < m; k++) if (tk.norm[sp.s + k] !== cand.toks[k] || (k > 0 && tk.sentStart[sp.s + k]) || (sp.s + k >= sp.e && sp.s + k >= next)) { ok = false; break; }
      if (ok) { sp.e = sp.s + m; sp.type = cand.type; break; }
    }
  }
  const added: Span[] = [];
  for (let i = 0; i < tk.norm.length; i++) {
    if (covered[i] || !isCap(tk.norm[i])) continue; // surfaces start with a capital
    const l = byFirst.get(tk.norm[i]);
    if (!l) continue;
    for (const cand of l) {
      const m = cand.toks.length;
      if (i + m > tk.norm.length) continue;
      let ok = true;
      for (let k = 0; k < m; k++) if (covered[i + k] || tk.norm[i + k] !== cand.toks[k] || (k > 0 && tk.sentStart[i + k])) { ok = false; break; }
      // the next token must not continue a capitalised name (in an ALL-CAPS headline every word is capitalised:
      // "BRANNVIK HOLD ROSENBORG" repeats the body's "Brannvik" and "Rosenborg")
      if (ok && i + m < tk.norm.length && isCap(tk.norm[i + m]) && !tk.sentStart[i + m] && /^\p{L}/u.test(tk.norm[i + m]) && !(head[i + m] && isCapsHeadWord(tk, i + m))) ok = false;
      if (ok && i > 0 && isCap(tk.norm[i - 1]) && !tk.sentStart[i] && /^\p{L}/u.test(tk.norm[i - 1]) && !(tk.sentStart[i - 1] && FUNCTION_WORDS.has(lower(tk.norm[i - 1]))) && !isTitleWord(tk.norm[i - 1]) && !isHonorific(tk.norm[i - 1]) && !(head[i - 1] && (isCapsHeadWord(tk, i - 1) || isNationality(tk.norm[i - 1])))) ok = false; // ("GERMAN | BUNDESBANK")
      if (ok) {
        added.push(span(i, i + m, cand.type));
        i += m - 1;
        break;
      }
    }
  }
  if (added.length) {
    spans = spans.concat(added);
    spans.sort((a, b) => a.s - b.s);
  }
  return spans;
}

function isTeamOfTown(words: string[], s: number, e: number): boolean {
  const last = words[e - 1];
  const n = last.length;
  // "Bulls", not a surname ("Peters"), after a town that is no first name ("Victoria Adams", "Austin Peters")
  if (n < 4 || last.charCodeAt(n - 1) !== 115 || isPersonName(last) || FIRST_NAMES.has(words[s])) return false;
  return isPlaceName(words.slice(s, e - 1).join(' '));
}

/**
 * The shorter names an organisation's full name (words s..e) gives it in the same document: without its legal
 * form ("Daimler-Benz AG" -> "Daimler-Benz"), and its first word when a trade follows ("Philips Electronics NV"
 * -> "Philips"); a team named by its town by its plural ("Chicago Bulls" -> "Bulls", "Toronto Blue Jays" ->
 * "Blue Jays").
 */
function shortNamesOf(words: string[], s: number, e: number): string[] {
  const out: string[] = [];
  const last = words[e - 1];
  if (LEGAL_FORMS.has(last)) {
    let stem = e - 1;
    while (stem > s + 1 && LEGAL_FORMS.has(words[stem - 1])) stem--; // "Honda Motor Co Ltd"
    out.push(words.slice(s, stem).join(' '));
    const first = words[s];
    // "Ford Motor Co" -> "Ford"; "Brannvik Tool Corp" -> "Brannvik" (a trade named by a common word; not a
    // place's name: "Cincinnati Milacron Inc" is no "Cincinnati")
    const trade = COMMERCIAL_HEADS.has(words[s + 1]) || (COMMON_WORDS.has(lower(words[s + 1])) && !isPlaceName(first));
    if (stem - s === 2 && trade && !COMMON_WORDS.has(lower(first)) && !isNationality(first)) out.push(first);
    return out;
  }
  if (last.length < 4 || (last.charCodeAt(last.length - 1) | 32) !== 115 || ORG_SUFFIXES.has(last) || COMMERCIAL_HEADS.has(last)) return out;
  for (let k = e - 1; k >= Math.max(s + 1, e - 2); k--) {
    if (!isCap(words[k])) break;
    if (isPlaceName(words.slice(s, k).join(' '))) {
      out.push(words.slice(k, e).join(' '));
      break;
    }
  }
  return out;
}

/** A folded ALL-CAPS headline word that is a common word ("HOLD" -> "Hold"): no part of a name. */
function isCapsHeadWord(tk: Tokens, k: number): boolean {
  const w = tk.norm[k];
  return COMMON_WORDS.has(w.toLowerCase()) || FUNCTION_WORDS.has(w.toLowerCase());
}

/**
 * Find person / organization / place names in raw text. Offsets are UTF-16 indices into `text`;
 * `text` of each mention is `text.slice(start, end)`. Titles and honorifics are never inside a person
 * span; a title right before the name or in apposition is returned in `title`. Possessive "'s" is not
 * part of the span. Deterministic; never throws (returns [] on internal failure).
 */
export function recognizeEntities(text: string): Mention[] {
  try {
    return recognize(text);
  } catch {
    recognizerFailures++;
    return [];
  }
}

/**
 * How many texts the pipeline failed on (and answered with no entities) since the process started: a rule
 * that throws costs a whole document its entities silently, so the evaluation tests assert this stays 0.
 */
export let recognizerFailures = 0;

/**
 * Tags of recently seen sentences, by their text. A sentence's tags depend on its words alone, which
 * its text from first to last token determines; a keystroke changes one sentence of the document, so
 * the others are looked up instead of re-tagged. (Keyed by the text slice, not the joined words:
 * building that key for every sentence cost a tenth of recognition.)
 */
const sentenceTags = new Map<string, Uint8Array>();
const SENTENCE_TAGS_MAX = 4096;

function tagSentence(tk: Tokens, text: string, from: number, to: number, out: Uint8Array): void {
  const key = text.slice(tk.start[from], tk.end[to - 1]);
  const known = sentenceTags.get(key);
  if (known) {
    out.set(known, from);
    return;
  }
  tagRange(tk.norm, from, to, out);
  if (sentenceTags.size >= SENTENCE_TAGS_MAX) sentenceTags.clear();
  // A flat copy as the key: a slice would keep this version of the whole document alive.
  sentenceTags.set(flatCopy(key), out.slice(from, to));
}

/** Tokens, spans after the rule layer, and headline marks of a text (a document, or one block of it). */
interface RuledText {
  tk: Tokens;
  spans: Span[];
  head: Uint8Array;
  /** Of a text read block by block: its blocks, for what the junk filter asks of the whole document. */
  blocks?: RuledBlock[];
}

/** A block as kept between versions; its vocabulary is worked out on first need and kept with it. */
interface RuledBlock extends RuledText {
  vocabulary?: { capitalisedMid: Set<string>; lower: Set<string> };
}

/**
 * What the junk filter asks of the whole document: whether a word is capitalised mid-sentence
 * somewhere (outside headlines), and whether a word is written in lower case somewhere.
 */
interface DocumentVocabulary {
  capitalisedMid(word: string): boolean;
  writtenLower(word: string): boolean;
}

/**
 * The document's vocabulary from its blocks' own (no sentence and no headline runs across a block
 * end, so a block's headline marks are the document's): a keystroke builds the
 * vocabulary of the block it changed, not the whole document's.
 */
function vocabularyOfBlocks(blocks: RuledBlock[]): DocumentVocabulary {
  const of = (block: RuledBlock) => {
    if (block.vocabulary) return block.vocabulary;
    const tk = block.tk;
    const head = withShortHeadings(tk, block.head);
    const capitalisedMid = new Set<string>();
    const lower = new Set<string>();
    for (let i = 0; i < tk.norm.length; i++) {
      const w = tk.norm[i];
      if (i > 0 && !tk.sentStart[i] && !head[i] && isNameWord(w)) capitalisedMid.add(w);
      if (isLowerWord(w)) lower.add(w);
    }
    return (block.vocabulary = { capitalisedMid, lower });
  };
  return {
    capitalisedMid: (word) => blocks.some((block) => of(block).capitalisedMid.has(word)),
    writtenLower: (word) => blocks.some((block) => of(block).lower.has(word)),
  };
}

/** Tokenising, tagging and the rule layer: everything before the document-level passes. */
function readRuled(text: string): RuledText {
  const tk = tokenize(text);
  const n = tk.norm.length;
  const tags = new Uint8Array(n);
  let s = 0;
  for (let i = 1; i <= n; i++) {
    if (i === n || tk.sentStart[i]) {
      tagSentence(tk, text, s, i, tags);
      s = i;
    }
  }
  let spans = extendOrgs(tk.norm, spansFromTags(tk.norm, tags, 0, n, tk.sentStart), n);
  // datelines override whatever the tagger said about those tokens
  const dl = datelineSpans(tk, text);
  if (dl.length) {
    spans = withoutOverlaps(spans, dl, 0, n);
    spans.push(...dl);
    spans.sort((a, b) => a.s - b.s);
  }
  const head = headlineTokens(tk);
  return { tk, spans: applyRules(tk, spans, head), head };
}

/** Blocks of the last document: tokens, tags and rule-layer spans, never changed once read. */
const ruledBlocks = new BlockMemo<RuledBlock>((block) => {
  const read = readRuled(block);
  // plain copies: the later passes change spans in place, and a kept block is read again
  return { tk: read.tk, spans: read.spans.map((sp) => plainSpan(sp, 0)), head: read.head };
}, (text) => blockEnds(text, true));

/**
 * readRuled, for a new version of the document read last (a keystroke), block by block, reusing the
 * blocks the two share: no sentence runs past a block's end (blocks.ts), so the tokens, tags and
 * rule-layer spans of a block are those of the whole text there (a random-edit test checks it), and a
 * keystroke re-reads one block instead of a 30 KB article. Another document gets one pass.
 */
function readRuledIncrementally(text: string): RuledText {
  const blocks = ruledBlocks.blocks(text);
  if (!blocks) return readRuled(text);
  let n = 0;
  for (const b of blocks) n += b.value.tk.norm.length;
  const tk: Tokens = { norm: new Array(n), start: new Array(n), end: new Array(n), sentStart: new Array(n) };
  const head = new Uint8Array(n);
  const spans: Span[] = [];
  let base = 0;
  for (const { value, offset } of blocks) {
    const bt = value.tk;
    for (let i = 0; i < bt.norm.length; i++) {
      tk.norm[base + i] = bt.norm[i];
      tk.start[base + i] = bt.start[i] + offset;
      tk.end[base + i] = bt.end[i] + offset;
      tk.sentStart[base + i] = bt.sentStart[i];
    }
    head.set(value.head, base);
    for (const sp of value.spans) spans.push(plainSpan(sp, base));
    base += bt.norm.length;
  }
  return { tk, spans, head, blocks: blocks.map((b) => b.value) };
}

function plainSpan(sp: Span, shift: number): Span {
  return sp.layout ? span(sp.s + shift, sp.e + shift, sp.type, true) : span(sp.s + shift, sp.e + shift, sp.type);
}

/**
 * The passes over the whole document after the rule layer, shared by raw text and pre-tokenised input
 * (evaluation): document-level consistency, headline short names, weekdays out of names, the junk filter,
 * the shape of a name.
 */
/**
 * A wire's press digest ("PRESS DIGEST - Greece - Dec 11") lists each paper's stories under its name, a line
 * of its own in capitals ("KATHIMERINI", "TA NEA"): each such line is an organisation.
 */
function pressDigestPapers(tk: Tokens, spans: Span[]): Span[] {
  const words = tk.norm;
  const n = words.length;
  let digest = false;
  for (let k = 0; k + 1 < n && !digest; k++) digest = tk.sentStart[k] && (words[k] === 'PRESS' || words[k] === 'Press') && (words[k + 1] === 'DIGEST' || words[k + 1] === 'Digest');
  if (!digest) return spans;
  const add: Span[] = [];
  for (let s = 0; s < n; ) {
    let e = s + 1;
    while (e < n && !tk.sentStart[e]) e++;
    let papers = e - s <= 4;
    for (let k = s; k < e && papers; k++) papers = words[k].length >= 2 && isAllCapsWord(words[k]) && hasLetter(words[k]) && words[k] !== 'PRESS' && !isPlaceName(titleCaps(words[k]));
    if (papers) add.push(span(s, e, 'organization', true));
    s = e;
  }
  if (!add.length) return spans;
  const kept = spans.filter((sp) => !add.some((a) => sp.s < a.e && a.s < sp.e));
  return kept.concat(add).sort((a, b) => a.s - b.s);
}

function documentPasses(tk: Tokens, spans: Span[], head: Uint8Array, vocabulary?: DocumentVocabulary): Span[] {
  spans = pressDigestPapers(tk, spans);
  spans = harmonise(foldHeadlines(tk, head), spans, head);
  acronymsOfNames(tk, spans);
  headlineShortNames(tk, spans, head);
  spans = withoutWeekdays(tk, spans);
  return nameShaped(tk, dropJunk(tk, spans, head, vocabulary));
}

/**
 * No name ends in a particle ("Obama de facto": the rules before may still join what follows, "Petroleos
 * de" + "Venezuela SA"), and a name has a capital letter: particles, numbers or verbs the tagger kept
 * alone ("de", "16-year", "broke-up") name nothing.
 */
function nameShaped(tk: Tokens, spans: Span[]): Span[] {
  const words = tk.norm;
  const out: Span[] = [];
  for (const sp of spans) {
    // (nor in "and", "of": "Fatah and"; nor in a possessive the tagger took in, "Renewal Movement 's", but a
    // ground's name a layout read keeps it: "At Lord's:")
    while (sp.e - sp.s > 1 && (PARTICLES.has(words[sp.e - 1]) || words[sp.e - 1] === 'and' || words[sp.e - 1] === 'of' || words[sp.e - 1] === 'or' ||
      (!sp.layout && (words[sp.e - 1] === "'s" || words[sp.e - 1] === "'")))) sp.e--;
    // nor opens with a lower-case function word: "(3-1) at Stamford Bridge", the tagger's score trimmed off
    while (sp.e - sp.s > 1 && !PARTICLES.has(words[sp.s]) && FUNCTION_WORDS.has(words[sp.s])) sp.s++;
    // "Al-Qaida's North African (wing)": what follows the possessive is a description, not the name
    for (let k = sp.s + 1; k < sp.e - 1; k++) {
      if (words[k] !== "'s" && words[k] !== '’s') continue;
      let described = true;
      for (let x = k + 1; x < sp.e && described; x++) described = DEMONYMS.has(words[x]) || DIRECTION_WORDS.has(words[x]);
      if (described) sp.e = k;
      break;
    }
    let capital = isCap(words[sp.s]);
    for (let k = sp.s; k < sp.e && !capital; k++) capital = /\p{Lu}/u.test(words[k]);
    if (capital) out.push(sp);
  }
  return out;
}

function recognize(text: string): Mention[] {
  const ruled = readRuledIncrementally(text);
  const tk = ruled.tk, head = ruled.head;
  if (tk.norm.length === 0) return [];
  const spans = documentPasses(tk, ruled.spans, head, ruled.blocks && vocabularyOfBlocks(ruled.blocks));
  const endAt = new Map<number, Span>();
  const startAt = new Map<number, Span>();
  for (const sp of spans) { endAt.set(sp.e, sp); startAt.set(sp.s, sp); }
  const out: Mention[] = [];
  for (const sp of spans) {
    const start = tk.start[sp.s];
    const end = tk.end[sp.e - 1];
    const m: Mention = { start, end, text: text.slice(start, end), type: sp.type };
    if (sp.type === 'person') {
      const t = titleBefore(tk, sp.s, endAt) ?? titleAfter(tk, sp.e, startAt);
      if (t) m.title = text.slice(tk.start[t[0]], tk.end[t[1] - 1]).replace(/\s+/g, ' ');
    }
    out.push(m);
  }
  return out;
}

const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
/** Months as datelines and digests abbreviate them ("DEC 6"). */
const MONTH_ABBREVIATIONS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
/** (every span's last word is asked: the length and the "y" spare most of them the lower-casing) */
function isWeekday(w: string): boolean {
  const n = w.length;
  return n >= 6 && n <= 9 && (w.charCodeAt(n - 1) | 32) === 121 && WEEKDAYS.has(lower(w));
}

/**
 * "said Kofi Annan Friday", "the House of Commons Wednesday": news puts the day right after a name, and
 * the tagger sometimes takes it in. A name does not end in a weekday, except a title that says so ("Mail
 * on Sunday"), and a weekday alone names nobody (a bare "Friday" tagged a person would be linked to the
 * full name "Kofi Annan Friday" as its surname).
 */
function withoutWeekdays(tk: Tokens, spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const sp of spans) {
    for (;;) {
      // (not a club a score follows: "Sheffield Wednesday 1")
      if (sp.e - sp.s > 1 && isWeekday(tk.norm[sp.e - 1]) && lower(tk.norm[sp.e - 2]) !== 'on' && !(sp.e < tk.norm.length && /^\d{1,3}$/.test(tk.norm[sp.e]))) sp.e--;
      // "… World Bank Saturday and Sunday"
      else if (sp.e - sp.s > 2 && (tk.norm[sp.e - 1] === 'and' || tk.norm[sp.e - 1] === 'or') && isWeekday(tk.norm[sp.e - 2])) sp.e--;
      else break;
    }
    if (sp.e - sp.s === 1 && isWeekday(tk.norm[sp.s])) continue;
    // "PRESS DIGEST - NORWAY - DEC 6": a month's abbreviation before a day of the month
    if (sp.e - sp.s === 1 && sp.e < tk.norm.length && MONTH_ABBREVIATIONS.has(lower(tk.norm[sp.s])) && /^\d{1,2}$/.test(tk.norm[sp.e])) continue;
    out.push(sp);
  }
  return out;
}

// ---- rule layer (after the tagger, before document-level consistency) --------------------------------

const TITLE_MODIFIERS = new Set([
  'foreign', 'defence', 'defense', 'interior', 'finance', 'justice', 'home', 'prime', 'vice', 'deputy', 'chief', 'press',
  'economy', 'economic', 'energy', 'health', 'education', 'labor', 'labour', 'commerce', 'transport', 'agriculture',
  'environment', 'trade', 'acting', 'former', 'senior', 'general', 'attorney', 'interim', 'first',
]);
const SPLIT_KEEP = new Set(['of', 'the', 'and', 'for', 'on', '&', 'de', 'y', 'upon', 'in', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'den', 'da', 'di', 'del', 'bin', 'ibn', 'al', 'el', 'dos', 'das', 'ter', 'zu', 'af', 'ben', 'abu', 'bint', 'at', 'am']);
const NOT_NAME = new Set([
  ...WEEKDAYS, 'january', 'february', 'march',
  'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'today', 'yesterday', 'tomorrow',
]);

function isLetterStart(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  const ch = w[0];
  return ch.toLowerCase() !== ch.toUpperCase() || /^\p{L}/u.test(w);
}
function isNameWord(w: string): boolean {
  return isCap(w) && isLetterStart(w);
}
function isPlaceName(s: string): boolean {
  return isKnownAsPrinted(s, (t) => CITIES.has(t) || COUNTRY_ALIAS.has(t));
}
/** Whether `known` knows the name as printed or, in an ALL-CAPS line ("SWEDEN", "NEW YORK"), in Title Case. */
function isKnownAsPrinted(s: string, known: (t: string) => boolean): boolean {
  if (known(s)) return true;
  // (the regex is asked only when the second character can pass it: most names have a lower-case one)
  const c = s.charCodeAt(1);
  if (s.length < 4 || !((c >= 65 && c <= 90) || c === 32 || c === 46 || c === 39 || c === 45) || !/^[A-Z][A-Z .'-]+$/.test(s)) return false;
  return known(titleCaps(s));
}
/** "NEW YORK" -> "New York" (each ALL-CAPS word in Title Case). */
function titleCaps(s: string): string {
  return s.replace(/[A-Z]+/g, (w) => w[0] + w.slice(1).toLowerCase());
}
function isLowerWord(w: string): boolean {
  const c = w.charCodeAt(0);
  return (c >= 97 && c <= 122) || (c > 127 && w[0].toUpperCase() !== w[0]);
}

/** Per token: 1 when its sentence / line is a Title Case or ALL-CAPS headline. */
function headlineTokens(tk: Tokens): Uint8Array {
  const n = tk.norm.length;
  const out = new Uint8Array(n);
  let s = 0;
  while (s < n) {
    let e = s + 1;
    while (e < n && !tk.sentStart[e]) e++;
    let letters = 0, caps = 0, lowerContent = 0;
    for (let k = s; k < e; k++) {
      const w = tk.norm[k];
      if (!isLetterStart(w)) continue;
      letters++;
      if (isCap(w)) caps++;
      else if (!FUNCTION_WORDS.has(w)) { lowerContent++; break; }
    }
    if (lowerContent === 0 && letters >= 3 && caps >= 0.6 * letters) out.fill(1, s, e);
    s = e;
  }
  return out;
}
/** FUNCTION_WORDS in lower, Capitalised and UPPER case (checked without lowercasing; known acronyms excluded). */
const FUNCTION_FORMS = (() => {
  const t = new Set<string>();
  for (const w of FUNCTION_WORDS) {
    t.add(w);
    t.add(w[0].toUpperCase() + w.slice(1));
    const u = w.toUpperCase();
    if (!ORG_ALIAS.has(u) && !COUNTRY_ALIAS.has(u)) t.add(u); // "OF" in headlines, but "WHO" stays an acronym
  }
  return t;
})();
function hasLetter(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
    if (c > 127 && w[i].toLowerCase() !== w[i].toUpperCase()) return true;
  }
  return false;
}

function hasOrgWord(words: string[], s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (isOrganisationWord(words[k])) return true;
  return false;
}

/**
 * Lists of people ("Squad : Tor Haugen , Erik Dahl , Knut Lie .", line-ups, casts): in a sentence of three or
 * more comma / semicolon separated items where at least two items are full names the tagger read as people
 * (and they are at least half of the name-like items), every item that is a run of 2–4 capitalised words is a
 * person (not place names, not names with an organisation word).
 */
function nameLists(tk: Tokens, spans: Span[]): Span[] {
  const words = tk.norm;
  const n = words.length;
  let add: Span[] | null = null;
  let si = 0;
  let s = 0;
  while (s < n) {
    let e = s + 1;
    let seps = 0;
    for (;;) {
      const w = words[e - 1];
      if (w === ',' || w === ';') seps++;
      if (e >= n || tk.sentStart[e]) break;
      e++;
    }
    if (seps < 2) { s = e; continue; }
    while (si < spans.length && spans[si].e <= s) si++;
    // needs two full names read as people in the sentence
    let full = 0;
    for (let x = si; x < spans.length && spans[x].s < e && full < 2; x++) if (spans[x].type === 'person' && spans[x].e - spans[x].s >= 2) full++;
    if (full < 2) { s = e; continue; }
    // items: runs between separators, leading numbers / dashes / "and" stripped
    const items: Array<[number, number]> = [];
    let a = s;
    for (let k = s; k <= e; k++) {
      const w = k < e ? words[k] : '.';
      if (w === ',' || w === ';' || w === ':' || w === '(' || w === ')' || w === '.' || (w === 'and' && k > a)) {
        let b = a;
        while (b < k && (!isLetterStart(words[b]) || words[b] === 'and')) b++;
        if (k - b >= 2 && k - b <= 4) {
          let ok = true;
          for (let x = b; x < k && ok; x++) ok = (isNameWord(words[x]) && !FUNCTION_FORMS.has(words[x]) && !isAllCapsWord(words[x])) || (x > b && x < k - 1 && PARTICLES.has(words[x]));
          if (ok && !hasOrgWord(words, b, k) && !isPlaceName(words.slice(b, k).join(' '))) items.push([b, k]);
        }
        a = k + 1;
      }
    }
    if (items.length >= 2) {
      let people = 0;
      for (const [b, k] of items) {
        for (let x = si; x < spans.length && spans[x].s < k; x++) if (spans[x].type === 'person' && spans[x].s === b && spans[x].e === k) { people++; break; }
      }
      if (people >= 2 && people * 2 >= items.length) for (const [b, k] of items) (add ??= []).push(span(b, k, 'person'));
    }
    s = e;
  }
  if (!add) return spans;
  return withAdded(spans, add, n);
}

/** Club names' last words in ALL CAPS ("HALDEN UNITED", "OSLO ROVERS"). */
const CLUB_SUFFIXES = new Set(['UNITED', 'ROVERS', 'WANDERERS', 'ATHLETIC', 'FC', 'ALBION', 'RANGERS', 'HOTSPUR']);

/** Last words of event names (tournaments, games, prizes). */
const EVENT_HEADS = new Set(['Cup', 'Open', 'Classic', 'Championship', 'Championships', 'Masters', 'Trophy', 'Games', 'Olympics', 'Prix', 'Rally', 'Marathon', 'Invitational', 'Grand Slam']);

/** An organisation suffix in its text form or in ALL CAPS ("United", "UNITED", "AG"). */
function isSuffixWord(w: string): boolean {
  return ORG_SUFFIXES.has(w) || (isAllCapsWord(w) && w.length > 3 && ORG_SUFFIXES.has(titleCaps(w)));
}

/** Verbs of match reports ("Kesterby beat Varna 2-1", "Barcelona drew 1-1 with Sevilla"). */
const RESULT_VERBS = new Set(['beat', 'beats', 'beating', 'defeated', 'defeats', 'defeating', 'drew', 'draws', 'drawing', 'lost', 'loses',
  'losing', 'edged', 'thrashed', 'routed', 'crushed', 'hammered', 'overcame', 'trounced', 'downed', 'stunned', 'upset', 'outclassed', 'whipped',
  'held', 'blanked', 'overpowered', 'outplayed', 'beaten', 'thumped', 'edge', 'tied']);
/** "Rosvik were beaten 3-1 by Brannvik", "Halden have drawn": between a side and its result verb. */
const RESULT_AUXILIARIES = new Set(['were', 'was', 'have', 'has', 'had', 'also', 'then']);
/** "a 2-1 win over X" */
const RESULT_NOUNS = new Set(['win', 'victory', 'defeat', 'loss', 'draw', 'triumph', 'success', 'thrashing', 'drubbing']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who', 'both', 'neither', 'each']);
/** Words between a result and the other side ("drew 1-1 with X", "lost 3-0 to X", "a 2-1 win over X"). */
const RESULT_LINKS = new Set(['with', 'to', 'against', 'over', 'by']);
/**
 * A cricket innings: runs and wickets ("310-6", at most 10 wickets), runs "all out" ("275 all out"), or
 * runs alone before the other side or the batsmen's scores ("Middlesex 280 v Kent", "Durham 210 (J. Morris 65)").
 */
function isInnings(words: string[], k: number, e: number): boolean {
  const w = words[k];
  const m = /^(\d{2,3})-(\d{1,2})$/.exec(w);
  if (m) return Number(m[2]) <= 10 && Number(m[1]) > 20;
  if (!/^\d{2,3}$/.test(w) || k + 1 >= e) return false;
  if (k + 2 < e && words[k + 1] === 'all' && words[k + 2] === 'out') return true;
  if (Number(w) <= 20 || k === 0 || !isNameWord(words[k - 1])) return false;
  if (VERSUS.has(words[k + 1])) return true;
  if (words[k + 1] !== '(') return false;
  for (let q = k + 2; q < e && q < k + 8 && words[q] !== ')'; q++) if (/^\d{1,3}\*?$/.test(words[q]) && isNameWord(words[q - 1])) return true;
  return false;
}

/** A match score: two small numbers ("2-1", "6-4"; not "52-47", a vote). */
function isMatchScore(w: string): boolean {
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(w);
  return m !== null && Number(m[1]) <= 20 && Number(m[2]) <= 20;
}

/** A score in points ("78-71", "102-99"): a vote as often ("52-47"), so it needs a result verb before it. */
function isPointsScore(w: string): boolean {
  return /^\d{2,3}-\d{2,3}$/.test(w);
}

/** "Olympiakos beat Real Madrid 78-71": a result verb, then one to four name words, then the score at k. */
function resultBefore(words: string[], s: number, k: number): boolean {
  let b = k;
  while (b > s && k - b < 4 && isNameWord(words[b - 1])) b--;
  if (b > s + 1 && words[b - 1] === 'the') b--; // "beat the New York Knicks 103-88"
  return b < k && b > s && RESULT_VERBS.has(words[b - 1]);
}

/** "NORWAY V SWEDEN", "Brannvik v Halden": the fixture's "versus" is between two names, never inside one. */
const VERSUS = new Set(['v', 'V', 'v.', 'V.', 'vs', 'vs.', 'Vs', 'Vs.', 'VS', 'VS.']);
const LEGAL_FORMS = new Set(['Corp', 'Corp.', 'Inc', 'Inc.', 'Ltd', 'Ltd.', 'Co', 'Co.', 'AG', 'GmbH', 'Plc', 'PLC', 'plc', 'SA', 'S.A.', 'NV', 'N.V.', 'BV', 'SpA', 'LLC', 'LP', 'Bhd', 'KK', 'AB', 'ASA', 'Oyj']);
const DATE_TOKEN = /^(1[89]|20)\d\d-[01]\d-[0-3]\d$/;
const SCORE = /^\d{1,3}$/;
const WIN_PCT = /^[01]?\.\d{3}$/;

/** Labels of a line of goal scorers. */
const SCORER_LABELS = new Set(['Scorers', 'Scorer', 'Goalscorers', 'SCORERS', 'SCORER', 'GOALSCORERS']);

/** Whether token k is inside parentheses opened on its line (from token s). */
function insideParens(words: string[], s: number, k: number): boolean {
  for (let x = k - 1; x >= s; x--) {
    if (words[x] === ')') return false;
    if (words[x] === '(') return true;
  }
  return false;
}

/**
 * Newswire layouts: a dateline line "LONDON 1996-08-30" / "BONN , Germany 1996-08-30" (places), match
 * results "Brannvik 2 Halden 0" and standings rows "Brannvik 10 7 2 1 22 10 23" (teams: organisations,
 * countries stay places).
 */
function datelinesAndResults(tk: Tokens, spans: Span[], digitLines: number[], vPos: number[], marginLines: number[]): Span[] {
  const words = tk.norm;
  const n = words.length;
  const add: Span[] = [];
  let persons: Set<number> | null = null;
  const personAt = (k: number) => {
    if (!persons) {
      persons = new Set();
      for (const sp of spans) if (sp.type === 'person' && sp.e - sp.s >= 2) persons.add(sp.s);
    }
    return persons.has(k);
  };
  let s = 0;
  while (s < n) {
    let e = s + 1;
    let digits = false, margin = false;
    for (let c = words[s].charCodeAt(0); ; ) { // c: first character of token e - 1
      if (c >= 48 && c <= 57) digits = true;
      else if ((c === 118 || c === 86) && words[e - 1].length <= 3) vPos.push(e - 1); // "v", "V", "vs." for versusPairs
      else if ((c === 119 || c === 114) && e >= 3 && (words[e - 1] === 'wickets' || words[e - 1] === 'runs') && words[e - 3] === 'by') margin = true; // "by six wickets", for matchReports
      if (e >= n || tk.sentStart[e]) break;
      c = words[e++].charCodeAt(0);
    }
    if (!digits) { // both layouts need numbers
      if (margin) marginLines.push(s, e);
      s = e;
      continue;
    }
    digitLines.push(s, e);
    // dateline: capitalised words [, capitalised words] then a date, nothing else
    if (e - s >= 2 && e - s <= 8 && DATE_TOKEN.test(words[e - 1])) {
      let k = s;
      const parts: Span[] = [];
      let ok = true;
      while (k < e - 1) {
        if (words[k] === ',') { k++; continue; }
        let j = k;
        while (j < e - 1 && isNameWord(words[j])) j++;
        if (j === k) { ok = false; break; }
        parts.push(span(k, j, 'place', true));
        k = j;
      }
      if (ok && parts.length) add.push(...parts);
    } else if (SCORER_LABELS.has(words[s]) && words[s + 1] === ':') {
      // "Scorers: Kolberg 15, Villiger 40 penalty, Marek Dvorsky 77": each name before its minute is a player
      for (let k = s + 2; k < e; k++) {
        if (!isNameWord(words[k]) || FUNCTION_FORMS.has(words[k])) continue;
        let j = k;
        while (j < e && j - k < 4 && isNameWord(words[j])) j++;
        if (j < e && /^\d{1,3}(?:\+\d)?$/.test(words[j])) add.push(span(k, j, 'person', true));
        k = j;
      }
    } else {
      // results / standings: name followed by small integers
      const teams: Span[] = [];
      // the line is "Name+ N Name+ N", perhaps followed by "( …" or a full stop
      const bareResult = (): boolean => {
        let x = s, parts = 0;
        while (x < e && words[x] !== '(' && !(x === e - 1 && words[x] === '.')) {
          const y = x;
          while (x < e && isNameWord(words[x])) x++;
          if (x === y || x >= e || !SCORE.test(words[x])) return false;
          x++;
          parts++;
        }
        return parts === 2;
      };
      let k = s;
      while (k < e) {
        // "KILLING 50 AND INJURING 60": common words of an ALL-CAPS line are no team names
        const nameLike = (w: string) => isNameWord(w) && !FUNCTION_FORMS.has(w) && !NOT_NAME.has(w.toLowerCase()) && !(isAllCapsWord(w) && COMMON_WORDS.has(w.toLowerCase()));
        if (!nameLike(words[k])) { k++; continue; }
        let j = k;
        // (a weekday ends no club a score follows: "Sheffield Wednesday 1")
        while (j < e && (nameLike(words[j]) || (j > k && (words[j] === '&' || PARTICLES.has(words[j]) || (isWeekday(words[j]) && j + 1 < e && SCORE.test(words[j + 1])))))) j++;
        // scorers in parentheses "( Tor Haugen 73 )", "(Bergkamp 15, Wright 40)", and full names the tagger found, are people, except in a
        // bare result "Atletico Halden 0 Deportivo Brannvik 0"
        if (insideParens(words, s, k) || (personAt(k) && !bareResult())) { k = j; continue; }
        let nums = 0;
        while (j + nums < e && SCORE.test(words[j + nums])) nums++;
        if (nums >= 1 && j - k <= 4) teams.push(span(k, j, 'organization'));
        // "NEW YORK 10 3 .769 -": won, lost and a winning percentage make a standings row too
        const pct = nums >= 2 && j + nums < e && WIN_PCT.test(words[j + nums]);
        if ((nums >= 3 || pct) && j - k <= 4) teams[teams.length - 1].k = 'standings';
        k = j + Math.max(nums, 1);
      }
      const standings = teams.some((t) => t.k === 'standings');
      let lowerWords = 0;
      for (let x = s; x < e; x++) if (isLowerWord(words[x]) && !FUNCTION_WORDS.has(words[x])) lowerWords++;
      if ((teams.length >= 2 || standings) && lowerWords <= 2) {
        for (const t of teams) {
          t.k = undefined;
          t.layout = true;
          if (COUNTRY_ALIAS.has(key(tk, t))) t.type = 'place';
          add.push(t);
        }
      }
    }
    s = e;
  }
  if (!add.length) return spans;
  return withAdded(spans, add, n);
}

/**
 * Tokens with ALL-CAPS headline words in Title Case ("LEEDS" -> "Leeds"), so that document-level
 * consistency matches headline mentions with the body's; acronyms (<= 3 letters, known aliases) stay.
 */
function foldHeadlines(tk: Tokens, head: Uint8Array): Tokens {
  let norm: string[] | null = null;
  for (let i = 0; i < tk.norm.length; i++) {
    const w = tk.norm[i];
    if (!head[i] || !isAllCapsWord(w) || ORG_ALIAS.has(w) || COUNTRY_ALIAS.has(w)) continue;
    if (w.length <= 3 && !COMMON_WORDS.has(w.toLowerCase())) continue; // "BBC", "CIA" stay
    if (!norm) norm = tk.norm.slice();
    norm[i] = w[0] + w.slice(1).toLowerCase();
  }
  return norm ? { norm, start: tk.start, end: tk.end, sentStart: tk.sentStart } : tk;
}

/** Honorifics and name titles in the case forms they take in text (pre-filter without lowercasing). */
/** Abbreviated titles, in capitals only: "FM" (foreign minister), "PM" (prime minister). */
const ABBREVIATED_TITLES = new Set(['FM', 'PM']);

const TRIGGERS = (() => {
  const t = new Set<string>(ABBREVIATED_TITLES);
  for (const w of [...HONORIFICS, ...NAME_TITLES]) {
    t.add(w);
    t.add(w[0].toUpperCase() + w.slice(1));
    t.add(w.toUpperCase());
    // "Secretary-General", "Vice-President"
    if (w.includes('-')) t.add(w.split('-').map((part) => part && part[0].toUpperCase() + part.slice(1)).join('-'));
  }
  return t;
})();

/** Spans that overlap none of `cover` (token marks: O(spans + tokens covered)). */
/** The spans with `add` in the place of those they overlap, sorted (n: the number of tokens). */
function withAdded(spans: Span[], add: Span[], n: number): Span[] {
  return withoutOverlaps(spans, add, 0, n).concat(add).sort((a, b) => a.s - b.s);
}

function withoutOverlaps(spans: Span[], cover: Span[], _from: number, n: number): Span[] {
  const mark = new Uint8Array(n + 1);
  for (const c of cover) mark.fill(1, c.s, c.e);
  return spans.filter((sp) => {
    for (let k = sp.s; k < sp.e; k++) if (mark[k]) return false;
    return true;
  });
}

/** First characters (code & 127) of the trigger forms: most tokens are rejected without a hash lookup. */
const TRIGGER_FIRST = (() => {
  const a = new Uint8Array(128);
  for (const w of TRIGGERS) a[w.charCodeAt(0) & 127] = 1;
  return a;
})();

function overlaps(a: Span, s: number, e: number): boolean {
  return a.s < e && s < a.e;
}

/**
 * Where the few tokens some rules start from are ("(", "N.", "in" / "of" / "at", a line's "At"), found in one
 * pass: each of those rules walking every token itself cost about 1% of the recogniser (a token's string is
 * a read from memory far away).
 */
interface TokenMarks {
  parens: number[];
  letterStops: number[];
  /** in, of, at, with */
  links: number[];
  ats: number[];
  /** Words of the rules' own lists: institutions, news agencies, first words of known organisations' names. */
  known: number[];
}

function tokenMarks(tk: Tokens): TokenMarks {
  const words = tk.norm;
  const marks: TokenMarks = { parens: [], letterStops: [], links: [], ats: [], known: [] };
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    const n = w.length;
    if (n === 1) {
      if (w.charCodeAt(0) === 40) marks.parens.push(k); // (
    } else if (n === 2) {
      const c0 = w.charCodeAt(0), c1 = w.charCodeAt(1);
      if (c1 === 46) { if (isCap(w)) marks.letterStops.push(k); } // "N."
      else if ((c0 === 105 && c1 === 110) || (c0 === 111 && c1 === 102) || (c0 === 97 && c1 === 116)) marks.links.push(k); // in of at
      else if (c0 === 65 && (c1 === 116 || c1 === 84) && tk.sentStart[k]) marks.ats.push(k); // At AT
    } else {
      const c0 = w.charCodeAt(0);
      if (c0 >= 97) { if (n === 4 && c0 === 119 && w === 'with') marks.links.push(k); } // lower case: "with", else nothing
      else if (c0 >= 65 && c0 <= 90 && mayBeIn(KNOWN_SHAPES, w) && KNOWN_WORDS.has(w)) marks.known.push(k); // (the lists' words are capitalised)
    }
  }
  return marks;
}

/**
 * Rules that fix what the statistical tagger gets wrong most visibly: honorific / title + name is a person;
 * organisation cues and suffixes; place heads; spans split at lowercase words and at "and" between places;
 * function words trimmed from span ends.
 */
function applyRules(tk: Tokens, spans: Span[], head: Uint8Array): Span[] {
  // One function per rule: small functions are optimised early and a deoptimisation recompiles one rule,
  // not the whole layer (one 250-line function took ~120 ms to compile, several times per process).
  const marks = tokenMarks(tk);
  let out = splitAtPossessives(tk, splitAtLowercaseWords(tk, spans, head));
  out = joinInitials(tk, out, marks.letterStops);
  out = firstNamesWithSurnames(tk, out);
  out = joinParticleNames(tk, out);
  out = dropTitleModifiers(tk, out);
  out = trimNonLetters(tk, out);
  out = newswireLayouts(tk, out, head, marks.ats);
  out = joinLegalForms(tk, out);
  out = dropLoneAdjectives(tk, out);
  out = retypeKnownNames(tk, out, marks.known);
  out = foreignOrganisations(tk, out);
  out = addKnownAcronyms(tk, out, head, marks.known);
  out = typeBySuffixAndHead(tk, out);
  out = joinSuffixSpans(tk, out);
  out = placesOpeningTradeNames(tk, out);
  out = joinClubSuffixes(tk, out, head);
  out = dropEvents(tk, out);
  out = addCapsClubs(tk, out, head);
  out = typeByOrgCues(tk, out);
  out = cricketDismissals(tk, out);
  out = placesAfterPlaceNouns(tk, out);
  out = employersAfterOf(tk, out);
  out = marketHolders(tk, out, marks.links);
  if (marks.known.length) out = institutions(tk, out, marks.known.filter((k) => INSTITUTIONS.has(tk.norm[k])));
  out = bridgedOrganisations(tk, out);
  out = addSpeakers(tk, out, head);
  out = appositionPersons(tk, out, head);
  out = titledPersons(tk, out, head);
  out = nationalitiesBeforePeople(tk, out);
  return headlineVerbs(tk, head, expansionsOfAcronyms(tk, marks.parens, countriesArePlaces(tk, employersBeforeTitles(tk, titleComplementHolders(tk, slashAcronyms(tk, holdersInsideTitles(tk, out), head), head)))));
}

/**
 * "the American Civil Liberties Union 's Reproductive Freedom Project", "Pakistan 's Supreme Court": a name
 * read across a possessive whose owner is a name of its own (ending in an organisation's word, a place, an
 * acronym) is two names. A possessive inside a name stays ("Lord 's Resistance Army", "Workers ' Party").
 */
function splitAtPossessives(tk: Tokens, spans: Span[]): Span[] {
  const words = tk.norm;
  let out: Span[] | null = null;
  for (let x = 0; x < spans.length; x++) {
    const sp = spans[x];
    let k = -1;
    if (sp.e - sp.s >= 3) for (let j = sp.s + 1; j < sp.e - 1; j++) if ((words[j] === "'s" || words[j] === "'") && isOwnerName(words, sp.s, j)) { k = j; break; }
    if (k < 0) {
      out?.push(sp);
      continue;
    }
    out ??= spans.slice(0, x);
    out.push(span(sp.s, k, sp.type), span(k + 1, sp.e, sp.type));
  }
  return out ?? spans;
}

function isOwnerName(words: string[], s: number, e: number): boolean {
  const last = words[e - 1];
  return isOrganisationWord(last) || (isAllCapsWord(last) && last.length <= 5) || isPlaceName(words.slice(s, e).join(' '));
}

/** A word that ends or heads an organisation's name ("Bank", "Party", "Holdings", "Ltd"). */
function isOrganisationWord(w: string): boolean {
  return ORG_SUFFIXES.has(w) || ORG_WORDS.has(lower(w));
}

/** 1. split spans at plain lowercase words ("Romania presses Bulgaria") and "A and B" without organisation words */
function splitAtLowercaseWords(tk: Tokens, spans: Span[], head: Uint8Array): Span[] {
  const words = tk.norm;
  let out: Span[] = [];
  for (const sp of spans) {
    // fast path: no lowercase word or "and" inside, no function word at the ends
    let plain = !FUNCTION_FORMS.has(words[sp.s]) && !FUNCTION_FORMS.has(words[sp.e - 1]);
    for (let k = sp.s + 1; plain && k < sp.e; k++) if (isLowerWord(words[k]) || words[k] === 'and' || words[k] === '-' || words[k] === '--' || words[k] === ':') plain = false;
    if (plain) { out.push(sp); continue; }
    let s = sp.s;
    const pieces: Span[] = [];
    let hasOrgWord = false;
    for (let k = sp.s; k < sp.e; k++) if (isOrganisationWord(words[k])) hasOrgWord = true;
    for (let k = sp.s; k < sp.e; k++) {
      const w = words[k];
      if (w === '-' || w === '--' || w === ':') { // a dash between spaces / a colon ends a name
        if (k > s) pieces.push(span(s, k, sp.type));
        s = k + 1;
        continue;
      }
      if (!isLowerWord(w)) continue;
      const l = w;
      const cut = (!SPLIT_KEEP.has(l) && !PARTICLES.has(l) && !/^(al|el|ad|as|ar|an)-/.test(l) && !w.includes('-'))
        // "Anabel Medina Garrigues of Spain": where a person comes from is no part of the name (the tagger may have
        // read it all as an organisation: "Colin Montgomerie of Scotland")
        || (l === 'of' && (sp.type === 'person' || (!hasOrgWord && personNameAt(words, sp.s, k))) && k > sp.s && k + 1 < sp.e && (isPlaceName(words[k + 1]) || (lower(words[k + 1]) === 'the' && k + 2 < sp.e && isPlaceName(words.slice(k + 2, sp.e).join(' ')))))
        || (l === 'and' && !hasOrgWord && sp.type !== 'person' && k > sp.s && k < sp.e - 1 && (isPlaceName(words[k - 1]) || isPlaceName(words[k + 1])))
        || (l === 'and' && sp.type === 'person')
        // two names each ending in an organisation word, or one ending so and one more word that is none ("Deutsche
        // Bank and Commerzbank")
        || (l === 'and' && sp.type === 'organization' && k > sp.s + 1 && isOrganisationWord(words[k - 1]) &&
          ((k < sp.e - 2 && isOrganisationWord(words[sp.e - 1])) || (k === sp.e - 2 && !isOrganisationWord(words[k + 1]) && !COMMON_WORDS.has(lower(words[k + 1])))))
        // "General Motors Corp and Ford …": a legal form ends a company's name
        || (l === 'and' && k > sp.s + 1 && k < sp.e - 1 && LEGAL_FORMS.has(words[k - 1]));
      if (cut) {
        if (k > s) pieces.push(span(s, k, sp.type));
        s = k + 1;
      }
    }
    if (s < sp.e) pieces.push(span(s, sp.e, sp.type));
    // (the name before "of" is a person's)
    if (pieces.length > 1 && sp.type !== 'person' && !hasOrgWord && personNameAt(words, pieces[0].s, pieces[0].e) && words[pieces[0].e] === 'of') pieces[0].type = 'person';
    for (const p of pieces) {
      // trim function words from both ends ("Danube For The")
      while (p.e > p.s && FUNCTION_FORMS.has(words[p.e - 1])) p.e--;
      while (p.e > p.s && FUNCTION_FORMS.has(words[p.s]) && (lower(words[p.s]) !== 'the' || head[p.s])) p.s++;
      if (p.e <= p.s) continue;
      if (pieces.length > 1 && (p.e - p.s === 1 ? isPlaceName(words[p.s]) : isPlaceName(words.slice(p.s, p.e).join(' ')))) p.type = 'place';
      out.push(p);
    }
  }
  return out;
}

/**
 * "Pieter/B-PER van/O der/O Berg/B-LOC": the tagger often leaves a name's particles out and starts again
 * after them, or ends the name with them ("Bandar bin" + "Sultan"). A person followed by one or two particles
 * and a capitalised word (tagged or not) is one person; so is a person right before a span that opens with
 * a particle ("Luiz" + "da Silva").
 */
/** Particles printed with a capital inside a name ("Nabil Abu Rdainah"); not those that open names of their own ("Van", "De"). */
const CAPITAL_PARTICLES = new Set(['Abu', 'Bin', 'Ibn', 'Bint', 'Ould']);

function joinParticleNames(tk: Tokens, spans: Span[]): Span[] {
  const words = tk.norm;
  const n = words.length;
  let joined = false;
  const out: Span[] = [];
  for (let x = 0; x < spans.length; x++) {
    const sp = spans[x];
    const next = x + 1 < spans.length ? spans[x + 1] : undefined;
    let k = sp.e;
    if (sp.type === 'person') while (k < n && k - sp.e < 2 && (PARTICLES.has(words[k]) || CAPITAL_PARTICLES.has(words[k])) && !tk.sentStart[k]) k++;
    // the particles open the next span ("Luiz" + "da Silva"), or stand between this one and the name
    const joinsNext = sp.type === 'person' && next !== undefined && !tk.sentStart[next.s] &&
      (next.s === sp.e ? PARTICLES.has(words[next.s]) || CAPITAL_PARTICLES.has(words[next.s]) : next.s === k && k > sp.e) && isNameWord(words[next.e - 1]);
    const takesWord = !joinsNext && (k > sp.e || (sp.type === 'person' && sp.e - sp.s > 1 && PARTICLES.has(words[sp.e - 1]))) && k < n && !tk.sentStart[k] && isNameWord(words[k]) && !(next !== undefined && next.s <= k);
    if (!joinsNext && !takesWord) {
      out.push(sp);
      continue;
    }
    let e = joinsNext ? next!.e : k + 1;
    if (takesWord) while (e < n && e - k < 2 && isNameWord(words[e]) && !tk.sentStart[e] && !(next !== undefined && next.s <= e)) e++;
    out.push(span(sp.s, e, 'person'));
    joined = true;
    if (joinsNext) x++;
  }
  return joined ? out : spans;
}

/** A capital letter with its full stop ("N.", "I."). */
function isLetterStop(w: string): boolean {
  return w.length === 2 && w.charCodeAt(1) === 46 && isCap(w);
}
/** An initial: a letter with its full stop, but not "I.", as often a numeral ("World War I."). */
function isInitial(w: string): boolean {
  return w !== 'I.' && isLetterStop(w);
}

/**
 * "N. Hussain", "J. R. Morris": initials before a surname are one person with it. Sports pages and
 * scorecards print players so ("Essex 322-7 (N. Hussain 110, R. Irani 54)"), and the tagger, trained on
 * text that writes names in full, kept the initial alone or dropped it; initials alone are no name. A name the surname opens stays
 * what it was when it is longer and no person ("J. Sainsbury Plc"); a place after a stop ("World War I.
 * Britain") or a common word ("plan B. Then") is no surname.
 */
function joinInitials(tk: Tokens, spans: Span[], letterStops: number[]): Span[] {
  if (letterStops.length === 0) return spans;
  const words = tk.norm;
  let out = spans;
  let from = 0; // tokens before it are read
  for (const k of letterStops) {
    if (k < from || !isInitial(words[k])) continue;
    const read = joinInitialsAt(tk, out, k);
    out = read.spans;
    from = read.next;
  }
  // Initials alone name nobody: "World War I. Britain", "plan B. Then" (the tagger reads "I." as a person)
  return out.some((sp) => isLetterStop(words[sp.s]) && isLetterStop(words[sp.e - 1])) ? out.filter((sp) => !words.slice(sp.s, sp.e).every(isLetterStop)) : out;
}

function isDigitStart(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** joinInitials at the initial k: the spans with its name joined, and the token after what it read. */
function joinInitialsAt(tk: Tokens, out: Span[], k: number): { spans: Span[]; next: number } {
  const words = tk.norm;
  const n = words.length;
  let e = k;
  while (e < n && isInitial(words[e])) e++;
  if (e >= n || tk.sentStart[e] || !isNameWord(words[e]) || isInitial(words[e])) return { spans: out, next: e };
  const l = lower(words[e]);
  if (COMMON_WORDS.has(l) || FUNCTION_WORDS.has(l) || isPlaceName(words[e])) return { spans: out, next: e };
  // "David W. Opderbeck": a first name before the initials; "A. Noel Anketell Kramer": up to three names after
  let s = k > 0 && FIRST_NAMES.has(words[k - 1]) && !tk.sentStart[k] ? k - 1 : k;
  let end = e + 1;
  while (end < n && end - e < 3 && !tk.sentStart[end] && isNameWord(words[end]) && !COMMON_WORDS.has(lower(words[end])) && !FUNCTION_WORDS.has(lower(words[end])) && !isPlaceName(words[end])) end++;
  let type: MentionType = 'person';
  const kept: Span[] = [];
  for (const sp of out) {
    if (sp.e <= s || sp.s >= end) { kept.push(sp); continue; }
    if (sp.s === e && sp.type === 'place') { type = 'place'; break; }
    if (sp.s === e && sp.type !== 'person' && sp.e - sp.s > 1) type = sp.type;
    if (sp.s < k && sp.type !== 'person') { kept.push(sp); s = Math.max(s, sp.e); continue; } // "Law Professor": not the name
    s = Math.min(s, sp.s);
    end = Math.max(end, sp.e);
  }
  if (type === 'place') return { spans: out, next: e };
  kept.push(span(s, end, type));
  kept.sort((a, b) => a.s - b.s);
  return { spans: kept, next: end };
}

/**
 * "136 Derek Halloway 68 68": a person read as a lone first name, and the capitalised word after it, no
 * common word, place or other name, is the surname (the tagger, unsure after a number, stopped early).
 */
function firstNamesWithSurnames(tk: Tokens, spans: Span[]): Span[] {
  const words = tk.norm;
  const n = words.length;
  let changed = false;
  for (let x = 0; x < spans.length; x++) {
    const sp = spans[x];
    const k = sp.e;
    if (sp.type !== 'person' || sp.e - sp.s !== 1 || k >= n || !FIRST_NAMES.has(words[sp.s]) || tk.sentStart[k]) continue;
    if ((x + 1 < spans.length && spans[x + 1].s === k) || !isNameWord(words[k]) || isAllCapsWord(words[k]) !== isAllCapsWord(words[sp.s])) continue;
    const l = lower(words[k]);
    // ("135 Greg Norman 68 67": before a score a surname may be a word of other uses)
    const scored = k + 1 < n && !tk.sentStart[k + 1] && isDigitStart(words[k + 1]);
    if (FUNCTION_WORDS.has(l) || NOT_NAME.has(l) || isTitleWord(words[k]) || isWeekday(words[k])) continue;
    if (!scored && (COMMON_WORDS.has(l) || isPlaceName(words[k]) || DEMONYMS.has(words[k]))) continue;
    // "Marshall Fund", "Davis Administration", "Brent North Sea": the head of another kind of name
    if (ORG_WORDS.has(l) || ORG_SUFFIXES.has(words[k]) || LOC_HEADS.has(words[k]) || DIRECTION_WORDS.has(words[k])) continue;
    if (!changed) { spans = spans.slice(); changed = true; }
    spans[x] = span(sp.s, k + 1, sp.type);
  }
  return spans;
}

/** Words s..e read as a person's full name: a first name, then one to three words that are no common words. */
function personNameAt(words: string[], s: number, e: number): boolean {
  if (e - s < 2 || e - s > 4 || !FIRST_NAMES.has(words[s])) return false;
  for (let k = s + 1; k < e; k++) if (!isNameWord(words[k]) || COMMON_WORDS.has(lower(words[k]))) return false;
  return true;
}

/** "British Foreign | Secretary Boris Johnson": title words before a title head are not a name */
function dropTitleModifiers(tk: Tokens, out: Span[]): Span[] {
  const words = tk.norm;
  const n = words.length;
  out = out.filter((sp) => {
    if (sp.type === 'person' || sp.e >= n || !TITLE_HEADS.has(lower(words[sp.e]))) return true;
    while (sp.e > sp.s && TITLE_MODIFIERS.has(lower(words[sp.e - 1]))) sp.e--;
    return sp.e > sp.s && !(sp.e - sp.s === 1 && DEMONYMS.has(words[sp.s]));
  });
  return out;
}

/** no span starts or ends with a token without letters ("0 , Everton") */
function trimNonLetters(tk: Tokens, out: Span[]): Span[] {
  const words = tk.norm;
  out = out.filter((sp) => {
    while (sp.s < sp.e && !hasLetter(words[sp.s])) sp.s++;
    while (sp.e > sp.s && !hasLetter(words[sp.e - 1])) sp.e--;
    return sp.e > sp.s;
  });
  return out;
}

/** Newswire layouts: datelines and results, fixtures, scoreboards, lists of full names. */
function newswireLayouts(tk: Tokens, out: Span[], head: Uint8Array, ats: number[]): Span[] {
  const digitLines: number[] = []; // [start, end) of the lines with numbers, for the scoreboard rule
  const vPos: number[] = []; // tokens that may be "v" / "vs", for the fixtures rule
  const marginLines: number[] = []; // lines without numbers but with a cricket margin ("by six wickets")
  out = datelinesAndResults(tk, out, digitLines, vPos, marginLines);
  out = versusPairs(tk, out, head, vPos);
  out = matchReports(tk, out, marginLines.length ? digitLines.concat(marginLines) : digitLines);
  out = teamsOfPlayers(tk, out);
  out = scoreboardPeople(tk, out, digitLines);
  out = nameLists(tk, out);
  out = columnHeaders(tk, out);
  out = teamsInParentheses(tk, out);
  out = countriesOfAthletes(tk, out);
  out = assistsInParentheses(tk, out);
  return teamsAfterNationality(tk, lineups(tk, ats.length ? venues(tk, out, ats) : out));
}

/**
 * "10 - Jari Litmanen ( Ajax )", "15 - Ronaldo ( Barcelona )": on a list line of goal counts the name in
 * parentheses right after a player, ending the line or its item, is the team, a town's name too (a country is a
 * nationality: "( Estonia )").
 */
function teamsInParentheses(tk: Tokens, out: Span[]): Span[] {
  const words = tk.norm;
  const n = words.length;
  let add: Span[] | null = null;
  for (const p of out) {
    if (p.type !== 'person' || p.e + 2 >= n || words[p.e] !== '(') continue;
    const a = p.e + 1;
    let e = a;
    while (e < n && e - a < 3 && !tk.sentStart[e] && isNameWord(words[e]) && !/^[A-Z]-/.test(words[e])) e++; // (not "R-Kan", a senator's party and state)
    if (e === a || words[e] !== ')') continue;
    // (a time or a score after it is a results line's: "1. Ato Boldon ( Trinidad ) 19.95" names a country)
    if (e + 1 < n && !tk.sentStart[e + 1] && words[e + 1] !== ',') continue;
    // (a list line "12 - …": it opens with a goal count and a dash)
    let b = p.s;
    while (b > 0 && !tk.sentStart[b]) b--;
    if (!isDigitStart(words[b]) || words[b + 1] !== '-') continue;
    // a town there is the club ("15 - Ronaldo ( Barcelona )"), a country the player's
    const name = words.slice(a, e).join(' ');
    if (isCountryName(name) || isNationality(name) || COMMON_WORDS.has(lower(words[a]))) continue;
    (add ??= []).push(span(a, e, 'organization', true));
  }
  return add ? withAdded(out, add, n) : out;
}

/**
 * "1. Michael Johnson ( U.S. ) 19.79 … 3. Ato Boldon ( Trinidad ) 19.95": where most names in parentheses
 * after athletes, before their times or scores, are places, each of them is a place (a nationality).
 */
function countriesOfAthletes(tk: Tokens, out: Span[]): Span[] {
  const words = tk.norm;
  const n = words.length;
  let listed: Span[] | null = null;
  let places = 0;
  for (let x = 1; x < out.length; x++) {
    const sp = out[x], p = out[x - 1];
    if (p.type !== 'person' || sp.s !== p.e + 1 || words[p.e] !== '(' || sp.e + 1 >= n || words[sp.e] !== ')' || !isDigitStart(words[sp.e + 1])) continue;
    (listed ??= []).push(sp);
    if (sp.type === 'place') places++;
  }
  if (listed && places * 2 > listed.length) for (const sp of listed) sp.type = 'place';
  return out;
}

/**
 * Ice hockey summaries, "Sanderson 7 ( Kron , Chiasson ) , 5:17": the names in parentheses after a scorer and
 * his goal count are the players who assisted, people.
 */
function assistsInParentheses(tk: Tokens, out: Span[]): Span[] {
  const words = tk.norm;
  const n = words.length;
  for (let x = 0; x < out.length; x++) {
    const sp = out[x];
    if (sp.type !== 'person' || sp.e + 2 >= n || !/^\d{1,2}$/.test(words[sp.e]) || words[sp.e + 1] !== '(') continue;
    let close = sp.e + 2;
    while (close < n && close - sp.e < 12 && words[close] !== ')') close++;
    if (words[close] !== ')') continue;
    for (let y = x + 1; y < out.length && out[y].s < close; y++) {
      const a = out[y];
      if (a.type !== 'person' && a.e <= close && !isPlaceName(key(tk, a))) a.type = 'person';
    }
  }
  return out;
}

/**
 * The header of a standings table, "W L T GF GA PTS", "P W D L F A PTS": a line of nothing but one- to
 * three-letter capitals, two of them single letters, names nobody (the tagger read "T GF GA PTS" as a person).
 */
function columnHeaders(tk: Tokens, out: Span[]): Span[] {
  const words = tk.norm;
  const n = words.length;
  let drop: Set<Span> | null = null;
  for (const sp of out) {
    if (!isColumnLabel(words[sp.s])) continue;
    let a = sp.s;
    while (a > 0 && !tk.sentStart[a] && isColumnLabel(words[a - 1])) a--;
    if (!tk.sentStart[a]) continue;
    let b = sp.s + 1;
    while (b < n && !tk.sentStart[b] && isColumnLabel(words[b])) b++;
    let letters = 0; // "W", "L": a line of acronyms ("US UK EU UN") is no header
    for (let k = a; k < b; k++) if (words[k].length === 1) letters++;
    if (b - a >= 4 && letters >= 2 && (b === n || tk.sentStart[b]) && sp.e <= b) (drop ??= new Set()).add(sp);
  }
  return drop ? out.filter((sp) => !drop!.has(sp)) : out;
}

function isColumnLabel(w: string): boolean {
  if (w.length > 3) return false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

/**
 * Results of cycling, motor racing and the like: "2. Tony Romano (Switzerland) Mapei same time", "Mikael
 * Harkonen (Finland) McLaren 1:28:15.125": the name between a rider's country and the time is the team.
 */
function teamsAfterNationality(tk: Tokens, out: Span[]): Span[] {
  const words = tk.norm;
  const n = words.length;
  let add: Span[] | null = null;
  for (let x = 0; x + 1 < out.length; x++) {
    const p = out[x], country = out[x + 1];
    if (p.type !== 'person' || p.e >= n || words[p.e] !== '(' || country.s !== p.e + 1 || country.type !== 'place' || words[country.e] !== ')') continue;
    const a = country.e + 1;
    let d = a;
    while (d < n && d - a < 3 && !tk.sentStart[d] && isNameWord(words[d]) && (isAllCapsWord(words[d]) || !(COMMON_WORDS.has(lower(words[d])) || FUNCTION_WORDS.has(lower(words[d]))))) d++;
    if (d === a || d >= n || tk.sentStart[d] || !(isDigitStart(words[d]) || (words[d] === 'same' && words[d + 1] === 'time'))) continue;
    if (isPlaceName(words.slice(a, d).join(' '))) continue;
    (add ??= []).push(span(a, d, 'organization', true));
  }
  if (!add) return out;
  return withAdded(out, add, n);
}

/**
 * "Liverpool: David James, Rob Jones, Steve Harkness, …": the name before the colon of a line of three or
 * more players is their team, a club (an organisation, also when named after its town) or a country's
 * team (a place).
 */
function lineups(tk: Tokens, out: Span[]): Span[] {
  const words = tk.norm;
  const n = words.length;
  let changed: Span[] | null = null;
  for (let x = 0; x < out.length; x++) {
    const sp = out[x];
    if (!tk.sentStart[sp.s] || sp.e >= n || words[sp.e] !== ':' || sp.type === 'person') continue;
    let players = 0;
    for (let y = x + 1; y < out.length && !tk.sentStart[out[y].s]; y++) {
      const p = out[y];
      if (p.type !== 'person' || (words[p.s - 1] !== ',' && words[p.s - 1] !== ':' && words[p.s - 1] !== ';')) break;
      players++;
    }
    if (players < 3) continue;
    const type: MentionType = COUNTRY_ALIAS.has(key(tk, sp)) ? 'place' : 'organization';
    if (type === sp.type) continue;
    changed ??= out.slice();
    changed[x] = span(sp.s, sp.e, type, true);
  }
  return changed ?? out;
}

/**
 * "At Chelmsford: Essex 322-7 …", "At Lord's: Middlesex 280 v Kent": on a results page a line that opens
 * with "At", a name and a colon names the ground, a place (the tagger read a club there).
 */
function venues(tk: Tokens, out: Span[], ats: number[]): Span[] {
  const words = tk.norm;
  const n = words.length;
  let add: Span[] | null = null;
  for (const k of ats) {
    if (k + 2 >= n) continue;
    let j = k + 1;
    while (j < n && j - k <= 3 && isNameWord(words[j]) && !tk.sentStart[j] && !FUNCTION_WORDS.has(lower(words[j])) && (!COMMON_WORDS.has(lower(words[j])) || words[j + 1] === "'s")) j++;
    if (j === k + 1) continue; // "At Issue: …"
    const end = words[j] === "'s" && words[j + 1] === ':' ? j + 1 : j; // "Lord's"
    if (words[end] !== ':' || end + 1 >= n || tk.sentStart[end + 1]) continue;
    (add ??= []).push(span(k + 1, end, 'place', true));
  }
  if (!add) return out;
  return withAdded(out, add, n);
}

/** "Microsoft | Corp", "Daimler-Benz | AG": a legal-form suffix joins the name before it */
function joinLegalForms(tk: Tokens, out: Span[]): Span[] {
  const words = tk.norm;
  const n = words.length;
  for (let x = 0; x < out.length; x++) {
    const sp = out[x];
    // "Oppenheimer & Co": the partners' firm
    if (sp.e + 1 < n && words[sp.e] === '&' && (words[sp.e + 1] === 'Co' || words[sp.e + 1] === 'Co.') && !tk.sentStart[sp.e] && (x + 1 >= out.length || out[x + 1].s > sp.e + 1)) { sp.e += 2; sp.type = 'organization'; }
    else if (sp.e < n && LEGAL_FORMS.has(words[sp.e]) && !tk.sentStart[sp.e] && (x + 1 >= out.length || out[x + 1].s > sp.e)) { sp.e++; sp.type = 'organization'; }
    // "Ford | Motor Co": one or two name words and a legal form the tagger left out after a name
    else if (sp.type !== 'person' && sp.e + 1 < n && isNameWord(words[sp.e]) && !tk.sentStart[sp.e]) {
      let e = sp.e;
      while (e < n && e - sp.e < 2 && isNameWord(words[e]) && !LEGAL_FORMS.has(words[e]) && !tk.sentStart[e]) e++;
      if (e < n && LEGAL_FORMS.has(words[e]) && !tk.sentStart[e] && (x + 1 >= out.length || out[x + 1].s > e)) { sp.e = e + 1; sp.type = 'organization'; }
    }
    // "Swiss | Bank Corp", "British | Airways Plc": a nationality opening a company named with its legal form is the
    // company's, and so is the name before a trade that cannot open one ("Netscape | Communications Corp")
    if (sp.e - sp.s >= 2 && LEGAL_FORMS.has(words[sp.e - 1]) && sp.s > 0 && !tk.sentStart[sp.s] && (x === 0 || out[x - 1].e < sp.s - 1) &&
      (isNationality(words[sp.s - 1]) || (ORG_SUFFIXES.has(words[sp.s]) && isCap(words[sp.s - 1]) && isNameWord(words[sp.s - 1]) && !FUNCTION_WORDS.has(lower(words[sp.s - 1]))))) sp.s--;
    if (sp.e - sp.s === 1 && LEGAL_FORMS.has(words[sp.s]) && sp.s > 0 && !tk.sentStart[sp.s] && isNameWord(words[sp.s - 1]) && (x === 0 || out[x - 1].e < sp.s)) {
      let b = sp.s - 1;
      while (b > 0 && !tk.sentStart[b] && isNameWord(words[b - 1]) && sp.s - b < 4 && (x === 0 || out[x - 1].e < b)) b--;
      sp.s = b;
      sp.type = 'organization';
    }
  }
  return out;
}

/** a nationality adjective alone is not a name ("Lebanese officials"); a country's name is a place */
function dropLoneAdjectives(tk: Tokens, out: Span[]): Span[] {
  const words = tk.norm;
  out = out.filter((sp) => {
    // "white South Africans", "the Kurds": a people's plural is a nationality (CoNLL MISC)
    const last = words[sp.e - 1];
    if (sp.e - sp.s <= 3 && last.length > 4 && last.charCodeAt(last.length - 1) === 115 && isNationalityPlural(words, sp)) return false;
    if (sp.e - sp.s !== 1) return !regionalAdjective(words, sp);
    const w = words[sp.s];
    const t = isAllCapsWord(w) ? w[0] + w.slice(1).toLowerCase() : w; // "GERMAN" in a headline
    if (isNationality(t) && !COUNTRY_ALIAS.has(t)) return false; // ("ENGLISH PREMIER LEAGUE")
    return !NOT_NAME.has(w.toLowerCase()); // "AUGUST", "Monday"
  });
  return out;
}

/** "Africans" of "South Africans": the last word's singular is a demonym's, then the whole name's is one. */
function isNationalityPlural(words: string[], sp: Span): boolean {
  const last = words[sp.e - 1].slice(0, -1);
  if (sp.e - sp.s === 1) return isNationality(last);
  return (DEMONYMS.has(last) || DEMONYM_LAST_WORDS.has(last)) && isNationality(words.slice(sp.s, sp.e - 1).join(' ') + ' ' + last);
}

/** Last words of demonyms of several words ("South African" -> "African"). */
const DEMONYM_LAST_WORDS: ReadonlySet<string> = new Set([...DEMONYMS].filter((d) => d.includes(' ')).map((d) => d.slice(d.lastIndexOf(' ') + 1)));

/**
 * Words that open organisations' names in other languages ("Banco de Mendoza", "Banque de France", "Deutsche
 * Morgan Grenfell", "Credit Lyonnais", "Societe Generale"): a name that opens with one is an organisation, and
 * it runs on over a particle to the capitalised words after it (the tagger cut "Banco | de | Mendoza" into an
 * organisation and a place).
 */
const FOREIGN_ORG_OPENERS: ReadonlySet<string> = new Set([
  'Banco', 'Banca', 'Banque', 'Bankhaus', 'Caja', 'Caixa', 'Caisse', 'Cassa', 'Credit', 'Credito', 'Compagnie', 'Compania',
  'Companhia', 'Compagnia', 'Societe', 'Société', 'Sociedad', 'Sociedade', 'Societa', 'Groupe', 'Grupo', 'Gruppo',
  'Deutsche', 'Deutscher', 'Deutsches', 'Istituto', 'Instituto', 'Institut', 'Partido', 'Partito', 'Parti', 'Union',
  'Corporacion', 'Empresa', 'Empresas', 'Industrias', 'Aerolineas', 'Petroleos', 'Telefonica', 'Fabrica', 'Sindicato',
]);
const ROMANCE_LINKS: ReadonlySet<string> = new Set(['de', 'do', 'da', 'del', 'della', 'di', 'du', 'des', 'dos', 'das', 'y', 'e', 'et']);

function foreignOrganisations(tk: Tokens, out: Span[]): Span[] {
  const words = tk.norm;
  const n = words.length;
  let result: Span[] | null = null;
  for (let x = 0; x < out.length; x++) {
    const sp = out[x];
    // "Union" opens English names of places and people too ("Union Square"): only before a link word
    const opener = FOREIGN_ORG_OPENERS.has(words[sp.s]) && (words[sp.s] !== 'Union' || ROMANCE_LINKS.has(words[sp.s + 1] ?? ''));
    if (!opener || sp.layout) continue;
    sp.type = 'organization';
    // over "de" / "do" … to the capitalised words after it, taking in a name found there; an opener read
    // alone takes the name words right after it ("Credit | Suisse", "Banque | Paribas")
    let e = sp.e;
    if (e - sp.s === 1) while (e < n && e - sp.s < 3 && !tk.sentStart[e] && isNameWord(words[e]) && !FUNCTION_WORDS.has(lower(words[e]))) e++;
    while (e + 1 < n && ROMANCE_LINKS.has(words[e]) && !tk.sentStart[e + 1] && isNameWord(words[e + 1])) {
      e += 2;
      while (e < n && !tk.sentStart[e] && isNameWord(words[e])) e++;
    }
    if (e === sp.e) continue;
    // (by identity: a span taken in earlier moved the later ones' places in the result)
    result ??= out.slice();
    const at = result.indexOf(sp);
    let taken = 0;
    while (x + 1 < out.length && out[x + 1].s < e) { taken++; x++; }
    result.splice(at, 1 + taken, span(sp.s, e, 'organization'));
  }
  return result ?? out;
}

function retypeKnownNames(tk: Tokens, out: Span[], known: number[]): Span[] {
  for (const sp of out) {
    if (sp.type === 'organization' && COUNTRY_ALIAS.has(key(tk, sp))) sp.type = 'place';
    // "Interpol", "Nato": an organisation the alias table knows by one word (not a capitalised "WHO", "IS")
    else if (sp.type !== 'organization' && sp.e - sp.s === 1 && ORG_ALIAS.has(tk.norm[sp.s]) && !COUNTRY_ALIAS.has(tk.norm[sp.s]) && !FUNCTION_WORDS.has(lower(tk.norm[sp.s]))) sp.type = 'organization';
    // "Goldman Sachs" read as a person: a known multi-word organisation name is an organisation
    else if (sp.type !== 'organization' && sp.e - sp.s >= 2 && COMPANY_PHRASES.has(key(tk, sp))) sp.type = 'organization';
    // "the executive Commission welcomed": an organisation's head noun alone names no person
    else if (sp.type === 'person' && sp.e - sp.s === 1 && ORG_HEADS.has(lower(tk.norm[sp.s]))) sp.type = 'organization';
    // "Bradford Bulls": a town and a plural that is no surname name a team, not a person
    else if (sp.type === 'person' && sp.e - sp.s >= 2 && isTeamOfTown(tk.norm, sp.s, sp.e)) sp.type = 'organization';
    // "Air France", "Air New Zealand": an airline, not the place
    else if (sp.type === 'place' && sp.e - sp.s >= 2 && (tk.norm[sp.s] === 'Air' || tk.norm[sp.s] === 'AIR')) sp.type = 'organization';
  }
  return known.length ? knownExpansions(tk, out, known) : out;
}

/**
 * The names of ORG_ALIAS spelled out ("Organisation for Security and Cooperation in Europe"), by first word:
 * their token arrays, in both spellings of "Organisation" and "Co-operation".
 */
const EXPANSIONS: ReadonlyMap<string, readonly string[][]> = (() => {
  const byFirst = new Map<string, string[][]>();
  const spellings = (w: string) => w === 'Organisation' || w === 'Organization' ? ['Organisation', 'Organization'] : w === 'Co-operation' || w === 'Cooperation' ? ['Co-operation', 'Cooperation'] : [w];
  for (const name of new Set(ORG_ALIAS.values())) {
    let forms: string[][] = [[]];
    const words = name.split(' ');
    if (words.length < 3) continue;
    for (const w of words) forms = forms.flatMap((f) => spellings(w).map((v) => f.concat(v)));
    for (const f of forms) {
      const list = byFirst.get(f[0]);
      if (list) list.push(f);
      else byFirst.set(f[0], [f]);
    }
  }
  return byFirst;
})();

/** "The Organisation for Security and Cooperation in Europe said": a known organisation spelled out is one name, whatever the tagger cut. */
function knownExpansions(tk: Tokens, out: Span[], known: number[]): Span[] {
  const words = tk.norm;
  const n = words.length;
  let add: Span[] | null = null;
  let from = 0;
  for (const k of known) {
    const forms = k >= from ? EXPANSIONS.get(words[k]) : undefined;
    if (!forms) continue;
    for (const f of forms) {
      if (k + f.length > n) continue;
      let j = 1;
      while (j < f.length && words[k + j] === f[j] && !tk.sentStart[k + j]) j++;
      if (j < f.length) continue;
      const e = k + f.length;
      if (!out.some((sp) => sp.s < e && k < sp.e && (sp.s < k || sp.e > e))) (add ??= []).push(span(k, e, 'organization'));
      from = e;
      break;
    }
  }
  return add ? withAdded(out, add, n) : out;
}

/** A first name or a surname of the gazetteer. */
function isPersonName(w: string): boolean {
  return ((SINGLE.get(w) ?? 0) & (GZ_FIRST | GZ_SURNAME)) !== 0 || FIRST_NAMES.has(w);
}

/** Kinds of media after their name ("the Portland Oregonian newspaper"). */
const MEDIA_FOLLOWERS = new Set(['newspaper', 'daily', 'weekly', 'magazine', 'tabloid', 'newsletter', 'broadcaster', 'network']);

/** Words after a one-word name that make it an organisation's ("an Upjohn spokesman", "Lufthansa shareholders"). */
const ORG_FOLLOWERS = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'executive', 'executives', 'employees', 'shareholders', 'stockholders', 'subsidiary', 'shares', 'headquarters']);

/** known organisation acronyms the tagger left out ("NATO Secretary-General …"), outside headlines */
function addKnownAcronyms(tk: Tokens, out: Span[], head: Uint8Array, known: number[]): Span[] {
  const words = tk.norm;
  const n = words.length;
  {
    const covered = new Uint8Array(n);
    for (const sp of out) covered.fill(1, sp.s, sp.e);
    const extra: Span[] = [];
    for (let k = 0; k < n; k++) {
      const w = words[k];
      if (!covered[k] && !head[k] && w.length >= 2 && isAllCapsWord(w) && ORG_ALIAS.has(w) && !(tk.sentStart[k] && words[k + 1] === ':')) extra.push(span(k, k + 1, 'organization'));
    }
    // "told Interfax": the agencies the wire quotes, whatever the tagger read
    for (const k of known) {
      if (!NEWS_AGENCIES.has(words[k]) || (tk.sentStart[k] && words[k + 1] === ':') || extra.some((sp) => sp.s === k)) continue;
      if (!covered[k]) extra.push(span(k, k + 1, 'organization'));
      else for (const sp of out) if (sp.s === k && sp.e === k + 1) sp.type = 'organization';
    }
    if (extra.length) out = out.concat(extra).sort((a, b) => a.s - b.s);
  }
  return out;
}

/** News agencies the wire quotes by name ("told Interfax", "Itar-Tass said"). */
const NEWS_AGENCIES = new Set(['Interfax', 'Itar-Tass', 'ITAR-TASS', 'Tass', 'TASS', 'Xinhua', 'Kyodo', 'Tanjug', 'ANSA', 'Bernama', 'Antara', 'Yonhap',
  'IRNA', 'PAP', 'CTK', 'DPA', 'EFE', 'PTI', 'UPI', 'Reuters', 'HINA', 'BTA', 'MTI', 'Jiji', 'Belga', 'Notimex']);

/**
 * The (first character, length) pairs of a set of words: most tokens are ruled out by one array read,
 * before a set lookup hashes them (rules that look up every token cost a few percent each otherwise).
 */
function shapesOf(words: Iterable<string>): Uint8Array {
  const a = new Uint8Array(128 * 32);
  for (const w of words) a[(w.charCodeAt(0) & 127) * 32 + Math.min(w.length, 31)] = 1;
  return a;
}

function mayBeIn(shapes: Uint8Array, w: string): boolean {
  return shapes[(w.charCodeAt(0) & 127) * 32 + Math.min(w.length, 31)] === 1;
}

/** Heads of place names that are no one's surname (unlike "Bay", "Lake", "River"). */
const PLACE_ONLY_HEADS = new Set(['Street', 'Square', 'Avenue', 'Strait', 'Straits', 'Gulf', 'Ocean', 'Sea', 'Peninsula', 'Desert', 'Canal', 'Strip',
  'Province', 'County', 'District', 'Region', 'Oblast', 'Islands', 'Heights']);

/** 2. suffixes and heads: "Danube Wire" / "Acme Holdings" organisations, "Black Sea" places */
function typeBySuffixAndHead(tk: Tokens, out: Span[]): Span[] {
  const words = tk.norm;
  for (const sp of out) {
    if (sp.e - sp.s < 2) continue;
    const last = isAllCapsWord(words[sp.e - 1]) && words[sp.e - 1].length > 3 ? titleCaps(words[sp.e - 1]) : words[sp.e - 1]; // "ROVERS" in a headline
    if (ORG_SUFFIXES.has(last) && sp.type !== 'organization') {
      if (!(sp.type === 'place' && last === 'United')) sp.type = 'organization';
    } else if (last === 'Bank' && sp.type !== 'organization' && !isPlaceName(key(tk, sp))) {
      // "Nordhavn Bank" (no suffix word: the West Bank is a place)
      sp.type = 'organization';
    } else if (sp.type === 'person' && PLACE_ONLY_HEADS.has(last) && !FIRST_NAMES.has(words[sp.s])) {
      sp.type = 'place'; // "Downing Street said …" (no surname: not "Michael Bay")
    } else if ((LOC_HEADS.has(last) || VENUE_WORDS.has(last)) && sp.type === 'organization' && !sp.layout) { // (not a side of a results line: "Western Province beat …"; a ground is a place: "Sydney Cricket Ground")
      let orgWord = false;
      for (let k = sp.s; k < sp.e - 1; k++) if (ORG_WORDS.has(lower(words[k]))) orgWord = true;
      if (!orgWord) sp.type = 'place';
    }
  }
  return out;
}

/**
 * "China | Eastern Airlines", "Varna | Eastern | Airlines": a place right before a company named by its
 * trade, with capitalised words the tagger left out between them, is part of the company's name.
 */
function placesOpeningTradeNames(tk: Tokens, out: Span[]): Span[] {
  const words = tk.norm;
  for (let x = 1; x < out.length; x++) {
    const b = out[x], a = out[x - 1];
    if (b.type !== 'organization' || !COMMERCIAL_HEADS.has(words[b.e - 1]) || a.type !== 'place' || b.s - a.e > 1) continue;
    let k = a.e;
    while (k < b.s && !tk.sentStart[k] && isCap(words[k]) && isNameWord(words[k])) k++;
    if (k < b.s || tk.sentStart[b.s]) continue;
    a.e = b.e;
    a.type = 'organization';
    out.splice(x, 1);
    x--;
  }
  return out;
}

/** Last words of companies named by their trade, which may open with a place ("China Eastern Airlines"); no government body. */
const COMMERCIAL_HEADS = new Set(['Airlines', 'Airways', 'Telecom', 'Shipping', 'Steel', 'Motor', 'Motors', 'Petroleum', 'Electric', 'Electronics', 'Chemicals', 'Industries', 'Holdings', 'Group']);

/** "Halvorsen | Shipping ASA", "Oslo | Rovers": a name directly followed by an organisation span that opens with a suffix word or ends in a legal form is one organisation */
function joinSuffixSpans(tk: Tokens, out: Span[]): Span[] {
  const words = tk.norm;
  for (let x = 0; x + 1 < out.length; x++) {
    const a = out[x], b = out[x + 1];
    if (a.e !== b.s || tk.sentStart[b.s] || a.type === 'person' && a.e - a.s >= 2) continue;
    const w = words[b.s];
    const first = ORG_SUFFIXES.has(w) || !isAllCapsWord(w) ? w : titleCaps(w); // "AG" stays, "ROVERS" -> "Rovers"
    if (!(ORG_SUFFIXES.has(first) && !LOC_HEADS.has(first)) && !LEGAL_FORMS.has(words[b.e - 1])) continue;
    a.e = b.e;
    a.type = 'organization';
    out.splice(x + 1, 1);
    x--;
  }
  return out;
}

/** "NEWCASTLE | UNITED", "MANCHESTER | UNITED" in ALL-CAPS lines: a name next to an organisation suffix the tagger left out takes it (or is taken in by it) */
function joinClubSuffixes(tk: Tokens, out: Span[], head: Uint8Array): Span[] {
  const words = tk.norm;
  const n = words.length;
  for (let x = 0; x < out.length; x++) {
    const sp = out[x];
    const next = x + 1 < out.length ? out[x + 1].s : n;
    const prev = x > 0 ? out[x - 1].e : 0;
    if (sp.e < next && sp.e < n && !tk.sentStart[sp.e] && isSuffixWord(words[sp.e])) { sp.e++; sp.type = 'organization'; }
    else if (sp.e - sp.s === 1 && isSuffixWord(words[sp.s]) && sp.s > prev && !tk.sentStart[sp.s] && head[sp.s - 1] && isNameWord(words[sp.s - 1]) &&
      !COMMON_WORDS.has(lower(words[sp.s - 1])) && !FUNCTION_FORMS.has(words[sp.s - 1]) && !(tk.sentStart[sp.s - 1] && words[sp.s] === '-')) { sp.s--; sp.type = 'organization'; }
  }
  return out;
}

/** EVENT_HEADS as printed and in capitals ("CUP"). */
const EVENT_HEAD_FORMS = new Set([...EVENT_HEADS, ...[...EVENT_HEADS].map((w) => w.toUpperCase())]);

/** Words that make any name holding them a competition's (CoNLL MISC), wherever they stand in it. */
const COMPETITION_WORDS = new Set(['Cup', 'CUP', 'Prix', 'PRIX', 'Olympics', 'OLYMPICS', 'Championship', 'CHAMPIONSHIP', 'Championships', 'CHAMPIONSHIPS', 'Trophy', 'TROPHY']);

/** "Brannvik Coastal Classic", "World Cup", "U.S. Open": events are no person, organisation or place (CoNLL MISC) */
function dropEvents(tk: Tokens, out: Span[]): Span[] {
  const words = tk.norm;
  const isEvent = (sp: Span) => {
    const last = words[sp.e - 1];
    if (EVENT_HEAD_FORMS.has(last) && (sp.e - sp.s >= 2 || (last !== 'Masters' && last !== 'MASTERS'))) return true; // "Masters" alone may be a surname
    // "WORLD | CUP QUALIFIER", "Davis Cup team": a cup or a prize inside names the competition
    for (let k = sp.s; k < sp.e - 1; k++) if (COMPETITION_WORDS.has(words[k])) return true;
    // "DAVIS | CUP FINAL": a name right before an event's head is the event's
    const next = sp.e < words.length && !tk.sentStart[sp.e] ? words[sp.e] : '';
    return next !== 'Masters' && next !== 'MASTERS' && EVENT_HEAD_FORMS.has(next);
  };
  if (out.some(isEvent)) out = out.filter((sp) => !isEvent(sp));
  return out;
}

/** "MANCHESTER UNITED" untagged in an ALL-CAPS line: a name word and a club suffix are one organisation */
function addCapsClubs(tk: Tokens, out: Span[], head: Uint8Array): Span[] {
  const words = tk.norm;
  const n = words.length;
  {
    let covered: Uint8Array | null = null;
    const extra: Span[] = [];
    for (let k = 1; k < n; k++) {
      if (!head[k] || !CLUB_SUFFIXES.has(words[k]) || tk.sentStart[k]) continue;
      const p = words[k - 1];
      if (!isAllCapsWord(p) || p.length < 3 || COMMON_WORDS.has(p.toLowerCase()) || FUNCTION_FORMS.has(p) || COUNTRY_ALIAS.has(titleCaps(p))) continue;
      if (!covered) { covered = new Uint8Array(n); for (const sp of out) covered.fill(1, sp.s, sp.e); }
      if (!covered[k] && !covered[k - 1]) extra.push(span(k - 1, k + 1, 'organization'));
    }
    if (extra.length) out = out.concat(extra).sort((a, b) => a.s - b.s);
  }
  return out;
}

/** 3. organisation cues before ("the company X", "the operator, X") or in apposition (", the Ruse company") */
function typeByOrgCues(tk: Tokens, out: Span[]): Span[] {
  const words = tk.norm;
  const n = words.length;
  for (const sp of out) {
    if (sp.type === 'organization') continue;
    let p = sp.s - 1;
    if (p >= 0 && words[p] === ',') p--;
    const before = p >= 0 ? lower(words[p]) : '';
    let cue = ORG_CUES.has(before) && !(sp.type === 'place' && isPlaceName(key(tk, sp)));
    if (!cue && sp.type === 'person' && sp.e + 1 < n && words[sp.e] === ',') {
      const a = lower(words[sp.e + 1]);
      if (a === 'which') cue = true;
      else if (a === 'the' || a === 'a' || a === 'an') {
        for (let k = sp.e + 2; k < Math.min(n, sp.e + 7); k++) {
          const l = lower(words[k]);
          // (not a person's role: ", a unit commander for …")
          if (ORG_CUES.has(l)) { cue = k + 1 >= n || !(/^(of|for|'s)$/.test(lower(words[k + 1])) || TITLE_HEADS.has(lower(words[k + 1])) || TITLE_WORDS.has(lower(words[k + 1]))); break; }
          if (TITLE_HEADS.has(l) || TITLE_WORDS.has(l) || FUNCTION_WORDS.has(l) || /^\p{P}/u.test(words[k])) break;
        }
      }
    }
    // "An Upjohn spokesman said": one unknown word read as a person (a person's surname comes back in harmonise)
    if (!cue && sp.type === 'person' && sp.e - sp.s === 1 && sp.e < n && ORG_FOLLOWERS.has(words[sp.e]) && !isPersonName(words[sp.s])) cue = true;
    // "the Portland Oregonian newspaper", "the Asahi daily" (not "the Moscow newspaper Izvestia")
    if (!cue && sp.e < n && MEDIA_FOLLOWERS.has(words[sp.e]) && !isPlaceName(key(tk, sp)) && !isNationality(words[sp.s])) cue = true;
    // "the ruling Golkar party" (not "the Texas party", a place's branch)
    if (!cue && sp.e - sp.s === 1 && sp.e < n && words[sp.e] === 'party' && !isPlaceName(words[sp.s]) && !isNationality(words[sp.s])) cue = true;
    if (cue) sp.type = 'organization';
  }
  return out;
}

/**
 * "said Peter Gignoux of Smith Barney", "Brent crude": a full name read as a person right after a person and
 * "of" is who employs them, and a one-word name before "crude" or "blend" is an oil grade, no name.
 */
function employersAfterOf(tk: Tokens, out: Span[]): Span[] {
  const words = tk.norm;
  let drop = false;
  for (let x = 0; x < out.length; x++) {
    const sp = out[x];
    if (isOilGrade(words, sp)) drop = true;
    if (x === 0 || sp.type !== 'person' || sp.e - sp.s < 2 || sp.s < 2 || words[sp.s - 1] !== 'of') continue;
    const p = out[x - 1];
    if (p.type === 'person' && p.e === sp.s - 1 && p.e - p.s >= 2 && !isPlaceName(key(tk, sp))) sp.type = 'organization';
  }
  return drop ? out.filter((sp) => !isOilGrade(words, sp)) : out;
}

/** "Brent crude", "Urals blend" (not "U.S. crude oil", a country's). */
function isOilGrade(words: string[], sp: Span): boolean {
  if (sp.e - sp.s !== 1 || sp.e >= words.length || (words[sp.e] !== 'crude' && words[sp.e] !== 'blend')) return false;
  return !isCountryName(words[sp.s]) && !isAllCapsWord(words[sp.s]);
}

/** Nouns of border posts a name before them names ("the Erez crossing", "the Allenby crossing point"). */
const CROSSING_NOUNS = new Set(['crossing', 'checkpoint']);

/**
 * "near the village of Kfar Houneh", "the town of Bunagana", "the Erez crossing": what a place noun names is a
 * place, whatever the tagger read.
 */
function placesAfterPlaceNouns(tk: Tokens, out: Span[]): Span[] {
  const words = tk.norm;
  for (const sp of out) {
    if (sp.type !== 'place' && sp.e < words.length && CROSSING_NOUNS.has(words[sp.e]) && sp.s > 0 && lower(words[sp.s - 1]) === 'the') {
      sp.type = 'place';
      continue;
    }
    if (sp.type === 'place' || sp.s < 2 || words[sp.s - 1] !== 'of' || tk.sentStart[sp.s - 1] || !PLACE_NOUNS.has(words[sp.s - 2])) continue;
    if (sp.type === 'person' && FIRST_NAMES.has(words[sp.s])) continue; // a first name says person (placesByEvidence weighs it)
    if (!ORG_SUFFIXES.has(words[sp.e - 1]) && !LEGAL_FORMS.has(words[sp.e - 1])) sp.type = 'place';
  }
  return out;
}

/** Words before a fielder or a bowler: "caught by X", "off the bowling of X". */
const DISMISSED_BY = new Set(['caught', 'bowled', 'stumped']);

/** Counts of wickets a bowler's figures give in words ("two for 60"). */
const WICKET_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']);

/**
 * Cricketers, whatever the tagger read: "caught by Moin Khan off the bowling of Saqlain Mushtaq", a batsman
 * "caught behind off Allan Donald", "out for 12 to Javagal Srinath", and a bowler before his figures
 * ("Lance Klusener two for 60": wickets for runs; a side's score is runs for wickets, "India 329 for six").
 */
function cricketDismissals(tk: Tokens, out: Span[]): Span[] {
  const words = tk.norm;
  const n = words.length;
  for (const sp of out) {
    if (sp.type === 'person') continue;
    const e = sp.e;
    if (e + 2 < n && words[e + 1] === 'for' && !tk.sentStart[e] && (WICKET_WORDS.has(words[e]) || /^\d$|^10$/.test(words[e])) && /^\d{2,3}$/.test(words[e + 2]) && !isPlaceName(key(tk, sp))) {
      sp.type = 'person';
      continue;
    }
    if (sp.s < 2 || tk.sentStart[sp.s] || tk.sentStart[sp.s - 1]) continue;
    const b = words[sp.s - 1];
    if (b !== 'of' && b !== 'by' && b !== 'off' && b !== 'to') continue;
    const a = lower(words[sp.s - 2]);
    const dismissed = (b === 'of' && a === 'bowling') || (b === 'by' && DISMISSED_BY.has(a)) ||
      ((b === 'off' || b === 'to') && (a === 'behind' || a === 'lbw' || (isDigitStart(a) && sp.s >= 4 && words[sp.s - 3] === 'for' && words[sp.s - 4] === 'out')));
    if (dismissed && (!isPlaceName(key(tk, sp)) || sp.e - sp.s >= 2)) sp.type = 'person';
  }
  return out;
}

/** Legislatures and seats of government named by one word: organisations ("the Senate voted", "the Duma"). */
const INSTITUTIONS = new Set(['Senate', 'Congress', 'Parliament', 'Duma', 'Knesset', 'Bundestag', 'Bundesrat', 'Sejm', 'Storting', 'Riksdag',
  'Folketing', 'Majlis', 'Politburo', 'Pentagon', 'Kremlin']);

/** The words tokenMarks finds for the rules that look up their own lists (institutions, agencies, known names). */
const KNOWN_WORDS: ReadonlySet<string> = new Set([...INSTITUTIONS, ...NEWS_AGENCIES, ...EXPANSIONS.keys()]);
const KNOWN_SHAPES = shapesOf(KNOWN_WORDS);

/**
 * "testified before the Senate health committee", "the Duma rejected it": one of these words, alone or
 * read as a person or a place, is an organisation; inside a longer name ("Senate Foreign Relations
 * Committee", "Congress Party") it stays that name's.
 */
function institutions(tk: Tokens, out: Span[], at: number[]): Span[] {
  let add: Span[] | null = null;
  let x = 0;
  for (const k of at) {
    while (x < out.length && out[x].e <= k) x++;
    const sp = x < out.length && out[x].s <= k ? out[x] : undefined;
    if (!sp) (add ??= []).push(span(k, k + 1, 'organization'));
    else if (sp.e - sp.s === 1) sp.type = 'organization';
  }
  return add ? out.concat(add).sort((a, b) => a.s - b.s) : out;
}

/**
 * "Senate Foreign | Relations | Committee": two organisations the tagger read with one capitalised word
 * left out between them, ending in an organisation head, are one name.
 */
function bridgedOrganisations(tk: Tokens, out: Span[]): Span[] {
  const words = tk.norm;
  let result: Span[] | null = null;
  for (let x = 0; x < out.length; x++) {
    const a = out[x], b = out[x + 1];
    if (b !== undefined && a.type === 'organization' && b.type === 'organization' && b.s === a.e + 1 && !tk.sentStart[a.e] && !tk.sentStart[b.s] &&
      isNameWord(words[a.e]) && !isAllCapsWord(words[a.e]) && !FUNCTION_WORDS.has(lower(words[a.e])) && ORG_SUFFIXES.has(words[b.e - 1])) {
      (result ??= out.slice(0, x)).push(span(a.s, b.e, 'organization'));
      x++;
      continue;
    }
    result?.push(a);
  }
  return result ?? out;
}

/** "shares in X", "a stake in X", "dealers at X", "analysts at X": X is a company or a bank. */
/** Those who work at the company ("an analyst with X"). */
const MARKET_EMPLOYEES = new Set(['dealers', 'dealer', 'traders', 'trader', 'analysts', 'analyst', 'economists', 'economist', 'strategists', 'strategist']);
const MARKET_HOLDERS = new Set(['shares', 'share', 'stake', 'stakes', 'stock', ...MARKET_EMPLOYEES]);
/** Their first letters (lower case): "in", "of", "at" are frequent, a holder before them rare. */
const HOLDER_FIRST = new Set([...'sdtae'].map((c) => c.charCodeAt(0)));

/**
 * Market reports name companies by what is held in them and who works at them: "Shares in Daimler-Benz
 * rose", "dealers at Chase Manhattan said". The one to three name words after "shares in / of" or
 * "dealers / analysts / economists at / with" are an organisation, unless a place ("a stake in Britain").
 */
function marketHolders(tk: Tokens, out: Span[], links: number[]): Span[] {
  const words = tk.norm;
  const n = words.length;
  let add: Span[] | null = null;
  let from = 0;
  for (const at of links) {
    const k = at - 1;
    if (k < from || k < 0 || k + 2 >= n || words[k].length < 4 || !HOLDER_FIRST.has(words[k].charCodeAt(0) | 32) || !MARKET_HOLDERS.has(lower(words[k]))) continue;
    if (words[at] === 'with' && !MARKET_EMPLOYEES.has(lower(words[k]))) continue; // "an analyst with X", not "shares with X"
    const a = k + 2;
    let e = a;
    while (e < n && e - a < 3 && !tk.sentStart[e] && isNameWord(words[e]) && !FUNCTION_WORDS.has(lower(words[e])) && !(COMMON_WORDS.has(lower(words[e])) && e === a)) e++;
    if (e === a || isNationality(words[a])) continue; // "a stake in German consumer electronics maker …"
    const inside = out.filter((sp) => sp.s < e && a < sp.e);
    if (inside.some((sp) => sp.type === 'place' || sp.s < a || sp.e > e + 1) || isPlaceName(words.slice(a, e).join(' '))) continue;
    const end = inside.length === 1 && inside[0].e > e ? inside[0].e : e;
    (add ??= []).push(span(a, end, 'organization'));
    from = end;
    // "analysts at Merrill Lynch and PaineWebber"
    if (end + 1 < n && words[end] === 'and' && !tk.sentStart[end + 1]) {
      let z = end + 1;
      while (z < n && z - end - 1 < 3 && !tk.sentStart[z] && isNameWord(words[z]) && !FUNCTION_WORDS.has(lower(words[z])) && !COMMON_WORDS.has(lower(words[z]))) z++;
      const other = out.filter((sp) => sp.s < z && end + 1 < sp.e);
      if (z > end + 1 && !other.some((sp) => sp.type === 'place' || sp.s <= end || sp.e > z) && !isPlaceName(words.slice(end + 1, z).join(' '))) {
        add.push(span(end + 1, z, 'organization'));
        from = z;
      }
    }
  }
  if (!add) return out;
  return withAdded(out, add, n);
}

/**
 * Start of the one to three capitalised name words right before token `end` (within its sentence, not
 * ALL CAPS, not in a headline), or -1 when there are none, or when they read as a common word, a title,
 * an honorific, a nationality, a place or a known organisation.
 */
function nameWordsBefore(tk: Tokens, end: number, head: Uint8Array): number {
  const words = tk.norm;
  let b = end;
  while (b > 0 && end - b < 3 && !tk.sentStart[b] && isNameWord(words[b - 1]) && !isAllCapsWord(words[b - 1]) && !head[b - 1]) b--;
  if (b === end) return -1;
  for (let x = b; x < end; x++) {
    const l = lower(words[x]);
    if (COMMON_WORDS.has(l) || FUNCTION_WORDS.has(l) || NOT_NAME.has(l) || isTitleWord(words[x]) || isHonorific(words[x]) || DEMONYMS.has(words[x])) return -1;
  }
  if (isPlaceName(words.slice(b, end).join(' ')) || ORG_ALIAS.has(words[b])) return -1;
  return b;
}

/** '" …, " Kerrigan said': capitalised words the tagger left out right before a speech verb are the speaker */
function addSpeakers(tk: Tokens, out: Span[], head: Uint8Array): Span[] {
  const words = tk.norm;
  const n = words.length;
  {
    let covered: Uint8Array | null = null;
    const extra: Span[] = [];
    for (let k = 1; k < n; k++) {
      const pc = words[k - 1].charCodeAt(0);
      if (pc < 65 || (pc > 90 && pc < 128)) continue; // most tokens follow no capitalised word: cheapest test first
      const v = words[k];
      const c = v.charCodeAt(0); // said says told added asked wrote argued insisted warned announced: a s t w i
      if (v.length < 4 || (c !== 115 && c !== 116 && c !== 97 && c !== 119 && c !== 105) || !SPEECH_AFTER.has(v)) continue;
      const b = nameWordsBefore(tk, k, head);
      if (b < 0) continue;
      if (!covered) { covered = new Uint8Array(n); for (const sp of out) covered.fill(1, sp.s, sp.e); }
      let free = true;
      for (let x = b; x < k; x++) if (covered[x]) free = false;
      if (free) extra.push(span(b, k, 'person'));
    }
    if (extra.length) out = out.concat(extra).sort((a, b) => a.s - b.s);
  }
  return out;
}

/**
 * Capitalised name words the tagger left out, right before an apposition that gives a person's role
 * ("Brandvold, the mayor of Kesterby, said"; "Halvorsen, a spokesman for the ministry,"): a person.
 * Mostly an unknown surname opening a sentence, where the tagger has no context before it.
 */
const CLAUSE_OPENERS = new Set(['meanwhile', 'however', 'separately', 'later', 'earlier', 'still', 'instead', 'elsewhere', 'nevertheless',
  'moreover', 'furthermore', 'similarly', 'additionally', 'today', 'yesterday', 'overnight', 'then', 'now', 'also', 'indeed', 'finally',
  'initially', 'previously', 'afterwards', 'afterward', 'recently', 'again', 'thus', 'hence', 'otherwise', 'nonetheless', 'first', 'second', 'third']);

function appositionPersons(tk: Tokens, out: Span[], head: Uint8Array): Span[] {
  const words = tk.norm;
  const n = words.length;
  let extra: Span[] | null = null;
  let covered: Uint8Array | null = null;
  let startsAt: Map<number, Span> | null = null;
  for (let e = 1; e + 2 < n; e++) {
    if (words[e] !== ',') continue;
    const next = lower(words[e + 1]);
    if (next !== 'the' && next !== 'a' && next !== 'an') continue;
    const b = nameWordsBefore(tk, e, head);
    if (b < 0) continue;
    // "Meanwhile, a spokesman for …": a sentence adverb opens the clause the role is the subject of
    if (e - b === 1 && (CLAUSE_OPENERS.has(lower(words[b])) || /ly$/.test(words[b]))) continue;
    if (!startsAt) { startsAt = new Map(); for (const sp of out) startsAt.set(sp.s, sp); }
    const role = titleAfter(tk, e, startsAt);
    if (!role) continue;
    // the apposition closes with a comma ("…, the mayor of Kesterby, said"), as a role set off does;
    // not "Meanwhile, the Taliban's leader has …"
    let k = role[1];
    while (k < n && k - role[1] < 6 && words[k] !== ',') {
      const sp = startsAt.get(k);
      if (sp && sp.type !== 'person') k = sp.e;
      else if (ROLE_FUNCTION.has(lower(words[k])) || TITLE_WORDS.has(lower(words[k]))) k++;
      else break;
    }
    if (words[k] !== ',') continue;
    if (!covered) { covered = new Uint8Array(n); for (const sp of out) covered.fill(1, sp.s, sp.e); }
    let free = true;
    for (let x = b; x < e; x++) if (covered[x]) free = false;
    if (free) (extra ??= []).push(span(b, e, 'person'));
  }
  return extra ? out.concat(extra).sort((a, b) => a.s - b.s) : out;
}

/** 4. honorific / title + capitalised name(s) is always a person ("Mr Kerrigan", "Minister Kerrigan") */
function titledPersons(tk: Tokens, out: Span[], head: Uint8Array): Span[] {
  const words = tk.norm;
  const n = words.length;
  const add: Span[] = [];
  for (let i = 0; i + 1 < n; i++) {
    const w = words[i];
    if (w.length < 2 || !TRIGGER_FIRST[w.charCodeAt(0) & 127] || !TRIGGERS.has(w)) continue;
    const l = lower(w);
    const hon = isHonorific(w) && isCap(w);
    // "Britain's FM Boris Johnson", "PM Mara Lindqvist"; not "5 PM Friday", not an ALL-CAPS line
    const abbreviated = ABBREVIATED_TITLES.has(w) && !head[i] && !(i > 0 && /\d/.test(words[i - 1]));
    if (!hon && !abbreviated && !NAME_TITLES.has(l)) continue;
    if (!hon && !abbreviated && isAllCapsWord(w)) continue;
    const j = i + 1;
    // the name may open with particles after an honorific ("Mr. da Silva", "Mr. van der Berg")
    let named = j;
    if (hon) while (named < n && named - j < 2 && PARTICLES.has(words[named]) && !tk.sentStart[named]) named++;
    if (tk.sentStart[j] || named === n || !isNameWord(words[named]) || isTitleWord(words[named]) || isHonorific(words[named])) continue;
    let e = named;
    let bad = false;
    while (e < n && e - j < 5 && !(e > j && tk.sentStart[e])) {
      const x = words[e];
      const lx = lower(x);
      if (isNameWord(x)) {
        if (FUNCTION_WORDS.has(lx) || NOT_NAME.has(lx) || (head[e] && !hon && COMMON_WORDS.has(lx))) break;
        if (ORG_WORDS.has(lx) || ORG_SUFFIXES.has(x) || LOC_HEADS.has(x)) { bad = true; break; }
        if (e > j && isTitleWord(x) && !hon) break;
        e++;
        continue;
      }
      if (e > j && e + 1 < n && isNameWord(words[e + 1]) && (PARTICLES.has(lx) || /^(al|el)-/.test(lx))) { e++; continue; }
      if (/^(al|el)-\p{Lu}/u.test(x)) { e++; continue; }
      break;
    }
    if (bad || e === j) continue;
    if (!hon) {
      const first = words[j];
      if (DEMONYMS.has(first) || (e - j === 1 && (isPlaceName(first) || ORG_ALIAS.has(first)))) continue;
    }
    add.push(span(j, e, 'person'));
    i = e - 1;
  }
  if (add.length) {
    const kept: Span[] = [];
    // add is sorted by start and its spans do not overlap: find the hit of each span with a moving pointer
    let ai = 0;
    for (const sp of out) {
      while (ai < add.length && add[ai].e <= sp.s) ai++;
      let hit: Span | undefined;
      for (let x = ai; x < add.length && add[x].s - 1 < sp.e; x++) if (overlaps(sp, add[x].s - 1, add[x].e)) { hit = add[x]; break; }
      if (!hit) { kept.push(sp); continue; }
      if (sp.s < hit.s - 1) {
        // keep what precedes the title when it is a name of its own ("White House Press Secretary Sean Spicer")
        let e = Math.min(sp.e, hit.s - 1);
        // ("UN", "U.S." are title words too, but name an organisation or a place: "UN Secretary-General")
        while (e > sp.s && isTitleWord(words[e - 1]) && !ORG_ALIAS.has(words[e - 1]) && !COUNTRY_ALIAS.has(words[e - 1])) e--;
        if (e > sp.s && (e - sp.s >= 2 || isPlaceName(words[sp.s]) || ORG_ALIAS.has(words[sp.s]))) kept.push(span(sp.s, e, sp.type));
      }
    }
    out = kept.concat(add).sort((a, b) => a.s - b.s);
  }
  return out;
}

/**
 * "RFE/RL", "AC/DC": two acronyms glued by a slash, at least one of them read as a name and not both
 * known on their own ("US/UK" stays two places), are one organisation (not in ALL-CAPS lines).
 */
function slashAcronyms(tk: Tokens, spans: Span[], head: Uint8Array): Span[] {
  const words = tk.norm;
  let joined: Span[] | null = null;
  for (let k = 1; k + 1 < words.length; k++) {
    // (pre-tokenised input has no offsets: its tokens are never known to touch)
    if (words[k] !== '/' || head[k] || tk.start[k] === tk.end[k] || tk.end[k - 1] !== tk.start[k] || tk.end[k] !== tk.start[k + 1]) continue;
    const a = words[k - 1], b = words[k + 1];
    // an ALL-CAPS line makes every word look like an acronym: only mixed-case text tells
    if (!isAllCapsWord(a) || !isAllCapsWord(b) || a.length > 5 || b.length > 5) continue;
    const known = (w: string) => ORG_ALIAS.has(w) || COUNTRY_ALIAS.has(w) || isPlaceName(w);
    if (known(a) && known(b)) continue;
    const touching = spans.filter((sp) => sp.s <= k + 1 && k - 1 < sp.e);
    if (touching.length === 0 || touching.some((sp) => sp.s < k - 1 || sp.e > k + 2)) continue;
    joined = (joined ?? spans).filter((sp) => !touching.includes(sp));
    joined.push(span(k - 1, k + 2, 'organization'));
  }
  return joined ? joined.sort((x, y) => x.s - y.s) : spans;
}

const DIRECTION_ADJECTIVES = new Set(['Eastern', 'Western', 'Northern', 'Southern', 'Central']);
/** Direction words and regional adjectives that describe a part of something ("Al-Qaida's North African wing"). */
const DIRECTION_WORDS = new Set([...DIRECTION_ADJECTIVES, 'North', 'South', 'East', 'West', 'African', 'Asian', 'European', 'Arab', 'Latin', 'Gulf']);

/**
 * "Middle Eastern allies", "South Korean officials": a place read that ends in a direction or nationality
 * adjective right before a lowercase word describes something; it names no place (CoNLL's MISC).
 */
function regionalAdjective(words: string[], sp: Span): boolean {
  if (sp.type !== 'place') return false;
  const last = words[sp.e - 1];
  if (!DIRECTION_ADJECTIVES.has(last) && !(DEMONYMS.has(last) && !COUNTRY_ALIAS.has(last))) return false;
  const next = words[sp.e];
  return next !== undefined && isLowerWord(next) && !FUNCTION_WORDS.has(next);
}

const COMPLEMENT_LINKS = new Set(['to', 'of', 'for']);

/**
 * 5. "US ambassador to the UN Mara Lind": capitalised name words right after a title's complement
 * ("ambassador / envoy / minister … to / of / for (the) X") are the title holder. After an organisation
 * or a place the tagger tends to leave them out, or to keep only the surname.
 */
function titleComplementHolders(tk: Tokens, spans: Span[], head: Uint8Array): Span[] {
  const words = tk.norm;
  const n = words.length;
  let out = spans;
  for (let x = 0; x < out.length; x++) {
    const sp = out[x];
    if (sp.type === 'person' || sp.e >= n || tk.sentStart[sp.e] || !isNameWord(words[sp.e])) continue;
    if (FIRST_NAMES.has(words[sp.e - 1])) continue; // "Secretary of State Colin | Powell": the tagger split the name itself
    let k = sp.s - 1;
    if (k >= 0 && lower(words[k]) === 'the') k--;
    if (k < 1 || !COMPLEMENT_LINKS.has(words[k]) || !NAME_TITLES.has(lower(words[k - 1]))) continue;
    let interrupted = false;
    for (let j = k; j <= sp.s; j++) if (tk.sentStart[j]) interrupted = true;
    if (interrupted) continue;
    // the name: up to three name words, over what the tagger made of them ("Haley" of "Nikki Haley")
    let e = sp.e;
    while (e < n && e - sp.e < 3 && !tk.sentStart[e] && !head[e] && isHolderWord(words[e])) e++;
    if (e === sp.e) continue;
    let y = x + 1;
    let end = e;
    let clash = false;
    for (; y < out.length && out[y].s < e; y++) {
      // a person the tagger found there may run on; anything else must lie within the name words
      if (out[y].type !== 'person' && out[y].e > e) clash = true;
      end = Math.max(end, out[y].e);
    }
    if (clash || (end - sp.e === 1 && y === x + 1 && !FIRST_NAMES.has(words[sp.e]))) continue; // one unknown word: too little
    out = out.slice(0, x + 1).concat([span(sp.e, end, 'person')], out.slice(y));
  }
  return out;
}

/** Nationality adjectives of states gone, which the gazetteer's demonyms (from today's countries) lack. */
const OLD_DEMONYMS = new Set(['Yugoslav', 'Soviet', 'Czechoslovak', 'Zairean', 'Zairian', 'Rhodesian', 'Burmese']);
/** A nationality adjective: the gazetteer's, a home nation's ("English") or a gone state's ("Yugoslav"). */
function isNationality(w: string): boolean {
  return DEMONYMS.has(w) || HOME_NATION_ADJECTIVES.has(w) || OLD_DEMONYMS.has(w);
}

/** Nouns for a person of a nation, which open a person read ("Finn Mika Hakkinen"); adjectives are in isNationality. */
const NATIONALITY_NOUNS = new Set(['Finn', 'Briton', 'Dane', 'Swede', 'Pole', 'Scot', 'Spaniard', 'Frenchman', 'Frenchwoman', 'Dutchman',
  'Welshman', 'Irishman', 'Englishman', 'Englishwoman', 'Turk', 'Kiwi', 'Aussie', 'Yank', 'Swiss']);

/** "Austrian Thomas Muster", "Finn Mika Hakkinen": the nationality before a person's full name is no part of it. */
function nationalitiesBeforePeople(tk: Tokens, spans: Span[]): Span[] {
  const words = tk.norm;
  for (const sp of spans) {
    if (sp.type !== 'person' || sp.e - sp.s < 3) continue;
    const w = words[sp.s];
    if ((isNationality(w) || NATIONALITY_NOUNS.has(w)) && isCap(words[sp.s + 1])) sp.s++;
  }
  return spans;
}

/** Titles a person holds in an organisation, in lower case between the organisation and the person. */
const EMPLOYED_TITLES = new Set(['president', 'chairman', 'chairwoman', 'governor', 'spokesman', 'spokeswoman', 'spokesperson', 'chief',
  'director', 'head', 'economist', 'analyst', 'executive', 'boss', 'secretary-general', 'general-secretary']);

/**
 * "Bundesbank president Hans Tietmeyer", "Fed chairman Alan Greenspan": one capitalised word the tagger left out,
 * right before a lower-case title that a person follows, is the organisation the person works for (not a
 * common word, a nationality, a place or a party adjective: "Republican leader Bob Dole").
 */
function employersBeforeTitles(tk: Tokens, spans: Span[]): Span[] {
  const words = tk.norm;
  let add: Span[] | null = null;
  for (let x = 0; x < spans.length; x++) {
    const p = spans[x];
    if (p.type !== 'person' || p.e - p.s < 2 || p.s < 2) continue;
    const t = p.s - 1, k = p.s - 2;
    if (!EMPLOYED_TITLES.has(words[t]) || tk.sentStart[t] || !isNameWord(words[k]) || (isAllCapsWord(words[k]) && words[k].length > 5)) continue;
    if (x > 0 && spans[x - 1].e > k) continue; // a name there already
    const l = lower(words[k]);
    if (COMMON_WORDS.has(l) || FUNCTION_WORDS.has(l) || RULE_TITLE_WORDS.has(l) || isNationality(words[k]) || isPlaceName(words[k]) || isTitleWord(words[k]) ||
      FIRST_NAMES.has(words[k])) continue;
    (add ??= []).push(span(k, k + 1, 'organization'));
  }
  return add ? spans.concat(add).sort((a, b) => a.s - b.s) : spans;
}

/**
 * "The Organisation for Security and Cooperation in Europe (OSCE)": the capitalised words whose initials
 * spell the acronym in parentheses after them (function words between them allowed) are one name, whatever
 * the tagger made of its parts, and the acronym names the same: an organisation, or a place for a country
 * ("United Arab Emirates (UAE)").
 */
function expansionsOfAcronyms(tk: Tokens, parens: number[], spans: Span[]): Span[] {
  const words = tk.norm;
  const n = words.length;
  let out = spans;
  for (const p of parens) {
    if (p < 2 || p + 2 >= n || words[p + 2] !== ')') continue;
    const acronym = words[p + 1];
    if (acronym.length < 2 || acronym.length > 8 || !/^[A-Z]+$/.test(acronym)) continue;
    let i = acronym.length - 1;
    let q = p - 1;
    for (; q >= 0 && i >= 0; q--) {
      const w = words[q];
      if (isCap(w) && /^\p{L}/u.test(w)) {
        if (w[0] !== acronym[i]) break;
        i--;
        if (i < 0) break;
      } else if (!(FUNCTION_WORDS.has(w) || w === '&' || w === "'s") || q === p - 1) break; // ("Sudan People 's Liberation Army ( SPLA )")
      if (tk.sentStart[q]) break;
    }
    if (i >= 0 || p - q < 2) continue;
    const s = q;
    const type: MentionType = isCountryName(words.slice(s, p).join(' ')) ? 'place' : 'organization';
    const kept = out.filter((sp) => sp.e <= s || sp.s >= p + 2 || (sp.s < s && sp.e <= s));
    if (out.some((sp) => sp.s < s && sp.e > s)) continue; // a name running into the expansion from before: leave it
    kept.push(span(s, p, type), span(p + 1, p + 2, type));
    out = kept.sort((a, b) => a.s - b.s);
  }
  return out;
}

/**
 * "NIKKEI ENDS LOWER", "LARA ENDURES ANOTHER MISERABLE DAY": in an ALL-CAPS headline the tagger may run a
 * name into the verb after it. A last word that is a common verb's third person ("ENDS", "SAYS", "LEADS")
 * leaves the name, unless the name is known or the word is a name's head ("NEW YORK TIMES", "UNITED STATES").
 */
function headlineVerbs(tk: Tokens, head: Uint8Array, spans: Span[]): Span[] {
  const words = tk.norm;
  spans = resultVerbsInHeadlines(tk, head, spans);
  for (const sp of spans) {
    const last = sp.e - 1;
    if (sp.e - sp.s < 2 || !head[last]) continue;
    const w = words[last];
    const n = w.length;
    if (n < 4 || w.charCodeAt(n - 1) !== 83 || w.charCodeAt(n - 2) === 83 || !isAllCapsWord(w)) continue; // ...S, not ...SS
    const l = lower(w);
    if (!COMMON_WORDS.has(l.slice(0, -1))) continue; // "ENDS" (end); "NEWS", "TIMES" are heads, below
    const t = w[0] + l.slice(1);
    if (ORG_SUFFIXES.has(t) || LOC_HEADS.has(t) || isPlaceName(key(tk, sp)) || COMPANY_PHRASES.has(titleCaps(key(tk, sp)))) continue;
    sp.e = last;
  }
  return placesBeforeHeadlineNouns(tk, head, spans);
}

/** "PAKISTAN V NEW ZEALAND SCOREBOARD": a word after a country in an ALL-CAPS headline, no head of a name, is no part of it. */
function placesBeforeHeadlineNouns(tk: Tokens, head: Uint8Array, spans: Span[]): Span[] {
  const words = tk.norm;
  for (const sp of spans) {
    if (sp.e - sp.s < 2 || !head[sp.s] || !isAllCapsWord(words[sp.e - 1])) continue;
    const l = lower(words[sp.e - 1]);
    const t = titleCaps(words[sp.e - 1]);
    if (ORG_SUFFIXES.has(t) || LOC_HEADS.has(t) || ORG_WORDS.has(l) || COMPANY_PHRASES.has(titleCaps(key(tk, sp)))) continue;
    if (!isCountryName(words.slice(sp.s, sp.e - 1).join(' '))) continue;
    sp.e--;
    sp.type = 'place';
  }
  return spans;
}

/** Verbs of a sports headline, as printed in capitals: "SRI LANKA WIN", "WESTERN PROVINCE BEAT AUCKLAND". */
const HEADLINE_RESULT_VERBS = new Set([
  'BEAT', 'BEATS', 'WIN', 'WINS', 'DRAW', 'DRAWS', 'LOSE', 'LOSES', 'HOLD', 'HOLDS', 'CRUSH', 'CRUSHES', 'THRASH',
  'THRASHES', 'EDGE', 'EDGES', 'STUN', 'STUNS', 'DEFEAT', 'DEFEATS', 'ROUT', 'ROUTS', 'CLINCH', 'CLINCHES', 'RETAIN',
  'RETAINS', 'OUST', 'OUSTS', 'TROUNCE', 'TROUNCES', 'SINK', 'SINKS', 'GET', 'GETS', 'KEEP', 'KEEPS', 'REACH',
  'REACHES', 'SIGN', 'SIGNS', 'SACK', 'SACKS', 'SAY', 'FACE', 'FACES', 'TAKE', 'TAKES', 'LEAD', 'LEADS',
]);

/**
 * In an ALL-CAPS headline the tagger may read "WESTERN PROVINCE BEAT AUCKLAND" as one name, or the verb of
 * "SRI LANKA WIN BY 42 RUNS" as a name of its own: a result verb is no part of a name. The words on either
 * side keep the span's type (a country is a place); document consistency types them as the body does.
 */
function resultVerbsInHeadlines(tk: Tokens, head: Uint8Array, spans: Span[]): Span[] {
  const words = tk.norm;
  let out: Span[] | null = null;
  for (let x = 0; x < spans.length; x++) {
    const sp = spans[x];
    let verb = -1;
    if (head[sp.s]) for (let k = sp.s; k < sp.e; k++) if (HEADLINE_RESULT_VERBS.has(words[k])) { verb = k; break; }
    if (verb < 0) {
      out?.push(sp);
      continue;
    }
    out ??= spans.slice(0, x);
    for (const [s, e] of [[sp.s, verb], [verb + 1, sp.e]]) {
      if (e <= s || FUNCTION_WORDS.has(lower(words[s]))) continue;
      out.push(span(s, e, isCountryName(words.slice(s, e).join(' ')) ? 'place' : sp.type));
    }
  }
  return out ?? spans;
}

/**
 * A country named alone is a place, also as the subject of news ("ZAIRE REBELS SAY …", "Pakistan said")
 * and as a national team: the tagger reads some headline countries as organisations.
 */
function countriesArePlaces(tk: Tokens, spans: Span[]): Span[] {
  for (const sp of spans) if (sp.type === 'organization' && isCountryName(key(tk, sp))) sp.type = 'place';
  return wholeCountryNames(tk, spans);
}

/** "SRI | LANKA": a span that a word or two the tagger left out would make a country's name takes them. */
function wholeCountryNames(tk: Tokens, spans: Span[]): Span[] {
  const words = tk.norm;
  for (let x = 0; x < spans.length; x++) {
    const sp = spans[x];
    if (!COUNTRY_FIRST_WORDS.has(words[sp.s])) continue;
    const limit = Math.min(x + 1 < spans.length ? spans[x + 1].s : words.length, sp.e + 2);
    for (let e = sp.e + 1; e <= limit && !tk.sentStart[e - 1] && isCap(words[e - 1]); e++) {
      if (isCountryName(words.slice(sp.s, e).join(' '))) {
        sp.e = e;
        sp.type = 'place';
        break;
      }
    }
  }
  return spans;
}

/** First words of countries' names of several words, as printed and in capitals ("Sri", "SRI"). */
const COUNTRY_FIRST_WORDS: ReadonlySet<string> = new Set([...COUNTRY_ALIAS.keys()].filter((c) => c.includes(' ')).flatMap((c) => {
  const first = c.slice(0, c.indexOf(' '));
  return [first, first.toUpperCase()];
}));

function isCountryName(s: string): boolean {
  return isKnownAsPrinted(s, (t) => COUNTRY_ALIAS.has(t));
}

/**
 * "U.N. High Commissioner for Refugees Sadako Ogata" read as one organisation: after a title and its
 * complement, the name words that end the span are its holder, a person; the rest stays the organisation.
 */
function holdersInsideTitles(tk: Tokens, spans: Span[]): Span[] {
  const words = tk.norm;
  let out = spans;
  for (let x = 0; x < out.length; x++) {
    const sp = out[x];
    if (sp.type !== 'organization' || sp.e - sp.s < 5) continue;
    let t = -1;
    for (let k = sp.s; k + 2 < sp.e; k++) if (NAME_TITLES.has(lower(words[k])) && COMPLEMENT_LINKS.has(words[k + 1])) { t = k; break; }
    if (t < 0) continue;
    let h = sp.e;
    while (h > t + 3 && sp.e - h < 3 && isHolderWord(words[h - 1])) h--;
    if (h === sp.e || (sp.e - h === 1 && !FIRST_NAMES.has(words[h]))) continue;
    out = out.slice(0, x).concat([span(sp.s, h, 'organization'), span(h, sp.e, 'person')], out.slice(x + 1));
    x++;
  }
  return out;
}

function isHolderWord(w: string): boolean {
  if (!isNameWord(w) || isAllCapsWord(w) || isTitleWord(w) || isHonorific(w) || DEMONYMS.has(w) || ORG_SUFFIXES.has(w) || LOC_HEADS.has(w)) return false;
  const l = lower(w);
  return !FUNCTION_WORDS.has(l) && !NOT_NAME.has(l) && !ORG_WORDS.has(l) && (!COMMON_WORDS.has(l) || FIRST_NAMES.has(w));
}

const DISMISSAL = new Set(['b', 'c', 'lbw', 'st', 'c&b']);
/** Rows of a cricket scoreboard that are no batsman. */
const SCOREBOARD_LABELS = new Set(['Extras', 'Total', 'Bowling', 'Batting', 'Sundries']);
const BOWLING_FIGURES = /^\d{1,2}(\.\d)?-\d{1,2}-\d{1,3}-\d{1,2}$/;
const RUNS = /^\d{1,3}(-\d{1,2})?\*?$/;

/**
 * Scoreboards: names in a cricket batting line ("Lars Holm c Vik b Haugen 64", "Per Sorensen lbw b Berg 41"),
 * before bowling figures ("Ola Vik 10-1-22-3"), scorers in parentheses after a score ("( Holm 64 , Vik 3-22 )",
 * "( Dahl 34 )") and full names before a country in parentheses in a results line ("2. Arvid Strand ( Estonia )
 * 10.05") are people (countries excepted).
 */
function scoreboardPeople(tk: Tokens, spans: Span[], digitLines: number[]): Span[] {
  const words = tk.norm;
  const n = words.length;
  let add: Span[] | null = null;
  const nameW = (w: string) => isNameWord(w) && !FUNCTION_FORMS.has(w) && !NOT_NAME.has(w.toLowerCase()) && !VERSUS.has(w) && !isAllCapsWord(w);
  let labels: Set<number> | null = null;
  for (let li = 0; li < digitLines.length; li += 2) {
    const s = digitLines[li], e = digitLines[li + 1];
    let cue = false;
    for (let k = s; k < e && !cue; k++) {
      const w = words[k];
      const c = w.charCodeAt(0);
      if (c === 40 || ((c === 98 || c === 99 || c === 108 || c === 115 || c === 110 || c === 114) && w.length <= 3 && (DISMISSAL.has(w) || w === 'not' || w === 'run'))) cue = true; // "(", b c lbw st not run
      // bowling figures "10-1-22-3"
      else if (c <= 57 && w.length >= 7 && BOWLING_FIGURES.test(w)) cue = true;
    }
    if (!cue) continue;
    if (SCOREBOARD_LABELS.has(words[s])) (labels ??= new Set()).add(s);
    // a batting line: opens with a name, has a dismissal ("b", "lbw", "c", "st", "run out", "not out"), ends with runs
    let batting = false;
    if ((nameW(words[s]) || isLetterStop(words[s])) && RUNS.test(words[e - 1]) && e - s <= 14) {
      for (let k = s + 1; k < e - 1; k++) {
        const w = words[k];
        if (DISMISSAL.has(w) || ((w === 'run' || w === 'not') && words[k + 1] === 'out')) { batting = true; break; }
      }
    }
    let paren = 0;
    for (let k = s; k < e; ) {
      const w = words[k];
      if (w === '(') paren++;
      else if (w === ')') paren = Math.max(0, paren - 1);
      if (!nameW(w)) { k++; continue; }
      let j = k + 1;
      while (j < e && j - k < 4 && nameW(words[j])) j++;
      const next = j < e ? words[j] : '';
      // "3. Arvid Strand ( Estonia ) 10.05": a full name before a country in parentheses is an athlete
      let athlete = false;
      if (next === '(' && j - k >= 2 && !hasOrgWord(words, k, j)) {
        let q = j + 1;
        while (q < e && q - j <= 3 && words[q] !== ')') q++;
        athlete = q < e && q > j + 1 && words[q] === ')' && isPlaceName(words.slice(j + 1, q).join(' '));
      }
      const person = batting || athlete || BOWLING_FIGURES.test(next) ||
        (paren > 0 && (RUNS.test(next) || (next === 'not' && words[j + 1] === 'out')) && (k === s || /^[(,;]$/.test(words[k - 1])));
      // initials before it ("B. Young c …") make it a person's name, whatever else it names
      let b = k;
      while (b > s && isLetterStop(words[b - 1])) b--;
      if (person && (b < k || !isPlaceName(words.slice(k, j).join(' ')))) (add ??= []).push(span(b, j, 'person', true));
      k = j;
    }
  }
  // "Extras ( lb-4 nb-5 ) 9", "Total ( for 5 wickets ) 215": the scoreboard's own rows name nobody
  if (labels) spans = spans.filter((sp) => !(sp.e === sp.s + 1 && labels!.has(sp.s)));
  if (!add) return spans;
  return withAdded(spans, add, n);
}

/**
 * Fixtures "Brannvik v Halden", "Dahl vs Lunde", "NORWAY V SWEDEN": both sides of "v" are names of
 * the same kind — people when the tagger read either side as a full name, else teams (organisations, also
 * when named after a city; a country's team is a place). In mixed case a side is its run of capitalised words; in an ALL-CAPS line
 * it is the tagger's span (or a lone place name).
 */
/**
 * Match reports in prose: in a sentence with a score ("2-1", "by six wickets"), the names right before a
 * result verb and right after it, or after "with / to / against / over / by" that follows it, are the sides:
 * clubs (organisations, also when named after their town: "Barcelona drew 1-1 with Sevilla"), national teams
 * (places), or people when the tagger found a full name or the scores are sets ("Sampras beat Agassi 6-4 6-3").
 */
function matchReports(tk: Tokens, spans: Span[], lines: number[]): Span[] {
  const words = tk.norm;
  let add: Span[] | null = null;
  // the lines with numbers, and those with a cricket margin in words ("by six wickets")
  for (let x = 0; x < lines.length; x += 2) {
    const s = lines[x], e = lines[x + 1];
    let scores = 0, sets = 0;
    const innings: number[] = []; // cricket scores: "Surrey 310-6", "Kent 275 all out"
    for (let k = s; k < e; k++) {
      if (isMatchScore(words[k])) {
        scores++;
        if (/^[67]-/.test(words[k])) sets++;
      } else if (words[k] === 'by' && k + 2 < e && /^(\d+|one|two|three|four|five|six|seven|eight|nine|ten)$/.test(words[k + 1]) && /^(wickets?|runs?)$/.test(words[k + 2])) scores++;
      else if (isInnings(words, k, e)) { scores++; innings.push(k); }
      else if (isPointsScore(words[k]) && resultBefore(words, s, k)) scores++;
    }
    if (scores === 0) continue;
    const nameW = (k: number) => k >= s && k < e && isNameWord(words[k]) && !FUNCTION_FORMS.has(words[k]) && !NOT_NAME.has(lower(words[k])) &&
      (!isTitleWord(words[k]) || (k + 1 < e && isPlaceName(words[k] + ' ' + words[k + 1]))) && // ("New York", not "coach")
      !(tk.sentStart[k] && (COMMON_WORDS.has(lower(words[k])) || FUNCTION_WORDS.has(lower(words[k])) || PRONOUNS.has(lower(words[k]))) &&
        !(DIRECTION_ADJECTIVES.has(words[k]) && k + 1 < e && isNameWord(words[k + 1]))); // "She overcame …", not "Northern Province beat …"
    const groups: Array<[number, number]> = [];
    const groupAfter = (a: number) => {
      let z = a;
      while (z < e && z - a < 4 && nameW(z)) z++;
      if (z > a) groups.push([a, z]);
    };
    // "Kesterby's 2-1 win over Varna Athletic", "a lucky 2-1 win against Halden", "a 3-1 win at Hansa Rostock"
    for (let k = s + 1; k + 1 < e; k++) {
      if (!isMatchScore(words[k])) continue;
      if (k >= s + 2 && (words[k - 1] === "'s" || words[k - 1] === '’s')) {
        let b = k - 1;
        while (b > s && k - 1 - b < 4 && nameW(b - 1)) b--;
        if (b < k - 1) groups.push([b, k - 1]);
      }
      if (RESULT_NOUNS.has(words[k + 1]) && k + 3 < e && (RESULT_LINKS.has(words[k + 2]) || (words[k + 2] === 'at' && !isVenueAfter(words, k + 3, e)))) groupAfter(k + 3);
    }
    for (const k of innings) {
      let b = k;
      while (b > s && k - b < 4 && nameW(b - 1)) b--;
      if (b < k) groups.push([b, k]);
    }
    // "… (Alec Stewart 95) v Kent": the side after "v" on a scoreboard line
    if (innings.length) for (let k = s; k + 1 < e; k++) if (VERSUS.has(words[k]) && nameW(k + 1)) groupAfter(k + 1);
    for (let v = s + 1; v < e; v++) {
      if (!RESULT_VERBS.has(words[v])) continue;
      // the side before the verb
      const end = RESULT_AUXILIARIES.has(words[v - 1]) ? v - 1 : v;
      let b = end;
      while (b > s && end - b < 4 && nameW(b - 1)) b--;
      if (b < end) {
        groups.push([b, end]);
        // "Halden and Tromvik drew 2-2"
        if (b - 1 > s && words[b - 1] === 'and' && nameW(b - 2)) {
          let c = b - 1;
          while (c > s && b - 1 - c < 4 && nameW(c - 1)) c--;
          groups.push([c, b - 1]);
        }
      }
      // the side after it: at once, or after a score and a link word ("lost 1-0 at Vicenza": the home side)
      // ("beat the New York Knicks 103-88", "lost to the Celtics")
      let a = words[v + 1] === 'the' ? v + 2 : v + 1;
      if (!nameW(a)) {
        a = -1;
        for (let k = v + 1; k < Math.min(e - 1, v + 5); k++) {
          if (!RESULT_LINKS.has(words[k]) && !(words[k] === 'at' && !isVenueAfter(words, k + 1, e))) continue;
          const side = words[k + 1] === 'the' ? k + 2 : k + 1;
          if (nameW(side)) { a = side; break; }
        }
      }
      if (a >= 0) groupAfter(a);
    }
    for (const [gs, ge] of groups) {
      const inside = spans.filter((sp) => sp.s < ge && gs < sp.e);
      // a name the tagger read past the group's edges ("Rosenborg Ballklub"): leave it
      if (inside.some((sp) => sp.s < gs || sp.e > ge)) continue;
      const text = words.slice(gs, ge).join(' ');
      // (a person read holding a town is a club: "Bayern Munich were held 1-1")
      const fullName = (ge - gs >= 2 && FIRST_NAMES.has(words[gs]) && !isPlaceName(words[gs])) ||
        inside.some((sp) => sp.type === 'person' && sp.e - sp.s >= 2 && !isPlaceName(words[sp.e - 1]) && !isPlaceName(words[sp.s]));
      const type: MentionType = COUNTRY_ALIAS.has(text) ? 'place' : fullName || sets >= 2 ? 'person' : 'organization';
      (add ??= []).push(span(gs, ge, type, true));
    }
  }
  if (!add) return spans;
  return withAdded(spans, add, words.length);
}

/** Words naming a ground: "at Wembley Stadium", "at Hampden Park" is where a match was played, not a side. */
const VENUE_WORDS = new Set(['Stadium', 'Park', 'Arena', 'Ground', 'Road', 'Lane', 'Oval', 'Stadion', 'Stade', 'Estadio', 'stadium']);

function isVenueAfter(words: string[], a: number, e: number): boolean {
  for (let k = a; k < Math.min(e, a + 5); k++) if (VENUE_WORDS.has(words[k])) return true;
  return false;
}

/** Nationality adjectives the gazetteer's demonyms lack (not added there: the tagger's features read that list). */
const HOME_NATION_ADJECTIVES = new Set(['English', 'Scottish', 'Northern Irish']);
/** Roles in a team: the name before them is the team's ("Kesterby striker Pavel Drozd", "Varna coach Henrik Aalto"). */
const TEAM_ROLES = new Set(['striker', 'coach', 'captain', 'midfielder', 'goalkeeper', 'keeper', 'defender', 'forward', 'winger', 'skipper',
  'batsman', 'bowler', 'opener', 'fullback', 'quarterback', 'pitcher', 'playmaker', 'centre-back', 'center-back', 'full-back', 'wicketkeeper', 'driver', 'rider', 'manager']);

/**
 * "Kesterby striker Pavel Drozd": one to three name words right before a team role that a name follows are the
 * team: an organisation, or a place for a country's national team ("England captain …"). Known people stay people.
 */
function teamsOfPlayers(tk: Tokens, spans: Span[]): Span[] {
  const words = tk.norm;
  const n = words.length;
  let add: Span[] | null = null;
  let spanAt: Int32Array | null = null;
  // the player after the role is a name the tagger found: walk the spans, not every token
  const roles: number[] = [];
  for (const sp of spans) if (sp.s >= 2 && TEAM_ROLES.has(words[sp.s - 1])) roles.push(sp.s - 1);
  for (const k of roles) {
    if (!isNameWord(words[k + 1]) || tk.sentStart[k] || tk.sentStart[k + 1]) continue;
    // (not "English bowler", "All-Star pitcher")
    const nameW = (x: number) => isNameWord(words[x]) && !FUNCTION_FORMS.has(words[x]) && !NOT_NAME.has(lower(words[x])) && !isTitleWord(words[x]) &&
      !DEMONYMS.has(words[x]) && !HOME_NATION_ADJECTIVES.has(words[x]) && !words[x].includes('-') &&
      !(tk.sentStart[x] && (COMMON_WORDS.has(lower(words[x])) || FUNCTION_WORDS.has(lower(words[x]))));
    let b = k;
    while (b > 0 && k - b < 3 && nameW(b - 1) && !(b < k && tk.sentStart[b])) b--;
    if (b === k) continue;
    if (!spanAt) { spanAt = new Int32Array(n).fill(-1); spans.forEach((sp, x) => spanAt!.fill(x, sp.s, sp.e)); }
    const at = spanAt[b];
    const sp = at >= 0 ? spans[at] : undefined;
    // a span across the group's edges, or a person's full name, is left as read
    if (sp ? sp.s !== b || sp.e !== k || (sp.type === 'person' && sp.e - sp.s >= 2) : spanAt[k - 1] >= 0) continue;
    const text = words.slice(b, k).join(' ');
    if (k - b === 1 && isPersonName(words[b]) && !isPlaceName(words[b])) continue; // (a town's name is the team's: "Bradford coach")
    const type: MentionType = COUNTRY_ALIAS.has(text) ? 'place' : 'organization';
    if (sp) sp.type = type;
    else (add ??= []).push(span(b, k, type));
  }
  return add ? spans.concat(add).sort((a, b) => a.s - b.s) : spans;
}

function versusPairs(tk: Tokens, spans: Span[], head: Uint8Array, vPos: number[]): Span[] {
  const words = tk.norm;
  const n = words.length;
  let add: Span[] | null = null;
  let spanAt: Int32Array | null = null;
  let from = 1;
  for (const k of vPos) { // tokens opening with "v" / "V" of at most 3 characters, in order
    if (k < from || k + 1 >= n) continue;
    if (!VERSUS.has(words[k]) || tk.sentStart[k] || tk.sentStart[k + 1]) continue;
    if (!spanAt) {
      spanAt = new Int32Array(n).fill(-1);
      spans.forEach((sp, x) => spanAt!.fill(x, sp.s, sp.e));
    }
    const nameW = (w: string) => isNameWord(w) && !FUNCTION_FORMS.has(w) && !NOT_NAME.has(w.toLowerCase()) && !VERSUS.has(w);
    let ls: number, le = k, rs = k + 1, re: number;
    if (head[k] && isAllCapsWord(words[k + 1])) {
      const a = spanAt[k - 1], b = spanAt[k + 1];
      ls = a >= 0 ? spans[a].s : isPlaceName(words[k - 1]) ? k - 1 : k;
      le = a >= 0 ? Math.min(spans[a].e, k) : k;
      re = b >= 0 ? spans[b].e : isPlaceName(words[k + 1]) ? k + 2 : k + 1;
      if (b >= 0) rs = Math.max(spans[b].s, k + 1);
    } else {
      ls = k;
      while (ls > 0 && k - ls < 4 && nameW(words[ls - 1]) && !tk.sentStart[ls]) ls--;
      if (ls > 0 && k - ls < 4 && nameW(words[ls - 1]) && tk.sentStart[ls]) ls--;
      re = k + 1;
      while (re < n && re - k - 1 < 4 && nameW(words[re]) && !tk.sentStart[re]) re++;
    }
    if (ls >= le || rs >= re) continue;
    let person = false;
    // a full name on either side makes it a match between people; a lone word the tagger called a person is
    // as likely a club ("Chelsea")
    for (let x = ls; x < re; x++) {
      const sp = spanAt[x] >= 0 ? spans[spanAt[x]] : null;
      if (sp && sp.type === 'person' && sp.e - sp.s >= 2 && !(sp.s <= k && k < sp.e)) person = true; // not "NORWAY V SWEDEN" as one name
    }
    // clubs named after their city ("Halden v Brannvik") are organisations; national teams are places
    const isCountry = (t: string) => COUNTRY_ALIAS.has(t) || COUNTRY_ALIAS.has(titleCaps(t));
    const sideType = (a: number, b: number): MentionType => (person ? 'person' : isCountry(words.slice(a, b).join(' ')) ? 'place' : 'organization');
    (add ??= []).push(span(ls, le, sideType(ls, le), true), span(rs, re, sideType(rs, re), true));
    from = re;
  }
  if (!add) return spans;
  return withAdded(spans, add, n);
}

/**
 * "NORDIC LEAGUE SOCCER - HALDEN UNITED WIN": up to four ALL-CAPS words opening a line before a dash or
 * colon are a section label, not a name (a place or a known acronym there is kept: "BRAZIL - …"); so are
 * they before a mixed-case headline ("NEW ISSUE - Halvard Bank prices bond").
 */
function inSectionLabel(tk: Tokens, sp: Span): boolean {
  const words = tk.norm;
  let b = sp.s;
  while (b > 0 && !tk.sentStart[b] && sp.s - b < 4) b--;
  if (!tk.sentStart[b]) return false;
  let k = b;
  while (k < words.length && k - b < 5 && isAllCapsWord(words[k]) && !(k > b && tk.sentStart[k])) k++;
  if (k === b || k - b > 4 || k >= words.length || (words[k] !== '-' && words[k] !== '--' && words[k] !== ':') || sp.e > k) return false;
  const surface = words.slice(sp.s, sp.e).map((w) => w[0] + w.slice(1).toLowerCase()).join(' ');
  const raw = words.slice(sp.s, sp.e).join(' ');
  return !(isPlaceName(surface) || isPlaceName(raw) || ORG_ALIAS.has(raw));
}

// Words of a news site's section labels and kickers ("Breaking News", "Latest News | World News").
const SECTION_WORDS = new Set([
  'news', 'breaking', 'latest', 'top', 'stories', 'story', 'update', 'updates', 'live', 'headlines', 'world', 'politics',
  'business', 'sports', 'sport', 'opinion', 'analysis', 'local', 'national', 'international', 'more', 'related', 'video',
  'videos', 'photos', 'watch', 'read', 'home', 'economy', 'health', 'science', 'technology', 'tech', 'entertainment',
  'culture', 'lifestyle', 'travel', 'weather', 'markets', 'money', 'today', 'editorial', 'features', 'special', 'exclusive',
  'alert', 'in', 'brief', 'and', '&',
]);
// A section label has one of these ("World" alone may be a heading of something else).
const NEWS_LABEL_WORDS = new Set(['news', 'breaking', 'latest', 'headlines', 'updates', 'update', 'live', 'stories']);

/**
 * A line of a news site's section labels ("Breaking News", "Politics News", "Latest News | World News"):
 * every word a section word, one of them a news label. "Fox News", "Sky News" have a name in them.
 */
function inNewsLabelLine(tk: Tokens, sp: Span): boolean {
  const words = tk.norm;
  let b = sp.s;
  while (b > 0 && !tk.sentStart[b]) if (sp.s - --b > 8) return false;
  let e = sp.s + 1;
  while (e < words.length && !tk.sentStart[e]) if (++e - b > 10) return false;
  let label = false;
  for (let k = b; k < e; k++) {
    const l = lower(words[k]);
    if (NEWS_LABEL_WORDS.has(l)) label = true;
    else if (!SECTION_WORDS.has(l) && hasLetter(words[k])) return false;
  }
  return label;
}

/**
 * `head` plus two-word Title Case lines standing alone ("Western Condemnation", "Breaking News"): a
 * section heading is too short to pass as a headline, yet its words are capitalised for the same reason.
 * A byline ("Mara Lindqvist") has no common word in it, so the junk test keeps it.
 */
function withShortHeadings(tk: Tokens, head: Uint8Array): Uint8Array {
  const words = tk.norm;
  let out = head;
  for (let s = 0; s + 1 < words.length; s++) {
    if (!tk.sentStart[s] || head[s] || tk.sentStart[s + 1] || !(s + 2 >= words.length || tk.sentStart[s + 2])) continue;
    if (!isNameWord(words[s]) || !isNameWord(words[s + 1]) || isAllCapsWord(words[s]) || isAllCapsWord(words[s + 1])) continue;
    if (out === head) out = head.slice();
    out[s] = out[s + 1] = 1;
  }
  return out;
}

/** A common word, or the plural of one ("Summaries", "Results"): the list has the singular of many nouns only. */
function isCommonForm(l: string): boolean {
  if (COMMON_WORDS.has(l)) return true;
  const n = l.length;
  if (n < 5 || l.charCodeAt(n - 1) !== 115) return false; // s
  return l.endsWith('ies') ? COMMON_WORDS.has(l.slice(0, -3) + 'y') : !l.endsWith('ss') && COMMON_WORDS.has(l.slice(0, -1));
}

/** "Second-placed", "Lagos-based", "Title-chasing": a capitalised word, a hyphen, then a lower-case participle. */
function isCompoundAdjective(w: string): boolean {
  const h = w.lastIndexOf('-');
  if (h <= 0 || h > w.length - 4 || !isCap(w)) return false;
  const tail = w.slice(h + 1);
  return tail === tail.toLowerCase() && (tail.endsWith('ed') || tail.endsWith('ing') || tail === 'based' || tail === 'born' || tail === 'run' || tail === 'owned');
}

/**
 * Capitalised common words at a sentence start or in a headline ("Skip to main content", "Calls For Answers")
 * are not names unless the document also capitalises them mid-sentence or a gazetteer knows them.
 */
function dropJunk(tk: Tokens, spans: Span[], titleHead: Uint8Array, vocabulary?: DocumentVocabulary): Span[] {
  const words = tk.norm;
  const head = withShortHeadings(tk, titleHead);
  // document vocabularies, built on first need (most spans are not at a sentence start or in a headline)
  let capMid: Set<string> | null = null;
  let docLower: Set<string> | null = null;
  const hasCapMid = (w: string) => {
    if (vocabulary) return vocabulary.capitalisedMid(w);
    if (!capMid) {
      capMid = new Set<string>();
      for (let i = 1; i < words.length; i++) if (!tk.sentStart[i] && !head[i] && isNameWord(words[i])) capMid.add(words[i]);
    }
    return capMid.has(w);
  };
  // only headline words are asked about: collect their lower-case forms, then find those written in lower case
  const hasLower = (l: string) => {
    if (vocabulary) return vocabulary.writtenLower(l); // l is always a headline word's lower case
    if (!docLower) {
      const wanted = new Set<string>();
      for (let k = 0; k < words.length; k++) if (head[k]) wanted.add(lower(words[k]));
      docLower = new Set<string>();
      for (const w of words) if (wanted.has(w) && isLowerWord(w)) docLower.add(w);
    }
    return docLower.has(l);
  };
  const junk = (k: number): boolean => {
    const w = words[k];
    if (!tk.sentStart[k] && !head[k]) return false;
    const l = lower(w);
    // "WATCH:" / "UPDATE:" kicker labels opening a line
    // "WATCH:" / "SOCCER -" section labels opening an ALL-CAPS line
    const kicker = tk.sentStart[k] && w.length >= 3 && isAllCapsWord(w) && (words[k + 1] === ':' || words[k + 1] === '-' || words[k + 1] === '--');
    // a plural only before "of" or a colon ("Summaries of …", "Standings:"): "Gates said", "Banks, who …" are names
    // (or in a headline, when the body never capitalises it mid-sentence: "… LEAGUE SUMMARIES", not "GATES SAYS" over "Robert Gates")
    const beforeOf = words[k + 1] === 'of' || words[k + 1] === ':';
    const plural = !kicker && (beforeOf || head[k] === 1) && !COMMON_WORDS.has(l) && isCommonForm(l) && (beforeOf || !hasCapMid(w[0] + l.slice(1)));
    if (!kicker && !COMMON_WORDS.has(l) && !plural && !FUNCTION_WORDS.has(l) && !(head[k] && hasLower(l))) return false;
    if (hasCapMid(w) || isPlaceName(w) || ORG_ALIAS.has(w) || DEMONYMS.has(w)) return false;
    // "Will Smith", "Rose Okafor": a first name followed by another name word; "Da Silva", "Van der Berg":
    // a particle opening a name (the document writes it in lower case after a first name or a title)
    if ((FIRST_NAMES.has(w) || (PARTICLES.has(l) && !head[k])) && k + 1 < words.length && (isNameWord(words[k + 1]) || PARTICLES.has(words[k + 1])) && !tk.sentStart[k + 1]) return false;
    return true;
  };
  // Surnames of the document's people: a common word that is one ("Green") stays a name in a headline.
  let surnames: Set<string> | null = null;
  const isSurname = (w: string) => {
    if (!surnames) {
      surnames = new Set<string>();
      for (const sp of spans) if (sp.type === 'person' && sp.e - sp.s >= 2) surnames.add(words[sp.e - 1]);
    }
    return surnames.has(w);
  };
  // A lone common word in a Title Case headline ("Kerrigan Claims Chemical 'Sabotage'": common, or
  // written in lower case elsewhere in the document) is not a name just because a longer name
  // elsewhere capitalises it ("… of Chemical Weapons").
  const headlineWord = (sp: Span) => {
    if (sp.e - sp.s !== 1 || !head[sp.s]) return false;
    const w = words[sp.s];
    const l = lower(w);
    return (COMMON_WORDS.has(l) || hasLower(l)) && !isAllCapsWord(w) && !isSurname(w) && !isPlaceName(w) && !ORG_ALIAS.has(w) && !DEMONYMS.has(w);
  };
  const out: Span[] = [];
  for (const sp of spans) {
    // "Second-placed Arsenal", "Lagos-based Campaign …": a compound adjective opening the sentence is no part of a name
    if (sp.e - sp.s >= 2 && tk.sentStart[sp.s] && isCompoundAdjective(words[sp.s])) sp.s++;
    // "- The Bank of Greece …": a list item's "The" opens no organisation's name (as a sentence's does not)
    if (sp.e - sp.s >= 2 && words[sp.s] === 'The' && sp.s > 0 && (words[sp.s - 1] === '-' || words[sp.s - 1] === '--') && (sp.s === 1 || tk.sentStart[sp.s - 1]) && sp.type === 'organization') sp.s++;
    if (sp.layout) { out.push(sp); continue; }
    if (inSectionLabel(tk, sp)) continue;
    if (inNewsLabelLine(tk, sp)) continue;
    if (headlineWord(sp)) continue;
    let s = sp.s;
    while (s < sp.e && junk(s) && (s === sp.s ? true : head[s] === 1)) s++;
    // "Northern Ireland voted", "New Zealand said": a known name of two or more words keeps its first word, and so
    // does a company named with its legal form ("Northern Telecom Ltd said")
    if (s > sp.s && sp.e - sp.s >= 2 && (isPlaceName(key(tk, sp)) || COMPANY_PHRASES.has(key(tk, sp)) || (sp.e - sp.s >= 3 && LEGAL_FORMS.has(words[sp.e - 1])))) s = sp.s;
    if (s > sp.s) while (s < sp.e && !hasLetter(words[s])) s++;
    if (s === sp.e) continue;
    // "Group B", "Pool A": what a common word labels is no name of its own
    if (s > sp.s && sp.e - s === 1 && words[s].length === 1) continue;
    sp.s = s;
    out.push(sp);
  }
  return out;
}
