// Hostile input: the real server and CLI against files that break tools, over stdio.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lspClient';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-hostile-'));
after(() => fs.rmSync(folder, { recursive: true, force: true }));

const utf16 = (text: string, bigEndian: boolean) => {
  const le = Buffer.from(text, 'utf16le');
  if (bigEndian) for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), le]);
};

const files: Record<string, string | Buffer> = {
  'empty.txt': '',
  'image.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  'cp1252.txt': Buffer.from('The caf\xe9 said \x93no\x94.\n', 'latin1'),
  'utf16le.txt': utf16('The the quay “reopened”, 😀 said Mr Holm.\n', false),
  'utf16be.txt': utf16('Łódź said "the the".\n', true),
  'bom.txt': '\ufeffThe the ferry left.\r\n',
  'crlf.txt': 'One line.\r\nThe the second line.\r\n',
  'cr-only.txt': 'One line.\rThe the second line.\r',
  'mixed.txt': 'One.\nTwo.\r\nThe the three.\rFour.',
  'long-line.txt': 'word '.repeat(200_000) + 'the the end.',
  'many-quotes.txt': '"a" '.repeat(25_000) + '"'.repeat(50_000),
  'unbalanced.txt': '“'.repeat(5_000) + ' text ' + '”'.repeat(3) + '\n"open\n"open again\n',
  'astral.txt': '𠀀𠀁 The the 😀 “𝒜 quote with emoji 👩‍👩‍👧 inside,” said 𝐊𝐞𝐫𝐫𝐢𝐠𝐚𝐧. USÂ\u00a0strike.\n',
  'controls.txt': 'Bell\u0007 and NUL-free \u0085 controls \u200b here.\n',
};

for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), content);
// Over the size limit: skipped by its size without being read (a sparse file, no disk cost).
fs.writeFileSync(path.join(folder, 'huge.txt'), '');
fs.truncateSync(path.join(folder, 'huge.txt'), 100 * 1024 * 1024);
// A symlink loop must not trap the walk.
fs.mkdirSync(path.join(folder, 'loop'));
fs.symlinkSync(folder, path.join(folder, 'loop', 'back'));

test('the server indexes hostile files, answers every request on them, and stays alive', async () => {
  const client = new LspClient();
  try {
    await client.initialize(folder);
    const started = Date.now();
    while (!client.logs.some((l) => /indexed \d+ articles/.test(l)) && Date.now() - started < 60000) await new Promise((r) => setTimeout(r, 50));
    const indexed = client.logs.find((l) => /indexed \d+ articles/.test(l));
    assert.ok(indexed, 'indexing finished');
    assert.match(indexed!, new RegExp(`indexed ${Object.keys(files).length + 1} articles`), 'every file once; the symlink loop is not followed');
    for (const name of Object.keys(files)) {
      const bytes = fs.readFileSync(path.join(folder, name));
      if (bytes.includes(0)) continue; // an editor does not open binaries as text
      const uri = pathToFileURL(path.join(folder, name)).href;
      const text = bytes.toString('utf8');
      client.open(uri, text, 1);
      const diagnostics = await client.waitForDiagnostics(uri, 1, 30000);
      for (const d of diagnostics) {
        assert.ok(d.range.start.line >= 0 && d.range.end.character >= 0, `${name}: sane range`);
      }
      const positions = [{ line: 0, character: 0 }, { line: 0, character: 5 }, { line: 2, character: 3 }, { line: 99999, character: 99999 }, { line: -1, character: -1 }];
      for (const position of positions) {
        const target = { textDocument: { uri }, position };
        await client.request('textDocument/hover', target);
        await client.request('textDocument/references', { ...target, context: { includeDeclaration: true } });
        await client.request('textDocument/definition', target);
        await client.request('textDocument/documentHighlight', target);
      }
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      await client.request('textDocument/codeLens', { textDocument: { uri } });
      await client.request('textDocument/codeAction', {
        textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } }, context: { diagnostics },
      });
    }
    await client.request('workspace/symbol', { query: '' });
    await client.request('copydesk/quoteFamilies', {});
    await client.request('copydesk/entities', {});
    await client.request('copydesk/entityFiles', null);
    await client.request('copydesk/quoteFamilyMembers', [1, 2]);
    assert.equal(client.exit, undefined, 'the server is still running');
  } finally {
    await client.shutdown();
  }
});

