import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unifiedDiff } from './unifiedDiff';

test('a one-line change gives one hunk with context', () => {
  const before = ['a', 'b', 'c', 'the the d', 'e', 'f', 'g', 'h'].join('\n') + '\n';
  const after = before.replace('the the', 'the');
  const diff = unifiedDiff(before, after, 'a/x.txt', 'b/x.txt');
  assert.equal(
    diff,
    ['--- a/x.txt', '+++ b/x.txt', '@@ -1,7 +1,7 @@', ' a', ' b', ' c', '-the the d', '+the d', ' e', ' f', ' g', ''].join('\n'),
  );
});

test('identical texts give no diff; CRLF lines are shown without their break', () => {
  assert.equal(unifiedDiff('x\r\n', 'x\r\n', 'a', 'b'), '');
  const diff = unifiedDiff('one\r\ntwo\r\n', 'one\r\n2\r\n', 'a', 'b');
  assert.match(diff, /^-two$/m);
  assert.match(diff, /^\+2$/m);
});
