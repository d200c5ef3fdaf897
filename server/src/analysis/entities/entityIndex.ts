// Corpus-level entity index: clusters the mentions of all files into entities (aliases, surnames,
// transliterations, acronyms) with corpus-consistent types. Pure and incremental:
//   every mention gets a few bucket keys (normalised name, surname, surname skeleton, alias, acronym, name
//   skeleton) — a superset of every way two mentions can interact in clustering. setFile diffs the file's
//   mentions against the previous ones: unchanged mentions only get their offsets updated in place (the
//   keystroke case, O(mentions of the file)); changed ones mark their bucket keys dirty. The next query
//   re-clusters only the connected region of mentions reachable from the dirty keys (the clusters the
//   change touches) and splices the new entities into the sorted entity list; entityAt is a binary search.
import { COUNTRY_ALIAS, HONORIFICS, ORG_ALIAS, RULE_TITLE_WORDS, TITLE_HEADS, TITLE_WORDS, CITIES } from './lexicon';
import type { Mention } from './recognize';
import { flatString } from '../flatCopy';
import { hashString } from './tagger';

export type EntityType = 'person' | 'organization' | 'place' | 'other';

export interface EntityMention {
  file: string;
  start: number;
  end: number;
  text: string;
}

export interface Entity {
  /** Stable while the canonical name and type stay the same: `${type}:${lowercased name}` (+ `#n` on clash). */
  id: string;
  /** Canonical name: the most complete form (most name tokens, then most frequent, then longest). */
  name: string;
  type: EntityType;
  /** Most frequent title / apposition over the mentions (e.g. "Foreign Minister"), or null. */
  role: string | null;
  /** Distinct mention texts (title/honorific/possessive stripped), most frequent first. */
  aliases: Array<{ text: string; count: number }>;
  /**
   * Spellings of the same full form that differ in letters, case, particles or punctuation
   * ("Sergei Lavrov" / "Sergey Lavrov", "Hezbollah" / "Hizballah", "U.S." / "US"), most frequent first;
   * empty when the corpus spells the entity consistently. Surname-only mentions and acronym/expansion
   * pairs are not variants.
   */
  spellings: Array<{ text: string; count: number }>;
  /**
   * All mentions, sorted by file then offset, with current offsets. Built on each read (an index holds
   * hundreds of thousands of mentions and most entities are never looked at): read it once per use.
   */
  readonly mentions: EntityMention[];
  /** Number of mentions (no list built). */
  readonly mentionCount: number;
  /** Number of distinct files that mention it (no list built). */
  readonly fileCount: number;
  /** First full-name mention (file order, then offset): the go-to-definition target. */
  first: { file: string; start: number; end: number };
}

/** One mention in the index (there are hundreds of thousands: what is shared lives in `norm`). */
class NM {
  entity: Entity | undefined = undefined;
  /** Removed from the index (its bucket entries are dropped lazily). */
  gone = false;

  constructor(
    readonly file: string,
    public start: number,
    public end: number,
    /**
     * Type, text, display form, key tokens, key and bucket keys of (type, text), and the title: shared
     * by every mention of that text with that title (the title lives here, not in a field of each of
     * half a million mentions: 4 MB at 10k articles).
     */
    readonly norm: Normal,
  ) {}

  get title(): string | undefined {
    return this.norm.title;
  }

  /** Type, display form, title and text: equal signatures cluster identically (a shared string). */
  get sig(): string {
    return this.norm.sig;
  }

  get text(): string {
    return this.norm.text;
  }

  get type(): Exclude<EntityType, 'other'> {
    return this.norm.type;
  }
}

/**
 * The mentions of one normal form. An array, not a Set (a quarter of the memory, and bulk
 * indexing appends): a removed mention is marked gone and skipped, and the array is compacted
 * once most of it is gone.
 */
class Bucket {
  list: NM[] = [];
  gone = 0;

  add(nm: NM): void {
    this.list.push(nm);
  }

  /** Call after marking `nm` gone. Returns whether no live mention is left. */
  removed(): boolean {
    if (++this.gone >= this.list.length) return true;
    if (this.gone > 8 && this.gone * 2 > this.list.length) {
      this.list = this.list.filter((m) => !m.gone);
      this.gone = 0;
    }
    return false;
  }
}

const PARTICLE_TOKENS = new Set(['al', 'el', 'al-', 'el-']);
const ACRO_SKIP = new Set(['of', 'for', 'the', 'and', '&', 'on', 'in', 'de', 'du', 'des', 'la', 'le', 'to']);

