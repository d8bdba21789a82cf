import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { scoreClustering } from '../../bench/eval-cluster.ts';
import { readEcbplus } from '../../bench/lib/ecbplus.ts';
import {
  article,
  QUAKE_INDONESIA,
  QUAKE_INDONESIA_OTHER,
  QUAKE_INDONESIA_THIRD,
  QUAKE_TURKEY,
  QUAKE_TURKEY_OTHER,
  QUAKE_TURKEY_THIRD,
  REPO_ROOT,
  shuffle,
} from './articles.case.ts';
import { fingerprintView } from './fingerprint.ts';
import { groupArticles } from './group-articles.ts';
import { TOPIC_ANCHOR_ARTICLES } from './thresholds.ts';
import { type TopicalVector, termStatistics, topicalVector } from './topical.ts';
import { clusterTopics, storyProfile, topicSimilarity } from './topics.ts';

/** A fourth report of the January 2020 earthquake in Elazig, Turkey. */
const QUAKE_TURKEY_FOURTH = `Schools in Elazig and Malatya stayed closed on Monday after the magnitude 6.8 earthquake, as AFAD engineers inspected cracked buildings. Turkey's disaster agency said more than 1,600 people were injured across the two provinces.

Erdogan told reporters in Ankara that 1,000 new homes would be built in Elazig, and aid trucks reached villages around Sivrice and Lake Hazar.`;

/** Four reports of another earthquake in Turkey (Izmir, October 2020): same country, agency and president as the Elazig one. */
const QUAKE_IZMIR = [
  `A magnitude 7.0 earthquake struck the Aegean Sea off Turkey's western province of Izmir on Friday, toppling apartment blocks in the Bayrakli district and killing at least 25 people, Turkey's disaster agency AFAD said. The quake also injured hundreds and caused a small tsunami that flooded streets in Seferihisar.`,
  `Rescuers in Izmir pulled a teenage girl alive from the rubble of a collapsed building in Bayrakli on Saturday, 34 hours after the magnitude 7.0 earthquake. AFAD raised the death toll to 39 and said more than 880 people were injured across Izmir province.`,
  `Erdogan visited Bayrakli on Sunday as the death toll from the Izmir earthquake rose to 69, AFAD said. Thousands of residents of Izmir, Turkey's third largest city, spent a third night in tents, fearing aftershocks after the magnitude 7.0 quake in the Aegean.`,
  `Turkey ended search and rescue work in Izmir on Tuesday after a three-year-old girl was found alive under a collapsed block in Bayrakli, 91 hours after the magnitude 7.0 earthquake. AFAD said 114 people died and 1,035 were injured in Izmir province.`,
];

/** A fourth report of the January 2021 earthquake on Sulawesi, Indonesia. */
const QUAKE_INDONESIA_FOURTH = `Indonesia's disaster agency BNPB said on Monday that the death toll from the magnitude 6.2 earthquake on Sulawesi had reached 91, most of them in Mamuju. Widodo's government sent navy ships with tents, food and medicine to Majene and Mamuju, where 15,000 people remain displaced.`;

/** Four reports of an acquisition: another kind of event altogether. */
const ACQUISITION = [
  `Hewlett-Packard agreed on Tuesday to buy Electronic Data Systems for $13.9 billion in cash, the largest deal in its history, to expand its technology services business and compete with IBM. HP will pay $25 a share for EDS, a premium of about a third.`,
  `HP's $13.9 billion purchase of Electronic Data Systems will make it the second largest technology services company after IBM, analysts said. EDS shareholders will receive $25 a share in cash; the boards of both companies approved the acquisition.`,
  `Shares of EDS jumped on news that Hewlett-Packard would acquire the outsourcing company for $13.9 billion. HP chief executive Mark Hurd said the deal would double the size of its services arm and close by the end of the year.`,
  `Hewlett-Packard said the acquisition of Electronic Data Systems, valued at $13.9 billion, would add 140,000 employees. HP expects to cut costs by combining the two companies' data centres and to keep the EDS brand for a time.`,
];

const ELAZIG = [QUAKE_TURKEY, QUAKE_TURKEY_OTHER, QUAKE_TURKEY_THIRD, QUAKE_TURKEY_FOURTH];
const SULAWESI = [
  QUAKE_INDONESIA,
  QUAKE_INDONESIA_OTHER,
  QUAKE_INDONESIA_THIRD,
  QUAKE_INDONESIA_FOURTH,
];

/**
 * TF-IDF vectors of a batch of texts, and stories as lists of their
 * indexes: one story per group of texts, in order.
 */
function batch(groups: readonly (readonly string[])[]): {
  stories: number[][];
  vectors: TopicalVector[];
} {
  const texts = groups.flat();
  const fps = texts.map((text, i) => fingerprintView(article(`a${i}`, text)));
  const stats = termStatistics(fps);
  const vectors = fps.map((fp) => topicalVector(fp, stats));
  let next = 0;
  const stories = groups.map((g) => g.map(() => next++));
  return { stories, vectors };
}

test('clusterTopics puts two earthquakes in one country in a topic of their own and leaves an earthquake elsewhere out', () => {
  const { stories, vectors } = batch([ELAZIG, QUAKE_IZMIR, SULAWESI]);
  assert.deepEqual(clusterTopics(stories, vectors), [[0, 1], [2]]);
});

test('clusterTopics keeps two earthquakes in different countries in one topic when no names anchor a group', () => {
  // Without a second Turkish earthquake nothing sets Turkey apart: the
  // kind of event is the topic.
  const { stories, vectors } = batch([ELAZIG, SULAWESI]);
  assert.deepEqual(clusterTopics(stories, vectors), [[0, 1]]);
});

