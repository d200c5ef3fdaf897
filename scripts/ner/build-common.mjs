// Derives the list of common lowercase words from GMB train (words seen lowercase in >= 90% of their
// >= 5 occurrences) into server/src/analysis/entities/common-words.json. Used to tell sentence-initial
// and headline capitals ("Will", "Back") from names. Derived from GMB (ODbL extract; see NOTICE.md).
import fs from 'node:fs';
import path from 'node:path';
const data = process.argv[2] || '/work/shared/data/ner';
const out = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../server/src/analysis/entities/common-words.json');
const lowerCount = new Map();
const allCount = new Map();
for (const line of fs.readFileSync(path.join(data, 'gmb/train.txt'), 'utf8').split('\n')) {
  const w = line.split('\t')[0];
  if (!w || !/^[A-Za-z][a-z'-]*$/.test(w)) continue;
  const l = w.toLowerCase();
  allCount.set(l, (allCount.get(l) ?? 0) + 1);
  if (w === l) lowerCount.set(l, (lowerCount.get(l) ?? 0) + 1);
}
const words = [...allCount].filter(([l, n]) => n >= 5 && (lowerCount.get(l) ?? 0) >= 0.9 * n).map(([l]) => l).sort();
fs.writeFileSync(out, JSON.stringify(words));
console.log(out, words.length, 'words', fs.statSync(out).size, 'bytes');
