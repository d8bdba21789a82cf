/**
 * Winnowing (Schleimer, Wilkerson & Aiken, SIGMOD 2003): from each window of
 * `window` consecutive hashes keep the minimum (the rightmost on ties), so
 * any run shared by two texts that spans a whole window (window + shingle
 * size - 1 words) yields at least one shared hash, while keeping about
 * 2/(window+1) of the hashes. Returns the distinct selected hashes, sorted.
 */
export function winnow(hashes: ArrayLike<number>, window: number): Uint32Array {
  if (!Number.isInteger(window) || window < 1) {
    throw new RangeError(`Expected a window >= 1, got ${window}`);
  }
  const n = hashes.length;
  if (n === 0) return new Uint32Array(0);
  if (n <= window) return distinctSorted([minOf(hashes, 0, n)]);
  const picked: number[] = [];
  let minPos = -1;
  for (let end = window; end <= n; end++) {
    const start = end - window;
    if (minPos < start) {
      // The previous minimum left the window: rescan it (rightmost minimum).
      minPos = start;
      for (let i = start + 1; i < end; i++) {
        if ((hashes[i] as number) <= (hashes[minPos] as number)) minPos = i;
      }
      picked.push(hashes[minPos] as number);
    } else if ((hashes[end - 1] as number) <= (hashes[minPos] as number)) {
      minPos = end - 1;
      picked.push(hashes[minPos] as number);
    }
  }
  return distinctSorted(picked);
}

function minOf(hashes: ArrayLike<number>, from: number, to: number): number {
  let m = hashes[from] as number;
  for (let i = from + 1; i < to; i++) if ((hashes[i] as number) < m) m = hashes[i] as number;
  return m;
}

function distinctSorted(values: number[]): Uint32Array {
  const a = Uint32Array.from(values).sort();
  let w = 0;
  for (let i = 0; i < a.length; i++) if (i === 0 || a[i] !== a[w - 1]) a[w++] = a[i] as number;
  return a.slice(0, w);
}
