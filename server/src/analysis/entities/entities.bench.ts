// Throughput benchmark of recognizeEntities (one core). Run:
//   npx esbuild --bundle --platform=node --loader:.json=json server/src/analysis/entities/entities.bench.ts --outfile=/tmp/eb.js && node /tmp/eb.js
// Uses the seed articles if present (read at run time, never copied), else synthetic news-like prose.
import fs from 'node:fs';
import { recognizeEntities } from './recognize';
import { EntityIndex } from './entityIndex';

const SEEDS = '/work/shared/corpus/seeds';
let docs: string[] = [];
if (fs.existsSync(SEEDS)) docs = fs.readdirSync(SEEDS).sort().map((f) => fs.readFileSync(`${SEEDS}/${f}`, 'utf8'));
if (!docs.length) {
  docs = ['MOSCOW (AP) — Russian Foreign Minister Sergei Lavrov met US Secretary of State Rex Tillerson on Wednesday, the Kremlin said. '.repeat(40) +
    'President Vladimir Putin did not attend, spokesman Dmitry Peskov told reporters in Moscow, adding that the United Nations would meet.\n\n'.repeat(20)];
}
const corpus = docs.join('\n\n');
const bytes = Buffer.byteLength(corpus, 'utf8');
// warm up
for (let i = 0; i < 5; i++) for (const d of docs) recognizeEntities(d);
let reps = 0;
let mentions = 0;
const t0 = process.hrtime.bigint();
let elapsed = 0;
while (elapsed < 3e9) {
  for (const d of docs) mentions += recognizeEntities(d).length;
  reps++;
  elapsed = Number(process.hrtime.bigint() - t0);
}
const mbps = (bytes * reps) / 1e6 / (elapsed / 1e9);
// index: cluster the docs repeated as 1000 files
const idx = new EntityIndex();
const perDoc = docs.map((d) => recognizeEntities(d));
const t1 = process.hrtime.bigint();
for (let i = 0; i < 1000; i++) idx.setFile(`f${i}`, perDoc[i % perDoc.length]);
const nEnt = idx.entities().length;
const clusterMs = Number(process.hrtime.bigint() - t1) / 1e6;
console.log(JSON.stringify({ bench: 'recognizeEntities', bytes, reps, seconds: +(elapsed / 1e9).toFixed(3), MBps: +mbps.toFixed(2), mentionsPerRep: mentions / reps, index1000FilesMs: +clusterMs.toFixed(1), entities: nEnt }));
