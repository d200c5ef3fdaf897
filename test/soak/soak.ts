// Soak test (issue #9; not in `npm test`, run by CI): 20,000 random edits over LSP across a
// 1,000-article corpus, with hovers and references in between. Passes when no request fails
// except by cancellation, the server never exits, and its memory returns near its baseline.
//   npm run test:soak [-- --edits 20000 --articles 1000]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateCorpus, mulberry32 } from '../bench/generateCorpus';
import { LspClient } from '../protocol/lspClient';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const edits = arg('edits', 20000);
const articles = arg('articles', 1000);
const openCount = 20;

function rss(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function main(): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-soak-'));
  const random = mulberry32(7);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const corpus = generateCorpus({ articles, seed: 3 });
  for (const a of corpus) {
    fs.mkdirSync(path.join(dir, path.dirname(a.path)), { recursive: true });
    fs.writeFileSync(path.join(dir, a.path), a.text);
  }
  // --expose-gc lets copydesk/memory collect garbage first, so the heap figures are exact.
  const client = new LspClient(path.resolve('dist/server.js'), ['--expose-gc']);
  let failures = 0;
  let cancelled = 0;
  const failed: string[] = [];
  const ask = async (method: string, params: unknown) => {
    try {
      return await client.request(method, params, 60000);
    } catch (error: any) {
      if (error.code === -32800) cancelled++;
      else {
        failures++;
        if (failed.length < 10) failed.push(`${method}: ${error.message}`);
      }
      return undefined;
    }
  };
  try {
    const started = Date.now();
    await client.initialize(dir);
    while (!client.logs.some((l) => /indexed \d+ articles/.test(l))) {
      if (client.exit) throw new Error('the server exited while indexing');
      await new Promise((r) => setTimeout(r, 100));
    }
    console.log(`indexed ${articles} articles in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const docs = corpus.slice(0, openCount).map((a) => ({ uri: pathToFileURL(path.join(dir, a.path)).href, text: a.text, version: 1 }));
    for (const d of docs) client.open(d.uri, d.text, 1);
    await ask('textDocument/hover', { textDocument: { uri: docs[0].uri }, position: { line: 0, character: 0 } });
    const heap = async () => ((await ask('copydesk/memory', {})) as { heapUsedMb: number }).heapUsedMb;
    const baselineHeap = await heap();
    let halfwayHeap = baselineHeap;
    const baseline = rss(client.process.pid!);
    let peak = baseline;

    const snippets = ['the ', 'the the ', '“A quote,” he said. ', 'Mr Kerrigan ', 'USÂ\u00a0', '😀', '\n', '"', ' ', 'Velmora '];
    const editStarted = Date.now();
    for (let i = 1; i <= edits; i++) {
      const d = pick(docs);
      const offset = Math.floor(random() * (d.text.length + 1));
      const deleting = random() < 0.4 && d.text.length > 50;
      const end = deleting ? Math.min(d.text.length, offset + 1 + Math.floor(random() * 12)) : offset;
      const insert = deleting ? '' : pick(snippets);
      const before = d.text.slice(0, offset);
      const line = before.split('\n').length - 1;
      const character = offset - (before.lastIndexOf('\n') + 1);
      const removed = d.text.slice(offset, end);
      const endLine = line + (removed.split('\n').length - 1);
      const endCharacter = removed.includes('\n') ? removed.length - (removed.lastIndexOf('\n') + 1) : character + removed.length;
      d.text = before + insert + d.text.slice(end);
      d.version++;
      client.notify('textDocument/didChange', {
        textDocument: { uri: d.uri, version: d.version },
        contentChanges: [{ range: { start: { line, character }, end: { line: endLine, character: endCharacter } }, text: insert }],
      });
      if (i % 10 === 0) {
        const target = pick(docs);
        const lines = target.text.split('\n');
        const l = Math.floor(random() * lines.length);
        const position = { line: l, character: Math.floor(random() * (lines[l].length + 1)) };
        await ask('textDocument/hover', { textDocument: { uri: target.uri }, position });
        await ask('textDocument/references', { textDocument: { uri: target.uri }, position, context: { includeDeclaration: true } });
        peak = Math.max(peak, rss(client.process.pid!));
      }
      if (i % 1000 === 0) console.log(`${i} edits, ${((Date.now() - editStarted) / 1000).toFixed(0)} s, rss ${rss(client.process.pid!).toFixed(0)} MB`);
      if (i === Math.floor(edits / 2)) halfwayHeap = await heap();
      if (client.exit) throw new Error('the server exited');
    }
    // Close everything the edits touched; what the edits built must be collectable again.
    for (const d of docs) client.notify('textDocument/didClose', { textDocument: { uri: d.uri } });
    await ask('workspace/symbol', { query: '' });
    await new Promise((r) => setTimeout(r, 3000));
    const endHeap = await heap();
    const end = rss(client.process.pid!);
    // The heap after a full collection is the leak measure (RSS is reported, but V8 keeps pages it
    // grew). Bounded caches fill during the first half and then stay; a leak keeps growing, so the
    // second half of the run may add at most a quarter of the baseline, and the end stays within
    // twice the baseline plus 32 MB.
    const limit = Math.min(halfwayHeap + baselineHeap * 0.25 + 8, baselineHeap * 2 + 32);
    console.log(JSON.stringify({
      edits, articles, failures, cancelled,
      baseline_heap_mb: Math.round(baselineHeap), halfway_heap_mb: Math.round(halfwayHeap), end_heap_mb: Math.round(endHeap), limit_heap_mb: Math.round(limit),
      baseline_rss_mb: Math.round(baseline), peak_rss_mb: Math.round(peak), end_rss_mb: Math.round(end),
      seconds: Math.round((Date.now() - started) / 1000),
    }));
    for (const f of failed) console.log(`  failed: ${f}`);
    const ok = failures === 0 && !client.exit && endHeap <= limit;
    if (endHeap > limit) console.log(`the heap did not return near its baseline: ${endHeap.toFixed(0)} MB > ${limit.toFixed(0)} MB`);
    console.log(`soak: ${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed`);
    return ok ? 0 : 1;
  } finally {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (error) => {
  console.error(error);
  console.log('soak: 0 passed, 1 failed');
  process.exit(1);
});
