import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffWords } from './diffWords';

test('identical up to typography and case is all same', () => {
  assert.deepEqual(diffWords('We can’t wait,', "we can't wait."), [{ op: 'same', text: 'We can’t wait,' }]);
});

test('dropped and added words show as runs', () => {
  assert.deepEqual(diffWords('We will rebuild the lower quay before the ferries return', 'We will rebuild lower quay before ferries return in spring'), [
    { op: 'same', text: 'We will rebuild' },
    { op: 'removed', text: 'the' },
    { op: 'same', text: 'lower quay before' },
    { op: 'removed', text: 'the' },
    { op: 'same', text: 'ferries return' },
    { op: 'added', text: 'in spring' },
  ]);
});

test('a replaced word is a removal and an addition', () => {
  assert.deepEqual(diffWords('families who lost', 'families that lost'), [
    { op: 'same', text: 'families' },
    { op: 'removed', text: 'who' },
    { op: 'added', text: 'that' },
    { op: 'same', text: 'lost' },
  ]);
});

test('empty sides', () => {
  assert.deepEqual(diffWords('', ''), []);
  assert.deepEqual(diffWords('', 'new words'), [{ op: 'added', text: 'new words' }]);
  assert.deepEqual(diffWords('old', ''), [{ op: 'removed', text: 'old' }]);
});
