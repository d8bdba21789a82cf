import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mix32 } from '../text/word-hash.ts';
import { createCountSketch } from './count-sketch.ts';

test('createCountSketch() never counts under the truth and rarely over it', () => {
  const sketch = createCountSketch(16);
  const truth = new Map<number, number>();
  for (let i = 0; i < 20000; i++) {
    const key = mix32(i % 5000);
    sketch.add(key);
    truth.set(key, (truth.get(key) ?? 0) + 1);
  }
  let over = 0;
  for (const [key, count] of truth) {
    assert.ok(sketch.get(key) >= count);
    if (sketch.get(key) > count) over++;
  }
  assert.ok(over < 250, `${over} of 5000 over-counted`);
  assert.equal(sketch.get(mix32(999999)) < 3, true);
});
