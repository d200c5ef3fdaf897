import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Corpus } from './corpus';
import { MemoryWorkspace } from './memoryWorkspace';
import { resolveSettings } from './settings';
import { codeActionsFor, fixAllKind } from './codeActionsFeature';
import { diagnosticsFor } from './diagnosticsFeature';

const uri = 'file:///corpus/a.txt';

function corpusWith(text: string, rules: Record<string, string> = {}) {
  const corpus = new Corpus(new MemoryWorkspace(), resolveSettings({ rules }));
  corpus.setOpen(uri, 7, text);
  return corpus;
}

/** Applies LSP edits (single-line ranges are enough here) to a text. */
function apply(text: string, edits: Array<{ range: any; newText: string }>): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

test('a doubled word gets a preferred quick fix as a versioned edit', () => {
  const text = 'The ferry left the the quay at dawn.\nIt was late.';
  const corpus = corpusWith(text);
  const [diagnostic] = diagnosticsFor(corpus, uri);
  assert.equal(diagnostic.code, 'repeated-word');
  assert.equal(diagnostic.source, 'copydesk');
  const actions = codeActionsFor(corpus, { uri, range: diagnostic.range, only: ['quickfix'], versionedEdits: true });
  const preferred = actions.find((a) => a.isPreferred)!;
  assert.ok(preferred, 'a preferred quick fix exists');
  const change = preferred.edit!.documentChanges![0] as any;
  assert.deepEqual(change.textDocument, { uri, version: 7 });
  assert.equal(apply(text, change.edits), 'The ferry left the quay at dawn.\nIt was late.');
});

test('fix-all applies every safe fix in the file at once; unversioned when the client cannot', () => {
  const text = 'The the ferry.\nIt left at at noon.\nShe had had enough.';
  const corpus = corpusWith(text);
  const [action] = codeActionsFor(corpus, { uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, only: [fixAllKind], versionedEdits: false });
  assert.equal(action.kind, fixAllKind);
  assert.equal(apply(text, action.edit!.changes![uri]), 'The ferry.\nIt left at noon.\nShe had had enough.');
});

test('a rule set to off disappears; a severity override applies', () => {
  const text = 'It left the the quay.';
  assert.equal(diagnosticsFor(corpusWith(text, { 'repeated-word': 'off' }), uri).length, 0);
  assert.equal(diagnosticsFor(corpusWith(text, { 'repeated-word': 'error' }), uri)[0].severity, 1);
});
