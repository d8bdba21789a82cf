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

test('createPostings().compact() keeps every lookup the same, and adds after it still come first', () => {
  const p = createPostings(50, 4, false);
  const reference = createPostings(50, 4, false);
  let seed = 3;
  const key = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % 700;
  };
  for (let doc = 0; doc < 3000; doc++) {
    for (let k = 0; k < 5; k++) {
      const x = key();
      p.add(x, doc);
      reference.add(x, doc);
    }
  }
  const visit = (q: typeof p, x: number) => {
    const seen: number[] = [];
    q.forEach(x, (d) => seen.push(d));
    return seen;
  };
  p.compact();
  for (let x = 0; x < 700; x++) {
    assert.deepEqual(visit(p, x), visit(reference, x), `key ${x}`);
    assert.equal(p.count(x), reference.count(x));
  }
  assert.ok(p.count(5) < 50);
  p.add(5, 9999);
  assert.deepEqual(visit(p, 5), [9999, ...visit(reference, 5).slice(0, 3)]);
});

test('createPostings() compacts on its own as lists grow, with the same lookups', () => {
  const auto = createPostings(Number.MAX_SAFE_INTEGER, 3);
  const manual = createPostings(Number.MAX_SAFE_INTEGER, 3, false);
  for (let doc = 0; doc < 100000; doc++) {
    auto.add(doc % 997, doc);
    manual.add(doc % 997, doc);
  }
  for (const x of [0, 1, 500, 996]) {
    const a: number[] = [];
    const m: number[] = [];
    auto.forEach(x, (d) => a.push(d));
    manual.forEach(x, (d) => m.push(d));
    assert.deepEqual(a, m);
    assert.equal(a.length, 3);
  }
});
