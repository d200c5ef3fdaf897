import type { Problem } from '../analysis/types';
import { allRules } from '../analysis/rules';
import type { FileAnalysis } from '../service/fileAnalysis';
import type { LoadedCorpus } from './loadCorpus';
import { CorpusIndexes } from '../service/corpusIndexes';
import { corpusProblems } from '../service/corpusProblems';
import { withoutIgnored } from '../service/projectConfig';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface JsonRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface JsonProblem {
  file: string;
  range: JsonRange;
  code: string;
  severity: Problem['severity'];
  message: string;
  fixes: Array<{ title: string; edits: Array<{ range: JsonRange; newText: string }> }>;
}

export function collectProblems(loaded: LoadedCorpus): { files: number; problems: JsonProblem[] } {
  const problems: JsonProblem[] = [];
  const files = [...loaded.displayPath.keys()];
  // Boilerplate and inconsistent names need the whole corpus.
  const indexes = new CorpusIndexes({ quotes: false });
  loaded.corpus.observe(indexes);
  for (const uri of files) {
    const file = loaded.corpus.get(uri);
    if (!file) continue;
    const found = [...file.problems(loaded.settings), ...corpusProblems(indexes, file, loaded.settings)].sort((a, b) => a.start - b.start || a.end - b.end);
    const relative = loaded.configRoot ? path.relative(loaded.configRoot, fileURLToPath(uri)).split(path.sep).join('/') : undefined;
    const all = withoutIgnored(found, loaded.ignore, relative, file.text);
    for (const problem of all) {
      problems.push({
        file: loaded.displayPath.get(uri)!,
        range: jsonRange(file, problem.start, problem.end),
        code: problem.rule,
        severity: problem.severity,
        message: problem.message,
        fixes: problem.fixes.map((fix) => ({
          title: fix.title,
          edits: fix.edits.map((e) => ({ range: jsonRange(file, e.start, e.end), newText: e.newText })),
        })),
      });
    }
  }
  return { files: files.length, problems };
}

export function jsonRange(file: FileAnalysis, start: number, end: number): JsonRange {
  return { start: file.lines.positionAt(start), end: file.lines.positionAt(end) };
}

export function formatText(result: { files: number; problems: JsonProblem[] }): string {
  const lines = result.problems.map(
    (p) => `${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.severity} [${p.code}] ${p.message}`,
  );
  const bySeverity = (s: string) => result.problems.filter((p) => p.severity === s).length;
  lines.push(
    result.problems.length === 0
      ? `${result.files} file${result.files === 1 ? '' : 's'} checked: no problems.`
      : `${result.files} file${result.files === 1 ? '' : 's'} checked: ${result.problems.length} problems (${bySeverity('error')} errors, ${bySeverity('warning')} warnings, ${bySeverity('information') + bySeverity('hint')} notes).`,
  );
  return lines.join('\n') + '\n';
}

/** SARIF 2.1.0, as GitHub code scanning reads it. Columns are 1-based UTF-16 units. */
export function formatSarif(result: { files: number; problems: JsonProblem[] }): string {
  const level = (s: string) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  const ruleIds = [...new Set([...allRules.map((r) => r.id), ...result.problems.map((p) => p.code)])];
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'copydesk',
          version: '0.1.0',
          rules: ruleIds.map((id) => ({ id, shortDescription: { text: allRules.find((r) => r.id === id)?.description ?? id } })),
        },
      },
      columnKind: 'utf16CodeUnits',
      results: result.problems.map((p) => ({
        ruleId: p.code,
        level: level(p.severity),
        message: { text: p.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: p.file.split('\\').join('/') },
            region: {
              startLine: p.range.start.line + 1,
              startColumn: p.range.start.character + 1,
              endLine: p.range.end.line + 1,
              endColumn: p.range.end.character + 1,
            },
          },
        }],
      })),
    }],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
