/**
 * A map from pairs of non-negative int32 (article or unit numbers) to
 * numbers, in typed arrays, that keeps pairs in order of first insertion
 * (as a JavaScript Map does). Hand-written for group's pair tables: a Map
 * keyed by `i * n + j` holds a heap number per key beyond 2^31 and costs
 * several times the memory and time at 100k articles (bench:group).
 */
export interface PairMap {
  /** Number of pairs. */
  size(): number;
  /** The entry number of a pair (0, 1, ... in order of first insertion), or -1 when absent. */
  find(a: number, b: number): number;
  /** Set a pair's value: a new pair goes last, an existing one keeps its place. */
  set(a: number, b: number, value: number): void;
  /** First number of entry `e`. */
  first(e: number): number;
  /** Second number of entry `e`. */
  second(e: number): number;
  /** Value of entry `e`. */
  value(e: number): number;
}

/** Create an empty pair map sized for about `expected` pairs (it grows as needed). */
export function createPairMap(expected = 1024): PairMap {
  let cap = 16;
  while (cap < expected) cap *= 2;
  let firsts = new Int32Array(cap);
  let seconds = new Int32Array(cap);
  let values = new Float64Array(cap);
  // Open addressing over entry numbers + 1 (0: empty), at most half full.
  let slots = cap * 2;
  let table = new Int32Array(slots);
  let count = 0;
  const slotOf = (a: number, b: number): number => {
    const mask = slots - 1;
    let i = hashPair(a, b) & mask;
    for (;;) {
      const e = (table[i] as number) - 1;
      if (e < 0 || (firsts[e] === a && seconds[e] === b)) return i;
      i = (i + 1) & mask;
    }
  };
  const grow = () => {
    cap *= 2;
    firsts = copy(firsts, new Int32Array(cap));
    seconds = copy(seconds, new Int32Array(cap));
    values = copy(values, new Float64Array(cap));
    slots = cap * 2;
    table = new Int32Array(slots);
    for (let e = 0; e < count; e++) {
      table[slotOf(firsts[e] as number, seconds[e] as number)] = e + 1;
    }
  };
  return {
    size() {
      return count;
    },
    find(a, b) {
      return (table[slotOf(a, b)] as number) - 1;
    },
    set(a, b, value) {
      let s = slotOf(a, b);
      const e = (table[s] as number) - 1;
      if (e >= 0) {
        values[e] = value;
        return;
      }
      if (count === cap) {
        grow();
        s = slotOf(a, b);
      }
      firsts[count] = a;
      seconds[count] = b;
      values[count] = value;
      table[s] = ++count;
    },
    first(e) {
      return firsts[e] as number;
    },
    second(e) {
      return seconds[e] as number;
    },
    value(e) {
      return values[e] as number;
    },
  };
}

function hashPair(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0xc2b2ae35);
  return h ^ (h >>> 13);
}

function copy<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
