import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { repeatedWordRule } from './index';
import { applyEdits } from '../applyEdits';
import type { Problem, TextEdit } from '../types';
import evaluation from './evaluation.json';

interface Labelled {
  text: string;
  /** The repeated word or phrase (lower case) the rule should report, or null. */
  flag: string | null;
  why: string;
}

const check = (text: string): Problem[] => repeatedWordRule.check(text);

function preferredEdits(problems: Problem[]): TextEdit[] {
  return problems.flatMap((p) => p.fixes.filter((f) => f.preferred).flatMap((f) => f.edits));
}

function fixAll(text: string): string {
  return applyEdits(text, preferredEdits(check(text)));
}

/** The word or phrase a problem names, as the evaluation labels it. */
function named(p: Problem): string {
  const m = /^`(.*)` is repeated$/.exec(p.message);
  return (m ? m[1] : '').toLowerCase().replace(/’/g, "'");
}

test('rule metadata', () => {
  assert.equal(repeatedWordRule.id, 'repeated-word');
  assert.equal(repeatedWordRule.defaultSeverity, 'warning');
  assert.equal(repeatedWordRule.fixAll, true);
});

test('a double is one problem covering the run, naming the word, with a preferred delete fix', () => {
  const text = 'Paris in the the spring.';
  const [p, ...rest] = check(text);
  assert.equal(rest.length, 0);
  assert.equal(p.rule, 'repeated-word');
  assert.equal(p.severity, 'warning');
  assert.equal(text.slice(p.start, p.end), 'the the');
  assert.equal(p.message, '`the` is repeated');
  assert.equal(p.fixes[0].title, 'Delete the repeated `the`');
  assert.equal(p.fixes[0].preferred, true);
  assert.equal(fixAll(text), 'Paris in the spring.');
});

test('"to to to" is a single diagnostic and fixes to one "to"', () => {
  const text = 'They want to to to win.';
  const problems = check(text);
  assert.equal(problems.length, 1);
  assert.equal(text.slice(problems[0].start, problems[0].end), 'to to to');
  assert.equal(fixAll(text), 'They want to win.');
});

test('the fix leaves one clean space, or the original line break after the run', () => {
  assert.equal(fixAll('in the\nthe sea'), 'in the sea');
  assert.equal(fixAll('in the the\nsea'), 'in the\nsea');
  assert.equal(fixAll('The the cat'), 'The cat');
  assert.equal(fixAll('a result accurate accurate, and'), 'a result accurate, and');
});

test('apostrophes: straight and curly doubles count; "it\'s its" does not', () => {
  assert.equal(check("don't don't").length, 1);
  assert.equal(check('don’t don’t').length, 1);
  assert.equal(check("don't don’t").length, 1);
  assert.equal(check("it's its").length, 0);
});

test('non-Latin scripts and astral letters', () => {
  assert.equal(check('Он сказал это это вчера.').length, 1);
  assert.equal(check('Он сказал ЭТО это вчера.').length, 1);
  assert.equal(check('𝒜𝒷 𝒜𝒷 test').length, 1, 'astral letters form words');
  assert.equal(check('😀 😀 hooray').length, 0, 'emoji are not words');
});

test('numbers are data, words with digits are words', () => {
  assert.equal(check('Row 4: 10 10 12').length, 0);
  assert.equal(check('the 3D 3D printer').length, 1);
  assert.equal(check('covid19 covid19 cases').length, 1);
});

test('never throws on odd input', () => {
  for (const text of ['', ' ', '\n\n', '\ud800 \ud800', 'a', 'the', "''", '- -', 'the\u0000the', '.'.repeat(50)]) {
    assert.doesNotThrow(() => check(text));
  }
});

test('evaluation set: precision, recall and F1', () => {
  const items = evaluation as Labelled[];
  const positives = items.filter((e) => e.flag !== null).length;
  assert.ok(items.length >= 120, 'at least 120 labelled sentences');
  assert.ok(Math.abs(positives * 2 - items.length) <= items.length * 0.1, 'roughly half positive');

  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: string[] = [];
  for (const item of items) {
    const found = check(item.text).map(named);
    if (item.flag === null) {
      fp += found.length;
      if (found.length) misses.push(`FP ${JSON.stringify(item.text)} -> ${found.join(', ')} (${item.why})`);
    } else {
      const hit = found.includes(item.flag);
      if (hit) tp++;
      else {
        fn++;
        misses.push(`FN ${JSON.stringify(item.text)} (${item.why})`);
      }
      const wrong = found.filter((w) => w !== item.flag).length;
      fp += wrong;
      if (wrong) misses.push(`FP ${JSON.stringify(item.text)} -> ${found.join(', ')}`);
    }
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  const f1 = (2 * precision * recall) / Math.max(1e-9, precision + recall);
  console.log(
    `repeated-word evaluation: n=${items.length} tp=${tp} fp=${fp} fn=${fn} ` +
      `precision=${precision.toFixed(3)} recall=${recall.toFixed(3)} f1=${f1.toFixed(3)}`,
  );
  for (const m of misses) console.log('  ' + m);
  assert.ok(precision >= 0.98, `precision ${precision}`);
  assert.ok(recall >= 0.97, `recall ${recall}`);
  assert.ok(f1 >= 0.97, `f1 ${f1}`);
});

const seedsDir = '/work/shared/corpus/seeds';
const seedFiles = fs.existsSync(seedsDir)
  ? fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()
  : [];

test('seed corpus: exactly "the the" and "between between" are flagged', { skip: seedFiles.length === 0 && 'no seed corpus' }, () => {
  const found: string[] = [];
  for (const file of seedFiles) {
    const text = fs.readFileSync(path.join(seedsDir, file), 'utf8');
    for (const p of check(text)) found.push(text.slice(p.start, p.end).toLowerCase());
  }
  assert.deepEqual(found.sort(), ['between between', 'the the']);
});

test('fixes are idempotent and change the text only inside problem ranges', () => {
  const texts = (evaluation as Labelled[]).map((e) => e.text);
  for (const file of seedFiles) texts.push(fs.readFileSync(path.join(seedsDir, file), 'utf8'));
  texts.push(texts.join('\n'));
  for (const text of texts) {
    const problems = check(text);
    const once = fixAll(text);
    assert.equal(fixAll(once), once, `second pass changed ${JSON.stringify(text)}`);
    // Outside the ranges, the fixed text is the original text, piece by piece.
    let rest = once;
    let cursor = 0;
    for (const p of problems) {
      const outside = text.slice(cursor, p.start);
      assert.ok(rest.startsWith(outside), `text before ${p.start} changed in ${JSON.stringify(text)}`);
      rest = rest.slice(outside.length);
      const inside = text.slice(p.start, p.end);
      const kept = applyEdits(
        inside,
        preferredEdits([p]).map((e) => ({ ...e, start: e.start - p.start, end: e.end - p.start })),
      );
      assert.ok(rest.startsWith(kept));
      rest = rest.slice(kept.length);
      cursor = p.end;
    }
    assert.equal(rest, text.slice(cursor));
    for (const p of problems) {
      for (const e of preferredEdits([p])) assert.ok(e.start >= p.start && e.end <= p.end, 'edit inside its range');
    }
  }
});
