import type { Diagnostic } from 'vscode-languageserver';
import type { Problem } from '../analysis/types';
import type { Corpus } from './corpus';
import { toDiagnostic } from './convert';
import type { FileAnalysis } from './fileAnalysis';

/** All problems of a file: its own rules, plus what the corpus knows (when given). */
export type ProblemSource = (file: FileAnalysis) => Problem[];

export function diagnosticsFor(corpus: Corpus, uri: string, problemsOf?: ProblemSource): Diagnostic[] {
  const file = corpus.get(uri);
  if (!file) return [];
  const problems = problemsOf ? problemsOf(file) : file.problems(corpus.settings);
  return problems.map((problem) => toDiagnostic(file, problem));
}
