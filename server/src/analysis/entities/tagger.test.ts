import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wordInfo } from './tagger';

/** Distinct made-up words (letters from the number), some sharing prefixes and suffixes. */
function words(count: number, salt: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let n = i, w = '';
    do { w += String.fromCharCode(97 + (n % 26)); n = Math.floor(n / 26); } while (n > 0);
    out.push((i % 3 === 0 ? w[0].toUpperCase() + w.slice(1) : w) + salt);
  }
  return out;
}

test('word rows: the same row for the same word through the cache growing, colliding and being emptied', () => {
  const known = ['Putin', 'the', 'al-Assad', 'U.S.', ',', 'Organisation'];
  const before = known.map((w) => Array.from(wordInfo(w)));
  // asked again at once: the cached row
  known.forEach((w, i) => assert.deepEqual(Array.from(wordInfo(w)), before[i], w));
  // two words with the same 32-bit FNV hash ("Kosyv", "Kehycb"): the table tells them apart
  const first = Array.from(wordInfo('Kosyv'));
  const second = Array.from(wordInfo('Kehycb'));
  assert.notDeepEqual(first, second);
  assert.deepEqual(Array.from(wordInfo('Kosyv')), first);
  // a slice of a longer string finds the row of the word it spells
  const text = 'Mr Putin said';
  assert.deepEqual(Array.from(wordInfo(text.slice(3, 8))), before[0]);
  // 10,000 new words: the table (4,096 slots at first, at most half full) doubles three times, the
  // cached rows moving to new slots; they must still be found, and be the same
  const some = words(10_000, 'p');
  const someRows = some.map((w) => Array.from(wordInfo(w)));
  known.forEach((w, i) => assert.deepEqual(Array.from(wordInfo(w)), before[i], w));
  some.forEach((w, i) => assert.deepEqual(Array.from(wordInfo(w)), someRows[i], w));
  // 120,000 more: the table is emptied at least once (50,000 words)
  const many = words(120_000, 'q');
  const rows = many.map((w) => Array.from(wordInfo(w)));
  // distinct words get rows of their own (the word-hash feature differs)
  assert.notDeepEqual(rows[0], rows[1]);
  // after all that, every row is what it was: the known words (recomputed after the emptying) and a
  // sample of the new ones, some still cached and some computed again
  known.forEach((w, i) => assert.deepEqual(Array.from(wordInfo(w)), before[i], w));
  for (let i = 0; i < many.length; i += 997) assert.deepEqual(Array.from(wordInfo(many[i])), rows[i], many[i]);
  // rows handed out earlier stay intact while later words fill the shared slabs
  const held = wordInfo('Lavrov');
  const copy = Array.from(held);
  words(3000, 'z').forEach((w) => wordInfo(w));
  assert.deepEqual(Array.from(held), copy);
});
