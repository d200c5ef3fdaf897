import type { Problem, Rule } from '../types';
import { detectMojibake, type EncodingRepair } from './detectMojibake';
import { show } from './classify';

let lastText: string | undefined;
let lastRuns: EncodingRepair[] = [];

/**
 * Mojibake runs of `text`, memoised on the last text seen: the mojibake, control and
 * invisible rules and repairEncoding all need them for the same document in a row.
 */
export function mojibakeRuns(text: string): EncodingRepair[] {
  if (text !== lastText) {
    lastRuns = detectMojibake(text);
    lastText = text;
  }
  return lastRuns;
}

/** True if [start, end) overlaps a mojibake run (runs are sorted and disjoint). */
export function insideMojibake(runs: readonly EncodingRepair[], start: number, end: number): boolean {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid].end <= start) lo = mid + 1;
    else if (runs[mid].start >= end) hi = mid - 1;
    else return true;
  }
  return false;
}

export const mojibakeRule: Rule = {
  id: 'mojibake',
  description: 'Text whose UTF-8 bytes were decoded with the wrong code page (`â€™` for `’`, `Ã©` for `é`).',
  defaultSeverity: 'warning',
  // Only runs far likelier to be damage than text are reported, and each repair is verified.
  fixAll: true,
  // not block-local: whether a borderline run is damage depends on the rest of the document
  check(text: string): Problem[] {
    return mojibakeRuns(text).map((run) => ({
      rule: 'mojibake',
      start: run.start,
      end: run.end,
      severity: 'warning',
      message: run.explanation,
      fixes: [{
        title: run.replacement === '' ? `Remove ${show(run.original)}` : `Replace with ${show(run.replacement)}`,
        edits: [{ start: run.start, end: run.end, newText: run.replacement }],
        preferred: true,
      }],
    }));
  },
};
