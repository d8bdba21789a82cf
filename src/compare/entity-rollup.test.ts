import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Entity } from '../model/index.ts';
import { entityRollup } from './entity-rollup.ts';

function e(name: string, kind: Entity['kind'], text = name): Entity {
  return { name, kind, text, start: 0, end: text.length };
}

test('entityRollup(items) counts mentions and articles and merges spelling variants', () => {
  const out = entityRollup([
    {
      article: 'a',
      entities: [
        e('Collective Security Treaty Organization', 'organization'),
        e('Moscow', 'place'),
      ],
    },
    { article: 'b', entities: [e('Collective Security Treaty Organisation', 'organization')] },
    {
      article: 'c',
      entities: [
        e('Collective Security Treaty Organisation', 'organization'),
        e('Moscow', 'place'),
      ],
    },
  ]);
  assert.deepEqual(out, [
    {
      name: 'Collective Security Treaty Organisation',
      kind: 'organization',
      mentions: 3,
      articles: ['a', 'b', 'c'],
    },
    { name: 'Moscow', kind: 'place', mentions: 2, articles: ['a', 'c'] },
  ]);
});

test('entityRollup(items) merges a surname into the one full name it ends, but not into two', () => {
  const merged = entityRollup([
    { article: 'a', entities: [e('Dmitry Peskov', 'person')] },
    { article: 'b', entities: [e('Peskov', 'person')] },
  ]);
  assert.deepEqual(merged, [
    { name: 'Dmitry Peskov', kind: 'person', mentions: 2, articles: ['a', 'b'] },
  ]);
  const ambiguous = entityRollup([
    {
      article: 'a',
      entities: [e('George Bush', 'person'), e('Laura Bush', 'person'), e('Bush', 'person')],
    },
  ]);
  assert.equal(ambiguous.length, 3);
});

test('entityRollup(items) keeps a place and an organisation of the same name apart', () => {
  const out = entityRollup([
    { article: 'a', entities: [e('Moscow', 'place'), e('Moscow', 'organization')] },
  ]);
  assert.equal(out.length, 2);
});
