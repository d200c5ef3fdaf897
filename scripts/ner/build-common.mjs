// Derives the list of common lowercase words from GMB train into
// server/src/analysis/entities/common-words.json: words seen lowercase whose capitalised uses are (almost)
// all sentence-initial — capitalised mid-sentence in at most 10% of their non-initial occurrences, and seen
// lowercase at least once (>= 2 times for words of 3 letters or less). Used to tell sentence-initial and
// headline capitals ("Will", "Back", "Skip") from names. Derived from GMB (ODbL extract; see NOTICE.md).
import fs from 'node:fs';
import path from 'node:path';
const data = process.argv[2] || '/work/shared/data/ner';
const out = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../server/src/analysis/entities/common-words.json');
const lowerCount = new Map();
const midCap = new Map();
let first = true;
for (const line of fs.readFileSync(path.join(data, 'gmb/train.txt'), 'utf8').split('\n')) {
  if (!line.trim()) { first = true; continue; }
  const [w, tag] = line.split('\t');
  const initial = first;
  first = false;
  if (!w || !/^[A-Za-z][a-z'-]*$/.test(w)) continue;
  const l = w.toLowerCase();
  if (w === l) lowerCount.set(l, (lowerCount.get(l) ?? 0) + 1);
  else if (!initial || tag !== 'O') midCap.set(l, (midCap.get(l) ?? 0) + 1);
}
const words = [...lowerCount]
  .filter(([l, n]) => n >= (l.length <= 3 ? 2 : 1) && (midCap.get(l) ?? 0) <= 0.1 * n)
  .map(([l]) => l)
  .sort();
fs.writeFileSync(out, JSON.stringify(words));
console.log(out, words.length, 'words', fs.statSync(out).size, 'bytes');
