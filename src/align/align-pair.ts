import type { Alignment, Passage, PassageKind } from '../model/alignment.ts';
import type { Article } from '../model/article.ts';
import { chainRuns } from './chain-runs.ts';
import { classifyEdits, type PassageEdits } from './classify-edits.ts';
import { MAX_SENTENCE_WORDS } from './limits.ts';
import { matchParaphrases, type ScoreCache } from './match-paraphrases.ts';
import { type PreparedText, prepareText } from './prepare-text.ts';
import { seedRuns } from './seed-runs.ts';
import {
  type AlignedRange,
  alignChain,
  alignRanges,
  type Block,
  widenToSentences,
} from './word-blocks.ts';

/**
 * Similarity at or above which an aligned passage with edits is an `edited`
 * copy; below it the words were largely rewritten: a `paraphrase`. On the
 * seeds, wire copies score 0.94-0.99 per passage (spelling, a swapped term,
 * a few words cut), the student paper's reworked wire sentences 0.34-0.81
 * (003: "a number of orders" -> "several orders", attribution rewritten).
 */
export const EDITED_MIN_SIMILARITY = 0.9;

/** Options of `alignPair` and `alignStory`. */
export interface AlignOptions {
  /** Also match sentences that carry the same fact in other words (default true). */
  paraphrase?: boolean;
}

function passageKind(pe: PassageEdits): PassageKind {
  if (pe.edits.length === 0) return 'verbatim';
  return pe.similarity >= EDITED_MIN_SIMILARITY ? 'edited' : 'paraphrase';
}

/**
 * Whether tokens `[t0, t1)` are exactly one or more whole sentences: a short
 * sentence two articles share word for word ("The price wasn't announced.")
 * is a passage even below MIN_PASSAGE_WORDS.
 */
function wholeSentence(p: PreparedText, t0: number, t1: number): boolean {
  return p.sentenceStart[t0] === 1 && (t1 === p.tokens.length || p.sentenceStart[t1] === 1);
}

function overlap(x0: number, x1: number, y0: number, y1: number): number {
  return Math.max(0, Math.min(x1, y1) - Math.max(x0, y0));
}

/** Whether two ranges mostly cover the same words on both sides. */
function sameRegion(r: AlignedRange, s: AlignedRange): boolean {
  const a = overlap(r.a0, r.a1, s.a0, s.a1) * 2 > Math.min(r.a1 - r.a0, s.a1 - s.a0);
  const b = overlap(r.b0, r.b1, s.b0, s.b1) * 2 > Math.min(r.b1 - r.b0, s.b1 - s.b0);
  return a && b;
}

function mark(covered: Uint8Array, t0: number, t1: number): void {
  covered.fill(1, t0, t1);
}

function share(covered: Uint8Array): number {
  if (covered.length === 0) return 0;
  let n = 0;
  for (let i = 0; i < covered.length; i++) n += covered[i] as number;
  return n / covered.length;
}

function toPassage(
  a: PreparedText,
  b: PreparedText,
  range: AlignedRange,
  sameFact?: number,
): Passage {
  const pe = classifyEdits(a, b, range);
  const kind = passageKind(pe);
  const passage: Passage = {
    a: pe.a,
    b: pe.b,
    kind,
    similarity: round(pe.similarity),
    edits: pe.edits,
  };
  // Only sentence pairs found by the paraphrase matcher carry the model's
  // score: running the sentence model on every reworded passage cost 85% of
  // bench:align, and over several sentences its features mean little.
  if (kind === 'paraphrase' && sameFact !== undefined) passage.sameFact = round(sameFact);
  return passage;
}

/**
 * Whether a passage widened to whole sentences reads as a paraphrase. The
 * added words cost at most one each, so when even that keeps the widened
 * similarity at the edited floor the classification is skipped (most long
 * copied passages gain a word or two).
 */
function widenedIsParaphrase(
  a: PreparedText,
  b: PreparedText,
  range: AlignedRange,
  narrow: Passage,
  wide: AlignedRange,
): boolean {
  const longer = Math.max(range.a1 - range.a0, range.b1 - range.b0);
  const wider = Math.max(wide.a1 - wide.a0, wide.b1 - wide.b0);
  const added =
    range.a0 - wide.a0 + (wide.a1 - range.a1) + (range.b0 - wide.b0) + (wide.b1 - range.b1);
  const worst = 1 - ((1 - narrow.similarity) * longer + added) / wider;
  if (worst >= EDITED_MIN_SIMILARITY) return false;
  return passageKind(classifyEdits(a, b, wide)) === 'paraphrase';
}

