// Greedy averaged-perceptron BIO tagger over hashed features. Shared by the runtime recogniser and the
// training script (scripts/ner/train.ts), so feature extraction is identical in both.
import {
  COMMON_WORDS, GZ_CITY, GZ_COMMON, GZ_COUNTRY, GZ_DEMONYM, GZ_FIRST, GZ_HONORIFIC, GZ_LOCWORD, GZ_ORGWORD, GZ_PARTICLE, GZ_TITLE,
  HONORIFICS, LOC_WORDS, ORG_WORDS, PARTICLES, PHRASES, SINGLE, TITLE_WORDS,
} from './lexicon';
import { flatCopy } from '../flatCopy';

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC'] as const;
export const NTAGS = 7;
export type Weights = Float32Array | Int8Array | Int16Array;

/** Number of static (history-independent) features per token. */
export const K_STATIC = 24;
/** Number of history (previous-tag) features per token. */
export const K_DYN = 4;

// ---- hashing -------------------------------------------------------------------------------------
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x5bd1e995, 0x9e3779b1) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}
function mix3(a: number, b: number, c: number): number {
  return mix(mix(a, b), c);
}

// ---- per-word cached info ---------------------------------------------------------------------------
// layout of the Int32Array per word:
const I_W = 0, I_L = 1, I_S = 2, I_SUF2 = 3, I_SUF3 = 4, I_SUF4 = 5, I_PRE3 = 6, I_BITS = 7, I_CAPS = 8, I_PLAIN = 9, I_OPENS_PHRASE = 10;
/** Where the word's summed weights are in `wordSums`, and in which `sumsEpoch` they were summed (see decode). */
const I_SUMS = 11, I_SUMS_EPOCH = 12;
const WI_LEN = 13;
// caps classes
const C_LOWER = 0, C_TITLE = 1, C_UPPER = 2, C_DIGIT = 3, C_PUNCT = 4, C_MIXED = 5;

function shapeOf(w: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    let k: string;
    if (c >= 65 && c <= 90) k = 'X';
    else if (c >= 97 && c <= 122) k = 'x';
    else if (c >= 48 && c <= 57) k = 'd';
    else if (c > 127) {
      const ch = w[i];
      k = ch.toLowerCase() !== ch ? 'X' : ch.toUpperCase() !== ch ? 'x' : ch;
    } else k = w[i];
    if (k === last) {
      run++;
      if (run >= 2) continue;
    } else run = 0;
    last = k;
    out += k;
  }
  return out;
}

function capsClass(w: string): number {
  let up = 0, low = 0, dig = 0;
  for (let i = 0; i < w.length; i++) {
    const ch = w[i];
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) dig++;
    else if (c >= 65 && c <= 90) up++;
    else if (c >= 97 && c <= 122) low++;
    else if (c > 127) {
      if (ch.toLowerCase() !== ch) up++;
      else if (ch.toUpperCase() !== ch) low++;
    }
  }
  if (up === 0 && low === 0) return dig > 0 ? C_DIGIT : C_PUNCT;
  if (up === 0) {
    // "al-Assad", "bin": lowercase start but a capital later counts as mixed
    return C_LOWER;
  }
  const first = w[0];
  const firstUp = first.toLowerCase() !== first;
  if (low === 0) return up === 1 && w.length === 1 ? C_TITLE : C_UPPER;
  if (firstUp) return C_TITLE;
  return C_MIXED;
}

/**
 * The words seen lately and their rows, in an open-addressing table keyed by the word's FNV hash
 * (which the row needs anyway): a Map keyed by the word hashed each token again and took 100-150 ns a
 * lookup with a news vocabulary of 35,000 words. Up to MAX_CACHED_WORDS words, then emptied (between
 * sentences: a sentence's rows stay valid while it is tagged); it grows by doubling while at most half
 * full. With a news vocabulary the table and the rows do not fit the CPU caches, so a lookup is a
 * chain of memory reads: a slot keeps the hash and the row together (`slotMeta`), and every row is a
 * stretch of one Int32Array (`rows`), addressed by its offset rather than through a view object each.
 */
