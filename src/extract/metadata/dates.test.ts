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

test('findDate(text) keeps explicit offsets and reads zone names through the zone table', () => {
  assert.equal(findDate('Aug 23, 2021 2:03 p.m. EDT')?.value, '2021-08-23T14:03-04:00');
  assert.equal(findDate('Aug 23, 2021 10:03 GMT')?.value, '2021-08-23T10:03Z');
  assert.equal(findDate('Wed 5 Mar 2025 16.05 CET')?.value, '2025-03-05T16:05+01:00');
  assert.equal(findDate('Jul 1, 2025 09:00 CEST')?.value, '2025-07-01T09:00+02:00');
  assert.equal(findDate('1 May 2025 08:00 BST')?.value, '2025-05-01T08:00+01:00');
  assert.equal(findDate('1 May 2025 08:00 EEST')?.value, '2025-05-01T08:00+03:00');
  assert.equal(findDate('Jan 3, 2025 4:15 PM PST')?.value, '2025-01-03T16:15-08:00');
});

test('findDate(text) gives ET and PT the US standard or daylight offset of that date', () => {
  assert.equal(findDate('Aug 23, 2021 10:03 ET')?.value, '2021-08-23T10:03-04:00');
  assert.equal(findDate('Jan 23, 2021 10:03 ET')?.value, '2021-01-23T10:03-05:00');
  // Daylight time starts at 2 a.m. on the second Sunday of March (March 9 in 2025).
  assert.equal(findDate('Mar 9, 2025 1:30 ET')?.value, '2025-03-09T01:30-05:00');
  assert.equal(findDate('Mar 9, 2025 3:30 ET')?.value, '2025-03-09T03:30-04:00');
  assert.equal(findDate('Nov 3, 2025 9:00 PT')?.value, '2025-11-03T09:00-08:00');
  // Before 1987 the rule varied: no offset is invented.
  assert.equal(findDate('Aug 23, 1980 10:03 ET')?.value, '1980-08-23T10:03');
});

test('findDate(text) reads zone names in capitals only', () => {
  assert.equal(findDate('March 5, 2025 at 9:00 am et al')?.value, '2025-03-05T09:00');
});

test('findDate(text) reads the day-month-year slug of a wire header', () => {
  const m = findDate('05-MAR-2025 14:12 CET');
  assert.equal(m?.value, '2025-03-05T14:12+01:00');
  assert.equal(m?.end, '05-MAR-2025 14:12 CET'.length);
  assert.equal(findDate('26-Aug-2021')?.value, '2021-08-26');
  assert.equal(findDate('31-FEB-2021'), null);
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
