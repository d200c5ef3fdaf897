import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AnalysisCache } from './analysisCache';
import { summarizeBytes } from './fileAnalysis';

const article = (n: number) =>
  Buffer.from(`Article ${n}\n\nMinister Ana Lind said: "We will reopen the bridge by March," in Tartu on Monday.  Then the the ferry left.\n`);

function folder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-cache-'));
}

test('analysis cache: summaries survive a save and a load in several chunks, checked by size and mtime', () => {
  const dir = folder();
  const cache = AnalysisCache.inFolder(dir);
  const count = 600; // more than two chunks
  for (let n = 0; n < count; n++) cache.set(`file:///a/${n}.txt`, 100 + n, 1000 + n, summarizeBytes(`file:///a/${n}.txt`, article(n)));
  cache.save();
  assert.deepEqual(fs.readdirSync(dir), ['analysis-cache.bin'], 'no temporary file left behind');

  const loaded = AnalysisCache.inFolder(dir);
  loaded.load();
  assert.equal(loaded.size, count);
  const summary = loaded.get('file:///a/599.txt', 699, 1599);
  assert.ok(summary);
  assert.deepEqual(summary, summarizeBytes('file:///a/599.txt', article(599)));
  assert.ok(summary.lineStarts instanceof Uint32Array, 'typed arrays come back as typed arrays');
  // Views into the file's buffer would keep the whole cache in memory as long as any summary lives.
  for (const column of [summary.lineStarts, summary.lineEnds, summary.mentions.starts, summary.mentions.types, summary.quotes.numbers]) {
    assert.equal(column.buffer.byteLength, column.byteLength, 'each typed array owns its memory');
  }
  assert.equal(summary.quotes.texts[0], 'We will reopen the bridge by March,');
  assert.ok(summary.problems.some((p) => p.rule === 'repeated-word'));
  assert.equal(loaded.get('file:///a/599.txt', 699, 9999), undefined, 'another mtime is a miss');
  assert.equal(loaded.get('file:///a/599.txt', 700, 1599), undefined, 'another size is a miss');
  assert.deepEqual([loaded.hits, loaded.misses], [1, 2]);
});

test('analysis cache: a truncated, foreign or missing file is ignored, never thrown', () => {
  const dir = folder();
  const cache = AnalysisCache.inFolder(dir);
  for (let n = 0; n < 300; n++) cache.set(`file:///b/${n}.txt`, n, n, summarizeBytes(`file:///b/${n}.txt`, article(n)));
  cache.save();
  const file = path.join(dir, 'analysis-cache.bin');
  const whole = fs.readFileSync(file);

  fs.writeFileSync(file, whole.subarray(0, whole.length - 10));
  const truncated = AnalysisCache.inFolder(dir);
  truncated.load();
  assert.equal(truncated.size, 0, 'a cut-off cache is not half used');

  const huge = Buffer.alloc(8);
  huge.writeUInt32LE(0xfffffff0); // a length far beyond the file
  fs.writeFileSync(file, huge);
  const lying = AnalysisCache.inFolder(dir);
  lying.load();
  assert.equal(lying.size, 0);

  fs.writeFileSync(file, 'not a cache at all');
  const foreign = AnalysisCache.inFolder(dir);
  foreign.load();
  assert.equal(foreign.size, 0);

  fs.rmSync(file);
  const missing = AnalysisCache.inFolder(dir);
  missing.load();
  assert.equal(missing.size, 0);

  const nowhere = AnalysisCache.inFolder(undefined);
  nowhere.set('file:///x', 1, 1, summarizeBytes('file:///x', article(1)));
  nowhere.save(); // no folder: nothing written, nothing thrown
});

test('analysis cache: retain drops files deleted meanwhile, and an unchanged cache is not rewritten', () => {
  const dir = folder();
  const cache = AnalysisCache.inFolder(dir);
  for (let n = 0; n < 3; n++) cache.set(`file:///c/${n}.txt`, n, n, summarizeBytes(`file:///c/${n}.txt`, article(n)));
  cache.retain(new Set(['file:///c/0.txt', 'file:///c/2.txt']));
  cache.save();
  const file = path.join(dir, 'analysis-cache.bin');
  const loaded = AnalysisCache.inFolder(dir);
  loaded.load();
  assert.equal(loaded.size, 2);
  assert.equal(loaded.get('file:///c/1.txt', 1, 1), undefined);
  const before = fs.statSync(file).mtimeMs;
  fs.utimesSync(file, new Date(0), new Date(0));
  loaded.retain(new Set(['file:///c/0.txt', 'file:///c/2.txt']));
  loaded.save();
  assert.equal(fs.statSync(file).mtimeMs, 0, 'nothing changed: not written again');
  assert.ok(before > 0);
});

