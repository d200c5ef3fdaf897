// Runs the cleaning rules over the real articles in /work/shared/corpus/seeds (when present)
// and over the project's sample corpus (samples/, whose README lists the residue it contains).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { BoilerplateIndex, cleaningRules, quoteAsApostropheRule, spacedAbbreviationRule, spacingRule, unbalancedQuoteRule, wordGapRule } from './index';
import type { Problem } from '../types';

const SEEDS = '/work/shared/corpus/seeds';
const seedsPresent = fs.existsSync(SEEDS) && fs.readdirSync(SEEDS).length > 0;

function findSamples(): string | null {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start, i = 0; i < 8; i++, dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'samples');
      if (fs.existsSync(path.join(candidate, 'danube-wire.txt'))) return candidate;
    }
  }
  return null;
}
const SAMPLES = findSamples();

function load(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of fs.readdirSync(dir).sort()) if (/\.(txt|article)$/.test(name)) out.set(name, fs.readFileSync(path.join(dir, name), 'utf8'));
  return out;
}

/** "line:text" of each problem (1-based line). */
function at(text: string, ps: Problem[]): string[] {
  return ps.map((p) => `${text.slice(0, p.start).split(/\r\n|\n|\r/).length}:${text.slice(p.start, p.end)}`);
}

function boilerplate(files: Map<string, string>): Map<string, string[]> {
  const idx = new BoilerplateIndex();
  for (const [name, text] of files) idx.setFile(name, text);
  const out = new Map<string, string[]>();
  for (const [name, text] of files) out.set(name, at(text, idx.problemsFor(name, text)));
  return out;
}

test('seeds: word gaps, spaced U. S., week"s, residue', { skip: !seedsPresent && 'seed corpus absent' }, () => {
  const files = load(SEEDS);
  const ap = [...files.entries()].find(([, t]) => t.includes('U. S.'));
  assert.ok(ap, 'a seed with spaced abbreviations');
  const [, apText] = ap;
  const gaps = wordGapRule.check(apText).map((p) => apText.slice(p.start - 3, p.end + 5));
  assert.ok(gaps.includes('the   talks'), 'the   talks');
  assert.ok(gaps.some((g) => g.endsWith('  . The')), 'spaces before a full stop');
  const abbr = spacedAbbreviationRule.check(apText);
  assert.ok(abbr.length >= 10 && abbr.every((p) => apText.slice(p.start, p.end) === 'U. S.'));
  assert.ok(spacingRule.check(apText).some((p) => apText.slice(p.start - 4, p.end + 1) === '(AP)  —'));

  const apostrophes = [...files.values()].flatMap((t) => quoteAsApostropheRule.check(t).map((p) => t.slice(p.start - 4, p.end + 1)));
  assert.ok(apostrophes.includes('week"s'));

  const found = boilerplate(files);
  const all = [...found.values()].flat().map((s) => s.replace(/^\d+:/, ''));
  for (const residue of ['Accessibility links', 'Breaking News', 'please wait', 'No media source currently available', '0:00 0:01:59 0:00', '0:00 0:00:46 0:00', '02:52 - Source: CNN', 'Story highlights', '• 16x9 Image', 'To find out more, click here.']) {
    assert.ok(all.includes(residue), residue);
  }
  // No article prose is taken for boilerplate: every flagged line is short.
  assert.ok(all.every((s) => s.length < 120), all.join(' | '));
});

test('seeds: no false alarms from the quotation and abbreviation rules', { skip: !seedsPresent && 'seed corpus absent' }, () => {
  for (const [name, text] of load(SEEDS)) {
    assert.deepEqual(at(text, unbalancedQuoteRule.check(text)), [], name);
    for (const p of quoteAsApostropheRule.check(text)) assert.match(text.slice(p.start - 4, p.end + 1), /\w"\w/);
    for (const rule of cleaningRules) rule.check(text);
  }
});

test('samples: the residue listed in samples/README.md', { skip: !SAMPLES && 'samples absent' }, () => {
  const files = load(SAMPLES as string);
  const dw = files.get('danube-wire.txt') as string;
  assert.deepEqual(at(dw, wordGapRule.check(dw)), ['5:   ']);
  const p5 = wordGapRule.check(dw)[0];
  assert.equal(dw.slice(p5.start - 3, p5.end + 5), 'the   talks');
  const line5 = dw.split('\n').slice(0, 4).join('\n').length + 1;
  assert.equal(p5.start - 3 - line5 + 1, 107, 'danube-wire:5 col 107 (README)');
  assert.deepEqual(at(dw, spacedAbbreviationRule.check(dw)), ['11:U. S.']);
  assert.deepEqual(at(dw, quoteAsApostropheRule.check(dw)), ['12:"']);
  for (const [name, text] of files) {
    if (name !== 'danube-wire.txt') {
      assert.deepEqual(wordGapRule.check(text), [], name);
      assert.deepEqual(spacedAbbreviationRule.check(text), [], name);
      assert.deepEqual(quoteAsApostropheRule.check(text), [], name);
    }
    assert.deepEqual(spacingRule.check(text), [], name);
    assert.deepEqual(at(text, unbalancedQuoteRule.check(text)), [], name);
  }

  const found = boilerplate(files);
  assert.deepEqual(found.get('eastbridge-radio.txt')?.map((s) => s.slice(0, 24)), [
    '1:Skip to main content',
    '8:Albulescu: Sofia Must ',
    '9:Please wait',
    '11:No media source curre',
    '13:0:00 / 1:42',
    '27:WATCH: Divers Search ',
    '29:Please wait',
    '31:No media source curre',
    '33:0:00 / 0:58',
    '45:Get the Riverline Bri',
  ]);
  assert.deepEqual(found.get('danube-wire.txt')?.map((s) => s.slice(0, 26)), ['16:Get the Riverline Brief']);
  assert.deepEqual(found.get('carpathian-herald.txt'), ['16:Read more: Who was on board the Vidra?']);
  assert.deepEqual(found.get('balkan-ledger.txt'), []);
  assert.deepEqual(found.get('sofia-morning-courier.article'), []);

  const idx = new BoilerplateIndex();
  for (const [name, text] of files) idx.setFile(name, text);
  const footer = idx.occurrences('danube-wire.txt', dw)[0];
  assert.deepEqual(footer.files, ['danube-wire.txt', 'eastbridge-radio.txt']);
  assert.match(footer.problem.message, /Appears in 2 of 5 articles/);
});
