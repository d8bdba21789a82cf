import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authorFromAuthorBox, authorFromPhoto, isNameLine, parseByline } from './bylines.ts';

test('parseByline(line) reads names from "by" lines and turns agencies into credits', () => {
  assert.deepEqual(parseByline('by Tyler Durden'), { names: ['Tyler Durden'], credit: null });
  assert.deepEqual(parseByline('By Jane Doe and John Roe')?.names, ['Jane Doe', 'John Roe']);
  const agency = parseByline('By Jane Doe, Reuters');
  assert.deepEqual(agency?.names, ['Jane Doe']);
  assert.equal(agency?.credit?.name, 'Reuters');
  assert.deepEqual(parseByline('By AFP')?.names, []);
  assert.deepEqual(parseByline('By Jane Doe | Aug 23, 2021')?.names, ['Jane Doe']);
  assert.deepEqual(parseByline('By Jane Doe, Staff Writer')?.names, ['Jane Doe']);
});

test('parseByline(line) is null for sentences that start with "by"', () => {
  assert.equal(
    parseByline('By supporting The Moscow Times, you are defending open journalism.'),
    null,
  );
  assert.equal(parseByline('By Thursday, the troops had left the city.'), null);
  assert.equal(parseByline('Tyler Durden'), null);
});

test('authorFromAuthorBox(line) and authorFromPhoto(line) read the seed author names', () => {
  assert.equal(
    authorFromAuthorBox('Latest posts by Jadenne Radoc Cabahug (see all)'),
    'Jadenne Radoc Cabahug',
  );
  assert.equal(authorFromAuthorBox('latest posts by the ministry'), null);
  assert.equal(authorFromPhoto("Tyler Durden's Photo"), 'Tyler Durden');
  assert.equal(authorFromPhoto("The minister's photo was on every wall."), null);
});

test('isNameLine(line) accepts two to five capitalised words only', () => {
  assert.equal(isNameLine('Jadenne Radoc Cabahug'), true);
  assert.equal(isNameLine('Ursula von der Leyen'), true);
  assert.equal(isNameLine('Madonna'), false);
  assert.equal(isNameLine('Military exercises'), false);
});
