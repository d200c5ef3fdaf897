import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQuotes } from './extract';
import { assertSameAsFresh, randomVersions } from '../testing/randomText';

const texts = (t: string) => extractQuotes(t).map((q) => q.text);

test('offsets: inner text excludes marks, mark offsets include them', () => {
  const t = 'The mayor said "the dykes held" on Friday.';
  const [q] = extractQuotes(t);
  assert.equal(q.text, 'the dykes held');
  assert.equal(t.slice(q.start, q.end), q.text);
  assert.equal(t.slice(q.markStart, q.markEnd), '"the dykes held"');
  assert.equal(q.canonical, 'the dykes held');
  assert.deepEqual(q.tokens, ['the', 'dykes', 'held']);
});

test('straight and curly double quotes', () => {
  assert.deepEqual(texts('“We will rebuild,” she said. He added "not this year."'), ['We will rebuild,', 'not this year.']);
});

test('guillemets and low-high German quotes', () => {
  assert.deepEqual(texts('Er sagte «Wir bauen neu» und „Das dauert“ danach.'), ['Wir bauen neu', 'Das dauert']);
});

test('single quotes in a headline, apostrophes left alone', () => {
  assert.deepEqual(texts("Brandvold: harbour 'will not close' after flood"), ['will not close']);
  assert.deepEqual(texts("Veltmark's mayor says the town's pumps 'worked'"), ['worked']);
});

test('curly single quote closes only before space, punctuation or end (CoreNLP)', () => {
  assert.deepEqual(texts('Kerrigan called it ‘Veltmark’s worst night’ on radio.'), ['Veltmark’s worst night']);
  assert.deepEqual(texts('The pilots’ union and Brandvold’s office declined.'), []);
});

test('a nested quote is its own span inside its host', () => {
  const qs = extractQuotes('"They told us \'stay inside\' and we did," said Mr Ostrander.');
  assert.deepEqual(qs.map((q) => q.text), ["They told us 'stay inside' and we did,", 'stay inside']);
  assert.equal(qs[0].speaker?.name, 'Ostrander');
  assert.equal(qs[1].speaker, null);
  assert.notEqual(qs[0].utterance, qs[1].utterance);
});

test('a quote running over paragraphs reopens each one and is one utterance', () => {
  const t = [
    '"The water came in faster than any model predicted. We lost the lower quay within an hour.',
    '',
    '"By midnight the second pump house had failed and we moved everyone to the school."',
    'Then the rain stopped.',
  ].join('\n');
  const qs = extractQuotes(t);
  assert.equal(qs.length, 2);
  assert.ok(qs[0].text.endsWith('within an hour.'));
  assert.equal(qs[0].markEnd, qs[0].end, 'no closing mark on the first paragraph');
  assert.ok(qs[1].text.startsWith('By midnight'));
  assert.equal(qs[0].utterance, qs[1].utterance);
});

test('a straight quote typed as an apostrophe does not flip the pairing', () => {
  assert.deepEqual(texts('After last week"s surge, Sorvik said "the wall is sound" and left.'), ['the wall is sound']);
});

test('a space before the closing mark still closes', () => {
  const t = 'She said the cost "does not matter to the families. "  "We pay first," the mayor said.';
  assert.deepEqual(texts(t), ['does not matter to the families.', 'We pay first,']);
});

test('an unbalanced mark is contained to its paragraph', () => {
  const t = 'He called it "a disgrace and walked out.\nThe minister said "we will review it" later.\n"Nothing changes," she said.';
  assert.deepEqual(texts(t), ['we will review it', 'Nothing changes,']);
});

test('a lost closing mark restarts at the next opener instead of inverting the rest', () => {
  const t = '“The quay is gone, said Brandvold. “We start again on Monday,” she added.';
  assert.deepEqual(texts(t), ['We start again on Monday,']);
});

test('a quote interrupted by attribution is two spans of one utterance', () => {
  const t = '"We want the quay rebuilt by spring," Brandvold said. "The ferries cannot wait." Separately, "costs" rose.';
  const qs = extractQuotes(t);
  assert.deepEqual(qs.map((q) => q.text), ['We want the quay rebuilt by spring,', 'The ferries cannot wait.', 'costs']);
  assert.equal(qs[0].utterance, qs[1].utterance);
  assert.notEqual(qs[1].utterance, qs[2].utterance);
  assert.equal(qs[1].speaker?.name, 'Brandvold');
});

test('two speakers in one paragraph are two utterances', () => {
  const t = '"We are ready," Brandvold said. "We are not," Kerrigan replied.';
  const qs = extractQuotes(t);
  assert.notEqual(qs[0].utterance, qs[1].utterance);
  assert.equal(qs[0].speaker?.name, 'Brandvold');
  assert.equal(qs[1].speaker?.name, 'Kerrigan');
});

test('empty quotes, empty text and stray marks yield nothing', () => {
  assert.deepEqual(extractQuotes(''), []);
  assert.deepEqual(texts('"" and “ ” and a stray ” mark'), []);
});

test('100,000 quote marks stay linear', () => {
  const bad = '"a "b" c" \' ’ “ d ” « » „ '.repeat(10_000) + '\n' + '"'.repeat(100_000);
  const t0 = Date.now();
  const qs = extractQuotes(bad);
  assert.ok(Date.now() - t0 < 3000, `took ${Date.now() - t0} ms`);
  assert.ok(qs.length > 0);
});

test('a new version of the last text is read line by line: the same quotations as a fresh reading', () => {
  const article = [
    'HARBOUR BOARD SAYS "NO" TO FERRY PLAN',
    '',
    '"We will not move the quay," said Anna Lind, the board\'s chair. "Not this year."',
    'Mr Kerrigan disagreed. He told reporters: "The ferries need the space.',
    '"And the town needs the ferries," he added.',
    '',
    'The mayor called it a \'temporary\' measure. „Wir bleiben“, schrieb sie. «Nous restons», dit-il.',
    '“It is what it is,” according to Ola Berg. ‘Quiet’ nights, he said, were over.',
    '"The quay stays," said Ola Berg.',
    '"The ferries go," he said.',
    '"An unclosed quote that runs to the end of its paragraph',
    'and a line that does not reopen it.',
  ].join('\n');
  const pieces = ['"', '“', '”', "'", '‘', '’', '\n', '\n\n', ' ', 'x', ', he said. ', 'Mr Lind said: ', '"We stay."', '\u00a0'];
  // Fresh readings (paired over the whole text at once) against keystrokes (line by line, lines reused).
  const fresh = assertSameAsFresh(randomVersions(article, 600, pieces, 10, 7), (v) => extractQuotes(v), 'An "unrelated" text.');
  const runOn = (f: string) => (JSON.parse(f) as Array<{ end: number; markEnd: number; utterance: number }>).some((q) => q.markEnd === q.end);
  assert.ok(fresh.filter(runOn).length > 50, 'many versions hold a quote running on into a reopening paragraph');
});