function straighten(s: string): string {
  return s.replace(/[’‘ʼ`]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

/** Display form: strip leading honorifics/titles (persons) and a trailing possessive. */
export function cleanMentionText(text: string, type: EntityType): string {
  let t = straighten(text).replace(/'s$|'$/i, '');
  if (type === 'person') {
    const parts = t.split(' ');
    let i = 0;
    while (i < parts.length - 1 && (HONORIFICS.has(parts[i].toLowerCase()) || TITLE_WORDS.has(parts[i].toLowerCase()) || TITLE_HEADS.has(parts[i].toLowerCase()) || RULE_TITLE_WORDS.has(parts[i].toLowerCase()))) i++;
    t = parts.slice(i).join(' ');
  }
  return t;
}

function joinSpacedInitials(s: string): string {
  return s.replace(/\b(\p{Lu})\. (?=\p{Lu}\.)/gu, '$1.');
}

/**
 * The particles of European surnames: a person's key leaves them out, so "Van der Berg" and "de Gaulle" are
 * surnames of "Pieter van der Berg" and "Charles de Gaulle" (as "Assad" is of "Bashar al-Assad"). "bin",
 * "ibn" and "abu" stay: "Abu Mazen" is a name of its own.
 */
const NAME_PARTICLE_TOKENS = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'la', 'le', 'ter', 'zu', 'af', 'y']);

function keyTokens(clean: string, type?: EntityType): string[] {
  const out: string[] = [];
  const parts = joinSpacedInitials(clean).toLowerCase().split(/[\s]+/);
  for (let i = 0; i < parts.length; i++) {
    let w = parts[i].replace(/\./g, '');
    if (!w || PARTICLE_TOKENS.has(w)) continue;
    // (not the last word: "Van" may be a first name, but the last word of a name is never a particle)
    if (type === 'person' && i < parts.length - 1 && NAME_PARTICLE_TOKENS.has(w)) continue;
    if (w.startsWith('al-') || w.startsWith('el-')) w = w.slice(3);
    else if (w.startsWith('ad-') || w.startsWith('as-') || w.startsWith('ar-') || w.startsWith('an-')) w = w.slice(3);
    w = w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/'/g, '');
    if (w) out.push(w);
  }
  return out;
}


/** Consonant skeleton for transliteration matching: "hezbollah"/"hizballah" -> "hzblh", "sergei"/"sergey" -> "srg". */
const skeletonCache = new Map<string, string>();
export function skeleton(w: string): string {
  let s = skeletonCache.get(w);
  if (s !== undefined) return s;
  s = w.toLowerCase().replace(/[^a-z0-9]/g, '').replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1');
  if (skeletonCache.size > 50000) skeletonCache.clear();
  skeletonCache.set(flatString(w), flatString(s));
  return s;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const prev = new Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** Same name token up to transliteration: equal, or same skeleton + first letter + small edit distance. */
function translitEqual(a: string, b: string): boolean {
  if (a === b) return true;
  if (/\d/.test(a) || /\d/.test(b)) return false;
  if (a.length < 4 || b.length < 4 || a[0] !== b[0]) return false;
  const sa = skeleton(a);
  if (sa.length < 2 || sa !== skeleton(b)) return false;
  return editDistance(a, b) <= Math.max(2, Math.floor(Math.min(a.length, b.length) / 3));
}

function firstNameCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === 1 || b.length === 1) return a[0] === b[0];
  return translitEqual(a, b);
}

/**
 * The initials of a full name's middle names ("George H.W. Bush" -> "hw", "George Herbert Walker Bush"
 * -> "hw", "George W. Bush" -> "w"); a token of one or two letters is taken as initials already.
 */
function middleInitials(toks: string[]): string {
  let out = '';
  for (let i = 1; i < toks.length - 1; i++) out += toks[i].length <= 2 ? toks[i] : toks[i][0];
  return out;
}

/** Middle names tell two people apart when both are given and neither's initials begin the other's. */
function middlesCompatible(a: string, b: string): boolean {
  return a === '' || b === '' || a.startsWith(b) || b.startsWith(a);
}

/**
 * Step 3 for the full names of one surname bucket: they merge on surname and first name up to
 * transliteration and on middle names (see middlesCompatible), and a merge must hold, at least loosely,
 * between every two names it brings together: "M. Khan" fits "Majid Khan" and "Muslim Khan", who do not
 * fit each other. (Loosely: first names with the same consonants, so that a chain of misspellings,
 * "Olusegun", "Olesgun", "Olusegan", stays one person.)
 * Names that both give middle names, or both none, merge first. A name without one ("George Bush") fits
 * every middle name, so it then joins those it fits only when they are one person: else it would chain
 * "George W. Bush" and "George H.W. Bush" into one.
 */
function mergeFullNames(l: Group[], uf: UnionFind): void {
  const middles = l.map((g) => middleInitials(g.toks));
  const same = (i: number, j: number) => {
    const a = l[i].toks, b = l[j].toks;
    return translitEqual(a[a.length - 1], b[b.length - 1]) && firstNameCompatible(a[0], b[0]) && middlesCompatible(middles[i], middles[j]);
  };
  const loosely = (i: number, j: number) => {
    const a = l[i].toks, b = l[j].toks;
    return same(i, j) || (translitEqual(a[a.length - 1], b[b.length - 1]) && skeleton(a[0]) === skeleton(b[0]) && middlesCompatible(middles[i], middles[j]));
  };
  // the bucket's names in each cluster (earlier steps may have joined some already)
  const members = new Map<number, number[]>();
  for (let i = 0; i < l.length; i++) {
    const root = uf.find(l[i].id);
    const m = members.get(root);
    if (m) m.push(i);
    else members.set(root, [i]);
  }
  const join = (i: number, j: number): void => {
    const ri = uf.find(l[i].id), rj = uf.find(l[j].id);
    if (ri === rj) return;
    const mi = members.get(ri)!, mj = members.get(rj)!;
    for (const x of mi) for (const y of mj) if (!loosely(x, y)) return;
    uf.union(ri, rj);
    members.delete(ri);
    members.delete(rj);
    members.set(uf.find(ri), mi.concat(mj));
  };
  for (let i = 0; i < l.length; i++) for (let j = i + 1; j < l.length; j++) {
    if ((middles[i] === '') === (middles[j] === '') && same(i, j)) join(i, j);
  }
  for (let i = 0; i < l.length; i++) {
    if (middles[i] !== '') continue;
    let fits = -1, fitsRoot = -1;
    for (let j = 0; j < l.length; j++) {
      if (middles[j] === '' || !same(i, j)) continue;
      const root = uf.find(l[j].id);
      if (fitsRoot === -1) { fitsRoot = root; fits = j; }
      else if (fitsRoot !== root) { fits = -1; break; }
    }
    if (fits >= 0) join(i, fits);
  }
}

/** A country (or one of its names) or a city of the gazetteer. */
function knownPlace(clean: string): boolean {
  return CITIES.has(clean) || COUNTRY_ALIAS.has(clean);
}

class UnionFind {
  p: number[] = [];
  add(): number { this.p.push(this.p.length); return this.p.length - 1; }
  find(x: number): number { while (this.p[x] !== x) { this.p[x] = this.p[this.p[x]]; x = this.p[x]; } return x; }
  union(a: number, b: number): void { const ra = this.find(a), rb = this.find(b); if (ra !== rb) this.p[Math.max(ra, rb)] = Math.min(ra, rb); }
}

interface Group {
  key: string;
  /** Key tokens; a person's without particles (Normal.nameToks), and `name` those joined. */
  toks: string[];
  name: string;
  type: Exclude<EntityType, 'other'>;
  /** Union-find id. */
  id: number;
  /** Its mentions, as indexes into the clustered list. */
  idx: number[];
}

function acronymOf(clean: string): string {
  let a = '';
  for (const w of clean.split(/[\s-]+/)) {
    if (!w || ACRO_SKIP.has(w.toLowerCase())) continue;
    const c = w[0];
    if (c.toUpperCase() === c && c.toLowerCase() !== c) a += c;
    else return '';
  }
  return a.length >= 2 ? a : '';
}

function normalizeAliasForm(s: string): string {
  return joinSpacedInitials(s).replace(/\./g, '').toLowerCase();
}
const ALIAS_CANON = (() => {
  const m = new Map<string, string>();
  for (const [k, v] of COUNTRY_ALIAS) m.set(normalizeAliasForm(k), 'place:' + v);
  for (const v of new Set(COUNTRY_ALIAS.values())) m.set(normalizeAliasForm(v), 'place:' + v);
  for (const [k, v] of ORG_ALIAS) {
    m.set(normalizeAliasForm(k), 'organization:' + v);
    m.set(normalizeAliasForm(v), 'organization:' + v);
  }
  return m;
})();
// Ambiguous short alias forms that must be upper case in the text to count ("US" but not "us").
function aliasKey(clean: string): string | undefined {
  const f = normalizeAliasForm(clean);
  const c = ALIAS_CANON.get(f);
  if (!c) return undefined;
  const bare = clean.replace(/[.\s]/g, '');
  if (f.length <= 4 && bare !== bare.toUpperCase() && f !== 'nato') return undefined;
  return c;
}

/**
 * Bucket keys of a mention: two mentions can only end up in the same entity, or influence each other's
 * entity, when they are linked by a chain of shared keys (mirrors every lookup `cluster` makes).
 */
function bucketKeys(toks: string[], key: string, clean: string): string[] {
  const out = ['k:' + key];
  const last = toks[toks.length - 1];
  if (toks.length >= 2) {
    out.push('s:' + last[0] + skeleton(last), 'n:' + last);
    if (toks.length >= 3) out.push('n:' + toks.slice(-2).join(' '));
    else out.push('n:' + key);
    const a = acronymOf(clean);
    if (a.length >= 3) out.push('c:' + a.toLowerCase());
  } else {
    out.push('n:' + key, 's:' + key[0] + skeleton(key), 'c:' + key);
  }
  const ak = aliasKey(clean);
  if (ak) out.push('a:' + ak);
  if (key.replace(/ /g, '').length >= 5) out.push('o:' + toks.map((t) => t[0] + skeleton(t)).join(' '));
  return out;
}

interface Normal {
  type: Exclude<EntityType, 'other'>;
  text: string;
  clean: string; // display form without title/honorific/possessive
  toks: string[]; // key tokens: lowercase, no periods, particles dropped
  /** A person's key tokens without the particles of European surnames (see NAME_PARTICLE_TOKENS); else `toks`. */
  nameToks: string[];
  key: string;
  bkeys: string[]; // bucket keys (see bucketKeys)
  /** Of a titled mention's Normal (see titled): the title right before the name or in apposition. */
  title: string | undefined;
  sig: string; // signature: type, display form, title and text
  sigHash: number; // hashString(sig) (see ClusterSnapshot)
}
/** By type, then mention text (names repeat, and their strings are mostly shared: lookups hash nothing new). */
const normalCache = new Map<EntityType, Map<string, Normal | null>>();
let normalCacheSize = 0;
/** Display form, key tokens and bucket keys of a mention text (cached: corpora repeat names a lot). */
function normalise(text: string, type: EntityType): Normal | null {
  let byText = normalCache.get(type);
  if (!byText) normalCache.set(type, (byText = new Map()));
  let r = byText.get(text);
  if (r !== undefined) return r;
  text = flatString(text); // cached below: must not pin the document it was sliced from
  const clean = cleanMentionText(text, type);
  const toks = keyTokens(clean);
  if (toks.length === 0) r = null;
  else {
    const key = toks.join(' ');
    const named = type === 'person' ? keyTokens(clean, type) : toks;
    const nameToks = named.length === toks.length ? toks : named;
    const bkeys = bucketKeys(toks, key, clean);
    // the same text may be typed otherwise elsewhere (its key), or be a surname without its particles
    if (nameToks !== toks) for (const k of bucketKeys(nameToks, nameToks.join(' '), clean)) if (!bkeys.includes(k)) bkeys.push(k);
    r = { type: type as Exclude<EntityType, 'other'>, text, clean, toks, nameToks, key, bkeys: bkeys.map(sharedKey), title: undefined, sig: '', sigHash: 0 };
    r.sig = [type, clean, '', text].join('\u0000');
    r.sigHash = hashString(r.sig);
  }
  if (++normalCacheSize > 50000) {
    for (const m of normalCache.values()) m.clear();
    normalCacheSize = 1;
  }
  byText.set(text, r);
  return r;
}

const bucketKeyCopies = new Map<string, string>();
/**
 * One flat copy of each bucket key: the keys are built by concatenation (slow to compare as map
 * keys), and the same key comes from many names ("n:putin" from "Putin" and "Vladimir Putin"):
 * with one instance, map lookups compare pointers.
 */
function sharedKey(key: string): string {
  const shared = bucketKeyCopies.get(key);
  if (shared !== undefined) return shared;
  const flat = flatString(key); // join/slice keep the cons string
  if (bucketKeyCopies.size > 400000) bucketKeyCopies.clear();
  bucketKeyCopies.set(flat, flat);
  return flat;
}

/** Untitled Normal -> title -> its titled Normal (looked up by the title: no signature is built per mention). */
const titledNormals = new Map<Normal, Map<string, Normal>>();
let titledCount = 0;
/**
 * The Normal of a mention of `norm`'s text with a title: the same fields, the title and its own
 * signature (one shared object per Normal and title).
 */
function titled(norm: Normal, title: string | undefined): Normal {
  if (title === undefined || title === '') return norm;
  let byTitle = titledNormals.get(norm);
  const shared = byTitle?.get(title);
  if (shared !== undefined) return shared;
  if (++titledCount > 50000) {
    titledNormals.clear();
    titledCount = 1;
    byTitle = undefined;
  }
  if (!byTitle) titledNormals.set(norm, (byTitle = new Map()));
  const own = flatString(title); // the title may be a slice of the document: the cache must not pin it
  // the same fields in the same order as normalise's objects: one shape for the hot loops that read them
  const variant: Normal = { type: norm.type, text: norm.text, clean: norm.clean, toks: norm.toks, nameToks: norm.nameToks, key: norm.key, bkeys: norm.bkeys, title: own, sig: '', sigHash: 0 };
  variant.sig = [norm.type, norm.clean, own, norm.text].join('\u0000');
  variant.sigHash = hashString(variant.sig);
  byTitle.set(own, variant);
  return variant;
}

/**
 * Versions come from one clock shared by every index: an index built to replace another (see
 * EntityIndex.build) never reports a version its predecessor already reported.
 */
let versionClock = 0;

/**
 * Sorts mentions by offset (stable). They nearly always come sorted, and checking costs far less than
 * the sort's comparator calls (half a million of them at indexing's end).
 */
function sortByStart(list: NM[]): void {
  for (let i = 1; i < list.length; i++) {
    if (list[i].start < list[i - 1].start) {
      list.sort((a, b) => a.start - b.start);
      return;
    }
  }
}

/**
 * Runs `body` over [0, n) a chunk of STEP_WORK at a time, yielding after each chunk. The loop lives
 * in an ordinary function: V8 optimises that in the middle of a long loop, never a generator's own
 * loops, which would run unoptimised for the whole of clustering's one call per indexing run.
 */
function* inChunks(n: number, body: (from: number, to: number) => void): Generator<void, void> {
  for (let from = 0; from < n; from += STEP_WORK) {
    body(from, Math.min(n, from + STEP_WORK));
    yield;
  }
}

/** Runs a stepped computation to its end at once. */
function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function entityOrder(a: Entity, b: Entity): number {
  return b.mentionCount - a.mentionCount || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Work done by the last refresh (for tests and benchmarks). */
export interface RefreshStats {
  /** Mentions re-clustered. */
  mentions: number;
  /** Entities replaced / added. */
  dropped: number;
  added: number;
}

export class EntityIndex {
  private files = new Map<string, NM[]>();
  /**
   * Bucket key -> the normal forms that have it. All mentions of a normal form share its keys, so
   * the mentions under a key are those of its normal forms (a mention is posted once, not per key).
   * Normal forms stay listed after their last mention goes: re-adding the same name is common.
   */
  private keyIndex = new Map<string, Normal[]>();
  /** Normal form -> its mentions in this index. */
  private byNormal = new Map<Normal, Bucket>();
  private pending = new Set<string>();
  /** Normal forms whose keys are all in `pending` (cleared with it). */
  private pendingNormals = new Set<Normal>();
  private removed: NM[] = [];
  private sorted: Entity[] = [];
  private sortDrop = new Set<Entity>();
  private sortAdd = new Set<Entity>();
  private byId = new Map<string, Entity>();
  /** Work done by the last query that had to re-cluster (see RefreshStats). */
  lastRefresh: RefreshStats = { mentions: 0, dropped: 0, added: 0 };
  /** How many mention additions / removals took the repeat fast path (see attach). */
  repeatFastPath = 0;
  private changes = 0;
  /** Whether the last clustering of every file came from a ClusterSnapshot (see build; for tests and logs). */
  clustersRestored = false;
  /** Set while setFiles runs: no mention takes the repeat fast path (see attach). */
  private bulk = false;

  /** Number of files with mentions in the index. */
  get fileCount(): number {
    return this.files.size;
  }

  /** Bumped whenever an entity is replaced, added or dropped (reading it brings the index up to date). */
  get version(): number {
    this.refresh();
    return this.changes;
  }

  /**
   * Replace the mentions of one file. O(mentions in the file): mentions whose type, text and title are
   * unchanged keep their entity (offsets updated in place); the others are re-clustered at the next query.
   */
  setFile(file: string, mentions: readonly Mention[]): void {
    const list: NM[] = [];
    for (const m of mentions) {
      const norm = normalise(m.text, m.type);
      if (!norm) continue;
      list.push(new NM(file, m.start, m.end, titled(norm, m.title)));
    }
    sortByStart(list);
    const old = this.files.get(file) ?? [];
    // match unchanged mentions (same signature, same relative order) to keep their entities
    const queues = new Map<string, number[]>();
    for (let i = 0; i < old.length; i++) {
      const sig = old[i].sig;
      const q = queues.get(sig);
      if (q) q.push(i);
      else queues.set(sig, [i]);
    }
    const matchOld = new Int32Array(list.length).fill(-1);
    const used = new Uint8Array(old.length);
    let lastOld = -1;
    let monotone = true;
    for (let j = 0; j < list.length; j++) {
      const q = queues.get(list[j].sig);
      if (!q || q.length === 0) continue;
      const i = q.shift()!;
      matchOld[j] = i;
      used[i] = 1;
      if (i < lastOld) monotone = false;
      lastOld = i;
    }
    if (!monotone) { matchOld.fill(-1); used.fill(0); } // mentions moved around: re-cluster them all
    const next: NM[] = new Array(list.length);
    for (let j = 0; j < list.length; j++) {
      const i = matchOld[j];
      if (i < 0) {
        const nm = list[j];
        if (!this.attach(nm, 1)) this.addKeys(nm);
        next[j] = nm;
        continue;
      }
      const o = old[i];
      const nm = list[j];
      if (o.start !== nm.start || o.end !== nm.end) {
        const e = o.entity;
        if (e && e.first.file === file && e.first.start === o.start && e.first.end === o.end) e.first = { file, start: nm.start, end: nm.end };
        o.start = nm.start;
        o.end = nm.end;
      }
      next[j] = o;
    }
    for (let i = 0; i < old.length; i++) if (!used[i] && !this.attach(old[i], -1)) this.dropMention(old[i]);
    if (next.length) this.files.set(file, next);
    else this.files.delete(file);
  }

  /**
   * setFile for many files at once (indexing). No mention takes the repeat fast path: that rebuilds an
   * entity per added mention (O(|E|) each), which for a country named in thousands of incoming files is
   * quadratic; the next query clusters them all together instead.
   */
  setFiles(files: Iterable<readonly [string, readonly Mention[]]>): void {
    this.bulk = true;
    try {
      for (const [file, mentions] of files) this.setFile(file, mentions);
    } finally {
      this.bulk = false;
    }
  }

  /**
   * A new index of these files, built a few files / a few thousand mentions per step and clustered, so
   * a caller can build it in the background (indexing's end) while the index it replaces keeps answering.
   */
  static *build(files: Iterable<readonly [string, readonly Mention[]]>, snapshot?: ClusterSnapshot): Generator<void, EntityIndex> {
    const index = new EntityIndex();
    index.bulk = true;
    let count = 0;
    for (const [file, mentions] of files) {
      index.setFile(file, mentions);
      if ((++count & 31) === 0) yield;
    }
    index.bulk = false;
    yield* index.refreshAllSteps(snapshot);
    yield;
    index.sortedList();
    return index;
  }

  /**
   * Which cluster each mention is in, with what identifies the names it was made from (see
   * ClusterSnapshot), in steps. For an index just built: build() reuses it for the same names.
   */
  *clusterSnapshotSteps(): Generator<void, ClusterSnapshot> {
    this.refresh();
    const files = [...this.files.keys()].sort();
    let total = 0;
    for (const list of this.files.values()) total += list.length;
    const counts = new Uint32Array(files.length);
    const hashes = new Int32Array(files.length);
    const clusterOf = new Int32Array(total);
    const types: number[] = [];
    const ordinal = new Map<Entity, number>();
    let at = 0;
    let work = 0;
    for (let f = 0; f < files.length; f++) {
      const list = this.files.get(files[f])!;
      counts[f] = list.length;
      hashes[f] = namesHash(list);
      for (const nm of list) {
        const e = nm.entity!;
        let c = ordinal.get(e);
        if (c === undefined) {
          ordinal.set(e, (c = types.length));
          types.push(TYPE_ORDER.indexOf(e.type as T3));
        }
        clusterOf[at++] = c;
      }
      if ((work += list.length) >= STEP_WORK) { work = 0; yield; }
    }
    return { files, counts, hashes, clusterOf, types: Uint8Array.from(types) };
  }

  removeFile(file: string): void {
    const old = this.files.get(file);
    if (!old) return;
    for (const nm of old) this.dropMention(nm);
    this.files.delete(file);
  }

  /**
   * Fast path for adding (dir 1) or removing (dir -1) a mention that only repeats an existing one: same type,
   * text and title as another mention of the same non-person entity E, and every bucket key of the mention
   * is E's alone (no other entity, no other type, nothing dirty). Clustering would then give E again with one
   * mention more / less, so E is rebuilt from its mentions (O(|E|)) instead of re-clustering its region —
   * "Moscow" typed into a file of a 50k-file corpus. Returns false (nothing changed) when it does not apply.
   */
  private attach(nm: NM, dir: 1 | -1): boolean {
    if (this.bulk || nm.type === 'person') return false;
    let e: Entity | undefined;
    let twin = false;
    for (const k of nm.norm.bkeys) {
      if (this.pending.has(k)) return false;
      const normals = this.keyIndex.get(k);
      if (!normals) return false;
      for (const norm of normals) {
        for (const m of this.byNormal.get(norm)!.list) {
          if (m === nm || m.gone) continue;
          if (!m.entity || m.type !== nm.type) return false;
          if (e === undefined) e = m.entity;
          else if (m.entity !== e) return false;
          if (!twin && m.sig === nm.sig) twin = true;
        }
      }
    }
    if (!e || !twin || e.type !== nm.type || (dir === -1 && nm.entity !== e)) return false;
    if (!(e instanceof EntityRecord)) return false;
    const old = e.nms;
    for (const m of old) if (m.type !== nm.type) return false;
    let ms: NM[];
    if (dir === 1) {
      let lo = 0, hi = old.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const o = old[mid];
        if (o.file < nm.file || (o.file === nm.file && o.start < nm.start)) lo = mid + 1;
        else hi = mid;
      }
      ms = old.slice(0, lo);
      ms.push(nm);
      for (let i = lo; i < old.length; i++) ms.push(old[i]);
      this.post(nm);
    } else {
      ms = old.filter((m) => m !== nm);
      nm.gone = true;
      if (this.byNormal.get(nm.norm)!.removed()) this.releaseNormal(nm.norm);
      nm.entity = undefined;
    }
    const next = buildEntity(ms, e.type as T3);
    if (this.byId.get(e.id) === e) this.byId.delete(e.id);
    if (next.id === e.id && !this.byId.has(next.id)) this.byId.set(next.id, next);
    else {
      if (this.byId.has(next.id)) {
        let n = 2;
        while (this.byId.has(`${next.id}#${n}`)) n++;
        next.id = `${next.id}#${n}`;
      }
      this.byId.set(next.id, next);
    }
    if (!this.sortAdd.delete(e)) this.sortDrop.add(e);
    this.sortAdd.add(next);
    this.lastRefresh = { mentions: 0, dropped: 1, added: 1 };
    this.repeatFastPath++;
    this.changes = ++versionClock;
    return true;
  }

  /** Posts a mention under its normal form (listed under its bucket keys the first time). */
  private post(nm: NM): void {
    const norm = nm.norm;
    let b = this.byNormal.get(norm);
    if (!b) {
      this.byNormal.set(norm, (b = new Bucket()));
      for (const k of norm.bkeys) {
        const normals = this.keyIndex.get(k);
        if (normals) normals.push(norm);
        else this.keyIndex.set(k, [norm]);
      }
    }
    b.add(nm);
  }

  private addKeys(nm: NM): void {
    this.post(nm);
    this.markPending(nm.norm);
  }

  /** Marks the bucket keys of a normal form dirty (once per normal form between refreshes). */
  private markPending(norm: Normal): void {
    if (this.pendingNormals.has(norm)) return;
    this.pendingNormals.add(norm);
    for (const k of norm.bkeys) this.pending.add(k);
  }

  private dropMention(nm: NM): void {
    nm.gone = true;
    this.markPending(nm.norm);
    if (this.byNormal.get(nm.norm)?.removed()) this.releaseNormal(nm.norm);
    if (nm.entity) this.removed.push(nm);
  }

  /**
   * Forgets a normal form no live mention uses: its bucket and its place under each bucket key.
   * Without this, every name that existed once while someone typed ("Kerrig", "Mr Kerriga")
   * would stay in the index for good.
   */
  private releaseNormal(norm: Normal): void {
    this.byNormal.delete(norm);
    for (const k of norm.bkeys) {
      const normals = this.keyIndex.get(k);
      if (!normals) continue;
      const i = normals.indexOf(norm);
      if (i >= 0) {
        normals[i] = normals[normals.length - 1];
        normals.pop();
      }
      if (normals.length === 0) this.keyIndex.delete(k);
    }
  }

  entities(): Entity[] {
    return this.sortedList();
  }

  entityById(id: string): Entity | undefined {
    this.refresh();
    return this.byId.get(id);
  }

  /** Entity whose mention covers `offset` in `file` (start <= offset <= end). */
  entityAt(file: string, offset: number): Entity | undefined {
    this.refresh();
    const arr = this.files.get(file);
    if (!arr) return undefined;
    let lo = 0, hi = arr.length - 1, hit = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (arr[mid].start <= offset) { hit = mid; lo = mid + 1; } else hi = mid - 1;
    }
    if (hit >= 0 && offset <= arr[hit].end) return arr[hit].entity;
    return undefined;
  }

  /** Whether `entity` has a mention in `file` (O(mentions of the file)). */
  mentionedIn(entity: Entity, file: string): boolean {
    this.refresh();
    const list = this.files.get(file);
    if (!list) return false;
    for (const nm of list) if (nm.entity === entity) return true;
    return false;
  }

  /** Case-insensitive search over names and aliases (exact > prefix > word prefix > substring), then by mention count. */
  find(query: string): Entity[] {
    this.sortedList();
    const q = query.trim().toLowerCase();
    if (!q) return this.sorted.slice();
    const scored: Array<[number, Entity]> = [];
    for (const e of this.sorted) {
      let best = 0;
      for (const t of [e.name, ...e.aliases.map((a) => a.text)]) {
        const l = t.toLowerCase();
        const s = l === q ? 4 : l.startsWith(q) ? 3 : l.split(/[\s-]+/).some((w) => w.startsWith(q)) ? 2 : l.includes(q) ? 1 : 0;
        if (s > best) best = s;
      }
      if (best) scored.push([best, e]);
    }
    scored.sort((a, b) => b[0] - a[0] || b[1].mentionCount - a[1].mentionCount || a[1].name.localeCompare(b[1].name));
    return scored.map((x) => x[1]);
  }

  /** Re-cluster the region of mentions reachable from the dirty bucket keys. */
  private refresh(): void {
    if (this.pending.size === 0 && this.removed.length === 0) return;
    // Most keys dirty (the first clustering after indexing, a warm start): the region is the whole
    // index, and walking the keys to find that out cost a third of the clustering.
    if (this.pending.size * 2 >= this.keyIndex.size) return this.refreshAll();
    // 1. the connected region (mentions linked to a dirty key through chains of shared keys)
    const region: NM[] = [];
    const seenNormal = new Set<Normal>();
    const seenKey = new Set<string>(this.pending);
    const queue = [...this.pending];
    for (let qi = 0; qi < queue.length; qi++) {
      const normals = this.keyIndex.get(queue[qi]);
      if (!normals) continue;
      for (const norm of normals) {
        if (seenNormal.has(norm)) continue;
        seenNormal.add(norm);
        const before = region.length;
        for (const nm of this.byNormal.get(norm)!.list) if (!nm.gone) region.push(nm);
        // a normal form without mentions links nothing
        if (region.length > before) for (const k of norm.bkeys) if (!seenKey.has(k)) { seenKey.add(k); queue.push(k); }
      }
    }
    // 2. entities of the region (and of removed mentions) are replaced
    const dropped = new Set<Entity>();
    for (const nm of this.removed) {
      if (nm.entity) dropped.add(nm.entity);
      // A removed mention may wait in its bucket until compaction: it must not keep its old entity
      // (and that entity's whole mention list) alive meanwhile.
      nm.entity = undefined;
    }
    for (const nm of region) if (nm.entity) dropped.add(nm.entity);
    this.pending.clear();
    this.pendingNormals.clear();
    this.removed = [];
    // 3. cluster the region
    const byFile = new Map<string, NM[]>();
    for (const nm of region) {
      let l = byFile.get(nm.file);
      if (!l) byFile.set(nm.file, (l = []));
      l.push(nm);
    }
    for (const l of byFile.values()) sortByStart(l);
    const fresh = cluster(byFile);
    // 4. splice: drop replaced entities, give new ones unique ids, insert in order
    for (const e of dropped) if (this.byId.get(e.id) === e) this.byId.delete(e.id);
    // the sorted list is only needed by entities() / find(): queue the changes (entityAt needs none)
    for (const e of dropped) if (!this.sortAdd.delete(e)) this.sortDrop.add(e);
    this.addEntities(fresh);
    this.lastRefresh = { mentions: region.length, dropped: dropped.size, added: fresh.length };
    if (dropped.size || fresh.length) this.changes = ++versionClock;
  }

  /** Re-clusters every live mention: refresh() when most keys are dirty. */
  private refreshAll(): void {
    drain(this.refreshAllSteps());
  }

  private *refreshAllSteps(snapshot?: ClusterSnapshot): Generator<void, void> {
    for (const nm of this.removed) nm.entity = undefined; // (see refresh)
    const dropped = this.byId.size;
    this.pending.clear();
    this.pendingNormals.clear();
    this.removed = [];
    let mentions = 0;
    for (const list of this.files.values()) {
      sortByStart(list);
      mentions += list.length;
      if ((mentions & STEP_MASK) < list.length) yield;
    }
    const restored = snapshot ? yield* restoredClusters(this.files, snapshot) : null;
    this.clustersRestored = restored !== null;
    const fresh = restored ?? (yield* clusterSteps(this.files));
    // Every entity is replaced: the id table and the sorted list start over.
    this.byId.clear();
    this.sorted = [];
    this.sortDrop.clear();
    this.sortAdd.clear();
    this.addEntities(fresh);
    this.lastRefresh = { mentions, dropped, added: fresh.length };
    if (dropped || fresh.length) this.changes = ++versionClock;
  }

  /** New entities get unique ids (`#2`, `#3`… after a taken one) and join the sorted list's queue. */
  private addEntities(fresh: Entity[]): void {
    for (const e of fresh) {
      if (this.byId.has(e.id)) {
        let n = 2;
        while (this.byId.has(`${e.id}#${n}`)) n++;
        e.id = `${e.id}#${n}`;
      }
      this.byId.set(e.id, e);
      this.sortAdd.add(e);
    }
  }

  /** Apply queued entity-list changes: binary-search splices, or one sort when many changed. */
  private sortedList(): Entity[] {
    this.refresh();
    const drop = this.sortDrop, add = this.sortAdd;
    if (drop.size === 0 && add.size === 0) return this.sorted;
    if (drop.size + add.size > 64 && drop.size + add.size > this.sorted.length / 16) {
      const next = drop.size ? this.sorted.filter((e) => !drop.has(e)) : this.sorted;
      for (const e of add) next.push(e);
      next.sort(entityOrder);
      this.sorted = next;
    } else {
      for (const e of drop) {
        const i = this.lowerBound(e);
        if (this.sorted[i] === e) this.sorted.splice(i, 1);
        else { const j = this.sorted.indexOf(e); if (j >= 0) this.sorted.splice(j, 1); }
      }
      for (const e of add) this.sorted.splice(this.lowerBound(e), 0, e);
    }
    drop.clear();
    add.clear();
    return this.sorted;
  }

  private lowerBound(e: Entity): number {
    let lo = 0, hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (entityOrder(this.sorted[mid], e) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

type T3 = Exclude<EntityType, 'other'>;
/** Pairwise comparison is limited to this many groups per surname / skeleton bucket (keeps clustering ~linear). */
const MAX_BUCKET = 64;
/**
 * A clustering of an index's files: which cluster each mention fell in, numbered by first mention
 * (files sorted, each file's mentions in order: clustering's own order), each cluster's type, and what
 * the clustering was made from: each file's mention count and a hash of its mentions' signatures
 * (type, text, title). Clustering depends on nothing else, so the same files with the same names
 * cluster the same: a warm start (the snapshot kept in the warm-start cache) rebuilds the entities from
 * it instead of clustering again. Any file added, gone or with other names, and it is not used.
 */
export interface ClusterSnapshot {
  files: string[];
  counts: Uint32Array;
  hashes: Int32Array;
  clusterOf: Int32Array;
  /** Per cluster, its type's index in person / organization / place. */
  types: Uint8Array;
}

/** A hash of a file's mentions' signatures, in order (see ClusterSnapshot). */
function namesHash(list: NM[]): number {
  let h = 0x811c9dc5;
  for (const nm of list) h = Math.imul(h ^ nm.norm.sigHash, 0x01000193);
  return h | 0;
}

/**
 * The entities of a clustering of `files` as `snapshot` records it, in clustering's order, or null
 * (nothing changed) when the snapshot was not made from these files' names.
 */
function* restoredClusters(files: Map<string, NM[]>, snapshot: ClusterSnapshot): Generator<void, Entity[] | null> {
  const fileNames = [...files.keys()].sort();
  const { counts, hashes, clusterOf, types } = snapshot;
  if (fileNames.length !== snapshot.files.length || counts.length !== fileNames.length || hashes.length !== fileNames.length) return null;
  let total = 0;
  for (let f = 0; f < fileNames.length; f++) {
    const list = files.get(fileNames[f])!;
    if (fileNames[f] !== snapshot.files[f] || list.length !== counts[f] || namesHash(list) !== hashes[f]) return null;
    total += list.length;
  }
  if (total !== clusterOf.length) return null;
  yield;
  const clusters: NM[][] = [];
  for (let c = 0; c < types.length; c++) {
    if (types[c] >= TYPE_ORDER.length) return null;
    clusters.push([]);
  }
  let at = 0;
  for (const name of fileNames) {
    for (const nm of files.get(name)!) {
      const c = clusterOf[at++];
      if (!(c >= 0 && c < clusters.length)) return null;
      clusters[c].push(nm);
    }
  }
  for (const ms of clusters) if (ms.length === 0) return null;
  const out: Entity[] = [];
  let work = 0;
  yield;
  for (let c = 0; c < clusters.length; c++) {
    const ms = clusters[c];
    const type = TYPE_ORDER[types[c]];
    out.push(ms.length >= STEP_WORK ? yield* buildEntitySteps(ms, type) : buildEntity(ms, type));
    if ((work += 1 + ms.length) >= STEP_WORK) { work = 0; yield; }
  }
  return out;
}

/** Steps of the background clustering (clusterSteps): about this many mentions or groups each (~2-3 ms). */
export const STEP_WORK = 4096;
const STEP_MASK = 4095;
const TYPE_ORDER: T3[] = ['person', 'organization', 'place'];

function cluster(files: Map<string, NM[]>): Entity[] {
  return drain(clusterSteps(files));
}

/**
 * Clusters the mentions into entities, yielding every few thousand mentions / groups so that a caller
 * may run it in slices (see EntityIndex.build). Until its last steps (building the entities, which
 * point their mentions at them) it changes nothing it was given.
 */
function* clusterSteps(files: Map<string, NM[]>): Generator<void, Entity[]> {
  // Work done since the last step, in mentions or groups looked at: a step ends past STEP_WORK.
  let work = 0;
  const fileNames = [...files.keys()].sort();
  yield;
  let total = 0;
  for (const list of files.values()) total += list.length;
  const all: NM[] = new Array(total);
  // the number of each mention's file (in fileNames order): arrays indexed by it beat maps keyed by URI
  const fileOf = new Int32Array(total);
  for (let f = 0, at = 0; f < fileNames.length; f++) {
    const list = files.get(fileNames[f])!;
    for (let i = 0; i < list.length; i++, at++) {
      all[at] = list[i];
      fileOf[at] = f;
    }
    if ((work += list.length) >= STEP_WORK) { work = 0; yield; }
  }

  // Mentions of one text with one title share a Normal, and steps 1-2 depend on nothing else: they
  // run once per distinct Normal (tens of thousands), and per mention only one lookup is left.
  const normalSlot = new Map<Normal, number>();
  const normals: Normal[] = []; // in the order of their first mention
  const normalCount: number[] = [];
  const slotOf = new Int32Array(all.length);
  yield* inChunks(all.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const n = all[i].norm;
      let s = normalSlot.get(n);
      if (s === undefined) {
        normalSlot.set(n, (s = normals.length));
        normals.push(n);
        normalCount.push(0);
      }
      normalCount[s]++;
      slotOf[i] = s;
    }
  });

  // 1. corpus-consistent type per surface key (majority; a minority type with >= 3 mentions and >= 40% stays apart)
  const votes = new Map<string, Record<T3, number>>();
  yield;
  for (let s = 0; s < normals.length; s++) {
    const n = normals[s];
    let v = votes.get(n.key);
    if (!v) votes.set(n.key, (v = { person: 0, organization: 0, place: 0 }));
    v[n.type] += normalCount[s];
  }
  const typeOf = (n: Normal): T3 => {
    const v = votes.get(n.key)!;
    let b: T3 = 'person';
    for (const t of TYPE_ORDER) if (v[t] > v[b]) b = t;
    const tot = v.person + v.organization + v.place;
    if (n.type !== b && v[n.type] >= 3 && v[n.type] >= 0.4 * tot) return n.type;
    return b;
  };

  // 2. groups by (key, type), created in the order of their first mention. Per-mention facts live in
  // typed arrays indexed like `all` (maps keyed by hundreds of thousands of mention objects were most
  // of the clustering time).
  const groups = new Map<string, Array<Group | undefined>>(); // key (a shared string) -> group per type
  const glist: Group[] = [];
  const uf = new UnionFind();
  const groupOfSlot: Group[] = new Array(normals.length);
  yield;
  for (let s = 0; s < normals.length; s++) {
    const n = normals[s];
    const t = typeOf(n);
    let byType = groups.get(n.key);
    if (!byType) groups.set(n.key, (byType = [undefined, undefined, undefined]));
    const ti = TYPE_ORDER.indexOf(t);
    let g = byType[ti];
    if (!g) {
      const toks = t === 'person' ? n.nameToks : n.toks;
      g = byType[ti] = { key: n.key, toks, name: toks === n.toks ? n.key : toks.join(' '), type: t, id: uf.add(), idx: [] };
      glist.push(g);
    }
    groupOfSlot[s] = g;
  }
  // persons whose names differ only in particles ("De Keyser", "Keyser") are one name
  const personByName = new Map<string, Group>();
  for (const g of glist) {
    if (g.type !== 'person' || g.name === g.key) continue;
    const other = personByName.get(g.name) ?? groups.get(g.name)?.[0];
    if (other) uf.union(other.id, g.id);
    else personByName.set(g.name, g);
  }
  const groupIdx = new Int32Array(all.length);
  yield* inChunks(all.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const g = groupOfSlot[slotOf[i]];
      g.idx.push(i);
      groupIdx[i] = g.id;
    }
  });

  // 3. persons: full names merge on surname + compatible first name (incl. transliteration)
  const bySurnameSkel = new Map<string, Group[]>();
  const fullNames: Group[] = [];
  yield;
  for (const g of glist) {
    if (g.type !== 'person' || g.toks.length < 2) continue;
    fullNames.push(g);
    const sk = g.toks[g.toks.length - 1][0] + skeleton(g.toks[g.toks.length - 1]);
    let l = bySurnameSkel.get(sk);
    if (!l) bySurnameSkel.set(sk, (l = []));
    l.push(g);
  }
  yield;
  for (const l of bySurnameSkel.values()) {
    if (l.length > MAX_BUCKET) l.length = MAX_BUCKET; // pathological buckets: compare the first ones only
    if ((work += 1 + l.length * l.length) >= STEP_WORK) { work = 0; yield; }
    mergeFullNames(l, uf);
  }
  // person clusters by surname token (exact and skeleton), for bare-surname linking
  const surnameIndex = new Map<string, Set<number>>(); // surname token -> cluster roots
  /** Surname skeleton -> cluster roots and the surname each was filed under. */
  const skelIndex = new Map<string, Map<number, string>>();
  yield;
  for (const g of fullNames) {
    if (++work >= STEP_WORK) { work = 0; yield; }
    const last = g.toks[g.toks.length - 1];
    const root = uf.find(g.id);
    let exact = surnameIndex.get(last);
    if (!exact) surnameIndex.set(last, (exact = new Set()));
    exact.add(root);
    const sk = last[0] + skeleton(last);
    let bySkel = skelIndex.get(sk);
    if (!bySkel) skelIndex.set(sk, (bySkel = new Map()));
    bySkel.set(root, last);
    // multi-token surnames ("al-Assad" already one token; "bin Laden" -> "laden" and "bin laden")
    if (g.toks.length >= 3) {
      const two = g.toks.slice(-2).join(' ');
      let s = surnameIndex.get(two);
      if (!s) surnameIndex.set(two, (s = new Set()));
      s.add(root);
    }
  }
  // which person clusters have a full-name mention in each file (a file names a handful of people;
  // a common surname may be shared by hundreds of clusters, so this side is the one to walk)
  const fileRoots: Array<number[] | undefined> = new Array(fileNames.length);
  yield;
  for (const g of fullNames) {
    noteRoots(g.idx, uf.find(g.id), fileOf, fileRoots);
    if ((work += 1 + g.idx.length) >= STEP_WORK) { work = 0; yield; }
  }

  // 4. bare surnames: per mention, link to the same-file full name first, else the unique corpus one
  const mentionCluster = new Int32Array(all.length).fill(-1); // overrides for linked bare-surname mentions (made persons)
  yield;
  for (let gi = 0; gi < glist.length; gi++) {
    const g = glist[gi];
    if (++work >= STEP_WORK) { work = 0; yield; }
    if (g.toks.length >= 3) continue;
    if (g.type === 'person' && g.toks.length >= 2 && !surnameIndex.has(g.name)) continue;
    let cands = surnameIndex.get(g.name);
    let spellingOnly = false;
    if (!cands && g.toks.length === 1) {
      // A consonant skeleton only proposes: "Hasina" and "Hussein" share h-s-n but are no spellings of one
      // name. And a surname spelt otherwise ("Hasina", "Husin") is weak evidence alone: it links only to
      // the full name in its own file.
      spellingOnly = true;
      const bySkel = skelIndex.get(g.name[0] + skeleton(g.name));
      if (bySkel) {
        cands = new Set();
        for (const [root, surname] of bySkel) if (translitEqual(g.name, surname)) cands.add(root);
      }
    }
    if (!cands || cands.size === 0) continue;
    const uniq = new Set<number>();
    for (const r of cands) uniq.add(uf.find(r));
    work += cands.size;
    // a non-person bare name only becomes a person when it is not a known place name
    const first = all[g.idx[0]].norm.clean;
    const isPlaceName = g.type !== 'person' && knownPlace(first);
    if (isPlaceName) continue;
    if (g.type !== 'person' && g.toks.length === 1) {
      // translit-only candidates for non-person surfaces are too weak
      if (!surnameIndex.has(g.name)) continue;
    }
    const only = uniq.size === 1 ? uniq.values().next().value! : -1;
    // a non-person mention needs the full name in its own file, or person votes of its own
    const needsFileMatch = spellingOnly || (g.type !== 'person' && votes.get(g.key)!.person === 0);
    if ((work += linkBareNames(g.idx, uniq, only, needsFileMatch, fileOf, fileRoots, mentionCluster)) >= STEP_WORK) { work = 0; yield; }
  }

  // 5. organisations / places: alias tables, acronyms, transliteration
  const aliasRoot = new Map<string, number>();
  const acronymCands = new Map<string, Set<number>>();
  const skelBuckets = new Map<string, Group[]>();
  yield;
  for (let gi = 0; gi < glist.length; gi++) {
    if ((gi & STEP_MASK) === STEP_MASK) yield;
    const g = glist[gi];
    if (g.type === 'person') continue;
    const clean = all[g.idx[0]].norm.clean;
    const ak = aliasKey(clean);
    if (ak) {
      const id = g.id;
      const r = aliasRoot.get(ak);
      if (r === undefined) aliasRoot.set(ak, id);
      else uf.union(r, id);
    }
    if (g.toks.length >= 2) {
      const a = acronymOf(clean);
      if (a.length >= 3) {
        let s = acronymCands.get(a.toLowerCase());
        if (!s) acronymCands.set(a.toLowerCase(), (s = new Set()));
        s.add(g.id);
      }
    }
    const sk = g.toks.map((t) => t[0] + skeleton(t)).join(' ');
    if (g.key.replace(/ /g, '').length >= 5) {
      let l = skelBuckets.get(g.type + '|' + sk);
      if (!l) skelBuckets.set(g.type + '|' + sk, (l = []));
      l.push(g);
    }
  }
  yield;
  for (const g of glist) {
    if (g.type === 'person' || g.toks.length !== 1) continue;
    if ((work += 1 + (acronymCands.get(g.key)?.size ?? 0)) >= STEP_WORK) { work = 0; yield; }
    const clean = all[g.idx[0]].norm.clean.replace(/\./g, '');
    if (clean.length < 3 || clean !== clean.toUpperCase()) continue;
    const cands = acronymCands.get(g.key);
    if (!cands) continue;
    const roots = new Set([...cands].map((c) => uf.find(c)));
    if (roots.size === 1) uf.union(g.id, [...roots][0]);
  }
  yield;
  for (const l of skelBuckets.values()) {
    if (l.length > MAX_BUCKET) l.length = MAX_BUCKET;
    if ((work += 1 + l.length * l.length) >= STEP_WORK) { work = 0; yield; }
    for (let i = 0; i < l.length; i++) for (let j = i + 1; j < l.length; j++) {
      const a = l[i].toks, b = l[j].toks;
      if (a.length !== b.length || !a.every((t, k) => translitEqual(t, b[k]))) continue;
      // two places the gazetteer knows apart are no spellings of one ("Sudan", "Sidon")
      if (l[i].type === 'place' && knownPlace(all[l[i].idx[0]].norm.clean) && knownPlace(all[l[j].idx[0]].norm.clean)) continue;
      uf.union(l[i].id, l[j].id);
    }
  }

  // 6. assemble clusters
  // `all` is in (file, offset) order, so each cluster's mentions come out in that order too.
  // by root (group ids are small integers), listed in the order first seen
  const clusterOf: Array<{ ms: NM[]; tv: Record<T3, number> } | undefined> = new Array(glist.length);
  const clusters: Array<{ ms: NM[]; tv: Record<T3, number> }> = [];
  yield;
  yield* inChunks(all.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const linked = mentionCluster[i];
      const root = uf.find(linked >= 0 ? linked : groupIdx[i]);
      let c = clusterOf[root];
      if (!c) clusters.push((c = clusterOf[root] = { ms: [], tv: { person: 0, organization: 0, place: 0 } }));
      c.ms.push(all[i]);
      c.tv[linked >= 0 ? 'person' : glist[groupIdx[i]].type]++;
    }
  });
  const out: Entity[] = [];
  yield;
  for (const { ms, tv } of clusters) {
    let type: T3 = 'person';
    for (const t of TYPE_ORDER) if (tv[t] > tv[type]) type = t;
    // A country named in every article is one entity of tens of thousands of mentions: built in steps too.
    out.push(ms.length >= STEP_WORK ? yield* buildEntitySteps(ms, type) : buildEntity(ms, type));
    if ((work += 1 + ms.length) >= STEP_WORK) { work = 0; yield; }
  }
  return out;
}

