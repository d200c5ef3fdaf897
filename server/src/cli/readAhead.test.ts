import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Analyzer } from '../service/analyzer';
import type { FileSummary } from '../service/fileAnalysis';
import { ReadAheadAnalyzer } from './readAhead';

/** An analyser that records what it was given and answers with the text it read. */
class RecordingAnalyzer implements Analyzer {
  calls: Array<{ uri: string; text: string }> = [];
  failFirst = new Set<string>();
  disposed = false;
  async summarize(uri: string, bytes: Uint8Array): Promise<FileSummary> {
    const text = Buffer.from(bytes).toString('utf8');
    this.calls.push({ uri, text });
    if (this.failFirst.delete(uri)) throw new Error('worker crashed');
    return { encoding: text } as unknown as FileSummary;
  }
  idle(): void {}
  dispose(): void {
    this.disposed = true;
  }
}

function folderOf(texts: string[]): { dir: string; files: Array<{ uri: string; path: string }> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-readahead-'));
  const files = texts.map((text, i) => {
    const file = path.join(dir, `${i}.txt`);
    fs.writeFileSync(file, text);
    return { uri: pathToFileURL(file).href, path: file };
  });
  return { dir, files };
}

test('files are sent ahead, in order, and each answer comes from that head start', async () => {
  const { dir, files } = folderOf(['zero', 'one', 'two', 'three', 'four']);
  try {
    const inner = new RecordingAnalyzer();
    const ahead = new ReadAheadAnalyzer(inner, files, 1 << 20, 3);
    const first = await ahead.summarize(files[0].uri, fs.readFileSync(files[0].path));
    assert.equal(first.encoding, 'zero');
    // the file asked for first, then the three after it, before the corpus asks for them
    assert.deepEqual(inner.calls.map((c) => c.text), ['zero', 'one', 'two', 'three']);
    for (let i = 1; i < files.length; i++) {
      assert.equal((await ahead.summarize(files[i].uri, fs.readFileSync(files[i].path))).encoding, ['zero', 'one', 'two', 'three', 'four'][i]);
    }
    assert.equal(inner.calls.length, files.length, 'every file analysed once');
    ahead.dispose();
    assert.ok(inner.disposed);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a file that changed after it was read ahead is analysed again from the bytes the corpus read', async () => {
  const { dir, files } = folderOf(['zero', 'one']);
  try {
    const inner = new RecordingAnalyzer();
    const ahead = new ReadAheadAnalyzer(inner, files, 1 << 20, 4);
    await ahead.summarize(files[0].uri, fs.readFileSync(files[0].path)); // reads "one" ahead
    fs.writeFileSync(files[1].path, 'one, edited');
    const summary = await ahead.summarize(files[1].uri, fs.readFileSync(files[1].path));
    assert.equal(summary.encoding, 'one, edited');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('files over the size limit are not read ahead, and a failed analysis is tried again', async () => {
  const { dir, files } = folderOf(['zero', 'x'.repeat(100), 'two']);
  try {
    const inner = new RecordingAnalyzer();
    inner.failFirst.add(files[2].uri);
    const ahead = new ReadAheadAnalyzer(inner, files, 50, 4);
    await ahead.summarize(files[0].uri, fs.readFileSync(files[0].path));
    assert.deepEqual(inner.calls.map((c) => c.text), ['zero', 'two'], 'the large file is left to the corpus');
    assert.equal((await ahead.summarize(files[2].uri, fs.readFileSync(files[2].path))).encoding, 'two');
    assert.equal(inner.calls.length, 3, 'the failed one was analysed once more');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
