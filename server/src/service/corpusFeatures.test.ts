// Cross-file features over an in-memory corpus; `$$` marks the cursor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Corpus } from './corpus';
import { MemoryWorkspace } from './memoryWorkspace';
import { resolveSettings } from './settings';
import { CorpusFeatures } from './corpusFeatures';

const articles = {
  'harbour-times.txt':
    'VELMORA, Ostland (Harbour Times) — Harbour Minister Tomas Kerrigan said on Monday the port would reopen within a week.\n' +
    '“We will not reopen the eastern quay until every crane has been inspected by independent engineers,” Mr Kerrigan told reporters.\n' +
    'Kerrigan said the inquiry would report in May.\n',
  'coast-courier.txt':
    'The port of Velmora will stay shut for now, Tomas Kerrigan said.\n' +
    '"We will not reopen the eastern quay until every crane has been inspected by engineers," Kerrigan said.\n',
  'ostland-post.article':
    'Dockworkers marched through Velmora on Tuesday.\n' +
    'Mr Kerrigan promised that the eastern quay would not reopen "until every crane has been inspected by independent engineers".\n' +
    '"The union will not accept any more delays," said Marta Holm, who leads the dockworkers.\n',
};

async function setup(cursorFile: string, marked: string) {
  const offset = marked.indexOf('$$');
  const text = marked.replace('$$', '');
  const ws = new MemoryWorkspace('file:///corpus', { ...articles, [cursorFile]: text });
  const corpus = new Corpus(ws, resolveSettings(undefined));
  const features = new CorpusFeatures(corpus);
  await corpus.index([ws.root]);
  const uri = ws.uri(cursorFile);
  const position = corpus.get(uri)!.lines.positionAt(offset);
  return { features, uri, position, ws };
}

const cursorIn = (name: keyof typeof articles, before: string) => articles[name].replace(before, () => '$$' + before);

test('references on a quote list every article that printed it, with other marks, edits and truncation', async () => {
  const { features, uri, position, ws } = await setup('coast-courier.txt', cursorIn('coast-courier.txt', 'every crane'));
  const locations = features.references(uri, position, true);
  const files = [...new Set(locations.map((l) => l.uri))].sort();
  assert.deepEqual(files, [ws.uri('coast-courier.txt'), ws.uri('harbour-times.txt'), ws.uri('ostland-post.article')]);
  const withoutSelf = features.references(uri, position, false);
  assert.equal(withoutSelf.length, locations.length - 1);
  // The union's quote is a different statement and must not join the family.
  assert.ok(!locations.some((l) => l.range.start.line === 2 && l.uri === ws.uri('ostland-post.article')));
});

test('definition on a quote goes to the most complete version', async () => {
  const { features, uri, position, ws } = await setup('ostland-post.article', cursorIn('ostland-post.article', 'every crane'));
  const definition = features.definition(uri, position)!;
  assert.equal(definition.uri, ws.uri('harbour-times.txt'));
  assert.equal(definition.range.start.line, 1);
});

test('hover on a quote names the speaker and shows how the other versions differ', async () => {
  const { features, uri, position } = await setup('coast-courier.txt', cursorIn('coast-courier.txt', 'every crane'));
  const hover = features.hover(uri, position)!;
  const text = (hover.contents as { value: string }).value;
  assert.match(text, /Tomas Kerrigan/);
  assert.match(text, /printed by 2 other articles/);
  assert.match(text, /harbour-times\.txt/);
  assert.match(text, /\*\*independent\*\*/, 'a word the other version adds is marked');
});

test('hover on a surname shows the person, their other spellings and mentions per file', async () => {
  const { features, uri, position } = await setup('harbour-times.txt', cursorIn('harbour-times.txt', 'Kerrigan said the'));
  const text = (features.hover(uri, position)!.contents as { value: string }).value;
  assert.match(text, /\*\*Tomas Kerrigan\*\* · person/);
  assert.match(text, /Mentioned 3 times in this article/);
  assert.match(text, /in 3 articles/);
  assert.match(text, /Quoted 1 time:\n\n- “We will not reopen the eastern quay/, 'the statement attributed to him, once for its whole family');
});

test('references on a name list its mentions across the corpus; highlights stay in the file', async () => {
  const { features, uri, position } = await setup('harbour-times.txt', cursorIn('harbour-times.txt', 'Kerrigan said the'));
  const references = features.references(uri, position, true);
  assert.equal(new Set(references.map((r) => r.uri)).size, 3);
  const highlights = features.highlights(uri, position);
  assert.equal(highlights.length, 3);
});

