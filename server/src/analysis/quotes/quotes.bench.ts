// Throughput of the quote layer on a synthetic 10k-file corpus. Bundle and run:
//   npx esbuild --bundle --platform=node server/src/analysis/quotes/quotes.bench.ts --outfile=/tmp/qb.js && node /tmp/qb.js
// Prints one JSON line.

import { extractQuotes } from './extract';
import { QuoteIndex } from './quoteIndex';
import { Quote } from './types';

const FILES = Number(process.env.QB_FILES ?? 10_000);
let seed = 42;
const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];

const VOCAB = Array.from({ length: 5000 }, (_, i) => 'w' + i.toString(36) + ['a', 'en', 'or', 'is', 'ul'][i % 5]);
const COMMON = 'the of and to in a that is for on with as was at by it from we will have be not this are'.split(' ');
const SPEAKERS = Array.from({ length: 300 }, (_, i) => `${pick(['Anna', 'Jon', 'Mira', 'Petr', 'Lena', 'Karl'])} Name${i.toString(36)}`);
const words = (n: number) => Array.from({ length: n }, () => (rand() < 0.4 ? pick(COMMON) : pick(VOCAB))).join(' ');
const sentence = (n: number) => {
  const s = words(n);
  return s[0].toUpperCase() + s.slice(1) + '.';
};

// 2,000 statements, each reported by about five outlets in different shapes.
const STATEMENTS = Array.from({ length: 2000 }, () => ({ text: sentence(12 + Math.floor(rand() * 30)), speaker: pick(SPEAKERS) }));

function article(): string {
  const paras: string[] = [sentence(10)];
  for (let p = 0; p < 12; p++) {
    const r = rand();
    const st = pick(STATEMENTS);
    const surname = st.speaker.split(' ')[1];
    if (r < 0.25) paras.push(`${sentence(15)} "${st.text}" ${surname} said. ${sentence(20)}`);
    else if (r < 0.4) {
      const w = st.text.split(' ');
      const cut = Math.max(3, w.length >> 1);
      paras.push(`"${w.slice(0, cut).join(' ')}," ${st.speaker} told reporters. "${w.slice(cut).join(' ')}"`);
    } else if (r < 0.5) paras.push(`${surname} said it was "${st.text.split(' ').slice(2, 9).join(' ')}" and left.`);
    else if (r < 0.6) paras.push(`${sentence(12)} The plan was "${pick(VOCAB)}" according to critics.`);
    else paras.push(`${sentence(25)} ${sentence(18)}`);
  }
  return paras.join('\n\n');
}

const texts = Array.from({ length: FILES }, article);
const bytes = texts.reduce((n, t) => n + t.length * 2, 0);

let t0 = performance.now();
const extracted: Quote[][] = texts.map((t) => extractQuotes(t));
const extractMs = performance.now() - t0;
const quoteCount = extracted.reduce((n, q) => n + q.length, 0);

const index = new QuoteIndex();
t0 = performance.now();
extracted.forEach((q, i) => index.setFile(`f${i}`, q));
const setAllMs = performance.now() - t0;

// familyOf: the first call per family computes it, later calls hit the cache.
const probes = Array.from({ length: 2000 }, () => {
  const f = Math.floor(rand() * FILES);
  return [f, Math.floor(rand() * Math.max(1, extracted[f].length))] as const;
});
t0 = performance.now();
for (const [f, q] of probes) index.familyOf(`f${f}`, q);
const familyColdMs = (performance.now() - t0) / probes.length;
t0 = performance.now();
for (const [f, q] of probes) index.familyOf(`f${f}`, q);
const familyWarmMs = (performance.now() - t0) / probes.length;

// One keystroke: re-extract and re-index one file, then ask for a family in it.
const edits = 200;
t0 = performance.now();
for (let k = 0; k < edits; k++) {
  const f = Math.floor(rand() * FILES);
  const qs = extractQuotes(texts[f] + ' ');
  index.setFile(`f${f}`, qs);
  if (qs.length) index.familyOf(`f${f}`, 0);
}
const editMs = (performance.now() - t0) / edits;

t0 = performance.now();
const fams = index.families();
const familiesMs = performance.now() - t0;

console.log(
  JSON.stringify({
    files: FILES,
    mb: +(bytes / 2 / 1e6).toFixed(2),
    quotes: quoteCount,
    extractMBps: +((bytes / 2 / 1e6) / (extractMs / 1000)).toFixed(2),
    setFileAllMs: Math.round(setAllMs),
    setFilePerFileMs: +(setAllMs / FILES).toFixed(3),
    familyOfColdMs: +familyColdMs.toFixed(3),
    familyOfWarmMs: +familyWarmMs.toFixed(4),
    editOneFileMs: +editMs.toFixed(3),
    familiesAllMs: Math.round(familiesMs),
    families: fams.length,
    heapMB: Math.round(process.memoryUsage().heapUsed / 1e6),
  }),
);
