import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TRAINED_FEATURES, TRAINED_TREES } from './data/sentence-model.ts';
import {
  applySentenceModel,
  isSameFact,
  profileFeatures,
  SAME_FACT_THRESHOLD,
  SENTENCE_FEATURE_NAMES,
  type SentenceModel,
  sentenceFeatures,
  sentenceProfile,
  sentenceSimilarity,
} from './sentence-similarity.ts';

const feature = (f: readonly number[], name: (typeof SENTENCE_FEATURE_NAMES)[number]) =>
  f[SENTENCE_FEATURE_NAMES.indexOf(name)] as number;

const ORDERS =
  'Russia said Thursday it has received new orders for arms and helicopters from Central Asian republics bordering Afghanistan.';

test('sentenceSimilarity(a, a) is near 1 and isSameFact says yes', () => {
  assert.ok(sentenceSimilarity(ORDERS, ORDERS) > 0.9);
  assert.equal(isSameFact(ORDERS, ORDERS), true);
});

test('sentenceSimilarity(a, b) is symmetric', () => {
  const b = 'Russia has received new orders for arms from Central Asian republics, it said.';
  assert.ok(Math.abs(sentenceSimilarity(ORDERS, b) - sentenceSimilarity(b, ORDERS)) < 1e-9);
});

test('isSameFact(a, b) accepts an edited wire copy and a paraphrase of the same fact', () => {
  assert.equal(
    isSameFact(
      'The orders come as countries in the ex-Soviet region, where Moscow holds military bases, have raised concerns over the militant group sweeping to power.',
      'The orders come as countries in the ex-Soviet region, where Moscow holds military bases, have raised concerns over the terrorist group sweeping to power.',
    ),
    true,
  );
  assert.equal(
    isSameFact(
      'Amrozi accused his brother, whom he called "the witness", of deliberately distorting his evidence.',
      'Referring to him as only "the witness", Amrozi accused his brother of deliberately distorting his evidence.',
    ),
    true,
  );
});

test('isSameFact(a, b) rejects two sentences of one story that state different facts', () => {
  const drills =
    'Uzbekistan and Tajikistan earlier this month held joint military exercises with Russia close to their borders with Afghanistan.';
  const peskov =
    'Moscow is interested in peace and stability in Afghanistan and will likely continue contacts with Washington on issues arising there, Dmitry Peskov told a briefing.';
  assert.equal(isSameFact(drills, peskov), false);
  assert.ok(sentenceSimilarity(drills, peskov) < 0.2);
});

test('sentenceSimilarity(a, b) drops when only a number differs', () => {
  // MSRP annotators call many pairs that differ in a figure equivalent
  // ("23" vs "26 troops killed"), so the learned drop is small but real.
  const a = 'Drills are scheduled in Kyrgyzstan between Sept. 7 and 9, the alliance said.';
  const b = 'Drills are scheduled in Kyrgyzstan between Sept. 17 and 19, the alliance said.';
  const c = 'Drills are scheduled in Kyrgyzstan between September 7 and 9, the alliance said.';
  assert.equal(feature(sentenceFeatures(a, b), 'numberMismatch'), 1);
  assert.equal(sentenceFeatures(a, c)[SENTENCE_FEATURE_NAMES.indexOf('numberMismatch')], 0);
  assert.equal(sentenceFeatures(a, c)[SENTENCE_FEATURE_NAMES.indexOf('numberAgree')], 1);
  assert.ok(sentenceSimilarity(a, b) < sentenceSimilarity(a, c));
});

test('sentenceFeatures(a, b) reads number words and thousands separators as numbers', () => {
  const f = sentenceFeatures(
    'More than 2,400 U.S. troops died in two decades.',
    'More than 2400 U.S. troops died in 2 decades.',
  );
  assert.equal(f[SENTENCE_FEATURE_NAMES.indexOf('numberMismatch')], 0);
  assert.equal(f[SENTENCE_FEATURE_NAMES.indexOf('numberAgree')], 1);
});

test('sentenceSimilarity(a, b) drops when a name differs', () => {
  const a = 'Uzbekistan held joint military exercises with Russia close to its border.';
  const b = 'Turkmenistan held joint military exercises with Russia close to its border.';
  assert.ok((sentenceFeatures(a, b)[SENTENCE_FEATURE_NAMES.indexOf('nameMiss')] ?? 0) > 0);
  assert.ok(sentenceSimilarity(a, b) < sentenceSimilarity(a, a));
});

test('sentenceFeatures(a, b) flags a negation that only one side has', () => {
  const f = sentenceFeatures(
    'The Taliban said it poses a threat to Central Asian countries.',
    'The Taliban said it does not pose a threat to Central Asian countries.',
  );
  assert.equal(f[SENTENCE_FEATURE_NAMES.indexOf('negationMismatch')], 1);
  assert.equal(f.length, SENTENCE_FEATURE_NAMES.length);
});

