// Level 2: the real bundled server as a child process, real JSON-RPC over stdio.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
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