// Steps 3-4's per-mention loops, in ordinary functions (see inChunks).

/** Notes, for each file with one of these mentions, that the person cluster `root` is named in full there. */
function noteRoots(idx: number[], root: number, fileOf: Int32Array, fileRoots: Array<number[] | undefined>): void {
  for (const i of idx) {
    const roots = fileRoots[fileOf[i]];
    if (!roots) fileRoots[fileOf[i]] = [root];
    else if (!roots.includes(root)) roots.push(root);
  }
}

/**
 * Links each bare-name mention to the candidate cluster named in full in its own file, or else to the
 * corpus's only candidate (`only`, or -1). Returns the work done (mentions and file roots looked at).
 */
function linkBareNames(idx: number[], uniq: Set<number>, only: number, needsFileMatch: boolean, fileOf: Int32Array, fileRoots: Array<number[] | undefined>, mentionCluster: Int32Array): number {
  let work = 0;
  for (const i of idx) {
    // the candidate clusters with a full name in this mention's file
    const here = fileRoots[fileOf[i]];
    let inFile = 0, hit = -1;
    if (here) for (const r of here) if (uniq.has(r)) { inFile++; hit = r; }
    work += 1 + (here ? here.length : 0);
    let target = -1;
    if (inFile === 1) target = hit;
    else if (inFile === 0 && !needsFileMatch) target = only;
    if (target >= 0) mentionCluster[i] = target;
  }
  return work;
}