const MAX_CACHED_WORDS = 50000;
let slotWords = new Array<string | undefined>(4096).fill(undefined);
/** Per slot: the word's hash, and its row's offset in `rows` plus one (0: an empty slot). */
let slotMeta = new Int32Array(2 * 4096);
let slotMask = 4095;
let cachedWords = 0;
/** The words' rows, WI_LEN numbers each; grown by doubling (offsets stay valid), reset when emptied. */
let rows = new Int32Array(4096 * WI_LEN);
let rowsUsed = 0;

function newRow(): number {
  if ((rowsUsed + 1) * WI_LEN > rows.length) {
    const grown = new Int32Array(rows.length * 2);
    grown.set(rows);
    rows = grown;
  }
  return rowsUsed++ * WI_LEN;
}

/** Empties the cache when `words` more could overflow it: called before a sentence, never inside one. */
function makeRoomFor(words: number): void {
  if (cachedWords + words <= MAX_CACHED_WORDS) return;
  slotWords.fill(undefined);
  slotMeta.fill(0);
  cachedWords = 0;
  rowsUsed = 0;
}

function lowerBits(l: string): number {
  let b = 0;
  if (TITLE_WORDS.has(l)) b |= GZ_TITLE;
  if (HONORIFICS.has(l)) b |= GZ_HONORIFIC;
  if (ORG_WORDS.has(l)) b |= GZ_ORGWORD;
  if (LOC_WORDS.has(l)) b |= GZ_LOCWORD;
  if (PARTICLES.has(l) || l.startsWith('al-') || l.startsWith('el-')) b |= GZ_PARTICLE;
  if (COMMON_WORDS.has(l)) b |= GZ_COMMON;
  return b;
}

/** A copy of a word's row (for tests and tools; the tagger reads `rows` at the offset wordRow gives). */
export function wordInfo(w: string): Int32Array {
  makeRoomFor(1);
  const at = wordRow(w);
  return rows.slice(at, at + WI_LEN);
}

/** The offset of a word's row in `rows`, made on first sight. Call makeRoomFor first. */
function wordRow(w: string): number {
  const h = hashString(w);
  let slot = h & slotMask;
  for (;;) {
    const row = slotMeta[2 * slot + 1];
    if (row === 0) break;
    if (slotMeta[2 * slot] === h && slotWords[slot] === w) return row - 1;
    slot = (slot + 1) & slotMask;
  }
  if (cachedWords * 2 >= slotWords.length) {
    growSlots();
    slot = h & slotMask;
    while (slotMeta[2 * slot + 1] !== 0) slot = (slot + 1) & slotMask;
  }
  const l = w.toLowerCase();
  const at = newRow();
  const info = rows;
  info[at + I_W] = mix(1, h);
  info[at + I_L] = mix(2, hashString(l));
  info[at + I_S] = mix(3, hashString(shapeOf(w)));
  const n = l.length;
  info[at + I_SUF2] = mix(4, hashString(n > 2 ? l.slice(n - 2) : l));
  info[at + I_SUF3] = mix(5, hashString(n > 3 ? l.slice(n - 3) : l));
  info[at + I_SUF4] = mix(6, hashString(n > 4 ? l.slice(n - 4) : l));
  info[at + I_PRE3] = mix(7, hashString(n > 3 ? l.slice(0, 3) : l));
  info[at + I_BITS] = lowerBits(l) | (SINGLE.get(w) ?? 0);
  info[at + I_CAPS] = capsClass(w);
  // plain lowercase word (no hyphen, not a particle / gazetteer entry): O after O at run time
  // punctuation (no letters or digits; not "&") after an O tag is O as well: no name starts with it
  info[at + I_PLAIN] = (info[at + I_CAPS] === C_LOWER && w.indexOf('-') < 0 && (info[at + I_BITS] & (GZ_PARTICLE | GZ_COUNTRY | GZ_CITY | GZ_FIRST | GZ_DEMONYM)) === 0) ||
    (info[at + I_CAPS] === C_PUNCT && w !== '&') ? 1 : 0;
  // Most words open no gazetteer phrase: the flag spares the phrase lookup per token.
  info[at + I_OPENS_PHRASE] = PHRASES.has(w) ? 1 : 0;
  info[at + I_SUMS_EPOCH] = -1;
  slotWords[slot] = flatCopy(w); // `w` is usually a slice of the document
  slotMeta[2 * slot] = h;
  slotMeta[2 * slot + 1] = at + 1;
  cachedWords++;
  return at;
}

