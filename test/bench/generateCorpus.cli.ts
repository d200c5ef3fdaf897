// Writes a synthetic corpus to disk, one folder per outlet.
//
//   npx esbuild test/bench/generateCorpus.cli.ts --bundle --platform=node --outfile=out/gen.js
//   node out/gen.js --articles 10000 --out /tmp/corpus10k [--seed 1] [--outlets 12] [--events N]
//                   [--truth /tmp/corpus10k.truth.jsonl] [--world /tmp/corpus10k.world.json]
//
// (`node test/bench/buildGen.js` runs that esbuild command.) --truth writes one JSON line per
// article ({ path, ...truth }): quote families and variants with line numbers, mojibake, doubled
// words, entity mentions. --world writes the people, organisations, places, outlets, events and
// canonical quotes. The same arguments always give the same bytes.
import * as fs from 'fs';
import * as path from 'path';
import { buildWorld, iterateCorpus, type CorpusOptions } from './generateCorpus';

interface Args extends CorpusOptions {
  out: string;
  truth?: string;
  world?: string;
}

const USAGE = 'usage: gen --articles N --out DIR [--seed S] [--outlets K] [--events M] [--truth FILE.jsonl] [--world FILE.json]';

export function parseArgs(argv: string[]): Args {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') throw new Error(USAGE);
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unexpected argument ${a}\n${USAGE}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${m[1]} needs a value\n${USAGE}`);
    values.set(m[1], value);
  }
  const int = (name: string): number | undefined => {
    const v = values.get(name);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got ${v}`);
    return n;
  };
  for (const k of values.keys()) if (!['articles', 'out', 'seed', 'outlets', 'events', 'truth', 'world'].includes(k)) throw new Error(`unknown option --${k}\n${USAGE}`);
  const articles = int('articles');
  const out = values.get('out');
  if (articles === undefined || !out) throw new Error(USAGE);
  return { articles, out, seed: int('seed'), outlets: int('outlets'), events: int('events'), truth: values.get('truth'), world: values.get('world') };
}

export function run(args: Args): { articles: number; bytes: number; seconds: number } {
  const t0 = process.hrtime.bigint();
  const options: CorpusOptions = { articles: args.articles, seed: args.seed, outlets: args.outlets, events: args.events };
  fs.mkdirSync(args.out, { recursive: true });
  if (args.world) fs.writeFileSync(args.world, JSON.stringify(buildWorld(options), null, 1) + '\n');
  const truthFd = args.truth ? fs.openSync(args.truth, 'w') : undefined;
  const folders = new Set<string>();
  let bytes = 0;
  let count = 0;
  try {
    for (const article of iterateCorpus(options)) {
      const file = path.join(args.out, article.path);
      const dir = path.dirname(file);
      if (!folders.has(dir)) {
        fs.mkdirSync(dir, { recursive: true });
        folders.add(dir);
      }
      const data = Buffer.from(article.text, 'utf8');
      fs.writeFileSync(file, data);
      bytes += data.length;
      count++;
      if (truthFd !== undefined) fs.writeSync(truthFd, JSON.stringify({ path: article.path, ...article.truth }) + '\n');
    }
  } finally {
    if (truthFd !== undefined) fs.closeSync(truthFd);
  }
  return { articles: count, bytes, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}

if (require.main === module) {
  try {
    const args = parseArgs(process.argv.slice(2));
    const r = run(args);
    console.log(`wrote ${r.articles} articles (${(r.bytes / 1e6).toFixed(1)} MB) to ${args.out} in ${r.seconds.toFixed(1)} s`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
}
