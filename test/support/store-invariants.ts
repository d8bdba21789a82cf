/**
 * What a store holds, read straight from its tables, and the consistency
 * rules its rows must keep at every moment, whatever point a process was
 * killed at: each of the store's transactions writes all of its rows or
 * none. Used by test/store-crash.test.ts after every kill.
 *
 * The rules (a broken one is a half-stored article or story):
 * - an article's row matches its JSON (`id`, `url`, `headline`), and an
 *   article with a URL has its version row;
 * - a fingerprint belongs to a stored article and names it;
 * - the candidate index counts exactly its indexed fingerprints: the
 *   document count, one LSH posting at least per document, no posting of
 *   an unknown document, and document frequencies that sum to the distinct
 *   terms and reuse hashes of the indexed fingerprints;
 * - a story member has a fingerprint, and is indexed when it has words
 *   enough to group by;
 * - a story's size and member hash are those of its members, and it has
 *   one at least; a merged story id points at a live story and is not one.
 *
 * Articles stored but not yet fingerprinted, indexed or grouped are not a
 * broken rule: those steps are separate transactions that the next run of
 * the same ingest completes.
 */
import pg from 'pg';
import { storyId } from '../../src/group/index.ts';
import { MIN_WORDS } from '../../src/group/thresholds.ts';
import type { Article } from '../../src/model/index.ts';
import type { Store } from '../../src/store/index.ts';

/** A store's contents and the rules its rows break. */
export interface StoreSnapshot {
  /** Every stored article by id, parsed from its JSON. */
  articles: Map<string, Article>;
  /** Story id of each grouped article. */
  members: Map<string, string>;
  /** Articles with a fingerprint, and those of them in the candidate index. */
  fingerprinted: Set<string>;
  indexed: Set<string>;
  /** Live stories. */
  stories: number;
  /** Applied migration ids, ascending. */
  migrations: number[];
  /** One line per broken rule; empty when the store is consistent. */
  broken: string[];
}

type Query = (text: string) => Promise<Array<Record<string, unknown>>>;

/** Run `read` with a way to query the store's database directly (its PGlite instance, or a new pg client). */
export async function withSql<T>(store: Store, read: (query: Query) => Promise<T>): Promise<T> {
  const connection = store.connection;
  if (connection.kind === 'pglite') {
    return read(async (text) => (await connection.pglite.query(text)).rows as never);
  }
  const client = new pg.Client({ connectionString: connection.url });
  await client.connect();
  try {
    return await read(async (text) => (await client.query(text)).rows);
  } finally {
    await client.end();
  }
}

function ids(rows: Array<Record<string, unknown>>, column = 'id'): string[] {
  return rows.map((row) => String(row[column]));
}

/** Read a store's articles, fingerprints and stories, and check every rule above. */
export async function inspectStore(store: Store): Promise<StoreSnapshot> {
  return withSql(store, async (query) => {
    const broken: string[] = [];
    const expectNone = async (rule: string, text: string, column = 'id') => {
      const found = ids(await query(text), column);
      if (found.length > 0) broken.push(`${rule}: ${found.slice(0, 5).join(', ')}`);
    };
    const articles = new Map<string, Article>();
    for (const row of await query('select id, data::text as data from article')) {
      const article = JSON.parse(String(row.data)) as Article;
      articles.set(String(row.id), article);
    }
    await expectNone(
      'article row differs from its JSON',
      `select id from article where id is distinct from data->>'id'
         or url is distinct from data->>'url' or headline is distinct from data->>'headline'`,
    );
    await expectNone(
      'article with a URL and no version',
      `select a.id from article a where a.url is not null
         and not exists (select 1 from article_version v where v.article_id = a.id)`,
    );
    await expectNone(
      'fingerprint of no stored article',
      `select f.article_id as id from fingerprint f left join article a on a.id = f.article_id
         where a.id is null or f.data->>'articleId' is distinct from f.article_id`,
    );
    const fingerprints = await query(
      'select article_id, doc, data::text as data from fingerprint order by article_id',
    );
    const fingerprinted = new Set(ids(fingerprints, 'article_id'));
    const indexed = new Set<string>();
    const words = new Map<string, number>();
    let terms = 0;
    let reuse = 0;
    for (const row of fingerprints) {
      const fp = JSON.parse(String(row.data)) as {
        words: number;
        terms: number[];
        reuse: number[];
      };
      words.set(String(row.article_id), fp.words);
      if (row.doc === null) continue;
      indexed.add(String(row.article_id));
      terms += new Set(fp.terms.map((t) => t >>> 0)).size;
      reuse += new Set(fp.reuse.map((h) => h >>> 0)).size;
    }
    const [stats] = await query(`select
      (select documents from index_stats where id = 1)::int8 as documents,
      (select coalesce(sum(df), 0) from term_df)::int8 as term_df,
      (select coalesce(sum(df), 0) from reuse_df)::int8 as reuse_df`);
    const counted = {
      documents: Number(stats?.documents),
      termDf: Number(stats?.term_df),
      reuseDf: Number(stats?.reuse_df),
    };
    const expected = { documents: indexed.size, termDf: terms, reuseDf: reuse };
    if (JSON.stringify(counted) !== JSON.stringify(expected)) {
      broken.push(
        `candidate index counts ${JSON.stringify(counted)}, its fingerprints ${JSON.stringify(expected)}`,
      );
    }
    for (const table of ['lsh_band', 'reuse_hash', 'term']) {
      await expectNone(
        `${table} posting of no indexed document`,
        `select p.doc as id from ${table} p left join fingerprint f on f.doc = p.doc where f.doc is null`,
      );
    }
    await expectNone(
      'indexed document without LSH postings',
      `select f.article_id as id from fingerprint f where f.doc is not null
         and not exists (select 1 from lsh_band b where b.doc = f.doc)`,
    );
    const memberRows = await query(
      'select article_id, story_id from story_member order by story_id, article_id',
    );
    const members = new Map<string, string>();
    const byStory = new Map<string, string[]>();
    for (const row of memberRows) {
      const article = String(row.article_id);
      const story = String(row.story_id);
      members.set(article, story);
      byStory.set(story, [...(byStory.get(story) ?? []), article]);
      if (!fingerprinted.has(article)) broken.push(`story member without fingerprint: ${article}`);
      else if ((words.get(article) ?? 0) >= MIN_WORDS && !indexed.has(article)) {
        broken.push(`story member with words enough, not indexed: ${article}`);
      }
    }
    const stories = await query('select id, size, member_hash from story');
    for (const row of stories) {
      const list = byStory.get(String(row.id)) ?? [];
      if (list.length === 0 || Number(row.size) !== list.length) {
        broken.push(`story ${row.id} has size ${row.size} and ${list.length} members`);
      } else if (String(row.member_hash) !== storyId(list)) {
        broken.push(`story ${row.id} member hash is not its members'`);
      }
    }
    await expectNone(
      'merged story pointing at no live story, or live itself',
      `select m.from_id as id from story_merge m
         where not exists (select 1 from story s where s.id = m.into_id)
            or exists (select 1 from story s where s.id = m.from_id)`,
    );
    const migrations = (await query('select id from schema_migrations order by id')).map((row) =>
      Number(row.id),
    );
    return {
      articles,
      members,
      fingerprinted,
      indexed,
      stories: stories.length,
      migrations,
      broken,
    };
  });
}
