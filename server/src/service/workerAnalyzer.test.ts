import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WorkerAnalyzer } from './workerAnalyzer';
import { summarizeBytes } from './fileAnalysis';

const SCRIPT = path.resolve('dist/analysisWorker.js');
const skip = !fs.existsSync(SCRIPT) && 'dist/analysisWorker.js not built';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const article = (i: number) =>
  new TextEncoder().encode(`Ferry talks resume in Vidin\n\n“We will not wait for the the inspectors,” said Mara Iliescu, the port director ${i}. The USÂ delegation left.\n`);

test('worker pool: same summaries as in this thread; workers stop when idle and start again for new work', { skip }, async () => {
  const pool = new WorkerAnalyzer(SCRIPT, 2, 200);
  try {
    const first = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => pool.summarize(`file:///a${i}.txt`, article(i))));
    for (let i = 0; i < first.length; i++) {
      const local = summarizeBytes(`file:///a${i}.txt`, article(i));
      assert.deepEqual(first[i].problems.map((p) => [p.rule, p.start, p.end]), local.problems.map((p) => [p.rule, p.start, p.end]));
      assert.deepEqual(first[i].mentions.texts, local.mentions.texts);
      assert.deepEqual(first[i].boilerplateKeys, local.boilerplateKeys);
    }
    assert.ok(first[0].problems.some((p) => p.rule === 'repeated-word'));
    assert.equal(pool.running, 2);
    await sleep(600);
    assert.equal(pool.running, 0, 'idle workers stopped');
    const again = await pool.summarize('file:///b.txt', article(9));
    assert.ok(again.problems.some((p) => p.rule === 'mojibake'));
    assert.equal(pool.started, 3);
  } finally {
    pool.dispose();
  }
});

test('worker pool: idle() at the end of a run stops the workers at once; busy ones finish first', { skip }, async () => {
  const pool = new WorkerAnalyzer(SCRIPT, 2, 60_000); // the idle timer alone would wait a minute
  try {
    const pending = pool.summarize('file:///c.txt', article(1));
    pool.idle(); // a file is still being analysed: nothing stops
    assert.equal(pool.running, 1);
    assert.ok((await pending).problems.some((p) => p.rule === 'repeated-word'));
    pool.idle();
    assert.equal(pool.running, 0, 'stopped without waiting for the idle timer');
    const again = await pool.summarize('file:///d.txt', article(2));
    assert.ok(again.problems.some((p) => p.rule === 'mojibake'), 'a new job starts a worker again');
  } finally {
    pool.dispose();
  }
});

test('worker pool: a worker reads a file by its path (same summary as from the bytes); a missing file rejects with a readable message', { skip }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-worker-'));
  const pool = new WorkerAnalyzer(SCRIPT, 1, 200);
  try {
    const file = path.join(dir, 'a.txt');
    fs.writeFileSync(file, article(4));
    const read = await pool.summarizeFile('file:///a.txt', file);
    const local = summarizeBytes('file:///a.txt', article(4));
    assert.deepEqual(read.problems.map((p) => [p.rule, p.start, p.end]), local.problems.map((p) => [p.rule, p.start, p.end]));
    assert.deepEqual(read.mentions.texts, local.mentions.texts);
    await assert.rejects(pool.summarizeFile('file:///gone.txt', path.join(dir, 'gone.txt')), /gone\.txt: no such file or folder/);
    assert.equal(pool.running, 1, 'an unreadable file does not stop its worker');
  } finally {
    pool.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('worker pool: a crashing worker loses no file (analysed in this thread instead)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-worker-'));
  const crashing = path.join(dir, 'crash.js');
  fs.writeFileSync(crashing, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
  const pool = new WorkerAnalyzer(crashing, 1, 200);
  const alive = setInterval(() => {}, 1000); // the pool's workers are unref'd: an editor connection keeps a server alive
  try {
    const summaries = await Promise.all([0, 1, 2].map((i) => pool.summarize(`file:///c${i}.txt`, article(i))));
    for (const s of summaries) assert.ok(s.problems.some((p) => p.rule === 'repeated-word'));
    // A file the worker was to read itself is read here instead.
    const file = path.join(dir, 'by-path.txt');
    fs.writeFileSync(file, article(5));
    assert.ok((await pool.summarizeFile('file:///by-path.txt', file)).problems.some((p) => p.rule === 'repeated-word'));
    await assert.rejects(pool.summarizeFile('file:///gone.txt', path.join(dir, 'gone.txt')), /no such file or folder/);
  } finally {
    clearInterval(alive);
    pool.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
