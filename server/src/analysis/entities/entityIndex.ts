// Corpus-level entity index: clusters the mentions of all files into entities (aliases, surnames,
// transliterations, acronyms) with corpus-consistent types. Pure and incremental:
//   setFile / removeFile cost O(mentions of that file) (normalisation only) and mark the index dirty;
//   the first query after a change re-clusters the whole corpus in O(M log M) for M mentions
//   (hash maps plus small per-surname / per-skeleton buckets), then queries are cheap
//   (entityAt is a binary search, entities() returns the cached array).
import { COUNTRY_ALIAS, HONORIFICS, ORG_ALIAS, TITLE_HEADS, TITLE_WORDS, CITIES } from './lexicon';
import type { Mention } from './recognize';

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
  /** All mentions, sorted by file then offset. */
  mentions: EntityMention[];
  /** First full-name mention (file order, then offset): the go-to-definition target. */
  first: { file: string; start: number; end: number };
}

interface NM {
  file: string;
  start: number;
  end: number;
  text: string;
  type: Exclude<EntityType, 'other'>;
  title: string | undefined;
  clean: string; // display form without title/honorific/possessive
  toks: string[]; // key tokens: lowercase, no periods, particles dropped
  key: string;
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
    while (i < parts.length - 1 && (HONORIFICS.has(parts[i].toLowerCase()) || TITLE_WORDS.has(parts[i].toLowerCase()) || TITLE_HEADS.has(parts[i].toLowerCase()))) i++;
    t = parts.slice(i).join(' ');
  }
  return t;
}

function joinSpacedInitials(s: string): string {
  return s.replace(/\b(\p{Lu})\. (?=\p{Lu}\.)/gu, '$1.');
}

function keyTokens(clean: string): string[] {
  const out: string[] = [];
  for (const raw of joinSpacedInitials(clean).toLowerCase().split(/[\s]+/)) {
    let w = raw.replace(/\./g, '');
    if (!w || PARTICLE_TOKENS.has(w)) continue;
    if (w.startsWith('al-') || w.startsWith('el-')) w = w.slice(3);
    else if (w.startsWith('ad-') || w.startsWith('as-') || w.startsWith('ar-') || w.startsWith('an-')) w = w.slice(3);
    w = w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/'/g, '');
    if (w) out.push(w);
  }
  return out;
}

