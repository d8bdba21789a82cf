import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findCites } from './cites.ts';

test('findCites(text) names each cited agency once, in order, with its words on the page', () => {
  const text =
    'Mikheev told the RIA Novosti news agency. The U.S. hit back, according to AP News. NDTV reports that drills are planned, RIA said.';
  assert.deepEqual(findCites(text), [
    { name: 'RIA Novosti', evidence: 'Mikheev told the RIA Novosti news agency' },
    { name: 'Associated Press', evidence: 'according to AP News' },
    { name: 'NDTV', evidence: 'NDTV reports that' },
  ]);
});

test('findCites(text) finds agencies outside the lexicon by the words "news agency"', () => {
  assert.deepEqual(findCites('the state-run Kabar news agency said on Friday')[0], {
    name: 'Kabar',
    evidence: 'the state-run Kabar news agency',
  });
  assert.deepEqual(findCites('UNHCR said, according to the UNHCR.'), []);
});

test("findCites(text, exclude) leaves out the article's own outlet", () => {
  assert.deepEqual(
    findCites('The Moscow Times has learned this from Interfax.', {
      exclude: ['The Moscow Times'],
    }).map((c) => c.name),
    ['Interfax'],
  );
});
