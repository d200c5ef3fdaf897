// Quick fixes for each diagnostic, "fix all of this rule in the file", and the
// source.fixAll.copydesk action that editor.codeActionsOnSave can run.
import type { CodeAction, Diagnostic, Range, WorkspaceEdit } from 'vscode-languageserver';
import { ruleById } from '../analysis/rules';
import type { Problem, TextEdit } from '../analysis/types';
import type { Corpus } from './corpus';
import { toDiagnostic, toLspEdit } from './convert';
import type { FileAnalysis } from './fileAnalysis';
import type { ProblemSource } from './diagnosticsFeature';

export const fixAllKind = 'source.fixAll.copydesk';

export interface CodeActionRequest {
  uri: string;
  range: Range;
  /** Kinds the client asked for (context.only); undefined means all. */
  only?: string[];
  /** Whether to send versioned documentChanges, so a stale fix is refused by the editor. */
  versionedEdits: boolean;
}

export function codeActionsFor(corpus: Corpus, request: CodeActionRequest, problemsOf?: ProblemSource): CodeAction[] {
  const file = corpus.get(request.uri);
  if (!file) return [];
  const problems = problemsOf ? problemsOf(file) : file.problems(corpus.settings);
  const wants = (kind: string) => !request.only || request.only.some((k) => kind === k || kind.startsWith(k + '.'));
  const actions: CodeAction[] = [];

  if (wants('quickfix')) {
    const start = file.lines.offsetAt(request.range.start);
    const end = file.lines.offsetAt(request.range.end);
    const touched = problems.filter((p) => p.start <= end && p.end >= start && p.fixes.length > 0);
    for (const problem of touched) {
      const diagnostic = toDiagnostic(file, problem);
      for (const fix of problem.fixes) {
        actions.push({
          title: fix.title,
          kind: 'quickfix',
          diagnostics: [diagnostic],
          isPreferred: fix.preferred === true,
          edit: workspaceEdit(file, fix.edits, request.versionedEdits),
        });
      }
    }
    for (const rule of new Set(touched.map((p) => p.rule))) {
      const sameRule = problems.filter((p) => p.rule === rule && preferredFix(p));
      if (sameRule.length < 2 || !ruleById(rule)?.fixAll) continue;
      actions.push({
        title: `Fix all ${sameRule.length} ${rule} problems in this file`,
        kind: 'quickfix',
        diagnostics: sameRule.map((p) => toDiagnostic(file, p)),
        edit: workspaceEdit(file, sameRule.flatMap((p) => preferredFix(p)!.edits), request.versionedEdits),
      });
    }
  }

  if (wants(fixAllKind) || wants('source.fixAll')) {
    const edits = fixAllEdits(file, problems);
    if (edits.length > 0) {
      actions.push({ title: 'Copydesk: fix all safe problems in this file', kind: fixAllKind, edit: workspaceEdit(file, edits, request.versionedEdits) });
    }
  }
  return actions;
}

/** The preferred fixes of every rule whose fixes are safe to apply unseen, without overlaps. */
export function fixAllEdits(file: FileAnalysis, problems: readonly Problem[], onlyRules?: ReadonlySet<string>): TextEdit[] {
  const edits: TextEdit[] = [];
  let lastEnd = -1;
  for (const problem of problems) {
    if (onlyRules && !onlyRules.has(problem.rule)) continue;
    if (!ruleById(problem.rule)?.fixAll) continue;
    const fix = preferredFix(problem);
    if (!fix) continue;
    const sorted = [...fix.edits].sort((a, b) => a.start - b.start);
    if (sorted.length === 0 || sorted[0].start < lastEnd) continue; // overlaps an earlier fix
    edits.push(...sorted);
    lastEnd = sorted[sorted.length - 1].end;
  }
  return edits;
}

function preferredFix(problem: Problem) {
  return problem.fixes.find((f) => f.preferred) ?? (problem.fixes.length === 1 ? problem.fixes[0] : undefined);
}

export function workspaceEdit(file: FileAnalysis, edits: readonly TextEdit[], versioned: boolean): WorkspaceEdit {
  const lspEdits = edits.map((e) => toLspEdit(file, e));
  if (versioned && typeof file.version === 'number') {
    return { documentChanges: [{ textDocument: { uri: file.uri, version: file.version }, edits: lspEdits }] };
  }
  return { changes: { [file.uri]: lspEdits } };
}

export type { Diagnostic };
