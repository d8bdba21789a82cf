/** The typed arrays a `PackedLists` can hold. */
export type PackedArray = Uint32Array | Int32Array | Float32Array | Float64Array;

/**
 * Many short lists of numbers (one per article) packed into a few large
 * typed arrays. A batch of 100k articles keeps several lists per article:
 * one typed array each costs an ArrayBuffer, its bookkeeping and a malloc
 * block, and freed blocks between live ones fragment the process heap
 * (bench:group at 100k: about 600 MB of RSS beyond what the arrays hold).
 */
export interface PackedLists<T extends PackedArray> {
  /** Append a list (its values are copied, converted to the element type); returns its number. */
  push(values: ArrayLike<number>): number;
  /** List `i` as a view into the shared storage (no copy). */
  get(i: number): T;
  /** The length of list `i`. */
  lengthOf(i: number): number;
  /** How many lists were pushed. */
  size(): number;
}

/** Default chunk: 2^20 elements (4 MB of 32-bit values); a list longer than that gets a chunk of its own. */
const CHUNK = 1 << 20;

/**
 * Create empty packed lists of the element type `make` allocates. Lists
 * fill chunks of `chunk` elements in order, so at most one partly filled
 * chunk is wasted.
 *
 * @example
 * const lists = createPackedLists((n) => new Uint32Array(n));
 * const i = lists.push([3, 1, 2]);
 * lists.get(i); // Uint32Array [3, 1, 2]
 */
export function createPackedLists<T extends PackedArray>(
  make: (length: number) => T,
  chunk = CHUNK,
): PackedLists<T> {
  if (!Number.isInteger(chunk) || chunk < 1) {
    throw new RangeError(`Expected a chunk size >= 1, got ${chunk}`);
  }
  const chunks: T[] = [];
  let current = make(0);
  let fill = 0;
  let count = 0;
  let chunkOf = new Int32Array(1024);
  let startOf = new Int32Array(1024);
  let lengthOf = new Int32Array(1024);
  return {
    push(values) {
      const length = values.length;
      if (fill + length > current.length) {
        current = make(Math.max(chunk, length));
        chunks.push(current);
        fill = 0;
      }
      if (count === chunkOf.length) {
        chunkOf = grow(chunkOf);
        startOf = grow(startOf);
        lengthOf = grow(lengthOf);
      }
      current.set(values, fill);
      chunkOf[count] = chunks.length - 1;
      startOf[count] = fill;
      lengthOf[count] = length;
      fill += length;
      return count++;
    },
    get(i) {
      if (!(i >= 0 && i < count))
        throw new RangeError(`Expected a list in 0..${count - 1}, got ${i}`);
      const start = startOf[i] as number;
      const length = lengthOf[i] as number;
      // An empty list may sit before the first chunk exists.
      if (length === 0) return current.subarray(0, 0) as T;
      return (chunks[chunkOf[i] as number] as T).subarray(start, start + length) as T;
    },
    lengthOf(i) {
      return lengthOf[i] ?? 0;
    },
    size() {
      return count;
    },
  };
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
