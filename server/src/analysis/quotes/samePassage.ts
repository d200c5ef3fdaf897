// Whether two quotations print (part of) the same words. Families link whole utterances ("A," he
// said. "B."), so one utterance's family also holds the other sentences printed around it; a
// reader asking for the references of one quotation wants the copies of that quotation.
import { alignShorter } from './align';

/** Words in a row two quotations must share, or all of the shorter one when it is shorter. */
export const SHARED_RUN = 4;

/**
 * `a` and `b` are canonical word lists (see canonicalize). True when they share SHARED_RUN words in a
 * row (all of a shorter one), or when the shorter aligns over the longer as closely as the quote index
 * requires to link two spans (at least 5 words in order and 75% of the shorter, or 12 and 60%):
 * scattered small edits.
 */
export function sharesPassage(a: readonly string[], b: readonly string[]): boolean {
  const ids = new Map<string, number>();
  const idsOf = (words: readonly string[]) => words.map((w) => {
    let id = ids.get(w);
    if (id === undefined) ids.set(w, (id = ids.size));
    return id;
  });
  return sharesPassageIds(idsOf(a), idsOf(b));
}

/** The same over word ids (equal words, equal ids), as the quote index keeps them. */
export function sharesPassageIds(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 0) return false;
  const run = Math.min(SHARED_RUN, short.length);
  // Runs of the shorter by a hash of their ids (verified on a hit), then the longer's runs looked up.
  const starts = new Map<number, number>();
  for (let i = 0; i + run <= short.length; i++) starts.set(runHash(short, i, run), i);
  for (let i = 0; i + run <= long.length; i++) {
    const at = starts.get(runHash(long, i, run));
    if (at !== undefined && sameRun(short, at, long, i, run)) return true;
  }
  if (short.length < 5) return false;
  const { matches, coverage } = alignShorter(short, long);
  return matches >= 5 && (coverage >= 0.75 || (matches >= 12 && coverage >= 0.6));
}

function runHash(s: ArrayLike<number>, i: number, run: number): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < run; k++) h = Math.imul(h ^ s[i + k], 0x01000193);
  return h;
}

function sameRun(a: ArrayLike<number>, i: number, b: ArrayLike<number>, j: number, run: number): boolean {
  for (let k = 0; k < run; k++) if (a[i + k] !== b[j + k]) return false;
  return true;
}
