import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testArticle } from '../model/article.case.ts';
import type { Article } from '../model/article.ts';
import { alignPair } from './align-pair.ts';
import { MAX_GRAM_OCCURRENCES } from './limits.ts';

const WIRE =
  'Russia said Thursday it has received new orders for arms and helicopters from Central Asian republics bordering Afghanistan following the takeover of the country by the Taliban.';
const SECOND =
  'Uzbekistan and Tajikistan earlier this month held joint military exercises with Russia close to their borders with Afghanistan.';

test('alignPair(a, b) finds a shared passage with exact character spans on both sides', () => {
  const a = testArticle('a', `The harbour reopened on Monday after repairs.\n\n${WIRE}`);
  const b = testArticle(
    'b',
    `${WIRE}\n\nLocal markets were calm and traders expected little change.`,
  );
  const al = alignPair(a, b);
  assert.equal(al.passages.length, 1);
  const p = al.passages[0];
  assert.ok(p);
  assert.equal(p.kind, 'verbatim');
  assert.equal(p.similarity, 1);
  assert.equal(a.text.slice(p.a.start, p.a.end), WIRE);
  assert.equal(b.text.slice(p.b.start, p.b.end), WIRE);
});

test('alignPair(a, b) reports coverage both ways as the share of each article in passages', () => {
  const a = testArticle('a', WIRE);
  const b = testArticle('b', `${WIRE}\n\n${SECOND}`);
  const al = alignPair(a, b);
  assert.equal(al.coverage.a, 1);
  assert.ok(al.coverage.b > 0.5 && al.coverage.b < 0.7, `coverage b ${al.coverage.b}`);
  assert.deepEqual(al.copied, al.coverage);
});

test('alignPair(a, b) keeps reordered paragraphs as separate passages', () => {
  const a = testArticle('a', `${WIRE}\n\n${SECOND}`);
  const b = testArticle('b', `${SECOND}\n\n${WIRE}`);
  const al = alignPair(a, b);
  assert.equal(al.passages.length, 2);
  const [first, second] = al.passages;
  assert.ok(first && second);
  assert.equal(a.text.slice(first.a.start, first.a.end), WIRE);
  assert.equal(b.text.slice(first.b.start, first.b.end), WIRE);
  assert.equal(a.text.slice(second.a.start, second.a.end), SECOND);
});

test('alignPair(a, b) classifies spelling, hyphenation, punctuation, function-word and date-format edits', () => {
  const a = testArticle(
    'a',
    'Drills involving members of the Collective Security Treaty Organization, a military alliance led by Moscow, are also scheduled in Kyrgyzstan between Sept. 7 and 9, according to the press service of a CSTO member state and supply of firearms.',
  );
  const b = testArticle(
    'b',
    'Drills involving members of the Collective Security Treaty Organisation; a military alliance led by Moscow, are also scheduled in Kyrgyzstan between September 7 and 9, according to the press-service of an CSTO member state and supply of fire arms.',
  );
  const al = alignPair(a, b);
  assert.equal(al.passages.length, 1);
  const edits = al.passages[0]?.edits ?? [];
  const find = (x: string) => edits.find((e) => e.a === x);
  assert.equal(find('Organization')?.kind, 'spelling');
  assert.equal(find('Organization')?.b, 'Organisation');
  assert.equal(find(',')?.kind, 'punctuation');
  assert.equal(find('Sept.')?.kind, 'number-format');
  assert.equal(find('Sept.')?.b, 'September');
  assert.equal(find('press service')?.kind, 'spelling');
  assert.equal(find('a')?.kind, 'function-word');
  assert.equal(find('firearms')?.kind, 'spelling');
  assert.equal(al.passages[0]?.kind, 'edited');
  for (const e of edits) {
    assert.equal(a.text.slice(e.aSpan.start, e.aSpan.end), e.a);
    assert.equal(b.text.slice(e.bSpan.start, e.bSpan.end), e.b);
    assert.equal(e.framing, false);
  }
});

test('alignPair(a, b) flags a loaded-term substitution as a framing change', () => {
  const a = testArticle(
    'a',
    'The orders come as countries in the region, where Moscow holds military bases, have raised concerns over the militant group sweeping to power.',
  );
  const b = testArticle(
    'b',
    'The orders come as countries in the region, where Moscow holds military bases, have raised concerns over the terrorist group sweeping to power.',
  );
  const edits = alignPair(a, b).passages.flatMap((p) => p.edits);
  assert.equal(edits.length, 1);
  const [e] = edits;
  assert.equal(e?.kind, 'substitution');
  assert.equal(e?.a, 'militant');
  assert.equal(e?.b, 'terrorist');
  assert.equal(e?.framing, true);
  assert.deepEqual(e?.loaded, ['militant', 'terrorist']);
});

test('alignPair(a, b) does not flag a plain content-word substitution as framing', () => {
  const a = testArticle('a', `${WIRE} The deal was signed in the capital on Friday morning.`);
  const b = testArticle('b', `${WIRE} The deal was signed in the capital on Friday evening.`);
  const [e] = alignPair(a, b).passages.flatMap((p) => p.edits);
  assert.equal(e?.kind, 'substitution');
  assert.equal(e?.framing, false);
  assert.equal(e?.loaded, undefined);
});

