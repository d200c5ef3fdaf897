import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BoilerplateIndex, boilerplateKeys, deletionEdits, lineDeletionEdit, normaliseLine, residueShape } from './boilerplate';
import { applyEdits } from '../applyEdits';
import { randomTexts } from '../testing/randomText';

const FOOTER = 'Sign up for the Morning Digest, our daily round-up.';
const STORY = (n: number) =>
  `Headline number ${n} about the talks\nThe minister met officials on day ${n} and said the talks would go on for as long as needed.\n` +
  `Prices rose ${n} per cent in the city, the statistics office said in its monthly report on Tuesday.\nAdvertisement\n` +
  `Our journalism is funded by readers like you and every contribution, big or small, helps us report.\n`;

function corpus(k: number): BoilerplateIndex {
  const idx = new BoilerplateIndex();
  for (let i = 0; i < k; i++) idx.setFile(`f${i}.txt`, STORY(i));
  return idx;
}

const flagged = (idx: BoilerplateIndex, file: string, text: string) =>
  idx.problemsFor(file, text).map((p) => text.slice(p.start, p.end));

test('residue shapes, found in a single file', () => {
  for (const line of [
    '0:00', '0:00 / 1:42', '0:00 0:01:59 0:00', '02:52 - Source: CNN', 'Please wait', 'No media source currently available',
    'Image copyright Getty Images', 'Share this article', 'Accessibility links', 'Skip to main content', 'Breaking News',
    'Sign up for our newsletter', 'We use cookies to improve your experience. Accept all cookies', '  • 16x9 Image',
    'WATCH: Divers Search The River', 'Read more: Who was on board?', 'Advertisement', 'To find out more, click here.',
    '© 2017 Cable News Network. All Rights Reserved.',
  ]) {
    assert.ok(residueShape(line), line);
  }
  for (const line of [
    'The talks resumed at 10:30 on Tuesday.', 'Breaking news of the collision spread quickly through the town.',
    'He said the newsletter had been read by thousands.', 'Share prices fell by 3 per cent.', 'Russia',
    'The company said it would watch the situation closely.', 'In 1990 the treaty was signed.',
  ]) {
    assert.equal(residueShape(line), null, line);
  }
});

test('a single file: shapes and the media-player title, with a delete-line fix', () => {
  const idx = new BoilerplateIndex();
  const text = 'Skip to main content\nStory title\nThe story begins here.\nPlayer Title Here\nPlease wait\n0:00 / 1:42\nThe story goes on.';
  idx.setFile('a.txt', text);
  const occ = idx.occurrences('a.txt', text);
  assert.deepEqual(occ.map((o) => o.reason), ['shape', 'media-title', 'shape', 'shape']);
  assert.deepEqual(occ.map((o) => text.slice(o.problem.start, o.problem.end)), ['Skip to main content', 'Player Title Here', 'Please wait', '0:00 / 1:42']);
  const p = occ[0].problem;
  assert.equal(p.rule, 'boilerplate');
  assert.equal(p.severity, 'information');
  assert.equal(p.fixes.length, 1);
  assert.equal(p.fixes[0].title, 'Delete this line');
  const all = occ.flatMap((o) => o.problem.fixes[0].edits);
  assert.equal(applyEdits(text, all), 'Story title\nThe story begins here.\nThe story goes on.');
});

test('lines repeated in many files are boilerplate; the message counts them', () => {
  const idx = corpus(5);
  const text = STORY(2);
  const occ = idx.occurrences('f2.txt', text);
  assert.deepEqual(occ.map((o) => text.slice(o.problem.start, o.problem.end)), [
    'Advertisement',
    'Our journalism is funded by readers like you and every contribution, big or small, helps us report.',
  ]);
  assert.match(occ[1].problem.message, /Appears in 5 of 5 articles/);
  assert.equal(occ[1].reason, 'repeated');
  assert.deepEqual(occ[1].files, ['f0.txt', 'f1.txt', 'f2.txt', 'f3.txt', 'f4.txt']);
  assert.deepEqual(idx.filesContaining(occ[1].key), occ[1].files);
});