/** An entity over its mention records: the EntityMention list is made when asked for. */
class EntityRecord implements Entity {
  constructor(
    public id: string,
    readonly name: string,
    readonly type: EntityType,
    readonly role: string | null,
    readonly aliases: Array<{ text: string; count: number }>,
    readonly spellings: Array<{ text: string; count: number }>,
    public first: { file: string; start: number; end: number },
    /** Sorted by file then offset; offsets kept current by setFile. */
    readonly nms: NM[],
  ) {}

  get mentions(): EntityMention[] {
    return this.nms.map((m) => ({ file: m.file, start: m.start, end: m.end, text: m.text }));
  }

  get mentionCount(): number {
    return this.nms.length;
  }

  get fileCount(): number {
    let count = 0;
    let last: string | undefined;
    for (const m of this.nms) if (m.file !== last) { count++; last = m.file; } // sorted by file
    return count;
  }

  /** Plain data (JSON.stringify would otherwise show the internal records, not the mentions). */
  toJSON(): object {
    const { id, name, type, role, aliases, spellings, first } = this;
    return { id, name, type, role, aliases, spellings, mentions: this.mentions, first };
  }
}

/** Entity of a cluster: `ms` sorted by file then offset; sets each mention's entity. */
function buildEntity(ms: NM[], type: T3): Entity {
  const counts = new Map<Normal, number>();
  countNormals(ms, 0, ms.length, counts);
  const entity = entityOf(ms, type, counts);
  setEntity(ms, 0, ms.length, entity);
  return entity;
}

