// Complexity, not absolute speed: one keystroke in one open article (Corpus.setOpen + a
// CorpusFeatures.references that reflects it) must cost about the same in a 2,000-article corpus
// as in a 200-article one. Corpora are generated in memory (test/bench/generateCorpus.ts) and
// kept small: each article is cut down to its headline and its quotation lines (with their
// speakers' names), which keeps the quote families and entities of the full text at a fraction of the
// analysis cost. Medians of several interleaved runs (measured twice if the first ratio fails: shared machine); a ratio within 3x passes (linear would be ~10x).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateCorpus } from './generateCorpus';
import { MemoryWorkspace } from '../../server/src/service/memoryWorkspace';
import { Corpus } from '../../server/src/service/corpus';
import { CorpusFeatures } from '../../server/src/service/corpusFeatures';
import { resolveSettings } from '../../server/src/service/settings';

const SMALL = 200;
const LARGE = 2000;
const RUNS = 15;
const MAX_RATIO = 3;

interface Target {
  uri: string;
  text: string;
  /** 0-based line and character inside a shared quotation and inside a name. */
  quote: { line: number; character: number };
  name: { line: number; character: number };
}

function denseCorpus(articles: number): { files: Record<string, string>; target: Relative } {
  const files: Record<string, string> = {};
  let target: Relative | undefined;
  for (const a of generateCorpus({ articles, seed: 3 })) {
    const lines = a.text.split('\n');
    const keep = new Set<number>([1]);
    for (const q of a.truth.quotes) for (let k = 0; k < (q.paragraphs ?? 1); k++) keep.add(q.line + k);
    // Names come with the quotations (speakers); one article also keeps a line with a local name.
    const local = !target && a.truth.mentions.find((x) => x.entity.startsWith('local:'));
    if (local) keep.add(local.line);
    const kept = [...keep].sort((x, y) => x - y).map((n) => lines[n - 1]).filter((l) => l !== undefined);
    const text = kept.join('\n\n') + '\n';
    files[a.path] = text;
    if (!target && a.truth.mojibake === 0) {
      const q = a.truth.quotes.find((x) => x.family.startsWith('q') && x.variant === 'full');
      const m = a.truth.mentions.find((x) => x.entity.startsWith('local:') && (!q || x.line !== q.line));
      if (q && m) {
        const outLines = text.split('\n');
        const ql = outLines.indexOf(lines[q.line - 1]);
        const ml = outLines.indexOf(lines[m.line - 1]);
        const qc = Math.max(outLines[ql].indexOf('“'), outLines[ql].indexOf('"'));
        const mc = outLines[ml].indexOf(m.form);
        if (ql >= 0 && ml >= 0 && qc >= 0 && mc >= 0) target = { path: a.path, quote: { line: ql, character: qc + 3 }, name: { line: ml, character: mc + 1 } };
      }
    }
  }
  if (!target) throw new Error('no article with a shared quotation and a local name');
  return { files, target };
}

interface Relative {
  path: string;
  quote: { line: number; character: number };
  name: { line: number; character: number };
}

