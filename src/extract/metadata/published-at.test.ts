import assert from 'node:assert/strict';
import { test } from 'node:test';
import { publishedAtFromLines } from './published-at.ts';

test('publishedAtFromLines(lines) prefers the labelled published line to the header clock (seed 002)', () => {
  const value = publishedAtFromLines([
    { text: 'Friday, 27 August, 2021, 10:35 AM', reason: 'header' },
    { text: 'Published : Friday, 27 August, 2021 at 12:00 AM  Count : 169', reason: 'counter' },
  ]);
  assert.equal(value, '2021-08-27');
});

test('publishedAtFromLines(lines) prefers an unlabelled date line to an Updated line', () => {
  const value = publishedAtFromLines([
    { text: 'Updated: Aug 24, 2021 09:00 AM', reason: 'date' },
    { text: 'Monday, Aug 23, 2021 - 02:03 PM', reason: 'date' },
  ]);
  assert.equal(value, '2021-08-23T14:03');
});

test('publishedAtFromLines(lines) uses the header date when nothing else dates the page, and ignores other furniture', () => {
  assert.equal(
    publishedAtFromLines([{ text: 'Friday, 27 August, 2021, 10:35 AM', reason: 'header' }]),
    '2021-08-27T10:35',
  );
  assert.equal(
    publishedAtFromLines([
      { text: 'READ MORE: Talks on Aug 23, 2021 failed', reason: 'related-link' },
    ]),
    null,
  );
});
