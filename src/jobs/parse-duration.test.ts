import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDuration } from './parse-duration.ts';

test('parseDuration(text) reads plain seconds and s, m, h, d units', () => {
  assert.equal(parseDuration('90'), 90);
  assert.equal(parseDuration('0.5'), 0.5);
  assert.equal(parseDuration('30s'), 30);
  assert.equal(parseDuration('5m'), 300);
  assert.equal(parseDuration(' 2H '), 7200);
  assert.equal(parseDuration('1d'), 86_400);
});

test('parseDuration(text) rejects zero, negative and malformed durations', () => {
  for (const text of ['0', '0m', '-5', '5 minutes', 'm', '', '1e3', '5mm']) {
    assert.equal(parseDuration(text), undefined, text);
  }
});
