// Cross-file quote families. Each quote span is a unit; the spans of one utterance ("A," he
// said. "B") also carry the utterance's concatenated text, so a statement one outlet splits and
// another prints whole still matches. Candidates come from hashed shingles of content words and
// are linked only after an alignment check. Families are the connected groups of links, split
// around their most complete member so a short fragment cannot chain two unrelated quotes.
// Every update touches only the changed file's postings and the families they belonged to.

import { alignShorter } from './align';
import { fnv1a, hashHex } from './hash';
import { FamilyMember, Quote, QuoteFamily } from './types';

/** Content words per shingle: articles and other function words are left out so "the suffering of the Syrian people" and "suffering of Syrian people" shingle alike. */
const SHINGLE = 3;
/** Shingles shared by more units than this are too common to propose candidates ("the united states"). */
const POSTING_CAP = 256;
/** Candidates verified per new unit, best-sharing first; bounds the cost of very popular quotes. */
const MAX_VERIFY = 32;
/** Links kept per new unit: enough to stay connected when a file goes, few enough that a quote printed by hundreds of outlets costs a handful of alignments. */
const MAX_LINKS = 8;
/** Quotes this short link only on an identical canonical text and an agreeing, named speaker. */
const SHORT = 3;

const FUNCTION_WORDS = new Set(
  `the a an of to in on at and or but is are was were be been being it its this that these those for with as by
   from we i you he she they our their his her us me my will would can could has have had do does did so if than
   then there here what which who whom whose just very also about into out up all any some such`.split(/\s+/),
);

/** The whole utterance a span belongs to; shared by its spans. */
interface Utterance {
  ids: Int32Array;
  canonical: string;
  spans: number;
  shingles: number[];
}

interface Unit {
  seq: number;
  file: string;
  /** Index into the file's quotes. */
  quote: number;
  ids: Int32Array;
  canonical: string;
  utt: Utterance;
  speakerName: string | null;
  speakerKey: string | null;
  alive: boolean;
  links: Set<Unit>;
  family: Family | null;
}

interface Family {
  units: Unit[];
  anchor: Unit;
  speakerKey: string | null;
  view: QuoteFamily | null;
}

interface FileEntry {
  quotes: Quote[];
  units: Unit[];
  /** quote index -> its unit (undefined for quotes without words). */
  unitOf: Array<Unit | undefined>;
}

export class QuoteIndex {
  private readonly files = new Map<string, FileEntry>();
  private readonly postings = new Map<number, Unit[]>();
  private readonly dead = new Map<number, number>();
  private readonly exact = new Map<string, Unit[]>();
  private readonly vocab = new Map<string, number>();
  private seq = 0;

  /** Replaces a file's quotes (as returned by extractQuotes for it). */
  setFile(file: string, quotes: Quote[]): void {
    this.removeFile(file);
    const entry: FileEntry = { quotes: quotes.slice(), units: [], unitOf: new Array(quotes.length) };
    this.files.set(file, entry);
    const byUtterance = new Map<number, number[]>();
    quotes.forEach((q, i) => {
      if (!q || !q.tokens || q.tokens.length === 0) return;
      const list = byUtterance.get(q.utterance);
      if (list) list.push(i);
      else byUtterance.set(q.utterance, [i]);
    });
    for (const spans of byUtterance.values()) {
      const utt = this.makeUtterance(quotes, spans);
      for (const i of spans) {
        const unit = this.makeUnit(file, quotes, i, utt);
        entry.units.push(unit);
        entry.unitOf[i] = unit;
      }
    }
    const touched: Unit[] = [];
    for (const unit of entry.units) this.insert(unit, touched);
    this.invalidate(touched);
  }

  removeFile(file: string): void {
    const entry = this.files.get(file);
    if (!entry) return;
    this.files.delete(file);
    const touched: Unit[] = [];
    for (const unit of entry.units) {
      unit.alive = false;
      touched.push(unit);
    }
    // Clear cached families while the removed units still hold their links, then unlink.
    this.invalidate(touched);
    for (const unit of entry.units) {
      for (const other of unit.links) other.links.delete(unit);
      unit.links.clear();
      this.unpost(unit);
    }
  }

  /** The family of a file's quote, or undefined when it is unknown or matches nothing else. */
  familyOf(file: string, quoteIndexInFile: number): QuoteFamily | undefined {
    const unit = this.files.get(file)?.unitOf[quoteIndexInFile];
    if (!unit) return undefined;
    const family = this.familyFor(unit);
    return family.units.some((u) => u.utt !== unit.utt) ? this.view(family) : undefined;
  }

