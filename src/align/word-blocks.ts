import type { Chain } from './chain-runs.ts';
import type { PreparedText } from './prepare-text.ts';

/**
 * Words a passage edge may move to reach a sentence boundary on both sides.
 * Copies change the first or last words of a sentence ("Russia said Thursday
 * it has" -> "Russia has", "Afghan Islamists." -> "Afghan militants.", an
 * attribution "told the RIA Novosti news agency." -> "said to RIA"), which
 * no 3-word seed covers; snapping takes them into the passage as edits.
 * 8 reaches the longest such edge on the seeds (the 6-word attribution).
 */
export const SNAP_MAX_WORDS = 8;

/** A stretch of a word alignment: equal words, or an edit (either side may be empty). */
export interface Block {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
  equal: boolean;
}

/** The word alignment of one passage: token ranges on both sides and the blocks that tile them. */
export interface AlignedRange {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
  blocks: Block[];
}

/** Append a block, merging it into the last one when both are equal or both edits and they touch. */
export function pushBlock(out: Block[], b: Block): void {
  if (b.a0 === b.a1 && b.b0 === b.b1) return;
  const last = out[out.length - 1];
  if (last !== undefined && last.equal === b.equal && last.a1 === b.a0 && last.b1 === b.b0) {
    last.a1 = b.a1;
    last.b1 = b.b1;
  } else {
    out.push({ ...b });
  }
}

// One LCS table reused across calls (alignment is synchronous), grown as needed.
let table = new Int32Array(1024);

/** A zeroed table of at least `size` cells. */
function scratch(size: number): Int32Array {
  if (table.length < size) table = new Int32Array(Math.max(size, table.length * 2));
  else table.fill(0, 0, size);
  return table;
}

/**
 * Align the words of two short ranges by longest common subsequence of
 * their keys and append the equal and edit blocks. Ranges are small here
 * (gaps between runs, sentence edges, one sentence pair), so the quadratic
 * table is cheap; jsdiff would allocate a change object per word.
 */
export function alignRanges(
  a: PreparedText,
  a0: number,
  a1: number,
  b: PreparedText,
  b0: number,
  b1: number,
  out: Block[],
): void {
  const n = a1 - a0;
  const m = b1 - b0;
  if (n === 0 || m === 0) {
    pushBlock(out, { a0, a1, b0, b1, equal: false });
    return;
  }
  const w = m + 1;
  const table = scratch((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * w + j] =
        a.keys[a0 + i] === b.keys[b0 + j]
          ? (table[(i + 1) * w + j + 1] as number) + 1
          : Math.max(table[(i + 1) * w + j] as number, table[i * w + j + 1] as number);
    }
  }
  let i = 0;
  let j = 0;
  let ei = 0;
  let ej = 0;
  while (i < n && j < m) {
    if (a.keys[a0 + i] === b.keys[b0 + j]) {
      pushBlock(out, { a0: a0 + ei, a1: a0 + i, b0: b0 + ej, b1: b0 + j, equal: false });
      pushBlock(out, { a0: a0 + i, a1: a0 + i + 1, b0: b0 + j, b1: b0 + j + 1, equal: true });
      i++;
      j++;
      ei = i;
      ej = j;
    } else if ((table[(i + 1) * w + j] as number) >= (table[i * w + j + 1] as number)) {
      i++;
    } else {
      j++;
    }
  }
  pushBlock(out, { a0: a0 + ei, a1: a1, b0: b0 + ej, b1: b1, equal: false });
}

function snapBack(p: PreparedText, at: number): number {
  for (let k = 0; k <= SNAP_MAX_WORDS && at - k >= 0; k++) {
    if (p.sentenceStart[at - k] === 1) return at - k;
  }
  return -1;
}

function snapForward(p: PreparedText, at: number): number {
  for (let k = 0; k <= SNAP_MAX_WORDS && at + k <= p.tokens.length; k++) {
    if (at + k === p.tokens.length || p.sentenceStart[at + k] === 1) return at + k;
  }
  return -1;
}

/**
 * Words a passage edge may give back to end on a sentence boundary on both
 * sides: a run that continues into the first word of the next sentence
 * because both next sentences open with "The" (generated copies with an
 * inserted paragraph, bench/eval-align.ts) stops before it.
 */
export const TRIM_MAX_WORDS = 3;

