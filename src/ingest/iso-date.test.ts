import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toIsoDate } from './iso-date.ts';

test('toIsoDate(rfc822) keeps the UTC offset RSS gives', () => {
  assert.equal(toIsoDate('Tue, 24 Aug 2021 10:15:00 +0300'), '2021-08-24T10:15:00+03:00');
  assert.equal(toIsoDate('24 Aug 2021 10:15 GMT'), '2021-08-24T10:15:00Z');
  assert.equal(toIsoDate('Mon, 23 Aug 21 22:01:09 EDT'), '2021-08-23T22:01:09-04:00');
});

test('toIsoDate(iso) normalises the separator and offset but guesses no zone', () => {
  assert.equal(toIsoDate('2021-08-24T10:15:00Z'), '2021-08-24T10:15:00Z');
  assert.equal(toIsoDate('2021-08-24T10:15:00+0530'), '2021-08-24T10:15:00+05:30');
  assert.equal(toIsoDate('2021-08-24 10:15:00'), '2021-08-24T10:15:00');
  assert.equal(toIsoDate('2021-08-24'), '2021-08-24');
});

test('toIsoDate(value) returns undefined for text and impossible dates', () => {
  assert.equal(toIsoDate('last Tuesday'), undefined);
  assert.equal(toIsoDate('2021-02-30'), undefined);
  assert.equal(toIsoDate('31 Feb 2021 10:00:00 GMT'), undefined);
  assert.equal(toIsoDate(''), undefined);
});