test('clusterTopics does not let stories of fewer articles than an anchor needs anchor a topic', () => {
  // Each story has four articles: when an anchor needs more, nothing sets
  // the Turkish pair apart and the three earthquakes are one topic.
  const { stories, vectors } = batch([ELAZIG, QUAKE_IZMIR, SULAWESI]);
  assert.ok(TOPIC_ANCHOR_ARTICLES <= 4);
  assert.deepEqual(clusterTopics(stories, vectors, undefined, { anchorArticles: 5 }), [[0, 1, 2]]);
});

test('clusterTopics keeps the stories of a kind that join no anchor together, as one more topic', () => {
  // The Sulawesi earthquake told as two stories of two articles: too thin
  // to anchor, so they stay together beside the Turkish anchor.
  const { stories, vectors } = batch([
    ELAZIG,
    QUAKE_IZMIR,
    SULAWESI.slice(0, 2),
    SULAWESI.slice(2),
  ]);
  assert.deepEqual(clusterTopics(stories, vectors), [
    [0, 1],
    [2, 3],
  ]);
  // All four are one kind: with no names linking stories there is no anchor.
  assert.deepEqual(clusterTopics(stories, vectors, undefined, { nameThreshold: 0.99 }), [
    [0, 1, 2, 3],
  ]);
});

test('clusterTopics keeps different kinds of events in different topics', () => {
  const { stories, vectors } = batch([ELAZIG, ACQUISITION, SULAWESI]);
  assert.deepEqual(clusterTopics(stories, vectors), [[0, 2], [1]]);
});

test('clusterTopics gives the same topics whatever the order of the stories', () => {
  const groups = [ELAZIG, ACQUISITION, QUAKE_IZMIR, SULAWESI];
  const { stories, vectors } = batch(groups);
  const asSets = (topics: number[][], order: number[]) =>
    topics
      .map((t) => t.map((s) => order[s] as number).sort((a, b) => a - b))
      .sort((a, b) => (a[0] as number) - (b[0] as number));
  const expected = asSets(clusterTopics(stories, vectors), [0, 1, 2, 3]);
  assert.deepEqual(expected, [[0, 2], [1], [3]]);
  for (const seed of [1, 2, 3]) {
    const order = shuffle([0, 1, 2, 3], seed);
    const topics = clusterTopics(
      order.map((s) => stories[s] as number[]),
      vectors,
    );
    assert.deepEqual(asSets(topics, order), expected, `seed ${seed}`);
  }
});

test('storyProfile(vectors) keeps words and names apart, and topicSimilarity compares each', () => {
  const { stories, vectors } = batch([ELAZIG, QUAKE_IZMIR, SULAWESI]);
  const [elazig, izmir, sulawesi] = stories.map((s) =>
    storyProfile([...s.map((m) => vectors[m] as TopicalVector), null]),
  );
  assert.equal(elazig?.articles, 4);
  for (const t of elazig?.words.terms ?? []) assert.equal(t & 3, 0);
  for (const t of elazig?.names.terms ?? []) assert.equal(t & 3, 1);
  const turkey = topicSimilarity(elazig as never, izmir as never);
  const apart = topicSimilarity(elazig as never, sulawesi as never);
  // Both pairs are earthquakes; only the Turkish pair shares names.
  assert.ok(turkey.words > 0.1 && apart.words > 0.1, `${turkey.words} ${apart.words}`);
  assert.ok(turkey.names > 2 * apart.names, `${turkey.names} ${apart.names}`);
});

test('groupArticles(articles) puts two earthquakes in one country in one topic and an earthquake elsewhere in another', () => {
  const articles = [
    ...ELAZIG.map((text, i) => article(`elazig${i}`, text)),
    ...QUAKE_IZMIR.map((text, i) => article(`izmir${i}`, text)),
    ...SULAWESI.map((text, i) => article(`sulawesi${i}`, text)),
  ];
  const { stories, topics } = groupArticles(articles);
  const storyOf = (id: string) => stories.find((s) => s.articleIds.includes(id))?.id;
  const topicOf = (id: string) => topics.find((t) => t.storyIds.includes(storyOf(id) as string));
  assert.notEqual(storyOf('elazig0'), storyOf('izmir0'));
  assert.equal(topicOf('elazig0'), topicOf('izmir0'));
  assert.notEqual(topicOf('elazig0'), topicOf('sulawesi0'));
});

test('groupArticles(ECB+) groups stories into the 43 topics with B-cubed F1 above a floor', (t) => {
  const dir = join(REPO_ROOT, '..', 'shared', 'eval', 'ecbplus', 'xml');
  if (!existsSync(dir)) {
    t.skip('../shared/eval missing: ECB+ cannot be read');
    return;
  }
  const docs = readEcbplus(dir);
  const { stories, topics } = groupArticles(docs.map((d) => d.article));
  const topicOfStory = new Map<string, string>();
  for (const topic of topics) for (const s of topic.storyIds) topicOfStory.set(s, topic.id);
  const topicOf = new Map<string, string>();
  for (const s of stories) {
    for (const id of s.articleIds) topicOf.set(id, topicOfStory.get(s.id) as string);
  }
  const score = scoreClustering(
    docs.map((d) => topicOf.get(d.article.id) as string),
    docs.map((d) => d.topic),
  );
  // A floor below what eval:cluster measures (0.953), so a regression shows.
  assert.ok(score.f1 > 0.94, `topics B-cubed F1 ${score.f1.toFixed(3)}`);
});