/** The last sentence start in `(from, at]` within TRIM_MAX_WORDS of `at`, or -1. */
function trimBack(p: PreparedText, from: number, at: number): number {
  for (let k = 0; k <= TRIM_MAX_WORDS && at - k > from; k++) {
    if (at - k === p.tokens.length || p.sentenceStart[at - k] === 1) return at - k;
  }
  return -1;
}

/** The first sentence start in `[at, to)` within TRIM_MAX_WORDS of `at`, or -1. */
function trimForward(p: PreparedText, at: number, to: number): number {
  for (let k = 0; k <= TRIM_MAX_WORDS && at + k < to; k++) {
    if (p.sentenceStart[at + k] === 1) return at + k;
  }
  return -1;
}

/**
 * Turn a chain of runs into a word alignment: move both ends to sentence
 * boundaries when both sides have one within SNAP_MAX_WORDS outward (or
 * TRIM_MAX_WORDS inward), align the words in the gaps between runs, and
 * tile the range with blocks.
 */
export function alignChain(a: PreparedText, b: PreparedText, chain: Chain): AlignedRange {
  let { a0, a1, b0, b1 } = chain;
  const sa = snapBack(a, a0);
  const sb = snapBack(b, b0);
  if (sa >= 0 && sb >= 0) {
    a0 = sa;
    b0 = sb;
  } else {
    const ta = trimForward(a, a0, a1);
    const tb = trimForward(b, b0, b1);
    if (ta >= 0 && tb >= 0 && ta - a0 === tb - b0) {
      a0 = ta;
      b0 = tb;
    }
  }
  const ea = snapForward(a, a1);
  const eb = snapForward(b, b1);
  if (ea >= 0 && eb >= 0) {
    a1 = ea;
    b1 = eb;
  } else {
    const ta = trimBack(a, a0, a1);
    const tb = trimBack(b, b0, b1);
    if (ta >= 0 && tb >= 0 && a1 - ta === b1 - tb) {
      a1 = ta;
      b1 = tb;
    }
  }
  const blocks: Block[] = [];
  let pa = a0;
  let pb = b0;
  for (const r of chain.runs) {
    // Runs clipped to the range (trimming may cut the first or last).
    const head = Math.max(0, a0 - r.a, b0 - r.b);
    const tail = Math.max(0, r.a + r.len - a1, r.b + r.len - b1);
    const len = r.len - head - tail;
    if (len <= 0) continue;
    const ra = r.a + head;
    const rb = r.b + head;
    alignRanges(a, pa, ra, b, pb, rb, blocks);
    pushBlock(blocks, { a0: ra, a1: ra + len, b0: rb, b1: rb + len, equal: true });
    pa = ra + len;
    pb = rb + len;
  }
  alignRanges(a, pa, a1, b, pb, b1, blocks);
  return { a0, a1, b0, b1, blocks };
}

function sentenceStartAt(p: PreparedText, at: number, limit: number): number {
  let t = at;
  while (t > 0 && p.sentenceStart[t] !== 1 && at - t < limit) t--;
  return t;
}

function sentenceEndAt(p: PreparedText, at: number, limit: number): number {
  let t = at;
  while (t < p.tokens.length && p.sentenceStart[t] !== 1 && t - at < limit) t++;
  return t;
}

/**
 * Widen a word alignment to whole sentences on both sides (at most `limit`
 * words each way), aligning the added words: a paraphrase is a sentence
 * pair, not the stretch of it that happens to share words.
 */
export function widenToSentences(
  a: PreparedText,
  b: PreparedText,
  range: AlignedRange,
  limit: number,
): AlignedRange {
  const a0 = sentenceStartAt(a, range.a0, limit);
  const b0 = sentenceStartAt(b, range.b0, limit);
  const a1 = sentenceEndAt(a, range.a1, limit);
  const b1 = sentenceEndAt(b, range.b1, limit);
  if (a0 === range.a0 && b0 === range.b0 && a1 === range.a1 && b1 === range.b1) return range;
  const blocks: Block[] = [];
  alignRanges(a, a0, range.a0, b, b0, range.b0, blocks);
  for (const blk of range.blocks) pushBlock(blocks, blk);
  alignRanges(a, range.a1, a1, b, range.b1, b1, blocks);
  return { a0, a1, b0, b1, blocks };
}
