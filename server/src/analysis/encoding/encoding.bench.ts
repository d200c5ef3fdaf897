// Throughput of the four encoding rules over ~20 MB of clean and of damaged news text.
// Run: npx esbuild --bundle --platform=node server/src/analysis/encoding/encoding.bench.ts --outfile=/tmp/encbench.js && node /tmp/encbench.js
import { controlCharacterRule, invisibleCharacterRule, mojibakeRule, replacementCharacterRule } from './index';
import { CLEAN } from './evaluationData';
import { WINDOWS_1252 } from './codePages';

const TARGET = 20 * 1024 * 1024;
const ARTICLE_CHARS = 4000;

const ENGLISH = [
  'The minister said on Tuesday that talks would resume next week, according to officials.',
  'Prices rose by 3.2 per cent in March, the statistics office reported.',
  '“We will not accept this,” a spokesman told reporters — adding that the decision was final.',
  'Opposition leaders called for an inquiry into the contract, worth £40 million.',
];

function misdecode(text: string): string {
  let out = '';
  for (const b of Buffer.from(text, 'utf8')) out += b < 0x80 ? String.fromCharCode(b) : WINDOWS_1252[b - 0x80];
  return out;
}

/** Articles of ~4,000 characters, as the rules see them one document at a time. */
function articles(damaged: boolean): string[] {
  const out: string[] = [];
  let total = 0;
  let n = 0;
  while (total < TARGET) {
    let article = '';
    while (article.length < ARTICLE_CHARS) {
      const sentence = n % 3 === 0 ? CLEAN[n % CLEAN.length] : ENGLISH[n % ENGLISH.length];
      article += (damaged && n % 4 === 0 ? misdecode(sentence) : sentence) + (n % 5 === 4 ? '\n\n' : ' ');
      n++;
    }
    out.push(article);
    total += article.length;
  }
  return out;
}

function mbPerSecond(docs: string[]): number {
  const rules = [mojibakeRule, replacementCharacterRule, controlCharacterRule, invisibleCharacterRule];
  const bytes = docs.reduce((sum, d) => sum + Buffer.byteLength(d, 'utf8'), 0);
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const t0 = process.hrtime.bigint();
    let found = 0;
    for (const doc of docs) for (const rule of rules) found += rule.check(doc).length;
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (found < 0) console.log(found);
    best = Math.min(best, seconds);
  }
  return +(bytes / 1024 / 1024 / best).toFixed(1);
}

console.log(JSON.stringify({ rule: 'encoding', clean_mb_per_s: mbPerSecond(articles(false)), damaged_mb_per_s: mbPerSecond(articles(true)) }));
