import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segment, splitSentences } from './sentences.ts';

const slices = (text: string): string[] =>
  splitSentences(text).map((s) => text.slice(s.start, s.end));

test('splitSentences(text) returns trimmed sentence spans with offsets into the text', () => {
  const text = '  Russia said Thursday it has new orders. "We are working," he said.  ';
  assert.deepEqual(slices(text), [
    'Russia said Thursday it has new orders.',
    '"We are working," he said.',
  ]);
});

test('splitSentences(text) does not break after abbreviations such as Sept. and U.S.', () => {
  const text = 'The U.S. said drills are due between Sept. 7 and 9. Moscow agreed.';
  assert.deepEqual(slices(text), [
    'The U.S. said drills are due between Sept. 7 and 9.',
    'Moscow agreed.',
  ]);
});

test('splitSentences(text) always ends a sentence at a line break', () => {
  const text = 'Preview\nSubscribers agree to the Privacy Policy\n\nRead more';
  assert.deepEqual(slices(text), [
    'Preview',
    'Subscribers agree to the Privacy Policy',
    'Read more',
  ]);
});

test('splitSentences(text) returns no sentences for empty or blank text', () => {
  assert.deepEqual(splitSentences(''), []);
  assert.deepEqual(splitSentences(' \n\n '), []);
});

test('splitSentences(text) throws a TypeError for a value that is not a string', () => {
  assert.throws(() => splitSentences(42 as unknown as string), TypeError);
});

test('segment(text) gives tokens whose offsets slice the words and punctuation out of the text', () => {
  const text = 'Alexander Mikheev, the head of Rosoboronexport, spoke.';
  const { tokens, sentenceTokens } = segment(text);
  assert.deepEqual(
    tokens.map((t) => text.slice(t.start, t.end)),
    ['Alexander', 'Mikheev', ',', 'the', 'head', 'of', 'Rosoboronexport', ',', 'spoke', '.'],
  );
  assert.equal(tokens[0]?.pos, 'PROPN');
  assert.deepEqual(sentenceTokens, [[0, 10]]);
});