/** Consonant skeleton for transliteration matching: "hezbollah"/"hizballah" -> "hzblh", "sergei"/"sergey" -> "srg". */
export function skeleton(w: string): string {
  const s = w.toLowerCase().replace(/[^a-z0-9]/g, '').replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1');
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

class UnionFind {
  p: number[] = [];
  add(): number { this.p.push(this.p.length); return this.p.length - 1; }
  find(x: number): number { while (this.p[x] !== x) { this.p[x] = this.p[this.p[x]]; x = this.p[x]; } return x; }
  union(a: number, b: number): void { const ra = this.find(a), rb = this.find(b); if (ra !== rb) this.p[Math.max(ra, rb)] = Math.min(ra, rb); }
}

interface Group {
  key: string;
  toks: string[];
  type: Exclude<EntityType, 'other'>;
  mentions: NM[];
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

export class EntityIndex {
  private files = new Map<string, NM[]>();
  private dirty = true;
  private cache: Entity[] = [];
  private byId = new Map<string, Entity>();
  private byFile = new Map<string, Array<{ start: number; end: number; entity: Entity }>>();

  /** Replace the mentions of one file. O(mentions in the file); clustering is deferred to the next query. */
  setFile(file: string, mentions: readonly Mention[]): void {
    const list: NM[] = [];
    for (const m of mentions) {
      const clean = cleanMentionText(m.text, m.type);
      const toks = keyTokens(clean);
      if (toks.length === 0) continue;
      list.push({ file, start: m.start, end: m.end, text: m.text, type: m.type, title: m.title, clean, toks, key: toks.join(' ') });
    }
    list.sort((a, b) => a.start - b.start);
    this.files.set(file, list);
    this.dirty = true;
  }

  removeFile(file: string): void {
    if (this.files.delete(file)) this.dirty = true;
  }

  entities(): Entity[] {
    this.refresh();
    return this.cache;
  }

  entityById(id: string): Entity | undefined {
    this.refresh();
    return this.byId.get(id);
  }

  /** Entity whose mention covers `offset` in `file` (start <= offset <= end). */
  entityAt(file: string, offset: number): Entity | undefined {
    this.refresh();
    const arr = this.byFile.get(file);
    if (!arr) return undefined;
    let lo = 0, hi = arr.length - 1, hit = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (arr[mid].start <= offset) { hit = mid; lo = mid + 1; } else hi = mid - 1;
    }
    if (hit >= 0 && offset <= arr[hit].end) return arr[hit].entity;
    return undefined;
  }

  /** Case-insensitive search over names and aliases (exact > prefix > word prefix > substring), then by mention count. */
  find(query: string): Entity[] {
    this.refresh();
    const q = query.trim().toLowerCase();
    if (!q) return this.cache.slice();
    const scored: Array<[number, Entity]> = [];
    for (const e of this.cache) {
      let best = 0;
      for (const t of [e.name, ...e.aliases.map((a) => a.text)]) {
        const l = t.toLowerCase();
        const s = l === q ? 4 : l.startsWith(q) ? 3 : l.split(/[\s-]+/).some((w) => w.startsWith(q)) ? 2 : l.includes(q) ? 1 : 0;
        if (s > best) best = s;
      }
      if (best) scored.push([best, e]);
    }
    scored.sort((a, b) => b[0] - a[0] || b[1].mentions.length - a[1].mentions.length || a[1].name.localeCompare(b[1].name));
    return scored.map((x) => x[1]);
  }

  private refresh(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.cache = cluster(this.files);
    this.byId.clear();
    this.byFile.clear();
    for (const e of this.cache) {
      this.byId.set(e.id, e);
      for (const m of e.mentions) {
        let arr = this.byFile.get(m.file);
        if (!arr) this.byFile.set(m.file, (arr = []));
        arr.push({ start: m.start, end: m.end, entity: e });
      }
    }
    for (const arr of this.byFile.values()) arr.sort((a, b) => a.start - b.start);
  }
}

type T3 = Exclude<EntityType, 'other'>;
/** Pairwise comparison is limited to this many groups per surname / skeleton bucket (keeps clustering ~linear). */
const MAX_BUCKET = 64;
const TYPE_ORDER: T3[] = ['person', 'organization', 'place'];

function cluster(files: Map<string, NM[]>): Entity[] {
  const fileNames = [...files.keys()].sort();
  const all: NM[] = [];
  for (const f of fileNames) all.push(...files.get(f)!);

  // 1. corpus-consistent type per surface key (majority; a minority type with >= 3 mentions and >= 40% stays apart)
  const votes = new Map<string, Record<T3, number>>();
  for (const m of all) {
    let v = votes.get(m.key);
    if (!v) votes.set(m.key, (v = { person: 0, organization: 0, place: 0 }));
    v[m.type]++;
  }
  const typeOf = (m: NM): T3 => {
    const v = votes.get(m.key)!;
    let b: T3 = 'person';
    for (const t of TYPE_ORDER) if (v[t] > v[b]) b = t;
    const tot = v.person + v.organization + v.place;
    if (m.type !== b && v[m.type] >= 3 && v[m.type] >= 0.4 * tot) return m.type;
    return b;
  };

  // 2. groups by (key, type)
  const groups = new Map<string, Group>();
  const groupOf = new Map<NM, Group>();
  for (const m of all) {
    const t = typeOf(m);
    const gk = t + '|' + m.key;
    let g = groups.get(gk);
    if (!g) groups.set(gk, (g = { key: m.key, toks: m.toks, type: t, mentions: [] }));
    g.mentions.push(m);
    groupOf.set(m, g);
  }
  const glist = [...groups.values()];
  const gid = new Map<Group, number>();
  const uf = new UnionFind();
  for (const g of glist) gid.set(g, uf.add());

  // 3. persons: full names merge on surname + compatible first name (incl. transliteration)
  const bySurnameSkel = new Map<string, Group[]>();
  const fullNames: Group[] = [];
  for (const g of glist) {
    if (g.type !== 'person' || g.toks.length < 2) continue;
    fullNames.push(g);
    const sk = g.toks[g.toks.length - 1][0] + skeleton(g.toks[g.toks.length - 1]);
    let l = bySurnameSkel.get(sk);
    if (!l) bySurnameSkel.set(sk, (l = []));
    l.push(g);
  }
  for (const l of bySurnameSkel.values()) {
    if (l.length > MAX_BUCKET) l.length = MAX_BUCKET; // pathological buckets: compare the first ones only
    for (let i = 0; i < l.length; i++) for (let j = i + 1; j < l.length; j++) {
      const a = l[i].toks, b = l[j].toks;
      if (translitEqual(a[a.length - 1], b[b.length - 1]) && firstNameCompatible(a[0], b[0])) uf.union(gid.get(l[i])!, gid.get(l[j])!);
    }
  }
  // person clusters by surname token (exact and skeleton), for bare-surname linking
  const surnameIndex = new Map<string, Set<number>>(); // surname token -> cluster roots
  const skelIndex = new Map<string, Set<number>>();
  for (const g of fullNames) {
    const last = g.toks[g.toks.length - 1];
    const root = uf.find(gid.get(g)!);
    for (const [idx, k] of [[surnameIndex, last], [skelIndex, last[0] + skeleton(last)]] as const) {
      let s = idx.get(k);
      if (!s) idx.set(k, (s = new Set()));
      s.add(root);
    }
    // multi-token surnames ("al-Assad" already one token; "bin Laden" -> "laden" and "bin laden")
    if (g.toks.length >= 3) {
      const two = g.toks.slice(-2).join(' ');
      let s = surnameIndex.get(two);
      if (!s) surnameIndex.set(two, (s = new Set()));
      s.add(root);
    }
  }
  // which person clusters have a full-name mention in which file
  const clusterFiles = new Map<number, Set<string>>();
  for (const g of fullNames) {
    const root = uf.find(gid.get(g)!);
    let s = clusterFiles.get(root);
    if (!s) clusterFiles.set(root, (s = new Set()));
    for (const m of g.mentions) s.add(m.file);
  }

  // 4. bare surnames: per mention, link to the same-file full name first, else the unique corpus one
  const mentionCluster = new Map<NM, number>(); // overrides for linked bare-surname mentions
  const mentionType = new Map<NM, T3>();
  for (const g of glist) {
    if (g.toks.length >= 3) continue;
    if (g.type === 'person' && g.toks.length >= 2 && !surnameIndex.has(g.key)) continue;
    let cands = surnameIndex.get(g.key);
    if (!cands && g.toks.length === 1) cands = skelIndex.get(g.key[0] + skeleton(g.key));
    if (!cands || cands.size === 0) continue;
    const roots = [...cands].map((r) => uf.find(r));
    const uniq = [...new Set(roots)];
    // a non-person bare name only becomes a person when it is not a known place name
    const isPlaceName = g.type !== 'person' && (CITIES.has(g.mentions[0].clean) || COUNTRY_ALIAS.has(g.mentions[0].clean));
    if (isPlaceName) continue;
    if (g.type !== 'person' && g.toks.length === 1) {
      // translit-only candidates for non-person surfaces are too weak
      if (!surnameIndex.has(g.key)) continue;
    }
    for (const m of g.mentions) {
      const inFile = uniq.filter((r) => clusterFiles.get(r)?.has(m.file));
      let target = -1;
      if (inFile.length === 1) target = inFile[0];
      else if (inFile.length === 0 && uniq.length === 1) target = uniq[0];
      if (target >= 0) {
        // a non-person mention needs the full name in its own file, or person votes of its own
        if (g.type !== 'person' && inFile.length === 0 && votes.get(g.key)!.person === 0) continue;
        mentionCluster.set(m, target);
        mentionType.set(m, 'person');
      }
    }
  }

  // 5. organisations / places: alias tables, acronyms, transliteration
  const aliasRoot = new Map<string, number>();
  const acronymCands = new Map<string, Set<number>>();
  const skelBuckets = new Map<string, Group[]>();
  for (const g of glist) {
    if (g.type === 'person') continue;
    const clean = g.mentions[0].clean;
    const ak = aliasKey(clean);
    if (ak) {
      const id = gid.get(g)!;
      const r = aliasRoot.get(ak);
      if (r === undefined) aliasRoot.set(ak, id);
      else uf.union(r, id);
    }
    if (g.toks.length >= 2) {
      const a = acronymOf(clean);
      if (a.length >= 3) {
        let s = acronymCands.get(a.toLowerCase());
        if (!s) acronymCands.set(a.toLowerCase(), (s = new Set()));
        s.add(gid.get(g)!);
      }
    }
    const sk = g.toks.map((t) => t[0] + skeleton(t)).join(' ');
    if (g.key.replace(/ /g, '').length >= 5) {
      let l = skelBuckets.get(g.type + '|' + sk);
      if (!l) skelBuckets.set(g.type + '|' + sk, (l = []));
      l.push(g);
    }
  }
  for (const g of glist) {
    if (g.type === 'person' || g.toks.length !== 1) continue;
    const clean = g.mentions[0].clean.replace(/\./g, '');
    if (clean.length < 3 || clean !== clean.toUpperCase()) continue;
    const cands = acronymCands.get(g.key);
    if (!cands) continue;
    const roots = new Set([...cands].map((c) => uf.find(c)));
    if (roots.size === 1) uf.union(gid.get(g)!, [...roots][0]);
  }
  for (const l of skelBuckets.values()) {
    if (l.length > MAX_BUCKET) l.length = MAX_BUCKET;
    for (let i = 0; i < l.length; i++) for (let j = i + 1; j < l.length; j++) {
      const a = l[i].toks, b = l[j].toks;
      if (a.length === b.length && a.every((t, k) => translitEqual(t, b[k]))) uf.union(gid.get(l[i])!, gid.get(l[j])!);
    }
  }

  // 6. assemble clusters
  const clusters = new Map<number, NM[]>();
  for (const m of all) {
    const root = mentionCluster.has(m) ? uf.find(mentionCluster.get(m)!) : uf.find(gid.get(groupOf.get(m)!)!);
    let l = clusters.get(root);
    if (!l) clusters.set(root, (l = []));
    l.push(m);
  }
  const fileRank = new Map(fileNames.map((f, i) => [f, i]));
  const out: Entity[] = [];
  const usedIds = new Map<string, number>();
  for (const ms of clusters.values()) {
    ms.sort((a, b) => fileRank.get(a.file)! - fileRank.get(b.file)! || a.start - b.start);
    const tv: Record<T3, number> = { person: 0, organization: 0, place: 0 };
    for (const m of ms) tv[mentionType.get(m) ?? groupOf.get(m)!.type]++;
    let type: T3 = 'person';
    for (const t of TYPE_ORDER) if (tv[t] > tv[type]) type = t;
    // aliases
    const ac = new Map<string, number>();
    for (const m of ms) ac.set(m.clean, (ac.get(m.clean) ?? 0) + 1);
    const aliases = [...ac].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
    // canonical name: alias-table name if present, else most tokens > most frequent > longest (acronyms lose)
    const nTok = (s: string) => s.split(' ').length;
    const isAcro = (s: string) => s.replace(/[.\s]/g, '').length <= 6 && s.replace(/\./g, '') === s.replace(/\./g, '').toUpperCase();
    let name = aliases[0].text;
    let bestScore = -Infinity;
    for (const a of aliases) {
      const score = (isAcro(a.text) ? -1000 : 0) + nTok(a.text) * 100 + Math.min(a.count, 99) + a.text.length / 1000;
      if (score > bestScore) { bestScore = score; name = a.text; }
    }
    // roles
    const rc = new Map<string, { text: string; count: number }>();
    for (const m of ms) if (m.title) {
      const t = straighten(m.title);
      const k = t.toLowerCase();
      const r = rc.get(k);
      if (r) r.count++;
      else rc.set(k, { text: t, count: 1 });
    }
    let role: string | null = null;
    let rcount = 0;
    for (const r of rc.values()) if (r.count > rcount) { rcount = r.count; role = r.text; }
    // first full-name mention
    const full = ms.find((m) => m.clean === name) ?? ms.find((m) => nTok(m.clean) >= 2) ?? ms[0];
    let id = `${type}:${name.toLowerCase()}`;
    const n = usedIds.get(id) ?? 0;
    usedIds.set(id, n + 1);
    if (n > 0) id += `#${n + 1}`;
    out.push({
      id,
      name,
      type,
      role,
      aliases,
      spellings: spellingVariants(aliases),
      mentions: ms.map((m) => ({ file: m.file, start: m.start, end: m.end, text: m.text })),
      first: { file: full.file, start: full.start, end: full.end },
    });
  }
  out.sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
  return out;
}

function foldForm(s: string): string {
  return keyTokens(s).join(' ');
}

/** Aliases that spell the same full form differently (see Entity.spellings). */
function spellingVariants(aliases: Array<{ text: string; count: number }>): Array<{ text: string; count: number }> {
  const inVariant = new Set<string>();
  for (let i = 0; i < aliases.length; i++) for (let j = i + 1; j < aliases.length; j++) {
    const a = aliases[i].text, b = aliases[j].text;
    const fa = foldForm(a), fb = foldForm(b);
    let variant = false;
    const caps = (x: string) => x.replace(/[^\p{L}]/gu, '').length > 4 && x === x.toUpperCase();
    if (fa === fb) variant = !caps(a) && !caps(b); // case, particles, periods (not ALL-CAPS datelines)
    else {
      const ta = fa.split(' '), tb = fb.split(' ');
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
