import { combineHash } from '../text/word-hash.ts';
import { LSH_ROWS } from './thresholds.ts';

/**
 * LSH band keys of a MinHash signature: one 32-bit key per band of `rows`
 * values, seeded with the band's position so equal values in different
 * bands do not collide. Two signatures share a key when a whole band agrees.
 * The in-memory candidate index and the store's `lsh_band` table post and
 * look up these keys, so both find the same candidates.
 *
 * @example
 * bandKeys(fingerprint(article).minhash); // 16 keys for 64 values, 4 rows a band
 */
export function bandKeys(signature: ArrayLike<number>, rows = LSH_ROWS): number[] {
  if (!Number.isInteger(rows) || rows < 1) {
    throw new RangeError(`Expected rows to be an integer >= 1, got ${rows}`);
  }
  const keys: number[] = [];
  for (let b = 0; b + rows <= signature.length; b += rows) {
    let h = combineHash(0x51ed270b, b);
    for (let r = 0; r < rows; r++) h = combineHash(h, signature[b + r] as number);
    keys.push(h);
  }
  return keys;
}
