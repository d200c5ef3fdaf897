// Throughput of the cleaning rules and the boilerplate index. Not part of the test run:
//   npx esbuild --bundle --platform=node server/src/analysis/cleaning/cleaning.bench.ts --outfile=/tmp/cb.js && node /tmp/cb.js
// Builds ~20 MB of synthetic articles (~4,000 characters each, one paragraph per line, with
// quotes, spaced abbreviations, double spaces and residue lines) and prints one JSON line per
// rule with the best of several runs.

import { BoilerplateIndex, cleaningRules } from './index';

const SENTENCES = [
  'The minister said on Tuesday that talks would resume next week, according to officials.',
  '"We will not accept this," a spokesman told reporters.  The decision was final.',
  'Prices rose by 3.2 per cent in March, the statistics office reported.',
  'The U. S. embassy said it had offered help, and last week"s vote was close.',
  '“We share the grief of the families,” the company said in a statement — adding that it would cooperate.',
  'Opposition leaders called for an inquiry into the contract before the   talks moved on.',
  "Russia's foreign ministry said it hoped for 'productive talks' with Washington.",
];
const RESIDUE = ['Please wait', 'No media source currently available', '0:00 / 1:42', 'Advertisement', 'Sign up for our newsletter'];

function articles(target: number): string[] {
  const out: string[] = [];
  let total = 0;
  let n = 0;
  while (total < target) {
    const parts: string[] = [`Headline number ${out.length} about the talks`];
    let size = 0;
    while (size < 4000) {
      let para = '';
      for (let k = 0; k < 3; k++) para += (k ? ' ' : '') + SENTENCES[n++ % SENTENCES.length];
      parts.push(para);
      size += para.length + 1;
      if (n % 17 === 0) parts.push(RESIDUE[n % RESIDUE.length]);
    }
    parts.push('Our journalism is funded by readers like you.');
    const text = parts.join('\n') + '\n';
    out.push(text);
    total += text.length;
  }
  return out;
}

function best(runs: number, fn: () => number): { ms: number; count: number } {
  let ms = Infinity;
  let count = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    count = fn();
    ms = Math.min(ms, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms, count };
}

function main(): void {
  const docs = articles(20 * 1024 * 1024);
  const mb = docs.reduce((s, d) => s + d.length, 0) / (1024 * 1024);
  const report = (rule: string, ms: number, problems: number) =>
    console.log(JSON.stringify({ rule, mb_per_s: Math.round((mb / (ms / 1000)) * 10) / 10, mb: Math.round(mb * 10) / 10, best_ms: Math.round(ms), problems }));
  for (const rule of cleaningRules) {
    const { ms, count } = best(3, () => docs.reduce((s, d) => s + rule.check(d).length, 0));
    report(rule.id, ms, count);
  }
  const idx = new BoilerplateIndex();
  const index = best(3, () => {
    docs.forEach((d, i) => idx.setFile(`f${i}`, d));
    return idx.size;
  });
  report('boilerplate:setFile (re-index all)', index.ms, 0);
  const query = best(3, () => docs.reduce((s, d, i) => s + idx.problemsFor(`f${i}`, d).length, 0));
  report('boilerplate:problemsFor', query.ms, query.count);
  const one = best(20, () => {
    idx.setFile('f7', docs[7] + 'An edit.\n');
    return 1;
  });
  console.log(JSON.stringify({ rule: 'boilerplate:setFile one ~4 KB file after an edit', best_ms: Math.round(one.ms * 1000) / 1000, files: idx.size }));
}

main();
