/**
 * Sentence similarity on the MSRP training split (../shared/eval/msrp):
 * accuracy and F1 of the positive class under 10-fold cross-validation
 * (weights and thresholds chosen on the nine training folds, scored on the
 * held-out fold only), beside a majority-class and a tuned word-Jaccard
 * baseline. Also trains on all pairs and prints the constants to ship in
 * src/text/sentence-similarity.ts, and the figure the shipped constants give.
 *
 * Run: npm run eval:sentences
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSentencePairs } from '../src/compare/parse-sentence-pairs.ts';
import {
  applySentenceModel,
  numberConflict,
  profileFeatures,
  SENTENCE_FEATURE_NAMES,
  SENTENCE_MODEL,
  type SentenceModel,
  sentenceProfile,
} from '../src/text/sentence-similarity.ts';

const FOLDS = 10;
// L2 penalty on the standardised weights; 1 was the best of 0.1, 1, 10 under this CV.
const L2 = 1;

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir)
      throw new Error('Cannot find the repository root (no package.json above bench/)');
    dir = up;
  }
  return dir;
}

/** Seeded PRNG (mulberry32) so the fold split is the same on every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Scores {
  accuracy: number;
  f1: number;
}

function score(pred: readonly boolean[], gold: readonly number[]): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let correct = 0;
  for (let i = 0; i < pred.length; i++) {
    const p = pred[i] as boolean;
    const g = gold[i] === 1;
    if (p === g) correct++;
    if (p && g) tp++;
    else if (p && !g) fp++;
    else if (!p && g) fn++;
  }
  const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  return { accuracy: correct / pred.length, f1 };
}

/** The threshold on `values` that maximises accuracy on the given items (midpoint between scores). */
function bestThreshold(values: readonly number[], gold: readonly number[]): number {
  const order = values.map((v, i) => [v, gold[i] as number] as const).sort((x, y) => x[0] - y[0]);
  // Predict 1 for v >= t. Start with t below everything: all predicted 1.
  let correct = order.filter((o) => o[1] === 1).length;
  let best = correct;
  let bestT = (order[0]?.[0] ?? 0) - 1e-9;
  for (let i = 0; i < order.length; i++) {
    const [v, g] = order[i] as readonly [number, number];
    correct += g === 1 ? -1 : 1; // item i now predicted 0
    const next = order[i + 1]?.[0];
    if (next !== undefined && next === v) continue;
    if (correct > best) {
      best = correct;
      bestT = next === undefined ? v + 1e-9 : (v + next) / 2;
    }
  }
  return bestT;
}

/** Solve A x = b by Gaussian elimination with partial pivoting (A is small and dense). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) {
      if (Math.abs((m[r] as number[])[c] as number) > Math.abs((m[p] as number[])[c] as number))
        p = r;
    }
    [m[c], m[p]] = [m[p] as number[], m[c] as number[]];
    const pr = m[c] as number[];
    const pv = pr[c] as number;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const row = m[r] as number[];
      const f = (row[c] as number) / pv;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) row[k] = (row[k] as number) - f * (pr[k] as number);
    }
  }
  return m.map((row, i) => (row[n] as number) / (row[i] as number));
}

/**
 * Fit a logistic regression by Newton's method (IRLS) with an L2 penalty
 * on the standardised weights (not the bias), then fold the scaling back so
 * the returned weights apply to raw features.
 */
function fitLogistic(xs: readonly number[][], ys: readonly number[], l2: number): SentenceModel {
  const d = (xs[0] as number[]).length;
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  for (const x of xs) for (let j = 0; j < d; j++) mean[j] = (mean[j] as number) + (x[j] as number);
  for (let j = 0; j < d; j++) mean[j] = (mean[j] as number) / xs.length;
  for (const x of xs) {
    for (let j = 0; j < d; j++)
      sd[j] = (sd[j] as number) + ((x[j] as number) - (mean[j] as number)) ** 2;
  }
  for (let j = 0; j < d; j++) sd[j] = Math.sqrt((sd[j] as number) / xs.length) || 1;
  const zs = xs.map((x) => [1, ...x.map((v, j) => (v - (mean[j] as number)) / (sd[j] as number))]);
  const w = new Array<number>(d + 1).fill(0);
  for (let iter = 0; iter < 50; iter++) {
    const h = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    const g = new Array<number>(d + 1).fill(0);
    for (let i = 0; i < zs.length; i++) {
      const z = zs[i] as number[];
      let s = 0;
      for (let j = 0; j <= d; j++) s += (w[j] as number) * (z[j] as number);
      const p = 1 / (1 + Math.exp(-s));
      const r = (ys[i] as number) - p;
      const q = p * (1 - p);
      for (let j = 0; j <= d; j++) {
        g[j] = (g[j] as number) + r * (z[j] as number);
        const hj = h[j] as number[];
        for (let k = 0; k <= d; k++)
          hj[k] = (hj[k] as number) + q * (z[j] as number) * (z[k] as number);
      }
    }
    for (let j = 1; j <= d; j++) {
      g[j] = (g[j] as number) - l2 * (w[j] as number);
      const hj = h[j] as number[];
      hj[j] = (hj[j] as number) + l2;
    }
    const step = solve(h, g);
    let change = 0;
    for (let j = 0; j <= d; j++) {
      w[j] = (w[j] as number) + (step[j] as number);
      change = Math.max(change, Math.abs(step[j] as number));
    }
    if (change < 1e-9) break;
  }
  const weights = new Array<number>(d);
  let bias = w[0] as number;
  for (let j = 0; j < d; j++) {
    weights[j] = (w[j + 1] as number) / (sd[j] as number);
    bias -= (weights[j] as number) * (mean[j] as number);
  }
  return { bias, weights, threshold: 0.5 };
}