test('astral characters: ranges are exact UTF-16 positions', async () => {
  const client = new LspClient();
  try {
    await client.initialize(folder);
    const uri = pathToFileURL(path.join(folder, 'astral.txt')).href;
    const text = files['astral.txt'] as string;
    client.open(uri, text, 1);
    const diagnostics = await client.waitForDiagnostics(uri, 1);
    const doubled = diagnostics.find((d) => d.code === 'repeated-word')!;
    assert.equal(doubled.range.start.character, text.indexOf('The the'));
    const mojibake = diagnostics.find((d) => d.code === 'mojibake')!;
    assert.equal(mojibake.range.start.character, text.indexOf('Â'));
  } finally {
    await client.shutdown();
  }
});

test('copydesk check reports every hostile file; fix leaves files it need not change byte for byte', () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-hostile-fix-'));
  try {
    for (const name of Object.keys(files)) fs.copyFileSync(path.join(folder, name), path.join(copy, name));
    const run = (args: string[]) => {
      try {
        return { code: 0, stdout: execFileSync(process.execPath, [path.resolve('dist/cli.js'), ...args], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] }) };
      } catch (error: any) {
        return { code: error.status as number, stdout: String(error.stdout), stderr: String(error.stderr) };
      }
    };
    const check = run(['check', '--format', 'json', copy]);
    assert.equal(check.code, 1);
    const report = JSON.parse(check.stdout);
    assert.equal(report.files, Object.keys(files).length);
    const codes = (name: string) => report.problems.filter((p: any) => p.file.endsWith(name)).map((p: any) => p.code);
    assert.deepEqual(codes('image.txt'), ['file-skipped']);
    assert.deepEqual(codes('cp1252.txt'), ['not-utf8']);
    assert.ok(codes('utf16le.txt').includes('repeated-word'), 'UTF-16 files are read as text');
    const before = new Map(Object.keys(files).map((n) => [n, fs.readFileSync(path.join(copy, n))]));
    const fix = run(['fix', copy]);
    assert.equal(fix.code, 2, 'the non-UTF-8 file is refused, so the run says so');
    const changed = Object.keys(files).filter((n) => !before.get(n)!.equals(fs.readFileSync(path.join(copy, n))));
    for (const name of ['empty.txt', 'image.txt', 'cp1252.txt', 'many-quotes.txt']) assert.ok(!changed.includes(name), `${name} untouched`);
    assert.ok(changed.includes('crlf.txt') && changed.includes('bom.txt') && changed.includes('utf16le.txt'));
    // What changed kept its BOM, its encoding and its line endings.
    assert.equal(fs.readFileSync(path.join(copy, 'bom.txt'), 'utf8'), '\ufeffThe ferry left.\r\n');
    assert.equal(fs.readFileSync(path.join(copy, 'crlf.txt'), 'utf8'), 'One line.\r\nThe second line.\r\n');
    assert.equal(fs.readFileSync(path.join(copy, 'cr-only.txt'), 'utf8'), 'One line.\rThe second line.\r');
    assert.deepEqual(fs.readFileSync(path.join(copy, 'utf16le.txt')).subarray(0, 2), Buffer.from([0xff, 0xfe]));
    // A second run changes nothing.
    const again = new Map(Object.keys(files).map((n) => [n, fs.readFileSync(path.join(copy, n))]));
    run(['fix', copy]);
    for (const [name, bytes] of again) assert.ok(bytes.equals(fs.readFileSync(path.join(copy, name))), `${name} stable on a second fix`);
    // Told the encoding, the Windows-1252 file is converted to UTF-8 and repaired.
    run(['fix', '--encoding', 'windows-1252', path.join(copy, 'cp1252.txt')]);
    assert.equal(fs.readFileSync(path.join(copy, 'cp1252.txt'), 'utf8'), 'The café said “no”.\n');
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});
