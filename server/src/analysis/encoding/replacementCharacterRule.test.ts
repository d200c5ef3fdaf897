import { test } from 'node:test';
import assert from 'node:assert/strict';
import { replacementCharacterRule } from './replacementCharacterRule';

test('a run of replacement characters is one problem with only a non-preferred deletion', () => {
  const problems = replacementCharacterRule.check('Prix: 10\uFFFD\uFFFD\uFFFD net');
  assert.equal(problems.length, 1);
  assert.equal(problems[0].end - problems[0].start, 3);
  assert.match(problems[0].message, /lost/);
  assert.equal(problems[0].fixes.length, 1);
  assert.notEqual(problems[0].fixes[0].preferred, true);
  assert.equal(replacementCharacterRule.fixAll, false);
});

test('in a contraction the lost character was an apostrophe', () => {
  const [problem] = replacementCharacterRule.check('We don\uFFFDt know, it\uFFFDs late');
  const preferred = problem.fixes.find((f) => f.preferred);
  assert.equal(preferred?.edits[0].newText, '’');
  assert.equal(replacementCharacterRule.check('We don\uFFFDt know, it\uFFFDs late').length, 2);
  assert.equal(replacementCharacterRule.check('caf\uFFFD au lait')[0].fixes.some((f) => f.preferred), false);
});

test('clean text has none', () => {
  assert.deepEqual(replacementCharacterRule.check('Nothing lost here — ça va.'), []);
});
