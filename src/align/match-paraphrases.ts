import type { Span } from '../model/span.ts';
import {
  profileSimilarity,
  type SentenceProfile,
  sentenceProfile,
} from '../text/sentence-similarity.ts';
import { MAX_PARAPHRASE_PAIRS, MAX_SENTENCE_WORDS } from './limits.ts';
import { linesOf, type PreparedText, sentencesOfLine, tokenAt } from './prepare-text.ts';
import { isFunctionWord } from './word-classes.ts';

/**
 * Sentence-model score at or above which two sentences the passage stage did
 * not align are matched as a paraphrase. Above the model's own same-fact
 * threshold (0.542, MSRP) because here every sentence meets every other:
 * on the seeds 0.7 matches the student paper's rewritten wire sentences
 * (003) and almost nothing of the other-angle article (004).
 */
export const PARAPHRASE_MIN_SAME_FACT = 0.7;

/**
 * Content words two sentences must share before the model scores them (a
 * cheap prefilter): at least two, and a Dice overlap of their content-word
 * stems of at least MIN_CONTENT_DICE. Sentences carrying one fact share
 * most of their names and nouns: on the MSRP training pairs (../shared/eval)
 * labelled equivalent, 98.7% have a stem Dice of 0.4 or more; scoring every
 * pair that merely shares two words took half of bench:align.
 */
const MIN_SHARED_CONTENT = 2;
const MIN_CONTENT_DICE = 0.4;

/**
 * Sentences of the other article the model scores per sentence: those with
 * the highest content-word Dice. Keeps the matcher linear when an article
 * repeats near-identical lines (a deals page with twenty "Get it on Amazon
 * for $..." lines in the extraction set).
 */
const MAX_CANDIDATES_PER_SENTENCE = 3;

/** A sentence counts as already aligned when this share of its words lies in passages. */
const COVERED_SHARE = 0.5;

/** Letters kept of a content word for the prefilter: a crude stem ("cautious"/"cautiously"). */
const STEM_CHARS = 5;

/** A matched sentence pair, in tokens and characters. */
export interface SentenceMatch {
  a: Span;
  b: Span;
  at0: number;
  at1: number;
  bt0: number;
  bt1: number;
  sameFact: number;
}

interface Candidate {
  span: Span;
  t0: number;
  t1: number;
  stems: Set<string>;
}

const profiles = new WeakMap<PreparedText, Map<string, SentenceProfile>>();

/** The sentence model's profile of a span of a prepared text, cached per text. */
export function profileOf(p: PreparedText, span: Span): SentenceProfile {
  let m = profiles.get(p);
  if (m === undefined) {
    m = new Map();
    profiles.set(p, m);
  }
  const key = `${span.start}:${span.end}`;
  let prof = m.get(key);
  if (prof === undefined) {
    prof = sentenceProfile(p.text.slice(span.start, span.end));
    m.set(key, prof);
  }
  return prof;
}

/**
 * Sentence-model scores by sentence text pair, kept for one story: the same
 * sentences meet again and again there (a wire sentence in every copy) and
 * the model costs ~0.2 ms a pair. Bounded; results are the same without it.
 */
export type ScoreCache = Map<string, number>;
const SCORE_CACHE_LIMIT = 100_000;

/**
 * Sentence profiles by sentence text, kept beside a story's score cache (and
 * dropped with it): a wire sentence recurs in every copy, and profiling it
 * (tokens, stems, a wink-nlp tagging pass) once per story instead of once per
 * article took ~0.25 s off bench:align. A profile depends on the text alone.
 */
const storyProfiles = new WeakMap<ScoreCache, Map<string, SentenceProfile>>();

function profileByText(scoreCache: ScoreCache, text: string): SentenceProfile {
  let m = storyProfiles.get(scoreCache);
  if (m === undefined) {
    m = new Map();
    storyProfiles.set(scoreCache, m);
  }
  let prof = m.get(text);
  if (prof === undefined) {
    prof = sentenceProfile(text);
    if (m.size >= SCORE_CACHE_LIMIT) m.clear();
    m.set(text, prof);
  }
  return prof;
}

function pairScore(
  a: PreparedText,
  ca: Candidate,
  b: PreparedText,
  cb: Candidate,
  scoreCache: ScoreCache,
): number {
  const ta = a.text.slice(ca.span.start, ca.span.end);
  const tb = b.text.slice(cb.span.start, cb.span.end);
  // Scored in a fixed order of the two texts, so a pair met as (x, y) in one
  // article pair and (y, x) in another hits the cache and scores the same.
  const first = ta <= tb;
  const key = first ? `${ta}\u0000${tb}` : `${tb}\u0000${ta}`;
  let score = scoreCache.get(key);
  if (score === undefined) {
    const pa = profileByText(scoreCache, ta);
    const pb = profileByText(scoreCache, tb);
    score = first ? profileSimilarity(pa, pb) : profileSimilarity(pb, pa);
    if (scoreCache.size >= SCORE_CACHE_LIMIT) scoreCache.clear();
    scoreCache.set(key, score);
  }
  return score;
}

