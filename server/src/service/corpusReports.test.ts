import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Corpus } from './corpus';
import { MemoryWorkspace } from './memoryWorkspace';
import { resolveSettings } from './settings';
import { CorpusFeatures } from './corpusFeatures';
import { entityFileReport, entityPanelReports, entityReports, familyMemberReport, familyPanelReports, quoteFamilyReports } from './corpusReports';

const articles = {
  'a.txt': 'Harbour Minister Tomas Kerrigan visited Velmora on Monday.\nKerrigan said Velmora would rebuild. Marta Holm agreed.\nKerrigan left for Ostland.\n',
  'b.txt': 'In Velmora, Mr Kerrigan met the Ostland Port Authority.\nThe Ostland Port Authority said the port was safe.\n',
  'c.txt': 'Marta Holm, who leads the dockworkers, spoke in Ostland.\n',
};

test("the panel's entity list and each entity's files agree with the full report", async () => {
  const ws = new MemoryWorkspace('file:///corpus', articles);
  const corpus = new Corpus(ws, resolveSettings(undefined));
  const features = new CorpusFeatures(corpus);
  await corpus.index([ws.root]);
  // What the panel shows, derived from the full report (the CLI's): files by mentions, first range each.
  const expected = entityReports(corpus, features.indexes).map((e) => {
    const files = new Map<string, { uri: string; range: unknown; count: number }>();
    for (const m of e.mentions) {
      const f = files.get(m.uri);
      if (f) f.count++;
      else files.set(m.uri, { uri: m.uri, range: m.range, count: 1 });
    }
    return { id: e.id, name: e.name, type: e.type, role: e.role, mentions: e.mentions.length, files: [...files.values()].sort((a, b) => b.count - a.count) };
  });
  assert.ok(expected.length >= 4);
  const panel = entityPanelReports(features.indexes, 1000);
  assert.deepEqual(panel, expected.map(({ files, ...e }) => ({ ...e, fileCount: files.length })));
  assert.deepEqual(entityPanelReports(features.indexes, 2), panel.slice(0, 2));
  for (const e of expected) assert.deepEqual(entityFileReport(corpus, features.indexes, e.id), e.files);
  assert.deepEqual(entityFileReport(corpus, features.indexes, 'person:nobody'), []);
  const kerrigan = expected.find((e) => e.name === 'Tomas Kerrigan')!;
  assert.deepEqual(kerrigan.files.map((f) => [f.uri.split('/').pop(), f.count]), [['a.txt', 3], ['b.txt', 1]]);
});

test("the panel's family list and each family's members agree with the full report", async () => {
  const quotes = {
    'a.txt': '"We will not reopen the eastern quay until every crane is inspected," said Tomas Kerrigan.\n',
    'b.txt': 'Kerrigan said: "We will not reopen the eastern quay until every crane is inspected."\n',
    'c.txt': '"The union will not accept any more delays," said Marta Holm.\nHolm added: "The union will not accept any more delays at all."\n',
  };
  const ws = new MemoryWorkspace('file:///corpus', quotes);
  const corpus = new Corpus(ws, resolveSettings(undefined));
  const features = new CorpusFeatures(corpus);
  await corpus.index([ws.root]);
  const full = quoteFamilyReports(corpus, features.indexes);
  assert.ok(full.length >= 1);
  const panel = familyPanelReports(features.indexes);
  assert.deepEqual(panel.map((f) => f.id), full.map((f) => f.id));
  for (const [i, f] of full.entries()) {
    assert.equal(panel[i].members, f.members.length);
    assert.equal(panel[i].outlets, new Set(f.members.map((m) => m.uri)).size);
    assert.equal(panel[i].speaker, f.speaker);
    assert.equal(panel[i].text, f.members.reduce((a, b) => (b.text.length > a.text.length ? b : a)).text);
    assert.deepEqual(familyMemberReport(corpus, features.indexes, f.id), f.members);
  }
  assert.deepEqual(familyMemberReport(corpus, features.indexes, 'nope'), []);
});
