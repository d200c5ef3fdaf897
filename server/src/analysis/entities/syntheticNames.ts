// Synthetic name parts for the entity index's tests and benchmark (not used at run time).

/** Letters-only name part for number i ("Bakedo"-like), distinct for distinct i. */
export function syntheticName(i: number): string {
  // base-13 digits as consonants that never repeat back to back, so distinct numbers have distinct
  // consonant skeletons (no accidental transliteration matches between synthetic names)
  const C = 'bdfgklmnprstvz';
  let s = '';
  let x = i + 1;
  let prev = 0;
  while (x > 0) { prev = (prev + 1 + (x % 13)) % 14; s += C[prev] + 'aeiou'[s.length % 5]; x = Math.floor(x / 13); }
  return s[0].toUpperCase() + s.slice(1);
}
