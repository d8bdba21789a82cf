import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  abbreviationDefinitions,
  canonicalAgencyName,
  initialsOf,
  isAgencyName,
  learnAgencyNames,
} from './agency-names.ts';

test('initialsOf(name) spells the abbreviation of a name, skipping particles', () => {
  assert.equal(initialsOf('Meridian Press Agency'), 'MPA');
  assert.equal(initialsOf('Press Trust of India'), 'PTI');
  assert.equal(initialsOf('Agence France-Presse'), 'AFP');
});

test('isAgencyName(name) knows lexicon names and names with a news-agency word', () => {
  assert.equal(isAgencyName('Reuters'), true);
  assert.equal(isAgencyName('Meridian Press Agency'), true);
  assert.equal(isAgencyName('the Arvelian Broadcasting Service'), true);
  assert.equal(isAgencyName('Greyline Terminals'), false);
  assert.equal(isAgencyName('Anneliese Kord'), false);
});

test('abbreviationDefinitions(text) reads "Full Name (ABBR)" when the initials spell it', () => {
  assert.deepEqual(
    abbreviationDefinitions(
      'according to the Meridian Press Agency (MPA). The Arvelian Maritime Safety Organization (AMSO) said.',
    ),
    [
      { abbreviation: 'MPA', name: 'Meridian Press Agency' },
      { abbreviation: 'AMSO', name: 'Arvelian Maritime Safety Organization' },
    ],
  );
  // Brackets that do not spell the name before them define nothing.
  assert.deepEqual(abbreviationDefinitions('Members of the Collective Security (CSTO) met.'), []);
});

test('learnAgencyNames(names, definitions) maps abbreviations to names, in any input order', () => {
  const names = ['Meridian Press Agency', 'Anneliese Kord'];
  const definitions = [{ abbreviation: 'AMSO', name: 'Arvelian Maritime Safety Organization' }];
  const a = learnAgencyNames(names, definitions);
  const b = learnAgencyNames([...names].reverse(), definitions);
  assert.equal(a.get('MPA'), 'Meridian Press Agency');
  assert.equal(a.get('AMSO'), 'Arvelian Maritime Safety Organization');
  assert.deepEqual([...a], [...b]);
  // Two names with the same initials leave the abbreviation unexpanded.
  const clash = learnAgencyNames(['Meridian Press Agency', 'Metro Press Alliance'], []);
  assert.equal(clash.has('MPA'), false);
});

test('canonicalAgencyName(name, glossaries) prefers the lexicon, then the first glossary', () => {
  const article = new Map([['MPA', 'Meridian Press Agency']]);
  const batch = new Map([['MPA', 'Metro Press Alliance']]);
  assert.equal(canonicalAgencyName('MPA', [article, batch]), 'Meridian Press Agency');
  assert.equal(canonicalAgencyName('MPA', [new Map(), batch]), 'Metro Press Alliance');
  assert.equal(canonicalAgencyName('MPA', []), 'MPA');
  assert.equal(canonicalAgencyName('REUTERS', [article]), 'Reuters');
});
