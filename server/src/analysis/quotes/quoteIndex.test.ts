import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQuotes } from './extract';
import { QuoteIndex } from './quoteIndex';
import { OUTLETS } from './fixtures';
import { Quote, QuoteFamily } from './types';

function build(files: Record<string, string> = OUTLETS): { index: QuoteIndex; quotes: Map<string, Quote[]> } {
  const index = new QuoteIndex();
  const quotes = new Map<string, Quote[]>();
  for (const [file, text] of Object.entries(files)) {
    const qs = extractQuotes(text);
    quotes.set(file, qs);
    index.setFile(file, qs);
  }
  return { index, quotes };
}

function find(quotes: Map<string, Quote[]>, file: string, snippet: string): number {
  const i = quotes.get(file)!.findIndex((q) => q.text.includes(snippet));
  assert.ok(i >= 0, `no quote containing ${JSON.stringify(snippet)} in ${file}`);
  return i;
}

function family(index: QuoteIndex, quotes: Map<string, Quote[]>, file: string, snippet: string): QuoteFamily | undefined {
  return index.familyOf(file, find(quotes, file, snippet));
}

const has = (f: QuoteFamily | undefined, file: string, quote: number) => !!f && f.members.some((m) => m.file === file && m.quote === quote);

test('whole, split, fragmentary and edited printings of one statement form one family', () => {
  const { index, quotes } = build();
  const f = family(index, quotes, 'northgate-courier.txt', 'We will rebuild the lower quay');
  assert.ok(f);
  assert.equal(f.speaker, 'Brandvold');
  assert.match(f.canonical, /^we will rebuild the lower quay before the ferries return in spring the town cannot survive/);
  // Split by "he said" in the wire copy: both spans belong.
  assert.ok(has(f, 'lakeside-wire.txt', find(quotes, 'lakeside-wire.txt', 'We will rebuild')));
  assert.ok(has(f, 'lakeside-wire.txt', find(quotes, 'lakeside-wire.txt', 'cannot survive')));
  // A clause of the longer quote.
  assert.ok(has(f, 'valley-post.article', find(quotes, 'valley-post.article', 'cannot survive')));
  // Articles dropped.
  assert.ok(has(f, 'eastbay-times.txt', find(quotes, 'eastbay-times.txt', 'rebuild lower quay')));
  assert.equal(new Set(f.members.map((m) => m.file)).size, 4);
  // The same family object answers from every member.
  const other = family(index, quotes, 'valley-post.article', 'cannot survive');
  assert.equal(other?.id, f.id);
});

test('small edits link: "the families who" vs "the families that", dropped articles', () => {
  const { index, quotes } = build();
  const f = family(index, quotes, 'eastbay-times.txt', 'national fund');
  assert.ok(f);
  assert.equal(f.speaker?.endsWith('Kerrigan'), true);
  assert.ok(has(f, 'northgate-courier.txt', find(quotes, 'northgate-courier.txt', 'national fund')));
  assert.ok(has(f, 'lakeside-wire.txt', find(quotes, 'lakeside-wire.txt', 'families who lost')));
});

test('different statements sharing phrases do not link', () => {
  const { index, quotes } = build();
  const sorvik = family(index, quotes, 'valley-post.article', 'never built for a storm');
  assert.equal(sorvik, undefined, 'shares "lower quay", "ferries", "return in spring" but says something else');
  const brandvold = family(index, quotes, 'northgate-courier.txt', 'We will rebuild')!;
  assert.ok(!brandvold.members.some((m) => m.text.includes('never built')));
});

test('a shared fragment does not chain two unrelated long quotes', () => {
  const { index, quotes } = build();
  const heart = family(index, quotes, 'northgate-courier.txt', 'heart of this town and we will fight');
  const tax = family(index, quotes, 'eastbay-times.txt', 'harbour tax');
  assert.notEqual(heart?.id ?? 'none-a', tax?.id ?? 'none-b');
  if (heart) assert.ok(!heart.members.some((m) => m.text.includes('harbour tax')));
});

test('scare quotes link only on identical text and agreeing named speakers', () => {
  const { index, quotes } = build();
  // "unprecedented" has no speaker in either outlet: no family.
  assert.equal(family(index, quotes, 'northgate-courier.txt', 'unprecedented'), undefined);
  // "isolated" from Kerrigan in two outlets links; the same word from Sorvik does not join.
  const isolated = family(index, quotes, 'northgate-courier.txt', 'isolated');
  assert.ok(isolated);
  assert.deepEqual(isolated.members.map((m) => m.file).sort(), ['lakeside-wire.txt', 'northgate-courier.txt']);
});

test('families(minFiles) lists multi-outlet families, largest first', () => {
  const { index } = build();
  const all = index.families();
  assert.ok(all.length >= 3);
  for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].members.length >= all[i].members.length);
  for (const f of all) assert.ok(new Set(f.members.map((m) => m.file)).size >= 2);
  assert.equal(index.families(5).length, 0);
  // Speakers never mix inside a family.
  for (const f of all) assert.ok(new Set(f.members.map((m) => m.speaker?.split(' ').pop()).filter(Boolean)).size <= 1);
});

