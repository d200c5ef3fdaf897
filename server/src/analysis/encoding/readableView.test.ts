import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readableView } from './readableView';

test('the view reads repaired, and its offsets map back into the damaged text', () => {
  const original = 'The USÂ missile, â€œa warningâ€ he said, was Zheravinâ€™s idea.';
  const view = readableView(original);
  assert.equal(view.text, 'The US missile, “a warning” he said, was Zheravin’s idea.');
  const span = (word: string) => {
    const start = view.text.indexOf(word);
    return original.slice(view.toOriginal(start), view.toOriginal(start + word.length));
  };
  assert.equal(span('missile'), 'missile');
  assert.equal(span('“a warning”'), 'â€œa warningâ€');
  assert.equal(span('Zheravin’s'), 'Zheravinâ€™s');
  assert.equal(span('idea.'), 'idea.');
});

test('clean text is its own view', () => {
  const view = readableView('Clean “text”, Zürich.');
  assert.equal(view.text, 'Clean “text”, Zürich.');
  assert.equal(view.toOriginal(5), 5);
});
