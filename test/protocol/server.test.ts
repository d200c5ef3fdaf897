// Level 2: the real bundled server as a child process, real JSON-RPC over stdio.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { LspClient } from './lspClient';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-protocol-'));
after(() => fs.rmSync(folder, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(folder, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return pathToFileURL(file).href;
}

test('initialize announces the features an editor needs', async () => {
  const client = new LspClient();
  try {
    const { capabilities } = await client.initialize(folder);
    for (const key of ['hoverProvider', 'referencesProvider', 'definitionProvider', 'codeActionProvider', 'codeLensProvider', 'documentSymbolProvider']) {
      assert.ok(capabilities[key], `${key} is offered`);
    }
    assert.deepEqual(capabilities.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.copydesk']);
    assert.equal(capabilities.textDocumentSync.change, 2, 'incremental sync');
  } finally {
    await client.shutdown();
  }
});

test('an opened document gets diagnostics for each version, and a client that disconnects ends the server', async () => {
  const client = new LspClient();
  await client.initialize(folder);
  const uri = write('open.txt', 'Plain text.\n');
  client.open(uri, 'Plain text.\n', 1);
  assert.ok(Array.isArray(await client.waitForDiagnostics(uri, 1)));
  client.notify('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'More. ' }],
  });
  assert.ok(Array.isArray(await client.waitForDiagnostics(uri, 2)));
  client.process.stdin.end();
  const started = Date.now();
  while (!client.exit && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 20));
  assert.ok(client.exit, 'the server exits when its input closes');
});

test('a request about an unknown document or out-of-range position answers without killing the server', async () => {
  const client = new LspClient();
  try {
    await client.initialize(folder);
    const nowhere = { textDocument: { uri: 'file:///nowhere/x.txt' }, position: { line: 99999, character: -5 } };
    assert.equal(await client.request('textDocument/hover', nowhere), null);
    assert.deepEqual(await client.request('textDocument/references', { ...nowhere, context: { includeDeclaration: true } }), []);
    await assert.rejects(client.request('copydesk/noSuchMethod', {}), /Unhandled method|not found/i);
    const init = await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///nowhere/x.txt' } });
    assert.deepEqual(init, []);
    assert.equal(client.exit, undefined);
  } finally {
    await client.shutdown();
  }
});

/** Polls a request until its answer satisfies `ready` (the corpus is indexed in the background). */
async function until<T>(ask: () => Promise<T>, ready: (value: T) => boolean, timeoutMs = 10000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await ask();
    if (ready(value) || Date.now() - started > timeoutMs) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('references on a quote return the other articles; hover names the speaker; positions are exact with CRLF and emoji', async () => {
  const corpusDir = path.join(folder, 'quotes');
  const a = write('quotes/harbour-times.txt',
    'VELMORA, Ostland (Harbour Times) — Harbour Minister Tomas Kerrigan said on Monday 🚢 the port would reopen.\r\n' +
    '“We will not reopen the eastern quay until every crane has been inspected by independent engineers,” Mr Kerrigan told reporters.\r\n');
  const b = write('quotes/coast-courier.txt',
    '"We will not reopen the eastern quay until every crane has been inspected by engineers," Kerrigan said.\n');
  const client = new LspClient();
  try {
    await client.initialize(corpusDir);
    const text = fs.readFileSync(new URL(a), 'utf8');
    client.open(a, text, 1);
    // "every" on line 1 (after CRLF); the emoji on line 0 must not shift anything.
    const position = { line: 1, character: '“We will not reopen the eastern quay until '.length };
    const refs = await until(
      () => client.request<Array<{ uri: string; range: any }>>('textDocument/references', { textDocument: { uri: a }, position, context: { includeDeclaration: true } }),
      (r) => r.length >= 2,
    );
    assert.deepEqual([...new Set(refs.map((r) => r.uri))].sort(), [a, b].sort());
    const own = refs.find((r) => r.uri === a)!;
    assert.deepEqual(own.range.start, { line: 1, character: 1 }, 'the quote starts after the opening mark');
    // The corpus panel's trees come from the server.
    const families = await client.request<any[]>('copydesk/quoteFamilies', {});
    assert.equal(families.length, 1);
    assert.equal(families[0].speaker, 'Tomas Kerrigan');
    assert.equal(families[0].outlets, 2);
    assert.equal(families[0].members, 2);
    const members = await client.request<any[]>('copydesk/quoteFamilyMembers', { id: families[0].id });
    assert.deepEqual(members.map((m: any) => m.file).sort(), ['coast-courier.txt', 'harbour-times.txt']);
    assert.ok(members.every((m: any) => m.text.length > 20 && m.range.start.line >= 0));
    assert.deepEqual(await client.request('copydesk/quoteFamilyMembers', { id: 'no-such-family' }), []);
    // The names of files read from disk join the entity index when indexing ends.
    await until(async () => client.logs.find((l) => /indexed \d+ articles/.test(l)), (l) => l !== undefined);
    const entities = await client.request<any[]>('copydesk/entities', {});
    const kerrigan = entities.find((e) => e.name === 'Tomas Kerrigan');
    assert.equal(kerrigan.type, 'person');
    assert.equal(kerrigan.fileCount, 2);
    const files = await client.request<any[]>('copydesk/entityFiles', { id: kerrigan.id });
    assert.deepEqual(files.map((f) => f.file).sort(), ['coast-courier.txt', 'harbour-times.txt']);
    assert.ok(files.every((f) => f.count >= 1 && f.range.start.line >= 0));
    assert.deepEqual(await client.request('copydesk/entityFiles', { id: 42 }), []);
    const hover = await client.request('textDocument/hover', { textDocument: { uri: a }, position });
    assert.match(hover.contents.value, /Tomas Kerrigan/);
    assert.match(hover.contents.value, /coast-courier|coast\\-courier/);
  } finally {
    await client.shutdown();
  }
});

test('references to a name in a hundred articles come back whole and exact over stdio (the long-list encoder)', async () => {
  const corpusDir = path.join(folder, 'many refs é');
  const articles = Array.from({ length: 100 }, (_, i) => {
    const text = `Report ${i}\n\nThe crossing was opened by Ines Valko.${' Traffic was light.'.repeat(i % 7)}\r\nLater, Ines Valko left.\n`;
    return { uri: write(`many refs é/article ${String(i).padStart(3, '0')}.txt`, text), text };
  });
  const expected = articles.flatMap(({ uri, text }) => {
    const lines = text.split(/\r?\n/);
    return lines.flatMap((line, n) => [...line.matchAll(/Ines Valko/g)].map((m) => ({
      uri, range: { start: { line: n, character: m.index! }, end: { line: n, character: m.index! + m[0].length } },
    })));
  });
  const key = (l: { uri: string; range: any }) => `${l.uri} ${l.range.start.line}:${l.range.start.character}-${l.range.end.line}:${l.range.end.character}`;
  const client = new LspClient();
  try {
    await client.initialize(corpusDir);
    const position = { line: 2, character: 'The crossing was opened by Ines Va'.length };
    const found = await until(
      () => client.request<any[]>('textDocument/references', { textDocument: { uri: articles[0].uri }, position, context: { includeDeclaration: true } }),
      (r) => (r ?? []).length >= expected.length,
    );
    assert.equal(found!.length, expected.length);
    assert.deepEqual(found!.map(key).sort(), expected.map(key).sort());
  } finally {
    await client.shutdown();
  }
});

test('a client that sends only the deprecated rootPath gets that folder indexed as the corpus', async () => {
  const corpusDir = path.join(folder, 'root-path');
  const a = write('root-path/northern-post.txt', 'Port director Hanna Sorvik said the dredging would "finish well before the autumn storms reach the coast," she told the board.\n');
  const b = write('root-path/evening-star.txt', '"Finish well before the autumn storms reach the coast," Sorvik said of the dredging.\n');
  const client = new LspClient();
  try {
    await client.request('initialize', { processId: process.pid, rootPath: corpusDir, rootUri: null, capabilities: {} });
    client.notify('initialized', {});
    const indexed = await until(async () => client.logs.find((l) => /indexed \d+ articles/.test(l)), (l) => l !== undefined);
    assert.match(indexed ?? '', /indexed 2 articles/);
    client.open(a, fs.readFileSync(new URL(a), 'utf8'), 1);
    const refs = await until(
      () => client.request<Array<{ uri: string }>>('textDocument/references', { textDocument: { uri: a }, position: { line: 0, character: 60 }, context: { includeDeclaration: true } }),
      (r) => r.length >= 2,
    );
    assert.deepEqual([...new Set(refs.map((r) => r.uri))].sort(), [a, b].sort());
  } finally {
    await client.shutdown();
  }
});

test('diagnostics flag mojibake and a doubled word at exact UTF-16 positions, and the quick fix repairs it', async () => {
  const client = new LspClient();
  try {
    await client.initialize(folder);
    const uri = write('damage.txt', '😀 The USÂ\u00a0ferry left the the quay.\n');
    const text = fs.readFileSync(new URL(uri), 'utf8');
    client.open(uri, text, 1);
    const diagnostics = await client.waitForDiagnostics(uri, 1);
    const byCode = Object.fromEntries(diagnostics.map((d) => [d.code, d]));
    assert.deepEqual(byCode['mojibake'].range, { start: { line: 0, character: 9 }, end: { line: 0, character: 11 } });
    assert.deepEqual(byCode['repeated-word'].range, { start: { line: 0, character: 22 }, end: { line: 0, character: 29 } });
    const actions = await client.request('textDocument/codeAction', {
      textDocument: { uri }, range: byCode['repeated-word'].range, context: { diagnostics: [byCode['repeated-word']], only: ['quickfix'] },
    });
    const fix = actions.find((a: any) => a.isPreferred);
    assert.equal(fix.kind, 'quickfix');
    assert.deepEqual(fix.edit.documentChanges[0].textDocument, { uri, version: 1 });
  } finally {
    await client.shutdown();
  }
});

test('"ignore here" writes .copydesk.json by content; the problem stays gone after an edit above it', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-ignore-'));
  const client = new LspClient();
  try {
    const file = path.join(dir, 'a.txt');
    const text = 'First line.\nThe ferry left the the quay.\n';
    fs.writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    await client.initialize(dir);
    client.open(uri, text, 1);
    const [doubled] = (await client.waitForDiagnostics(uri, 1)).filter((d) => d.code === 'repeated-word');
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: doubled.range, context: { diagnostics: [doubled] } });
    const ignore = actions.find((a: any) => a.title === 'Ignore this repeated-word here');
    assert.ok(ignore, 'an ignore action is offered');
    await client.request('workspace/executeCommand', ignore.command);
    const config = JSON.parse(fs.readFileSync(path.join(dir, '.copydesk.json'), 'utf8'));
    assert.deepEqual(config.ignore[0].rule, 'repeated-word');
    assert.equal(config.ignore[0].file, 'a.txt');
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'A new opening paragraph.\n' }],
    });
    const after = await client.waitForDiagnostics(uri, 2);
    assert.equal(after.filter((d) => d.code === 'repeated-word').length, 0);
    // The CLI honours the same file.
    const out = execFileSync(process.execPath, [path.resolve('dist/cli.js'), 'check', '--format', 'json', dir], { encoding: 'utf8' });
    assert.equal(JSON.parse(out).problems.filter((p: any) => p.code === 'repeated-word').length, 0);
  } finally {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('with corpus-wide problems on, articles nobody opened get diagnostics too', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-wide-'));
  const client = new LspClient();
  try {
    fs.writeFileSync(path.join(dir, 'closed.txt'), 'Nobody opened this article about the the ferry.\n');
    fs.writeFileSync(path.join(dir, 'clean.txt'), 'A clean article.\n');
    client.configuration = { corpusWideProblems: true };
    await client.initialize(dir);
    const uri = pathToFileURL(path.join(dir, 'closed.txt')).href;
    const diagnostics = await client.waitForDiagnostics(uri, undefined, 20000);
    assert.deepEqual(diagnostics.map((d) => d.code), ['repeated-word']);
    assert.ok(!client.diagnostics.has(pathToFileURL(path.join(dir, 'clean.txt')).href), 'nothing is sent for a clean article');
  } finally {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a request that makes a handler throw is answered with an error, logged, and the server keeps serving', async () => {
  const client = new LspClient();
  try {
    await client.initialize(folder);
    // Malformed params: no textDocument at all.
    await assert.rejects(client.request('textDocument/hover', { position: { line: 0, character: 0 } }), /Copydesk: hover failed/);
    await assert.rejects(client.request('textDocument/codeAction', {}), /Copydesk: codeAction failed/);
    const uri = write('alive.txt', 'Still the the same.\n');
    client.open(uri, 'Still the the same.\n', 1);
    const diagnostics = await client.waitForDiagnostics(uri, 1);
    assert.equal(diagnostics[0].code, 'repeated-word', 'the server still works');
    assert.ok(client.logs.some((l) => /hover failed/.test(l)), 'the failure is logged');
  } finally {
    await client.shutdown();
  }
});

test('$/cancelRequest: a request cancelled while the server is busy is answered RequestCancelled, and the next one is served', async () => {
  const client = new LspClient();
  try {
    await client.initialize(folder);
    const small = write('cancel-small.txt', 'Mara Iliescu said the ferry would sail.\n');
    client.open(small, 'Mara Iliescu said the ferry would sail.\n', 1);
    await client.waitForDiagnostics(small, 1);
    // a large document keeps the server analysing for a while
    const big = 'Mara Iliescu said the the ferry from Vidin would sail on Monday. '.repeat(30000);
    client.open(write('cancel-big.txt', big), big, 1);
    const id = (client as unknown as { nextId: number }).nextId;
    const hover = client.request('textDocument/hover', { textDocument: { uri: small }, position: { line: 0, character: 2 } });
    client.notify('$/cancelRequest', { id });
    await assert.rejects(hover, (error: { code?: number }) => error.code === -32800);
    const again = await client.request('textDocument/hover', { textDocument: { uri: small }, position: { line: 0, character: 2 } });
    assert.match(JSON.stringify(again), /Iliescu/);
  } finally {
    await client.shutdown();
  }
});

test('warm start: a second server reads unchanged articles from the cache in the storage folder and answers the same', async () => {
  const corpusDir = path.join(folder, 'warm');
  const storage = path.join(folder, 'warm-storage');
  const quote = '"The ferry will sail again before the first snow," said Harbour Master Ines Valko.';
  const uris = ['north-gazette', 'lake-post', 'delta-wire'].map((outlet, i) =>
    write(`warm/${outlet}.txt`, `${outlet} report ${i}\n\nThe crossing reopened on Monday. ${quote}\nTraffic was light.\n`),
  );
  const line = 2;
  const character = `The crossing reopened on Monday. ${quote}`.indexOf('ferry');
  const indexedLog = (client: LspClient) => until(async () => client.logs.find((l) => /indexed \d+ articles/.test(l)), (l) => l !== undefined);
  const references = async (client: LspClient) =>
    (await until(
      () => client.request<any[]>('textDocument/references', { textDocument: { uri: uris[0] }, position: { line, character }, context: { includeDeclaration: true } }),
      (r) => (r ?? []).length >= 3,
    )) ?? [];

  const cold = new LspClient();
  let coldRefs: any[];
  try {
    await cold.initialize(corpusDir, { storagePath: storage });
    assert.match((await indexedLog(cold))!, /indexed 3 articles in \d+ ms, 0 from the cache/);
    coldRefs = await references(cold);
    assert.equal(coldRefs.length, 3);
  } finally {
    await cold.shutdown();
  }
  assert.ok(fs.existsSync(path.join(storage, 'analysis-cache.bin')), 'the cache is written to the storage folder');

  // One article changes while no server runs: it alone is analysed again.
  fs.appendFileSync(new URL(uris[2]), 'A late update.\n');
  const warm = new LspClient();
  try {
    await warm.initialize(corpusDir, { storagePath: storage });
    assert.match((await indexedLog(warm))!, /indexed 3 articles in \d+ ms, 2 from the cache/);
    assert.deepEqual(await references(warm), coldRefs);
  } finally {
    await warm.shutdown();
  }
});

test('warm start of a corpus large enough for a background build: the entity clustering comes from the cache too, and hovers answer the same', async () => {
  const corpusDir = path.join(folder, 'warm-many');
  const storage = path.join(folder, 'warm-many-storage');
  const uris = Array.from({ length: 260 }, (_, i) =>
    write(`warm-many/a${String(i).padStart(3, '0')}.txt`, `Harbour Master Ines Valko reopened the ferry crossing at Lake Orsa on day ${i}. Valko thanked the Orsa Ferry Company.\n`),
  );
  const indexedLog = (client: LspClient) => until(async () => client.logs.find((l) => /indexed \d+ articles/.test(l)), (l) => l !== undefined, 30000);
  const hover = (client: LspClient) => client.request<any>('textDocument/hover', { textDocument: { uri: uris[7] }, position: { line: 0, character: 'Harbour Master Ines Va'.length } });
  const cold = new LspClient();
  let coldHover: any;
  try {
    await cold.initialize(corpusDir, { storagePath: storage });
    assert.match((await indexedLog(cold))!, /indexed 260 articles in \d+ ms, 0 from the cache,/);
    coldHover = await hover(cold);
    assert.match(JSON.stringify(coldHover), /Ines Valko/);
  } finally {
    await cold.shutdown();
  }
  const warm = new LspClient();
  try {
    await warm.initialize(corpusDir, { storagePath: storage });
    assert.match((await indexedLog(warm))!, /indexed 260 articles in \d+ ms, 260 from the cache \(and how their names cluster\)/);
    assert.deepEqual(await hover(warm), coldHover);
  } finally {
    await warm.shutdown();
  }
});
