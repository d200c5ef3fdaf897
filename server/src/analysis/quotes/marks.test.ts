import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paragraphs } from './marks';
import { randomTexts } from '../testing/randomText';

test('paragraphs: lines split at \\n, \\r\\n, lone \\r and the Unicode separators, as the plain definition', () => {
  const reference = (text: string) => {
    const out: Array<[number, number]> = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\n' || text[i] === '\r' || text[i] === '\u2028' || text[i] === '\u2029') {
        out.push([start, i]);
        if (text[i] === '\r' && text[i + 1] === '\n') i++;
        start = i + 1;
      }
    }
    out.push([start, text.length]);
    return out;
  };
  let checked = 0;
  for (const pieces of [['a', ' ', '\n', '\n\n', '“x”'], ['a', '\n', '\r', '\r\n', '\u2028', '\u2029', ' ']]) {
    for (const text of randomTexts(pieces, 2000, 12, 3)) {
      assert.deepEqual(paragraphs(text), reference(text), JSON.stringify(text));
      checked++;
    }
  }
  assert.equal(checked, 4000);
});
