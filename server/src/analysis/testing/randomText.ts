// Seeded random texts for the tests that check a fast scanner against a plain reference: each
// text joins up to `maxPieces` pieces drawn from a small alphabet of the cases that matter.
import assert from 'node:assert/strict';

/** A deterministic generator of integers in [0, n) (a linear congruential generator). */
export function seededRandom(seed: number): (n: number) => number {
  let state = seed;
  return (n: number) => ((state = (state * 1103515245 + 12345) & 0x7fffffff) % n);
}

/** `count` texts of 0..maxPieces-1 pieces each. */
export function* randomTexts(pieces: readonly string[], count: number, maxPieces: number, seed: number): Generator<string> {
  const random = seededRandom(seed);
  for (let round = 0; round < count; round++) {
    let text = '';
    for (let k = random(maxPieces); k > 0; k--) text += pieces[random(pieces.length)];
    yield text;
  }
}

/**
 * `start` and `count` successive versions of it, each one random edit away from the one before (a
 * piece inserted, and sometimes up to `maxCut` characters cut): keystrokes, for the tests that check
 * what reuses a text's last version against a fresh reading.
 */
export function randomVersions(start: string, count: number, pieces: readonly string[], maxCut: number, seed: number): string[] {
  const random = seededRandom(seed);
  const versions = [start];
  for (let k = 0; k < count; k++) {
    const text = versions[versions.length - 1];
    const at = random(text.length + 1);
    const cut = random(3) === 0 ? random(maxCut) : 0;
    versions.push(text.slice(0, at) + (random(3) ? pieces[random(pieces.length)] : '') + text.slice(at + cut));
  }
  return versions;
}

/**
 * Reads every version fresh (right after `unrelated`, so nothing of a last text is reused), then all of
 * them one after another, as keystrokes (each a new version of the one before), and asserts that the two
 * readings of each version agree. Returns the fresh readings (JSON).
 */
export function assertSameAsFresh(versions: readonly string[], read: (text: string) => unknown, unrelated: string, label = 'version'): string[] {
  const fresh = versions.map((v) => {
    read(unrelated);
    return JSON.stringify(read(v));
  });
  versions.forEach((v, i) => assert.equal(JSON.stringify(read(v)), fresh[i], `${label} ${i}`));
  return fresh;
}
