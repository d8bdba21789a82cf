import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPostings } from './postings.ts';

test('createPostings(store, visit) keeps the first store documents of a key, visits the newest few, counts them all', () => {
  const p = createPostings(3, 2);
  for (let doc = 0; doc < 5; doc++) p.add(7, doc);
  for (let doc = 0; doc < 2; doc++) p.add(4000000000, doc);
  for (let k = 0; k < 5000; k++) p.add(10 + k, k);
  const seen: number[] = [];
  p.forEach(4000000000, (d) => seen.push(d));
  assert.deepEqual(seen.sort(), [0, 1]);
  assert.equal(p.count(7), 5);
  const capped: number[] = [];
  p.forEach(7, (d) => capped.push(d));
  assert.deepEqual(capped, [2, 1]);
  assert.equal(p.count(99999), 0);
  const one: number[] = [];
  p.forEach(10 + 4321, (d) => one.push(d));
  assert.deepEqual(one, [4321]);
});
