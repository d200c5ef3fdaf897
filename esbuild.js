// Bundles the extension client, the language server and the CLI into dist/,
// and (with --tests) every *.test.ts into out/test/ for node's test runner.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
// Where test bundles go; overridable so parallel runs don't wipe each other's output.
const testOut = process.env.COPYDESK_TEST_OUT || 'out/test';

// The analysis version keys the warm-start cache: a hash of the analysis code and data.
function analysisVersion() {
  const hash = require('crypto').createHash('sha256');
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!entry.name.includes('.test.') && !entry.name.includes('.bench.')) hash.update(full).update(fs.readFileSync(full));
    }
  };
  walk('server/src/analysis');
  walk('server/src/service');
  return hash.digest('hex').slice(0, 16);
}

const common = {
  define: { __ANALYSIS_VERSION__: JSON.stringify(analysisVersion()) },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  loader: { '.json': 'json' },
};

function findTests(dir, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) findTests(full, out);
    else if (entry.name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

async function main() {
  const builds = tests
    ? [{
        ...common,
        entryPoints: [...findTests('server/src'), ...findTests('test')],
        outbase: '.',
        outdir: testOut,
        external: ['vscode'],
      }]
    : [
        { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
        { ...common, entryPoints: { server: 'server/src/main.ts', cli: 'server/src/cli.ts', analysisWorker: 'server/src/analysisWorker.ts' }, outdir: 'dist' },
      ];
  if (tests) fs.rmSync(testOut, { recursive: true, force: true });
  if (watch) {
    for (const options of builds) await (await esbuild.context(options)).watch();
    console.log('[watch] build started');
    return;
  }
  await Promise.all(builds.map((options) => esbuild.build(options)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
