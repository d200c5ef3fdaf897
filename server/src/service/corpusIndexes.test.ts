import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Corpus } from './corpus';
import { CorpusIndexes } from './corpusIndexes';
import { MemoryWorkspace } from './memoryWorkspace';
import { resolveSettings } from './settings';
import { entityReports } from './corpusReports';
import { FileAnalysis } from './fileAnalysis';
import { summarizeBytes } from './fileAnalysis';

const footer = 'Reporting by the Velmora Desk. Follow us for more coverage of the port.';
const articles = {
  'a.txt': `Harbour Minister Tomas Kerrigan visited Velmora on Monday. "We will reopen the north quay before the winter storms," Kerrigan said.\n\n${footer}\n`,
  'b.txt': `In Velmora, Mr Kerrigan met the Ostland Port Authority. "We will reopen the north quay before the winter storms," he told them.\n\n${footer}\n`,
};

async function indexWith(indexes: CorpusIndexes): Promise<Corpus> {
  const ws = new MemoryWorkspace('file:///corpus', articles);
  const corpus = new Corpus(ws, resolveSettings(undefined));
  corpus.observe(indexes);
  await corpus.index([ws.root]);
  return corpus;
}

test('an index a report does not need is left empty, and the entities come out the same without them', async () => {
  const all = new CorpusIndexes();
  const allCorpus = await indexWith(all);
  assert.ok(all.quotes.families().length >= 1, 'the quotation printed by both articles is a family');
  assert.equal(all.boilerplate.size, 2);

  const entitiesOnly = new CorpusIndexes({ quotes: false, boilerplate: false });
  const corpus = await indexWith(entitiesOnly);
  assert.deepEqual(entitiesOnly.quotes.families(), []);
  assert.equal(entitiesOnly.boilerplate.size, 0);
  assert.deepEqual(entityReports(corpus, entitiesOnly), entityReports(allCorpus, all));
  assert.ok(entityReports(corpus, entitiesOnly).some((e) => e.name === 'Tomas Kerrigan' && e.mentions.length === 3));
});

/** A file as indexing gives it: known by its summary only. */
const fromDisk = (name: string, text: string) => FileAnalysis.fromSummary(`file:///corpus/${name}`, 'disk', summarizeBytes(`file:///corpus/${name}`, new TextEncoder().encode(text)));
/** An open document: it holds its text. */
const open = (name: string, text: string, version = 1) => new FileAnalysis({ uri: `file:///corpus/${name}`, version, text, encoding: 'utf8' });
const names = (indexes: CorpusIndexes) => indexes.entities.entities().map((e) => `${e.name}:${e.mentionCount}`).sort();

test('while indexing, names from disk wait and join together at the end; open documents join at once; queries meanwhile re-cluster only those', () => {
  const disk = Array.from({ length: 40 }, (_, i) => fromDisk(`d${i}.txt`, `Harbour Minister Tomas Kerrigan visited Velmora on Monday. Kerrigan met the Ostland Port Authority in Velmora ${i}.`));
  const direct = new CorpusIndexes();
  for (const f of disk) direct.fileChanged(f);
  direct.fileChanged(open('a.txt', 'Marta Holm flew to Velmora. Holm met Tomas Kerrigan.'));

  const deferred = new CorpusIndexes();
  deferred.deferNames();
  deferred.fileChanged(open('a.txt', 'Marta Holm flew to Velmora. Holm met Tomas Kerrigan.'));
  for (const f of disk) deferred.fileChanged(f);
  // A hover or a diagnostic while indexing runs: the open document's names are there, the disk files' wait.
  assert.equal(deferred.entities.version >= 0, true);
  assert.deepEqual(names(deferred), ['Marta Holm:2', 'Tomas Kerrigan:1', 'Velmora:1']);
  assert.ok(deferred.entities.lastRefresh.mentions <= 4, `the query clustered ${deferred.entities.lastRefresh.mentions} mentions`);
  // Quotations and repeated lines are not held back.
  assert.equal(deferred.boilerplate.size, 41);
  deferred.flushNames();
  assert.deepEqual(names(deferred), names(direct));
  assert.ok(names(deferred).includes('Tomas Kerrigan:81'));
});

test('deferred names: runs nest, a file removed or opened meanwhile is not brought back by its waiting disk copy', () => {
  const indexes = new CorpusIndexes();
  indexes.deferNames();
  indexes.deferNames(); // a new indexing run started before the last one ended
  indexes.fileChanged(fromDisk('gone.txt', 'Captain Idris Okafor sailed from Velmora.'));
  indexes.fileChanged(fromDisk('b.txt', 'Captain Idris Okafor sailed from Velmora.'));
  indexes.fileRemoved('file:///corpus/gone.txt');
  indexes.fileChanged(open('b.txt', 'Dr Lena Vasquez arrived in Ostland.'));
  indexes.flushNames(); // the first run ends: the second still defers
  assert.deepEqual(names(indexes), ['Lena Vasquez:1', 'Ostland:1']);
  indexes.fileChanged(fromDisk('c.txt', 'Captain Idris Okafor sailed from Velmora.'));
  assert.deepEqual(names(indexes), ['Lena Vasquez:1', 'Ostland:1']);
  indexes.flushNames();
  assert.deepEqual(names(indexes), ['Idris Okafor:1', 'Lena Vasquez:1', 'Ostland:1', 'Velmora:1']);
  assert.equal(indexes.entities.entityAt('file:///corpus/gone.txt', 10), undefined);
  // Without a run under way, disk files join at once.
  indexes.fileChanged(fromDisk('d.txt', 'Captain Idris Okafor sailed from Velmora.'));
  assert.ok(names(indexes).includes('Idris Okafor:2'));
});

