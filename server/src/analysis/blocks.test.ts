import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BlockMemo, blockEnds, UNWRAPPED_LINE } from './blocks';

const long = 'x'.repeat(UNWRAPPED_LINE + 1);

test('blocks end after blank lines; with longLines also after lines too long to be hard-wrapped', () => {
  const text = `a\nb\n\nc\n \t\nd ${long}\ne`;
  assert.deepEqual(blockEnds(text, false), [5, 10, text.length]);
  assert.deepEqual(blockEnds(text, true), [5, 10, 10 + 2 + long.length + 1, text.length]);
  // trailing white space does not make a line long; a text ending in a line break has no empty last block
  assert.deepEqual(blockEnds(`${'y'.repeat(UNWRAPPED_LINE)}   \nz`, true), [UNWRAPPED_LINE + 5]);
  assert.deepEqual(blockEnds(`${long}\n`, true), [long.length + 1]);
  assert.deepEqual(blockEnds(`a\r\n\r\nb`, false), [5, 6]);
  assert.deepEqual(blockEnds('', true), []);
});

test('BlockMemo reads only the blocks a new version changed, and nothing of another text', () => {
  const read: string[] = [];
  const memo = new BlockMemo((block) => { read.push(block); return block.length; }, (text) => blockEnds(text, false));
  const v1 = 'one paragraph\n\ntwo paragraph\n\nthree paragraph';
  assert.equal(memo.blocks(v1), undefined, 'a first text is read whole by the caller');
  assert.deepEqual(memo.blocks(v1.replace('two', 'TWO'))?.map((b) => [b.value, b.offset]), [[15, 0], [15, 15], [15, 30]]);
  read.length = 0;
  assert.deepEqual(memo.blocks(v1.replace('three', 'THREE'))?.map((b) => b.offset), [0, 15, 30]);
  assert.deepEqual(read, ['two paragraph\n\n', 'THREE paragraph'], 'the unchanged first block is reused');
  // A keystroke in the first block: the later blocks are the last text's, found at their shifted offsets.
  read.length = 0;
  assert.deepEqual(memo.blocks('x' + v1.replace('three', 'THREE'))?.map((b) => [b.value, b.offset]), [[16, 0], [15, 16], [15, 31]]);
  assert.deepEqual(read, ['xone paragraph\n\n']);
  read.length = 0;
  assert.deepEqual(memo.blocks(v1.replace('three', 'THREE'))?.map((b) => b.offset), [0, 15, 30]);
  assert.deepEqual(read, ['one paragraph\n\n']);
  // A blank line typed into the middle block splits it: both halves are read, the others reused.
  read.length = 0;
  assert.deepEqual(memo.blocks(v1.replace('three', 'THREE').replace('two paragraph', 'two\n\nparagraph'))?.map((b) => b.offset), [0, 15, 20, 31]);
  assert.deepEqual(read, ['two\n\n', 'paragraph\n\n']);
  assert.equal(memo.blocks('a different article altogether, nothing like the first one'), undefined);
  assert.equal(memo.blocks('one line only, edited'), undefined, 'a text of one block is read whole');
});

test('lines end after each line break and at the end of the text', async () => {
  const { lineEnds } = await import('./blocks');
  assert.deepEqual(lineEnds('a\nbc\n\nd'), [2, 5, 6, 7]);
  assert.deepEqual(lineEnds('a\n'), [2]);
  assert.deepEqual(lineEnds(''), []);
});
