import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  EXTRACTION_DIR,
  hasExtractionData,
  readGroundTruth,
  readPeerOutputs,
} from '../bench/lib/extraction-pages.ts';
import {
  aggregateScores,
  parseBodyMap,
  scoreExtraction,
  scorePage,
  scoreTokens,
  shingleCounts,
} from '../bench/lib/extraction-score.ts';

test('scoreTokens(text) splits like Python re \\w+: letters, numbers and "_", not marks or punctuation', () => {
  assert.deepEqual(scoreTokens("Taliban's ex-Soviet ½ x² snake_case"), [
    'Taliban',
    's',
    'ex',
    'Soviet',
    '½',
    'x²',
    'snake_case',
  ]);
  // A combining mark splits a word in Python's \w, as in the published figures.
  assert.deepEqual(scoreTokens('नमस्ते'), ['नमस', 'त']);
});

test('shingleCounts(text) counts overlapping 4-token shingles, one short shingle for a short text', () => {
  assert.equal(
    [...shingleCounts('a b c d a b c d').values()].reduce((x, y) => x + y, 0),
    5,
  );
  assert.equal(shingleCounts('a b c d a b c d').get(['a', 'b', 'c', 'd'].join('\u0001')), 2);
  assert.deepEqual([...shingleCounts('two words').keys()], [`two\u0001words`]);
  assert.equal(shingleCounts('').size, 0);
});

test('scorePage(expected, predicted) normalises TP, FP and FN of one page to sum 1', () => {
  const s = scorePage('one two three four five', 'one two three four six');
  // expected shingles: [1234, 2345]; predicted: [1234, 2346]
  assert.deepEqual(s, { tp: 1 / 3, fp: 1 / 3, fn: 1 / 3 });
  assert.deepEqual(scorePage('', ''), { tp: 0, fp: 0, fn: 0 });
});

test('aggregateScores(pages) averages precision and recall over the pages where each is defined', () => {
  const s = aggregateScores([
    { tp: 1, fp: 0, fn: 0 },
    { tp: 0, fp: 0, fn: 1 }, // nothing predicted: no precision, recall 0
    { tp: 0.5, fp: 0.5, fn: 0 },
  ]);
  assert.equal(s.precision, (1 + 0.5) / 2);
  assert.equal(s.recall, (1 + 0 + 1) / 3);
  assert.equal(s.f1, (2 * s.precision * s.recall) / (s.precision + s.recall));
});

test('parseBodyMap(json) reads both the plain and the {version, output} wrapped peer files', () => {
  const plain = parseBodyMap({ a: { articleBody: 'x' } });
  const wrapped = parseBodyMap({ version: '1', output: { a: { articleBody: 'x' } } });
  assert.deepEqual([...plain], [['a', 'x']]);
  assert.deepEqual([...wrapped], [['a', 'x']]);
});

const PUBLISHED: ReadonlyArray<readonly [string, number | null, number | null, number]> = [
  ['trafilatura', 0.938, 0.978, 0.958],
  ['readability_js', null, null, 0.947],
  ['boilerpipe', null, null, 0.86],
];

for (const [name, p, r, f1] of PUBLISHED) {
  test(`scoreExtraction reproduces the published figures of ${name} (F1 ${f1.toFixed(3)})`, (t) => {
    if (!hasExtractionData()) {
      t.skip(`../shared/eval missing: no benchmark at ${EXTRACTION_DIR}`);
      return;
    }
    const output = readPeerOutputs().get(name);
    assert.ok(output, `peer-output/${name}.json is missing`);
    const s = scoreExtraction(readGroundTruth(), output);
    if (p !== null) assert.equal(s.precision.toFixed(3), p.toFixed(3));
    if (r !== null) assert.equal(s.recall.toFixed(3), r.toFixed(3));
    assert.equal(s.f1.toFixed(3), f1.toFixed(3));
  });
}
