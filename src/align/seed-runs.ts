import { MAX_GRAM_OCCURRENCES, MAX_SEEDS } from './limits.ts';
import { gramIndex, type PreparedText, SEED_WORDS } from './prepare-text.ts';

/** A stretch of identical words: tokens `[a, a + len)` of one text equal `[b, b + len)` of the other. */
export interface Run {
  a: number;
  b: number;
  len: number;
}

/** Runs shared by two texts, in order of `a`, then `b`. */
export interface SeedRuns {
  runs: Run[];
  /** True when MAX_SEEDS stopped the search. */
  truncated: boolean;
}

function sameKeys(a: PreparedText, i: number, b: PreparedText, j: number): boolean {
  for (let k = 0; k < SEED_WORDS; k++) if (a.keys[i + k] !== b.keys[j + k]) return false;
  return true;
}

/**
 * Find the maximal runs of identical words two texts share, seeded by equal
 * hashed n-grams of SEED_WORDS words and grown along each diagonal. The
 * shorter text is indexed (a text that contains the other many times then
 * seeds once per copy), consecutive seeds on one diagonal merge into one run.
 */
export function seedRuns(a: PreparedText, b: PreparedText): SeedRuns {
  const swap = b.grams.length > a.grams.length;
  const outer = swap ? b : a;
  const inner = swap ? a : b;
  const index = gramIndex(inner);
  const runs: Run[] = [];
  // Runs that took a seed at the previous position: a seed at (i, j) extends
  // the one whose last seed was (i - 1, j - 1). A short list scanned beats a
  // map by diagonal (at most MAX_GRAM_OCCURRENCES entries, usually one).
  let prevOpen: Run[] = [];
  let curOpen: Run[] = [];
  let seeds = 0;
  let truncated = false;
  scan: for (let i = 0; i < outer.grams.length; i++) {
    const occ = index.get(outer.grams[i] as number);
    if (occ === undefined) {
      if (prevOpen.length > 0) prevOpen = [];
      continue;
    }
    const m = Math.min(occ.length, MAX_GRAM_OCCURRENCES);
    for (let k = 0; k < m; k++) {
      const j = occ[k] as number;
      if (!sameKeys(outer, i, inner, j)) continue;
      if (++seeds > MAX_SEEDS) {
        truncated = true;
        break scan;
      }
      let run: Run | undefined;
      for (const r of prevOpen) {
        if (r.b - r.a === j - i) {
          run = r;
          break;
        }
      }
      if (run !== undefined) {
        run.len++;
      } else {
        run = { a: i, b: j, len: SEED_WORDS };
        runs.push(run);
      }
      curOpen.push(run);
    }
    const t = prevOpen;
    prevOpen = curOpen;
    curOpen = t;
    curOpen.length = 0;
  }
  if (swap) {
    for (const r of runs) {
      const t = r.a;
      r.a = r.b;
      r.b = t;
    }
    runs.sort((x, y) => x.a - y.a || x.b - y.b);
  }
  return { runs, truncated };
}
