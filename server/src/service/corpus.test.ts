import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Corpus, type CorpusObserver } from './corpus';
import { MemoryWorkspace } from './memoryWorkspace';
import { resolveSettings } from './settings';
import type { FileAnalysis } from './fileAnalysis';
import { NodeWorkspace } from './nodeWorkspace';
import { WorkerAnalyzer } from './workerAnalyzer';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

function recorder(): CorpusObserver & { changed: string[]; removed: string[] } {
  const changed: string[] = [];
  const removed: string[] = [];
  return { changed, removed, fileChanged: (f: FileAnalysis) => changed.push(`${f.uri}@${f.version}`), fileRemoved: (u) => removed.push(u) };
}

test('indexing finds corpus files, skips excluded folders and other extensions', async () => {
  const ws = new MemoryWorkspace('file:///corpus', {
    'a.txt': 'one',
    'outlet/b.article': 'two',
    'notes.md': 'not an article',
    'node_modules/pkg/readme.txt': 'dependency',
    '.git/info.txt': 'hidden',
  });
  const corpus = new Corpus(ws, resolveSettings(undefined));
  const reports: Array<[number, number]> = [];
  const count = await corpus.index([ws.root], { report: (d, t) => reports.push([d, t]), isCancelled: () => false });
  assert.equal(count, 2);
  assert.deepEqual(corpus.files().map((f) => f.uri).sort(), [ws.uri('a.txt'), ws.uri('outlet/b.article')]);
  assert.deepEqual(reports.at(-1), [2, 2]);
  assert.equal(ws.reads, 2, 'excluded files are never read');
});

test('an open document wins over its disk copy, and closing falls back to disk', async () => {
  const quoted = (words: string) => `The pilot said "${words}" to the inquiry.`;
  const ws = new MemoryWorkspace('file:///corpus', { 'a.txt': quoted('we never saw the second barge at all') });
  const corpus = new Corpus(ws, resolveSettings(undefined));
  const observer = recorder();
  corpus.observe(observer);
  await corpus.index([ws.root]);
  const uri = ws.uri('a.txt');
  const quoteNow = () => corpus.get(uri)!.quotes()[0]?.text;
  assert.equal(corpus.get(uri)!.hasText, false, 'an indexed disk file keeps only its summary');
  corpus.setOpen(uri, 1, quoted('unsaved words typed in the editor just now'));
  assert.equal(quoteNow(), 'unsaved words typed in the editor just now');
  // A disk change while the document is open does not replace what the user sees.
  ws.write('a.txt', quoted('words saved to disk by another program later'));
  await corpus.loadFromDisk(uri);
  assert.equal(quoteNow(), 'unsaved words typed in the editor just now');
  await corpus.close(uri);
  assert.equal(quoteNow(), 'words saved to disk by another program later');
  assert.equal(observer.changed.length, 3, 'disk load, open, back to disk');
});

test('a deleted file leaves the corpus and observers hear of it', async () => {
  const ws = new MemoryWorkspace('file:///corpus', { 'a.txt': 'x', 'b.txt': 'y' });
  const corpus = new Corpus(ws, resolveSettings(undefined));
  const observer = recorder();
  corpus.observe(observer);
  await corpus.index([ws.root]);
  const gone = ws.delete('b.txt');
  corpus.removeFromDisk(gone);
  assert.equal(corpus.size, 1);
  assert.deepEqual(observer.removed, [gone]);
  // A file deleted between listing and reading is dropped quietly.
  assert.equal(await corpus.loadFromDisk(ws.uri('never.txt')), undefined);
});

test('binary, oversized and non-UTF-8 files are reported, not analysed', async () => {
  const ws = new MemoryWorkspace('file:///corpus', {
    'image.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
    'big.txt': 'x'.repeat(2 * 1024 * 1024),
    'cp1252.txt': new Uint8Array([0x63, 0x61, 0x66, 0xe9]),
  });
  const corpus = new Corpus(ws, resolveSettings({ maxFileSizeMb: 1 }));
  await corpus.index([ws.root]);
  const problems = (name: string) => corpus.get(ws.uri(name))!.problems(corpus.settings);
  assert.deepEqual(problems('image.txt').map((p) => p.rule), ['file-skipped']);
  assert.match(problems('image.txt')[0].message, /binary/);
  assert.match(problems('big.txt')[0].message, /over the 1 MB limit/);
  const notUtf8 = problems('cp1252.txt')[0];
  assert.equal(notUtf8.rule, 'not-utf8');
  assert.deepEqual([notUtf8.start, notUtf8.end], [0, 0]);
  assert.equal(ws.reads, 2, 'the oversized file is not even read');
});

