import xxhash from 'xxhash-wasm';

// xxhash-wasm is the fastest hash measured on this machine; it needs one
// async instantiation, done once here so every caller can hash synchronously.
const hasher = await xxhash();

/** 32-bit xxHash of a string (UTF-8), as an unsigned integer. */
export function hash32(text: string, seed = 0): number {
  return hasher.h32(text, seed) >>> 0;
}

/** 64-bit xxHash of a string (UTF-8), as a bigint. */
export function hash64(text: string, seed = 0n): bigint {
  return hasher.h64(text, seed);
}

/** 64-bit xxHash of a string as 16 lowercase hex digits: the form of every content id. */
export function hashHex(text: string): string {
  return hasher.h64ToString(text);
}
