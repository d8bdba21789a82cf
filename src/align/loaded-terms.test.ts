import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countWireAvoided, LOADED_TERMS, loadedIn, loadedOccurrences } from './loaded-terms.ts';
import { prepareText } from './prepare-text.ts';

test('LOADED_TERMS gives every entry forms and a reason, and names each term once', () => {
  assert.ok(LOADED_TERMS.length >= 15);
  const seen = new Set<string>();
  for (const t of LOADED_TERMS) {
    assert.ok(t.forms.length > 0, t.term);
    assert.ok(t.reason.length > 20, `${t.term} has a reason`);
    assert.equal(seen.has(t.term), false, `${t.term} listed twice`);
    seen.add(t.term);
  }
  for (const t of [
    'terrorist',
    'militant',
    'islamist',
    'regime',
    'rebel',
    'insurgent',
    'freedom fighter',
    'riot',
  ]) {
    assert.ok(seen.has(t), t);
  }
});

test('loadedOccurrences(text) finds one-word and several-word terms, case folded', () => {
  const p = prepareText('Freedom fighters and Islamists met the REGIME; union bosses watched.');
  const found = loadedOccurrences(p).map((o) => [
    o.term,
    p.tokens
      .slice(o.t0, o.t1)
      .map((t) => t.text)
      .join(' '),
  ]);
  assert.deepEqual(found, [
    ['freedom fighter', 'Freedom fighters'],
    ['islamist', 'Islamists'],
    ['regime', 'REGIME'],
    ['boss', 'union bosses'],
  ]);
});

test('loadedIn(text, t0, t1) finds a phrase that straddles an insertion point', () => {
  const p = prepareText('the freedom fighters left');
  assert.deepEqual([...loadedIn(p, 2, 2)], ['freedom fighter']);
  assert.deepEqual([...loadedIn(p, 0, 1)], []);
});

test('countWireAvoided(text) counts verdict labels agencies avoid but not their neutral terms', () => {
  assert.equal(countWireAvoided('the terrorist group'), 1);
  assert.equal(countWireAvoided('the militant group'), 0);
  assert.equal(countWireAvoided('the regime and its thugs'), 2);
});
