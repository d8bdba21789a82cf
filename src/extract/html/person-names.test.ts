import assert from 'node:assert/strict';
import { test } from 'node:test';
import { personNames } from './person-names.ts';

test('personNames(values) splits "By Jane Doe and John Roe" into two names', () => {
  assert.deepEqual(personNames(['By Jane Doe and John Roe']), ['Jane Doe', 'John Roe']);
});

test('personNames(values) drops roles, agencies, desks, e-mail addresses and URLs', () => {
  assert.deepEqual(personNames(['Tom Krisher, Ap Auto Writer']), ['Tom Krisher']);
  assert.deepEqual(personNames(['Meg Kinnard and Errin Haines, Associated Press']), [
    'Meg Kinnard',
    'Errin Haines',
  ]);
  assert.deepEqual(personNames(['Jeff Foust (jeff@thespacereview.com)']), ['Jeff Foust']);
  assert.deepEqual(personNames(['Staff Reports', 'Reuters', 'https://www.facebook.com/jane']), []);
});

test('personNames(values) keeps particles and initials and title-cases names set in capitals', () => {
  assert.deepEqual(personNames(['Ursula von der Leyen', 'J. R. R. Tolkien', 'VICTOR TANGERMANN']), [
    'Ursula von der Leyen',
    'J. R. R. Tolkien',
    'Victor Tangermann',
  ]);
});

test('personNames(values, outlets) drops the outlet named as author and duplicates', () => {
  assert.deepEqual(
    personNames(
      ['Charlie Wood', 'Business Insider', 'charlie wood'],
      ['Business Insider Deutschland'],
    ),
    ['Charlie Wood'],
  );
});
