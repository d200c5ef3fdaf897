// Blocks: the pieces of a document that whole-document readers can read one at a time, so that a
// keystroke re-reads the block it changed instead of the whole article.
import { flatCopy } from './flatCopy';
import { sharedEnds } from './commonEnds';

/** Longer lines are not hard-wrapped (wrapping stays under ~80 columns): their line break ends a paragraph. */
export const UNWRAPPED_LINE = 100;

/** A blank line: two line breaks with only white space between. */
const BLANK_LINE = /\n\s*\n/g;

/**
 * Where the blocks of a text end (the last end is the text's length): after each blank line (paragraphs),
 * and with `longLines` also after the line break of a line too long to be hard-wrapped (its text, trailing
 * white space left out, is over UNWRAPPED_LINE characters: a paragraph per line). No sentence runs past
 * either; some rules read across the second ("the\nthe" is a doubled word wherever the line ends).
 */
export function blockEnds(text: string, longLines: boolean): number[] {
  const ends: number[] = [];
  BLANK_LINE.lastIndex = 0;
  for (let from = 0; from < text.length; ) {
    const blank = BLANK_LINE.exec(text);
    const to = blank ? blank.index + blank[0].length : text.length;
    const until = blank ? blank.index : to;
    let lineStart = from;
    for (let nl = longLines ? text.indexOf('\n', from) : -1; nl >= 0 && nl < until; nl = text.indexOf('\n', nl + 1)) {
      let last = nl;
      while (last > lineStart && /\s/.test(text[last - 1])) last--;
      if (last - lineStart > UNWRAPPED_LINE && nl + 1 < to) ends.push(nl + 1);
      lineStart = nl + 1;
    }
    ends.push(to);
    from = to;
  }
  return ends;
}

/** Where the lines of a text end: after each \n, and at the text's end. */
export function lineEnds(text: string): number[] {
  const ends: number[] = [];
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) ends.push(nl + 1);
  if (ends[ends.length - 1] !== text.length && text.length > 0) ends.push(text.length);
  return ends;
}

export interface BlockValue<T> {
  value: T;
  /** Where the block starts in the text. */
  offset: number;
}

/**
 * What `read` said of each block of the last text (blocks as `ends` cuts them). For a new version of that
 * text (most of it shared: an edit), `blocks` answers block by block and reads only the blocks that
 * changed; for any other text, or a text of one block, it answers undefined and forgets (the caller reads
 * that text whole: indexing reads thousands of different articles, and splitting them would only cost).
 * Unchanged blocks are found by position, not by text: a block inside the part both versions share at
 * their start (or end) is the last text's block at the same (shifted) offsets, when there is one. So a
 * keystroke costs the changed block and a walk over the block ends, not a copy and hash of every block.
 */
export class BlockMemo<T> {
  private lastText: string | undefined;
  private last: Array<{ value: T; offset: number; end: number }> = [];

  constructor(private readonly read: (block: string) => T, private readonly ends: (text: string) => number[]) {}

  blocks(text: string): BlockValue<T>[] | undefined {
    const previous = this.lastText;
    this.lastText = text;
    const shared = previous === undefined ? undefined : sharedEnds(previous, text);
    if (previous === undefined || !shared) {
      this.last = [];
      return undefined;
    }
    const ends = this.ends(text);
    if (ends.length < 2) {
      this.last = []; // one block: nothing to reuse (an article on one line)
      return undefined;
    }
    const old = this.last;
    const shift = text.length - previous.length;
    const suffixStart = text.length - shared.suffix;
    const out: Array<{ value: T; offset: number; end: number }> = [];
    let front = 0; // old blocks are visited in order: one pointer for the shared start, one for the end
    let back = 0;
    let from = 0;
    for (const to of ends) {
      let value: T | undefined;
      if (to <= shared.prefix) {
        while (front < old.length && old[front].offset < from) front++;
        if (front < old.length && old[front].offset === from && old[front].end === to) value = old[front].value;
      } else if (from >= suffixStart) {
        while (back < old.length && old[back].offset < from - shift) back++;
        if (back < old.length && old[back].offset === from - shift && old[back].end === to - shift) value = old[back].value;
      }
      // A flat copy is read and kept: a slice would keep this version of the whole document alive.
      if (value === undefined) value = this.read(flatCopy(text.slice(from, to)));
      out.push({ value, offset: from, end: to });
      from = to;
    }
    this.last = out;
    return out;
  }
}