test('below the threshold, nothing is repeated boilerplate; minFiles is an option', () => {
  const idx = corpus(2);
  assert.deepEqual(flagged(idx, 'f1.txt', STORY(1)), ['Advertisement']);
  const idx3 = new BoilerplateIndex();
  idx3.setFile('a', `Story A is long enough.\n${FOOTER}\n`);
  idx3.setFile('b', `Story B is long enough.\nAn outlet footer line\n`);
  idx3.setFile('c', `Story C is long enough.\nAn outlet footer line\n`);
  assert.deepEqual(flagged(idx3, 'b', 'Story B is long enough.\nAn outlet footer line\n'), []);
  assert.deepEqual(idx3.problemsFor('b', 'Story B is long enough.\nAn outlet footer line\n', { minFiles: 2 }).length, 1);
});

test('incremental: setFile replaces, removeFile forgets, the queried text wins over the index', () => {
  const idx = corpus(3);
  const key = normaliseLine('Our journalism is funded by readers like you and every contribution, big or small, helps us report.');
  assert.equal(idx.filesContaining(key).length, 3);
  idx.setFile('f1.txt', 'Something else entirely.');
  assert.equal(idx.filesContaining(key).length, 2);
  idx.removeFile('f0.txt');
  assert.deepEqual(idx.filesContaining(key), ['f2.txt']);
  assert.equal(idx.size, 2);
  idx.removeFile('missing');
  // An unsaved new file counts itself.
  const fresh = corpus(2);
  const occ = fresh.occurrences('new.txt', STORY(9));
  assert.ok(occ.some((o) => o.reason === 'repeated' && /Appears in 3 of 3/.test(o.problem.message)));
});

test('not boilerplate: quotations, long lines, bylines, datelines, prose in the middle, headlines', () => {
  const idx = new BoilerplateIndex();
  const quote = '"We want to relieve the suffering of the people," he said.';
  const long = 'word '.repeat(70).trim() + '.';
  const middle = 'The agency said the crossing would stay closed until the inquiry had reported its findings in full.';
  for (let i = 0; i < 4; i++) {
    idx.setFile(`s${i}`, `Same headline for all\nOwn lead ${i} is here.\n${quote}\n${long}\nBy Jane Smith\nMOSCOW (Reuters) —\n${middle}\nOwn end ${i} here.`);
  }
  const text = 'Same headline for all\nOwn lead 9 is here.\n' + [quote, long, 'By Jane Smith', 'MOSCOW (Reuters) —', middle].join('\n') + '\nOwn end 9 here.';
  assert.deepEqual(flagged(idx, 's9', text), []);
  // Six files make the headline "very frequent".
  idx.setFile('s4', 'Same headline for all\nx');
  assert.deepEqual(flagged(idx, 's9', text), ['Same headline for all']);
});

test('a syndicated copy keeps its shared paragraphs', () => {
  const idx = new BoilerplateIndex();
  const paras = [0, 1, 2, 3].map((i) => `Paragraph ${'abcd'[i]} of the agency story tells what happened on the river that night in detail.`);
  for (let i = 0; i < 4; i++) idx.setFile(`c${i}`, `Own headline ${i}\n${paras.join('\n')}\nAdvertisement`);
  const text = `Own headline 0\n${paras.join('\n')}\nAdvertisement`;
  assert.deepEqual(flagged(idx, 'c0', text), ['Advertisement']);
});

test('deletionEdits removes a residue line everywhere; blank-line files keep one separator', () => {
  const text = 'Intro.\n\nPlease wait\n\nStory.\n\nplease  WAIT';
  const edits = deletionEdits(text, normaliseLine('Please wait'));
  assert.equal(edits.length, 2);
  assert.equal(applyEdits(text, edits), 'Intro.\n\nStory.\n\n');
  assert.deepEqual(lineDeletionEdit('a\nb\r\nc', 3), { start: 2, end: 5, newText: '' });
});

