import { applyEdits } from '../applyEdits';
import type { EncodingRepair } from './detectMojibake';
import { controlRepairs } from './controlCharacterRule';
import { mojibakeRuns } from './mojibakeRule';

export type { EncodingRepair };

/**
 * Repairs every damaged run of `text`: mojibake (re-encoded and decoded as UTF-8 until
 * stable) and control characters (C1 controls mapped to their Windows-1252 meaning,
 * others removed). Everything else is left byte-identical. Replacement characters and
 * invisible format characters are not touched: the first cannot be undone, the second
 * are not encoding damage. Offsets in `repairs` are into the input.
 */
export function repairEncoding(text: string): { text: string; repairs: EncodingRepair[] } {
  const runs = mojibakeRuns(text);
  const repairs = [...runs, ...controlRepairs(text, runs)].sort((a, b) => a.start - b.start);
  if (repairs.length === 0) return { text, repairs };
  const edits = repairs.map((r) => ({ start: r.start, end: r.end, newText: r.replacement }));
  return { text: applyEdits(text, edits), repairs };
}
