import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Corpus } from './corpus';
import { CorpusIndexes } from './corpusIndexes';
import { MemoryWorkspace } from './memoryWorkspace';
import { resolveSettings } from './settings';
import { entityReports } from './corpusReports';

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