function fmt(s: Scores): string {
  return `accuracy ${s.accuracy.toFixed(3)}  F1 ${s.f1.toFixed(3)}`;
}

function main(): void {
  const file = resolve(repoRoot(), '..', 'shared', 'eval', 'msrp', 'msr_paraphrase_train.txt');
  if (!existsSync(file)) {
    console.log(`../shared/eval/msrp missing (looked for ${file}): nothing to evaluate.`);
    return;
  }
  const { pairs, problems } = parseSentencePairs(readFileSync(file, 'utf8'), file);
  for (const p of problems) console.error(`${p.source}:${p.line}: ${p.message}`);
  const labelled = pairs.filter((p) => p.label !== null);
  const gold = labelled.map((p) => p.label as number);
  const t0 = performance.now();
  const profiles = labelled.map((p) => [sentenceProfile(p.a), sentenceProfile(p.b)] as const);
  const feats = profiles.map(([a, b]) => profileFeatures(a, b));
  const conflict = profiles.map(([a, b]) => numberConflict(a, b));
  const ms = performance.now() - t0;
  const jaccardIndex = SENTENCE_FEATURE_NAMES.indexOf('wordJaccard');
  const jaccard = feats.map((f) => f[jaccardIndex] as number);
  console.log(
    `MSRP training split: ${labelled.length} pairs, ${gold.filter((g) => g === 1).length} positive; features in ${(ms / labelled.length).toFixed(3)} ms/pair`,
  );

  const rand = prng(20210826);
  const fold = labelled.map(() => Math.floor(rand() * FOLDS));
  const predMajority: boolean[] = new Array(labelled.length);
  const predJaccard: boolean[] = new Array(labelled.length);
  const predModel: boolean[] = new Array(labelled.length);
  const predFact: boolean[] = new Array(labelled.length);
  const predShipped: boolean[] = new Array(labelled.length);
  const predShippedFact: boolean[] = new Array(labelled.length);
  const thresholds: number[] = [];
  const shippedFits = SENTENCE_MODEL.weights.length === SENTENCE_FEATURE_NAMES.length;
  for (let k = 0; k < FOLDS; k++) {
    const train = labelled.map((_, i) => i).filter((i) => fold[i] !== k);
    const test = labelled.map((_, i) => i).filter((i) => fold[i] === k);
    const trainGold = train.map((i) => gold[i] as number);
    const majority = trainGold.filter((g) => g === 1).length * 2 >= train.length;
    const tJ = bestThreshold(
      train.map((i) => jaccard[i] as number),
      trainGold,
    );
    const model = fitLogistic(
      train.map((i) => feats[i] as number[]),
      trainGold,
      L2,
    );
    const trainScores = train.map((i) => applySentenceModel(feats[i] as number[], model));
    const tM = bestThreshold(trainScores, trainGold);
    thresholds.push(tM);
    for (const i of test) {
      predMajority[i] = majority;
      predJaccard[i] = (jaccard[i] as number) >= tJ;
      predModel[i] = applySentenceModel(feats[i] as number[], model) >= tM;
      predFact[i] = predModel[i] && !conflict[i];
      predShipped[i] =
        shippedFits &&
        applySentenceModel(feats[i] as number[], SENTENCE_MODEL) >= SENTENCE_MODEL.threshold;
      predShippedFact[i] = predShipped[i] && !conflict[i];
    }
  }
  console.log(`\n${FOLDS}-fold cross-validation, held-out folds only:`);
  console.log(`  majority class             ${fmt(score(predMajority, gold))}`);
  console.log(`  word Jaccard, tuned        ${fmt(score(predJaccard, gold))}`);
  console.log(`  parallax logistic model    ${fmt(score(predModel, gold))}`);
  console.log(
    `    + number rule (isSameFact) ${fmt(score(predFact, gold))}  (no figure in common -> 0)`,
  );
  console.log(`    thresholds chosen per fold: ${thresholds.map((t) => t.toFixed(3)).join(' ')}`);
  console.log(
    shippedFits
      ? `  shipped constants          ${fmt(score(predShipped, gold))}  (trained on all folds: in-sample, for checking the constants only)` +
          `\n    + number rule (isSameFact) ${fmt(score(predShippedFact, gold))}`
      : `  shipped constants          out of date: ${SENTENCE_MODEL.weights.length} weights for ${SENTENCE_FEATURE_NAMES.length} features`,
  );

  const full = fitLogistic(feats, gold, L2);
  const fullThreshold = bestThreshold(
    feats.map((f) => applySentenceModel(f, full)),
    gold,
  );
  const median = [...thresholds].sort((x, y) => x - y)[Math.floor(thresholds.length / 2)] as number;
  console.log('\nConstants trained on all pairs (paste into src/text/sentence-similarity.ts):');
  console.log(`const SHIPPED_BIAS = ${full.bias.toFixed(4)};`);
  console.log('const SHIPPED_WEIGHTS: readonly number[] = [');
  SENTENCE_FEATURE_NAMES.forEach((name, j) => {
    console.log(`  ${(full.weights[j] as number).toFixed(4)}, // ${name}`);
  });
  console.log('];');
  console.log(
    `threshold: median of the per-fold thresholds ${median.toFixed(3)} (on all pairs: ${fullThreshold.toFixed(3)})`,
  );
}

main();
