import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AGENCIES, agencyByAlias, findAgencies } from './agencies.ts';

test('AGENCIES has unique canonical names and aliases', () => {
  const names = AGENCIES.map((a) => a.name);
  assert.equal(new Set(names).size, names.length);
  const aliases = AGENCIES.flatMap((a) => a.aliases);
  assert.equal(new Set(aliases).size, aliases.length);
});

test('agencyByAlias(alias) maps aliases and their capitals to canonical names', () => {
  assert.equal(agencyByAlias('AP News')?.name, 'Associated Press');
  assert.equal(agencyByAlias('REUTERS')?.name, 'Reuters');
  assert.equal(agencyByAlias('NY Times')?.name, 'The New York Times');
  assert.equal(agencyByAlias('Defense Ministry'), undefined);
});

test('findAgencies(text) prefers the longest alias and matches whole words only', () => {
  const hits = findAgencies(
    'according to AP News, the RIA Novosti agency and CAPITAL letters and APs',
  );
  assert.deepEqual(
    hits.map((h) => [h.alias, h.entry.name]),
    [
      ['AP News', 'Associated Press'],
      ['RIA Novosti', 'RIA Novosti'],
    ],
  );
});
