// Code actions that edit many articles at once, previewed before anything is written:
// delete a boilerplate line from every article that has it; write one spelling of a name
// everywhere in the corpus.
import type { AnnotatedTextEdit, CodeAction, Range, TextDocumentEdit } from 'vscode-languageserver';
import { deletionEdits } from '../analysis/cleaning';
import { LineIndex } from '../analysis/lineIndex';
import type { TextEdit } from '../analysis/types';
import type { Corpus } from './corpus';
import type { CorpusIndexes } from './corpusIndexes';
import { boilerplateRule, realSpellings, spellingMentions } from './corpusProblems';

const annotation = 'copydesk-corpus';

export async function corpusCodeActions(corpus: Corpus, indexes: CorpusIndexes, uri: string, range: Range): Promise<CodeAction[]> {
  const file = corpus.get(uri);
  if (!file || !file.hasText) return [];
  const start = file.lines.offsetAt(range.start);
  const end = file.lines.offsetAt(range.end);
  const actions: CodeAction[] = [];

  if (corpus.settings.rules[boilerplateRule] !== 'off') {
    for (const occurrence of indexes.boilerplate.occurrences(uri, file.text)) {
      const p = occurrence.problem;
      if (p.start > end || p.end < start || occurrence.files.length < 2) continue;
      const changes: TextDocumentEdit[] = [];
      for (const other of new Set([uri, ...occurrence.files])) {
        const text = await corpus.readText(other);
        if (text === undefined) continue;
        const edits = deletionEdits(text, occurrence.key);
        if (edits.length) changes.push(documentEdit(corpus, other, text, edits));
      }
      actions.push({
        title: `Delete this line from all ${changes.length} articles that have it`,
        kind: 'quickfix',
        edit: { documentChanges: changes, changeAnnotations: { [annotation]: { label: 'Delete boilerplate', needsConfirmation: true } } },
      });
    }
  }

  const entity = indexes.entities.entityAt(uri, start);
  const spellings = entity ? realSpellings(entity) : [];
  if (entity && spellings.length > 1) {
    const mentions = spellingMentions(entity);
    for (const spelling of spellings) {
      const byFile = new Map<string, TextEdit[]>();
      for (const m of mentions) {
        if (m.text === spelling.text) continue;
        const list = byFile.get(m.file) ?? [];
        list.push({ start: m.start, end: m.end, newText: spelling.text });
        byFile.set(m.file, list);
      }
      const count = [...byFile.values()].reduce((n, l) => n + l.length, 0);
      if (count === 0) continue;
      const changes: TextDocumentEdit[] = [];
      for (const [other, edits] of byFile) {
        const target = corpus.get(other);
        if (target) changes.push(documentEdit(corpus, other, undefined, edits));
      }
      actions.push({
        title: `Write \`${spelling.text}\` everywhere in the corpus (${count} mention${count === 1 ? '' : 's'})`,
        kind: 'quickfix',
        edit: { documentChanges: changes, changeAnnotations: { [annotation]: { label: 'Make a name consistent', needsConfirmation: true } } },
      });
    }
  }
  return actions;
}

function documentEdit(corpus: Corpus, uri: string, text: string | undefined, edits: TextEdit[]): TextDocumentEdit {
  const file = corpus.get(uri);
  const lines = file && (text === undefined || (file.hasText && file.text === text)) ? file.lines : new LineIndex(text ?? '');
  const version = file && corpus.isOpen(uri) && typeof file.version === 'number' ? file.version : null;
  return {
    textDocument: { uri, version },
    edits: edits.map((e): AnnotatedTextEdit => ({
      range: { start: lines.positionAt(e.start), end: lines.positionAt(e.end) },
      newText: e.newText,
      annotationId: annotation,
    })),
  };
}
