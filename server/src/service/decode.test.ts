import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeFile, encodeFile } from './decode';

test('plain UTF-8 and UTF-8 with BOM round-trip byte for byte', () => {
  for (const bytes of [Buffer.from('Zürich “quoted”\r\n'), Buffer.from('\ufeffZürich\n')]) {
    const decoded = decodeFile(bytes);
    assert.ok(!decoded.text.startsWith('\ufeff'), 'the BOM is not part of the text');
    assert.deepEqual(Buffer.from(encodeFile(decoded.text, decoded.encoding)), bytes);
  }
});

test('UTF-16 LE and BE with BOM are read as text and written back the same way', () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Łódź 😀', 'utf16le')]);
  const decodedLe = decodeFile(le);
  assert.equal(decodedLe.encoding, 'utf16le');
  assert.equal(decodedLe.text, 'Łódź 😀');
  assert.deepEqual(Buffer.from(encodeFile(decodedLe.text, 'utf16le')), le);
  const be = Buffer.from(encodeFile('Łódź 😀', 'utf16be'));
  assert.equal(decodeFile(be).text, 'Łódź 😀');
});

test('Windows-1252 bytes are reported as invalid UTF-8 with the first bad byte', () => {
  const decoded = decodeFile(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]));
  assert.equal(decoded.encoding, 'invalid-utf8');
  assert.equal(decoded.firstInvalidByte, 3);
  assert.equal(decoded.text, 'caf\ufffd ok');
});

test('NUL bytes mark a binary file', () => {
  assert.equal(decodeFile(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00])).encoding, 'binary');
});
