#!/usr/bin/env node
// npm run bench [-- --quick] [-- --no-build] [-- --cpu-prof DIR] [-- --sizes 1000,10000] [-- --seed 1]
//
// 1. builds dist/server.js (node esbuild.js) unless --no-build;
// 2. bundles the corpus generator's CLI and test/bench/bench.ts into the cache folder;
// 3. generates the corpora with the generator CLI into the cache folder ($COPYDESK_BENCH_CACHE,
//    default /tmp/copydesk-bench), keyed by size, seed and a hash of the generator's source, so
//    re-runs reuse them and a changed generator gives fresh ones;
// 4. runs the benchmark: one JSON object on stdout (also saved as last-<mode>.json in the cache).
// Full mode: 1k, 10k and 50k articles (~250 MB for 50k). --quick: 1k only (CI, well under 3 min).
const { execFileSync, spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.join(__dirname, '..', '..');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};

const quick = flag('--quick');
const seed = Number(option('--seed', '1'));
const sizes = option('--sizes', quick ? '1000' : '1000,10000,50000').split(',').map(Number);
const cache = path.resolve(option('--cache', process.env.COPYDESK_BENCH_CACHE || path.join(os.tmpdir(), 'copydesk-bench')));
const cpuProf = option('--cpu-prof', undefined);
const log = (m) => process.stderr.write(`[bench] ${m}\n`);
fs.mkdirSync(cache, { recursive: true });

if (!flag('--no-build')) {
  log('building dist/server.js');
  execFileSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}
if (!fs.existsSync(path.join(root, 'dist', 'server.js'))) throw new Error('dist/server.js is missing: run npm run build');
// A snapshot of the bundled server (and its worker), so a rebuild of dist/ during the run
// cannot change the server under measurement.
const snapshot = path.join(cache, 'server');
fs.rmSync(snapshot, { recursive: true, force: true });
fs.mkdirSync(snapshot, { recursive: true });
for (const f of fs.readdirSync(path.join(root, 'dist'))) {
  const from = path.join(root, 'dist', f);
  if (!/^(cli|extension)\./.test(f) && fs.statSync(from).isFile()) fs.copyFileSync(from, path.join(snapshot, f));
}
const server = path.join(snapshot, 'server.js');
let build = 'unknown';
try {
  const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--', 'server/src'], { cwd: root }).toString().trim() ? '+dirty server/src' : '';
  build = head + dirty;
} catch {
  // not a git checkout
}

const esbuild = require('esbuild');
const bundle = (entry, outfile) => esbuild.buildSync({
  entryPoints: [path.join(__dirname, entry)], bundle: true, platform: 'node', target: 'node20', format: 'cjs',
  outfile, logLevel: 'warning', loader: { '.json': 'json' }, sourcemap: true,
});
const genJs = path.join(cache, 'gen.js');
const benchJs = path.join(cache, 'bench.js');
bundle('generateCorpus.cli.ts', genJs);
bundle('bench.ts', benchJs);

// Corpora, cached by size + seed + generator source.
const generatorHash = crypto.createHash('sha256')
  .update(fs.readFileSync(path.join(__dirname, 'generateCorpus.ts')))
  .update(fs.readFileSync(path.join(__dirname, 'generateCorpus.cli.ts')))
  .digest('hex').slice(0, 10);
const corpora = [];
for (const n of sizes) {
  const name = `corpus-${n}-s${seed}-${generatorHash}`;
  const dir = path.join(cache, name);
  const truth = `${dir}.truth.jsonl`;
  const meta = `${dir}.meta.json`;
  if (!fs.existsSync(meta)) {
    // Older corpora of this size and seed were made by another generator version: remove them.
    for (const entry of fs.readdirSync(cache)) {
      if (entry.startsWith(`corpus-${n}-s${seed}-`) && !entry.startsWith(name)) fs.rmSync(path.join(cache, entry), { recursive: true, force: true });
    }
    fs.rmSync(dir, { recursive: true, force: true });
    log(`generating ${n} articles into ${dir}`);
    const t0 = Date.now();
    execFileSync(process.execPath, [genJs, '--articles', String(n), '--seed', String(seed), '--out', dir, '--truth', truth], { stdio: ['ignore', 'ignore', 'inherit'] });
    let bytes = 0;
    const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) e.isDirectory() ? walk(path.join(d, e.name)) : (bytes += fs.statSync(path.join(d, e.name)).size); };
    walk(dir);
    fs.writeFileSync(meta, JSON.stringify({ articles: n, seed, bytes, generatorHash, seconds: (Date.now() - t0) / 1000 }) + '\n');
  }
  const { bytes } = JSON.parse(fs.readFileSync(meta, 'utf8'));
  corpora.push(['--corpus', `${n}=${dir},${bytes},${truth}`]);
}

const benchArgs = ['--server', server, '--storage', cache, '--build', build, ...corpora.flat()];
if (quick) benchArgs.push('--quick');
if (cpuProf) benchArgs.push('--cpu-prof-dir', path.resolve(cpuProf));
if (option('--keystrokes')) benchArgs.push('--keystrokes', option('--keystrokes'));
const nodeFlags = ['--enable-source-maps', '--max-old-space-size=8192'];
const run = spawnSync(process.execPath, [...nodeFlags, benchJs, ...benchArgs], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
if (run.status !== 0) {
  process.stdout.write(run.stdout ?? '');
  log(`benchmark failed (exit ${run.status})`);
  process.exit(run.status ?? 1);
}
const output = run.stdout.toString();
fs.writeFileSync(path.join(cache, `last-${quick ? 'quick' : 'full'}.json`), output);
process.stdout.write(output);
