import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unbalancedQuoteRule, unbalancedQuotes } from './unbalancedQuote';

const marks = (t: string) => unbalancedQuotes(t).map((m) => `${m.kind}${m.single ? '-single' : ''}@${t.slice(m.pos, m.pos + 12)}`);

test('metadata', () => {
  assert.equal(unbalancedQuoteRule.id, 'unbalanced-quote');
  assert.equal(unbalancedQuoteRule.defaultSeverity, 'warning');
  assert.equal(unbalancedQuoteRule.fixAll, false);
});

test('an opening mark never closed in its paragraph', () => {
  const text = 'He said "we will go, and then left.\nNext paragraph is plain.';
  const ps = unbalancedQuoteRule.check(text);
  assert.equal(ps.length, 1);
  assert.equal(ps[0].start, text.indexOf('"'));
  assert.equal(ps[0].end, ps[0].start + 1);
  assert.match(ps[0].message, /never closed/);
  assert.deepEqual(ps[0].fixes, []);
});

test('curly, guillemets, single quotes, lost closers and stray closers', () => {
  assert.deepEqual(marks('She said “no and left.'), ['unclosed@“no and left']);
  assert.deepEqual(marks('«Oui, dit-il.'), ['unclosed@«Oui, dit-il']);
  assert.deepEqual(marks("A 'decisive move, he said."), ["unclosed-single@'decisive mo"]);
  assert.deepEqual(marks('He said “no. Then she said “yes.”'), ['unclosed@“no. Then sh']);
  assert.deepEqual(marks('He left” and then came back.'), ['unopened@” and then c']);
  assert.deepEqual(marks('“Wait,” he said. “Now'), ['unclosed@“Now']);
});

test('balanced text and the newspaper multi-paragraph convention are fine', () => {
  assert.deepEqual(marks('He said "yes" and "no." Then: “fine,” she said.'), []);
  const multi = 'The firm said:\n“We share the grief.\n“We will cooperate.\n“We will not speculate.”\nAfter.';
  assert.deepEqual(marks(multi), []);
  assert.deepEqual(marks('“One.\n\n“Two.”'), [], 'blank lines between the paragraphs');
  assert.deepEqual(marks("Headline: 'Worst night on the river'"), []);
  assert.deepEqual(marks('German: „Ja“ und »Nein«.'), []);
});

test('a multi-paragraph quotation that is never closed is still found', () => {
  assert.deepEqual(marks('“One.\n“Two.\nAfter.'), ['unclosed@“Two.\nAfter.']);
});

test('hard-wrapped text: a quotation may cross line breaks', () => {
  assert.deepEqual(marks('He said "we will\ngo on with it\ntomorrow," and left.'), []);
  assert.deepEqual(marks('He said "we will go on.\nThen he left.'), ['unclosed@"we will go '], 'a finished line does not carry');
});

test('apostrophes, primes and elisions are not quotation marks', () => {
  assert.deepEqual(marks("Russia's players' union, the '90s, rock 'n' roll, 'em and 'til then."), []);
  assert.deepEqual(marks('He is 5\'11" tall and ate a 12" pizza.'), []);
  assert.deepEqual(marks('Last week"s collision, don’t, the 1990s’ boom.'), []);
  assert.deepEqual(marks('committee,â€ she said â€” a reference'), [], 'mojibake');
  assert.deepEqual(marks('countries\' river authorities and victims\' families'), []);
});

test('never throws', () => {
  for (const t of ['', '"', '“', '\n"\n', "'", '”\n“', '\r\n"a\r\n"b"']) unbalancedQuoteRule.check(t);
});
