// Trains the hashed averaged-perceptron NER tagger and writes server/src/analysis/entities/model.json.
// Run:  npx esbuild --bundle --platform=node --loader:.json=json scripts/ner/train.ts --outfile=/tmp/ner-train.js \
//       && node /tmp/ner-train.js [--bits 18] [--epochs 6] [--wg 2] [--out path]
// Data: /work/shared/data/ner (GMB train [ODbL extract], WikiGold train part [CC BY 4.0]).
// Never add CoNLL-2003 here. UNER is used for evaluation only.
import fs from 'node:fs';
import path from 'node:path';
import { K_DYN, K_STATIC, NTAGS, START, ALLOWED, TAGS, decode, dynamicFeatures, sentenceFeatures, setPlainLower } from '../../server/src/analysis/entities/tagger';
import { readConll, splitWikiGold, scoreSpans, formatScores, Sentence } from '../../server/src/analysis/entities/conll';
import { encodeModel } from '../../server/src/analysis/entities/model';

const args = process.argv.slice(2);
const arg = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const BITS = Number(arg('bits', '18'));
const EPOCHS = Number(arg('epochs', '5'));
const WG_REPEAT = Number(arg('wg', '2'));
// Upper-cased copies of every Nth training sentence, so the tagger learns ALL-CAPS headline text
const UPPER_EVERY = Number(arg('upper', '8'));
const DATA = arg('data', '/work/shared/data/ner');
const OUT = arg('out', path.resolve(__dirname === '/tmp' ? process.cwd() : process.cwd(), 'server/src/analysis/entities/model.json'));

const NB = 1 << BITS;
const MASK = NB - 1;
const TAG_ID = new Map<string, number>(TAGS.map((t, i) => [t, i]));

// Obvious GMB annotation gaps: al-Qaida and al-Jazeera are mostly left untagged.
const FIX_ORG = new Set(['al-Qaida', 'Al-Qaida', 'al-Qaeda', 'Al-Qaeda', 'al-Jazeera', 'Al-Jazeera', 'al-Shabab', 'al-Shabaab']);
function fixGmb(s: Sentence): Sentence {
  const tags = s.tags.slice();
  for (let i = 0; i < s.words.length; i++) {
    if (FIX_ORG.has(s.words[i]) && tags[i] === 'O' && (i === 0 || tags[i - 1] === 'O')) tags[i] = 'B-ORG';
  }
  return { words: s.words, tags };
}

const gmbTrain = readConll(fs.readFileSync(path.join(DATA, 'gmb/train.txt'), 'utf8')).map(fixGmb);
const gmbDev = readConll(fs.readFileSync(path.join(DATA, 'gmb/dev.txt'), 'utf8'));
const wg = splitWikiGold(readConll(fs.readFileSync(path.join(DATA, 'wikigold/all.txt'), 'utf8')));
const unerDev = readConll(fs.readFileSync(path.join(DATA, 'uner-en-ewt/dev.txt'), 'utf8'));

const train: Sentence[] = [...gmbTrain];
for (let r = 0; r < WG_REPEAT; r++) train.push(...wg.train);
if (UPPER_EVERY > 0) {
  const base = train.length;
  for (let i = 0; i < base; i += UPPER_EVERY) train.push({ words: train[i].words.map((w) => w.toUpperCase()), tags: train[i].tags });
}
console.log(`train sentences ${train.length} (GMB ${gmbTrain.length}, WikiGold ${wg.train.length} x${WG_REPEAT}); bits ${BITS}; epochs ${EPOCHS}`);

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}
const SEED = Number(arg('seed', '3'));
// Several perceptrons trained on different shuffles, weights averaged (a linear model, so this is the
// ensemble of their scores): steadier than one run, whose held-out F1 moves by +-1 with the shuffle.
const ENSEMBLE = Number(arg('ensemble', '1'));

let sf = undefined as ReturnType<typeof sentenceFeatures> | undefined;
const dyn = new Int32Array(K_DYN);
const scores = new Float64Array(NTAGS);

