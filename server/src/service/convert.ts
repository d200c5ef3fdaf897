// Offsets of the analysis core to LSP shapes and back, for one file.
import type { Diagnostic, DiagnosticSeverity, Range, TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { Problem, Severity, TextEdit } from '../analysis/types';
import type { FileAnalysis } from './fileAnalysis';

export function toRange(file: FileAnalysis, start: number, end: number): Range {
  return { start: file.lines.positionAt(start), end: file.lines.positionAt(end) };
}

export function toLspEdit(file: FileAnalysis, edit: TextEdit): LspTextEdit {
  return { range: toRange(file, edit.start, edit.end), newText: edit.newText };
}

const severityNumber: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, information: 3, hint: 4 };

export function toDiagnostic(file: FileAnalysis, problem: Problem): Diagnostic {
  return {
    range: toRange(file, problem.start, problem.end),
    severity: severityNumber[problem.severity],
    code: problem.rule,
    source: 'copydesk',
    message: problem.message,
  };
}
