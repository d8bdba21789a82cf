import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deriveCopy, mulberry32, splitSentences } from '../bench/lib/derive-copies.ts';

const SOURCE = [
  'Russia said Thursday it has received new orders for arms and helicopters from Central Asian republics. The orders come as countries in the region have raised concerns over the militant group sweeping to power.',
  '"We are already working on a number of orders," Alexander Mikheev, the head of the exporter, told the RIA Novosti news agency. While Russia remains cautiously optimistic, it has warned of militants entering neighbouring countries as refugees.',
  'Drills involving members of the Collective Security Treaty Organisation are also scheduled in Kyrgyzstan. The maneuvers will focus on the destruction of illegal armed groups, according to the press service.',
].join('\n\n');

test('mulberry32(seed) repeats the same sequence for the same seed and differs for another', () => {
  const a = mulberry32(42);
  const b = mulberry32(42);
  const c = mulberry32(43);
  const xs = [a(), a(), a()];
  assert.deepEqual(xs, [b(), b(), b()]);
  assert.notDeepEqual(xs, [c(), c(), c()]);
  for (const x of xs) assert.ok(x >= 0 && x < 1);
});

test('splitSentences(text) finds each sentence with offsets and paragraph numbers', () => {
  const sentences = splitSentences(SOURCE);
  assert.equal(sentences.length, 6);
  assert.deepEqual(
    sentences.map((s) => s.paragraph),
    [0, 0, 1, 1, 2, 2],
  );
  assert.ok(SOURCE.slice(sentences[1]?.start, sentences[1]?.end).startsWith('The orders come'));
});

test('deriveCopy(text, editRate 0) returns the text unchanged with one passage of truth', () => {
  const copy = deriveCopy(SOURCE, { seed: 1, editRate: 0 });
  assert.equal(copy.text, SOURCE);
  assert.deepEqual(copy.truth, [
    { source: { start: 0, end: SOURCE.length }, copy: { start: 0, end: SOURCE.length } },
  ]);
  assert.deepEqual(copy.edits, []);
});

test('deriveCopy(text, options) is the same for the same seed and differs for another seed', () => {
  const a = deriveCopy(SOURCE, { seed: 7, editRate: 0.3 });
  const b = deriveCopy(SOURCE, { seed: 7, editRate: 0.3 });
  const c = deriveCopy(SOURCE, { seed: 8, editRate: 0.3 });
  assert.deepEqual(a, b);
  assert.notEqual(a.text, c.text);
});

test('deriveCopy(text) word edits are located in both texts', () => {
  const copy = deriveCopy(SOURCE, {
    seed: 3,
    editRate: 0.2,
    edits: ['substitute', 'spelling', 'punctuation'],
  });
  assert.ok(copy.edits.length > 0);
  for (const e of copy.edits) {
    assert.ok(e.source && e.copy);
    assert.equal(SOURCE.slice(e.source.start, e.source.end), e.from);
    assert.equal(copy.text.slice(e.copy.start, e.copy.end), e.to);
  }
});

test('deriveCopy(text) truth spans cover reused source sentences and never inserted material', () => {
  for (let seed = 0; seed < 20; seed++) {
    const copy = deriveCopy(SOURCE, { seed, editRate: 0.3 });
    const inserted = copy.edits.filter(
      (e) => e.kind === 'insert-paragraph' || e.kind === 'furniture',
    );
    for (const t of copy.truth) {
      assert.ok(t.source.start < t.source.end && t.source.end <= SOURCE.length);
      assert.ok(t.copy.start < t.copy.end && t.copy.end <= copy.text.length);
      for (const e of inserted) {
        const c = e.copy as { start: number; end: number };
        assert.ok(c.end <= t.copy.start || c.start >= t.copy.end, `seed ${seed}: insert in truth`);
      }
    }
    for (const e of copy.edits.filter((x) => x.kind === 'drop-sentence')) {
      assert.equal(copy.text.includes(e.from as string), false);
    }
  }
});

test('deriveCopy(text, {host}) embeds the copy inside the host and shifts the truth', () => {
  const host =
    'First host paragraph about something else entirely.\n\nSecond host paragraph.\n\nThird one.';
  const copy = deriveCopy(SOURCE, { seed: 5, editRate: 0, host });
  const embed = copy.edits.find((e) => e.kind === 'embed');
  assert.ok(embed?.copy);
  assert.equal(copy.text.slice(embed.copy.start, embed.copy.end), SOURCE);
  const t = copy.truth[0];
  assert.ok(t);
  assert.equal(copy.text.slice(t.copy.start, t.copy.end), SOURCE);
  assert.ok(copy.text.length > SOURCE.length + 40);
});

test('deriveCopy rejects an editRate outside [0, 1]', () => {
  assert.throws(() => deriveCopy(SOURCE, { seed: 1, editRate: 2 }), RangeError);
});
