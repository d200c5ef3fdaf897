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

test('line starts and ends: texts with and without carriage returns agree with a plain definition', () => {
  // The definition, line break by line break (\r\n, lone \r, \n).
  const reference = (text: string) => {
    const starts = [0], ends: number[] = [];
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\r' || text[i] === '\n') {
        ends.push(i);
        if (text[i] === '\r' && text[i + 1] === '\n') i++;
        starts.push(i + 1);
      }
    }
    ends.push(text.length);
    return { starts, ends };
  };
  let seed = 11;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
  for (let round = 0; round < 2000; round++) {
    const alphabet = round % 2 ? 'ab \n' : 'ab \n\r';
    let text = '';
    for (let i = random(40); i > 0; i--) text += alphabet[random(alphabet.length)];
    const index = new LineIndex(text);
    assert.deepEqual({ starts: [...index.starts], ends: [...index.ends] }, reference(text), JSON.stringify(text));
  }
});
