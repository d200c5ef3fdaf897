// One WorkspaceEdit that applies the safe fixes of some rules across the whole corpus,
// every edit annotated as needing confirmation so the editor shows a preview first.
import type { AnnotatedTextEdit, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { Corpus } from './corpus';
import { fixAllEdits } from './codeActionsFeature';
import { toLspEdit } from './convert';

export const encodingRules: ReadonlySet<string> = new Set(['mojibake', 'replacement-character', 'control-character', 'invisible-character']);

export interface CorpusFix {
  edit: WorkspaceEdit;
  files: number;
  fixes: number;
}

export function corpusFix(corpus: Corpus, label: string, rules?: ReadonlySet<string>): CorpusFix {
  const documentChanges: TextDocumentEdit[] = [];
  let fixes = 0;
  for (const file of corpus.files().sort((a, b) => (a.uri < b.uri ? -1 : 1))) {
    const edits = fixAllEdits(file, file.problems(corpus.settings), rules);
    if (edits.length === 0) continue;
    fixes += edits.length;
    documentChanges.push({
      // Open documents carry their version so a stale edit is refused; disk files have none.
      textDocument: { uri: file.uri, version: typeof file.version === 'number' ? file.version : null },
      edits: edits.map((e): AnnotatedTextEdit => ({ ...toLspEdit(file, e), annotationId: 'copydesk' })),
    });
  }
  return {
    edit: { documentChanges, changeAnnotations: { copydesk: { label, needsConfirmation: true } } },
    files: documentChanges.length,
    fixes,
  };
}