  /** Families with members in at least minFiles distinct files, largest first. */
  families(minFiles = 2): QuoteFamily[] {
    const seen = new Set<Family>();
    const out: QuoteFamily[] = [];
    for (const entry of this.files.values()) {
      for (const unit of entry.units) {
        const family = this.familyFor(unit);
        if (seen.has(family) || family.units.every((u) => u.utt === family.anchor.utt)) continue;
        seen.add(family);
        const files = new Set(family.units.map((u) => u.file));
        if (files.size >= Math.max(1, minFiles)) out.push(this.view(family));
      }
    }
    return out.sort((a, b) => b.members.length - a.members.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  // --- units and postings -------------------------------------------------------------

  private makeUtterance(quotes: Quote[], spans: number[]): Utterance {
    const words: string[] = [];
    for (const i of spans) for (const t of quotes[i].tokens) words.push(t);
    const content = words.filter((w) => !FUNCTION_WORDS.has(w));
    const shingles = new Set<number>();
    for (let k = 0; k + SHINGLE <= content.length; k++) shingles.add(fnv1a(content.slice(k, k + SHINGLE).join(' ')));
    return { ids: this.ids(words), canonical: words.join(' '), spans: spans.length, shingles: [...shingles] };
  }

  private makeUnit(file: string, quotes: Quote[], i: number, utt: Utterance): Unit {
    const q = quotes[i];
    const single = utt.spans === 1;
    return {
      seq: this.seq++,
      file,
      quote: i,
      ids: single ? utt.ids : this.ids(q.tokens),
      canonical: single ? utt.canonical : q.tokens.join(' '),
      utt,
      speakerName: q.speaker ? q.speaker.name : null,
      speakerKey: q.speaker ? speakerKey(q.speaker.name) : null,
      alive: true,
      links: new Set(),
      family: null,
    };
  }

  private ids(words: string[]): Int32Array {
    const ids = new Int32Array(words.length);
    words.forEach((w, k) => (ids[k] = this.intern(w)));
    return ids;
  }

  private intern(word: string): number {
    let id = this.vocab.get(word);
    if (id === undefined) {
      id = this.vocab.size;
      this.vocab.set(word, id);
    }
    return id;
  }

  private insert(unit: Unit, touched: Unit[]): void {
    let linked = 0;
    for (const other of this.candidates(unit)) {
      if (other.utt !== unit.utt && linked >= MAX_LINKS) break;
      if (verify(unit, other)) {
        unit.links.add(other);
        other.links.add(unit);
        touched.push(other);
        if (other.utt !== unit.utt) linked++;
      }
    }
    for (const h of unit.utt.shingles) {
      const list = this.postings.get(h);
      if (list) list.push(unit);
      else this.postings.set(h, [unit]);
    }
    const same = this.exact.get(unit.canonical);
    if (same) same.push(unit);
    else this.exact.set(unit.canonical, [unit]);
  }

  private unpost(unit: Unit): void {
    for (const h of unit.utt.shingles) {
      const list = this.postings.get(h);
      if (!list) continue;
      if (list.length <= POSTING_CAP) {
        removeFrom(list, unit);
        if (!list.length) this.postings.delete(h);
        continue;
      }
      // Long lists are compacted in bulk once half of them is dead, keeping removal cheap.
      const dead = (this.dead.get(h) ?? 0) + 1;
      if (dead * 2 > list.length) {
        const live = list.filter((u) => u.alive);
        if (live.length) this.postings.set(h, live);
        else this.postings.delete(h);
        this.dead.delete(h);
      } else {
        this.dead.set(h, dead);
      }
    }
    const same = this.exact.get(unit.canonical);
    if (same) {
      removeFrom(same, unit);
      if (!same.length) this.exact.delete(unit.canonical);
    }
  }

  private candidates(unit: Unit): Unit[] {
    const shared = new Map<Unit, number>();
    for (const other of this.exact.get(unit.canonical) ?? []) if (other.alive) shared.set(other, 1000);
    if (unit.utt.ids.length > SHORT) {
      const lists: Unit[][] = [];
      for (const h of unit.utt.shingles) {
        const list = this.postings.get(h);
        if (list) lists.push(list);
      }
      lists.sort((a, b) => a.length - b.length);
      let used = 0;
      for (const list of lists) {
        // A quote printed everywhere has only popular shingles; its rarest one still finds family.
        if (list.length > POSTING_CAP && used > 0) break;
        used++;
        const limit = Math.min(list.length, POSTING_CAP);
        for (let k = 0; k < limit; k++) {
          const other = list[k];
          if (other.alive) shared.set(other, (shared.get(other) ?? 0) + 1);
        }
      }
    }
    shared.delete(unit);
    return [...shared.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].seq - b[0].seq)
      .slice(0, MAX_VERIFY)
      .map(([u]) => u);
  }

  // --- families -----------------------------------------------------------------------

  /** Forget the cached families of the units' whole linked groups, one traversal for all. */
  private invalidate(starts: Unit[]): void {
    const seen = new Set<Unit>(starts);
    const stack = starts.slice();
    while (stack.length) {
      const u = stack.pop()!;
      u.family = null;
      for (const v of u.links) {
        if (!seen.has(v)) {
          seen.add(v);
          stack.push(v);
        }
      }
    }
  }

  private familyFor(unit: Unit): Family {
    if (unit.family) return unit.family;
    // The linked group, then families carved out of it around the most complete members.
    const group: Unit[] = [];
    const seen = new Set<Unit>([unit]);
    const stack = [unit];
    while (stack.length) {
      const u = stack.pop()!;
      group.push(u);
      for (const v of u.links) {
        if (!seen.has(v) && v.alive) {
          seen.add(v);
          stack.push(v);
        }
      }
    }
    // The most complete statement anchors: longest utterance, then its longest span.
    group.sort((a, b) => b.utt.ids.length - a.utt.ids.length || b.ids.length - a.ids.length || a.seq - b.seq);
    let rest = group;
    while (rest.length) {
      const anchor = rest[0];
      const family: Family = { units: [anchor], anchor, speakerKey: anchor.speakerKey, view: null };
      anchor.family = family;
      const left: Unit[] = [];
      for (let k = 1; k < rest.length; k++) {
        const u = rest[k];
        const agrees = !family.speakerKey || !u.speakerKey || family.speakerKey === u.speakerKey;
        if (agrees && (anchor.links.has(u) || verify(anchor, u))) {
          family.units.push(u);
          u.family = family;
          family.speakerKey ??= u.speakerKey;
        } else {
          left.push(u);
        }
      }
      rest = left;
    }
    return unit.family!;
  }

  private view(family: Family): QuoteFamily {
    if (family.view) return family.view;
    const members: FamilyMember[] = [];
    const names = new Map<string, number>();
    for (const unit of family.units) {
      const entry = this.files.get(unit.file)!;
      const q = entry.quotes[unit.quote];
      members.push({ file: unit.file, quote: unit.quote, text: q.text, start: q.start, end: q.end, speaker: unit.speakerName });
      if (unit.speakerName && unit.speakerKey === family.speakerKey) {
        names.set(unit.speakerName, (names.get(unit.speakerName) ?? 0) + 1);
      }
    }
    members.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.quote - b.quote));
    // The name most outlets print, the fuller form on a tie ("Rex Tillerson" over "Tillerson").
    let speaker: string | null = null;
    let best = 0;
    for (const [name, count] of names) {
      if (count > best || (count === best && speaker !== null && name.length > speaker.length)) {
        speaker = name;
        best = count;
      }
    }
    const canonical = family.anchor.utt.canonical;
    family.view = { id: hashHex(canonical), canonical, speaker, members };
    return family.view;
  }
}

