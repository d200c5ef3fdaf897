#!/usr/bin/env node
// Summarises a V8 .cpuprofile (from `npm run bench -- --cpu-prof DIR`): the functions with the
// most self time and the most inclusive time, mapped through the bundle's source map to
// server/src files when a .map sits beside the bundle the profile names.
//   node test/bench/profile.js DIR/server-10000-cold.cpuprofile [N]
const fs = require('fs');
const path = require('path');
const { SourceMap } = require('module');
const { fileURLToPath } = require('url');

const file = process.argv[2];
const N = Number(process.argv[3] || 25);
if (!file) {
  console.error('usage: node test/bench/profile.js FILE.cpuprofile [N]');
  process.exit(2);
}
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const maps = new Map();
function sourceMapFor(url) {
  if (!maps.has(url)) {
    let map = null;
    try {
      const js = url.startsWith('file:') ? fileURLToPath(url) : url;
      if (js && fs.existsSync(js + '.map')) map = new SourceMap(JSON.parse(fs.readFileSync(js + '.map', 'utf8')));
    } catch {
      map = null;
    }
    maps.set(url, map);
  }
  return maps.get(url);
}
function label(callFrame) {
  const name = callFrame.functionName || '(anonymous)';
  if (!callFrame.url) return name;
  const map = sourceMapFor(callFrame.url);
  const entry = map?.findEntry(callFrame.lineNumber, callFrame.columnNumber);
  if (entry && entry.originalSource) {
    const src = entry.originalSource.replace(/^.*?(server\/src|test\/|node_modules\/)/, '$1');
    return `${name} ${src}:${entry.originalLine + 1}`;
  }
  return `${name} ${path.basename(callFrame.url)}:${callFrame.lineNumber + 1}`;
}

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const labels = new Map(profile.nodes.map((n) => [n.id, label(n.callFrame)]));
const self = new Map();
const inclusive = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  total += dt;
  self.set(labels.get(id), (self.get(labels.get(id)) ?? 0) + dt);
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const l = labels.get(at);
    if (seen.has(l)) continue;
    seen.add(l);
    inclusive.set(l, (inclusive.get(l) ?? 0) + dt);
  }
});
const show = (title, map) => {
  console.log(`--- ${title}`);
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, N)) {
    console.log(`${(v / 1e6).toFixed(2).padStart(8)} s ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
  }
};
console.log(`${path.basename(file)}: ${(total / 1e6).toFixed(2)} s sampled`);
show('self time', self);
show('inclusive time', inclusive);
void nodes;
