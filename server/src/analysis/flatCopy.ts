/**
 * Copies of strings that share no memory with the document they may be slices of. Tokens and
 * mention texts are slices, and a slice kept in a cache keeps that whole version of the document
 * alive. (V8 slices and concatenates strings of 13+ characters by reference.)
 */

/** Cheap: the result may be a slice of a private flat copy (one small header more than `flatString`). */
export function flatCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** A flat string of its own, for strings kept by the hundred thousand (an index's keys and names). */
export function flatString(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}
