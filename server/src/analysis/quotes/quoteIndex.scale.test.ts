// Complexity of an edit: setFile on one file + familyOf on one of its quotes must not grow with
// the corpus (issue #8). Synthetic quotes are built directly (no extraction) so 20,000 files
// index in a few seconds: statements grow with the corpus (one event per 40 files, as in
// test/bench/generateCorpus), each printed whole, truncated, edited or split by several files,
// plus stock phrases and scare quotes shared by the whole corpus, which chain statements together.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QuoteIndex } from './quoteIndex';
import { Quote } from './types';

function rng(seed: number): () => number {
  return () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const STOCK = ['we did not come here to argue', 'let me be clear i shall not', 'the inquiry team can no longer wait', 'people on both sides of the border'];
const SCARE = ['unprecedented', 'isolated', 'reckless', 'historic'];

function quote(words: string[], utterance: number, speaker: string | null, at: number): Quote {
  const text = words.join(' ');
  return {
    start: at, end: at + text.length, markStart: at - 1, markEnd: at + text.length + 1, text, canonical: text, tokens: words, utterance,
    speaker: speaker ? { name: speaker, start: 0, end: speaker.length, kind: 'name' } : null,
  };
}

function corpus(files: number, seed = 1): Quote[][] {
  const rand = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const vocab = Array.from({ length: 4000 }, (_, i) => 'w' + i.toString(36));
  const events = Math.max(1, Math.round(files / 40));
  const statements = Array.from({ length: events * 6 }, () => ({
    words: [...pick(STOCK).split(' ').slice(0, rand() < 0.3 ? 6 : 0), ...Array.from({ length: 8 + Math.floor(rand() * 14) }, () => pick(vocab))],
    speaker: 'Speaker' + Math.floor(rand() * 500),
  }));
  const out: Quote[][] = [];
  for (let f = 0; f < files; f++) {
    const event = Math.floor(rand() * events);
    const qs: Quote[] = [];
    let utt = 0;
    for (let k = 0; k < 4; k++) {
      const st = statements[event * 6 + Math.floor(rand() * 6)];
      const r = rand();
      const at = 100 * (k + 1);
      if (r < 0.3) qs.push(quote(st.words, utt++, st.speaker, at));
      else if (r < 0.45) qs.push(quote(st.words.slice(0, Math.max(6, st.words.length >> 1)), utt++, st.speaker, at));
      else if (r < 0.6) {
        const w = st.words.slice();
        w[Math.floor(rand() * w.length)] = pick(vocab);
        qs.push(quote(w, utt++, rand() < 0.5 ? st.speaker : null, at));
      } else if (r < 0.75) {
        const cut = Math.max(3, st.words.length >> 1);
        qs.push(quote(st.words.slice(0, cut), utt, st.speaker, at), quote(st.words.slice(cut), utt++, st.speaker, at + 50));
      } else if (r < 0.85) qs.push(quote(pick(STOCK).split(' '), utt++, null, at));
      else if (r < 0.92) qs.push(quote([pick(SCARE)], utt++, rand() < 0.5 ? st.speaker : null, at));
      else qs.push(quote(Array.from({ length: 8 + Math.floor(rand() * 10) }, () => pick(vocab)), utt++, st.speaker, at));
    }
    out.push(qs);
  }
  return out;
}

/** Median ms of setFile on one file (one quote's words changed) + familyOf on that quote. */
function editMedian(files: number): number {
  const quotes = corpus(files);
  const index = new QuoteIndex();
  quotes.forEach((qs, f) => index.setFile(`f${f}`, qs));
  index.families(); // the status bar has counted families: everything linked once
  const rand = rng(7);
  const times: number[] = [];
  for (let run = 0; run < 40; run++) {
    const f = Math.floor(rand() * files);
    const qs = quotes[f].map((q) => ({ ...q }));
    const q = qs[0];
    qs[0] = { ...q, tokens: [...q.tokens, 'k' + run], text: q.text + ' k' + run };
    const t0 = performance.now();
    index.setFile(`f${f}`, qs);
    index.familyOf(`f${f}`, 0);
    times.push(performance.now() - t0);
    index.setFile(`f${f}`, quotes[f]);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

test('edit update (setFile + familyOf) at 20,000 files stays within 3x of 1,000 files', () => {
  const small = editMedian(1_000);
  const large = editMedian(20_000);
  console.log(`edit median: 1k ${small.toFixed(3)} ms, 20k ${large.toFixed(3)} ms`);
  // Sub-0.2 ms medians are timer noise; compare against at least that.
  assert.ok(large <= 3 * Math.max(small, 0.2), `1k ${small.toFixed(3)} ms vs 20k ${large.toFixed(3)} ms`);
  assert.ok(large < 5, `edit update ${large.toFixed(3)} ms at 20k`);
});
