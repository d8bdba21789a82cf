import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DateMention } from '../model/index.ts';
import { timelineOf } from './timeline.ts';

const A = 'Drills are scheduled between Sept. 7 and 9. Russia said Thursday it had new orders.';
const B = 'Russia said on Thursday it had new orders. Drills follow on September 7 to 9.';

function at(text: string, words: string, value: string | null): DateMention {
  const start = text.indexOf(words);
  return { start, end: start + words.length, text: words, value };
}

test('timelineOf(items) merges dated sentences of one fact across articles and sorts by date', () => {
  const secondA = A.indexOf('Russia');
  const secondB = B.indexOf('Drills');
  const sentences = (text: string, second: number) => [
    { start: 0, end: second - 1 },
    { start: second, end: text.length },
  ];
  const facts = new Map([
    ['a:0', 'fact:drills'],
    [`b:${secondB}`, 'fact:drills'],
    [`a:${secondA}`, 'fact:orders'],
    ['b:0', 'fact:orders'],
  ]);
  const out = timelineOf(
    [
      {
        article: 'a',
        text: A,
        sentences: sentences(A, secondA),
        dates: [at(A, 'Sept. 7 and 9', '2021-09-07/2021-09-09'), at(A, 'Thursday', '2021-08-26')],
      },
      {
        article: 'b',
        text: B,
        sentences: sentences(B, secondB),
        dates: [
          at(B, 'Thursday', '2021-08-26'),
          at(B, 'September 7 to 9', '2021-09-07/2021-09-09'),
          at(B, 'on', null),
        ],
      },
    ],
    (article, start) => facts.get(`${article}:${start}`) ?? null,
  );
  assert.deepEqual(out, [
    {
      date: '2021-08-26',
      text: 'Russia said Thursday it had new orders.',
      fact: 'fact:orders',
      articles: ['a', 'b'],
    },
    {
      date: '2021-09-07/2021-09-09',
      text: 'Drills are scheduled between Sept. 7 and 9.',
      fact: 'fact:drills',
      articles: ['a', 'b'],
    },
  ]);
});
