import assert from 'node:assert/strict';
import { test } from 'node:test';
import { briefQuotes } from './brief-quotes.ts';

test('briefQuotes(groups) keeps identical and trivially different variants, lists the others with their kind', () => {
  const quotes = briefQuotes([
    {
      id: 'quote:1',
      canonical: 'no crane will lift another box',
      speaker: 'Ilse Varga',
      variants: [
        {
          article: 'a',
          text: 'no crane will lift another box',
          speaker: 'Ilse Varga',
          kind: 'identical',
          start: 0,
          end: 1,
        },
        {
          article: 'b',
          text: 'No crane will lift another box',
          speaker: 'Ilse Varga',
          kind: 'trivial',
          start: 0,
          end: 1,
        },
        {
          article: 'c',
          text: 'no crane will lift a box',
          speaker: 'Ilse Varga',
          kind: 'altered',
          start: 0,
          end: 1,
        },
        {
          article: 'd',
          text: 'no crane will lift another box',
          speaker: 'Dora Mensah',
          kind: 'misattributed',
          start: 0,
          end: 1,
        },
      ],
    },
  ]);
  assert.deepEqual(quotes, [
    {
      quote: 'quote:1',
      text: 'no crane will lift another box',
      speaker: 'Ilse Varga',
      kept: ['a', 'b'],
      changed: [
        { article: 'c', kind: 'altered', text: 'no crane will lift a box', speaker: 'Ilse Varga' },
        {
          article: 'd',
          kind: 'misattributed',
          text: 'no crane will lift another box',
          speaker: 'Dora Mensah',
        },
      ],
    },
  ]);
});