function trainOnce(seed: number): Float32Array {
  const rand = rng(seed);
  const W = new Float32Array(NB * NTAGS);
  const U = new Float32Array(NB * NTAGS); // sum of c*delta for averaging
  let c = 1;
  function update(feat: number, t: number, d: number) {
    const b = (feat & MASK) * NTAGS + t;
    W[b] += d;
    U[b] += c * d;
  }
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = train.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0, total = 0;
    const t0 = Date.now();
    for (const si of order) {
      const s = train[si];
      const gold = s.tags.map((t) => TAG_ID.get(t) ?? 0);
      sf = sentenceFeatures(s.words, 0, s.words.length, sf);
      let prev = START, prev2 = START;
      for (let i = 0; i < sf.n; i++) {
        scores.fill(0);
        const o = i * K_STATIC;
        for (let k = 0; k < K_STATIC; k++) {
          const b = (sf.feats[o + k] & MASK) * NTAGS;
          for (let t = 0; t < NTAGS; t++) scores[t] += W[b + t];
        }
        dynamicFeatures(sf, i, prev, prev2, dyn);
        for (let k = 0; k < K_DYN; k++) {
          const b = (dyn[k] & MASK) * NTAGS;
          for (let t = 0; t < NTAGS; t++) scores[t] += W[b + t];
        }
        let best = 0, bs = -Infinity;
        for (let t = 0; t < NTAGS; t++) if (ALLOWED[prev * NTAGS + t] && scores[t] > bs) { bs = scores[t]; best = t; }
        const g = gold[i];
        total++;
        if (best !== g) {
          errors++;
          for (let k = 0; k < K_STATIC; k++) { update(sf.feats[o + k], g, 1); update(sf.feats[o + k], best, -1); }
          for (let k = 0; k < K_DYN; k++) { update(dyn[k], g, 1); update(dyn[k], best, -1); }
        }
        c++;
        prev2 = prev;
        prev = best; // predicted history, as at run time
      }
    }
    console.log(`seed ${seed} epoch ${epoch + 1}: token error ${(100 * errors / total).toFixed(2)}% (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  }
  const avg = new Float32Array(NB * NTAGS);
  for (let i = 0; i < avg.length; i++) avg[i] = W[i] - U[i] / c;
  return avg;
}

const avg = new Float32Array(NB * NTAGS);
for (let r = 0; r < ENSEMBLE; r++) {
  const one = trainOnce(SEED + r);
  for (let i = 0; i < avg.length; i++) avg[i] += one[i] / ENSEMBLE;
}

function evaluate(name: string, sents: Sentence[], w: Float32Array | Int8Array | Int16Array, skipLower: boolean) {
  const tags = new Uint8Array(1024);
  const pred: string[][] = [];
  for (const s of sents) {
    sf = sentenceFeatures(s.words, 0, s.words.length, sf);
    setPlainLower(s.words, 0, s.words.length);
    decode(sf, w, MASK, tags, skipLower);
    pred.push(Array.from(tags.subarray(0, s.words.length), (t) => TAGS[t]));
  }
  const sc = scoreSpans(sents.map((s) => s.tags), pred);
  console.log(`${name.padEnd(28)} ${formatScores(sc)}`);
  return sc;
}

const enc = encodeModel(avg, BITS);
evaluate('GMB dev (float)', gmbDev, avg, false);
evaluate('GMB dev (q8)', gmbDev, enc.weights, false);
evaluate('GMB dev (q8, fast path)', gmbDev, enc.weights, true);
evaluate('WikiGold held-out (q8)', wg.heldOut, enc.weights, true);
evaluate('UNER dev (q8)', unerDev, enc.weights, true);
fs.writeFileSync(OUT, enc.json);
console.log(`wrote ${OUT} (${fs.statSync(OUT).size} bytes)`);
if (process.env.NER_STATS) {
  const a = Float32Array.from(avg, Math.abs).filter((x) => x > 0).sort();
  const q = (p: number) => a[Math.floor(a.length * p)].toFixed(3);
  console.log('nonzero', a.length, 'of', avg.length, 'p50', q(0.5), 'p90', q(0.9), 'p99', q(0.99), 'p99.99', q(0.9999), 'max', a[a.length - 1]);
}