test('analysis is cached per version: asking twice does not re-run the rules', () => {
  const corpus = new Corpus(new MemoryWorkspace(), resolveSettings(undefined));
  const file = corpus.setOpen('file:///corpus/x.txt', 1, 'text');
  assert.equal(file.problems(corpus.settings), file.problems(corpus.settings));
  assert.equal(corpus.setOpen('file:///corpus/x.txt', 1, 'text'), file, 'same version and text: same analysis');
  assert.notEqual(corpus.setOpen('file:///corpus/x.txt', 2, 'text 2'), file);
});

test('indexing can be cancelled', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 200; i++) files[`f${i}.txt`] = `article ${i}`;
  const ws = new MemoryWorkspace('file:///corpus', files);
  const corpus = new Corpus(ws, resolveSettings(undefined));
  let cancelled = false;
  setImmediate(() => (cancelled = true));
  const count = await corpus.index([ws.root], { report: () => {}, isCancelled: () => cancelled });
  assert.ok(count < 200, `stopped early after ${count}`);
});

test('size counts each file once: disk files, open disk files and open documents that are not on disk', async () => {
  const ws = new MemoryWorkspace('file:///corpus', { 'a.txt': 'x', 'b.txt': 'y', 'c.txt': 'z' });
  const corpus = new Corpus(ws, resolveSettings(undefined));
  await corpus.index([ws.root]);
  assert.equal(corpus.size, 3);
  corpus.setOpen(ws.uri('a.txt'), 1, 'x, edited');
  assert.equal(corpus.size, 3, 'an open file that is on disk counts once');
  corpus.setOpen('untitled:Untitled-1', 1, 'new text');
  assert.equal(corpus.size, 4);
  assert.equal(corpus.size, corpus.files().length);
  await corpus.close('untitled:Untitled-1');
  assert.equal(corpus.size, 3);
});

test('closing a document that is not on disk tells the observers it is gone', async () => {
  const ws = new MemoryWorkspace('file:///corpus', { 'a.txt': 'x' });
  const corpus = new Corpus(ws, resolveSettings(undefined));
  const observer = recorder();
  corpus.observe(observer);
  await corpus.index([ws.root]);
  corpus.setOpen('untitled:Untitled-1', 1, 'Minister Mara Lindqvist said "we will rebuild the harbour".');
  await corpus.close('untitled:Untitled-1');
  assert.deepEqual(observer.removed, ['untitled:Untitled-1']);
  // a file deleted from disk while open in the editor goes too when it is closed
  corpus.setOpen(ws.uri('a.txt'), 1, 'x, edited');
  ws.delete('a.txt');
  await corpus.close(ws.uri('a.txt'));
  assert.deepEqual(observer.removed, ['untitled:Untitled-1', ws.uri('a.txt')]);
  assert.equal(corpus.size, 0);
});

test('on the real disk, worker threads read the files themselves: same problems, names and quotations as read here; a vanished file is dropped', { skip: !fs.existsSync('dist/analysisWorker.js') && 'dist/analysisWorker.js not built' }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-corpus-'));
  fs.writeFileSync(path.join(dir, 'a.txt'), 'VIDIN (Wire) — Mara Iliescu said "the the ferry will sail on Monday" before the USÂ delegation left.\n');
  fs.writeFileSync(path.join(dir, 'b.txt'), new Uint8Array([0x63, 0x61, 0x66, 0xe9]));
  fs.writeFileSync(path.join(dir, 'c.txt'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]));
  const pool = new WorkerAnalyzer(path.resolve('dist/analysisWorker.js'), 2, 200);
  try {
    const root = pathToFileURL(dir).href;
    const inWorkers = new Corpus(new NodeWorkspace(), resolveSettings(undefined), { analyzer: pool });
    const here = new Corpus(new NodeWorkspace(), resolveSettings(undefined));
    assert.equal(await inWorkers.index([root]), 3);
    assert.equal(await here.index([root]), 3);
    const view = (c: Corpus) => c.files().map((f) => ({
      uri: f.uri,
      problems: f.problems(c.settings).map((p) => [p.rule, p.start, p.end]),
      mentions: f.mentions().map((m) => m.text),
      quotes: f.quotes().map((q) => q.text),
    })).sort((a, b) => (a.uri < b.uri ? -1 : 1));
    assert.deepEqual(view(inWorkers), view(here));
    const a = view(inWorkers)[0];
    assert.ok(a.problems.some(([rule]) => rule === 'repeated-word') && a.problems.some(([rule]) => rule === 'mojibake'));
    assert.deepEqual(view(inWorkers).map((f) => f.problems[0]?.[0]).slice(1), ['not-utf8', 'file-skipped']);
    // Listed, then deleted before a worker could read it.
    const gone = pathToFileURL(path.join(dir, 'gone.txt')).href;
    assert.equal(await inWorkers.loadFromDisk(gone, { size: 10, mtime: 1 }), undefined);
    assert.equal(inWorkers.get(gone), undefined);
  } finally {
    pool.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
