import { mix32 } from './word-hash.ts';

/**
 * Hashes of the overlapping `size`-unit shingles of a sequence of unit
 * hashes, in text order (duplicates kept, so winnowing sees positions). A
 * sequence shorter than `size` gives one shorter shingle; an empty one none.
 * Each unit hash is rotated by its position in the shingle and the XOR is
 * mixed once: order-sensitive, one finaliser per shingle.
 */
export function shingleHashes(unitHashes: ArrayLike<number>, size: number): Uint32Array {
  if (!Number.isInteger(size) || size < 1 || size > 16) {
    throw new RangeError(`Expected a shingle size in 1..16, got ${size}`);
  }
  const n = unitHashes.length;
  if (n === 0) return new Uint32Array(0);
  const count = n < size ? 1 : n - size + 1;
  const width = Math.min(n, size);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = width;
    for (let j = 0; j < width; j++) {
      const x = unitHashes[i + j] as number;
      const r = (j * 7) & 31;
      h ^= r === 0 ? x : (x << r) | (x >>> (32 - r));
      h = Math.imul(h, 0x9e3779b1);
    }
    out[i] = mix32(h);
  }
  return out;
}