test('code lens and document symbols for a shared quote', async () => {
  const { features, uri } = await setup('harbour-times.txt', articles['harbour-times.txt']);
  const lenses = features.codeLenses(uri);
  assert.equal(lenses.length, 1);
  assert.equal(lenses[0].command!.title, 'quoted in 2 other articles');
  assert.equal(lenses[0].range.start.line, 1);
  const symbols = features.documentSymbols(uri);
  assert.equal(symbols.length, 1);
  assert.match(symbols[0].name, /^“We will not reopen/);
  assert.match(symbols[0].detail!, /in 2 other articles/);
});

test('an edit in one article updates the references seen from another', async () => {
  const { features, uri, position, ws } = await setup('coast-courier.txt', cursorIn('coast-courier.txt', 'every crane'));
  const corpus = (features as unknown as { corpus: Corpus }).corpus;
  corpus.setOpen(ws.uri('harbour-times.txt'), 2, 'The minister said nothing at all today.\n');
  const files = new Set(features.references(uri, position, true).map((l) => l.uri));
  assert.ok(!files.has(ws.uri('harbour-times.txt')));
  assert.ok(files.has(ws.uri('ostland-post.article')));
});

test('semantic tokens mark people and places, and the setting turns them off', async () => {
  const { features, uri } = await setup('harbour-times.txt', articles['harbour-times.txt']);
  const { data } = features.semanticTokens(uri);
  const text = articles['harbour-times.txt'].split('\n');
  const tokens: Array<{ text: string; type: string }> = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    tokens.push({ text: text[line].slice(char, char + data[i + 2]), type: ['person', 'organization', 'place'][data[i + 3]] });
  }
  assert.ok(tokens.some((t) => t.text === 'Tomas Kerrigan' && t.type === 'person'), JSON.stringify(tokens));
  assert.ok(tokens.some((t) => t.text === 'Kerrigan' && t.type === 'person'));
  const corpus = (features as unknown as { corpus: Corpus }).corpus;
  corpus.settings = resolveSettings({ semanticHighlighting: false });
  assert.deepEqual(features.semanticTokens(uri).data, []);
});

test('references on one sentence of an utterance list its copies, not the sentences printed around it', async () => {
  const s1 = 'We will not reopen the eastern quay before the engineers have signed every report';
  const s2 = 'The dockworkers deserve a harbour where no crane falls on anyone ever again';
  const texts: Record<string, string> = {
    'a.txt': `Tomas Kerrigan spoke on Monday.\n“${s1},” Kerrigan said. “${s2}.”\n`,
    'b.txt': `The minister was blunt.\n“${s1}. ${s2},” said Tomas Kerrigan.\n`,
    'c.txt': `Crowds gathered at the gates.\n“${s2},” Kerrigan told reporters.\n`,
  };
  const ws = new MemoryWorkspace('file:///corpus', texts);
  const corpus = new Corpus(ws, resolveSettings(undefined));
  const features = new CorpusFeatures(corpus);
  await corpus.index([ws.root]);
  const refs = (file: string, words: string) => {
    const text = texts[file];
    const position = corpus.get(ws.uri(file))!.lines.positionAt(text.indexOf(words) + 2);
    return features.references(ws.uri(file), position, true).map((l) => {
      const lines = texts[l.uri.slice(l.uri.lastIndexOf('/') + 1)].split('\n');
      return `${l.uri.slice(-5)}:${lines[l.range.start.line].slice(l.range.start.character, l.range.start.character + 12)}`;
    }).sort();
  };
  assert.deepEqual(refs('a.txt', 'We will not'), ['a.txt:We will not ', 'b.txt:We will not ']);
  assert.deepEqual(refs('c.txt', 'The dockwork'), ['a.txt:The dockwork', 'b.txt:We will not ', 'c.txt:The dockwork']);
  // one lens per utterance, over the copies of each of its sentences
  const lens = (file: string) => features.codeLenses(ws.uri(file)).map((l) => [l.command!.title, (l.command!.arguments![2] as unknown[]).length]);
  assert.deepEqual(lens('a.txt'), [['quoted in 2 other articles', 2]]);
  assert.deepEqual(lens('c.txt'), [['quoted in 2 other articles', 2]]);
});