/** Runs a stepped computation to its end; returns how many steps it took. */
function finish(steps: Generator<void, void>): number {
  let count = 0;
  while (!steps.next().done) count++;
  return count;
}

const many = (n: number, from = 0) => Array.from({ length: n }, (_, i) => fromDisk(`d${from + i}.txt`, `Harbour Minister Tomas Kerrigan visited Velmora. Kerrigan met the Ostland Port Authority in Velmora ${i}.`));

test("at indexing's end many waiting names go to a new index built in steps; the current one answers meanwhile; changes meanwhile are in the new one", () => {
  const indexes = new CorpusIndexes();
  indexes.deferNames();
  indexes.fileChanged(open('a.txt', 'Marta Holm flew to Velmora. Holm met Tomas Kerrigan.'));
  for (const f of many(300)) indexes.fileChanged(f);
  const before = indexes.entities.version;
  const steps = indexes.flushNamesInSteps();
  for (let i = 0; i < 3; i++) assert.equal(steps.next().done, false);
  // A hover meanwhile: the open document's names, as while indexing ran.
  assert.deepEqual(names(indexes), ['Marta Holm:2', 'Tomas Kerrigan:1', 'Velmora:1']);
  // Changes while the new index is built: an edit, a deletion, a file that appears.
  indexes.fileChanged(open('a.txt', 'Marta Holm flew to Ostland. Holm met Tomas Kerrigan and Idris Okafor.', 2));
  indexes.fileRemoved('file:///corpus/d0.txt');
  indexes.fileChanged(fromDisk('late.txt', 'Captain Idris Okafor sailed from Velmora.'));
  assert.ok(finish(steps) > 3, 'built in steps');

  const direct = new CorpusIndexes();
  direct.fileChanged(open('a.txt', 'Marta Holm flew to Ostland. Holm met Tomas Kerrigan and Idris Okafor.', 2));
  for (const f of many(299, 1)) direct.fileChanged(f);
  direct.fileChanged(fromDisk('late.txt', 'Captain Idris Okafor sailed from Velmora.'));
  assert.deepEqual(names(indexes), names(direct));
  assert.ok(names(indexes).includes('Tomas Kerrigan:599'));
  assert.equal(indexes.entities.entityAt('file:///corpus/d0.txt', 30), undefined);
  assert.ok(indexes.entities.version > before, 'the version moves on when the new index takes over');
  // After the swap, disk files join at once again.
  indexes.fileChanged(fromDisk('after.txt', 'Captain Idris Okafor sailed from Velmora.'));
  assert.ok(names(indexes).includes('Idris Okafor:3'));
});

test("the background build's clustering is kept for the next session, which reuses it when the names are the same", () => {
  const session = (files: FileAnalysis[], hint?: ReturnType<CorpusIndexes['takeClusters']>) => {
    const indexes = new CorpusIndexes();
    indexes.deferNames();
    for (const f of files) indexes.fileChanged(f);
    indexes.clusterHint = hint;
    finish(indexes.flushNamesInSteps());
    return indexes;
  };
  const files = many(300);
  const first = session(files);
  assert.equal(first.entities.clustersRestored, false);
  const clusters = first.takeClusters();
  assert.ok(clusters && clusters.files.length === 300);
  assert.equal(first.takeClusters(), undefined, 'handed over once');

  const second = session(files, clusters);
  assert.equal(second.entities.clustersRestored, true);
  assert.equal(second.takeClusters(), clusters, 'the same clustering: nothing new to keep');
  assert.deepEqual(names(second), names(first));

  const changed = files.map((f, i) => (i === 4 ? fromDisk('d4.txt', 'Captain Idris Okafor sailed from Velmora.') : f));
  const third = session(changed, clusters);
  assert.equal(third.entities.clustersRestored, false, 'a file with other names: clustered afresh');
  assert.notEqual(third.takeClusters(), clusters);
  assert.ok(names(third).includes('Idris Okafor:1'));
});

test('a background build is abandoned when a new indexing run starts, and stopped part-way its names join at once; few names and re-indexes join at once', () => {
  const indexes = new CorpusIndexes();
  indexes.fileChanged(open('a.txt', 'Marta Holm flew to Velmora.'));
  indexes.deferNames();
  for (const f of many(300)) indexes.fileChanged(f);
  const first = indexes.flushNamesInSteps();
  first.next();
  first.next();
  indexes.deferNames(); // a new run: the build is dropped, the names keep waiting
  finish(first);
  assert.deepEqual(names(indexes), ['Marta Holm:1', 'Velmora:1']);
  for (const f of many(20, 300)) indexes.fileChanged(f);
  const second = indexes.flushNamesInSteps();
  second.next();
  second.return(); // stopped (an error in a step): what waits joins the current index at once
  assert.ok(names(indexes).includes('Tomas Kerrigan:640'), names(indexes).join());

  // Few waiting names join at once, in the first step.
  indexes.deferNames();
  for (const f of many(5, 400)) indexes.fileChanged(f);
  assert.equal(indexes.flushNamesInSteps().next().done, true);
  assert.ok(names(indexes).includes('Tomas Kerrigan:650'));
  // So do the names of a re-index, whose files the current index already knows.
  indexes.deferNames();
  for (const f of many(300)) indexes.fileChanged(f);
  const index = indexes.entities;
  assert.equal(indexes.flushNamesInSteps().next().done, true);
  assert.equal(indexes.entities, index, 'no new index was built');
  assert.ok(names(indexes).includes('Tomas Kerrigan:650'));
});
