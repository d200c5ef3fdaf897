import { repairEncoding } from './repairEncoding';

export interface ReadableView {
  /** The text with every damaged run repaired. */
  text: string;
  /** Maps an offset in `text` back to the damaged original (inside a repair: its start or end). */
  toOriginal(offset: number): number;
}

/**
 * The text as it was meant to read. The quote and entity layers analyse this view, so
 * `â€œ…â€` still opens a quotation and `USÂ` is not taken for a name, then map their
 * offsets back into the real text with `toOriginal`.
 */
export function readableView(original: string): ReadableView {
  const { repairs } = repairEncoding(original);
  if (repairs.length === 0) return { text: original, toOriginal: (offset) => offset };
  // Parallel arrays: where each repair starts in the view and in the original.
  const viewStarts: number[] = [];
  const viewEnds: number[] = [];
  const originalStarts: number[] = [];
  const originalEnds: number[] = [];
  let text = '';
  let cursor = 0;
  for (const r of repairs) {
    if (r.start < cursor) continue;
    text += original.slice(cursor, r.start);
    viewStarts.push(text.length);
    originalStarts.push(r.start);
    text += r.replacement;
    viewEnds.push(text.length);
    originalEnds.push(r.end);
    cursor = r.end;
  }
  text += original.slice(cursor);
  const toOriginal = (offset: number): number => {
    // The last repair starting at or before the offset.
    let low = 0;
    let high = viewStarts.length - 1;
    let hit = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (viewStarts[mid] <= offset) {
        hit = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    if (hit < 0) return offset;
    if (offset >= viewEnds[hit]) return originalEnds[hit] + (offset - viewEnds[hit]);
    return offset === viewStarts[hit] ? originalStarts[hit] : originalEnds[hit];
  };
  return { text, toOriginal };
}
