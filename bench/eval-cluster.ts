/**
 * Story clustering on ECB+ (Cybulska & Vossen 2014): 982 articles, 86 gold
 * events (topic folder x {ecb, ecbplus}) in 43 topics. Prints B-cubed
 * P/R/F1 and adjusted Rand index of groupArticles against events (stories)
 * and topics, beside a plain TF-IDF cosine single-link baseline at its best
 * threshold, and a two-fold cross-validation over topics (thresholds fit on
 * odd topics, scored on even, and the reverse), run twice: on each half
 * alone, and in context (all articles grouped at once, scored on the
 * held-out half's articles, so same-kind topics of the other half can still
 * be confused). Also prints which gold topics are split or mixed, and topic
 * F1 over the topic threshold grid.
 *
 *   npm run eval:cluster
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createStoryIndex,
  type Fingerprint,
  fingerprint,
  groupArticles,
} from '../src/group/index.ts';
import { STORY_THRESHOLD, TOPIC_THRESHOLD } from '../src/group/thresholds.ts';
import { STOPWORDS } from '../src/text/stopwords.ts';
import { words } from '../src/text/tokenize.ts';
import { mulberry32 } from './lib/derive-copies.ts';
import { type EcbDocument, ecbplusDir, readEcbplus } from './lib/ecbplus.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Scores {
  p: number;
  r: number;
  f1: number;
  ari: number;
}

/** B-cubed precision/recall/F1 and adjusted Rand index of a clustering (item -> cluster label) against gold labels. */
export function scoreClustering(predicted: readonly string[], gold: readonly string[]): Scores {
  const n = gold.length;
  const pc = count(predicted);
  const gc = count(gold);
  const joint = count(predicted.map((p, i) => `${p}\u0000${gold[i]}`));
  let p = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    const both = joint.get(`${predicted[i]}\u0000${gold[i]}`) as number;
    p += both / (pc.get(predicted[i] as string) as number);
    r += both / (gc.get(gold[i] as string) as number);
  }
  p /= n;
  r /= n;
  const c2 = (x: number) => (x * (x - 1)) / 2;
  let index = 0;
  for (const v of joint.values()) index += c2(v);
  let a = 0;
  for (const v of pc.values()) a += c2(v);
  let b = 0;
  for (const v of gc.values()) b += c2(v);
  const expected = (a * b) / c2(n);
  const max = (a + b) / 2;
  const ari = max === expected ? 1 : (index - expected) / (max - expected);
  return { p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0, ari };
}

function count(labels: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of labels) m.set(l, (m.get(l) ?? 0) + 1);
  return m;
}

function fmt(s: Scores): string {
  return `B3 P ${s.p.toFixed(3)} R ${s.r.toFixed(3)} F1 ${s.f1.toFixed(3)}  ARI ${s.ari.toFixed(3)}`;
}

/** Plain TF-IDF cosine (stopwords out, raw tf x ln(N/df)) with single link at a threshold. */
function baseline(docs: EcbDocument[]): (threshold: number) => string[] {
  const bags = docs.map((d) => {
    const m = new Map<string, number>();
    for (const w of words(d.article.text)) if (!STOPWORDS.has(w)) m.set(w, (m.get(w) ?? 0) + 1);
    return m;
  });
  const df = new Map<string, number>();
  for (const b of bags) for (const w of b.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const vecs = bags.map((b) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [w, tf] of b) {
      const x = tf * Math.log(docs.length / (df.get(w) as number));
      v.set(w, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [w, x] of v) v.set(w, x / norm);
    return v;
  });
  const sims: [number, number, number][] = [];
  for (let i = 0; i < vecs.length; i++) {
    for (let j = i + 1; j < vecs.length; j++) {
      let s = 0;
      const a = vecs[i] as Map<string, number>;
      const b = vecs[j] as Map<string, number>;
      for (const [w, x] of a) s += x * (b.get(w) ?? 0);
      if (s > 0.02) sims.push([i, j, s]);
    }
  }
  return (threshold) => {
    const parent = docs.map((_, i) => i);
    const find = (x: number): number => {
      let r = x;
      while (parent[r] !== r) r = parent[r] as number;
      return r;
    };
    for (const [i, j, s] of sims) if (s >= threshold) parent[find(i)] = find(j);
    return docs.map((_, i) => String(find(i)));
  };
}

