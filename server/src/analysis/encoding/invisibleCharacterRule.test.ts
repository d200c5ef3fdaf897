import { test } from 'node:test';
import assert from 'node:assert/strict';
import { invisibleCharacterRule } from './invisibleCharacterRule';

const flagged = (text: string) => invisibleCharacterRule.check(text).map((p) => text.slice(p.start, p.end));

test('zero-width spaces, soft hyphens, word joiners, mid-text BOMs and bidi overrides are flagged', () => {
  assert.deepEqual(flagged('break\u200Bhere'), ['\u200B']);
  assert.deepEqual(flagged('infor\u00ADmation'), ['\u00AD']);
  assert.deepEqual(flagged('one\u2060two'), ['\u2060']);
  assert.deepEqual(flagged('file one\uFEFFfile two'), ['\uFEFF']);
  assert.deepEqual(flagged('pay \u202Eecnavda'), ['\u202E']);
  assert.deepEqual(flagged('a\u200B\u200Bb'), ['\u200B\u200B']);
  const [problem] = invisibleCharacterRule.check('break\u200Bhere');
  assert.match(problem.message, /U\+200B ZERO WIDTH SPACE/);
  assert.equal(problem.fixes[0].edits[0].newText, '');
});

test('legitimate uses are not flagged', () => {
  assert.deepEqual(flagged('\uFEFFleading byte order mark'), []);
  assert.deepEqual(flagged('family 👨\u200D👩\u200D👧 and ❤\uFE0F and 🏳\uFE0F\u200D🌈'), []);
  assert.deepEqual(flagged('می\u200Cخواهم'), []); // Persian ZWNJ
  assert.deepEqual(flagged('क्\u200Dष'), []); // Devanagari ZWJ
  assert.deepEqual(flagged('עברית \u200F123'), []);
  assert.deepEqual(flagged('ภาษา\u200Bไทย'), []);
  assert.deepEqual(flagged('keycap 1\uFE0F\u20E3'), []);
});

test('stray joiners and selectors in Latin text are flagged', () => {
  assert.deepEqual(flagged('word\u200Djoined'), ['\u200D']);
  assert.deepEqual(flagged('plain\uFE0F text'), ['\uFE0F']);
  assert.deepEqual(flagged('left\u200Emark'), ['\u200E']);
});
