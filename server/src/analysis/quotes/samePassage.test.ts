import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharesPassage } from './samePassage';
import { canonicalize } from './canonicalize';

const same = (a: string, b: string) => sharesPassage(canonicalize(a).tokens, canonicalize(b).tokens);

test('copies of one quotation share a passage: truncated, re-punctuated, lightly edited', () => {
  assert.ok(same('We will not wait for the inspectors,', '“We will not wait for the inspectors from Ruse.”'));
  assert.ok(same('The crossing is safe and the pilots know it.', 'the crossing is safe, and pilots know it'));
  assert.ok(same('safe', 'The crossing is safe.'), 'a one-word quotation inside a longer one');
  assert.ok(same('We owe the families answers', 'we owe the families answers'));
  // edits every few words: no four in a row, but the words line up as the quote index links spans
  assert.ok(same('We will keep the crossing closed until engineers have checked every crane', 'We shall keep the crossing shut until the engineers have checked each crane'));
});

test('other sentences of the same utterance do not', () => {
  assert.equal(same('We will not wait for the inspectors,', 'The ferry sails at dawn and the crew is ready.'), false);
  assert.equal(same('The river is high.', 'The river was high last spring.'), false, 'three words in a row are not a passage');
  assert.equal(same('', 'anything'), false);
  assert.equal(same('safe', 'unsafe crossings'), false, 'whole words only');
});
