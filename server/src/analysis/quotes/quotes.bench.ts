// Throughput of the quote index on generated corpora (test/bench/generateCorpus). Bundle and run:
//   npx esbuild --bundle --platform=node server/src/analysis/quotes/quotes.bench.ts --outfile=/tmp/qb.js && node --expose-gc /tmp/qb.js
// QB_SIZES (default "1000,10000,50000") picks the corpus sizes; QB_MAIN (default 10000) the size
// at which familyOf percentiles, families() and heap are measured. Prints one JSON line per size.
// Index times exclude extraction (reported separately as extractMs / editExtractMs).

import { iterateCorpus } from '../../../../test/bench/generateCorpus';
import { extractQuotes } from './extract';
import { QuoteIndex } from './quoteIndex';
import { Quote } from './types';

const SIZES = (process.env.QB_SIZES ?? '1000,10000,50000').split(',').map(Number);
const MAIN = Number(process.env.QB_MAIN ?? 10_000);
const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
};
let seed = 42;
const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
const pct = (xs: number[], p: number) => {
  const s = xs.slice().sort((a, b) => a - b);
  return +s[Math.min(s.length - 1, Math.floor(p * s.length))].toFixed(3);
};

function run(files: number): Record<string, unknown> {
  // Texts of the files that will be edited are kept; everything else is dropped after indexing.
  const EDITS = 60;
  const editAt = new Set(Array.from({ length: EDITS }, () => Math.floor(rand() * files)));
  const kept = new Map<string, string>();
  const quoteCounts: number[] = [];
  const heap0 = heap();
  const index = new QuoteIndex();
  let extractMs = 0;
  let setAllMs = 0;
  let setAllCpu = 0;
  let bytes = 0;
  let n = 0;
  const allPaths: string[] = [];
  let extracted: Quote[][] = [];
  for (const article of iterateCorpus({ articles: files, seed: 7 })) {
    bytes += article.text.length;
    const t0 = performance.now();
    extracted.push(extractQuotes(article.text));
    extractMs += performance.now() - t0;
    allPaths.push(article.path);
    if (editAt.has(n)) kept.set(article.path, article.text);
    n++;
  }
  // Start-up: every file indexed once (extraction timed apart, above).
  gc?.();
  const c0 = process.cpuUsage();
  const s0 = performance.now();
  extracted.forEach((qs, i) => index.setFile(allPaths[i], qs));
  setAllMs = performance.now() - s0;
  const cpu = process.cpuUsage(c0);
  setAllCpu = cpu.user + cpu.system;
  for (const qs of extracted) quoteCounts.push(qs.length);
  extracted = [];
  const out: Record<string, unknown> = {
    files,
    mb: +(bytes / 1e6).toFixed(1),
    quotes: quoteCounts.reduce((a, b) => a + b, 0),
    extractMs: Math.round(extractMs),
    setFileAllMs: Math.round(setAllMs),
    setFileAllCpuMs: Math.round(setAllCpu / 1000),
  };
  const paths = [...kept.keys()];

  // One keystroke: setFile on one file (re-extracted; extraction timed apart) + familyOf on one of
  // its quotes. The keystroke lands inside the file's first quotation (its words change, so its
  // units are replaced and re-linked); with `outside`, it lands in body text (quotes unchanged).
  let stroke = 0;
  const edit = (outside = false): { ms: number; extract: number } => {
    const path = paths[Math.floor(rand() * paths.length)];
    const text = kept.get(path)!;
    const open = text.search(/["“]/);
    const edited = outside || open < 0 ? text + ' ' : text.slice(0, open + 1) + `k${stroke++} ` + text.slice(open + 1);
    let t0 = performance.now();
    const qs = extractQuotes(edited);
    const extract = performance.now() - t0;
    t0 = performance.now();
    index.setFile(path, qs);
    if (qs.length) index.familyOf(path, Math.floor(rand() * qs.length));
    return { ms: performance.now() - t0, extract };
  };
  // Cold: right after indexing, before anything else linked the corpus.
  const cold = Array.from({ length: 30 }, edit);
  out.editColdP50Ms = pct(cold.map((e) => e.ms), 0.5);
  out.editColdP95Ms = pct(cold.map((e) => e.ms), 0.95);

  if (files === MAIN) {
    // hover / references on random quotes, cold (first call links what the family needs).
    const times: number[] = [];
    for (let k = 0; k < 2000; k++) {
      const f = Math.floor(rand() * allPaths.length);
      const t0 = performance.now();
      index.familyOf(allPaths[f], Math.floor(rand() * Math.max(1, quoteCounts[f])));
      times.push(performance.now() - t0);
    }
    out.familyOfP50Ms = pct(times, 0.5);
    out.familyOfP95Ms = pct(times, 0.95);
    out.familyOfMaxMs = pct(times, 1);
  }
  let t0 = performance.now();
  const c2 = process.cpuUsage();
  const fams = index.families();
  const c1 = process.cpuUsage(c2);
  out.familiesColdCpuMs = Math.round((c1.user + c1.system) / 1000);
  out.familiesColdMs = Math.round(performance.now() - t0);
  out.families = fams.length;
  // Status bar after an edit: one file changed, families() again.
  edit();
  t0 = performance.now();
  index.families();
  out.familiesAfterEditMs = Math.round(performance.now() - t0);
  t0 = performance.now();
  index.families();
  out.familiesCachedMs = +(performance.now() - t0).toFixed(2);

  // Warm: the status bar has linked everything, then keystrokes.
  const warm = Array.from({ length: 40 }, edit);
  out.editWarmP50Ms = pct(warm.map((e) => e.ms), 0.5);
  out.editWarmP95Ms = pct(warm.map((e) => e.ms), 0.95);
  out.editExtractMs = pct(warm.map((e) => e.extract), 0.5);
  const typing = Array.from({ length: 40 }, () => edit(true));
  out.editOutsideQuotesP50Ms = pct(typing.map((e) => e.ms), 0.5);
  out.editOutsideQuotesP95Ms = pct(typing.map((e) => e.ms), 0.95);
  if (files === MAIN) out.heapIndexMB = Math.round((heap() - heap0) / 1e6);
  kept.clear();
  // Keep the index alive until after the heap reading.
  if (index.families(1).length < 0) console.log('');
  return out;
}

console.log(JSON.stringify({ load: require('os').loadavg().map((x: number) => +x.toFixed(2)), gc: !!gc }));
for (const files of SIZES) console.log(JSON.stringify(run(files)));
