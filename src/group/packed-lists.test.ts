import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPackedLists } from './packed-lists.ts';

test('createPackedLists() gives back each list as pushed, across chunks and past the chunk size', () => {
  const lists = createPackedLists((n) => new Uint32Array(n), 8);
  const pushed: number[][] = [
    [1, 2, 3],
    [],
    [4, 5, 6, 7, 8],
    Array.from({ length: 20 }, (_, i) => 100 + i),
    [4294967295, 0],
    [],
  ];
  for (const [i, list] of pushed.entries()) assert.equal(lists.push(list), i);
  assert.equal(lists.size(), pushed.length);
  for (const [i, list] of pushed.entries()) {
    assert.deepEqual(Array.from(lists.get(i)), list, `list ${i}`);
    assert.equal(lists.lengthOf(i), list.length);
  }
});

test('createPackedLists() stores values in its element type and copies them', () => {
  const lists = createPackedLists((n) => new Float32Array(n));
  const source = new Float64Array([0.1, 1 / 3]);
  const i = lists.push(source);
  source[0] = 9;
  assert.deepEqual(Array.from(lists.get(i)), [Math.fround(0.1), Math.fround(1 / 3)]);
  assert.ok(lists.get(i) instanceof Float32Array);
});

test('createPackedLists() rejects a list number it does not have and a bad chunk size', () => {
  const lists = createPackedLists((n) => new Int32Array(n));
  lists.push([1]);
  assert.throws(() => lists.get(1), RangeError);
  assert.throws(() => lists.get(-1), RangeError);
  assert.throws(() => createPackedLists((n) => new Int32Array(n), 0), RangeError);
});
