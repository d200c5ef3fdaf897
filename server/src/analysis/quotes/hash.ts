// FNV-1a over UTF-16 code units: fast, dependency-free and deterministic across runs,
// which is what shingle keys and family ids need (not cryptographic strength).

export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function hashHex(text: string): string {
  // Two differently seeded rounds make accidental id collisions between families unlikely.
  return fnv1a(text).toString(16).padStart(8, '0') + fnv1a(text, 0x01234567).toString(16).padStart(8, '0');
}
