import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unitFeatures } from './features.ts';
import { scoreUnit } from './score-unit.ts';

test('scoreUnit(unit) removes a strong match and names the rule in the detail', () => {
  const score = scoreUnit(unitFeatures('Loading...'));
  assert.equal(score?.reason, 'placeholder');
  assert.equal(score?.remove, true);
  assert.match(score?.detail ?? '', /^loading-placeholder/);
  assert.equal(score?.strong, true);
});

test('scoreUnit(unit) marks a removal on lexicon words alone as not strong', () => {
  const score = scoreUnit(unitFeatures('Donate'));
  assert.equal(score?.remove, true);
  assert.equal(score?.strong, false);
});

test('scoreUnit(unit) removes a label on one lexicon hit but keeps a prose sentence with the same word', () => {
  assert.equal(scoreUnit(unitFeatures('Donate'))?.remove, true);
  const prose = scoreUnit(
    unitFeatures(
      'Ways to help refugees around the world include supporting local organizations and donating funds or essentials.',
    ),
  );
  assert.equal(prose?.reason, 'donation');
  assert.equal(prose?.remove, false);
});

test('scoreUnit(unit) adds up the rules of one reason', () => {
  const score = scoreUnit(unitFeatures('Sign up for our free weekly newsletter'));
  assert.deepEqual(score?.rules, ['newsletter-signup', 'newsletter-words']);
  assert.ok((score?.score ?? 0) > 2);
});

test('scoreUnit(unit) returns null when no rule fires', () => {
  assert.equal(
    scoreUnit(unitFeatures('Russia said Thursday it has received new orders for arms.')),
    null,
  );
});
