// Cross-file quote families. Each quote span is a unit; the spans of one utterance ("A," he
// said. "B") also carry the utterance's concatenated text, so a statement one outlet splits and
// another prints whole still matches. Candidates come from hashed shingles of content words and
// are linked only after an alignment check. Families are carved around their most complete
// members so a short fragment cannot chain two unrelated quotes.
//
// Linking is lazy and incremental:
// - Whether two units link (`verify`) depends only on the two units, which never change (an edit
//   replaces a file's units). So a verified link, or an alignment that failed, is remembered on
//   both units for as long as both live, and is never recomputed.
// - setFile / removeFile only (un)post the file's units — O(shingles of that file) — and bump the
//   epoch that dates every derived answer; utterances printed exactly as before keep their units.
// - Families are carved greedily in completeness order (longest utterance, then longest span):
//   the first anchor, in that order, that links with a unit and agrees on the speaker claims it;
//   a unit nobody claims anchors its own family. Every member thus verifies against its anchor,
//   and a short fragment cannot chain two statements. familyOf evaluates this rule locally —
//   only toward more complete neighbours, then the anchor's own neighbours — memoized per epoch,
//   so its cost depends on the family and its neighbours, not on the corpus or on how far
//   fragments chain statements together.
// - families() evaluates the rule for every unit, reusing the memo and the link cache.
// - Identical texts are candidates of each other through the `exact` lists.

import { alignShorter } from './align';
import { sharesPassageIds } from './samePassage';
import { canonicalTokens } from './canonicalize';
import { hashHex } from './hash';
import { FamilyMember, QuoteFamily, StoredQuote } from './types';

/** Content words per shingle: articles and other function words are left out so "the suffering of the Syrian people" and "suffering of Syrian people" shingle alike. */
const SHINGLE = 3;
/** Units carved between two yields of carveInSteps (a few milliseconds of work). */
const CARVE_STEP = 8;
/** Shingles shared by more units than this are too common to propose candidates ("the united states"). */
const POSTING_CAP = 256;
/** Quotes this short link only on an identical canonical text and an agreeing, named speaker. */
const SHORT = 3;

const FUNCTION_WORDS = new Set(
  `the a an of to in on at and or but is are was were be been being it its this that these those for with as by
   from we i you he she they our their his her us me my will would can could has have had do does did so if than
   then there here what which who whom whose just very also about into out up all any some such`.split(/\s+/),
);

/** The whole utterance a span belongs to; shared by its spans. */
interface Utterance {
  ids: Ids;
  hash: number;
  spans: number;
  /** Shingle hashes (distinct). */
  shingles: Ids;
}

interface Unit {
  seq: number;
  /** Completeness, higher first: utterance length, then span length, then first indexed (see rankOf). */
  rank: number;
  file: string;
  /** Index into the file's quotes. */
  quote: number;
  text: string;
  start: number;
  end: number;
  /** Token ids of the span (the utterance's own array for single-span utterances). */
  ids: Ids;
  hash: number;
  utt: Utterance;
  speakerName: string | null;
  speakerKey: string | null;
  alive: boolean;
  /** Units known to link with this one (kept on both sides; dead ones are removed with their file). */
  links: Unit[];
  /** Units whose alignment with this one failed (kept on both sides, like links). */
  misses: Unit[] | null;
  /** Memo, valid while epoch === the index's epoch: the anchor that claims this unit (itself when none). */
  epoch: number;
  anchor: Unit | null;
  /** As an anchor, valid in downEpoch: linked units after it in completeness order, in that order. */
  downEpoch: number;
  down: Unit[] | null;
  /** As an anchor, valid in viewEpoch (and until a member's offsets move): its family. */
  viewEpoch: number;
  view: QuoteFamily | null;
  /** Candidate-scan stamp. */
  cmark: number;
}

/** A family as carved: its anchor, its members in completeness order, how many files print it. */
interface CarvedFamily {
  anchor: Unit;
  units: Unit[];
  files: number;
}

interface FileEntry {
  units: Unit[];
  /** quote index -> its unit (undefined for quotes without words). */
  unitOf: Array<Unit | undefined>;
}

type Posting = Unit | Unit[];

/**
 * Word ids and shingle hashes are plain arrays of small integers: a typed array of a dozen
 * elements costs several times their size (its buffer and its backing store).
 */
type Ids = readonly number[];
const NO_SHINGLES: Ids = [];
/** The links of a unit that has none (shared; replaced by its own array on the first link). */
const NO_LINKS: Unit[] = [];

