import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mentionsFromPersons } from './speakers';
import { assertSameAsFresh, randomVersions } from '../testing/randomText';

const NAMES = /Anna Lind|Mr Kerrigan|Ola Berg|Kerrigan/g;
const personsIn = (text: string) => [...text.matchAll(NAMES)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, name: m[0] }));

test('persons of a new version keep the salience the last version gave the same surroundings: the same as a fresh reading', () => {
  const article = [
    'Anna Lind said the quay would stay. Mr Kerrigan disagreed, and Ola Berg told reporters nothing.',
    '"We stay," Kerrigan said. The board, chaired by Anna Lind, met on Monday.',
    '',
    'Ola Berg, the harbour master, warned of storms. Later Mr Kerrigan quietly said he would wait.',
    // Salience read far back: nine capitalised words (55 characters) before the name open the line.
    'Chairman Of The Greater Brannvik Harbour And Ferry Board Anna Lind spoke first.',
  ].join('\n');
  const pieces = [' ', 'x', '.', ',', '\n', ' said', ' told', 'Anna Lind ', 'Mr Kerrigan ', '"', 'The mayor and '];
  const versions = randomVersions(article, 500, pieces, 12, 11);
  // A word typed 55 characters before a name decides whether the name opens its sentence.
  versions.push(article, article.replace('Chairman Of', 'x Chairman Of'), article);
  const fresh = assertSameAsFresh(versions, (v) => mentionsFromPersons(v, personsIn(v)), 'Unrelated: Berit Holm spoke.');
  const salient = fresh.map((f) => (JSON.parse(f) as Array<{ salient: boolean }>).filter((m) => m.salient).length);
  assert.ok(salient.some((n) => n > 0) && salient.some((n, i) => n !== salient[0] || i === 0), 'salience varies across versions');
});