function uncovered(covered: Uint8Array, t0: number, t1: number): number {
  let n = 0;
  for (let t = t0; t < t1; t++) n += 1 - (covered[t] as number);
  return n;
}

const sentenceInfo = new WeakMap<PreparedText, Map<number, Candidate[]>>();

/** The sentences of one line with their token ranges and content stems, computed once per text. */
function lineCandidates(p: PreparedText, line: Span): Candidate[] {
  let byLine = sentenceInfo.get(p);
  if (byLine === undefined) {
    byLine = new Map();
    sentenceInfo.set(p, byLine);
  }
  let out = byLine.get(line.start);
  if (out === undefined) {
    out = [];
    for (const span of sentencesOfLine(p, line)) {
      const t0 = tokenAt(p, span.start);
      const t1 = tokenAt(p, span.end);
      if (t1 === t0 || t1 - t0 > MAX_SENTENCE_WORDS) continue;
      const stems = new Set<string>();
      for (let t = t0; t < t1; t++) {
        const k = p.keys[t] as string;
        if (k.length >= 3 && !isFunctionWord(k)) stems.add(k.slice(0, STEM_CHARS));
      }
      out.push({ span, t0, t1, stems });
    }
    byLine.set(line.start, out);
  }
  return out;
}

function candidates(p: PreparedText, covered: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  const last = p.tokens[p.tokens.length - 1];
  if (last === undefined) return out;
  p.lines ??= linesOf(p.text, last.end);
  for (const line of p.lines) {
    // A line whose words are all aligned holds no candidate: skip splitting it.
    const l0 = tokenAt(p, line.start);
    const l1 = tokenAt(p, line.end);
    if (uncovered(covered, l0, l1) < MIN_SHARED_CONTENT) continue;
    for (const c of lineCandidates(p, line)) {
      const n = c.t1 - c.t0;
      if (n - uncovered(covered, c.t0, c.t1) < n * COVERED_SHARE) out.push(c);
    }
  }
  return out;
}

/**
 * Match sentences of two texts that carry the same fact in other words:
 * sentences not already inside aligned passages, sharing at least two
 * content words, scored by the shared sentence model and paired one to one,
 * best first, at or above PARAPHRASE_MIN_SAME_FACT.
 */
export function matchParaphrases(
  a: PreparedText,
  coveredA: Uint8Array,
  b: PreparedText,
  coveredB: Uint8Array,
  scoreCache: ScoreCache = new Map(),
): SentenceMatch[] {
  const sa = candidates(a, coveredA);
  const sb = candidates(b, coveredB);
  if (sa.length === 0 || sb.length === 0) return [];
  const byStem = new Map<string, number[]>();
  sb.forEach((c, j) => {
    for (const s of c.stems) {
      const list = byStem.get(s);
      if (list === undefined) byStem.set(s, [j]);
      else list.push(j);
    }
  });
  const scored: Array<{ i: number; j: number; score: number }> = [];
  let budget = MAX_PARAPHRASE_PAIRS;
  const shared = new Map<number, number>();
  for (let i = 0; i < sa.length && budget > 0; i++) {
    const ca = sa[i] as Candidate;
    shared.clear();
    for (const s of ca.stems) {
      for (const j of byStem.get(s) ?? []) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    const js: Array<{ j: number; dice: number }> = [];
    for (const [j, n] of shared) {
      const dice = (2 * n) / (ca.stems.size + (sb[j] as Candidate).stems.size);
      if (n >= MIN_SHARED_CONTENT && dice >= MIN_CONTENT_DICE) js.push({ j, dice });
    }
    js.sort((x, y) => y.dice - x.dice || x.j - y.j);
    for (const { j } of js.slice(0, MAX_CANDIDATES_PER_SENTENCE)) {
      if (budget-- <= 0) break;
      const cb = sb[j] as Candidate;
      const score = pairScore(a, ca, b, cb, scoreCache);
      if (score >= PARAPHRASE_MIN_SAME_FACT) scored.push({ i, j, score });
    }
  }
  scored.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const out: SentenceMatch[] = [];
  for (const s of scored) {
    if (usedA.has(s.i) || usedB.has(s.j)) continue;
    usedA.add(s.i);
    usedB.add(s.j);
    const ca = sa[s.i] as Candidate;
    const cb = sb[s.j] as Candidate;
    out.push({
      a: ca.span,
      b: cb.span,
      at0: ca.t0,
      at1: ca.t1,
      bt0: cb.t0,
      bt1: cb.t1,
      sameFact: s.score,
    });
  }
  return out;
}
