// Helpers for CoNLL-style (token<TAB>BIO-tag) data: reading and entity-level exact-span scoring.
// Used by the training script and the tests; pure string processing, no I/O.

export interface Sentence {
  words: string[];
  tags: string[];
}

export function readConll(text: string): Sentence[] {
  const out: Sentence[] = [];
  let words: string[] = [];
  let tags: string[] = [];
  for (const line of text.split('\n')) {
    const l = line.replace(/\r$/, '');
    if (l.trim() === '') {
      if (words.length) out.push({ words, tags });
      words = [];
      tags = [];
      continue;
    }
    const tab = l.lastIndexOf('\t');
    words.push(l.slice(0, tab));
    tags.push(l.slice(tab + 1));
  }
  if (words.length) out.push({ words, tags });
  return out;
}

/** WikiGold has no official split: blocks of 50 sentences, block % 10 in {7, 8, 9} are held out. */
export function splitWikiGold(sents: Sentence[]): { train: Sentence[]; heldOut: Sentence[] } {
  const train: Sentence[] = [];
  const heldOut: Sentence[] = [];
  sents.forEach((s, i) => (Math.floor(i / 50) % 10 >= 7 ? heldOut : train).push(s));
  return { train, heldOut };
}

export function spansOf(tags: string[]): Array<[number, number, string]> {
  const spans: Array<[number, number, string]> = [];
  let start = -1;
  let type = '';
  for (let i = 0; i <= tags.length; i++) {
    const t = i < tags.length ? tags[i] : 'O';
    const continues = t.startsWith('I-') && t.slice(2) === type && start >= 0;
    if (!continues) {
      if (start >= 0) spans.push([start, i, type]);
      start = -1;
      type = '';
      if (t.startsWith('B-') || t.startsWith('I-')) {
        start = i;
        type = t.slice(2);
      }
    }
  }
  return spans;
}

export interface PRF { tp: number; fp: number; fn: number; p: number; r: number; f: number }
export type Scores = Record<'PER' | 'ORG' | 'LOC' | 'ALL', PRF>;

export function scoreSpans(gold: string[][], pred: string[][]): Scores {
  const cnt: Record<string, { tp: number; fp: number; fn: number }> = {};
  for (const k of ['PER', 'ORG', 'LOC', 'ALL']) cnt[k] = { tp: 0, fp: 0, fn: 0 };
  for (let s = 0; s < gold.length; s++) {
    const g = new Set(spansOf(gold[s]).map((x) => x.join(':')));
    const p = new Set(spansOf(pred[s]).map((x) => x.join(':')));
    for (const x of p) {
      const ty = x.split(':')[2];
      if (!cnt[ty]) continue;
      if (g.has(x)) { cnt[ty].tp++; cnt.ALL.tp++; } else { cnt[ty].fp++; cnt.ALL.fp++; }
    }
    for (const x of g) {
      const ty = x.split(':')[2];
      if (!cnt[ty]) continue;
      if (!p.has(x)) { cnt[ty].fn++; cnt.ALL.fn++; }
    }
  }
  const out = {} as Scores;
  for (const k of ['PER', 'ORG', 'LOC', 'ALL'] as const) {
    const { tp, fp, fn } = cnt[k];
    const p = tp + fp ? tp / (tp + fp) : 0;
    const r = tp + fn ? tp / (tp + fn) : 0;
    out[k] = { tp, fp, fn, p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
  }
  return out;
}

export function formatScores(s: Scores): string {
  const f = (x: PRF) => `${(100 * x.p).toFixed(1)}/${(100 * x.r).toFixed(1)}/${(100 * x.f).toFixed(1)}`;
  return `ALL P/R/F ${f(s.ALL)} | PER ${f(s.PER)} | ORG ${f(s.ORG)} | LOC ${f(s.LOC)}`;
}
