import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  article,
  QUAKE_INDONESIA,
  QUAKE_INDONESIA_OTHER,
  QUAKE_TURKEY,
  QUAKE_TURKEY_OTHER,
  QUAKE_TURKEY_THIRD,
} from './articles.case.ts';
import { decideStory, type StreamCandidate } from './decide-story.ts';
import { type Fingerprint, fingerprint } from './fingerprint.ts';
import { STREAM_MERGE_THRESHOLD } from './thresholds.ts';
import { termStatistics } from './topical.ts';

const fps = {
  tr1: fingerprint(article('tr1', QUAKE_TURKEY)),
  tr2: fingerprint(article('tr2', QUAKE_TURKEY_OTHER)),
  tr3: fingerprint(article('tr3', QUAKE_TURKEY_THIRD)),
  id1: fingerprint(article('id1', QUAKE_INDONESIA)),
  id2: fingerprint(article('id2', QUAKE_INDONESIA_OTHER)),
};

/** Decide for `fp` against candidates given as [fingerprint, story id, story size]. */
function decide(
  fp: Fingerprint,
  members: [Fingerprint, string, number][],
  thresholds = {},
): ReturnType<typeof decideStory> {
  const candidates: StreamCandidate[] = members.map(([f, storyId, storySize]) => ({
    fingerprint: f,
    storyId,
    storySize,
  }));
  // Document frequencies over all the quake reports (as an index holding them would have).
  const statistics = termStatistics([...new Set([fp, ...Object.values(fps)])]);
  return decideStory(
    { fingerprint: fp, candidates, statistics, isCommonReuse: () => false },
    thresholds,
  );
}

test('decideStory(context) does not merge a story the bridge matches strongly with one it matches weakly', () => {
  // The Turkish wire story in full, and one sentence about the Indonesian quake.
  const bridge = fingerprint(
    article(
      'bridge',
      `${QUAKE_TURKEY}\n\nIn Indonesia, a magnitude 6.2 earthquake on Sulawesi killed at least 34 people in Mamuju and Majene, the disaster agency BNPB said.`,
    ),
  );
  const stories: [Fingerprint, string, number][] = [
    [fps.tr1, 'turkey', 2],
    [fps.tr2, 'turkey', 2],
    [fps.id1, 'indonesia', 2],
    [fps.id2, 'indonesia', 2],
  ];
  const choice = decide(bridge, stories);
  assert.deepEqual(choice.join, ['turkey']);
  // It does clear the join threshold of the weak side on its own: only the merge check keeps them apart.
  const alone = decide(bridge, stories.slice(2));
  assert.deepEqual(alone.join, ['indonesia']);
});

test('decideStory(context) merges two halves of one story when a bridge close to both arrives', () => {
  // A report built from two outlets' reports of the Turkish quake.
  const bridge = fingerprint(
    article('bridge', `${QUAKE_TURKEY}\n\n${QUAKE_TURKEY_OTHER}\n\n${QUAKE_TURKEY_THIRD}`),
  );
  // Two members each, so the merge bar applies (one member of 'early' is not a candidate).
  const choice = decide(bridge, [
    [fps.tr1, 'early', 2],
    [fps.tr2, 'late', 2],
    [fps.tr3, 'late', 2],
    [fps.id1, 'indonesia', 1],
  ]);
  assert.deepEqual([...choice.join].sort(), ['early', 'late']);
  assert.equal(choice.scores.length, 2);
  assert.ok((choice.scores[1] as number) >= STREAM_MERGE_THRESHOLD, `link ${choice.scores[1]}`);
});

test('decideStory(context) asks more of a small story than of a large one', () => {
  // The wire story and the aftermath report (similarity about 0.25): similar, little shared text.
  const one = decide(fps.tr3, [[fps.tr1, 'turkey', 1]]);
  assert.deepEqual(one.join, []);
  const noSupport = decide(fps.tr3, [[fps.tr1, 'turkey', 1]], { joinSupport: 0 });
  assert.deepEqual(noSupport.join, ['turkey']);
  // The same similarity to each of two members (a second copy of the wire) is enough.
  const copy = fingerprint(article('tr1-copy', QUAKE_TURKEY));
  const two = decide(fps.tr3, [
    [fps.tr1, 'turkey', 2],
    [copy, 'turkey', 2],
  ]);
  assert.deepEqual(two.join, ['turkey']);
  assert.equal(two.scores[0], noSupport.scores[0]);
});

test('decideStory(context) merges a lone article into the group it would have joined had it arrived now', () => {
  // A merge bar no story reaches, so only the lone-article rule can merge.
  const thresholds = { join: 0.1, joinSupport: 0.2, merge: 0.9 };
  const copy = fingerprint(article('tr1-copy', QUAKE_TURKEY));
  const lone = decide(
    copy,
    [
      [fps.tr1, 'turkey', 2],
      [fps.tr3, 'turkey', 2],
      [fps.tr2, 'lone', 1],
    ],
    thresholds,
  );
  assert.deepEqual(lone.join, ['turkey', 'lone']);
  // The same article in a story of two is held to the merge bar.
  const pair = decide(
    copy,
    [
      [fps.tr1, 'turkey', 2],
      [fps.tr3, 'turkey', 2],
      [fps.tr2, 'pair', 2],
    ],
    thresholds,
  );
  assert.deepEqual(pair.join, ['turkey']);
});

test('decideStory(context) starts a new story when there are no candidates', () => {
  assert.deepEqual(decide(fps.tr1, []), { join: [], scores: [] });
});

test('decideStory(context, thresholds) rejects a missing candidates list and bad thresholds', () => {
  assert.throws(
    () =>
      decideStory({
        fingerprint: fps.tr1,
        statistics: termStatistics([fps.tr1]),
        isCommonReuse: () => false,
      } as never),
    TypeError,
  );
  assert.throws(() => decide(fps.tr2, [[fps.tr1, 's', 1]], { merge: Number.NaN }), RangeError);
  assert.throws(() => decide(fps.tr2, [[fps.tr1, 's', 1]], { linkMembers: 0 }), RangeError);
});
