import { MAX_CHAIN_CANDIDATES, MAX_PASSAGES } from './limits.ts';
import type { Run } from './seed-runs.ts';

/**
 * Widest gap, in words on either side, bridged between two runs of one
 * passage. Wire copies insert or cut a few words inside a sentence ("on
 * Thursday", "said Thursday it", a clause); a whole inserted sentence or
 * paragraph (15+ words) starts a new passage. 10 keeps the student paper's
 * rewritten attributions (seed 003) inside one passage per sentence and
 * splits generated copies where the truth splits (bench/eval-align.ts).
 */
export const MAX_GAP_WORDS = 10;

/**
 * Widest gap bridged when it is balanced: about as many words on both sides
 * (see `balanced`), as where a copy replaced words rather than added or cut
 * a sentence. Heavily reworded copies (generated at 20-30% of words
 * substituted) lose every 3-word seed over such stretches; an inserted
 * paragraph or a dropped sentence leaves one side's gap near empty.
 */
export const MAX_BALANCED_GAP_WORDS = 30;

/** Cost per unmatched gap word when chaining (a run of 3 words pays for a 6-word gap). */
const GAP_COST = 0.5;

/** Cost per word of a gap that both sides share (replaced words, not added or cut ones). */
const REPLACED_GAP_COST = 0.1;

/** Whether a gap looks like replaced words: sizes within a quarter (plus two words) of each other. */
function balanced(gapA: number, gapB: number): boolean {
  return Math.abs(gapA - gapB) <= 2 + 0.25 * Math.max(gapA, gapB);
}

function bridgeable(gapA: number, gapB: number): boolean {
  const widest = Math.max(gapA, gapB);
  return widest <= MAX_GAP_WORDS || (widest <= MAX_BALANCED_GAP_WORDS && balanced(gapA, gapB));
}

function gapCost(gapA: number, gapB: number): number {
  return GAP_COST * Math.abs(gapA - gapB) + REPLACED_GAP_COST * Math.min(gapA, gapB);
}

/**
 * Fewest identical words (summed over its runs) a chain needs to count as a
 * shared passage: one accidental 3-gram ("in the region") or two close
 * together are not reuse; a shared 8-word stretch is. On the seeds the
 * unrelated outlet (004) shares no chain this long with the wire copies.
 */
export const MIN_PASSAGE_WORDS = 8;

/** A chain of runs: one passage's identical stretches, in order on both sides. */
export interface Chain {
  runs: Run[];
  /** Token range on each side, from the first run's start to the last run's end. */
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

function overlap(x0: number, x1: number, y0: number, y1: number): number {
  return Math.max(0, Math.min(x1, y1) - Math.max(x0, y0));
}

/**
 * Chain runs into passages (`keepShort` may keep a single run shorter than
 * MIN_PASSAGE_WORDS, such as a whole short sentence): each run links to the best earlier run that
 * ends before it on both sides within a bridgeable gap (dynamic programming
 * over runs sorted by `a`), then chains are peeled off best first. A chain
 * that mostly overlaps an accepted one on both sides is dropped (a text
 * aligned with itself shifted); one that overlaps on one side only is kept
 * (a sentence repeated in one article, one article containing the other
 * several times).
 */
export function chainRuns(
  runs: readonly Run[],
  keepShort: (run: Run) => boolean = () => false,
): Chain[] {
  const n = runs.length;
  const score = new Float64Array(n);
  const pred = new Int32Array(n).fill(-1);
  // Runs ordered by end on side a, for the window of possible predecessors.
  const byEnd = Array.from({ length: n }, (_, i) => i).sort((x, y) => {
    const rx = runs[x] as Run;
    const ry = runs[y] as Run;
    return rx.a + rx.len - (ry.a + ry.len) || x - y;
  });
  const ends = byEnd.map((i) => {
    const r = runs[i] as Run;
    return r.a + r.len;
  });
  for (let i = 0; i < n; i++) {
    const r = runs[i] as Run;
    let best = 0;
    let bestP = -1;
    // Last run ending at or before r.a.
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((ends[mid] as number) <= r.a) lo = mid + 1;
      else hi = mid;
    }
    let seen = 0;
    for (let k = lo - 1; k >= 0 && seen < MAX_CHAIN_CANDIDATES; k--) {
      const gapA = r.a - (ends[k] as number);
      if (gapA > MAX_BALANCED_GAP_WORDS) break;
      const pi = byEnd[k] as number;
      if (pi >= i) continue;
      seen++;
      const p = runs[pi] as Run;
      const gapB = r.b - (p.b + p.len);
      if (gapB < 0 || !bridgeable(gapA, gapB)) continue;
      const s = (score[pi] as number) - gapCost(gapA, gapB);
      if (s > best) {
        best = s;
        bestP = pi;
      }
    }
    score[i] = r.len + best;
    pred[i] = bestP;
  }

  const order = Array.from({ length: n }, (_, i) => i).sort(
    (x, y) => (score[y] as number) - (score[x] as number) || x - y,
  );
  const used = new Uint8Array(n);
  const chains: Chain[] = [];
  for (const end of order) {
    if (used[end]) continue;
    const members: number[] = [];
    for (let k = end; k >= 0 && !used[k]; k = pred[k] as number) members.push(k);
    for (const k of members) used[k] = 1;
    members.reverse();
    const chainRunsList = members.map((k) => runs[k] as Run);
    let words = 0;
    for (const r of chainRunsList) words += r.len;
    if (
      words < MIN_PASSAGE_WORDS &&
      !(chainRunsList.length === 1 && keepShort(chainRunsList[0] as Run))
    ) {
      continue;
    }
    const first = chainRunsList[0] as Run;
    const last = chainRunsList[chainRunsList.length - 1] as Run;
    const c: Chain = {
      runs: chainRunsList,
      a0: first.a,
      a1: last.a + last.len,
      b0: first.b,
      b1: last.b + last.len,
    };
    const redundant = chains.some(
      (o) =>
        overlap(c.a0, c.a1, o.a0, o.a1) * 2 > c.a1 - c.a0 &&
        overlap(c.b0, c.b1, o.b0, o.b1) * 2 > c.b1 - c.b0,
    );
    if (redundant) continue;
    chains.push(c);
    if (chains.length >= MAX_PASSAGES) break;
  }
  return chains;
}
