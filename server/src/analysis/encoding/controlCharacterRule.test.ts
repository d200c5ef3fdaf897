import { test } from 'node:test';
import assert from 'node:assert/strict';
import { controlCharacterRule } from './controlCharacterRule';
import { applyEdits } from '../applyEdits';

function fix(text: string): string {
  return applyEdits(text, controlCharacterRule.check(text).flatMap((p) => p.fixes.find((f) => f.preferred)!.edits));
}

test('C1 controls that are Windows-1252 punctuation become that punctuation', () => {
  const problems = controlCharacterRule.check('the rebels\u0092 leader');
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /U\+0092/);
  assert.match(problems[0].message, /`’`/);
  assert.equal(fix('\u0093Yes,\u0094 he said\u0085'), '“Yes,” he said…');
});

test('C0 controls, DEL and undefined C1 bytes are removed; tab and line breaks stay', () => {
  assert.equal(fix('a\u0000b\u0007c\u007fd\u0081e'), 'abcde');
  assert.deepEqual(controlCharacterRule.check('tab\there\r\nline\fpage\n'), []);
});

test('adjacent controls make one problem; terminal escapes go whole', () => {
  assert.equal(controlCharacterRule.check('x\u0001\u0002\u0003y').length, 1);
  assert.equal(fix('\u001b[1;31mALERT\u001b[0m'), 'ALERT');
});

test('C1 controls inside a mojibake run belong to the mojibake rule', () => {
  assert.deepEqual(controlCharacterRule.check('it\u00e2\u0080\u0099s'), []);
});
