// Bundles the corpus generator's command line into out/gen.js:
//   node test/bench/buildGen.js && node out/gen.js --articles 10000 --out /tmp/corpus10k
const path = require('path');
require('esbuild').buildSync({
  entryPoints: [path.join(__dirname, 'generateCorpus.cli.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile: path.join(__dirname, '..', '..', 'out', 'gen.js'),
  logLevel: 'warning',
});
