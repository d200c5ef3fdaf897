// Property tests over every registered rule: random Unicode text built from the pieces
// that break analysers (astral characters, CRLF, mojibake, quotes, doubled words).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allRules } from './rules';
import { applyEdits } from './applyEdits';
import type { TextEdit } from './types';

/** mulberry32: a small seeded generator so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pieces = [
  'the', 'the the', 'The', ' ', '  ', '\n', '\r\n', '\r', '\n\n', '.', ',', '"', '“', '”', '‘', '’', "'", '«', '»',
  'Â\u00a0', 'Â ', 'â€™', 'â€œ', 'Ã©', 'Ã¢â‚¬â„¢', '\ufffd', '\u0000', '\u0085', '\u0092', '\u200b', '\u00ad', '\ufeff',
  '😀', '👩‍👩‍👧', '𠀀', 'Zürich', 'Łódź', 'SÃO PAULO', '£50', '€', 'had had', 'to to', 'Mr', 'Putin', 'said', '\ud800', '\udc00',
  'a', 'word', 'Word', '-', '—', '…', '10 10', 'U. S.', 'é', 'e\u0301', 'İ', 'ß',
];

function randomText(next: () => number): string {
  const n = Math.floor(next() * 60);
  let text = '';
  for (let i = 0; i < n; i++) {
    const r = next();
    text += r < 0.85 ? pieces[Math.floor(next() * pieces.length)] : String.fromCharCode(Math.floor(next() * 0x10000));
    if (next() < 0.5) text += ' ';
  }
  return text;
}

/** JSON with every non-ASCII character escaped, so invisible characters show in failures. */
function escape(text: string): string {
  return JSON.stringify(text).replace(/[^\x20-\x7e]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** Whether `after` equals `before` outside the edited ranges (edits in start order). */
function onlyChangedInside(before: string, after: string, edits: TextEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let i = 0;
  let j = 0;
  for (const e of sorted) {
    if (before.slice(i, e.start) !== after.slice(j, j + (e.start - i))) return false;
    j += e.start - i + e.newText.length;
    i = e.end;
  }
  return before.slice(i) === after.slice(j);
}

const runs = Number(process.env.PROPERTY_RUNS ?? 1500);

for (const rule of allRules) {
  test(`${rule.id}: never throws, ranges inside the text, fixes touch only their ranges, fix-all is idempotent`, () => {
    for (let seed = 1; seed <= runs; seed++) {
      const text = randomText(random(seed));
      const context = `seed ${seed}: ${escape(text)}`;
      const problems = rule.check(text);
      const edits: TextEdit[] = [];
      let lastEnd = -1;
      for (const p of problems) {
        assert.ok(0 <= p.start && p.start <= p.end && p.end <= text.length, `range inside the text, ${context}`);
        assert.ok(p.message.length > 0, context);
        for (const fix of p.fixes) {
          for (const e of fix.edits) assert.ok(0 <= e.start && e.start <= e.end && e.end <= text.length, `edit inside the text, ${context}`);
          const fixed = applyEdits(text, fix.edits);
          assert.ok(onlyChangedInside(text, fixed, fix.edits), `fix changes only its range, ${context}`);
        }
        const preferred = p.fixes.find((f) => f.preferred);
        if (preferred && preferred.edits.length && preferred.edits[0].start >= lastEnd) {
          edits.push(...preferred.edits);
          lastEnd = Math.max(...preferred.edits.map((e) => e.end));
        }
      }
      if (rule.fixAll && edits.length > 0) {
        // `copydesk fix` applies passes until nothing changes (a repair can expose another
        // in random text, e.g. next to stray C1 controls); that must settle, and a second
        // fix-all over its output must change nothing.
        let once = text;
        let passes = 0;
        for (let next = fixOnePass(rule.check.bind(rule), once); next !== once && passes < 4; next = fixOnePass(rule.check.bind(rule), once)) {
          once = next;
          passes++;
        }
        const twice = fixOnePass(rule.check.bind(rule), once);
        assert.equal(escape(twice), escape(once), `fixing twice equals fixing once, ${context}`);
      }
    }
  });
}

/** Applies every non-overlapping preferred fix once, as fix-all does. */
function fixOnePass(check: (t: string) => ReturnType<(typeof allRules)[number]['check']>, text: string): string {
  {
    const edits: TextEdit[] = [];
    let lastEnd = -1;
    for (const p of check(text)) {
      const fix = p.fixes.find((f) => f.preferred);
      if (!fix || fix.edits.length === 0 || Math.min(...fix.edits.map((e) => e.start)) < lastEnd) continue;
      edits.push(...fix.edits);
      lastEnd = Math.max(...fix.edits.map((e) => e.end));
    }
    return edits.length === 0 ? text : applyEdits(text, edits);
  }
}

test('quotes, names and the readable view: never throw, ranges inside the text, text equals the slice', async () => {
  const { extractQuotes } = await import('./quotes');
  const { recognizeEntities } = await import('./entities');
  const { readableView } = await import('./encoding');
  for (let seed = 1; seed <= Math.ceil(runs / 3); seed++) {
    const text = randomText(random(seed + 100000));
    const context = `seed ${seed + 100000}: ${escape(text)}`;
    for (const q of extractQuotes(text)) {
      assert.ok(0 <= q.markStart && q.markStart <= q.start && q.start <= q.end && q.end <= q.markEnd && q.markEnd <= text.length, `quote range, ${context}`);
      assert.equal(q.text, text.slice(q.start, q.end), context);
    }
    for (const m of recognizeEntities(text)) {
      assert.ok(0 <= m.start && m.start < m.end && m.end <= text.length, `mention range, ${context}`);
      assert.equal(m.text, text.slice(m.start, m.end), context);
    }
    const view = readableView(text);
    let last = 0;
    for (let i = 0; i <= view.text.length; i++) {
      const o = view.toOriginal(i);
      assert.ok(o >= last && o <= text.length, `view offsets map monotonically into the text, ${context}`);
      last = o;
    }
  }
});

test('block-local rules: the whole text\'s problems are those of its blocks, read one by one', async () => {
  const { blockEnds } = await import('./blocks');
  const local = allRules.filter((rule) => rule.blockLocal);
  assert.ok(local.some((rule) => rule.blockLocal === 'paragraphs'), 'some rules read paragraph by paragraph');
  assert.ok(local.length >= 5, 'most rules read block by block');
  for (let seed = 1; seed <= runs; seed++) {
    const next = random(seed + 200000);
    // Random paragraphs, some ending in a line of over 100 characters, apart by blank lines (with
    // spaces, CRLF) or by a single line break.
    const paragraph = () => {
      let text = randomText(next);
      // document-wide evidence that a block alone may not show: apostrophe style, code pages
      if (next() < 0.3) text += [" it's", ' it’s', ' r“d'][Math.floor(next() * 3)].repeat(1 + Math.floor(next() * 3));
      if (next() < 0.3) text += ' ' + ['â€™', 'Ã©', 'é€…', 'Â ', 'â€œ'][Math.floor(next() * 5)];
      if (next() < 0.5) while (text.length < 110) text += pieces[Math.floor(next() * pieces.length)] + ' ';
      return text;
    };
    const text = Array.from({ length: 1 + Math.floor(next() * 4) }, paragraph).join(['\n\n', '\n \n', '\r\n\r\n', '\n', '\n'][Math.floor(next() * 5)]);
    for (const rule of local) {
      const ends = blockEnds(text, rule.blockLocal === true);
      const byBlock: unknown[] = [];
      let from = 0;
      for (const to of ends) {
        for (const p of rule.check(text.slice(from, to))) {
          byBlock.push({ ...p, start: p.start + from, end: p.end + from, fixes: p.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, start: e.start + from, end: e.end + from })) })) });
        }
        from = to;
      }
      assert.deepEqual(byBlock, rule.check(text), `${rule.id}, seed ${seed + 200000}: ${escape(text)}`);
    }
  }
});
