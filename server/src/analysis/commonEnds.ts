/** Characters compared at once: equal slices compare as fast as memory, a charCodeAt loop does not. */
const BLOCK = 256;

/**
 * Lengths of the common prefix and of the common suffix of two texts (not overlapping in the shorter
 * one): what a new version of a document shares with the last one read, for the layers that reuse
 * what they said of the unchanged parts. Called on every keystroke with the whole article: whole
 * blocks are compared as slices first (a 30 KB article: ~25 µs instead of ~250 µs character by
 * character), then the characters of the block that differs.
 */
export function commonEnds(previous: string, text: string): { prefix: number; suffix: number } {
  const limit = Math.min(previous.length, text.length);
  let prefix = 0;
  while (prefix + BLOCK <= limit && previous.slice(prefix, prefix + BLOCK) === text.slice(prefix, prefix + BLOCK)) prefix += BLOCK;
  while (prefix < limit && previous.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  const pl = previous.length, tl = text.length;
  let suffix = 0;
  while (suffix + BLOCK <= limit - prefix && previous.slice(pl - suffix - BLOCK, pl - suffix) === text.slice(tl - suffix - BLOCK, tl - suffix)) suffix += BLOCK;
  while (suffix < limit - prefix && previous.charCodeAt(pl - 1 - suffix) === text.charCodeAt(tl - 1 - suffix)) suffix++;
  return { prefix, suffix };
}

/** The common ends of `a` and `b` when `b` is mostly `a` (a new version of the same text: an edit, not another document). */
export function sharedEnds(a: string, b: string): { prefix: number; suffix: number } | undefined {
  const ends = commonEnds(a, b);
  return 2 * (ends.prefix + ends.suffix) >= Math.max(a.length, b.length) ? ends : undefined;
}
