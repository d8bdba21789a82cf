import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bandKeys } from './band-keys.ts';

test('bandKeys(signature) gives one key per band, shared by signatures that agree on that band', () => {
  const a = [1, 2, 3, 4, 5, 6, 7, 8, 9];
  const b = [1, 2, 3, 4, 50, 6, 7, 8];
  const ka = bandKeys(a, 4);
  const kb = bandKeys(b, 4);
  // Two whole bands of four; the ninth value is left over.
  assert.equal(ka.length, 2);
  assert.equal(ka[0], kb[0]);
  assert.notEqual(ka[1], kb[1]);
  // A band's position is part of its key: equal values in another band do not collide.
  assert.notEqual(
    bandKeys([5, 6, 7, 8, 5, 6, 7, 8], 4)[0],
    bandKeys([5, 6, 7, 8, 5, 6, 7, 8], 4)[1],
  );
  assert.deepEqual(bandKeys(a, 4), ka);
});

test('bandKeys(signature, rows) rejects a row count that is not a positive integer', () => {
  assert.throws(() => bandKeys([1, 2, 3], 0), RangeError);
  assert.throws(() => bandKeys([1, 2, 3], 1.5), RangeError);
});
