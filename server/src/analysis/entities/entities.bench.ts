// Throughput benchmark of recognizeEntities (one core) and of incremental EntityIndex updates. Run:
//   npx esbuild --bundle --platform=node --loader:.json=json server/src/analysis/entities/entities.bench.ts --outfile=/tmp/eb.js && node /tmp/eb.js
// Uses the seed articles if present (read at run time, never copied), else synthetic news-like prose.
// Check `uptime` first: on a loaded machine the MB/s figure is meaningless; the load is printed.
import fs from 'node:fs';
import os from 'node:os';
import { recognizeEntities, Mention } from './recognize';
import { EntityIndex } from './entityIndex';
import { syntheticName } from './syntheticNames';

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
const c0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
let elapsed = 0;
while (elapsed < 3e9) {
  for (const d of docs) mentions += recognizeEntities(d).length;
  reps++;
  elapsed = Number(process.hrtime.bigint() - t0);
}
const cpu = process.cpuUsage(c0);
const mbps = (bytes * reps) / 1e6 / (elapsed / 1e9);
const mbpsCpu = (bytes * reps) / 1e6 / ((cpu.user + cpu.system) / 1e6);
// index: cluster the docs repeated as 1000 files
const idx = new EntityIndex();
const perDoc = docs.map((d) => recognizeEntities(d));
const t1 = process.hrtime.bigint();
for (let i = 0; i < 1000; i++) idx.setFile(`f${i}`, perDoc[i % perDoc.length]);
const nEnt = idx.entities().length;
const clusterMs = Number(process.hrtime.bigint() - t1) / 1e6;
console.log(JSON.stringify({ bench: 'recognizeEntities', load: os.loadavg().map((x) => +x.toFixed(2)), bytes, reps, seconds: +(elapsed / 1e9).toFixed(3), MBps: +mbps.toFixed(2), MBpsCpu: +mbpsCpu.toFixed(2), mentionsPerRep: mentions / reps, index1000FilesMs: +clusterMs.toFixed(1), entities: nEnt }));

// incremental index: setFile(one file) + entityAt at 1k / 10k / 50k synthetic files of 10 mentions
const word = syntheticName;
function synth(i: number, shift = 0, rename = false): Mention[] {
  const out: Mention[] = [];
  let p = shift;
  const add = (text: string, type: Mention['type']) => { out.push({ start: p, end: p + text.length, text, type }); p += text.length + 40; };
  const g = word(i % 41), sur = word(1000 + i), org = word(200000 + i), town = word(400000 + i);
  add(`${g} ${sur}${rename ? 'x' : ''}`, 'person'); add('Vladimir Putin', 'person'); add('Moscow', 'place'); add(sur, 'person');
  add(`${org} Holdings`, 'organization'); add(town, 'place'); add('Putin', 'person'); add(town, 'place'); add('Moscow', 'place');
  add(`${org} Holdings`, 'organization');
  return out;
}
for (const files of [1000, 10000, 50000]) {
  const ix = new EntityIndex();
  const l0 = process.hrtime.bigint();
  for (let i = 0; i < files; i++) ix.setFile(`f${i}`, synth(i));
  ix.entities();
  const loadMs = Number(process.hrtime.bigint() - l0) / 1e6;
  const time = (fn: (k: number) => void, n: number) => {
    for (let k = 0; k < 10; k++) fn(k);
    const s = process.hrtime.bigint();
    for (let k = 0; k < n; k++) fn(k);
    return Number(process.hrtime.bigint() - s) / 1e3 / n;
  };
  const shiftUs = time((k) => { ix.setFile('f7', synth(7, k % 3)); ix.entityAt('f7', 5); }, 500);
  const editUs = time((k) => { ix.setFile('f7', synth(7, 0, k % 2 === 0)); ix.entityAt('f7', 5); }, 200);
  const editListUs = time((k) => { ix.setFile('f7', synth(7, 0, k % 2 === 0)); ix.entityAt('f7', 5); ix.entities(); }, 200);
  const editWork = ix.lastRefresh.mentions;
  // an edit that adds / removes a mention of a hub entity ("Moscow", in every file): re-clusters the hub
  const hubUs = time((k) => { const ms = synth(7); if (k % 2 === 0) ms.push({ start: 5000, end: 5006, text: 'Moscow', type: 'place' }); ix.setFile('f7', ms); ix.entityAt('f7', 5); }, 6);
  const hubWork = ix.lastRefresh.mentions;
  console.log(JSON.stringify({ bench: 'EntityIndex update', files, hubEditUs: +hubUs.toFixed(0), hubReclustered: hubWork, mentions: files * 10, initialLoadMs: +loadMs.toFixed(0), setFileShiftPlusEntityAtUs: +shiftUs.toFixed(1), setFileRenamePlusEntityAtUs: +editUs.toFixed(1), plusEntitiesUs: +editListUs.toFixed(1), reclustered: editWork }));
}