test('alignPair(a, b) records inserted and deleted words with an empty span on the other side', () => {
  const a = testArticle('a', WIRE);
  const b = testArticle('b', WIRE.replace('it has received', 'it has already received'));
  const [e] = alignPair(a, b).passages.flatMap((p) => p.edits);
  assert.equal(e?.kind, 'insertion');
  assert.equal(e?.b, 'already');
  assert.equal(e?.aSpan.start, e?.aSpan.end);
  const back = alignPair(b, a).passages.flatMap((p) => p.edits)[0];
  assert.equal(back?.kind, 'deletion');
});

test('alignPair(a, b) marks a rewritten sentence that keeps a quote as a paraphrase', () => {
  const a = testArticle(
    'a',
    'The maneuvers will focus on "the destruction of illegal armed groups that have invaded the territory of a member state," according to the press service of the alliance quoted by the Interfax news agency.',
  );
  const b = testArticle(
    'b',
    'These military exercises look to focus on “the destruction of illegal armed groups that have invaded the territory of a member state,” the alliance said to Interfax.',
  );
  const al = alignPair(a, b);
  assert.equal(al.passages.length, 1);
  const p = al.passages[0];
  assert.equal(p?.kind, 'paraphrase');
  assert.ok((p?.similarity ?? 1) < 0.9);
  assert.equal(al.copied.a, 0);
});

test('alignPair(a, b) finds nothing between texts about other things', () => {
  const a = testArticle('a', WIRE);
  const b = testArticle(
    'b',
    'The council approved a new budget for the city library, which will open longer hours from next spring, officials said.',
  );
  const al = alignPair(a, b);
  assert.deepEqual(al.passages, []);
  assert.deepEqual(al.coverage, { a: 0, b: 0 });
});

test('alignPair(a, b) throws a TypeError when given something other than an article', () => {
  assert.throws(() => alignPair({} as Article, testArticle('b', WIRE)), TypeError);
  assert.throws(() => alignPair(testArticle('a', WIRE), null as unknown as Article), TypeError);
});

test('alignPair(a, a) of one article repeated gives one verbatim passage over all of it', () => {
  const a = testArticle('a', `${WIRE}\n\n${SECOND}\n\n${WIRE}`);
  const al = alignPair(a, a);
  assert.deepEqual(al.coverage, { a: 1, b: 1 });
  const full = al.passages.find((p) => p.a.start === 0 && p.a.end === a.text.length);
  assert.ok(full, 'one passage covers the whole text');
  assert.equal(full.kind, 'verbatim');
  assert.deepEqual(full.b, full.a);
});

test('alignPair(a, b) where b contains a several times gives one passage per copy', () => {
  const a = testArticle('a', WIRE);
  const b = testArticle('b', [SECOND, WIRE, SECOND, WIRE, WIRE].join('\n\n'));
  const al = alignPair(a, b);
  const copies = al.passages.filter((p) => b.text.slice(p.b.start, p.b.end) === WIRE);
  assert.equal(copies.length, 3);
  for (const p of copies) assert.deepEqual(p.a, { start: 0, end: WIRE.length });
});

test('alignPair(a, b) where b repeats a beyond the occurrence cap stays bounded and aligns the first copies', () => {
  const a = testArticle('a', WIRE);
  const b = testArticle(
    'b',
    Array.from({ length: MAX_GRAM_OCCURRENCES * 3 }, () => WIRE).join('\n\n'),
  );
  const al = alignPair(a, b);
  assert.ok(al.passages.length >= 1 && al.passages.length <= MAX_GRAM_OCCURRENCES * 3);
  assert.equal(al.coverage.a, 1);
  assert.equal(al.passages[0]?.b.start, 0);
});

test('alignPair(a, b) of articles sharing only boilerplate reports it as a small passage', () => {
  const boiler =
    'Sign up for our free weekly newsletter. Our weekly newsletter contains a hand-picked selection of news, features, analysis and more.';
  const a = testArticle('a', `${WIRE}\n\n${SECOND}\n\n${boiler}`);
  const b = testArticle(
    'b',
    `The council approved a new budget for the city library, which will open longer hours from next spring, officials said. Critics called the plan too modest and asked for more funds for schools and parks across the region.\n\n${boiler}`,
  );
  const al = alignPair(a, b);
  assert.equal(al.passages.length, 1);
  assert.equal(a.text.slice(al.passages[0]?.a.start, al.passages[0]?.a.end), boiler);
  assert.ok(al.coverage.a < 0.5 && al.coverage.b < 0.5);
});

test('alignPair(a, b) aligns 100k-word articles within the caps', () => {
  // A long text of distinct sentences (seeded, no randomness), and a copy with
  // a substitution every 50 words.
  const vocab =
    'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu'.split(
      ' ',
    );
  const words: string[] = [];
  let x = 12345;
  for (let i = 0; i < 100_000; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    words.push(`${vocab[x % vocab.length]}${(x >> 8) % 97}`);
  }
  const text = words.join(' ');
  const copy = words.map((w, i) => (i % 50 === 25 ? 'changed' : w)).join(' ');
  const al = alignPair(testArticle('a', text), testArticle('b', copy), { paraphrase: false });
  assert.ok(al.coverage.a > 0.99, `coverage ${al.coverage.a}`);
  const subs = al.passages.flatMap((p) => p.edits).filter((e) => e.kind === 'substitution');
  assert.equal(subs.length, 2000);
});
