import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalize } from './canonicalize';

test('case, punctuation and whitespace are folded', () => {
  assert.equal(canonicalize('  We   are READY,  to talk!  ').canonical, 'we are ready to talk');
  assert.deepEqual(canonicalize('Wait... what?').tokens, ['wait', 'what']);
});

test('every apostrophe and single quote mark folds to one', () => {
  const forms = ['isn’t', "isn't", 'isn`t', 'isn´t', 'isnʼt'];
  for (const form of forms) assert.equal(canonicalize(form).canonical, "isn't", form);
  assert.equal(canonicalize("'Harbour first'").canonical, 'harbour first');
  assert.equal(canonicalize('the pilots’ union').canonical, 'the pilots union');
});

test('U. S., U.S. and US all read as us', () => {
  for (const form of ['U. S. envoys', 'U.S. envoys', 'US envoys']) {
    assert.equal(canonicalize(form).canonical, 'us envoys', form);
  }
  assert.equal(canonicalize('the U.S.-led plan').canonical, 'the us led plan');
});

test('NFKC folds compatibility characters; hyphens and dashes split words', () => {
  assert.equal(canonicalize('ﬁnal — long-term ① ').canonical, 'final long term 1');
  assert.equal(canonicalize('300,000 people; 2.5 km').canonical, '300000 people 25 km');
});

test('empty and punctuation-only input give no tokens', () => {
  assert.deepEqual(canonicalize(''), { canonical: '', tokens: [] });
  assert.deepEqual(canonicalize(' ... — ! '), { canonical: '', tokens: [] });
});