interface RunResult {
  events: Scores;
  topics: Scores;
  /** Predicted story and topic id of each document, in input order. */
  storyOf: string[];
  topicOf: string[];
}

function run(
  docs: EcbDocument[],
  fps: Map<string, Fingerprint>,
  storyThreshold: number,
  topicThreshold: number,
): RunResult {
  const { stories, topics } = groupArticles(
    docs.map((d) => d.article),
    { fingerprints: fps, storyThreshold, topicThreshold },
  );
  const storyOf = new Map<string, string>();
  for (const s of stories) for (const id of s.articleIds) storyOf.set(id, s.id);
  const topicOfStory = new Map<string, string>();
  for (const t of topics) for (const s of t.storyIds) topicOfStory.set(s, t.id);
  const predEvents = docs.map((d) => storyOf.get(d.article.id) as string);
  const predTopics = predEvents.map((s) => topicOfStory.get(s) as string);
  return {
    events: scoreClustering(
      predEvents,
      docs.map((d) => d.event),
    ),
    topics: scoreClustering(
      predTopics,
      docs.map((d) => d.topic),
    ),
    storyOf: predEvents,
    topicOf: predTopics,
  };
}

/** Scores of predicted labels against gold labels on the documents `keep` selects. */
function scoreWhere(
  docs: EcbDocument[],
  predicted: readonly string[],
  gold: (d: EcbDocument) => string,
  keep: (d: EcbDocument) => boolean,
): Scores {
  const p: string[] = [];
  const g: string[] = [];
  docs.forEach((d, i) => {
    if (!keep(d)) return;
    p.push(predicted[i] as string);
    g.push(gold(d));
  });
  return scoreClustering(p, g);
}

/** Gold topics split over several predicted topics, and predicted topics mixing gold topics. */
function topicErrors(docs: EcbDocument[], topicOf: readonly string[]): string[] {
  const partsOf = new Map<string, Set<string>>();
  const goldIn = new Map<string, Map<string, number>>();
  docs.forEach((d, i) => {
    const t = topicOf[i] as string;
    const parts = partsOf.get(d.topic) ?? new Set<string>();
    parts.add(t);
    partsOf.set(d.topic, parts);
    const golds = goldIn.get(t) ?? new Map<string, number>();
    golds.set(d.topic, (golds.get(d.topic) ?? 0) + 1);
    goldIn.set(t, golds);
  });
  const byNumber = (a: string, b: string) => Number(a) - Number(b);
  const split = [...partsOf]
    .filter(([, parts]) => parts.size > 1)
    .map(([gold, parts]) => `${gold} (${parts.size} parts)`)
    .sort((a, b) => byNumber(a.split(' ')[0] as string, b.split(' ')[0] as string));
  const merged = [...goldIn.values()]
    .filter((golds) => golds.size > 1)
    .map((golds) =>
      [...golds]
        .sort((a, b) => byNumber(a[0], b[0]))
        .map(([gold, n]) => `${gold}:${n}`)
        .join(' + '),
    )
    .sort();
  return [
    `gold topics split: ${split.length === 0 ? 'none' : split.join(', ')}`,
    `predicted topics mixing gold topics (topic:articles): ${merged.length === 0 ? 'none' : merged.join('; ')}`,
  ];
}

/** Seeds of the shuffled orders the streaming index is also scored in. */
const STREAM_SHUFFLE_SEEDS = [1, 2];

const STORY_GRID = [0.1, 0.12, 0.14, 0.16, 0.18, 0.2, 0.22, 0.24, 0.26, 0.28, 0.3];
const TOPIC_GRID = Array.from(
  { length: 19 },
  (_, i) => Math.round((0.06 + i * 0.005) * 1000) / 1000,
);

/** The value of `grid` with the highest `score` (the first on ties). */
function bestOf(grid: readonly number[], score: (value: number) => number): number {
  let best = grid[0] as number;
  let bestScore = -1;
  for (const value of grid) {
    const f = score(value);
    if (f > bestScore) {
      bestScore = f;
      best = value;
    }
  }
  return best;
}

