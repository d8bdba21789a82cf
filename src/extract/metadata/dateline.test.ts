import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitDateline } from './dateline.ts';

test('splitDateline(paragraph) splits "MOSCOW, Aug 26: " off seed 002', () => {
  const d = splitDateline('MOSCOW, Aug 26: Russia said Thursday it has received new orders.');
  assert.equal(d?.place, 'MOSCOW');
  assert.equal(d?.prefix, 'MOSCOW, Aug 26: ');
  assert.equal(d?.rest, 'Russia said Thursday it has received new orders.');
  assert.equal(d?.credit, null);
});

test('splitDateline(paragraph) reads wire datelines with a region and an agency', () => {
  const ap = splitDateline('KABUL, Afghanistan (AP) — The Taliban said on Monday ...');
  assert.equal(ap?.place, 'KABUL');
  assert.equal(ap?.region, 'Afghanistan');
  assert.deepEqual(ap?.credit, { name: 'Associated Press', evidence: '(AP)' });
  const reuters = splitDateline('NEW YORK (Reuters) - Stocks fell.');
  assert.equal(reuters?.place, 'NEW YORK');
  assert.equal(reuters?.credit?.name, 'Reuters');
  const bare = splitDateline('(Reuters) - Stocks fell.');
  assert.equal(bare?.place, null);
  assert.equal(bare?.rest, 'Stocks fell.');
});

test('splitDateline(paragraph) credits an agency abbreviation the lexicon does not know', () => {
  const d = splitDateline(
    'KESTREL BAY, Arvelia, March 5 (MPA) - A ship-to-shore container crane collapsed.',
  );
  assert.equal(d?.place, 'KESTREL BAY');
  assert.equal(d?.region, 'Arvelia');
  assert.equal(d?.prefix, 'KESTREL BAY, Arvelia, March 5 (MPA) - ');
  assert.deepEqual(d?.credit, { name: 'MPA', evidence: '(MPA)' });
  assert.equal(splitDateline('(MPA) - A crane collapsed.')?.credit?.name, 'MPA');
  // Capitalised desk tags in brackets are not agencies.
  assert.equal(splitDateline('MOSCOW (UPDATED) - Talks resumed.'), null);
  assert.equal(splitDateline('LONDON (VIDEO) - Talks resumed.'), null);
});

test('splitDateline(paragraph) leaves paragraphs without a dateline alone', () => {
  assert.equal(splitDateline('Russia said Thursday it has received new orders.'), null);
  assert.equal(splitDateline('UPDATE: Talks resumed on Friday.'), null);
  assert.equal(splitDateline('MOSCOW (Updated) - Talks resumed.'), null);
  assert.equal(splitDateline('CSTO drills are planned.'), null);
  assert.equal(splitDateline('DEAR ABBY: My husband and I disagree.'), null);
});
