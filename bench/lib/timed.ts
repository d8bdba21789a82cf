/** Timing helpers shared by the benchmarks. */

/** Wall and CPU time of `fn` in ms (CPU time is steadier on a shared machine). */
export function timed(fn: () => void): { wall: number; cpu: number } {
  const c = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const used = process.cpuUsage(c);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

/** The middle of the sorted values; of an even count, the upper of the two middle ones. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}