async function setUp(articles: number): Promise<{ corpus: Corpus; features: CorpusFeatures; target: Target }> {
  const { files, target } = denseCorpus(articles);
  const workspace = new MemoryWorkspace('file:///corpus', files);
  const corpus = new Corpus(workspace, resolveSettings(undefined));
  const features = new CorpusFeatures(corpus);
  await corpus.index([workspace.root]);
  return { corpus, features, target: { ...target, uri: workspace.uri(target.path), text: files[target.path] } };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

type Setup = { corpus: Corpus; features: CorpusFeatures; target: Target };

/** A keystroke in the target article: type a space at the start of the line (or delete it), then references at `at` on that line. Returns ms. */
function keystroker(c: Setup, at: { line: number; character: number }): (k: number) => number {
  const lines = c.target.text.split('\n');
  const typed = lines.map((l, i) => (i === at.line ? ' ' + l : l)).join('\n');
  let version = 1;
  return (k: number): number => {
    const shift = k % 2 === 0 ? 1 : 0;
    const t0 = performance.now();
    c.corpus.setOpen(c.target.uri, ++version, shift ? typed : c.target.text);
    const refs = c.features.references(c.target.uri, { line: at.line, character: at.character + shift }, true);
    const ms = performance.now() - t0;
    assert.ok(
      refs.some((r) => r.uri === c.target.uri && r.range.start.line === at.line && r.range.start.character <= at.character + shift && at.character + shift <= r.range.end.character),
      'references reflect the keystroke',
    );
    return ms;
  };
}

/** Median ms per keystroke in the small and the large corpus, runs interleaved so both see the same machine load. */
function compare(small: Setup, large: Setup, which: 'quote' | 'name'): { small: number; large: number; ratio: number } {
  const s = keystroker(small, small.target[which]);
  const l = keystroker(large, large.target[which]);
  for (let k = 0; k < 4; k++) { s(k); l(k); } // warm up (the first call opens the file)
  const ts: number[] = [];
  const tl: number[] = [];
  for (let k = 4; k < 4 + RUNS; k++) { ts.push(s(k)); tl.push(l(k)); }
  const result = { small: median(ts), large: median(tl), ratio: median(tl) / median(ts) };
  console.log(`${which}: ${SMALL} articles ${result.small.toFixed(3)} ms, ${LARGE} articles ${result.large.toFixed(3)} ms, ratio ${result.ratio.toFixed(2)}`);
  return result;
}

const small = setUp(SMALL);
const large = small.then(() => setUp(LARGE));

for (const which of ['quote', 'name'] as const) {
  test(`edit update via ${which === 'quote' ? 'a shared quotation' : 'a name'}: ${LARGE} articles within ${MAX_RATIO}x of ${SMALL}`, async () => {
    // Sub-0.2 ms medians are timer noise: compare against a floor. The machine may be shared, so
    // a failing ratio is measured once more; a cost that really grows with the corpus fails both.
    const measure = () => {
      const r = compare(small_, large_, which);
      return { ...r, ratio: Math.max(r.large, 0.2) / Math.max(r.small, 0.2) };
    };
    const [small_, large_] = [await small, await large];
    let r = measure();
    if (r.ratio > MAX_RATIO) r = measure();
    const ratio = r.ratio;
    assert.ok(ratio <= MAX_RATIO, `ratio ${ratio.toFixed(2)} (${r.small.toFixed(3)} ms -> ${r.large.toFixed(3)} ms)`);
  });
}

// The server's status notification (sent 300 ms after each keystroke's diagnostics) counts the
// quote families: QuoteIndex.families(2) after the edit. It runs on the main thread, so while it
// runs no request is answered.
// QuoteIndex.families(2) after one edit recomputes every family: an edit bumps the index version,
// the cached list is dropped, and the walk covers the whole corpus.
test(`status after an edit (families count): ${LARGE} articles within ${MAX_RATIO}x of ${SMALL}`, {
  todo: 'QuoteIndex.families() is O(corpus) after an edit inside a quotation (at 15cf4f6: 1.9 ms at 200 -> 33.7 ms at 2,000 dense articles, ratio 17; ~0.8 s at 10k). An edit that changes no quotation keeps the carving (10k: 4 ms). The server carves in 8 ms slices (familiesInSteps) for copydesk/status and the panel, after edits pause; hovers and references never call it',
}, async () => {
  const run = (c: Setup) => {
    const k = keystroker(c, c.target.quote);
    let i = 0;
    return () => {
      k(i++);
      const t0 = performance.now();
      c.features.indexes.quotes.families(2);
      return performance.now() - t0;
    };
  };
  const s = run(await small);
  const l = run(await large);
  s(); l();
  const ts: number[] = [];
  const tl: number[] = [];
  for (let k = 0; k < 5; k++) { ts.push(s()); tl.push(l()); }
  const ratio = Math.max(median(tl), 0.2) / Math.max(median(ts), 0.2);
  console.log(`families after an edit: ${SMALL} articles ${median(ts).toFixed(3)} ms, ${LARGE} articles ${median(tl).toFixed(3)} ms, ratio ${ratio.toFixed(2)}`);
  assert.ok(ratio <= MAX_RATIO, `ratio ${ratio.toFixed(2)} (${median(ts).toFixed(3)} ms -> ${median(tl).toFixed(3)} ms)`);
});
