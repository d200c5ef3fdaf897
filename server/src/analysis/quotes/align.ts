// Verification of a candidate link: how much of the shorter quote can be laid, in order and
// compactly, over some stretch of the longer one. Semi-global alignment on token ids: the
// shorter sequence is aligned end to end, the longer one may start and stop anywhere.

export interface Alignment {
  /** Tokens of the shorter sequence matched exactly on the best path. */
  matches: number;
  /** matches / length of the shorter sequence. */
  coverage: number;
}

const MATCH = 2;
const GAP = -1; // a skipped token on either side, or a substitution

/** Above this many cells the quadratic alignment is replaced by an ordered-run estimate. */
const MAX_CELLS = 250_000;

export function alignShorter(a: ArrayLike<number>, b: ArrayLike<number>): Alignment {
  const s = a.length <= b.length ? a : b;
  const l = s === a ? b : a;
  const n = s.length;
  const m = l.length;
  if (n === 0) return { matches: 0, coverage: 0 };
  if (n * m > MAX_CELLS) return greedy(s, l);

  let prevScore = new Int32Array(m + 1); // free start anywhere in the longer sequence
  let prevMatch = new Int32Array(m + 1);
  let curScore = new Int32Array(m + 1);
  let curMatch = new Int32Array(m + 1);
  for (let i = 1; i <= n; i++) {
    const si = s[i - 1];
    curScore[0] = GAP * i;
    curMatch[0] = 0;
    for (let j = 1; j <= m; j++) {
      const same = si === l[j - 1];
      let best = prevScore[j - 1] + (same ? MATCH : GAP);
      let bestMatch = prevMatch[j - 1] + (same ? 1 : 0);
      const up = prevScore[j] + GAP;
      if (up > best || (up === best && prevMatch[j] > bestMatch)) {
        best = up;
        bestMatch = prevMatch[j];
      }
      const left = curScore[j - 1] + GAP;
      if (left > best || (left === best && curMatch[j - 1] > bestMatch)) {
        best = left;
        bestMatch = curMatch[j - 1];
      }
      curScore[j] = best;
      curMatch[j] = bestMatch;
    }
    [prevScore, curScore] = [curScore, prevScore];
    [prevMatch, curMatch] = [curMatch, prevMatch];
  }
  let bestScore = -Infinity;
  let matches = 0;
  for (let j = 0; j <= m; j++) {
    if (prevScore[j] > bestScore || (prevScore[j] === bestScore && prevMatch[j] > matches)) {
      bestScore = prevScore[j];
      matches = prevMatch[j];
    }
  }
  return { matches, coverage: matches / n };
}

/** Very long quotes: count shorter-side tokens found in order in the longer side (a lower bound on LCS). */
function greedy(s: ArrayLike<number>, l: ArrayLike<number>): Alignment {
  const positions = new Map<number, number[]>();
  for (let j = 0; j < l.length; j++) {
    const list = positions.get(l[j]);
    if (list) list.push(j);
    else positions.set(l[j], [j]);
  }
  let at = -1;
  let matches = 0;
  for (let i = 0; i < s.length; i++) {
    const list = positions.get(s[i]);
    if (!list) continue;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid] <= at) lo = mid + 1;
      else hi = mid;
    }
    if (lo < list.length && list[lo] - at <= 8) {
      at = list[lo];
      matches++;
    }
  }
  return { matches, coverage: matches / s.length };
}