function growSlots(): void {
  const words = slotWords, meta = slotMeta;
  const size = words.length * 2;
  slotWords = new Array<string | undefined>(size).fill(undefined);
  slotMeta = new Int32Array(2 * size);
  slotMask = size - 1;
  for (let i = 0; i < words.length; i++) {
    if (meta[2 * i + 1] === 0) continue;
    let slot = meta[2 * i] & slotMask;
    while (slotMeta[2 * slot + 1] !== 0) slot = (slot + 1) & slotMask;
    slotWords[slot] = words[i];
    slotMeta[2 * slot] = meta[2 * i];
    slotMeta[2 * slot + 1] = meta[2 * i + 1];
  }
}

/** Title-case an ALL-CAPS word for headline sentences ("PUTIN" -> "Putin"); short acronyms stay. */
function foldCaps(w: string): string {
  const l = w.toLowerCase();
  if (COMMON_WORDS.has(l)) return l;
  if (w.length <= 3 || SINGLE.has(w)) return w;
  return w[0] + l.slice(1);
}

// ---- static features for a sentence ------------------------------------------------------------------
export interface SentenceFeatures {
  n: number;
  feats: Int32Array; // n * K_STATIC
  shape: Int32Array; // hashed shape per token (for history features)
  lower: Int32Array; // hashed lowercase per token
  caps: Uint8Array;
  plain: Uint8Array;
  /** Per token: the offset of its word's row in `rows` (valid until the next sentence is read). */
  infos: Int32Array;
  gz: Int32Array;
  headline: boolean;
}

let infoBuf = new Int32Array(256);
let tokBuf: string[] = new Array(256);
let gzBuf = new Int32Array(256);
const BOS = hashString('<s>');
const HEADLINE_SALT = 0x3c6ef372;
const EOS = hashString('</s>');

