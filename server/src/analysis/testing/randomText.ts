// Seeded random texts for the tests that check a fast scanner against a plain reference: each
// text joins up to `maxPieces` pieces drawn from a small alphabet of the cases that matter.

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
