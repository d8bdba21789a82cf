/**
 * Fast 32-bit hashes of short strings and of hash sequences, for shingles
 * and term ids. Hand-written instead of xxhash-wasm (src/text/hash.ts): a
 * word is a few characters and crossing into WebAssembly per word costs
 * more than hashing it in JavaScript (measured: about 4x slower per word on
 * the ECB+ texts). Stable across runs and platforms; stored fingerprints
 * depend on it, so changing it is a breaking change to stored data.
 */

/** FNV-1a over UTF-16 code units with a murmur3 finaliser, as an unsigned 32-bit integer. */
export function hashWord(word: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** murmur3 32-bit finaliser: spreads every input bit over the output. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combine two 32-bit hashes into one, order-sensitive. */
export function combineHash(a: number, b: number): number {
  return mix32(Math.imul(a ^ 0x9e3779b9, 0x01000193) ^ b);
}
