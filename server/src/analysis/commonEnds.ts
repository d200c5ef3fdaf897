/**
 * Lengths of the common prefix and of the common suffix of two texts (not overlapping in the shorter
 * one): what a new version of a document shares with the last one read, for the layers that reuse
 * what they said of the unchanged parts.
 */
export function commonEnds(previous: string, text: string): { prefix: number; suffix: number } {
  const limit = Math.min(previous.length, text.length);
  let prefix = 0;
  while (prefix < limit && previous.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && previous.charCodeAt(previous.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}