test('incremental: setFile replaces postings, removeFile drops them, others are untouched', () => {
  const { index, quotes } = build();
  const courierIdx = find(quotes, 'northgate-courier.txt', 'We will rebuild');
  const before = index.familyOf('northgate-courier.txt', courierIdx)!;
  assert.ok(before.members.some((m) => m.file === 'eastbay-times.txt'));

  // Eastbay rewrites its story without the mayor's quote.
  index.setFile('eastbay-times.txt', extractQuotes('"The quay is finished," a fisherman said.'));
  const after = index.familyOf('northgate-courier.txt', courierIdx)!;
  assert.ok(!after.members.some((m) => m.file === 'eastbay-times.txt'));
  assert.ok(after.members.some((m) => m.file === 'lakeside-wire.txt'));

  // Setting the same content twice is idempotent.
  index.setFile('eastbay-times.txt', extractQuotes(OUTLETS['eastbay-times.txt']));
  index.setFile('eastbay-times.txt', extractQuotes(OUTLETS['eastbay-times.txt']));
  const again = index.familyOf('northgate-courier.txt', courierIdx)!;
  assert.equal(again.members.filter((m) => m.file === 'eastbay-times.txt').length, 1);
  assert.deepEqual(again.members, before.members);

  index.removeFile('lakeside-wire.txt');
  index.removeFile('valley-post.article');
  index.removeFile('eastbay-times.txt');
  assert.equal(index.familyOf('northgate-courier.txt', courierIdx), undefined);
  assert.equal(index.families(1).length, 0);
  assert.equal(index.familyOf('lakeside-wire.txt', 0), undefined);
  index.removeFile('never-added.txt');
});

test('an utterance split by "he said" and printed whole link as a whole', () => {
  const a = '"We are ready to open the quay," Brandvold said. "The ferries will sail in April and the fish market reopens with them."';
  const b = 'Brandvold said: "We are ready to open the quay. The ferries will sail in April and the fish market reopens with them."';
  const index = new QuoteIndex();
  const qa = extractQuotes(a);
  index.setFile('a', qa);
  index.setFile('b', extractQuotes(b));
  assert.equal(qa.length, 2);
  const f = index.familyOf('a', 0)!;
  assert.ok(f);
  assert.deepEqual(f.members.map((m) => `${m.file}#${m.quote}`), ['a#0', 'a#1', 'b#0']);
});

test('very common shingles do not explode candidate lists', () => {
  const index = new QuoteIndex();
  // 600 different quotes that all share one phrase.
  for (let i = 0; i < 600; i++) {
    const t = `"The national government must act on harbour number ${i} alpha${i} beta${i} gamma${i} delta${i} now," Kerrigan said.`;
    index.setFile(`f${i}`, extractQuotes(t));
  }
  const t0 = Date.now();
  index.setFile('probe', extractQuotes('"The national government must act on harbour number 7 alpha7 beta7 gamma7 delta7 now," Kerrigan said.'));
  const f = index.familyOf('probe', 0);
  assert.ok(Date.now() - t0 < 500);
  assert.ok(f);
  assert.deepEqual(f.members.map((m) => m.file).sort(), ['f7', 'probe']);
});

test('families after an edit that changes no quotation: the same families at the new offsets, without carving the corpus again', () => {
  const { index } = build();
  const before = index.families();
  const carvings = index.carvings;
  // A line typed above the story: every quotation of the file moves, none changes.
  const file = 'eastbay-times.txt';
  const edited = 'Updated at noon.\n' + OUTLETS[file];
  index.setFile(file, extractQuotes(edited));
  const after = index.families();
  assert.equal(index.carvings, carvings, 'no new carving');
  const fresh = build({ ...OUTLETS, [file]: edited }).index.families();
  assert.deepEqual(after, fresh, 'what a fresh index of the edited corpus says');
  const moved = after.flatMap((f) => f.members).filter((m) => m.file === file);
  assert.ok(moved.length > 0);
  for (const m of moved) assert.equal(edited.slice(m.start, m.end), m.text);
  assert.notDeepEqual(after, before);

  // A changed quotation carves again.
  index.setFile(file, extractQuotes(edited.replace('rebuild', 'restore')));
  index.families();
  assert.equal(index.carvings, carvings + 1);
});

test('familiesInSteps: yields between slices, gives what families() gives, and says so when quotations changed meanwhile', () => {
  const files: Record<string, string> = {};
  // Enough quotations for several slices: each outlet's story under 150 file names.
  for (let k = 0; k < 150; k++) for (const [name, text] of Object.entries(OUTLETS)) files[`${k}-${name}`] = text;
  const { index } = build(files);
  const steps = index.familiesInSteps(2);
  let yields = 0;
  let step = steps.next();
  for (; !step.done; step = steps.next()) yields++;
  assert.ok(yields >= 2, `yields ${yields}`);
  const stepped = step.value!;
  assert.deepEqual(stepped, build(files).index.families(2));
  assert.equal(index.families(2).length, stepped.length);

  // A quotation changes while the carving is under way: the stepped run gives up, the next one answers.
  index.setFile('0-eastbay-times.txt', extractQuotes('"Nothing to add," a clerk said.'));
  const interrupted = index.familiesInSteps(2);
  interrupted.next();
  index.setFile('1-eastbay-times.txt', extractQuotes('"Nothing more to add," a porter said.'));
  let last = interrupted.next();
  while (!last.done) last = interrupted.next();
  assert.equal(last.value, undefined);
  const again = index.familiesInSteps(2);
  let done = again.next();
  while (!done.done) done = again.next();
  assert.ok(done.value && done.value.length > 0);
});