/** Speakers agree when their last names do: "Rex Tillerson" and "Tillerson". */
export function speakerKey(name: string): string {
  const words = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’]s\b/g, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words[words.length - 1] ?? name.toLowerCase();
}

/** Whether two spans print the same statement, as spans or as the utterances they belong to. */
function verify(a: Unit, b: Unit): boolean {
  if (a.speakerKey && b.speakerKey && a.speakerKey !== b.speakerKey) return false;
  if (same(a.ids, a.canonical, b.ids, b.canonical, a.speakerKey, b.speakerKey)) return true;
  if (a.utt.spans === 1 && b.utt.spans === 1) return false;
  return same(a.utt.ids, a.utt.canonical, b.utt.ids, b.utt.canonical, a.speakerKey, b.speakerKey);
}

function same(a: Int32Array, ca: string, b: Int32Array, cb: string, ka: string | null, kb: string | null): boolean {
  const shorter = Math.min(a.length, b.length);
  const identical = ca === cb;
  if (shorter <= SHORT) return identical && !!ka && ka === kb;
  if (identical) return true;
  const { matches, coverage } = alignShorter(a, b);
  // A four- or five-word fragment of a longer quote is common phrasing unless a named speaker agrees.
  if (shorter <= 5) return coverage === 1 && !!ka && ka === kb;
  return matches >= 5 && (coverage >= 0.75 || (matches >= 12 && coverage >= 0.6));
}

function removeFrom(list: Unit[], unit: Unit): void {
  const k = list.indexOf(unit);
  if (k < 0) return;
  list[k] = list[list.length - 1];
  list.pop();
}
