/**
 * Length of the longest common subsequence of two word sequences: how many
 * words they keep in the same order. Dynamic programming over one row,
 * O(a·b) time and O(b) memory.
 *
 * @example lcsLength(['a', 'b', 'c', 'd'], ['a', 'c', 'x', 'd']) // => 3
 */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  const row = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j] as number;
      row[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(up, row[j - 1] as number);
      diag = up;
    }
  }
  return row[b.length] as number;
}
