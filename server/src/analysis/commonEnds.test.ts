import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commonEnds } from './commonEnds';

/** The definition, one character at a time. */
function naive(previous: string, text: string): { prefix: number; suffix: number } {
  const limit = Math.min(previous.length, text.length);
  let prefix = 0;
  while (prefix < limit && previous[prefix] === text[prefix]) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && previous[previous.length - 1 - suffix] === text[text.length - 1 - suffix]) suffix++;
  return { prefix, suffix };
}

test('common prefix and suffix: block comparison gives the character-by-character lengths', () => {
  let seed = 7;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
  const alphabet = 'ab \n“”é';
  for (let round = 0; round < 3000; round++) {
    // lengths around the block size and its multiples, where an off-by-one would show
    const length = [0, 1, 255, 256, 257, 511, 512, 513, 1500][random(9)] + random(3);
    let previous = '';
    for (let i = 0; i < length; i++) previous += alphabet[random(alphabet.length)];
    let text = previous;
    for (let edits = random(3); edits >= 0; edits--) {
      const at = random(text.length + 1);
      const cut = random(4) === 0 ? random(300) : random(2);
      text = text.slice(0, at) + (random(2) ? alphabet[random(alphabet.length)].repeat(random(3)) : '') + text.slice(at + cut);
    }
    assert.deepEqual(commonEnds(previous, text), naive(previous, text), `round ${round}`);
  }
  // one changed character at every offset of a text of a few blocks
  const previous = Array.from({ length: 700 }, (_, i) => 'abcdefg'[i % 7]).join('');
  for (let at = 0; at < previous.length; at++) {
    const text = previous.slice(0, at) + 'X' + previous.slice(at + 1);
    assert.deepEqual(commonEnds(previous, text), naive(previous, text), `changed at ${at}`);
  }
  assert.deepEqual(commonEnds('abc', 'abc'), { prefix: 3, suffix: 0 });
  assert.deepEqual(commonEnds('', 'abc'), { prefix: 0, suffix: 0 });
});
