import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSentencePairs } from './parse-sentence-pairs.ts';

test('parseSentencePairs(text) skips the header and reads label, ids and sentences', () => {
  const { pairs, problems } = parseSentencePairs(
    '\uFEFFQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\r\n1\t10\t11\tA b.\tB a.\r\n\r\n0\t12\t13\tC.\tD.\n',
    'pairs.tsv',
  );
  assert.deepEqual(problems, []);
  assert.deepEqual(
    pairs.map((p) => [p.label, p.idA, p.idB, p.a, p.b, p.line]),
    [
      [1, '10', '11', 'A b.', 'B a.', 2],
      [0, '12', '13', 'C.', 'D.', 4],
    ],
  );
});

test('parseSentencePairs(text) reads a file without a header and an empty label as unlabelled', () => {
  const { pairs } = parseSentencePairs('1\t1\t2\tA.\tB.\n\t3\t4\tC.\tD.\n', '-');
  assert.deepEqual(
    pairs.map((p) => p.label),
    [1, null],
  );
});

test('parseSentencePairs(text) turns bad lines into located problems and keeps the rest', () => {
  const { pairs, problems } = parseSentencePairs(
    'Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\nx\t1\t2\tA.\tB.\n1\t1\t2\tA.\n1\t1\t2\t\tB.\n1\t5\t6\tE.\tF.\n',
    'p.tsv',
  );
  assert.equal(pairs.length, 1);
  assert.deepEqual(
    problems.map((p) => [p.code, p.line, p.source, p.severity]),
    [
      ['compare/bad-pair', 2, 'p.tsv', 'error'],
      ['compare/bad-pair', 3, 'p.tsv', 'error'],
      ['compare/bad-pair', 4, 'p.tsv', 'error'],
    ],
  );
});