function link(a: Unit, b: Unit): void {
  if (a.links === NO_LINKS) a.links = [b];
  else a.links.push(b);
  if (b.links === NO_LINKS) b.links = [a];
  else b.links.push(a);
}

export class QuoteIndex {
  private readonly files = new Map<string, FileEntry>();
  /** Shingle hash -> units posting it (a single unit is stored bare). */
  private readonly postings = new Map<number, Posting>();
  private readonly dead = new Map<number, number>();
  /** Hash of a span's token ids -> units with that hash (identical texts, up to collisions). */
  private readonly exact = new Map<number, Posting>();
  private readonly vocab = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly speakerKeys = new Map<string, string>();
  private readonly names = new Map<string, string>();
  private seq = 0;
  private cwalk = 0;
  /** Dates memos: bumped whenever a unit comes or goes. */
  private epoch = 0;
  /** Dates family views: bumped on every change (offsets of kept units move too). */
  private viewEpoch = 0;
  private version = 0;
  private familiesCache: { version: number; minFiles: number; result: QuoteFamily[] } | null = null;
  /**
   * The last carving of every family (anchor, members in completeness order), valid while no unit
   * came or went (the epoch): an edit that changes no quotation only moves offsets, and families()
   * then rebuilds the views without carving the corpus again.
   */
  private carving: { epoch: number; groups: CarvedFamily[] } | null = null;
  /** How many times the corpus was carved into families (for tests and benchmarks). */
  carvings = 0;

  /**
   * Replaces a file's quotes (as returned by extractQuotes for it). Quotes without `tokens`
   * (summaries leave them out) are canonicalised from their text here.
   */
  setFile(file: string, quotes: readonly StoredQuote[]): void {
    this.version++;
    const old = this.files.get(file);
    // Utterances printed exactly as before (same words, same spans, same speakers) keep their
    // units: an edit elsewhere in the file only moves offsets and touches no link or family.
    const reusable = new Map<number, Unit[][]>();
    if (old) {
      this.files.delete(file);
      for (const units of utterancesOf(old)) {
        const list = reusable.get(units[0].utt.hash);
        if (list) list.push(units);
        else reusable.set(units[0].utt.hash, [units]);
      }
    }
    const entry: FileEntry = { units: [], unitOf: [] };
    this.files.set(file, entry);
    const byUtterance = new Map<number, number[]>();
    const tokens: string[][] = new Array(quotes.length);
    quotes.forEach((q, i) => {
      if (!q) return;
      const words = (tokens[i] = q.tokens ?? canonicalTokens(q.text));
      if (words.length === 0) return;
      const list = byUtterance.get(q.utterance);
      if (list) list.push(i);
      else byUtterance.set(q.utterance, [i]);
    });
    const fresh: Unit[] = [];
    for (const spans of byUtterance.values()) {
      const utt = this.makeUtterance(tokens, spans);
      const olds = reusable.get(utt.hash);
      const k = olds ? olds.findIndex((units) => sameUtterance(units, quotes, tokens, spans, utt)) : -1;
      if (k >= 0) {
        const same = olds![k];
        olds!.splice(k, 1);
        spans.forEach((i, j) => {
          const unit = same[j];
          const q = quotes[i];
          unit.quote = i;
          unit.text = textOf(q);
          unit.start = q.start;
          unit.end = q.end;
          entry.units.push(unit);
          entry.unitOf[i] = unit;
        });
        continue;
      }
      this.shingle(utt, tokens, spans);
      for (const i of spans) {
        const unit = this.makeUnit(file, quotes[i], tokens[i], i, utt);
        entry.units.push(unit);
        entry.unitOf[i] = unit;
        fresh.push(unit);
      }
    }
    const gone: Unit[] = [];
    for (const list of reusable.values()) for (const units of list) gone.push(...units);
    if (gone.length || fresh.length) {
      this.bumpEpoch();
      this.viewEpoch++;
    } else {
      // Only offsets moved: just the families holding this file's units show anything new. A view
      // built in this epoch settled the anchor of each of its members, so those anchors are known.
      for (const unit of entry.units) if (unit.epoch === this.epoch && unit.anchor) unit.anchor.view = null;
    }
    this.retire(gone);
    for (const unit of fresh) this.post(unit);
    for (const unit of fresh) this.linkPopular(unit);
  }

