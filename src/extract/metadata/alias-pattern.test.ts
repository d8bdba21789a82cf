import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aliasPattern } from './alias-pattern.ts';

const matches = (aliases: string[], text: string): string[] =>
  [...text.matchAll(aliasPattern(aliases))].map((m) => m[0]);

test('aliasPattern(aliases) prefers the longest alias where several start at one place', () => {
  assert.deepEqual(matches(['AP', 'AP News', 'RIA', 'RIA Novosti'], 'AP News and RIA Novosti'), [
    'AP News',
    'RIA Novosti',
  ]);
});

test('aliasPattern(aliases) matches whole words only and escapes regular-expression syntax', () => {
  assert.deepEqual(matches(['AP'], 'CAP, AP2 and (AP)'), ['AP']);
  assert.deepEqual(matches(['A.F.P.'], 'A.F.P. but not AxFxPx'), ['A.F.P.']);
});