test('analysis cache: the entity clustering it keeps survives a save and a load; keeping the same one again writes nothing', () => {
  const dir = folder();
  const cache = AnalysisCache.inFolder(dir);
  cache.set('file:///k/0.txt', 1, 1, summarizeBytes('file:///k/0.txt', article(0)));
  const clusters = { files: ['file:///k/0.txt'], counts: Uint32Array.of(3), hashes: Int32Array.of(-7), clusterOf: Int32Array.of(0, 1, 0), types: Uint8Array.of(0, 2) };
  cache.setClusters(clusters);
  cache.save();
  const file = path.join(dir, 'analysis-cache.bin');
  const loaded = AnalysisCache.inFolder(dir);
  loaded.load();
  assert.deepEqual(loaded.clusters, clusters);
  fs.utimesSync(file, new Date(0), new Date(0));
  loaded.setClusters(loaded.clusters!);
  loaded.save();
  assert.equal(fs.statSync(file).mtimeMs, 0, 'the same clustering: not written again');
  loaded.setClusters({ ...clusters, types: Uint8Array.of(0, 1) });
  loaded.save();
  assert.notEqual(fs.statSync(file).mtimeMs, 0, 'a new clustering is written');
  const again = AnalysisCache.inFolder(dir);
  again.load();
  assert.deepEqual(again.clusters?.types, Uint8Array.of(0, 1));
});

test('analysis cache: loadAsync gives what load gives, and keeps a file analysed while it was reading', async () => {
  const dir = folder();
  const cache = AnalysisCache.inFolder(dir);
  for (let n = 0; n < 3; n++) cache.set(`file:///d/${n}.txt`, n, n, summarizeBytes(`file:///d/${n}.txt`, article(n)));
  cache.save();
  const loading = AnalysisCache.inFolder(dir);
  const done = loading.loadAsync();
  const newer = summarizeBytes('file:///d/1.txt', article(41));
  loading.set('file:///d/1.txt', 1, 99, newer); // a watcher event handled before the read finished
  await done;
  assert.equal(loading.size, 3);
  assert.equal(loading.get('file:///d/1.txt', 1, 99), newer);
  assert.equal(loading.get('file:///d/1.txt', 1, 1), undefined, 'the cached older version is replaced');
  assert.ok(loading.get('file:///d/2.txt', 2, 2));
});

test('analysis cache: loadAsync gives way after each chunk it reads', async () => {
  const dir = folder();
  const cache = AnalysisCache.inFolder(dir);
  const summary = summarizeBytes('file:///e/0.txt', article(0));
  for (let n = 0; n < 256 * 6; n++) cache.set(`file:///e/${n}.txt`, n, n, summary);
  cache.save();
  const loading = AnalysisCache.inFolder(dir);
  let turns = 0;
  await loading.loadAsync(async () => {
    turns++;
    assert.equal(loading.size, 0, 'the entries arrive together, at the end');
  });
  assert.equal(turns, 6, 'one turn after each chunk of 256');
  assert.equal(loading.size, 256 * 6);
});

test('analysis cache: saveAsync writes what save writes, and a file analysed meanwhile keeps the cache dirty', async () => {
  const dir = folder();
  const cache = AnalysisCache.inFolder(dir);
  for (let n = 0; n < 600; n++) cache.set(`file:///e/${n}.txt`, n, n, summarizeBytes(`file:///e/${n}.txt`, article(n)));
  const saving = cache.saveAsync();
  cache.set('file:///e/late.txt', 1, 1, summarizeBytes('file:///e/late.txt', article(7))); // during the save
  await saving;
  assert.deepEqual(fs.readdirSync(dir), ['analysis-cache.bin']);
  const loaded = AnalysisCache.inFolder(dir);
  loaded.load();
  assert.ok(loaded.size >= 600);
  assert.deepEqual(loaded.get('file:///e/599.txt', 599, 599), summarizeBytes('file:///e/599.txt', article(599)));
  // the late file may or may not have made it into that write; the next save has it for sure
  await cache.saveAsync();
  const again = AnalysisCache.inFolder(dir);
  again.load();
  assert.equal(again.size, 601);
});

test('analysis cache: an unfinished asynchronous save leaves the cache dirty for the save at exit, and stale temporary files go at the next load', async () => {
  const dir = folder();
  const cache = AnalysisCache.inFolder(dir);
  for (let n = 0; n < 300; n++) cache.set(`file:///f/${n}.txt`, n, n, summarizeBytes(`file:///f/${n}.txt`, article(n)));
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const saving = cache.saveAsync(() => held); // someone keeps typing: the write waits
  await new Promise((r) => setTimeout(r, 50));
  cache.save(); // the server exits meanwhile: this save must write, though one is under way
  const atExit = AnalysisCache.inFolder(dir);
  atExit.load();
  assert.equal(atExit.size, 300);
  release();
  await saving;
  assert.deepEqual(fs.readdirSync(dir), ['analysis-cache.bin'], 'the superseded save left nothing behind');

  fs.writeFileSync(path.join(dir, 'analysis-cache.bin.99999.3.tmp'), 'half a cache from a killed server');
  AnalysisCache.inFolder(dir).load();
  assert.deepEqual(fs.readdirSync(dir), ['analysis-cache.bin']);
});
