/**
 * A count-min sketch of uint32 keys in fixed memory: two rows of 16-bit
 * saturating counters. A count is never under the true one and over it only
 * by collisions (about keys/width per row), so "seen in more than N
 * documents" for N in the hundreds is exact in practice at a few MB, where
 * an exact table of millions of reuse hashes costs hundreds of MB.
 */
export interface CountSketch {
  add(key: number): void;
  /** An upper bound of the key's count (exact unless it collides in both rows), capped at 65535. */
  get(key: number): number;
}

/** Create a sketch with 2^bits counters per row (default 2^22: 16 MB in all). */
export function createCountSketch(bits = 22): CountSketch {
  if (!Number.isInteger(bits) || bits < 4 || bits > 28) {
    throw new RangeError(`Expected bits in 4..28, got ${bits}`);
  }
  const size = 2 ** bits;
  const mask = size - 1;
  // Allocated on the first add: an index that never counts costs nothing.
  let a: Uint16Array | null = null;
  let b = new Uint16Array(0);
  const slotA = (x: number) => Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> (32 - bits);
  const slotB = (x: number) => (Math.imul(x ^ (x >>> 15), 0x846ca68b) ^ (x >>> 7)) & mask;
  return {
    add(key) {
      if (a === null) {
        a = new Uint16Array(size);
        b = new Uint16Array(size);
      }
      const i = slotA(key >>> 0);
      const j = slotB(key >>> 0);
      if ((a[i] as number) < 65535) a[i] = (a[i] as number) + 1;
      if ((b[j] as number) < 65535) b[j] = (b[j] as number) + 1;
    },
    get(key) {
      if (a === null) return 0;
      return Math.min(a[slotA(key >>> 0)] as number, b[slotB(key >>> 0)] as number);
    },
  };
}