export function sentenceFeatures(words: string[], from: number, to: number, out?: SentenceFeatures, lazy = false): SentenceFeatures {
  const n = to - from;
  let sf = out;
  if (!sf || sf.feats.length < n * K_STATIC) {
    const cap = Math.max(n, 64);
    sf = { n, feats: new Int32Array(cap * K_STATIC), shape: new Int32Array(cap), lower: new Int32Array(cap), caps: new Uint8Array(cap), plain: new Uint8Array(cap), infos: new Int32Array(cap), gz: new Int32Array(0), headline: false };
  }
  sf.n = n;
  // headline detection: mostly ALL-CAPS words
  if (infoBuf.length < n) { infoBuf = new Int32Array(n * 2); tokBuf = new Array(n * 2); gzBuf = new Int32Array(n * 2); }
  makeRoomFor(2 * n); // a headline reads each word twice (as printed, then folded)
  const infos = infoBuf;
  const toks = tokBuf;
  let upperWords = 0, letterWords = 0, titleWords = 0;
  for (let i = 0; i < n; i++) {
    const w0 = words[from + i];
    const inf = wordRow(w0);
    infos[i] = inf;
    toks[i] = w0;
    const c = rows[inf + I_CAPS];
    if (c === C_UPPER || c === C_LOWER || c === C_TITLE || c === C_MIXED) {
      letterWords++;
      if (c === C_UPPER) upperWords++;
      else if (c === C_TITLE) titleWords++;
    }
  }
  const headline = letterWords >= 3 && upperWords >= letterWords * 0.7;
  // Title Case headline ("As Tillerson Flies To Moscow"): common words are folded to lower case
  const titleHeadline = !headline && letterWords >= 4 && titleWords >= letterWords * 0.75;
  if (headline || titleHeadline) {
    for (let i = 0; i < n; i++) {
      const w0 = toks[i];
      const c0 = rows[infos[i] + I_CAPS];
      let w = headline && c0 === C_UPPER ? foldCaps(w0) : titleHeadline && c0 === C_TITLE && i > 0 && COMMON_WORDS.has(w0.toLowerCase()) ? w0.toLowerCase() : w0;
      // "NEW YORK", "New York": a common word that opens a gazetteer phrase keeps its capital
      if (w !== w0 && w === w0.toLowerCase()) {
        const t = w0[0] + w.slice(1);
        const list = PHRASES.get(t);
        if (list && i + 1 < n) {
          const nx = words[from + i + 1];
          const nt = nx[0] + nx.slice(1).toLowerCase();
          if (list.some(([ph]) => ph[1] === nt)) w = t;
        }
      }
      if (w !== w0) { toks[i] = w; infos[i] = wordRow(w); }
    }
  }
  // multi-token gazetteer matches
  const gz = gzBuf;
  gz.fill(0, 0, n);
  for (let i = 0; i < n; i++) {
    const list = rows[infos[i] + I_OPENS_PHRASE] === 1 ? PHRASES.get(toks[i]) : undefined;
    if (list) {
      for (const [ph, kind] of list) {
        if (i + ph.length > n) continue;
        let ok = true;
        for (let k = 1; k < ph.length; k++) if (toks[i + k] !== ph[k]) { ok = false; break; }
        if (ok) {
          gz[i] |= kind | 512;
          for (let k = 1; k < ph.length; k++) gz[i + k] |= kind | 1024;
          break;
        }
      }
    }
    gz[i] |= rows[infos[i] + I_BITS];
  }
  sf.infos = infos;
  sf.gz = gz;
  sf.headline = headline;
  // ALL-CAPS sentences: shapes and caps classes of the folded words are not the writer's casing, so
  // they get their own feature space (the lexical features stay shared with mixed-case text)
  const shapeSalt = headline ? HEADLINE_SALT : 0, capsSalt = headline ? 8 : 0;
  for (let i = 0; i < n; i++) {
    const a = infos[i];
    sf.shape[i] = rows[a + I_S] ^ shapeSalt;
    sf.lower[i] = rows[a + I_L];
    sf.caps[i] = rows[a + I_CAPS] + capsSalt;
    sf.plain[i] = rows[a + I_PLAIN];
  }
  if (!lazy) for (let i = 0; i < n; i++) fillRow(sf, i);
  return sf;
}

/** Static feature row of token i (computed lazily at run time: skipped tokens never need it). */
export function fillRow(sf: SentenceFeatures, i: number): void {
  const gz = sf.gz, n = sf.n, headline = sf.headline, F = sf.feats, SH = sf.shape, CA = sf.caps, LO = sf.lower;
    const a = sf.infos[i];
    const L0 = LO[i], S0 = SH[i], C0 = CA[i];
    const Lp1 = i > 0 ? LO[i - 1] : BOS, Lp2 = i > 1 ? LO[i - 2] : BOS;
    const Ln1 = i + 1 < n ? LO[i + 1] : EOS, Ln2 = i + 2 < n ? LO[i + 2] : EOS;
    const Sp1 = i > 0 ? SH[i - 1] : BOS, Sn1 = i + 1 < n ? SH[i + 1] : EOS;
    const Cp1 = i > 0 ? CA[i - 1] : 7, Cn1 = i + 1 < n ? CA[i + 1] : 7;
    const gp1 = i > 0 ? gz[i - 1] : -1, gn1 = i + 1 < n ? gz[i + 1] : -1;
    const o = i * K_STATIC;
    F[o] = 0x1234567;
    F[o + 1] = rows[a + I_W];
    F[o + 2] = L0;
    F[o + 3] = S0;
    F[o + 4] = rows[a + I_SUF2];
    F[o + 5] = rows[a + I_SUF3];
    F[o + 6] = rows[a + I_SUF4];
    F[o + 7] = rows[a + I_PRE3];
    F[o + 8] = mix(108, gz[i]);
    F[o + 9] = mix(109, Lp1);
    F[o + 10] = mix(110, Ln1);
    F[o + 11] = mix(111, Lp2);
    F[o + 12] = mix(112, Ln2);
    F[o + 13] = mix3(113, Sp1, S0);
    F[o + 14] = mix3(114, S0, Sn1);
    F[o + 15] = mix3(115, Lp1, L0);
    F[o + 16] = mix3(116, L0, Ln1);
    F[o + 17] = mix3(117, gp1, C0);
    F[o + 18] = mix3(118, gn1, C0);
    F[o + 19] = mix3(119, i === 0 ? 1 : 0, S0);
    F[o + 20] = mix(120, (Cp1 << 8) | (C0 << 4) | Cn1);
    F[o + 21] = mix3(121, headline ? 1 : 0, C0);
    F[o + 22] = mix3(122, Lp1, S0);
    F[o + 23] = mix3(123, Ln1, S0);
}

