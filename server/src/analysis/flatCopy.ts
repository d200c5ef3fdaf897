/**
 * A copy of a string that shares no memory with the document it may be a slice of. Tokens and
 * mention texts are slices, and a slice kept in a cache keeps that whole version of the document
 * alive. (V8 slices strings of 13+ characters by reference; slicing the concatenation flattens it
 * into a fresh string first.)
 */
export function flatCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
