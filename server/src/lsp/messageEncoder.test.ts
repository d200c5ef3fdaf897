import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Location } from 'vscode-languageserver';
import { encodeMessage, encoderCounts, markLocations } from './messageEncoder';

function location(uri: string, line: number, character: number, length = 5): Location {
  return { uri, range: { start: { line, character }, end: { line, character: character + length } } };
}

/** Seeded locations over a few files, with numbers of one to six digits. */
function locations(count: number, seed: number, uris: string[]): Location[] {
  let s = seed;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0);
  return Array.from({ length: count }, () => {
    const line = next() % [10, 100, 1000, 1_000_000][next() % 4];
    return location(uris[next() % uris.length], line, next() % 120, next() % 40);
  });
}

const URIS = [
  'file:///corpus/outlet-a/2026/article-00017.txt',
  'file:///corpus/z%C3%BCrich/%22quoted%22.article',
  'file:///corpus/odd"name\\with\u2028separators.txt', // JSON escapes a client would never send, but a URI could hold
  'untitled:Untitled-1',
  'file:///corpus/caf\u00e9/\u{1F4F0}.txt',
];

test('a marked list of locations is written byte for byte as JSON.stringify writes it', () => {
  for (const seed of [1, 2, 3]) {
    const result = markLocations(locations(500, seed, URIS));
    const message = { jsonrpc: '2.0', id: seed, result };
    const before = encoderCounts.direct;
    const encoded = encodeMessage(message);
    assert.equal(encoderCounts.direct, before + 1, 'written directly');
    assert.equal(encoded.toString('utf8'), JSON.stringify(message));
    assert.deepEqual(JSON.parse(encoded.toString('utf8')).result, result);
  }
});

test('the envelope keeps its own key order, string ids and members after the result', () => {
  const result = markLocations(locations(100, 7, URIS));
  for (const message of [
    { jsonrpc: '2.0', id: 'req-"7"', result },
    { result, jsonrpc: '2.0', id: 3 },
    { jsonrpc: '2.0', id: 4, result, extra: { note: 'after' }, skipped: undefined },
  ]) {
    assert.equal(encodeMessage(message).toString('utf8'), JSON.stringify(message));
  }
});

test('anything that is not a plain marked location list goes through JSON.stringify unchanged', () => {
  const plain = locations(100, 9, URIS);
  const odd: Array<{ name: string; result: unknown[] }> = [
    { name: 'unmarked', result: plain },
    { name: 'fractional character', result: markLocations([...plain.slice(1), { uri: 'file:///a', range: { start: { line: 1, character: 1.5 }, end: { line: 1, character: 3 } } }]) },
    { name: 'negative line', result: markLocations([...plain.slice(1), location('file:///a', -1, 0)]) },
    { name: 'extra key', result: markLocations([...plain.slice(1), { ...location('file:///a', 1, 0), note: 'x' } as Location]) },
    { name: 'keys in another order', result: markLocations([...plain.slice(1), { range: location('file:///a', 1, 0).range, uri: 'file:///a' }]) },
    { name: 'a toJSON inside', result: markLocations([...plain.slice(1), { uri: 'file:///a', range: { toJSON: () => 'r', start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } } as unknown as Location]) },
    { name: 'null element', result: markLocations([...plain.slice(1), null as unknown as Location]) },
    { name: 'short list', result: markLocations(plain.slice(0, 3)) },
  ];
  const before = encoderCounts.direct;
  for (const { name, result } of odd) {
    const message = { jsonrpc: '2.0', id: 1, result };
    assert.equal(encodeMessage(message).toString('utf8'), JSON.stringify(message), name);
  }
  assert.equal(encoderCounts.direct, before, 'none of them written directly');
  for (const message of [{ jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'caf\u00e9 \u{1F4F0}' } }, { jsonrpc: '2.0', id: 2, result: null }, { jsonrpc: '2.0', id: 2, error: { code: -32603, message: 'x' } }]) {
    assert.equal(encodeMessage(message).toString('utf8'), JSON.stringify(message));
  }
});