/** History features for token i given previous two tags. */
export function dynamicFeatures(sf: SentenceFeatures, i: number, prev: number, prev2: number, out: Int32Array): void {
  out[0] = mix(200, prev);
  out[1] = mix3(201, prev, sf.shape[i]);
  out[2] = mix3(202, prev, sf.lower[i]);
  out[3] = mix3(203, prev, prev2);
}

/** allowed[prev * NTAGS + tag]: BIO constraint (I-X only after B-X / I-X). */
export const ALLOWED = (() => {
  const a = new Uint8Array(NTAGS * (NTAGS + 1));
  for (let p = 0; p <= NTAGS; p++) {
    for (let t = 0; t < NTAGS; t++) {
      const isI = t === 2 || t === 4 || t === 6;
      a[p * NTAGS + t] = !isI || (p < NTAGS && (p === t || p === t - 1)) ? 1 : 0;
    }
  }
  return a;
})();
/** Tag id used as "previous tag" at sentence start. */
export const START = NTAGS;

const dyn = new Int32Array(K_DYN);

/**
 * Six static features are the word's own (the word, its lower case, suffixes, prefix): at run time their
 * weights are summed once per word and model, not read again for every occurrence. The weights are a
 * table far larger than the CPU caches, so each feature costs a memory read; this spares 6 of 28 per
 * scored token. The result is exactly the same: float32 weights within 2^-25..2^10 sum without rounding
 * in doubles, in any order. Summed rows live in `wordSums` (NTAGS doubles each) for the model `sumsModel`
 * during `sumsEpoch`, which a new model or a full table ends. It grows as words come: allocated whole
 * (3.7 MB) in each of the server's three threads, it added ~11 MB to the peak of a 10k cold index.
 */
const WORD_FEATURES = [I_W, I_L, I_SUF2, I_SUF3, I_SUF4, I_PRE3];
const MAX_SUMS = 65536;
let wordSums = new Float64Array(1024 * NTAGS);
let sumsUsed = 0;
let sumsEpoch = 0;
let sumsModel: Weights | undefined;

function wordSumsOf(row: number, w: Weights, mask: number): number {
  if (sumsModel !== w || sumsUsed === MAX_SUMS) {
    sumsModel = w;
    sumsUsed = 0;
    sumsEpoch++;
  }
  const at = sumsUsed++ * NTAGS;
  if (at + NTAGS > wordSums.length) {
    const grown = new Float64Array(Math.min(MAX_SUMS * NTAGS, wordSums.length * 2));
    grown.set(wordSums);
    wordSums = grown;
  }
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
  for (const f of WORD_FEATURES) {
    const b = (rows[row + f] & mask) * 7;
    s0 += w[b]; s1 += w[b + 1]; s2 += w[b + 2]; s3 += w[b + 3]; s4 += w[b + 4]; s5 += w[b + 5]; s6 += w[b + 6];
  }
  wordSums[at] = s0; wordSums[at + 1] = s1; wordSums[at + 2] = s2; wordSums[at + 3] = s3;
  wordSums[at + 4] = s4; wordSums[at + 5] = s5; wordSums[at + 6] = s6;
  rows[row + I_SUMS] = at;
  rows[row + I_SUMS_EPOCH] = sumsEpoch;
  return at;
}
/** The static features decode reads itself when the word's own come summed (0: bias, 3: shape, 8-23: context). */
const CONTEXT_FEATURES = Int32Array.from([0, 3, ...Array.from({ length: K_STATIC - 8 }, (_, k) => k + 8)]);

