import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wordGapRule } from './wordGap';
import { spacingRule } from './spacing';
import { applyEdits } from '../applyEdits';
import type { Problem } from '../types';

const gaps = (text: string) => wordGapRule.check(text).map((p) => [text.slice(p.start, p.end).length, p.message]);
const spans = (text: string, ps: Problem[]) => ps.map((p) => JSON.stringify(text.slice(p.start, p.end)));
const fixAll = (text: string, ps: Problem[]) =>
  applyEdits(text, ps.flatMap((p) => p.fixes.filter((f) => f.preferred).flatMap((f) => f.edits)));

test('word-gap metadata', () => {
  assert.equal(wordGapRule.id, 'word-gap');
  assert.equal(wordGapRule.defaultSeverity, 'warning');
  assert.equal(wordGapRule.fixAll, false);
});

test('word-gap: spaces between words and before punctuation', () => {
  const text = 'Talks ran for hours before the   talks moved on. He wanted a durable  . Then  quiet.';
  const ps = wordGapRule.check(text);
  assert.equal(ps.length, 3);
  assert.equal(text.slice(ps[0].start, ps[0].end), '   ');
  assert.equal(text.slice(ps[0].start - 3, ps[0].end + 5), 'the   talks');
  assert.match(ps[0].message, /a word may be missing/);
  assert.match(ps[1].message, /before punctuation/);
  assert.equal(ps[0].severity, 'warning');
  assert.equal(ps[0].fixes.length, 1);
  assert.notEqual(ps[0].fixes[0].preferred, true, 'the collapse is never preferred');
  assert.equal(applyEdits(text, ps[1].fixes[0].edits), 'Talks ran for hours before the   talks moved on. He wanted a durable. Then  quiet.');
});

test('word-gap: no-break spaces count, one space does not', () => {
  assert.equal(gaps('the \u00a0talks').length, 1);
  assert.equal(gaps('the talks. The end.').length, 0);
  assert.equal(gaps('the\u00a0talks').length, 0);
});

test('word-gap negatives: sentence ends, dashes, indentation, tables, trailing', () => {
  assert.deepEqual(gaps('He left.  She stayed.'), []);
  assert.deepEqual(gaps('He left?  She stayed!  Then.'), []);
  assert.deepEqual(gaps('LUCCA, Italy (AP)  —   U.S. officials'), []);
  assert.deepEqual(gaps('    indented paragraph text'), []);
  assert.deepEqual(gaps('word   \nnext'), []);
  assert.deepEqual(gaps('Name      Age   City\nAlice     30    Paris'), []);
  assert.deepEqual(gaps('Alice\t30\tParis  now'), []);
  assert.deepEqual(gaps('said,  "We will"'), []);
  assert.deepEqual(gaps(''), []);
});

test('word-gap: a long line with several gaps is prose, not a table', () => {
  const text =
    'She said the   hearings that Ostland and Velmora had agreed to hold were too short, and in the old harbour town of Brask, the   pilots were joined by inspectors from abroad.';
  assert.equal(gaps(text).length, 2);
});

test('spacing metadata', () => {
  assert.equal(spacingRule.id, 'spacing');
  assert.equal(spacingRule.defaultSeverity, 'hint');
  assert.equal(spacingRule.fixAll, true);
});

test('spacing: double spaces after sentences, around dashes, trailing whitespace', () => {
  const text = 'He left.  She stayed.   \nLUCCA, Italy (AP)  —   The talks.\t\n"Done."  "Yes."\nthe dead. "  "We cannot';
  const ps = spacingRule.check(text);
  assert.deepEqual(spans(text, ps), ['"  "', '"   "', '"  "', '"   "', '"\\t"', '"  "', '"  "']);
  assert.ok(ps.every((p) => p.severity === 'hint' && p.fixes[0].preferred === true));
  assert.equal(fixAll(text, ps), 'He left. She stayed.\nLUCCA, Italy (AP) — The talks.\n"Done." "Yes."\nthe dead. " "We cannot');
  assert.match(ps[0].message, /end of a sentence/);
  assert.match(ps[2].message, /dash/);
  assert.match(ps[1].message, /end of the line/);
});

test('spacing: whitespace-only lines are cleared; CRLF line ends are kept', () => {
  const text = 'One.  Two.  \r\n   \r\nThree.';
  const ps = spacingRule.check(text);
  assert.equal(fixAll(text, ps), 'One. Two.\r\n\r\nThree.');
});

test('spacing negatives: indentation, tables, word gaps, single spaces', () => {
  assert.deepEqual(spacingRule.check('    Indented. Text.'), []);
  assert.deepEqual(spacingRule.check('Name      Age   City\nAlice     30    Paris'), []);
  assert.deepEqual(spacingRule.check('Name\tAge\tCity  '), []);
  assert.deepEqual(spacingRule.check('before the   talks moved'), []);
  assert.deepEqual(spacingRule.check('A plain line. Another sentence.\nSecond line.\n'), []);
});

test('never throws on odd input', () => {
  for (const t of ['\u00a0\u00a0', '\r\r\n', ' ', '\t', 'a  ', '  a', '\ud800  \udc00', '.  ']) {
    wordGapRule.check(t);
    spacingRule.check(t);
  }
});
