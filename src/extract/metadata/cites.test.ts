import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findCites } from './cites.ts';

test('findCites(text) names each cited agency once, in order, with its words on the page', () => {
  const text =
    'Mikheev told the RIA Novosti news agency. The U.S. hit back, according to AP News. NDTV reports that drills are planned, RIA said.';
  assert.deepEqual(findCites(text), [
    { name: 'RIA Novosti', evidence: 'Mikheev told the RIA Novosti news agency' },
    { name: 'Associated Press', evidence: 'according to AP News' },
    { name: 'NDTV', evidence: 'NDTV reports' },
  ]);
});

test('findCites(text) cites news organisations outside the lexicon in an attribution frame', () => {
  const text =
    'Two of the injured were in serious condition, the Arvelian Broadcasting Service reported. The crowd left, according to the Kestrel Herald. Greyline Terminals said it was saddened. Analysts at Halden & Rook reported a loss.';
  assert.deepEqual(findCites(text), [
    {
      name: 'Arvelian Broadcasting Service',
      evidence: 'the Arvelian Broadcasting Service reported',
    },
    { name: 'Kestrel Herald', evidence: 'according to the Kestrel Herald' },
  ]);
  assert.deepEqual(
    findCites('The Arvelian Broadcasting Service reported that the crowd left peacefully.'),
    [
      {
        name: 'Arvelian Broadcasting Service',
        evidence: 'The Arvelian Broadcasting Service reported',
      },
    ],
  );
  // A news word outside a frame is not a citation ("Press" in a job title).
  assert.deepEqual(findCites('Press Secretary Jane Doe said talks went well.'), []);
});

test('findCites(text, aliases) finds the names an article defines, with the abbreviation as evidence', () => {
  const aliases = new Map([
    ['MPA', 'Meridian Press Agency'],
    ['Meridian Press Agency', 'Meridian Press Agency'],
  ]);
  const text =
    'A crane gave way, according to the Meridian Press Agency (MPA). Varga said, as reported by MPA. Mensah told MPA that the crane was old.';
  assert.deepEqual(findCites(text, { aliases }), [
    { name: 'Meridian Press Agency', evidence: 'according to the Meridian Press Agency (MPA)' },
  ]);
  assert.deepEqual(findCites('Mensah told MPA that the crane was old.'), []);
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