/**
 * Greedy decode one sentence. `skipLower`: plain lowercase words after an O tag are tagged O
 * without scoring (runtime speed path; costs ~0.0 F1 on GMB dev).
 */
export function decode(sf: SentenceFeatures, w: Weights, mask: number, tags: Uint8Array, skipLower: boolean, lazy = false): void {
  let prev = START, prev2 = START;
  const F = sf.feats;
  const plain = sf.plain;
  for (let i = 0; i < sf.n; i++) {
    if (skipLower && (prev === 0 || prev === START) && plain[i] === 1) {
      tags[i] = 0;
      prev2 = prev;
      prev = 0;
      continue;
    }
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
    const o = i * K_STATIC;
    if (lazy) {
      // The run time: the model's weights never change, so the word's own features come summed.
      fillRow(sf, i);
      const row = sf.infos[i];
      const at = rows[row + I_SUMS_EPOCH] === sumsEpoch && sumsModel === w ? rows[row + I_SUMS] : wordSumsOf(row, w, mask);
      s0 = wordSums[at]; s1 = wordSums[at + 1]; s2 = wordSums[at + 2]; s3 = wordSums[at + 3];
      s4 = wordSums[at + 4]; s5 = wordSums[at + 5]; s6 = wordSums[at + 6];
      for (let j = 0; j < CONTEXT_FEATURES.length; j++) {
        const b = (F[o + CONTEXT_FEATURES[j]] & mask) * 7;
        s0 += w[b]; s1 += w[b + 1]; s2 += w[b + 2]; s3 += w[b + 3]; s4 += w[b + 4]; s5 += w[b + 5]; s6 += w[b + 6];
      }
    } else {
      for (let k = 0; k < K_STATIC; k++) {
        const b = (F[o + k] & mask) * 7;
        s0 += w[b]; s1 += w[b + 1]; s2 += w[b + 2]; s3 += w[b + 3]; s4 += w[b + 4]; s5 += w[b + 5]; s6 += w[b + 6];
      }
    }
    dynamicFeatures(sf, i, prev, prev2, dyn);
    for (let k = 0; k < K_DYN; k++) {
      const b = (dyn[k] & mask) * 7;
      s0 += w[b]; s1 += w[b + 1]; s2 += w[b + 2]; s3 += w[b + 3]; s4 += w[b + 4]; s5 += w[b + 5]; s6 += w[b + 6];
    }
    // BIO constraint: I-X only after B-X / I-X
    let best = 0, bs = s0;
    if (s1 > bs) { bs = s1; best = 1; }
    if (s2 > bs && (prev === 1 || prev === 2)) { bs = s2; best = 2; }
    if (s3 > bs) { bs = s3; best = 3; }
    if (s4 > bs && (prev === 3 || prev === 4)) { bs = s4; best = 4; }
    if (s5 > bs) { bs = s5; best = 5; }
    if (s6 > bs && (prev === 5 || prev === 6)) { bs = s6; best = 6; }
    tags[i] = best;
    prev2 = prev;
    prev = best;
  }
}

/** Kept for API compatibility with older callers: the plain-word flags now live in SentenceFeatures. */
export function setPlainLower(_words: string[], _from: number, _to: number): void {}

export const GZ_ANY_PLACE = GZ_COUNTRY | GZ_CITY;
export { GZ_DEMONYM, GZ_FIRST, GZ_TITLE, GZ_HONORIFIC, GZ_ORGWORD, GZ_PARTICLE, GZ_LOCWORD };