  removeFile(file: string): void {
    const entry = this.files.get(file);
    if (!entry) return;
    this.version++;
    this.viewEpoch++;
    this.bumpEpoch();
    this.files.delete(file);
    this.retire(entry.units);
  }

  private retire(units: Unit[]): void {
    for (const unit of units) {
      unit.alive = false;
      unit.anchor = null;
      unit.down = null;
      unit.view = null;
    }
    for (const unit of units) {
      this.unpost(unit);
      for (const other of unit.links) removeFrom(other.links, unit);
      if (unit.misses) for (const other of unit.misses) if (other.misses) removeFrom(other.misses, unit);
      unit.links = NO_LINKS;
      unit.misses = null;
    }
  }

  /** The family of a file's quote, or undefined when it is unknown or matches nothing else. */
  familyOf(file: string, quoteIndexInFile: number): QuoteFamily | undefined {
    const unit = this.files.get(file)?.unitOf[quoteIndexInFile];
    if (!unit) return undefined;
    const anchor = this.anchorOf(unit);
    const members = this.membersOf(anchor);
    return members.some((u) => u.utt !== unit.utt) ? this.view(anchor, members) : undefined;
  }

  /**
   * The family of one quotation narrowed to its copies: the members that print (part of) its words
   * (see sharesPassage). A family links whole utterances, and the sentences printed around a
   * quotation are not copies of it. Undefined when no other file prints it.
   */
  copiesOf(file: string, quoteIndexInFile: number): QuoteFamily | undefined {
    const family = this.familyOf(file, quoteIndexInFile);
    const unit = this.files.get(file)?.unitOf[quoteIndexInFile];
    if (!family || !unit) return undefined;
    const members = family.members.filter((m) => {
      if (m.file === file && m.quote === quoteIndexInFile) return true;
      const other = this.files.get(m.file)?.unitOf[m.quote];
      return !!other && sharesPassageIds(unit.ids, other.ids);
    });
    return members.some((m) => m.file !== file) ? { ...family, members } : undefined;
  }

