import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createIntCounter, createIntSet } from './hash-set.ts';

test('createIntSet() holds uint32 values, zero included, and empties on clear', () => {
  const set = createIntSet(2);
  for (const x of [0, 1, 4294967295, 12345, 1 << 31]) set.add(x >>> 0);
  for (let i = 100; i < 300; i++) set.add(i);
  for (const x of [0, 1, 4294967295, 12345, (1 << 31) >>> 0, 299]) assert.ok(set.has(x), String(x));
  assert.equal(set.has(7), false);
  set.clear();
  assert.equal(set.has(12345), false);
  assert.equal(set.has(0), false);
});

test('createIntCounter() adds counts per key and lists its keys', () => {
  const c = createIntCounter(2);
  for (let i = 0; i < 1000; i++) c.add(i % 100, 0.5);
  assert.equal(c.get(42), 5);
  assert.equal(c.get(0), 5);
  assert.equal(c.get(1000), 0);
  assert.equal(c.size(), 100);
  assert.deepEqual(
    Array.from(c.keys()).sort((a, b) => a - b),
    Array.from({ length: 100 }, (_, i) => i),
  );
});
