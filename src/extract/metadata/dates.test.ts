import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDate, normalizeDate } from './dates.ts';

test('findDate(text) reads the seed date lines without inventing a zone', () => {
  assert.equal(findDate('Monday, Aug 23, 2021 - 02:03 PM')?.value, '2021-08-23T14:03');
  assert.equal(findDate('Friday, 27 August, 2021, 10:35 AM')?.value, '2021-08-27T10:35');
  assert.equal(findDate('Monday, Aug 23, 2021 - 02:03 PM')?.hasZone, false);
});

test('findDate(text, midnightIsDateOnly) reads a 12:00 AM placeholder as a bare date', () => {
  const line = 'Published : Friday, 27 August, 2021 at 12:00 AM  Count : 169';
  assert.equal(findDate(line, { midnightIsDateOnly: true })?.value, '2021-08-27');
  assert.equal(findDate(line)?.value, '2021-08-27T00:00');
});

test('findDate(text) keeps explicit offsets and fixed-offset zone names, not ambiguous ones', () => {
  assert.equal(findDate('Aug 23, 2021 2:03 p.m. EDT')?.value, '2021-08-23T14:03-04:00');
  assert.equal(findDate('Aug 23, 2021 10:03 GMT')?.value, '2021-08-23T10:03Z');
  assert.equal(findDate('Aug 23, 2021 10:03 ET')?.value, '2021-08-23T10:03');
});

test('findDate(text) refuses impossible and numeric-order dates', () => {
  assert.equal(findDate('30 February 2021'), null);
  assert.equal(findDate('08/09/2021'), null);
  assert.equal(findDate('in 2021'), null);
});

test('findDate(text) returns the earliest date with its offsets in the text', () => {
  const m = findDate('Updated Aug 24, 2021; first seen 2021-08-23');
  assert.equal(m?.value, '2021-08-24');
  assert.equal(m?.index, 8);
});

test('normalizeDate(value) normalises RFC 2822 and ISO container dates and refuses free text', () => {
  assert.equal(normalizeDate('Fri, 27 Aug 2021 10:35:00 +0600'), '2021-08-27T10:35:00+06:00');
  assert.equal(normalizeDate('2021-08-27T10:35:00.000Z'), '2021-08-27T10:35:00Z');
  assert.equal(normalizeDate('2021-08-27'), '2021-08-27');
  assert.equal(normalizeDate('sometime after the talks on 27 August 2021 ended'), null);
  assert.equal(normalizeDate('yesterday'), null);
});
