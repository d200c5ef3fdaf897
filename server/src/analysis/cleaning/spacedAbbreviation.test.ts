import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinedAbbreviations, spacedAbbreviationProblems, spacedAbbreviationRule, spacedAbbreviations } from './spacedAbbreviation';
import { applyEdits } from '../applyEdits';
import { randomTexts } from '../testing/randomText';

const fix = (t: string) =>
  applyEdits(t, spacedAbbreviationRule.check(t).flatMap((p) => p.fixes.filter((f) => f.preferred).flatMap((f) => f.edits)));

test('metadata', () => {
  assert.equal(spacedAbbreviationRule.id, 'spaced-abbreviation');
  assert.equal(spacedAbbreviationRule.defaultSeverity, 'information');
  assert.equal(spacedAbbreviationRule.fixAll, true);
});

test('known abbreviations are joined, whatever follows', () => {
  const text = 'The U. S. embassy, the U. N. and the E. U. met in Washington, D. C. The U. S. Secretary of State and the U. S. A. agreed.';
  const ps = spacedAbbreviationRule.check(text);
  assert.equal(ps.length, 6);
  assert.equal(text.slice(ps[0].start, ps[0].end), 'U. S.');
  assert.equal(ps[0].severity, 'information');
  assert.match(ps[0].message, /`U\. S\.`.*`U\.S\.`/);
  assert.equal(
    fix(text),
    'The U.S. embassy, the U.N. and the E.U. met in Washington, D.C. The U.S. Secretary of State and the U.S.A. agreed.',
  );
  assert.equal(fix('the U.\u00a0K. government'), 'the U.K. government');
});

test('initials of names are not flagged', () => {
  assert.deepEqual(spacedAbbreviationRule.check('D. D. Eisenhower and J. K. Rowling and W. E. B. Du Bois met U. S. Grant.'), []);
  assert.deepEqual(spacedAbbreviationRule.check('Plan A. B. C. and the U.S. and US and U.S. A.'), []);
  assert.deepEqual(spacedAbbreviationRule.check('He wrote to U. Sm. and the XU. S. thing'), []);
  assert.deepEqual(spacedAbbreviationRule.check(''), []);
});

test('candidates carry what is known about them', () => {
  const c = spacedAbbreviations('J. K. Rowling met the A. B. team and the U. S. embassy.');
  assert.deepEqual(
    c.map((a) => [a.text, a.joined, a.letters, a.known, a.followedByName]),
    [
      ['J. K.', 'J.K.', 'JK', false, true],
      ['A. B.', 'A.B.', 'AB', false, false],
      ['U. S.', 'U.S.', 'US', true, false],
    ],
  );
});

test('corpus knowledge: flag an unknown candidate the corpus writes joined, never before a surname', () => {
  const corpus = joinedAbbreviations('The A.B. team and J.K. Rowling and the U.S. and e.g. this.');
  assert.deepEqual([...corpus].sort(), ['A.B.', 'J.K.', 'U.S.']);
  const text = 'J. K. Rowling met the A. B. team and the C. D. team.';
  const ps = spacedAbbreviationProblems(text, (j) => corpus.has(j));
  assert.deepEqual(ps.map((p) => text.slice(p.start, p.end)), ['A. B.']);
});

test('spacedAbbreviations finds the runs a scan of every character finds (random text)', () => {
  // What a run is, checked character by character: the scan the full-stop jumps replaced.
  const isUpperAscii = (c: string) => c >= 'A' && c <= 'Z';
  const reference = (text: string): Array<[number, number]> => {
    const out: Array<[number, number]> = [];
    for (let i = 0; i < text.length - 3; i++) {
      if (!isUpperAscii(text[i]) || text[i + 1] !== '.' || !' \u00a0\u202f'.includes(text[i + 2])) continue;
      if (i > 0 && /[\p{L}\p{N}.'’]/u.test(text[i - 1])) continue;
      let j = i + 2;
      let end = i + 2;
      let count = 1;
      while (j + 2 < text.length + 1 && ' \u00a0\u202f'.includes(text[j] ?? 'x') && isUpperAscii(text[j + 1] ?? '') && text[j + 2] === '.') {
        const after = text[j + 3] ?? '';
        if (/\p{L}/u.test(after) || after === '.') break;
        count++;
        end = j + 3;
        j += 3;
      }
      if (count < 2) continue;
      out.push([i, end]);
      i = end - 1;
    }
    return out;
  };
  const pieces = ['U', 'S', 'N', '.', ' ', '\u00a0', 'a', 'Smith', ',', '’', 'x.'];
  for (const text of randomTexts(pieces, 4000, 24, 3)) {
    assert.deepEqual(spacedAbbreviations(text).map((a) => [a.start, a.end]), reference(text), JSON.stringify(text));
  }
});
