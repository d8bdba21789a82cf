import assert from 'node:assert/strict';
import { test } from 'node:test';
import { creditFromLine, readCreditLine, splitSignOff } from './credits.ts';

test('creditFromLine(line) reads credit lines to the canonical agency name', () => {
  assert.deepEqual(creditFromLine('Reuters'), { name: 'Reuters', evidence: 'Reuters' });
  assert.equal(creditFromLine('Source: AFP')?.name, 'AFP');
  assert.equal(
    creditFromLine('The Associated Press contributed to this report.')?.name,
    'Associated Press',
  );
  assert.equal(creditFromLine('© 2021 Reuters')?.name, 'Reuters');
  assert.equal(creditFromLine('Reporting by Reuters; Editing by Jane Roe')?.name, 'Reuters');
});

test('creditFromLine(line) keeps the name of an agency the lexicon does not know', () => {
  assert.deepEqual(creditFromLine('Additional reporting by Meridian Press Agency'), {
    name: 'Meridian Press Agency',
    evidence: 'Additional reporting by Meridian Press Agency',
  });
  assert.equal(creditFromLine('With inputs from PTI')?.name, 'PTI');
  assert.equal(creditFromLine('With inputs from XNA')?.name, 'XNA');
  assert.equal(creditFromLine('Kestrel Wire contributed to this report.')?.name, 'Kestrel Wire');
});

test('readCreditLine(line) reads staff credits without crediting an agency', () => {
  // The "Reporting by; Editing by" house style is used by Reuters and many
  // others: it names an agency only when an agency is in it.
  for (const line of [
    '(Reporting by Anneliese Kord; Editing by Piet Halvorsen)',
    'Reporting by Jane Doe in Moscow; Editing by John Roe',
    'Compiled by Jane Doe',
    'Jane Doe contributed reporting.',
    'Fox News’ Jessica Napoli contributed to this report.',
    '(Reporting by Greg Roumeliotis, Joshua Franklin, with reporting by Herb Lash and Megan Davies, editing by Martin Howell.)',
    '— Staff and agencies',
    'With inputs from agencies',
  ]) {
    assert.deepEqual(readCreditLine(line), { agency: null, evidence: line }, line);
    assert.equal(creditFromLine(line), null, line);
  }
});

test('creditFromLine(line) is null for lines that are not credits', () => {
  assert.equal(creditFromLine('Russian Defense Ministry'), null);
  assert.equal(creditFromLine('Reuters could not verify the report.'), null);
  assert.equal(creditFromLine('Reporting by our staff'), null);
  assert.equal(readCreditLine('Reporting by our staff'), null);
  assert.equal(readCreditLine('The government contributed to this report.'), null);
  assert.equal(readCreditLine('Additional reporting by the end of the week was scarce.'), null);
});

test('splitSignOff(paragraph) splits "-REUTERS" off the last paragraph of seed 002', () => {
  const s = splitSignOff(
    '"... is de facto an accomplished process," Dmitry Peskov told a briefing.    -REUTERS',
  );
  assert.equal(
    s?.rest,
    '"... is de facto an accomplished process," Dmitry Peskov told a briefing.',
  );
  assert.equal(s?.suffix, '    -REUTERS');
  assert.deepEqual(s?.credit, { name: 'Reuters', evidence: '-REUTERS' });
  assert.equal(splitSignOff('The talks ended. (AFP)')?.credit.name, 'AFP');
});

test('splitSignOff(paragraph) keeps names that end a sentence or are not agencies', () => {
  assert.equal(splitSignOff('The figures were confirmed by Reuters'), null);
  assert.equal(splitSignOff('Members of the alliance met. (CSTO)'), null);
  assert.equal(splitSignOff('The region is ex-Soviet'), null);
  assert.equal(splitSignOff('The report was published. - NDTV'), null);
});

test('splitSignOff(paragraph) reads an unknown agency abbreviation after a dash, not in brackets', () => {
  const s = splitSignOff('... were being diverted to the neighboring Calder Terminal.    -MPA');
  assert.deepEqual(s?.credit, { name: 'MPA', evidence: '-MPA' });
  assert.equal(s?.suffix, '    -MPA');
  assert.equal(splitSignOff('The talks ended. (MPA)'), null);
  assert.equal(
    splitSignOff('The talks ended. (MPA)', { agencies: new Set(['MPA']) })?.credit.name,
    'MPA',
  );
  assert.equal(splitSignOff('The talks ended. -ENDS'), null);
  assert.equal(splitSignOff('The talks ended in Kestrel Bay - MPA'), null);
});
