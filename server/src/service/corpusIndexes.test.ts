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