test('sentenceFeatures(a, b) counts a WordNet synonym as matched where the stems differ', () => {
  const f = sentenceFeatures(
    'The company bought three factories in Ohio last year.',
    'The company purchased three factories in Ohio last year.',
  );
  assert.ok(feature(f, 'stemMinPR') < 1);
  assert.equal(feature(f, 'synonymMinPR'), 1);
  assert.ok(feature(f, 'unmatchedVerbs') > 0);
  assert.equal(feature(f, 'synonymUnmatchedVerbs'), 0);
});

test('sentenceFeatures(a, b) matches irregular forms with their lemma ("were" / "are")', () => {
  const f = sentenceFeatures('Prices were higher in the north.', 'Prices are higher in the north.');
  assert.equal(feature(f, 'stemMinPR'), 1);
  assert.equal(feature(f, 'unmatchedVerbs'), 0);
});

test('sentenceFeatures(a, b) measures an added clause as one unaligned stretch', () => {
  const a =
    'Legislation making it harder for consumers to erase their debts won House approval in March.';
  const b =
    'Legislation making it harder for consumers to erase their debts won House approval in March and was endorsed by the White House.';
  const f = sentenceFeatures(a, b);
  assert.equal(feature(f, 'gaps'), 1);
  assert.equal(feature(f, 'gapMin'), 0);
  assert.ok(feature(f, 'gapMax') >= Math.log1p(5));
  assert.equal(feature(sentenceFeatures(a, a), 'gapMax'), 0);
});

test("applySentenceModel(features, model) averages the logistic and the trees' probabilities", () => {
  const n = SENTENCE_FEATURE_NAMES.length;
  const model: SentenceModel = {
    bias: 0,
    weights: new Array<number>(n).fill(0),
    threshold: 0.5,
    trees: { base: 0, depth: 1, features: [0], thresholds: [0.5], leaves: [-2, 2] },
  };
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
  const high = new Array<number>(n).fill(1);
  const low = new Array<number>(n).fill(0);
  assert.ok(Math.abs(applySentenceModel(high, model) - (0.5 + sigmoid(2)) / 2) < 1e-12);
  assert.ok(Math.abs(applySentenceModel(low, model) - (0.5 + sigmoid(-2)) / 2) < 1e-12);
  const { trees: _, ...logistic } = model;
  assert.equal(applySentenceModel(high, logistic), 0.5);
});

test('the shipped model was trained on the current feature list and its trees are complete', () => {
  assert.deepEqual(TRAINED_FEATURES, SENTENCE_FEATURE_NAMES);
  const splits = 2 ** TRAINED_TREES.depth - 1;
  const trees = TRAINED_TREES.leaves.length / 2 ** TRAINED_TREES.depth;
  assert.ok(Number.isInteger(trees) && trees > 0);
  assert.equal(TRAINED_TREES.features.length, trees * splits);
  assert.equal(TRAINED_TREES.thresholds.length, trees * splits);
  for (const f of TRAINED_TREES.features) assert.ok(f >= 0 && f < SENTENCE_FEATURE_NAMES.length);
});

test('SAME_FACT_THRESHOLD is a probability', () => {
  assert.ok(SAME_FACT_THRESHOLD > 0 && SAME_FACT_THRESHOLD < 1);
});

test('sentenceSimilarity(a, b) throws a TypeError on a non-string', () => {
  assert.throws(() => sentenceSimilarity(ORDERS, 3 as unknown as string), TypeError);
});

test('sentenceFeatures(a, b) counts repeated words as a multiset, each occurrence matched once', () => {
  // "the cat cat sat" against "the the cat sat": 3 of 4 words shared as a multiset (the, cat, sat).
  const f = sentenceFeatures('The cat cat sat.', 'The the cat sat.');
  assert.equal(feature(f, 'wordF'), 0.75);
  assert.equal(feature(f, 'wordMinPR'), 0.75);
  // As sets both sides hold {the, cat, sat}.
  assert.equal(feature(f, 'wordJaccard'), 1);
  const g = sentenceFeatures('Ships ships ships arrived.', 'Ships arrived.');
  // Content stems: ship x3 + arriv against ship + arriv: overlap 2, precision 2/4, recall 2/2.
  assert.equal(feature(g, 'stemMinPR'), 0.5);
});

test('profileFeatures(a, b) gives the same features for a pair whatever was scored before', () => {
  const a = sentenceProfile(ORDERS);
  const b = sentenceProfile(
    'Russia has received new orders for arms from Central Asian republics, it said.',
  );
  const first = profileFeatures(a, b);
  for (let i = 0; i < 50; i++) {
    profileFeatures(sentenceProfile(`Unrelated sentence number ${i} about harbour cranes.`), b);
  }
  assert.deepEqual(profileFeatures(a, b), first);
});

test('sentenceProfile(text) reads number words as numbers and no other word ("constructor" is not a number)', () => {
  assert.deepEqual(sentenceProfile('Twelve workers and the constructor left.').numbers, ['12']);
});
