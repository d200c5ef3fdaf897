import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from './lineIndex';
import { applyEdits } from './applyEdits';

test('positions count UTF-16 units: an emoji is two characters', () => {
  const text = 'a😀b\nc';
  const index = new LineIndex(text);
  assert.deepEqual(index.positionAt(text.indexOf('b')), { line: 0, character: 3 });
  assert.deepEqual(index.positionAt(text.indexOf('c')), { line: 1, character: 0 });
  assert.equal(index.offsetAt({ line: 0, character: 3 }), text.indexOf('b'));
});

test('CRLF, lone CR and LF all end lines', () => {
  const text = 'one\r\ntwo\rthree\nfour';
  const index = new LineIndex(text);
  assert.equal(index.lineCount, 4);
  assert.deepEqual(index.positionAt(text.indexOf('four')), { line: 3, character: 0 });
  assert.deepEqual(index.positionAt(text.indexOf('three')), { line: 2, character: 0 });
  assert.equal(index.lineEnd(0), 3);
  // A character past the end of a line clamps to the line's end, before its break.
  assert.equal(index.offsetAt({ line: 0, character: 99 }), 3);
  assert.equal(index.offsetAt({ line: 99, character: 0 }), text.length);
});

test('applyEdits applies in offset order and drops overlapping edits', () => {
  assert.equal(applyEdits('the the cat', [{ start: 3, end: 7, newText: '' }]), 'the cat');
  assert.equal(
    applyEdits('abcdef', [
      { start: 4, end: 5, newText: 'X' },
      { start: 0, end: 2, newText: '' },
      { start: 1, end: 3, newText: 'overlap' },
    ]),
    'cdXf',
  );
});