/** buildEntity in steps, for a cluster of thousands of mentions (a country named in every article). */
function* buildEntitySteps(ms: NM[], type: T3): Generator<void, Entity> {
  const counts = new Map<Normal, number>();
  yield* inChunks(ms.length, (from, to) => countNormals(ms, from, to, counts));
  const entity = entityOf(ms, type, counts);
  yield* inChunks(ms.length, (from, to) => setEntity(ms, from, to, entity));
  return entity;
}

/**
 * Mentions per Normal, in the order of their first mention: aliases and roles are counted per Normal
 * (a cluster's mentions are a few spellings and titles, repeated).
 */
function countNormals(ms: NM[], from: number, to: number, counts: Map<Normal, number>): void {
  for (let i = from; i < to; i++) {
    const n = ms[i].norm;
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
}

function setEntity(ms: NM[], from: number, to: number, entity: Entity): void {
  for (let i = from; i < to; i++) ms[i].entity = entity;
}

/** The entity of a cluster: its name, role, aliases and first full-name mention (see countNormals). */
function entityOf(ms: NM[], type: T3, counts: Map<Normal, number>): EntityRecord {
  // aliases
  const ac = new Map<string, number>();
  for (const [n, c] of counts) ac.set(n.clean, (ac.get(n.clean) ?? 0) + c);
  const aliases = [...ac].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  // Canonical name: most words > most frequent > longest. Acronyms lose; so does a form printed once when
  // a full name is printed more often (a one-off is more likely a run-on span, "Kofi Annan United Nations
  // Secretary-General Kofi Annan", or a typo than the name); and so do a country's formal names (below).
  const nTok = (s: string) => s.split(' ').length;
  // words for the name's length: "al-Qaida" is as long as "al Qaida" (then the more frequent wins)
  const words = (s: string) => s.split(/[\s-]+/).length;
  const isAcro = (s: string) => s.replace(/[.\s]/g, '').length <= 6 && s.replace(/\./g, '') === s.replace(/\./g, '').toUpperCase();
  // (a full name: two capitalised words; "van Anraat" is a surname)
  const capitalised = (s: string) => s.split(' ').filter((w) => w[0] !== w[0].toLowerCase()).length;
  const repeatedFullName = aliases.some((a) => a.count >= 2 && capitalised(a.text) >= 2 && !isAcro(a.text));
  // A country's formal names ("Federal Republic of Germany", printed once) do not outrank the name the
  // alias table gives it when the corpus prints that ("Germany"); otherwise usage decides ("Burma").
  const tableName = type === 'place' ? aliases.map((a) => COUNTRY_ALIAS.get(a.text)).find((v) => v !== undefined && ac.has(v)) : undefined;
  const formal = (s: string) => tableName !== undefined && COUNTRY_ALIAS.get(s) === tableName && words(s) > words(tableName);
  let name = aliases[0].text;
  let bestScore = -Infinity;
  for (const a of aliases) {
    if (formal(a.text)) continue;
    const score = (isAcro(a.text) ? 0 : 1e6) + (repeatedFullName && a.count === 1 ? 0 : 1e5) + words(a.text) * 100 + Math.min(a.count, 99) + a.text.length / 1000;
    if (score > bestScore) { bestScore = score; name = a.text; }
  }
  // roles: the most frequent title, the first seen among equals
  const rc = new Map<string, { text: string; count: number }>();
  for (const [n, c] of counts) {
    if (!n.title) continue;
    const t = straighten(n.title);
    const k = t.toLowerCase();
    const r = rc.get(k);
    if (r) r.count += c;
    else rc.set(k, { text: t, count: c });
  }
  let role: string | null = null;
  let rcount = 0;
  for (const r of rc.values()) if (r.count > rcount) { rcount = r.count; role = r.text; }
  // first full-name mention
  const full = ms.find((m) => m.norm.clean === name) ?? ms.find((m) => nTok(m.norm.clean) >= 2) ?? ms[0];
  const id = `${type}:${name.toLowerCase()}`;
  return new EntityRecord(id, name, type, role, aliases, spellingVariants(aliases), { file: full.file, start: full.start, end: full.end }, ms);
}

function foldForm(s: string): string {
  return keyTokens(s).join(' ');
}

/** Aliases that spell the same full form differently (see Entity.spellings). */
function spellingVariants(aliases: Array<{ text: string; count: number }>): Array<{ text: string; count: number }> {
  const inVariant = new Set<string>();
  // Each alias folded once (not once per pair: a hub has hundreds of aliases).
  const folds = aliases.map((a) => foldForm(a.text));
  const tokens = folds.map((f) => f.split(' '));
  const caps = aliases.map(({ text }) => text.replace(/[^\p{L}]/gu, '').length > 4 && text === text.toUpperCase());
  for (let i = 0; i < aliases.length; i++) for (let j = i + 1; j < aliases.length; j++) {
    const a = aliases[i].text, b = aliases[j].text;
    const fa = folds[i], fb = folds[j];
    let variant = false;
    if (fa === fb) variant = !caps[i] && !caps[j]; // case, particles, periods (not ALL-CAPS datelines)
    else {
      const ta = tokens[i], tb = tokens[j];
      if (ta.length === tb.length && ta.every((t, k) => translitEqual(t, tb[k]) || (t.length === 1 && tb[k][0] === t) || (tb[k].length === 1 && t[0] === tb[k]))) {
        variant = ta.some((t, k) => t.length > 1 && tb[k].length > 1 && t !== tb[k]);
      }
    }
    if (variant) { inVariant.add(a); inVariant.add(b); }
  }
  return aliases.filter((a) => inVariant.has(a.text));
}

/** Entities whose corpus spells them in more than one way (for an "inconsistent-name" rule). */
export function entitySpellingVariants(index: EntityIndex): Array<{ entity: Entity; spellings: Array<{ text: string; count: number }> }> {
  return index.entities().filter((e) => e.spellings.length > 1).map((e) => ({ entity: e, spellings: e.spellings }));
}
