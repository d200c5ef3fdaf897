// `copydesk fix`: applies every safe preferred fix, writes atomically (temporary file then
// rename), and keeps the BOM, line endings and every byte outside the repaired ranges.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyEdits } from '../analysis/applyEdits';
import { encodeFile } from '../service/decode';
import { FileAnalysis } from '../service/fileAnalysis';
import { fixAllEdits } from '../service/codeActionsFeature';
import type { LoadedCorpus } from './loadCorpus';
import { unifiedDiff } from './unifiedDiff';
import { withoutIgnored } from '../service/projectConfig';

export interface FixOptions {
  dryRun: boolean;
  /** Decode files that are not UTF-8 with this encoding (e.g. windows-1252) and write UTF-8. */
  encoding?: string;
  /** Only these rules (default: every rule whose fixes are safe). */
  rules?: Set<string>;
}

export interface FixReport {
  changedFiles: number;
  fixes: number;
  refused: string[];
  output: string;
}

const maxPasses = 4;

export function fixFiles(loaded: LoadedCorpus, options: FixOptions): FixReport {
  const report: FixReport = { changedFiles: 0, fixes: 0, refused: [], output: '' };
  for (const [uri, shown] of loaded.displayPath) {
    const original = loaded.corpus.get(uri);
    if (!original || original.skippedBecause) continue;
    let start = original;
    if (original.encoding === 'invalid-utf8') {
      if (!options.encoding) {
        report.refused.push(`${shown}: not UTF-8; not changed (pass --encoding windows-1252 or the file's real encoding to convert it)`);
        continue;
      }
      let text: string;
      try {
        text = new TextDecoder(options.encoding).decode(fs.readFileSync(fileURLToPath(uri)));
      } catch {
        report.refused.push(`${shown}: unknown encoding ${options.encoding}`);
        continue;
      }
      start = new FileAnalysis({ uri, version: 'converted', text, encoding: 'utf8' });
    }
    let current = start;
    let applied = 0;
    // Repeat until stable: a repair can reveal another (e.g. a doubled word inside mojibake).
    for (let pass = 0; pass < maxPasses; pass++) {
      const relative = loaded.configRoot ? path.relative(loaded.configRoot, fileURLToPath(uri)).split(path.sep).join('/') : undefined;
      const problems = withoutIgnored(current.problems(loaded.settings), loaded.ignore, relative, current.text);
      const edits = fixAllEdits(current, problems, options.rules);
      if (edits.length === 0) break;
      const text = applyEdits(current.text, edits);
      if (text === current.text) break;
      applied += edits.length;
      current = new FileAnalysis({ uri, version: `pass${pass}`, text, encoding: current.encoding });
    }
    const converted = start !== original;
    if (current.text === original.text && !converted) continue;
    report.changedFiles++;
    report.fixes += applied;
    if (options.dryRun) {
      report.output += unifiedDiff(original.text, current.text, `a/${shown}`, `b/${shown}`);
    } else {
      const encoding = original.encoding === 'invalid-utf8' ? 'utf8' : original.encoding;
      writeAtomically(fileURLToPath(uri), encodeFile(current.text, encoding));
      report.output += `${shown}: ${applied} fix${applied === 1 ? '' : 'es'} applied${converted ? ` (converted from ${options.encoding} to UTF-8)` : ''}\n`;
    }
  }
  return report;
}

function writeAtomically(file: string, bytes: Uint8Array): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.copydesk-${process.pid}.tmp`);
  const mode = fs.statSync(file).mode;
  fs.writeFileSync(temporary, bytes, { mode });
  fs.renameSync(temporary, file);
}