test('never throws', () => {
  const idx = new BoilerplateIndex();
  for (const t of ['', '\n', '\r\n\r\n', ' ', '0:00', '"', '\u2028']) {
    idx.setFile(t, t);
    idx.problemsFor(t, t);
    idx.occurrences('x', t, { minFiles: -5 });
  }
});

test('version: bumped when another file could see a difference, not when a line of one file changes', () => {
  const shared = 'Follow the harbour desk for updates on the ferry inquiry every weekday.';
  const ix = new BoilerplateIndex();
  ix.setFile('a', `Ferry line one\n${shared}\n`);
  ix.setFile('b', `Ferry line two\n${shared}\n`);
  let v = ix.version;
  ix.setFile('a', `Ferry line one, edited\n${shared}\n`); // a line only a has
  assert.equal(ix.version, v, 'typing in a line of its own');
  ix.setFile('a', `Ferry line one, edited\n`); // a line b shares goes
  assert.ok(ix.version > v, 'a shared line went');
  v = ix.version;
  ix.setFile('a', `Ferry line one, edited\n${shared}\n`); // and comes back
  assert.ok(ix.version > v, 'a shared line came');
  v = ix.version;
  ix.setFile('c', 'Something else entirely\n');
  assert.ok(ix.version > v, 'a new file changes every "in N of M articles"');
  v = ix.version;
  ix.removeFile('c');
  assert.ok(ix.version > v, 'so does a removed one');
});

test('normaliseLine: the one-pass character check rewrites exactly what the two regex searches did', () => {
  const reference = (line: string): string => {
    let s = line.trim();
    if (s.length > 0 && '•·▪◦*–—-'.includes(s[0])) s = s.replace(/^[•·▪◦*–—-]+\s*/u, '');
    if (/\s\s|[^\S ]|\u200b/.test(s)) s = s.replace(/[\s\u200b]+/g, ' ').trim();
    s = s.toLowerCase();
    if (/[‘’ʼ“”„]/.test(s)) s = s.replace(/[‘’ʼ]/g, "'").replace(/[“”„]/g, '"');
    return s;
  };
  const pieces = ['Word', ' ', '  ', '\t', '\u00a0', '\u200b', '\u2009', '\ufeff', '\u3000', '’', '“', '„', 'ʼ', '‘', '”', '•', '-', 'É', '.', 'x'];
  for (const line of randomTexts(pieces, 3000, 16, 99)) {
    assert.equal(normaliseLine(line), reference(line), JSON.stringify(line));
  }
});

test('keystrokes: what a new version reuses from the last one gives what reading it afresh gives', () => {
  const idx = corpus(5);
  const base = STORY(3) + FOOTER + '\n  \nPlease wait\nVideo title here\nPlease wait\n' + STORY(4);
  const pieces = ['x', ' ', '\n', 'Advertisement', '  ', '.', 'é', '\r\n', 'Sign', '"'];
  const seen = (text: string) => ({ keys: boilerplateKeys(text), problems: idx.problemsFor('g.txt', text).map((p) => [p.start, p.end, p.message]) });
  let text = base;
  let edits = 0;
  for (const insert of randomTexts(pieces, 400, 4, 11)) {
    // One edit at a random place, often right at a line's end: a deletion, a replaced letter, an insertion.
    let at = (text.length * ((edits * 7919) % 1000)) / 1000 | 0;
    if (edits % 2 === 0) {
      const end = text.indexOf('\n', at);
      at = Math.max(0, (end < 0 ? text.length : end) - (edits % 5));
    }
    const kind = edits % 4;
    if (kind === 0) text = text.slice(0, at) + text.slice(at + 3); // deletion
    else if (kind === 1) text = text.slice(0, at) + (text[at] === 'Q' ? 'R' : 'Q') + text.slice(at + 1); // same length
    else text = text.slice(0, at) + insert + text.slice(at);
    edits++;
    const incremental = seen(text); // the previous call read the previous version
    idx.problemsFor('other.txt', 'An unrelated article\nwith other lines\n'); // forget the last version
    assert.deepEqual(incremental, seen(text), JSON.stringify(text));
  }
});
