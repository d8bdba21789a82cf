import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  article,
  QUAKE_INDONESIA,
  QUAKE_INDONESIA_OTHER,
  QUAKE_INDONESIA_THIRD,
  QUAKE_TURKEY,
  QUAKE_TURKEY_OTHER,
  QUAKE_TURKEY_THIRD,
  seedArticles,
  shuffle,
} from './articles.case.ts';
import { createStoryIndex } from './story-index.ts';

test("createStoryIndex().add(article) puts a second report of an event in the first one's story", () => {
  const index = createStoryIndex();
  const first = index.add(article('tr1', QUAKE_TURKEY));
  assert.deepEqual(first.merged, []);
  const second = index.add(article('tr2', QUAKE_TURKEY_OTHER));
  assert.deepEqual(second.merged, [first.storyId]);
  assert.deepEqual(
    second.candidates.map((c) => c.articleId),
    ['tr1'],
  );
  assert.equal(index.storyOf('tr1'), second.storyId);
  const other = index.add(article('id1', QUAKE_INDONESIA));
  assert.notEqual(other.storyId, second.storyId);
  assert.equal(index.stories().length, 2);
});

test('createStoryIndex() merges two stories when an article that bridges them arrives', () => {
  const index = createStoryIndex();
  index.add(article('tr1', QUAKE_TURKEY));
  index.add(article('tr2', QUAKE_TURKEY_OTHER));
  index.add(article('id1', QUAKE_INDONESIA));
  index.add(article('id2', QUAKE_INDONESIA_OTHER));
  const before = index.stories();
  assert.equal(before.length, 2);
  // A roundup carrying both wire stories.
  const roundup = article(
    'roundup',
    `Two deadly earthquakes in one day.\n\n${QUAKE_TURKEY}\n\n${QUAKE_INDONESIA}`,
  );
  const result = index.add(roundup);
  assert.deepEqual([...result.merged].sort(), before.map((s) => s.id).sort());
  const after = index.stories();
  assert.equal(after.length, 1);
  assert.deepEqual(after[0]?.articleIds, ['id1', 'id2', 'roundup', 'tr1', 'tr2']);
  assert.equal(after[0]?.id, result.storyId);
  const toWire = after[0]?.relations.find((r) => r.a === 'roundup' && r.b === 'tr1');
  assert.equal(toWire?.kind, 'derived');
});

test('createStoryIndex() does not merge two stories through an article that matches one strongly and the other weakly', () => {
  const index = createStoryIndex();
  index.add(article('tr1', QUAKE_TURKEY));
  index.add(article('tr2', QUAKE_TURKEY_OTHER));
  index.add(article('id1', QUAKE_INDONESIA));
  index.add(article('id2', QUAKE_INDONESIA_OTHER));
  // The Turkish wire story in full, and one sentence about the Indonesian quake.
  const bridge = article(
    'bridge',
    `${QUAKE_TURKEY}\n\nIn Indonesia, a magnitude 6.2 earthquake on Sulawesi killed at least 34 people in Mamuju and Majene, the disaster agency BNPB said.`,
  );
  const result = index.add(bridge);
  assert.equal(result.merged.length, 1);
  assert.equal(result.storyId, index.storyOf('tr1'));
  assert.deepEqual(
    index.stories().map((s) => s.articleIds),
    [
      ['bridge', 'tr1', 'tr2'],
      ['id1', 'id2'],
    ],
  );
});

test('createStoryIndex() gives the same stories for the same order of additions, and the two events in any order', () => {
  const reports = [
    article('tr1', QUAKE_TURKEY),
    article('tr2', QUAKE_TURKEY_OTHER),
    article('tr3', QUAKE_TURKEY_THIRD),
    article('id1', QUAKE_INDONESIA),
    article('id2', QUAKE_INDONESIA_OTHER),
    article('id3', QUAKE_INDONESIA_THIRD),
  ];
  for (let seed = 1; seed <= 8; seed++) {
    const order = shuffle(reports, seed);
    const runs = [createStoryIndex(), createStoryIndex()].map((index) => {
      const added = order.map((a) => index.add(a));
      return JSON.stringify({ added, stories: index.stories() });
    });
    assert.equal(runs[0], runs[1], `seed ${seed}`);
    const index = createStoryIndex();
    for (const a of order) index.add(a);
    assert.deepEqual(
      index.stories().map((s) => s.articleIds),
      [
        ['id1', 'id2', 'id3'],
        ['tr1', 'tr2', 'tr3'],
      ],
      `seed ${seed}`,
    );
  }
});

test('createStoryIndex().add(article) counts an article added twice once and reports it', () => {
  const index = createStoryIndex();
  const a = article('tr1', QUAKE_TURKEY);
  const first = index.add(a);
  const again = index.add(a);
  assert.equal(again.storyId, first.storyId);
  assert.equal(again.problems[0]?.code, 'group/duplicate-id');
  assert.equal(index.stories().flatMap((s) => s.articleIds).length, 1);
  assert.equal(index.problems().length, 1);
});

test('createStoryIndex() keeps articles with no text as stories of their own', () => {
  const index = createStoryIndex();
  index.add(article('tr1', QUAKE_TURKEY));
  const empty = index.add(article('empty', ''));
  assert.equal(empty.problems[0]?.code, 'group/no-text');
  assert.equal(index.stories().length, 2);
});

test('createStoryIndex() groups the five seed articles into one story one at a time', (t) => {
  const seeds = seedArticles();
  if (seeds === null) {
    t.skip('../shared/seeds missing: the seed story cannot be read');
    return;
  }
  const index = createStoryIndex();
  for (const a of seeds) index.add(a);
  const stories = index.stories();
  assert.equal(stories.length, 1);
  assert.equal(index.topics().length, 1);
});
