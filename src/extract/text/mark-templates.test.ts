import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { UnitVerdict } from './classify-units.ts';
import { unitFeatures } from './features.ts';
import { isArticleLike, markTemplates, type TemplateDocument } from './mark-templates.ts';

const doc = (group: string, texts: string[]): TemplateDocument => ({
  group,
  texts,
  features: texts.map(unitFeatures),
  verdicts: texts.map((): UnitVerdict => ({ reason: null, detail: null })),
});

const TEMPLATE = 'Download the Example News app for iPhone and Android';
const SHARED_SENTENCE =
  'Uzbekistan and Tajikistan earlier this month held joint military exercises with Russia.';

test('markTemplates(docs) marks a non-article line repeated in two articles of one outlet', () => {
  const a = doc('Example News', ['Story A opens here with a long sentence about ports.', TEMPLATE]);
  const b = doc('Example News', [
    'Story B opens here with a long sentence about cranes.',
    TEMPLATE,
  ]);
  assert.equal(markTemplates([a, b]), 2);
  assert.equal(a.verdicts[1]?.reason, 'template');
  assert.match(a.verdicts[1]?.detail ?? '', /2 articles .* from Example News/);
  assert.equal(a.verdicts[0]?.reason, null);
});

test('markTemplates(docs) never marks story sentences that wire copies share', () => {
  const a = doc('', [SHARED_SENTENCE]);
  const b = doc('', [SHARED_SENTENCE]);
  assert.equal(markTemplates([a, b]), 0);
});

test('markTemplates(docs) counts only articles of the same outlet', () => {
  const a = doc('Example News', [TEMPLATE]);
  const b = doc('Other Daily', [TEMPLATE]);
  assert.equal(markTemplates([a, b]), 0);
});

test('markTemplates(docs) leaves units already removed with their own reason', () => {
  const a = doc('', ['Read more', TEMPLATE]);
  const b = doc('', ['Read more', TEMPLATE]);
  a.verdicts[0] = { reason: 'related-link', detail: 'x' };
  markTemplates([a, b]);
  assert.equal(a.verdicts[0]?.reason, 'related-link');
  assert.equal(b.verdicts[0]?.reason, 'template');
});

test('isArticleLike(unit) is false for prose that hits the furniture lexicon', () => {
  assert.equal(isArticleLike(unitFeatures(SHARED_SENTENCE)), true);
  assert.equal(
    isArticleLike(
      unitFeatures('Subscribe to our newsletter to get the latest news every morning.'),
    ),
    false,
  );
});
