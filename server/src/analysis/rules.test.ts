import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allRules, checkRules } from './rules';
import { randomVersions } from './testing/randomText';

test('checkRules on a new version of the last text (blocks reused) finds what a fresh check finds', () => {
  const paragraph = 'The the harbour board met on Monday , and Mr  Kerrigan said the ferry “would sail”. It’s U. S. money, â€œtoldâ€ the board.';
  const pieces = [' ', 'the ', '\n', '\n\n', '\n \n', '“', '”', '"', "'", 'â€™', '\u200b', '\x07', 'x', '.', 'the the'];
  // blocks at blank lines, and after lines of over 100 characters (a paragraph per line)
  const start = Array.from({ length: 4 }, () => paragraph).join('\n\n') + '\n' + Array.from({ length: 4 }, () => paragraph).join('\n');
  const versions = randomVersions(start, 300, pieces, 10, 3);
  const fresh = versions.map((v) => {
    checkRules('an unrelated text', allRules);
    return JSON.stringify(checkRules(v, allRules));
  });
  // one after another, as keystrokes; and each rule alone matches rule.check
  versions.forEach((v, i) => assert.equal(JSON.stringify(checkRules(v, allRules)), fresh[i], `version ${i}`));
  const last = versions[versions.length - 1];
  assert.equal(JSON.stringify(checkRules(last, allRules)), JSON.stringify(allRules.map((rule) => rule.check(last))));
  assert.ok(JSON.parse(fresh[0]).flat().length > 5, 'the text has problems to find');
});

test('a rule that throws costs only its own problems', () => {
  const broken = { ...allRules[0], id: 'broken', check: (): never => { throw new Error('bug'); } };
  const found = checkRules('the the cat', [broken, ...allRules]);
  assert.deepEqual(found[0], []);
  assert.ok(found.flat().some((p) => p.rule === 'repeated-word'));
});
