import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectLanguage, LANGUAGE_MIN_CHARS, normalizeLanguageTag } from './language.ts';

test('detectLanguage(text) gives ISO 639-1 codes for English, Russian and German', () => {
  assert.equal(
    detectLanguage(
      'Russia said Thursday it has received new orders for arms and helicopters from Central Asian republics.',
    ),
    'en',
  );
  assert.equal(
    detectLanguage(
      'Россия получила новые заказы на оружие и вертолеты от стран Центральной Азии, граничащих с Афганистаном.',
    ),
    'ru',
  );
  assert.equal(
    detectLanguage(
      'Russland hat neue Aufträge für Waffen und Hubschrauber aus zentralasiatischen Republiken erhalten.',
    ),
    'de',
  );
});

test('detectLanguage(text) is null for text shorter than LANGUAGE_MIN_CHARS', () => {
  const short = 'Russia said Thursday it has new orders.';
  assert.ok(short.length < LANGUAGE_MIN_CHARS);
  assert.equal(detectLanguage(short), null);
});

test('normalizeLanguageTag(tag) keeps the primary subtag in ISO 639-1 form', () => {
  assert.equal(normalizeLanguageTag('en-US'), 'en');
  assert.equal(normalizeLanguageTag('RUS'), 'ru');
  assert.equal(normalizeLanguageTag(''), null);
  assert.equal(normalizeLanguageTag('english'), null);
});
