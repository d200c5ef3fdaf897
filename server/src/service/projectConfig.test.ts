import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addIgnore, contextOf, mergeSettings, parseProjectConfig, withoutIgnored } from './projectConfig';
import type { Problem } from '../analysis/types';

const problem = (text: string, flagged: string, rule = 'repeated-word', from = 0): Problem => {
  const start = text.indexOf(flagged, from);
  return { rule, start, end: start + flagged.length, severity: 'warning', message: 'm', fixes: [] };
};

test('an ignored occurrence stays ignored after edits elsewhere, but not a second occurrence', () => {
  const text = 'The ferry left the the quay at dawn. Later the the crew came back.';
  const first = problem(text, 'the the');
  const config = parseProjectConfig(addIgnore(undefined, { rule: 'repeated-word', text: 'the the', file: 'a.txt', context: contextOf(text, first) }));
  const edited = 'A new first sentence. ' + text;
  const problems = [problem(edited, 'the the'), problem(edited, 'the the', 'repeated-word', edited.indexOf('Later'))];
  const kept = withoutIgnored(problems, config.ignore, 'a.txt', edited);
  assert.deepEqual(kept, [problems[1]]);
  assert.equal(withoutIgnored(problems, config.ignore, 'b.txt', edited).length, 2, 'another file is not affected');
});

test('"ignore in all articles" drops that text for that rule everywhere', () => {
  const text = 'Bora Bora Bora is a place.';
  const config = parseProjectConfig(addIgnore('{"rules":{"spacing":"off"}}', { rule: 'repeated-word', text: 'Bora Bora Bora' }));
  assert.equal(withoutIgnored([problem(text, 'Bora Bora Bora')], config.ignore, 'x/y.txt', text).length, 0);
  assert.deepEqual(config.settings.rules, { spacing: 'off' }, 'other content is kept');
});

test('editor settings win over the project file; a broken file is reported, not fatal', () => {
  const config = parseProjectConfig('{"rules":{"spacing":"off","word-gap":"error"},"maxFileSizeMb":2}');
  const settings = mergeSettings(config, { rules: { 'word-gap': 'hint' } });
  assert.deepEqual(settings.rules, { spacing: 'off', 'word-gap': 'hint' });
  assert.equal(settings.maxFileSizeMb, 2);
  assert.match(parseProjectConfig('{ nope').error!, /not valid JSON/);
  assert.throws(() => addIgnore('{ nope', { rule: 'r', text: 't' }));
});
