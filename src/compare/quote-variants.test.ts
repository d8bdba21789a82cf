import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type ArticleQuote,
  classifyQuoteVariant,
  isSameQuote,
  quoteVariants,
} from './quote-variants.ts';

const MIKHEEV =
  'We are already working on a number of orders from countries in the region for the supply of Russian helicopters, fire arms and modern border protection systems';

test('classifyQuoteVariant(text, canonical) calls typography-only differences identical', () => {
  assert.equal(classifyQuoteVariant(`${MIKHEEV},`, null, MIKHEEV, null), 'identical');
  assert.equal(
    classifyQuoteVariant('We don’t want  militants', null, "We don't want militants", null),
    'identical',
  );
});

test('classifyQuoteVariant(text, canonical) calls spelling, compounding and grammar-word changes trivial', () => {
  assert.equal(
    classifyQuoteVariant(MIKHEEV.replace('fire arms', 'firearms'), null, MIKHEEV, null),
    'trivial',
  );
  assert.equal(
    classifyQuoteVariant(
      'the territory of an CSTO member state',
      null,
      'the territory of a CSTO member state',
      null,
    ),
    'trivial',
  );
  assert.equal(classifyQuoteVariant('our neighbours', null, 'our neighbors', null), 'trivial');
});

test('classifyQuoteVariant(text, canonical) calls a changed content word altered', () => {
  const variant = MIKHEEV.replace('a number of orders', 'several orders').replace(
    'fire arms',
    'firearms,',
  );
  assert.equal(classifyQuoteVariant(variant, null, MIKHEEV, null), 'altered');
  assert.equal(
    classifyQuoteVariant('we do not want refugees', null, 'we want refugees', null),
    'altered',
  );
});

test('classifyQuoteVariant(text, canonical) tells truncated from extended', () => {
  const part =
    'for the supply of Russian helicopters, fire arms and modern border protection systems';
  assert.equal(classifyQuoteVariant(part, null, MIKHEEV, null), 'truncated');
  assert.equal(classifyQuoteVariant(MIKHEEV, null, part, null), 'extended');
  assert.equal(
    classifyQuoteVariant(
      'We are already working ... modern border protection systems',
      null,
      MIKHEEV,
      null,
    ),
    'truncated',
  );
});

test('classifyQuoteVariant(text, speaker, canonical, speaker) flags another speaker, but not a shorter name', () => {
  assert.equal(
    classifyQuoteVariant(MIKHEEV, 'Dmitry Peskov', MIKHEEV, 'Alexander Mikheev'),
    'misattributed',
  );
  assert.equal(classifyQuoteVariant(MIKHEEV, 'Mikheev', MIKHEEV, 'Alexander Mikheev'), 'identical');
  assert.equal(classifyQuoteVariant(MIKHEEV, null, MIKHEEV, 'Alexander Mikheev'), 'identical');
});

test('isSameQuote(a, b) matches renderings of one quote and keeps different quotes apart', () => {
  assert.equal(isSameQuote(MIKHEEV, MIKHEEV.replace('a number of', 'several')), true);
  assert.equal(isSameQuote(MIKHEEV, 'for the supply of Russian helicopters'), true);
  assert.equal(
    isSameQuote(MIKHEEV, 'We do not want militants showing up here under cover of refugees'),
    false,
  );
  assert.equal(isSameQuote('humiliating', 'humiliating'), true);
  assert.equal(isSameQuote('humiliating', 'undesirable'), false);
});

function q(article: string, text: string, speaker: string | null, start = 0): ArticleQuote {
  return { article, text, speaker, start, end: start + text.length, partial: false };
}

test('quoteVariants(quotes) takes the most common form as canonical and the fullest agreeing name as speaker', () => {
  const groups = quoteVariants([
    q('000', MIKHEEV.replace('fire arms', 'firearms'), 'Mikheev', 10),
    q('001', MIKHEEV, 'Alexander Mikheev', 20),
    q('002', MIKHEEV, null, 30),
    q('003', MIKHEEV.replace('a number of', 'several'), 'Alexander Mikheev', 40),
    q('003', 'the destruction of illegal armed groups', null, 90),
  ]);
  assert.equal(groups.length, 2);
  const [first, second] = groups;
  assert.equal(first?.canonical, MIKHEEV);
  assert.equal(first?.speaker, 'Alexander Mikheev');
  assert.deepEqual(
    first?.variants.map((v) => [v.article, v.kind, v.start]),
    [
      ['000', 'trivial', 10],
      ['001', 'identical', 20],
      ['002', 'identical', 30],
      ['003', 'altered', 40],
    ],
  );
  assert.equal(second?.variants.length, 1);
  assert.match(first?.id ?? '', /^quote:[0-9a-f]{16}$/);
  assert.notEqual(first?.id, second?.id);
});
