import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mojibakeRule } from './mojibakeRule';
import { applyEdits } from '../applyEdits';

function fix(text: string): string {
  return applyEdits(text, mojibakeRule.check(text).flatMap((p) => p.fixes.find((f) => f.preferred)!.edits));
}

test('a curly apostrophe read as Windows-1252 is one run with a clear message', () => {
  const [problem, ...rest] = mojibakeRule.check('The senatorâ€™s aide left.');
  assert.equal(rest.length, 0);
  assert.equal(problem.rule, 'mojibake');
  assert.equal(problem.severity, 'warning');
  assert.equal('The senatorâ€™s aide left.'.slice(problem.start, problem.end), 'â€™');
  assert.equal(problem.message, '`â€™` is `’` read with the wrong encoding (UTF-8 decoded as Windows-1252)');
  assert.equal(problem.fixes.length, 1);
  assert.equal(problem.fixes[0].preferred, true);
});

test('double and triple damage repair in one step', () => {
  assert.equal(fix('the boardÃ¢â‚¬â„¢s vote'), 'the board’s vote');
  const triple = Buffer.from(Buffer.from('’', 'utf8').toString('latin1'), 'utf8').toString('latin1');
  assert.equal(fix(`it${triple}s`), 'it’s');
  assert.match(mojibakeRule.check('the boardÃ¢â‚¬â„¢s vote')[0].message, /twice/);
});

test('a no-break space read as Windows-1252, with or without its second byte', () => {
  assert.equal(fix('the USÂ\u00a0strike'), 'the US\u00a0strike');
  assert.equal(fix('the USÂ strike'), 'the US strike');
  assert.equal(fix('"a warning."Â\nNext line'), '"a warning."\nNext line');
  assert.equal(fix('end of fileÂ'), 'end of file');
});

test('Latin-1 decoding (C1 controls) and sloppy Windows-1252 (undefined bytes kept)', () => {
  assert.equal(fix('it\u00e2\u0080\u0099s'), 'it’s');
  assert.equal(fix('Ã\u0081frica'), 'África'); // 0x81 is undefined in Windows-1252
  assert.equal(fix('â€œquotedâ€\u009d'), '“quoted”');
  assert.equal(fix('â€œquotedâ€ and more'), '“quoted” and more'); // 0x9D dropped
});

test('Cyrillic, Polish and MacRoman damage with strong evidence', () => {
  assert.equal(fix('РњРѕСЃРєРІР°'), 'Москва');
  assert.equal(fix('ÐœÐ¾Ñ\u0081ÐºÐ²Ð°'), 'Москва');
  assert.equal(fix('PrzykĹ‚ad'), 'Przykład');
  assert.equal(fix('caf√© and cr√®me'), 'café and crème');
  assert.equal(fix('emoji ðŸ™‚ here'), 'emoji 🙂 here');
});

test('only damaged runs are repaired in partly damaged text', () => {
  assert.equal(fix('Zürich and ZÃ¼rich, São Paulo and SÃ£o Paulo'), 'Zürich and Zürich, São Paulo and São Paulo');
});

test('clean text with look-alike pairs is left alone', () => {
  for (const clean of [
    'SÃO PAULO', 'IRMÃ”', '“CAFÉ”', 'NESTLÉ®', 'groß“', 'Łódź', 'Dvořák', 'Gdańsk', 'İstanbul', 'naïve façade',
    '£50 €10 ½ 30°C © ® ™', '“quotes” — dashes… ', '😀 👍🏽 𠜎', 'В\u00a0Москве', 'Річка', '«ОАО»', 'l’été',
    'Thủ tướng Việt Nam', 'The Â key', 'ROMÂNIA', 'Mr\u00a0Smith',
  ]) {
    assert.deepEqual(mojibakeRule.check(clean), [], clean);
  }
});

test('ambiguous pairs count only when the document is otherwise damaged', () => {
  // "SÃ…" alone could be Portuguese capitals and an ellipsis ...
  assert.deepEqual(mojibakeRule.check('SÃ… nada'), []);
  // ... but not next to certain damage.
  assert.equal(fix('SÃ… nada â€” cafÃ©'), 'SÅ nada — café');
});
