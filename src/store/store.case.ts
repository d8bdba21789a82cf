/**
 * The one contract every Store backend passes (as hono's router
 * `common.case.test.ts`): each backend's test file calls `storeContract`
 * with a way to make empty databases. A `.case.ts` file: not a test by
 * itself, and left out of the build.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  article,
  QUAKE_INDONESIA,
  QUAKE_INDONESIA_OTHER,
  QUAKE_TURKEY,
  QUAKE_TURKEY_OTHER,
  seedArticles,
  seededRandom,
} from '../group/articles.case.ts';
import {
  createMemoryCandidateIndex,
  createStoryIndex,
  type Fingerprint,
  fingerprint,
} from '../group/index.ts';
import type { Article, StoryAnalysis } from '../model/index.ts';
import { migrate } from './migrate.ts';
import { openStore } from './open-store.ts';
import type { QueryPort } from './query-port.ts';
import type { Store, StoryDecider } from './store.ts';
import { StoreError } from './store-error.ts';

/** How the contract gets databases from a backend. */
export interface StoreBackend {
  /** The location (`--db` value: a folder or a URL) of a new, empty database. */
  fresh(): Promise<string>;
  /** Whether several stores may use one location at once (PostgreSQL: yes; PGlite: one process). */
  concurrent: boolean;
  /** A raw query port on a location; when not concurrent, no store may be open there. */
  port(location: string): Promise<QueryPort>;
}

const EN = { language: 'en' };

function quakes(): Article[] {
  return [
    article('tr1', QUAKE_TURKEY, {
      ...EN,
      outlet: 'Wire',
      headline: 'Earthquake kills 18 in eastern Turkey',
      publishedAt: '2020-01-24T18:00:00Z',
      url: 'https://wire.example/turkey-quake',
    }),
    article('tr2', QUAKE_TURKEY_OTHER, {
      ...EN,
      outlet: 'Daily',
      headline: 'Survivors huddle in Elazig',
      publishedAt: '2020-01-25T09:00:00Z',
    }),
    article('id1', QUAKE_INDONESIA, {
      ...EN,
      outlet: 'Wire',
      headline: 'Quake on Sulawesi kills 34',
      publishedAt: '2021-01-15T02:00:00Z',
    }),
    article('id2', QUAKE_INDONESIA_OTHER, {
      ...EN,
      outlet: 'Herald',
      headline: 'Sulawesi death toll rises to 56',
      publishedAt: '2021-01-16T08:00:00Z',
    }),
  ];
}

function roundup(): Article {
  return article(
    'roundup',
    `Two deadly earthquakes in one day.\n\n${QUAKE_TURKEY}\n\n${QUAKE_INDONESIA}`,
    { ...EN, outlet: 'Weekly', headline: 'Two quakes', publishedAt: '2021-01-17T00:00:00Z' },
  );
}

/** Made-up words from a seeded PRNG, each starting with `tag`: texts with different tags share no words. */
function gibberish(seed: number, words: number, tag = ''): string {
  const rand = seededRandom(seed);
  const syllables = ['ka', 'lo', 'mi', 'ren', 'tus', 'va', 'qo', 'zel', 'pri', 'dun', 'fe', 'gro'];
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    let w = tag;
    const n = 2 + Math.floor(rand() * 3);
    for (let j = 0; j < n; j++) w += syllables[Math.floor(rand() * syllables.length)];
    out.push(w);
  }
  return `${out.join(' ')}.`;
}

/** Articles for the index comparison: quakes, seeds and edited copies, roundups and furniture. */
function indexCorpus(): Article[] {
  const bases = [...quakes(), ...(seedArticles() ?? [])];
  const out: Article[] = [];
  const footer =
    'Sign up for our free weekly newsletter and never miss the latest news from our reporters.';
  bases.forEach((base, i) => {
    out.push(base);
    const paragraphs = base.text.split('\n\n');
    out.push(article(`${base.id}-footer`, `${base.text}\n\n${footer}`));
    out.push(article(`${base.id}-lead`, paragraphs.slice(0, 2).join('\n\n')));
    out.push(article(`${base.id}-rev`, [...paragraphs].reverse().join('\n\n')));
    out.push(
      article(
        `${base.id}-edit`,
        base.text.replace(/\b(the|said|and)\b/g, (w) => w.toUpperCase()),
      ),
    );
    const next = bases[(i + 1) % bases.length] as Article;
    out.push(article(`${base.id}-mix`, `${paragraphs[0]}\n\n${next.text}`));
  });
  for (let i = 0; i < 5; i++) out.push(article(`noise${i}`, `${gibberish(i, 80)}\n\n${footer}`));
  return out;
}

