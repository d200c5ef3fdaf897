import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { StreamMessageWriter, type NotificationMessage, type ResponseMessage } from 'vscode-languageserver/node';
import { OneWritePerMessage } from './oneWritePerMessage';

/** A stream that records each write it receives. */
function recorder(): Writable & { writes: string[] } {
  const writes: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      writes.push(chunk.toString('utf8'));
      callback();
    },
  });
  return Object.assign(stream, { writes });
}

test('each JSON-RPC message reaches the output in one write, header and body together, in order', async () => {
  const out = recorder();
  const writer = new StreamMessageWriter(new OneWritePerMessage(out));
  const log: NotificationMessage = { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'indexed “5” articles' } };
  const answer: ResponseMessage = { jsonrpc: '2.0', id: 7, result: [{ uri: 'file:///a.txt', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } } }] };
  await writer.write(log);
  await writer.write(answer);
  assert.equal(out.writes.length, 2, 'one write per message');
  const [first, second] = out.writes;
  const body = JSON.stringify(log);
  assert.equal(first, `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  assert.match(second, /^Content-Length: \d+\r\n\r\n\{"jsonrpc":"2\.0","id":7,"result":\[/);
});

test('a write that is not a header passes through as it is, and a header left at the end is still written', async () => {
  const out = recorder();
  const stream = new OneWritePerMessage(out);
  await new Promise<void>((resolve) => stream.write('plain bytes', () => resolve()));
  stream.write('Content-Length: 2\r\n\r\n');
  await new Promise<void>((resolve) => stream.end(() => resolve()));
  assert.deepEqual(out.writes, ['plain bytes', 'Content-Length: 2\r\n\r\n']);
});

test('an error of the output ends the stream with that error (the connection then closes)', async () => {
  const out = new Writable({ write: (_chunk, _encoding, callback) => callback(new Error('EPIPE: client gone')) });
  out.on('error', () => {});
  const stream = new OneWritePerMessage(out);
  const failed = new Promise<Error>((resolve) => stream.on('error', resolve));
  stream.write('Content-Length: 2\r\n\r\n');
  stream.write('{}');
  assert.match((await failed).message, /EPIPE/);
});
