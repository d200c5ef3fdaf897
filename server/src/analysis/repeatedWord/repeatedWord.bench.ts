// Throughput benchmark for the repeated-word rule. Not part of the test run:
//   npx esbuild --bundle --platform=node server/src/analysis/repeatedWord/repeatedWord.bench.ts \
//     --outfile=/tmp/rwbench.js && node /tmp/rwbench.js
// Builds ~20 MB of wire-style text (wrapped lines, quotes, numbers, a few doubles)
// and prints one JSON line with the best of several runs.

import * as fs from 'fs';
import { repeatedWordRule } from './index';

const WORDS = (
  'the of and to a in that is was for on with as by at from he said it his but ' +
  'government minister officials police president election city report market shares ' +
  'talks agreement spokesman Tuesday Moscow Washington percent million year week ' +
  'had had been would could will not an are were their its which who after before ' +
  'between during under over said told reporters statement according announced ' +
  'very far away there bye so whatever that decision firms wrote'
).split(' ');
const PUNCT = ['.', ',', ',', '.', ';', ':', '?', '"', "'s"];

/** Deterministic PRNG so every run measures the same text. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildCorpus(targetChars: number, seed = 42): string {
  const rand = mulberry32(seed);
  const parts: string[] = [];
  let size = 0;
  let line = 0;
  while (size < targetChars) {
    let word = WORDS[Math.floor(rand() * WORDS.length)];
    const r = rand();
    if (r < 0.02) word = String(Math.floor(rand() * 10000));
    else if (r < 0.025) word = `${word} ${word}`; // an accidental double
    else if (r < 0.03) word = 'Пресс-служба';
    let piece = word;
    if (rand() < 0.12) piece += PUNCT[Math.floor(rand() * PUNCT.length)];
    line += piece.length + 1;
    const sep = line > 70 ? '\n' : ' ';
    if (line > 70) line = 0;
    parts.push(piece, sep);
    size += piece.length + 1;
    if (rand() < 0.01) {
      parts.push('\n');
      size++;
    }
  }
  return parts.join('');
}

/** Options: `--mb N` sets the corpus size; `--write FILE` also saves it (to time peers on the same text). */
function main(argv: string[]): void {
  const opt = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const text = buildCorpus(Number(opt('--mb') ?? 20) * 1024 * 1024);
  const out = opt('--write');
  if (out) fs.writeFileSync(out, text);
  const mb = text.length / (1024 * 1024);
  let best = Infinity;
  let problems = 0;
  for (let run = 0; run < 5; run++) {
    const t0 = process.hrtime.bigint();
    problems = repeatedWordRule.check(text).length;
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    best = Math.min(best, ms);
  }
  const result = {
    rule: 'repeated-word',
    mb_per_s: Math.round((mb / (best / 1000)) * 10) / 10,
    mb: Math.round(mb * 10) / 10,
    best_ms: Math.round(best),
    problems,
  };
  console.log(JSON.stringify(result));
}

main(process.argv.slice(2));
