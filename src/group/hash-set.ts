/**
 * Open-addressing sets and counters of 32-bit unsigned integers in typed
 * arrays. Hand-written for the per-article hot loops of group, where a
 * JavaScript Set or Map of numbers costs several times more per operation
 * and allocates (measured on the bench:group corpus).
 */

/** A set of uint32 values that can be cleared in O(used) and reused. */
export interface IntSet {
  add(x: number): void;
  has(x: number): boolean;
  clear(): void;
}

/** A map from uint32 keys to counts. */
export interface IntCounter {
  /** Add `by` (default 1) to the count of `x`. */
  add(x: number, by?: number): void;
  get(x: number): number;
  size(): number;
  /** The keys counted so far, in table order (sort them for a stable order). */
  keys(): Uint32Array;
}

// Slot 0 is "empty"; the value 0 is tracked apart.
function slot(x: number, mask: number): number {
  return Math.imul(x ^ (x >>> 16), 0x45d9f3b) & mask;
}

/** Create a reusable set sized for about `expected` values (it grows as needed). */
export function createIntSet(expected = 64): IntSet {
  let cap = 16;
  while (cap < expected * 2) cap *= 2;
  let keys = new Uint32Array(cap);
  let used: number[] = [];
  let hasZero = false;
  const insert = (x: number) => {
    const mask = cap - 1;
    let i = slot(x, mask);
    for (;;) {
      const k = keys[i] as number;
      if (k === x) return;
      if (k === 0) {
        keys[i] = x;
        used.push(i);
        return;
      }
      i = (i + 1) & mask;
    }
  };
  return {
    add(x) {
      if (x === 0) {
        hasZero = true;
        return;
      }
      if ((used.length + 1) * 2 > cap) {
        const old = used.map((i) => keys[i] as number);
        cap *= 2;
        keys = new Uint32Array(cap);
        used = [];
        for (const k of old) insert(k);
      }
      insert(x >>> 0);
    },
    has(x) {
      if (x === 0) return hasZero;
      const mask = cap - 1;
      let i = slot(x, mask);
      for (;;) {
        const k = keys[i] as number;
        if (k === x) return true;
        if (k === 0) return false;
        i = (i + 1) & mask;
      }
    },
    clear() {
      for (const i of used) keys[i] = 0;
      used = [];
      hasZero = false;
    },
  };
}

/** Create a counter of uint32 keys (grows as needed). */
export function createIntCounter(expected = 1024): IntCounter {
  let cap = 16;
  while (cap < expected * 2) cap *= 2;
  let keys = new Uint32Array(cap);
  let counts = new Float64Array(cap);
  let size = 0;
  let zero = 0;
  const find = (x: number): number => {
    const mask = cap - 1;
    let i = slot(x, mask);
    for (;;) {
      const k = keys[i] as number;
      if (k === x || k === 0) return i;
      i = (i + 1) & mask;
    }
  };
  return {
    add(x, by = 1) {
      if (x === 0) {
        zero += by;
        return;
      }
      let i = find(x);
      if (keys[i] === 0) {
        if ((size + 1) * 2 > cap) {
          const oldKeys = keys;
          const oldCounts = counts;
          cap *= 2;
          keys = new Uint32Array(cap);
          counts = new Float64Array(cap);
          for (let j = 0; j < oldKeys.length; j++) {
            const k = oldKeys[j] as number;
            if (k !== 0) {
              const s = find(k);
              keys[s] = k;
              counts[s] = oldCounts[j] as number;
            }
          }
          i = find(x);
        }
        keys[i] = x;
        size++;
      }
      counts[i] = (counts[i] as number) + by;
    },
    get(x) {
      if (x === 0) return zero;
      const i = find(x >>> 0);
      return keys[i] === 0 ? 0 : (counts[i] as number);
    },
    size() {
      return size + (zero > 0 ? 1 : 0);
    },
    keys() {
      const out = new Uint32Array(size + (zero !== 0 ? 1 : 0));
      let k = 0;
      if (zero !== 0) out[k++] = 0;
      for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) out[k++] = keys[i] as number;
      return out;
    },
  };
}
