import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segment } from '../text/sentences.ts';
import { findDates } from './dates.ts';

function dates(text: string, publishedAt: string | null) {
  return findDates(text, segment(text).sentences, publishedAt).map((d) => ({
    text: d.text,
    value: d.value,
    ...(d.note !== undefined ? { note: d.note } : {}),
  }));
}

const value = (text: string, publishedAt: string | null) => dates(text, publishedAt)[0]?.value;

test('findDates(text) resolves a past-tense weekday to the most recent one on or before publication', () => {
  // 2021-08-26 was a Thursday.
  assert.equal(
    value('Russia said Thursday it has received new orders.', '2021-08-26'),
    '2021-08-26',
  );
  assert.equal(
    value('Russia said Thursday it has received new orders.', '2021-08-28'),
    '2021-08-26',
  );
  assert.equal(value('Putin spoke on Sunday.', '2021-08-23'), '2021-08-22');
});

test('findDates(text) resolves a weekday in a sentence about the future to the next one', () => {
  assert.equal(value('The council will vote on Sunday.', '2021-08-26'), '2021-08-29');
  assert.equal(value('Talks resume next Tuesday.', '2021-08-26'), '2021-08-31');
  assert.equal(value('He left last Thursday.', '2021-08-26'), '2021-08-19');
});

test('findDates(text) resolves "between Sept. 7 and 9" and "between September 7 and 9" to one range', () => {
  assert.equal(
    value('Drills are scheduled in Kyrgyzstan between Sept. 7 and 9.', '2021-08-26'),
    '2021-09-07/2021-09-09',
  );
  assert.equal(
    value('Drills are scheduled between September 7 and 9.', '2021-08-26'),
    '2021-09-07/2021-09-09',
  );
  assert.equal(value('Drills run Sept. 7-9, 2022.', '2021-08-26'), '2022-09-07/2022-09-09');
});

test('findDates(text) resolves month-day dates to the year nearest publication', () => {
  assert.deepEqual(dates('MOSCOW, Aug 26: Russia said.', '2021-08-26'), [
    { text: 'Aug 26', value: '2021-08-26' },
  ]);
  assert.equal(value('It happened on August 26 after the withdrawal.', '2021-08-27'), '2021-08-26');
  assert.equal(value('It happened on December 30.', '2022-01-02'), '2021-12-30');
});

test('findDates(text) keeps a weekday, a year and a time written with a date in one mention', () => {
  assert.deepEqual(dates('Friday, 27 August, 2021, 10:35 AM', '2021-08-27'), [
    { text: 'Friday, 27 August, 2021, 10:35 AM', value: '2021-08-27T10:35' },
  ]);
  assert.equal(value('Monday, Aug 23, 2021 - 02:03 PM', null), '2021-08-23T14:03');
});

test('findDates(text) resolves relative periods to ranges', () => {
  const pub = '2021-08-26';
  assert.equal(value('They held exercises earlier this month.', pub), '2021-08-01/2021-08-31');
  assert.equal(value('Prices rose last week.', pub), '2021-08-16/2021-08-22');
  assert.equal(value('Prices will rise next month.', pub), '2021-09-01/2021-09-30');
  assert.equal(value('Half a million fled so far this year.', pub), '2021-01-01/2021-12-31');
  assert.equal(
    value('Over the weekend Putin announced it.', '2021-08-23'),
    '2021-08-21/2021-08-22',
  );
  assert.equal(value('He was killed eight days ago.', pub), '2021-08-18');
});

test('findDates(text) resolves years and decades', () => {
  assert.equal(value('The U.S. invaded in 2001.', '2021-08-23'), '2001-01-01/2001-12-31');
  assert.equal(value('It differs from the 1990s.', '2021-08-23'), '1990-01-01/1999-12-31');
  assert.equal(value('what happened in the 90s', '2021-08-23'), '1990-01-01/1999-12-31');
  assert.deepEqual(dates('in the mid-2000s', null), [
    { text: 'mid-2000s', value: '2003-01-01/2006-12-31', note: 'approximate' },
  ]);
});

test('findDates(text) says the publication time is unknown instead of guessing, and still resolves dates with a year', () => {
  assert.deepEqual(dates('Russia said Thursday it will ship on August 26, 2021.', null), [
    { text: 'Thursday', value: null, note: 'publication time unknown' },
    { text: 'August 26, 2021', value: '2021-08-26' },
  ]);
  assert.deepEqual(dates('It happened earlier this month.', null), [
    { text: 'earlier this month', value: null, note: 'publication time unknown' },
  ]);
});

test('findDates(text) reads the publication day as written, whatever its UTC offset', () => {
  assert.equal(
    value('Russia said Thursday it has new orders.', '2021-08-26T23:30:00-05:00'),
    '2021-08-26',
  );
});

test('findDates(text) ignores recurring weekdays and "may" the verb', () => {
  assert.deepEqual(
    dates('You will receive it every Friday. It may 5 times fail.', '2021-08-26'),
    [],
  );
});

test('findDates(text) gives spans that slice the expression out of the text', () => {
  const text = 'Drills involving members are scheduled between Sept. 7 and 9 in Kyrgyzstan.';
  const [d] = findDates(text, segment(text).sentences, '2021-08-26');
  assert.ok(d);
  assert.equal(text.slice(d.start, d.end), 'between Sept. 7 and 9');
});
