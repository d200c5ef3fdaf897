import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQuotes } from './extract';

const who = (t: string, persons?: Array<{ start: number; end: number; name: string }>) =>
  extractQuotes(t, persons).map((q) => (q.speaker ? `${q.speaker.name}/${q.speaker.kind}` : null));

test('"…," Name said', () => {
  assert.deepEqual(who('"The wall held," Brandvold said.'), ['Brandvold/name']);
});

test('said Mr Name: the honorific is dropped', () => {
  assert.deepEqual(who('"We need pumps, not promises," said Mr Ostrander.'), ['Ostrander/name']);
  assert.deepEqual(who('"Nobody was hurt," Dr. Anneli Sorvik told reporters.'), ['Anneli Sorvik/name']);
});

test('titles before a full name are stripped', () => {
  assert.deepEqual(who('"The fund is open," Harbour Minister Tomas Kerrigan said on Tuesday.'), ['Tomas Kerrigan/name']);
  assert.deepEqual(who('"Wait for the survey," Veltmark council spokesman Pavel Ostrander told reporters.'), ['Pavel Ostrander/name']);
});

test('Name said: "…" and Name said that "…"', () => {
  assert.deepEqual(who('Kerrigan said: "The money will be there."'), ['Kerrigan/name']);
  assert.deepEqual(who('But Sorvik said the damage "looks worse than it is."'), ['Sorvik/name']);
});

test('"…" — Name', () => {
  assert.deepEqual(who('"Rebuild the quay first" — Brandvold'), ['Brandvold/name']);
});

test('according to X', () => {
  assert.deepEqual(who('The levee was "never designed for this," according to Anneli Sorvik.'), ['Anneli Sorvik/name']);
});

test('he said resolves to the running speaker, not the last capitalised word', () => {
  const t = 'Mayor Ilsa Brandvold met engineers on Monday.\nBrandvold said repairs to the Norrby and Kestel quays would wait.\n"We have to be honest about the cost," she told reporters.';
  assert.deepEqual(who(t), ['Brandvold/pronoun']);
  const [q] = extractQuotes(t);
  assert.equal(t.slice(q.speaker!.start, q.speaker!.end), 'she');
});

test('the minister said resolves through the role noun', () => {
  const t = 'Harbour Minister Tomas Kerrigan toured the quay. "This is a national matter," the minister said.';
  assert.deepEqual(who(t), ['Tomas Kerrigan/pronoun']);
});

test('persons from the entity layer are used when given', () => {
  const t = 'Kerrigan arrived late. "We will pay," he said.';
  const persons = [{ start: 0, end: 8, name: 'Tomas Kerrigan' }];
  assert.deepEqual(who(t, persons), ['Tomas Kerrigan/pronoun']);
});

test('an institution may speak; an unresolvable pronoun gives null', () => {
  assert.deepEqual(who('"Talks continue," the Veltmark Harbour Authority said.'), ['Veltmark Harbour Authority/name']);
  assert.deepEqual(who('"We hope so," it added.'), [null]);
  assert.deepEqual(who('The flood was "unprecedented" for the town.'), [null]);
});

test('names mentioned inside quotes are not antecedents', () => {
  const t = 'Sorvik said the survey was done.\n"Kerrigan asked us to hurry," she said.';
  assert.deepEqual(who(t), ['Sorvik/pronoun']);
});

test('"she said" skips a man the paragraph made salient and finds the woman named just before', () => {
  const text =
    'Foreign Minister Anton Perel said the talks would go on. He left for the airport at noon.\n' +
    'The inquiry will be led by Greta Lindqvist, an engineer from Malmö. She told reporters she would start on Monday.\n' +
    '“Nobody will be told in advance what our findings are,” she said.\n';
  const quote = extractQuotes(text, personsIn(text, ['Anton Perel', 'Greta Lindqvist'])).find((q) => q.text.startsWith('Nobody'))!;
  assert.equal(quote.speaker?.kind, 'pronoun');
  assert.equal(quote.speaker?.name, 'Greta Lindqvist');
});

test('"he said" after a sentence whose subject is one man and object another goes to the subject', () => {
  const text =
    'President Dorin Vasca met Mr Teodor Hale, the envoy, in the capital.\n' +
    '"We did not come to trade accusations," he said.\n';
  const quote = extractQuotes(text, personsIn(text, ['Dorin Vasca', 'Teodor Hale']))[0];
  assert.equal(quote.speaker?.name, 'Dorin Vasca');
});

/** Person mentions as the entity layer would pass them. */
function personsIn(text: string, names: string[]) {
  return names.map((name) => ({ start: text.indexOf(name), end: text.indexOf(name) + name.length, name })).sort((a, b) => a.start - b.start);
}

test('a speaker named before a long appositive: "X, director of the Y (Z), called it "…""', () => {
  const text = 'Marta Olen, head of the Velmora Pilots Association (VPA), called the crash "the worst night we have known" and left.\n';
  assert.equal(extractQuotes(text)[0].speaker?.name, 'Marta Olen');
});

test('"The company said in a statement:" is a role, not a person, so it cannot block a link', () => {
  const text = 'The company said in a brief statement: "We will cooperate fully with the inquiry until every question is answered."\n';
  assert.equal(extractQuotes(text)[0].speaker?.kind, 'role');
});
