import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPairMap } from './pair-map.ts';

test('createPairMap() keeps pairs in order of first insertion, as a Map does, while it grows', () => {
  const pairs = createPairMap(2);
  const reference = new Map<string, number>();
  let seed = 7;
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % 300;
  };
  for (let k = 0; k < 5000; k++) {
    const a = next();
    const b = next();
    pairs.set(a, b, k / 7);
    reference.set(`${a},${b}`, k / 7);
  }
  assert.equal(pairs.size(), reference.size);
  const entries = Array.from({ length: pairs.size() }, (_, e) => [
    `${pairs.first(e)},${pairs.second(e)}`,
    pairs.value(e),
  ]);
  assert.deepEqual(entries, [...reference]);
});

test('createPairMap().find tells (a, b) from (b, a) and an absent pair gives -1', () => {
  const pairs = createPairMap();
  pairs.set(1, 2, 0.5);
  assert.equal(pairs.find(1, 2), 0);
  assert.equal(pairs.find(2, 1), -1);
  pairs.set(2, 1, 0.25);
  assert.equal(pairs.value(pairs.find(2, 1)), 0.25);
  pairs.set(1, 2, 0.75);
  assert.equal(pairs.find(1, 2), 0);
  assert.equal(pairs.value(0), 0.75);
});
