// Whether two quotations print (part of) the same words. Families link whole utterances ("A," he
// said. "B."), so one utterance's family also holds the other sentences printed around it; a
// reader asking for the references of one quotation wants the copies of that quotation.

/** Words in a row two quotations must share, or all of the shorter one when it is shorter. */
export const SHARED_RUN = 4;

/** `a` and `b` are canonical word lists (see canonicalize). Linear in their lengths. */
export function sharesPassage(a: readonly string[], b: readonly string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 0) return false;
  const run = Math.min(SHARED_RUN, short.length);
  const grams = new Set<string>();
  for (let i = 0; i + run <= short.length; i++) grams.add(short.slice(i, i + run).join(' '));
  for (let i = 0; i + run <= long.length; i++) if (grams.has(long.slice(i, i + run).join(' '))) return true;
  return false;
}
