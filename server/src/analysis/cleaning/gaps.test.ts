import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanGaps, scanLine, type Gap } from './gaps';
import { lines } from './text';
import { randomTexts } from '../testing/randomText';

test('scanGaps reads only lines with a candidate blank, and misses none: same gaps as scanning every line', () => {
  const pieces = ['word', 'The', '.', ',', '—', '"', ' ', ' ', '  ', '\t', '\u00a0', '\u2009', '\u3000', '\v', '\n', '\r\n', '\r', '\u2028', 'a b', 'x'];
  for (const text of randomTexts(pieces, 4000, 30, 7)) {
    const every: Gap[] = [];
    for (const line of lines(text)) if (line.start < line.end) scanLine(text, line.start, line.end, [], every);
    assert.deepEqual(scanGaps(text), every, JSON.stringify(text));
  }
});

test('scanGaps: the second rule reading the same text gets the same answer; another text its own', () => {
  const a = 'The talks ended.  Then the ministers met.\nBefore the   talks moved on \nfour';
  assert.deepEqual(scanGaps(a).map((g) => g.kind), ['sentence', 'word', 'trailing']);
  assert.equal(scanGaps(a), scanGaps(a));
  assert.deepEqual(scanGaps('no gaps here\nat all'), []);
  assert.deepEqual(scanGaps(' \n').map((g) => [g.start, g.end, g.kind]), [[0, 1, 'trailing']]);
});