const analysisFor = (id: string) =>
  ({ id, articleIds: [], relations: [] }) as unknown as StoryAnalysis;

/** Register the store contract tests for one backend. */
export function storeContract(name: string, backend: StoreBackend): void {
  const open = async (): Promise<Store> => openStore(await backend.fresh());
  const using = async (run: (store: Store) => Promise<void>) => {
    const store = await open();
    try {
      await run(store);
    } finally {
      await store.close();
    }
  };

  describe(`${name} store`, () => {
    test('putArticle(article) twice keeps one article and reports created: false the second time', () =>
      using(async (store) => {
        const a = quakes()[0] as Article;
        a.removed = [{ text: 'Sign up for our newsletter', reason: 'newsletter', detail: 'rule' }];
        assert.deepEqual(await store.putArticle(a), {
          articleId: 'tr1',
          created: true,
          previousId: null,
        });
        assert.deepEqual(await store.putArticle({ ...a, headline: 'changed' }), {
          articleId: 'tr1',
          created: false,
          previousId: null,
        });
        const stored = await store.getArticle('tr1');
        // Byte for byte, removed blocks included; the second put wrote nothing.
        assert.equal(JSON.stringify(stored?.article), JSON.stringify(a));
        assert.equal(stored?.storyId, null);
        assert.equal((await store.counts()).articles, 1);
        assert.equal(await store.getArticle('missing'), null);
      }));

    test('putArticle(article) keeps a changed page at a known URL as a new version linked to the previous one', () =>
      using(async (store) => {
        const url = 'https://news.example/story';
        const v1 = article('v1', QUAKE_TURKEY, { url });
        const v2 = article('v2', `${QUAKE_TURKEY}\n\nUpdated with the death toll.`, { url });
        const v3 = article('v3', `${QUAKE_TURKEY_OTHER}`, { url });
        assert.equal(
          (await store.putArticle(v1, { seenAt: '2020-01-24T18:00:00Z' })).previousId,
          null,
        );
        assert.equal(
          (await store.putArticle(v2, { seenAt: '2020-01-24T19:00:00Z' })).previousId,
          'v1',
        );
        assert.equal((await store.putArticle(v2)).created, false);
        assert.equal(
          (await store.putArticle(v3, { seenAt: '2020-01-25T08:00:00Z' })).previousId,
          'v2',
        );
        const versions = await store.articleVersions(url);
        assert.deepEqual(
          versions.map((v) => [v.articleId, v.previousId, v.seenAt]),
          [
            ['v1', null, '2020-01-24T18:00:00.000Z'],
            ['v2', 'v1', '2020-01-24T19:00:00.000Z'],
            ['v3', 'v2', '2020-01-25T08:00:00.000Z'],
          ],
        );
        assert.equal((await store.latestVersion(url))?.articleId, 'v3');
        assert.equal(await store.latestVersion('https://news.example/other'), null);
        assert.equal((await store.counts()).urls, 1);
      }));

    test('candidates(fp) gives the in-memory CandidateIndex answer on the same fingerprints', () =>
      using(async (store) => {
        const fps = indexCorpus().map((a) => fingerprint(a));
        const memory = createMemoryCandidateIndex();
        for (const fp of fps) {
          memory.add(fp);
          assert.equal(await store.indexFingerprint(fp), true);
        }
        assert.equal(await store.indexFingerprint(fps[0] as Fingerprint), false);
        assert.equal(await store.indexSize(), memory.size());
        let nonEmpty = 0;
        for (const fp of fps) {
          const queries = [
            {},
            { terms: fp.terms.slice(0, 20) },
            { text: false, terms: fp.terms },
            { terms: fp.terms, limit: 3 },
          ];
          for (const query of queries) {
            const expected = memory.candidates(fp, query);
            if (expected.length > 0) nonEmpty++;
            assert.deepEqual(
              await store.candidates(fp, query),
              expected,
              `${fp.articleId} ${JSON.stringify(query).slice(0, 40)}`,
            );
          }
        }
        // The comparison means something: most lookups find candidates.
        assert.ok(nonEmpty > fps.length * 2, `only ${nonEmpty} lookups found candidates`);
        const terms = [...new Set(fps.flatMap((fp) => fp.terms))];
        const df = await store.termFrequencies(terms);
        for (const t of terms) assert.equal(df.get(t), memory.termFrequency(t));
        const hashes = [...new Set(fps.flatMap((fp) => fp.reuse))];
        const common = await store.commonReuse(hashes);
        for (const h of hashes) assert.equal(common.has(h), memory.isCommonReuse(h));
      }));

    test('assignStory(id) puts articles in the same stories as group’s createStoryIndex, in the same order', () =>
      using(async (store) => {
        const articles = [
          ...quakes(),
          ...(seedArticles() ?? []),
          roundup(),
          article('tiny', 'Too short.'),
        ];
        const index = createStoryIndex();
        for (const a of articles) await store.putArticle(a);
        for (const a of articles) {
          const expected = index.add(a);
          const got = await store.assignStory(a.id);
          assert.equal(got.assigned, true);
          assert.equal(got.memberHash, expected.storyId, a.id);
          assert.deepEqual(got.candidates, expected.candidates, a.id);
          assert.equal(got.merged.length, Math.max(0, expected.merged.length - 1), a.id);
          assert.deepEqual(
            got.problems.map((p) => p.code),
            expected.problems.map((p) => p.code),
          );
        }
        const stories = index.stories();
        assert.equal((await store.counts()).stories, stories.length);
        for (const s of stories) {
          const id = await store.storyOf(s.articleIds[0] as string);
          const detail = await store.getStory(id as string);
          assert.equal(detail?.story.memberHash, s.id);
          assert.deepEqual(detail?.articles.map((a) => a.id).sort(), s.articleIds);
        }
        // Assigning again changes nothing.
        const again = await store.assignStory('tr1');
        assert.equal(again.assigned, false);
        assert.equal(again.storyId, await store.storyOf('tr1'));
      }));

    test('assignStory(id) merges the stories an article bridges and records the merge', () =>
      using(async (store) => {
        for (const a of [...quakes(), roundup()]) await store.putArticle(a);
        for (const id of ['tr1', 'tr2', 'id1', 'id2']) await store.assignStory(id);
        const turkey = (await store.storyOf('tr1')) as string;
        const indonesia = (await store.storyOf('id1')) as string;
        assert.notEqual(turkey, indonesia);
        assert.equal(await store.storyOf('tr2'), turkey);
        const result = await store.assignStory('roundup');
        // The older story survives; the other is merged into it.
        assert.equal(result.storyId, turkey);
        assert.deepEqual(result.merged, [indonesia]);
        for (const id of ['tr1', 'tr2', 'id1', 'id2', 'roundup']) {
          assert.equal(await store.storyOf(id), turkey);
        }
        const merged = await store.getStory(indonesia);
        assert.equal(merged?.story.id, turkey);
        assert.equal(merged?.mergedFrom, indonesia);
        assert.equal(merged?.story.size, 5);
        assert.deepEqual(merged?.story.outlets, ['Daily', 'Herald', 'Weekly', 'Wire']);
        assert.equal(merged?.story.headline, 'Earthquake kills 18 in eastern Turkey');
        assert.deepEqual(
          merged?.articles.map((a) => a.id),
          ['tr1', 'tr2', 'id1', 'id2', 'roundup'],
        );
        const counts = await store.counts();
        assert.equal(counts.stories, 1);
        assert.equal(counts.merges, 1);
        assert.equal(await store.getStory('s-unknown'), null);
      }));

    test('assignStory(id, decider) rejects a decision to join a story that is not a candidate’s', () =>
      using(async (store) => {
        for (const a of quakes()) await store.putArticle(a);
        await store.assignStory('tr1');
        const rogue: StoryDecider = {
          query: () => ({}),
          decide: () => ({ join: ['s-not-a-candidate'] }),
        };
        await assert.rejects(store.assignStory('tr2', rogue), RangeError);
        assert.equal(await store.storyOf('tr2'), null);
        await assert.rejects(store.assignStory('missing'), RangeError);
      }));

    test('listStories() pages newest and biggest first with an opaque cursor, filtered by outlet and date', () =>
      using(async (store) => {
        // Story i has i copies of its own made-up text, published on day i.
        const expected: string[] = [];
        for (let i = 1; i <= 5; i++) {
          const tag = 'bcdfg'[i - 1] as string;
          const body = `${gibberish(100 + i, 60, tag)}\n\n${gibberish(200 + i, 60, tag)}`;
          for (let c = 0; c < i; c++) {
            const a = article(`s${i}c${c}`, `${body}\n\n${gibberish(300 + c, 4, tag)}`, {
              outlet: i % 2 === 0 ? 'Even' : 'Odd',
              publishedAt: `2024-03-0${i}T1${c}:00:00Z`,
            });
            await store.putArticle(a);
            const { storyId } = await store.assignStory(a.id);
            if (c === 0) expected.push(storyId);
          }
        }
        const walk = async (options: Parameters<Store['listStories']>[0]) => {
          const seen: Array<{ id: string; size: number }> = [];
          let cursor: string | undefined;
          for (let pages = 0; pages < 10; pages++) {
            const page = await store.listStories({ ...options, limit: 2, cursor });
            assert.ok(page.items.length <= 2);
            seen.push(...page.items.map((s) => ({ id: s.id, size: s.size })));
            if (page.next === null) return seen;
            cursor = page.next;
          }
          assert.fail('pagination did not end');
        };
        const newest = await walk({});
        assert.deepEqual(
          newest.map((s) => s.id),
          [...expected].reverse(),
        );
        const biggest = await walk({ sort: 'biggest' });
        assert.deepEqual(
          biggest.map((s) => s.size),
          [5, 4, 3, 2, 1],
        );
        const even = await walk({ outlet: 'Even' });
        assert.deepEqual(
          even.map((s) => s.id),
          [expected[3], expected[1]],
        );
        const ranged = await walk({ from: '2024-03-02T00:00:00Z', to: '2024-03-04T00:00:00Z' });
        assert.deepEqual(
          ranged.map((s) => s.id),
          [expected[2], expected[1]],
        );
        const first = await store.listStories({ limit: 2 });
        await assert.rejects(
          store.listStories({ sort: 'biggest', cursor: first.next as string }),
          RangeError,
        );
        await assert.rejects(store.listStories({ cursor: 'not-a-cursor' }), RangeError);
        await assert.rejects(store.listStories({ limit: 0 }), RangeError);
      }));

    test('searchArticles(query) finds articles by words of their text, stemmed for English, paginated', () =>
      using(async (store) => {
        for (const a of [...quakes(), article('other', gibberish(7, 50))])
          await store.putArticle(a);
        const ids = async (q: string) =>
          (await store.searchArticles(q)).items.map((hit) => hit.id).sort();
        assert.deepEqual(await ids('Sulawesi'), ['id1', 'id2']);
        // "earthquakes" matches "earthquake" (English stemming).
        assert.deepEqual(await ids('earthquakes'), ['id1', 'id2', 'tr1', 'tr2']);
        assert.deepEqual(await ids('"death toll" Mamuju'), ['id2']);
        assert.deepEqual(await ids('Elazig -Mustafapasa'), ['tr1']);
        assert.deepEqual(await ids('   '), []);
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await store.searchArticles('earthquake', { limit: 3, cursor });
          seen.push(...page.items.map((hit) => hit.id));
          cursor = page.next ?? undefined;
        } while (cursor !== undefined);
        assert.deepEqual([...seen].sort(), ['id1', 'id2', 'tr1', 'tr2']);
        // Headlines weigh more: the article whose headline says it ranks first.
        const top = await store.searchArticles('survivors');
        assert.equal(top.items[0]?.id, 'tr2');
      }));

    test('listArticles() pages through every stored article once, newest first, and filters by outlet', () =>
      using(async (store) => {
        for (const a of quakes()) await store.putArticle(a);
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await store.listArticles({ limit: 3, cursor });
          assert.ok(page.items.length <= 3);
          seen.push(...page.items.map((summary) => summary.id));
          cursor = page.next ?? undefined;
        } while (cursor !== undefined);
        assert.deepEqual([...seen].sort(), ['id1', 'id2', 'tr1', 'tr2']);
        assert.equal(new Set(seen).size, 4);
        const wire = await store.listArticles({ outlet: 'Wire' });
        assert.deepEqual(wire.items.map((s) => s.id).sort(), ['id1', 'tr1']);
        await assert.rejects(store.listArticles({ cursor: 'not-a-cursor' }), RangeError);
      }));

    test('putAnalysis(story, memberHash) keeps an analysis until the story changes, then reports it stale', () =>
      using(async (store) => {
        for (const a of quakes()) await store.putArticle(a);
        const first = await store.assignStory('tr1');
        assert.equal(
          await store.putAnalysis(first.storyId, first.memberHash, analysisFor('one')),
          true,
        );
        let stored = await store.getStory(first.storyId);
        assert.equal(stored?.analysis?.stale, false);
        assert.deepEqual(await store.staleStories(), []);
        const second = await store.assignStory('tr2');
        assert.equal(second.storyId, first.storyId);
        stored = await store.getStory(first.storyId);
        assert.equal(stored?.analysis?.stale, true);
        assert.equal((await store.counts()).staleAnalyses, 1);
        assert.deepEqual(await store.staleStories(), [
          { id: first.storyId, memberHash: second.memberHash },
        ]);
        // Work started before the change is refused; current work is kept.
        assert.equal(
          await store.putAnalysis(first.storyId, first.memberHash, analysisFor('old')),
          false,
        );
        assert.equal(
          await store.putAnalysis(first.storyId, second.memberHash, analysisFor('new')),
          true,
        );
        const analysis = await store.getAnalysis(first.storyId);
        assert.equal(analysis?.stale, false);
        assert.equal(analysis?.analysis.id, 'new');
        assert.equal(await store.putAnalysis('s-unknown', 'x', analysisFor('x')), false);
      }));

    test('beginIngest, recordIngest and finishIngest keep counts summed and problems in order', () =>
      using(async (store) => {
        const run = await store.beginIngest({
          id: 'job-1',
          input: ['feeds/*.xml'],
          startedAt: '2024-01-01T00:00:00Z',
        });
        assert.deepEqual(run.counts, {});
        assert.equal(run.finishedAt, null);
        const problem = (n: number) => ({
          code: 'ingest/empty-file',
          message: `empty ${n}`,
          source: `f${n}`,
          severity: 'warning' as const,
        });
        await Promise.all([
          store.recordIngest('job-1', {
            counts: { articles: 2 },
            problems: [problem(1), problem(2)],
          }),
          store.recordIngest('job-1', { counts: { articles: 3, created: 1 } }),
        ]);
        const done = await store.finishIngest('job-1', {
          counts: { sources: 1 },
          problems: [problem(3)],
        });
        assert.deepEqual(done.counts, { articles: 5, created: 1, sources: 1 });
        assert.deepEqual(
          done.problems.map((p) => p.message),
          ['empty 1', 'empty 2', 'empty 3'],
        );
        assert.notEqual(done.finishedAt, null);
        assert.equal(
          (await store.beginIngest({ id: 'job-1', input: ['other'] })).input[0],
          'feeds/*.xml',
        );
        await store.beginIngest({ id: 'job-2', input: ['b'], startedAt: '2024-01-02T00:00:00Z' });
        await store.beginIngest({ id: 'job-3', input: ['c'], startedAt: '2024-01-03T00:00:00Z' });
        const page1 = await store.listIngests({ limit: 2 });
        const page2 = await store.listIngests({ limit: 2, cursor: page1.next as string });
        assert.deepEqual(
          [...page1.items, ...page2.items].map((r) => r.id),
          ['job-3', 'job-2', 'job-1'],
        );
        assert.equal(page2.next, null);
        await assert.rejects(store.recordIngest('job-9', { counts: { a: 1 } }), RangeError);
      }));

    test('a store reopened on the same database keeps its data, and migrating again is a no-op', async () => {
      const location = await backend.fresh();
      let store = await openStore(location);
      for (const a of quakes()) await store.putArticle(a);
      const { storyId } = await store.assignStory('tr1');
      await store.close();
      await assert.rejects(
        store.counts(),
        (e: unknown) => e instanceof StoreError && e.code === 'store/closed',
      );
      store = await openStore(location);
      assert.equal((await store.counts()).articles, 4);
      assert.equal(await store.storyOf('tr1'), storyId);
      assert.equal((await store.assignStory('tr2')).storyId, storyId);
      await store.close();
      const port = await backend.port(location);
      try {
        assert.deepEqual(await migrate(port), []);
        const rows = await port.query('select id, name from schema_migrations order by id');
        assert.deepEqual(rows, [{ id: 1, name: 'initial' }]);
      } finally {
        await port.close();
      }
    });

    test('openStore(db) rejects a URL that is neither a folder nor postgres:// with a StoreError', async () => {
      await assert.rejects(
        openStore('mysql://localhost/db'),
        (e: unknown) => e instanceof StoreError && e.code === 'store/bad-location',
      );
    });

    test('two stores on one database assigning articles of one story at the same moment make one story', {
      skip: backend.concurrent ? false : `${name} is one process per database`,
    }, async () => {
      const location = await backend.fresh();
      const [a, b] = await Promise.all([openStore(location), openStore(location)]);
      try {
        const articles = [...quakes(), ...(seedArticles() ?? [])];
        for (const x of articles) await a.putArticle(x);
        const pairs: Array<[string, string]> = [
          ['tr1', 'tr2'],
          ['id1', 'id2'],
        ];
        const seeds = seedArticles();
        if (seeds !== null && seeds.length >= 2) {
          pairs.push([(seeds[0] as Article).id, (seeds[1] as Article).id]);
        }
        for (const [i, [x, y]] of pairs.entries()) {
          // Indexed beforehand, the two transactions share no rows to wait on:
          // only the assignment lock keeps them apart.
          if (i % 2 === 0) {
            for (const id of [x, y]) {
              const stored = (await a.getArticle(id))?.article as Article;
              await a.indexFingerprint(fingerprint(stored));
            }
          }
          const [rx, ry] = await Promise.all([a.assignStory(x), b.assignStory(y)]);
          assert.equal(rx.storyId, ry.storyId, `${x} and ${y} in one story`);
          assert.equal(await a.storyOf(x), await b.storyOf(y));
        }
        // Many at once: two copies each of eight made-up stories, every
        // assignment started together, half through each store.
        const copies: Array<[string, string]> = [];
        for (let i = 0; i < 8; i++) {
          const body = `${gibberish(500 + i, 70, 'hjklmnpr'[i])}`;
          const [x, y] = [`race${i}a`, `race${i}b`];
          await a.putArticle(article(x, `${body}\n\n${gibberish(600 + i, 4, 'hjklmnpr'[i])}`));
          await a.putArticle(article(y, `${body}\n\n${gibberish(700 + i, 4, 'hjklmnpr'[i])}`));
          copies.push([x, y]);
        }
        await Promise.all(copies.flatMap(([x, y]) => [a.assignStory(x), b.assignStory(y)]));
        for (const [x, y] of copies) {
          assert.equal(await a.storyOf(x), await a.storyOf(y), `${x} and ${y} in one story`);
        }
        const counts = await a.counts();
        assert.equal(counts.stories, pairs.length + copies.length);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });

    test('two processes migrating one new database at once both open it', {
      skip: backend.concurrent ? false : `${name} is one process per database`,
    }, async () => {
      const location = await backend.fresh();
      const stores = await Promise.all([
        openStore(location),
        openStore(location),
        openStore(location),
      ]);
      try {
        for (const s of stores) assert.equal((await s.counts()).articles, 0);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    });
  });
}
