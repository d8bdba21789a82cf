import assert from 'node:assert/strict';
import { test } from 'node:test';
import { creditFromLine, splitSignOff } from './credits.ts';

test('creditFromLine(line) reads credit lines to the canonical agency name', () => {
  assert.deepEqual(creditFromLine('Reuters'), { name: 'Reuters', evidence: 'Reuters' });
  assert.equal(creditFromLine('Source: AFP')?.name, 'AFP');
  assert.equal(
    creditFromLine('The Associated Press contributed to this report.')?.name,
    'Associated Press',
  );
  assert.equal(
    creditFromLine('Reporting by Jane Doe in Moscow; Editing by John Roe')?.name,
    'Reuters',
  );
  assert.equal(creditFromLine('© 2021 Reuters')?.name, 'Reuters');
});

test('creditFromLine(line) is null for lines that are not credits', () => {
  assert.equal(creditFromLine('Russian Defense Ministry'), null);
  assert.equal(creditFromLine('Reuters could not verify the report.'), null);
  assert.equal(creditFromLine('Reporting by our staff'), null);
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
