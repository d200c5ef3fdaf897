import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Corpus } from './corpus';
import { MemoryWorkspace } from './memoryWorkspace';
import { resolveSettings } from './settings';
import { CorpusFeatures } from './corpusFeatures';
import { corpusProblems } from './corpusProblems';
import { corpusCodeActions } from './corpusActionsFeature';

const footer = 'Sign up for the Riverside Daily newsletter to get our best stories every morning.';
const story = (n: number, minister: string) =>
  `The ferry inquiry opened in Velmora on day ${n}, with witnesses from both banks.\n` +
  `Foreign Minister ${minister} said the findings would be published in full.\n` +
  `${minister.split(' ')[1]} added that the families had been told first.\n` +
  `${footer}\n`;

async function setup() {
  const ws = new MemoryWorkspace('file:///corpus', {
    'a.txt': story(1, 'Nikolai Zheravin'),
    'b.txt': story(2, 'Nikolai Zheravin'),
    'c.txt': story(3, 'Nikolay Zheravin'),
  });
  const corpus = new Corpus(ws, resolveSettings(undefined));
  const features = new CorpusFeatures(corpus);
  await corpus.index([ws.root]);
  const uri = ws.uri('c.txt');
  corpus.setOpen(uri, 4, story(3, 'Nikolay Zheravin'));
  return { ws, corpus, features, uri };
}

test('a line repeated across articles is boilerplate; a rare spelling of a name is inconsistent', async () => {
  const { corpus, features, uri } = await setup();
  const problems = corpusProblems(features.indexes, corpus.get(uri)!, corpus.settings);
  const boilerplate = problems.find((p) => p.rule === 'boilerplate')!;
  assert.ok(boilerplate, 'the newsletter footer is found');
  assert.match(boilerplate.message, /3 of 3 articles/);
  const name = problems.find((p) => p.rule === 'inconsistent-name')!;
  assert.equal(corpus.get(uri)!.text.slice(name.start, name.end), 'Nikolay Zheravin');
  assert.match(name.message, /`Nikolai Zheravin` \(2\), `Nikolay Zheravin` \(1\)/);
  assert.equal(name.fixes[0].edits[0].newText, 'Nikolai Zheravin');
  const off = corpusProblems(features.indexes, corpus.get(uri)!, resolveSettings({ rules: { boilerplate: 'off', 'inconsistent-name': 'off' } }));
  assert.equal(off.length, 0);
});

test('corpus actions delete a boilerplate line everywhere and unify a spelling, as previewed edits', async () => {
  const { ws, corpus, features, uri } = await setup();
  const text = corpus.get(uri)!.text;
  const footerLine = text.split('\n').indexOf(footer);
  const deleteAll = (await corpusCodeActions(corpus, features.indexes, uri, { start: { line: footerLine, character: 0 }, end: { line: footerLine, character: 0 } }))
    .find((a) => a.title.startsWith('Delete this line from all'))!;
  assert.equal(deleteAll.title, 'Delete this line from all 3 articles that have it');
  const changes = deleteAll.edit!.documentChanges as any[];
  assert.deepEqual(changes.map((c) => c.textDocument.uri).sort(), [ws.uri('a.txt'), ws.uri('b.txt'), uri]);
  assert.equal(changes.find((c) => c.textDocument.uri === uri).textDocument.version, 4, 'the open document is versioned');
  assert.ok(deleteAll.edit!.changeAnnotations!['copydesk-corpus'].needsConfirmation);
  const nameLine = 1;
  const unify = (await corpusCodeActions(corpus, features.indexes, uri, { start: { line: nameLine, character: 20 }, end: { line: nameLine, character: 20 } }))
    .find((a) => a.title.startsWith('Write `Nikolai Zheravin` everywhere'))!;
  assert.ok(unify, 'one action per spelling');
  assert.equal((unify.edit!.documentChanges as any[]).length, 1);
});

test('rename on a name renames every spelling of it across the corpus', async () => {
  const { ws, features, uri } = await setup();
  const edit = features.rename(ws.uri('a.txt'), { line: 1, character: 20 }, 'Nikolai Jeravin', true)!;
  const files = (edit.documentChanges as any[]).map((c) => c.textDocument.uri).sort();
  assert.deepEqual(files, [ws.uri('a.txt'), ws.uri('b.txt'), uri]);
  assert.ok((edit.documentChanges as any[]).every((c) => c.edits.every((e: any) => e.newText === 'Nikolai Jeravin')));
  assert.equal(features.prepareRename(ws.uri('a.txt'), { line: 0, character: 2 }), null, 'not on a name');
});

test('an open article\'s corpus problems follow edits elsewhere that matter, and are reused when none did', async () => {
  const { ws, corpus, features, uri } = await setup();
  const problemsOfC = () => corpusProblems(features.indexes, corpus.get(uri)!, corpus.settings);
  const first = problemsOfC();
  // typing in a line only a.txt has: nothing c.txt depends on changed, so the result is reused
  const a = ws.uri('a.txt');
  corpus.setOpen(a, 1, story(1, 'Nikolai Zheravin').replace('both banks', 'both river banks'));
  assert.equal(problemsOfC(), first);
  // a.txt now spells the minister like c.txt: the spelling counts in c.txt's message change
  corpus.setOpen(a, 2, story(1, 'Nikolay Zheravin'));
  const second = problemsOfC();
  assert.notEqual(second, first);
  assert.equal(second.some((p) => p.rule === 'inconsistent-name'), false, "c.txt's spelling is now the usual one");
  assert.ok(second.some((p) => p.rule === 'boilerplate'));
  // a.txt drops the footer: "in 2 of 3 articles" now (a newsletter line is residue by its shape alone)
  corpus.setOpen(a, 3, story(1, 'Nikolay Zheravin').replace(/Sign up.*\n/, ''));
  const text = corpus.get(uri)!.text;
  const footerProblem = problemsOfC().find((p) => p.rule === 'boilerplate' && text.slice(p.start, p.end) === footer);
  assert.match(footerProblem?.message ?? '', /2 of 3 articles/);
});
