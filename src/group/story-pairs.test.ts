import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createStoryPairs } from './story-pairs.ts';

test('createStoryPairs() gives each story its pairs in the order they were added', () => {
  const pairs = createStoryPairs(3);
  const added: [number, number, number, number][] = [];
  for (let k = 0; k < 3000; k++) added.push([(k * 7) % 3 === 1 ? 2 : 0, k, k + 1, k / 3]);
  for (const [s, i, j, pre] of added) pairs.add(s, i, j, pre);
  pairs.finish();
  for (const s of [0, 1, 2]) {
    const expected = added.filter((p) => p[0] === s).map(([, i, j, pre]) => [i, j, pre]);
    assert.deepEqual([...pairs.of(s)], expected, `story ${s}`);
  }
  assert.deepEqual([...pairs.of(1)], []);
});