/** Scores are rounded so JSON output is stable and readable. */
function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/**
 * Align two prepared texts (the work behind `alignPair`, for callers that
 * prepare each text once and pair it many times). `paraphrase: 'if-shared'`
 * runs the paraphrase matcher only when some passage was found; a
 * `scoreCache` shared across the pairs of a story saves sentence-model calls.
 */
export function alignPrepared(
  aId: string,
  a: PreparedText,
  bId: string,
  b: PreparedText,
  options: { paraphrase?: boolean | 'if-shared'; scoreCache?: ScoreCache } = {},
): Alignment {
  const { runs, truncated } = seedRuns(a, b);
  const chains = chainRuns(
    runs,
    (r) => wholeSentence(a, r.a, r.a + r.len) && wholeSentence(b, r.b, r.b + r.len),
  );
  const coveredA = new Uint8Array(a.tokens.length);
  const coveredB = new Uint8Array(b.tokens.length);
  const copiedA = new Uint8Array(a.tokens.length);
  const copiedB = new Uint8Array(b.tokens.length);
  const passages: Passage[] = [];
  const ranges: AlignedRange[] = [];
  const add = (p: Passage, range: AlignedRange): void => {
    // Two chains inside one rewritten sentence pair widen to the same pair.
    if (ranges.some((r) => sameRegion(r, range))) return;
    ranges.push(range);
    passages.push(p);
    mark(coveredA, range.a0, range.a1);
    mark(coveredB, range.b0, range.b1);
    if (p.kind !== 'paraphrase') {
      mark(copiedA, range.a0, range.a1);
      mark(copiedB, range.b0, range.b1);
    }
  };
  for (const chain of chains) {
    const range = alignChain(a, b, chain);
    const p = toPassage(a, b, range);
    // Judged on whole sentences: a quote copied inside a rewritten sentence
    // is part of a paraphrase, not an edited copy of the sentence.
    const wide = widenToSentences(a, b, range, MAX_SENTENCE_WORDS);
    const rewritten =
      p.kind === 'paraphrase' || (wide !== range && widenedIsParaphrase(a, b, range, p, wide));
    if (!rewritten) {
      add(p, range);
      continue;
    }
    add(toPassage(a, b, wide), wide);
  }
  const paraphrase =
    options.paraphrase === 'if-shared' ? passages.length > 0 : options.paraphrase !== false;
  if (paraphrase) {
    for (const m of matchParaphrases(a, coveredA, b, coveredB, options.scoreCache)) {
      const blocks: Block[] = [];
      alignRanges(a, m.at0, m.at1, b, m.bt0, m.bt1, blocks);
      const range = { a0: m.at0, a1: m.at1, b0: m.bt0, b1: m.bt1, blocks };
      add(toPassage(a, b, range, m.sameFact), range);
    }
  }
  passages.sort((x, y) => x.a.start - y.a.start || x.b.start - y.b.start);
  const out: Alignment = {
    a: aId,
    b: bId,
    coverage: { a: round(share(coveredA)), b: round(share(coveredB)) },
    copied: { a: round(share(copiedA)), b: round(share(copiedB)) },
    passages,
  };
  if (truncated || a.truncated || b.truncated) out.truncated = true;
  return out;
}

function checkArticle(x: unknown, name: string): asserts x is Article {
  if (typeof x !== 'object' || x === null) {
    throw new TypeError(`Expected ${name} to be an Article, got ${x === null ? 'null' : typeof x}`);
  }
  const r = x as Record<string, unknown>;
  if (typeof r['id'] !== 'string' || typeof r['text'] !== 'string') {
    throw new TypeError(`Expected ${name} to be an Article with string id and text`);
  }
}

/**
 * Align two articles: the passages they share (verbatim, edited, or
 * paraphrased), with character spans into each article's `text`, a
 * similarity per passage, the word-level edits inside, and the share of
 * each article covered by the other.
 *
 * @example
 * const al = alignPair(wireCopy, otherCopy);
 * al.coverage; // { a: 0.92, b: 0.81 }
 * al.passages[0].edits[0]; // { kind: 'substitution', a: 'militant', b: 'terrorist', framing: true, ... }
 */
export function alignPair(a: Article, b: Article, options: AlignOptions = {}): Alignment {
  checkArticle(a, 'a');
  checkArticle(b, 'b');
  return alignPrepared(a.id, prepareText(a.text), b.id, prepareText(b.text), options);
}
