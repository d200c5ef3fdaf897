import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apostropheStyle, quoteAsApostropheRule } from './quoteAsApostrophe';
import { applyEdits } from '../applyEdits';

const check = (t: string) => quoteAsApostropheRule.check(t);
const fix = (t: string) => applyEdits(t, check(t).flatMap((p) => p.fixes.filter((f) => f.preferred).flatMap((f) => f.edits)));

test('metadata', () => {
  assert.equal(quoteAsApostropheRule.id, 'quote-as-apostrophe');
  assert.equal(quoteAsApostropheRule.defaultSeverity, 'warning');
  assert.equal(quoteAsApostropheRule.fixAll, true);
});

test('flags contractions and possessives typed with a double quote', () => {
  const text = 'Last week"s talks. They don"t know; we"re sure, they"ve gone, she"ll try, he"d go, I"m here, the 1990"s.';
  const ps = check(text);
  assert.equal(ps.length, 8);
  assert.ok(ps.every((p) => text[p.start] === '"' && p.end === p.start + 1 && p.severity === 'warning'));
  assert.match(ps[0].message, /week"s/);
  assert.equal(fix(text), "Last week's talks. They don't know; we're sure, they've gone, she'll try, he'd go, I'm here, the 1990's.");
});

test('name prefixes and upper case', () => {
  assert.equal(fix('Mr O"Brien met D"Angelo. DON"T.'), "Mr O'Brien met D'Angelo. DON'T.");
});

test('the fix follows the file: curly apostrophes, or curly quotes when there are no apostrophes', () => {
  assert.equal(fix('It’s here, the minister’s week"s end.'), 'It’s here, the minister’s week’s end.');
  assert.equal(fix('“Yes,” he said of last week"s vote.'), '“Yes,” he said of last week’s vote.');
  assert.equal(fix('"Yes," he said of last week"s vote. It\'s done.'), '"Yes," he said of last week\'s vote. It\'s done.');
  assert.equal(apostropheStyle(''), "'");
});

test('negatives: real quotation marks, inches, missing spaces', () => {
  assert.deepEqual(check('He said "yes" and "no".'), []);
  assert.deepEqual(check('He is 5\'11" tall and 6"2 wide.'), []);
  assert.deepEqual(check('called it a"shortcut" to'), []);
  assert.deepEqual(check('"Word"s"'), []);
  assert.deepEqual(check('He said"We'), []);
  assert.deepEqual(check('the word "t" and "s"'), []);
  assert.deepEqual(check('ca"t'), []);
  assert.deepEqual(check('""'), []);
  assert.deepEqual(check(''), []);
});