function main() {
  const dir = ecbplusDir(root);
  if (dir === null) {
    console.log(
      '../shared/eval/ecbplus missing: nothing to evaluate (see ../shared/eval/README.md).',
    );
    return;
  }
  const docs = readEcbplus(dir);
  const topicsCount = new Set(docs.map((d) => d.topic)).size;
  const eventsCount = new Set(docs.map((d) => d.event)).size;
  console.log(
    `ECB+: ${docs.length} articles, ${eventsCount} events, ${topicsCount} topics (${dir})`,
  );

  // Baseline.
  const base = baseline(docs);
  let bestE = { t: 0, s: null as Scores | null };
  let bestT = { t: 0, s: null as Scores | null };
  for (let t = 0.05; t <= 0.6001; t += 0.025) {
    const labels = base(t);
    const e = scoreClustering(
      labels,
      docs.map((d) => d.event),
    );
    const tp = scoreClustering(
      labels,
      docs.map((d) => d.topic),
    );
    if (!bestE.s || e.f1 > bestE.s.f1) bestE = { t, s: e };
    if (!bestT.s || tp.f1 > bestT.s.f1) bestT = { t, s: tp };
  }
  console.log(
    '\nbaseline: TF-IDF cosine, single link, best threshold per target (fit on all data)',
  );
  console.log(`  events  @${bestE.t.toFixed(3)}  ${fmt(bestE.s as Scores)}`);
  console.log(`  topics  @${bestT.t.toFixed(3)}  ${fmt(bestT.s as Scores)}`);

  // parallax with the constants in src/group/thresholds.ts.
  const t0 = performance.now();
  const fps = new Map(docs.map((d) => [d.article.id, fingerprint(d.article)]));
  const full = run(docs, fps, STORY_THRESHOLD, TOPIC_THRESHOLD);
  const ms = performance.now() - t0;
  console.log(
    `\nparallax groupArticles (story ${STORY_THRESHOLD}, topic ${TOPIC_THRESHOLD}; all data, ${ms.toFixed(0)} ms)`,
  );
  console.log(`  events  ${fmt(full.events)}`);
  console.log(`  topics  ${fmt(full.topics)}`);
  for (const line of topicErrors(docs, full.topicOf)) console.log(`  ${line}`);
  // Runs are cached by data half and thresholds: the sweeps below share them.
  const cache = new Map<string, RunResult>();
  const runOn = (half: string, subset: EcbDocument[], story: number, topic: number) => {
    const key = `${half} ${story} ${topic}`;
    let r = cache.get(key);
    if (r === undefined) {
      r = run(subset, fps, story, topic);
      cache.set(key, r);
    }
    return r;
  };
  cache.set(`all ${STORY_THRESHOLD} ${TOPIC_THRESHOLD}`, full);
  console.log(
    `  topics F1 by topic threshold: ${TOPIC_GRID.map((t) => `${t}: ${runOn('all', docs, STORY_THRESHOLD, t).topics.f1.toFixed(3)}`).join(', ')}`,
  );

  // Streaming: one article at a time, in file order (topic by topic, the
  // two events of a topic interleaved: adversarial for early decisions)
  // and in seeded shuffled orders (mulberry32, Fisher-Yates).
  const streamOrders: [string, EcbDocument[]][] = [['file order', docs]];
  for (const seed of STREAM_SHUFFLE_SEEDS) {
    const rand = mulberry32(seed);
    const shuffled = [...docs];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j] as EcbDocument, shuffled[i] as EcbDocument];
    }
    streamOrders.push([`shuffled, seed ${seed}`, shuffled]);
  }
  for (const [name, order] of streamOrders) {
    const t1 = performance.now();
    const stream = createStoryIndex();
    let merges = 0;
    for (const d of order) if (stream.add(d.article).merged.length > 1) merges++;
    const streamMs = performance.now() - t1;
    const streamStory = docs.map((d) => stream.storyOf(d.article.id) as string);
    console.log(
      `\nparallax createStoryIndex (streaming, ${name}; ${merges} merges, ${streamMs.toFixed(0)} ms)`,
    );
    console.log(
      `  events  ${fmt(
        scoreClustering(
          streamStory,
          docs.map((d) => d.event),
        ),
      )}`,
    );
  }

  // Two-fold cross-validation over topics.
  const odd = docs.filter((d) => Number(d.topic) % 2 === 1);
  const even = docs.filter((d) => Number(d.topic) % 2 === 0);
  const folds: [string, EcbDocument[], EcbDocument[]][] = [
    ['fit odd, test even', odd, even],
    ['fit even, test odd', even, odd],
  ];
  console.log(
    '\ncross-validation over topics (thresholds fit on one half, scored on the other; a half has only',
  );
  console.log(
    '  half the same-kind topics to confuse, so held-out topic figures are easier than full-data ones)',
  );
  const held: { events: Scores; topics: Scores; n: number }[] = [];
  for (const [name, fit, test] of folds) {
    const story = bestOf(STORY_GRID, (s) => runOn(name, fit, s, TOPIC_THRESHOLD).events.f1);
    const topic = bestOf(TOPIC_GRID, (t) => runOn(name, fit, story, t).topics.f1);
    const r = run(test, fps, story, topic);
    held.push({ ...r, n: test.length });
    console.log(`  ${name}: story ${story}, topic ${topic}`);
    console.log(`    events  ${fmt(r.events)}`);
    console.log(`    topics  ${fmt(r.topics)}`);
  }
  const total = held.reduce((a, h) => a + h.n, 0);
  const avg = (pick: (h: (typeof held)[number]) => number) =>
    held.reduce((a, h) => a + pick(h) * h.n, 0) / total;
  console.log(
    `  held-out (weighted by articles): events F1 ${avg((h) => h.events.f1).toFixed(3)} ARI ${avg((h) => h.events.ari).toFixed(3)}; topics F1 ${avg((h) => h.topics.f1).toFixed(3)} ARI ${avg((h) => h.topics.ari).toFixed(3)}`,
  );

  // The same folds in context: every article is grouped at once (so
  // same-kind topics of both halves can be confused, as in real use), the
  // thresholds are fit on the gold labels of one half's articles and scored
  // on the other half's articles only.
  console.log(
    '\ncross-validation in context (all articles grouped together; thresholds fit on one half of',
  );
  console.log("  the topics' articles, scored on the other half's articles)");
  const inContext: { events: Scores; topics: Scores; n: number }[] = [];
  for (const [name, fit, test] of folds) {
    const inFit = new Set(fit);
    const isFit = (d: EcbDocument) => inFit.has(d);
    const isTest = (d: EcbDocument) => !inFit.has(d);
    const story = bestOf(
      STORY_GRID,
      (s) =>
        scoreWhere(docs, runOn('all', docs, s, TOPIC_THRESHOLD).storyOf, (d) => d.event, isFit).f1,
    );
    const topic = bestOf(
      TOPIC_GRID,
      (t) => scoreWhere(docs, runOn('all', docs, story, t).topicOf, (d) => d.topic, isFit).f1,
    );
    const r = runOn('all', docs, story, topic);
    const events = scoreWhere(docs, r.storyOf, (d) => d.event, isTest);
    const topics = scoreWhere(docs, r.topicOf, (d) => d.topic, isTest);
    inContext.push({ events, topics, n: test.length });
    console.log(`  ${name}: story ${story}, topic ${topic}`);
    console.log(`    events  ${fmt(events)}`);
    console.log(`    topics  ${fmt(topics)}`);
  }
  const avgIn = (pick: (h: (typeof inContext)[number]) => number) =>
    inContext.reduce((a, h) => a + pick(h) * h.n, 0) / total;
  console.log(
    `  held-out in context (weighted by articles): events F1 ${avgIn((h) => h.events.f1).toFixed(3)} ARI ${avgIn((h) => h.events.ari).toFixed(3)}; topics F1 ${avgIn((h) => h.topics.f1).toFixed(3)} ARI ${avgIn((h) => h.topics.ari).toFixed(3)}`,
  );
}

if (import.meta.main) main();
