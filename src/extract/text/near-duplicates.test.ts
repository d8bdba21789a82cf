import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DUPLICATE_HEAD_UNITS, laterCopies, wordDice } from './near-duplicates.ts';

const STANDFIRST =
  'Russia remains cautiously optimistic about the new leadership in Kabul, while it has warned of militants entering neighbouring countries as refugees.';
const BODY =
  'While Russia remains cautiously optimistic about the new leadership in Kabul, it has warned of militants entering neighbouring countries as refugees.';

test('wordDice(a, b) is 1 for the same words reordered and low for different sentences', () => {
  assert.equal(wordDice(STANDFIRST, BODY), 1);
  assert.ok(
    wordDice(
      BODY,
      'Uzbekistan and Tajikistan earlier this month held joint military exercises with Russia.',
    ) < 0.3,
  );
  assert.equal(wordDice('', ''), 0);
});

test('laterCopies(texts, eligible) lists the later copies of seed 001 standfirst, skipping short or ineligible texts', () => {
  const texts = [
    STANDFIRST,
    'Reuters',
    STANDFIRST,
    'Share',
    'Share',
    BODY,
    'Something else entirely happened in the city today.',
  ];
  const all = texts.map(() => true);
  assert.deepEqual(
    [...laterCopies(texts, all)],
    [
      [0, [2, 5]],
      [2, [5]],
    ],
  );
  assert.deepEqual(
    [...laterCopies(texts, [true, true, false, true, true, true, true])],
    [[0, [5]]],
  );
});

test('laterCopies(texts) looks for copies of the first DUPLICATE_HEAD_UNITS texts only', () => {
  const distinct = Array.from({ length: DUPLICATE_HEAD_UNITS }, (_, i) =>
    ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'].map((w) => `${w}${i}`).join(' '),
  );
  const texts = [...distinct, STANDFIRST, BODY];
  assert.deepEqual(
    [
      ...laterCopies(
        texts,
        texts.map(() => true),
      ),
    ],
    [],
  );
  assert.deepEqual(
    [
      ...laterCopies(
        [STANDFIRST, ...distinct, BODY],
        texts.map(() => true),
      ),
    ],
    [[0, [DUPLICATE_HEAD_UNITS + 1]]],
  );
});
