import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mojibakeRule, repairEncoding } from './index';

test('repairEncoding repairs mojibake and controls, keeps everything else, reports input offsets', () => {
  const input = 'Itâ€™s 25Â°C in ZÃ¼rich\u0092 today\u0007. Zürich stays.';
  const { text, repairs } = repairEncoding(input);
  assert.equal(text, 'It’s 25°C in Zürich’ today. Zürich stays.');
  for (const r of repairs) assert.equal(input.slice(r.start, r.end), r.original);
  assert.deepEqual(repairs.map((r) => r.replacement), ['’', '°', 'ü', '’', '']);
  assert.ok(repairs.every((r) => r.explanation.length > 0));
});

test('repairEncoding is idempotent and leaves clean text identical', () => {
  const once = repairEncoding('Ã¢â‚¬Å“Hi,Ã¢â‚¬Â she said; cafÃ©, USÂ troops').text;
  assert.equal(once, '“Hi,” she said; café, US troops');
  assert.deepEqual(repairEncoding(once), { text: once, repairs: [] });
  const clean = 'São Paulo, SÃO PAULO, Łódź, £50, 😀, “quotes”.';
  assert.deepEqual(repairEncoding(clean), { text: clean, repairs: [] });
});

test('seed articles: every Â is flagged and none survives repair', (t) => {
  const dir = '/work/shared/corpus/seeds';
  if (!fs.existsSync(dir)) return t.skip('seed corpus not present');
  for (const name of fs.readdirSync(dir)) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    const problems = mojibakeRule.check(text);
    for (let i = text.indexOf('Â'); i >= 0; i = text.indexOf('Â', i + 1)) {
      assert.ok(problems.some((p) => p.start <= i && i < p.end), `${name}: Â at ${i} not flagged`);
    }
    const repaired = repairEncoding(text).text;
    assert.equal(repaired.includes('Â'), false, name);
    assert.equal(repairEncoding(repaired).repairs.length, 0, `${name}: not idempotent`);
  }
});