  /** Families with members in at least minFiles distinct files, largest first. */
  families(minFiles = 2): QuoteFamily[] {
    const min = Math.max(1, minFiles);
    const cached = this.familiesCache;
    if (cached && cached.version === this.version && cached.minFiles === min) return cached.result.slice();
    const groups = this.carving?.epoch === this.epoch ? this.carving.groups : this.carve();
    const out: QuoteFamily[] = [];
    for (const { anchor, units, files } of groups) if (files >= min) out.push(this.view(anchor, units));
    out.sort((a, b) => b.members.length - a.members.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.familiesCache = { version: this.version, minFiles: min, result: out };
    return out.slice();
  }

  /**
   * families() in steps, for callers that must stay responsive (the server's status count and the
   * corpus panel): yields between slices of the carving; returns undefined when the quotations
   * changed meanwhile (ask again).
   */
  *familiesInSteps(minFiles = 2): Generator<void, QuoteFamily[] | undefined> {
    const cached = this.familiesCache;
    const answered = cached && cached.version === this.version && cached.minFiles === Math.max(1, minFiles);
    if (!answered && this.carving?.epoch !== this.epoch && !(yield* this.carveInSteps())) return undefined;
    return this.families(minFiles);
  }

  /** Every family of the corpus: the greedy rule run once over all units, in completeness order. */
  private carve(): CarvedFamily[] {
    const steps = this.carveInSteps();
    for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value!;
  }

  /**
   * carve() in steps: yields every CARVE_STEP units so a caller can answer other requests between
   * them (about a second at 10,000 articles). Returns undefined when a quotation came or went
   * meanwhile (the units it started from may be gone): the caller starts again.
   */
  private *carveInSteps(): Generator<void, CarvedFamily[] | undefined> {
    const epoch = this.epoch;
    // Only anchors scan their neighbours; claimed units are settled by the anchor that claims them.
    const all: Unit[] = [];
    for (const entry of this.files.values()) for (const unit of entry.units) all.push(unit);
    all.sort(byCompleteness);
    for (let i = 0; i < all.length; i++) {
      if (i % CARVE_STEP === CARVE_STEP - 1) {
        yield;
        if (this.epoch !== epoch) return undefined;
      }
      const a = all[i];
      if (a.epoch === this.epoch && a.anchor) {
        if (a.anchor !== a) continue;
      } else {
        a.anchor = a;
        a.epoch = this.epoch;
      }
      let key = a.speakerKey;
      // Units already settled elsewhere are skipped; those settled here (by an earlier familyOf) still set the speaker.
      const down = this.neighbours(a, true).filter(
        (v) => v.rank < a.rank && !(v.epoch === this.epoch && v.anchor && v.anchor !== a) && !(key && v.speakerKey && v.speakerKey !== key),
      );
      // With the anchor's own speaker the family's is fixed and the order of claims does not matter.
      if (!key) down.sort(byCompleteness);
      for (const w of down) {
        if (w.epoch === this.epoch && w.anchor === a) {
          key ??= w.speakerKey;
          continue;
        }
        if (key && w.speakerKey && key !== w.speakerKey) continue;
        if (!this.linked(a, w)) continue;
        w.anchor = a;
        w.epoch = this.epoch;
        key ??= w.speakerKey;
      }
    }
    const byAnchor = new Map<Unit, Unit[]>();
    for (const unit of all) {
      const list = byAnchor.get(unit.anchor!);
      if (list) list.push(unit);
      else byAnchor.set(unit.anchor!, [unit]);
    }
    const groups: CarvedFamily[] = [];
    for (const [anchor, units] of byAnchor) {
      if (units.length < 2 || units.every((m) => m.utt === anchor.utt)) continue;
      units.sort(byCompleteness);
      groups.push({ anchor, units, files: new Set(units.map((u) => u.file)).size });
    }
    this.carving = { epoch: this.epoch, groups };
    this.carvings++;
    return groups;
  }

  /** A unit came or went: every memo dated by the epoch is stale, and the carving holds dead units. */
  private bumpEpoch(): void {
    this.epoch++;
    this.carving = null;
  }

  // --- units and postings -------------------------------------------------------------

  private makeUtterance(tokens: string[][], spans: number[]): Utterance {
    // Sized up front: an array grown by push keeps up to half again its length in spare slots, and
    // the corpus's utterances hold about a million word ids (~9 MB of slack at 10k articles).
    let total = 0;
    for (const i of spans) total += tokens[i].length;
    const ids: number[] = new Array(total);
    let k = 0;
    for (const i of spans) for (const t of tokens[i]) ids[k++] = this.intern(t);
    return { ids, hash: hashIds(ids), spans: spans.length, shingles: NO_SHINGLES };
  }

  private shingle(utt: Utterance, tokens: string[][], spans: number[]): void {
    const content: number[] = [];
    let k = 0;
    for (const i of spans) {
      for (const t of tokens[i]) {
        if (!FUNCTION_WORDS.has(t)) content.push(utt.ids[k]);
        k++;
      }
    }
    if (content.length < SHINGLE) return;
    const shingles = new Set<number>();
    for (let j = 0; j + SHINGLE <= content.length; j++) {
      // Hash of the word ids (the vocabulary is append-only, so ids are stable for the index's life).
      let h = 0x811c9dc5;
      for (let s = 0; s < SHINGLE; s++) h = Math.imul(h ^ content[j + s], 0x01000193);
      shingles.add(h | 0);
    }
    // A plain array of small integers: far less memory than a typed array of a few elements.
    utt.shingles = Array.from(shingles);
  }

  private makeUnit(file: string, q: StoredQuote, words: string[], i: number, utt: Utterance): Unit {
    const single = utt.spans === 1;
    const ids = single ? utt.ids : words.map((t) => this.intern(t));
    const name = q.speaker ? this.nameOf(q.speaker.name) : null;
    return {
      seq: this.seq,
      rank: rankOf(utt.ids.length, ids.length, this.seq++),
      file,
      quote: i,
      text: textOf(q),
      start: q.start,
      end: q.end,
      ids,
      hash: single ? utt.hash : hashIds(ids),
      utt,
      speakerName: name,
      // An unresolved role ("the company") names no one: it neither confirms nor blocks a link.
      speakerKey: name === null || q.speaker?.kind === 'role' ? null : this.keyOf(name),
      alive: true,
      links: NO_LINKS,
      misses: null,
      epoch: -1,
      anchor: null,
      downEpoch: -1,
      down: null,
      viewEpoch: -1,
      view: null,
      cmark: 0,
    };
  }

  /** One flat copy per speaker name. */
  private nameOf(name: string): string {
    let copy = this.names.get(name);
    if (copy === undefined) {
      copy = own(name);
      this.names.set(copy, copy);
    }
    return copy;
  }

  private keyOf(name: string): string {
    let key = this.speakerKeys.get(name);
    if (key === undefined) {
      key = speakerKey(name);
      this.speakerKeys.set(name, key);
    }
    return key;
  }

  private intern(word: string): number {
    let id = this.vocab.get(word);
    if (id === undefined) {
      id = this.words.length;
      const copy = own(word);
      this.vocab.set(copy, id);
      this.words.push(copy);
    }
    return id;
  }

  private post(unit: Unit): void {
    if (unit.utt.ids.length > SHORT) {
      for (const h of unit.utt.shingles) {
        const p = this.postings.get(h);
        if (p === undefined) {
          this.postings.set(h, unit);
          continue;
        }
        let list: Unit[];
        if (Array.isArray(p)) list = p;
        else this.postings.set(h, (list = [p]));
        list.push(unit);
      }
    }
    const p = this.exact.get(unit.hash);
    if (p === undefined) this.exact.set(unit.hash, unit);
    else {
      let list: Unit[];
      if (Array.isArray(p)) list = p;
      else this.exact.set(unit.hash, (list = [p]));
      list.push(unit);
    }
  }

  private unpost(unit: Unit): void {
    if (unit.utt.ids.length > SHORT) {
      for (const h of unit.utt.shingles) {
        const p = this.postings.get(h);
        if (p === undefined) continue;
        if (!Array.isArray(p)) {
          if (p === unit) this.postings.delete(h);
          continue;
        }
        const list = p;
        if (list.length <= POSTING_CAP + 1) {
          removeFrom(list, unit);
          if (list.length === 1) this.postings.set(h, list[0]);
          continue;
        }
        // Long lists are compacted in bulk once half of them is dead, keeping removal cheap.
        const dead = (this.dead.get(h) ?? 0) + 1;
        if (dead * 2 > list.length) {
          const live = list.filter((u) => u.alive);
          if (live.length > 1) this.postings.set(h, live);
          else if (live.length === 1) this.postings.set(h, live[0]);
          else this.postings.delete(h);
          this.dead.delete(h);
        } else {
          this.dead.set(h, dead);
        }
      }
    }
    const p = this.exact.get(unit.hash);
    if (p === undefined) return;
    if (!Array.isArray(p)) {
      if (p === unit) this.exact.delete(unit.hash);
      return;
    }
    removeFrom(p, unit);
    if (p.length === 1) this.exact.set(unit.hash, p[0]);
  }

  /** Live units of a posting list, as counted against the cap. */
  private liveLength(h: number, list: Unit[]): number {
    return list.length - (this.dead.get(h) ?? 0);
  }

  /** Units sharing a posting list of at most POSTING_CAP units with this one: a symmetric relation. */
  private candidates(unit: Unit): Unit[] {
    const out: Unit[] = [];
    const stamp = ++this.cwalk;
    unit.cmark = stamp;
    if (unit.utt.ids.length <= SHORT) return out;
    for (const h of unit.utt.shingles) {
      const p = this.postings.get(h);
      if (p === undefined || !Array.isArray(p)) continue;
      if (this.liveLength(h, p) > POSTING_CAP) continue;
      for (const other of p) {
        if (other.cmark !== stamp && other.alive) {
          other.cmark = stamp;
          out.push(other);
        }
      }
    }
    return out;
  }

  /**
   * A quote printed everywhere has only popular shingles; its rarest one still finds family. Those
   * links are resolved once, when the unit is posted, and kept on both sides like any other, so
   * the relation stays symmetric (later growth of the lists does not revisit them).
   */
  private linkPopular(unit: Unit): void {
    if (unit.utt.ids.length <= SHORT || unit.utt.shingles.length === 0) return;
    let rarest: Unit[] | null = null;
    let rarestLength = Infinity;
    for (const h of unit.utt.shingles) {
      const p = this.postings.get(h);
      const live = p === undefined ? 0 : Array.isArray(p) ? this.liveLength(h, p) : 1;
      if (live <= POSTING_CAP) return;
      if (live < rarestLength) {
        rarest = p as Unit[];
        rarestLength = live;
      }
    }
    if (!rarest) return;
    let taken = 0;
    for (const other of rarest) {
      if (taken >= POSTING_CAP) break;
      if (other === unit || !other.alive) continue;
      taken++;
      // Identical texts are linked as a class; the unit is new, so no link to it exists yet.
      if ((other.hash === unit.hash && equalIds(other.ids, unit.ids)) || !verify(unit, other)) continue;
      link(unit, other);
    }
  }

  /** Whether two units link, remembering the answer when it took an alignment. */
  private linked(a: Unit, b: Unit): boolean {
    const [few, many] = a.links.length <= b.links.length ? [a, b] : [b, a];
    if (few.links.includes(many)) return true;
    if (a.misses && b.misses && (a.misses.length <= b.misses.length ? a.misses.includes(b) : b.misses.includes(a))) return false;
    aligned = false;
    const ok = verify(a, b);
    if (ok && aligned) {
      link(a, b);
    } else if (aligned) {
      (a.misses ??= []).push(b);
      (b.misses ??= []).push(a);
    }
    return ok;
  }

  // --- families -----------------------------------------------------------------------

  /** Candidates plus remembered links plus identical texts: the units this one may link with. */
  private neighbours(unit: Unit, identical: boolean): Unit[] {
    const out = this.candidates(unit);
    const stamp = this.cwalk; // candidates() stamped the unit and what it returned
    for (const v of unit.links) {
      if (v.cmark !== stamp && v.alive) {
        v.cmark = stamp;
        out.push(v);
      }
    }
    if (identical) {
      for (const list of this.peerLists(unit)) {
        for (const v of list) {
          if (v.cmark !== stamp && v.alive && equalIds(v.ids, unit.ids)) {
            v.cmark = stamp;
            out.push(v);
          }
        }
      }
    }
    return out;
  }

  /** The unit's identical-text class, as the per-speaker lists whose members it can link with (verify on identical texts depends only on the speakers). */
  private peerLists(unit: Unit): Unit[][] {
    const p = this.exact.get(unit.hash);
    if (p === undefined || !Array.isArray(p)) return [];
    const short = unit.ids.length <= SHORT && unit.utt.spans === 1;
    if (short && !unit.speakerKey) return [];
    const byKey = this.sortedClass(p);
    const lists: Unit[][] = [];
    if (!unit.speakerKey) for (const l of byKey.values()) lists.push(l);
    else {
      const same = byKey.get(unit.speakerKey);
      if (same) lists.push(same);
      const none = short ? undefined : byKey.get(null);
      if (none) lists.push(none);
    }
    return lists;
  }

  /** The anchor whose family claims the unit: the first anchor, in completeness order, that links and agrees. */
  private anchorOf(unit: Unit): Unit {
    if (unit.epoch === this.epoch && unit.anchor) return unit.anchor;
    const rank = unit.rank;
    const before = this.neighbours(unit, false).filter((v) => v.rank > rank);
    before.sort(byCompleteness);
    let anchor = unit;
    for (const a of before) {
      if (a.hash === unit.hash && equalIds(a.ids, unit.ids)) continue; // identical: below
      if (this.claims(a, unit)) {
        anchor = a;
        break;
      }
    }
    // Identical texts, in completeness order, up to the unit itself (or the anchor found above):
    // only those whose speaker can agree (an unattributed short quote links to nothing).
    {
      for (const list of this.peerLists(unit)) {
        for (const a of list) {
          if (a.rank <= anchor.rank || a.rank <= rank) break;
          if (a.alive && equalIds(a.ids, unit.ids) && this.claims(a, unit)) {
            anchor = a;
            break;
          }
        }
      }
    }
    unit.anchor = anchor;
    unit.epoch = this.epoch;
    return anchor;
  }

  /** Whether a (more complete) unit, being an anchor, claims this one. */
  private claims(a: Unit, unit: Unit): boolean {
    if (!this.linked(unit, a) || this.anchorOf(a) !== a) return false;
    const key = this.familyKeyBefore(a, unit);
    return !(key && unit.speakerKey && key !== unit.speakerKey);
  }

  private readonly sortedClasses = new WeakMap<Unit[], { epoch: number; byKey: Map<string | null, Unit[]> }>();

  /** An identical-text list by speaker key, each in completeness order (sorted once per epoch). */
  private sortedClass(list: Unit[]): Map<string | null, Unit[]> {
    const cached = this.sortedClasses.get(list);
    if (cached && cached.epoch === this.epoch) return cached.byKey;
    const byKey = new Map<string | null, Unit[]>();
    for (const u of list.slice().sort(byCompleteness)) {
      const l = byKey.get(u.speakerKey);
      if (l) l.push(u);
      else byKey.set(u.speakerKey, [u]);
    }
    this.sortedClasses.set(list, { epoch: this.epoch, byKey });
    return byKey;
  }

  /** Linked units after the anchor, in completeness order (whether they are members is anchorOf's call). */
  private downOf(anchor: Unit): Unit[] {
    if (anchor.downEpoch === this.epoch && anchor.down) return anchor.down;
    const rank = anchor.rank;
    const down = this.neighbours(anchor, true).filter((v) => v.rank < rank && this.linked(anchor, v));
    down.sort(byCompleteness);
    anchor.down = down;
    anchor.downEpoch = this.epoch;
    return down;
  }

  /** The speaker an anchor's family has when `unit` comes up: the anchor's, else its first named member's. */
  private familyKeyBefore(anchor: Unit, unit: Unit): string | null {
    if (anchor.speakerKey) return anchor.speakerKey;
    for (const w of this.downOf(anchor)) {
      if (w.rank <= unit.rank) break;
      if (w.speakerKey && this.anchorOf(w) === anchor) return w.speakerKey;
    }
    return null;
  }

  /** The anchor's family, anchor first, in completeness order. */
  private membersOf(anchor: Unit): Unit[] {
    const members = [anchor];
    for (const w of this.downOf(anchor)) if (this.anchorOf(w) === anchor) members.push(w);
    return members;
  }

  private view(anchor: Unit, units: Unit[]): QuoteFamily {
    if (anchor.viewEpoch === this.viewEpoch && anchor.view) return anchor.view;
    const members: FamilyMember[] = [];
    const names = new Map<string, number>();
    let familyKey: string | null = null;
    for (const unit of units) familyKey ??= unit.speakerKey;
    for (const unit of units) {
      members.push({ file: unit.file, quote: unit.quote, text: unit.text, start: unit.start, end: unit.end, speaker: unit.speakerName });
      if (unit.speakerName && unit.speakerKey === familyKey) {
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
    const ids = anchor.utt.ids;
    const parts = new Array<string>(ids.length);
    for (let k = 0; k < ids.length; k++) parts[k] = this.words[ids[k]];
    const canonical = parts.join(' ');
    anchor.view = { id: hashHex(canonical), canonical, speaker, members };
    anchor.viewEpoch = this.viewEpoch;
    return anchor.view;
  }
}

/** Completeness order: longest utterance, then longest span, then first indexed. */
function byCompleteness(a: Unit, b: Unit): number {
  return b.rank - a.rank;
}

/** Speakers agree when their last names do: "Rex Tillerson" and "Tillerson". */
export function speakerKey(name: string): string {
  const words = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’]s\b/g, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words[words.length - 1] ?? name.toLowerCase();
}

/** The units of a file grouped by utterance, spans in order. */
function utterancesOf(entry: FileEntry): Unit[][] {
  const byUtt = new Map<Utterance, Unit[]>();
  for (const unit of entry.units) {
    const list = byUtt.get(unit.utt);
    if (list) list.push(unit);
    else byUtt.set(unit.utt, [unit]);
  }
  return [...byUtt.values()];
}

/**
 * A flat copy of a string. Quote texts are slices of the document, and V8 keeps a slice of 13 or
 * more characters as a pointer into the whole text: held by the index, it would keep every
 * indexed article alive after the file's analysis has dropped it.
 */
function own(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/**
 * The text a unit keeps: a quote straight from extractQuotes (it has its tokens) holds a slice
 * of the document, copied by own(); a summary's quote (no tokens) came through a worker
 * message or the cache, so its text is already a string of its own and is shared, not copied.
 */
function textOf(q: StoredQuote): string {
  return q.tokens === undefined ? q.text : own(q.text);
}

/** Whether a file's old utterance is printed again exactly: same spans, same words, same speakers. */
function sameUtterance(units: Unit[], quotes: readonly StoredQuote[], tokens: string[][], spans: number[], utt: Utterance): boolean {
  if (units.length !== spans.length || !equalIds(units[0].utt.ids, utt.ids)) return false;
  for (let j = 0; j < spans.length; j++) {
    const q = quotes[spans[j]];
    if (units[j].ids.length !== tokens[spans[j]].length) return false;
    if ((q.speaker ? q.speaker.name : null) !== units[j].speakerName) return false;
  }
  return true;
}

/** Completeness as one number (higher first): utterance length, then span length, then earlier seq. */
function rankOf(uttLength: number, spanLength: number, seq: number): number {
  return Math.min(uttLength, 8191) * 2 ** 40 + Math.min(spanLength, 16383) * 2 ** 26 + (2 ** 26 - 1 - (seq % 2 ** 26));
}

function hashIds(ids: Ids): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < ids.length; k++) h = Math.imul(h ^ ids[k], 0x01000193);
  return h | 0;
}

function equalIds(a: Ids, b: Ids): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** Whether two spans print the same statement, as spans or as the utterances they belong to. Symmetric. */
function verify(x: Unit, y: Unit): boolean {
  // A fixed argument order keeps the (nearly symmetric) alignment exactly symmetric.
  const a = x.seq < y.seq ? x : y;
  const b = a === x ? y : x;
  if (a.speakerKey && b.speakerKey && a.speakerKey !== b.speakerKey) return false;
  if (same(a.ids, a.hash, b.ids, b.hash, a.speakerKey, b.speakerKey)) return true;
  if (a.utt.spans === 1 && b.utt.spans === 1) return false;
  if (a.utt === b.utt) return true;
  return same(a.utt.ids, a.utt.hash, b.utt.ids, b.utt.hash, a.speakerKey, b.speakerKey);
}

function same(a: Ids, ha: number, b: Ids, hb: number, ka: string | null, kb: string | null): boolean {
  const shorter = Math.min(a.length, b.length);
  const identical = ha === hb && equalIds(a, b);
  if (shorter <= SHORT) return identical && !!ka && ka === kb;
  if (identical) return true;
  // A four- or five-word fragment of a longer quote is common phrasing unless a named speaker agrees.
  if (shorter <= 5) {
    if (!ka || ka !== kb) return false;
    if (sharedBound(a, b) < shorter) return false;
    if (contains(a, b)) return true;
    aligned = true;
    return alignShorter(a, b).coverage === 1;
  }
  // The multiset of shared words bounds the aligned matches: most candidates stop here.
  const bound = sharedBound(a, b);
  if (bound < 5 || !(bound >= 0.75 * shorter || (bound >= 12 && bound >= 0.6 * shorter))) return false;
  // A clause, a split half or a headline fragment is a contiguous run of the longer text: full coverage.
  if (bound === shorter && contains(a, b)) return true;
  aligned = true;
  const { matches, coverage } = alignShorter(a, b);
  return matches >= 5 && (coverage >= 0.75 || (matches >= 12 && coverage >= 0.6));
}

/** Whether the shorter sequence occurs contiguously in the longer (the alignment then matches all of it). */
function contains(a: Ids, b: Ids): boolean {
  const s = a.length <= b.length ? a : b;
  const l = s === a ? b : a;
  const n = s.length;
  const first = s[0];
  for (let j = 0; j + n <= l.length; j++) {
    if (l[j] !== first) continue;
    let k = 1;
    while (k < n && l[j + k] === s[k]) k++;
    if (k === n) return true;
  }
  return false;
}

/** Set when the last verify needed an alignment (its answer is worth remembering). */
let aligned = false;

// Scratch counters indexed by word id, reset by stamping.
let countOf = new Int32Array(1 << 16);
let stampOf = new Int32Array(1 << 16);
let countStamp = 0;

/** Σ over words of min(occurrences in a, occurrences in b): an upper bound on aligned matches. */
function sharedBound(a: Ids, b: Ids): number {
  const s = a.length <= b.length ? a : b;
  const l = s === a ? b : a;
  let max = 0;
  for (let k = 0; k < l.length; k++) if (l[k] > max) max = l[k];
  if (max >= countOf.length) {
    const size = Math.max(max + 1, countOf.length * 2);
    countOf = new Int32Array(size);
    stampOf = new Int32Array(size);
    countStamp = 0;
  }
  if (++countStamp === 0x7fffffff) {
    stampOf.fill(0);
    countStamp = 1;
  }
  const st = countStamp;
  for (let k = 0; k < l.length; k++) {
    const t = l[k];
    if (stampOf[t] !== st) {
      stampOf[t] = st;
      countOf[t] = 1;
    } else countOf[t]++;
  }
  let n = 0;
  for (let k = 0; k < s.length; k++) {
    const t = s[k];
    if (stampOf[t] === st && countOf[t] > 0) {
      countOf[t]--;
      n++;
    }
  }
  return n;
}

function removeFrom(list: Unit[], unit: Unit): void {
  const k = list.indexOf(unit);
  if (k < 0) return;
  list[k] = list[list.length - 1];
  list.pop();
}
