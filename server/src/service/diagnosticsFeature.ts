import type { Diagnostic } from 'vscode-languageserver';
import type { Corpus } from './corpus';
import { toDiagnostic } from './convert';

export function diagnosticsFor(corpus: Corpus, uri: string): Diagnostic[] {
  const file = corpus.get(uri);
  if (!file) return [];
  return file.problems(corpus.settings).map((problem) => toDiagnostic(file, problem));
}
