import { bandKeys, type Candidate, type CandidateQuery, type Fingerprint } from '../group/index.ts';
import {
  MAX_CANDIDATES,
  MIN_SHARED_REUSE,
  MIN_SHARED_TERMS,
  REUSE_COMMON_DF,
  REUSE_SAMPLE,
  TERM_POSTING_CAP,
} from '../group/thresholds.ts';
import type { Queryable } from './query-port.ts';
import { num, parseJson, u32 } from './rows.ts';

/**
 * The candidate index of src/group kept as indexed tables: `lsh_band`,
 * `reuse_hash` and `term` postings (key -> doc) with document frequencies
 * in `reuse_df` and `term_df`. It follows `createMemoryCandidateIndex`
 * rule for rule (group's `bandKeys`, the same reuse sample, caps,
 * evidence floors and ranking), so a lookup gives the same candidates in
 * the same order; the store contract tests check that against the
 * in-memory index.
 */

function distinctSorted(values: Iterable<number>): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

/** Keep a fingerprint (replacing the stored one, keeping its place in the index). */
export async function putFingerprint(db: Queryable, fp: Fingerprint): Promise<void> {
  checkFingerprint(fp);
  await db.query(
    `insert into fingerprint (article_id, data) values ($1, $2::json)
     on conflict (article_id) do update set data = excluded.data`,
    [fp.articleId, JSON.stringify(fp)],
  );
}

/** A stored fingerprint. */
export async function getFingerprint(
  db: Queryable,
  articleId: string,
): Promise<Fingerprint | null> {
  const rows = await db.query('select data::text as data from fingerprint where article_id = $1', [
    articleId,
  ]);
  return rows[0] === undefined ? null : parseJson<Fingerprint>(rows[0].data);
}

/**
 * Post a fingerprint in the index, in the caller's transaction. Returns
 * false when the article was already indexed. Safe when two workers index
 * one article at once: the fingerprint row is locked first, so the second
 * waits and then finds it indexed. Frequency rows are upserted in
 * ascending key order, so concurrent indexers cannot deadlock.
 */
export async function indexFingerprint(tx: Queryable, fp: Fingerprint): Promise<boolean> {
  checkFingerprint(fp);
  await tx.query(
    `insert into fingerprint (article_id, data) values ($1, $2::json)
     on conflict (article_id) do nothing`,
    [fp.articleId, JSON.stringify(fp)],
  );
  const existing = await tx.query('select doc from fingerprint where article_id = $1 for update', [
    fp.articleId,
  ]);
  if (existing[0] !== undefined && existing[0].doc !== null) return false;
  const rows = await tx.query(
    `update fingerprint set data = $2::json, doc = nextval('fingerprint_doc')
     where article_id = $1
     returning doc`,
    [fp.articleId, JSON.stringify(fp)],
  );
  const doc = num(rows[0]?.doc);
  const bands = distinctSorted(bandKeys(fp.minhash).map(u32));
  await tx.query(
    `insert into lsh_band (band_key, doc) select k, $2 from unnest($1::int8[]) as k
     on conflict do nothing`,
    [bands, doc],
  );
  // Every reuse hash is counted (to know the common ones); a sample is posted
  // while the hash is not common.
  const reuse = distinctSorted(Array.from(fp.reuse, u32));
  const sampled = distinctSorted(
    Array.from(fp.reuse)
      .filter((h) => h % REUSE_SAMPLE === 0)
      .map(u32),
  );
  await tx.query(
    `with counted as (
       insert into reuse_df (hash, df) select h, 1 from unnest($1::int8[]) as h
       on conflict (hash) do update set df = reuse_df.df + 1
       returning hash, df
     )
     insert into reuse_hash (hash, doc)
     select hash, $2 from counted where hash = any($3::int8[]) and df <= $4
     on conflict do nothing`,
    [reuse, doc, sampled, REUSE_COMMON_DF],
  );
  const terms = distinctSorted(Array.from(fp.terms, u32));
  await tx.query(
    `with counted as (
       insert into term_df (term_id, df) select t, 1 from unnest($1::int8[]) as t
       on conflict (term_id) do update set df = term_df.df + 1
       returning term_id, df
     )
     insert into term (term_id, doc)
     select term_id, $2 from counted where df <= $3
     on conflict do nothing`,
    [terms, doc, TERM_POSTING_CAP],
  );
  await tx.query('update index_stats set documents = documents + 1 where id = 1');
  return true;
}

/**
 * Candidates of a fingerprint: one statement of indexed lookups (each
 * query key probes a posting b-tree), counted per doc, filtered by the
 * evidence floors and ranked as the in-memory index ranks them (its packed
 * rank puts the later-indexed article first among equal evidence).
 */
export async function candidates(
  db: Queryable,
  fp: Fingerprint,
  query: CandidateQuery = {},
): Promise<Candidate[]> {
  const statement = candidateStatement(fp, query);
  if (statement === null) return [];
  const rows = await db.query(statement.sql, statement.params);
  return rows.map((row) => ({
    articleId: String(row.article_id),
    bands: num(row.bands),
    sharedReuse: num(row.reuse),
    sharedTerms: num(row.terms),
  }));
}

/** The SQL and parameters of a candidate lookup (null when there is nothing to look up); bench:store explains it. */
export function candidateStatement(
  fp: Fingerprint,
  query: CandidateQuery = {},
): { sql: string; params: unknown[] } | null {
  if (fp === null || typeof fp !== 'object' || typeof fp.articleId !== 'string') {
    throw new TypeError('Expected a Fingerprint with a string articleId, got something else');
  }
  const limit = query.limit ?? MAX_CANDIDATES;
  if (!(limit >= 0)) throw new RangeError(`Expected a limit >= 0, got ${limit}`);
  const text = query.text !== false;
  // Multiplicity matters (the memory index counts a key each time it is
  // looked up), so arrays are unnested, not deduplicated.
  const bands = text ? bandKeys(fp.minhash).map(u32) : [];
  const reuse = text ? Array.from(fp.reuse, u32).filter((h) => h % REUSE_SAMPLE === 0) : [];
  const terms = Array.from(query.terms ?? [], u32);
  if (limit === 0 || bands.length + reuse.length + terms.length === 0) return null;
  return {
    sql: `with hits as (
       select p.doc, 1 as band, 0 as reuse, 0 as term
       from unnest($1::int8[]) as q(k) join lsh_band p on p.band_key = q.k
       union all
       select p.doc, 0, 1, 0
       from unnest($2::int8[]) as q(k)
       join reuse_df d on d.hash = q.k and d.df <= $4
       join reuse_hash p on p.hash = q.k
       union all
       select p.doc, 0, 0, 1
       from unnest($3::int8[]) as q(k)
       join term_df d on d.term_id = q.k and d.df <= $5
       join term p on p.term_id = q.k
     ), counted as (
       select doc, sum(band)::int4 as bands, sum(reuse)::int4 as reuse, sum(term)::int4 as terms
       from hits group by doc
     ), top as (
       select doc, bands, reuse, terms from counted
       where doc is distinct from (select doc from fingerprint where article_id = $6)
         and (bands > 0 or reuse >= $7 or terms >= $8)
       order by least(bands + reuse, 4095) desc, least(terms, 4095) desc, doc desc
       limit $9
     )
     -- Ids only for the few kept: probes of fingerprint's doc index, not a scan.
     select f.article_id, t.bands, t.reuse, t.terms
     from top t join fingerprint f on f.doc = t.doc
     order by least(t.bands + t.reuse, 4095) desc, least(t.terms, 4095) desc, t.doc desc`,
    params: [
      bands,
      reuse,
      terms,
      REUSE_COMMON_DF,
      TERM_POSTING_CAP,
      fp.articleId,
      MIN_SHARED_REUSE,
      MIN_SHARED_TERMS,
      limit,
    ],
  };
}

/** How many articles are indexed. */
export async function indexSize(db: Queryable): Promise<number> {
  const rows = await db.query('select documents from index_stats where id = 1');
  return rows[0] === undefined ? 0 : num(rows[0].documents);
}

/** Document frequencies of terms (0 when unknown). */
export async function termFrequencies(
  db: Queryable,
  terms: ArrayLike<number>,
): Promise<Map<number, number>> {
  const ids = distinctSorted(Array.from(terms, u32));
  const out = new Map<number, number>(ids.map((t) => [t, 0]));
  if (ids.length === 0) return out;
  const rows = await db.query('select term_id, df from term_df where term_id = any($1::int8[])', [
    ids,
  ]);
  for (const row of rows) out.set(num(row.term_id), num(row.df));
  return out;
}

/** The reuse hashes among these that are common (in more than REUSE_COMMON_DF indexed articles). */
export async function commonReuse(db: Queryable, hashes: ArrayLike<number>): Promise<Set<number>> {
  const ids = distinctSorted(Array.from(hashes, u32));
  if (ids.length === 0) return new Set();
  const rows = await db.query(
    'select hash from reuse_df where hash = any($1::int8[]) and df > $2',
    [ids, REUSE_COMMON_DF],
  );
  return new Set(rows.map((row) => num(row.hash)));
}

/** Fingerprints of articles, keyed by article id. */
export async function fingerprintsOf(
  db: Queryable,
  articleIds: readonly string[],
): Promise<Map<string, Fingerprint>> {
  if (articleIds.length === 0) return new Map();
  const rows = await db.query(
    'select article_id, data::text as data from fingerprint where article_id = any($1::text[])',
    [articleIds],
  );
  return new Map(rows.map((row) => [String(row.article_id), parseJson<Fingerprint>(row.data)]));
}

function checkFingerprint(fp: Fingerprint): void {
  if (
    fp === null ||
    typeof fp !== 'object' ||
    typeof fp.articleId !== 'string' ||
    !Array.isArray(fp.minhash) ||
    !Array.isArray(fp.reuse) ||
    !Array.isArray(fp.terms)
  ) {
    throw new TypeError(
      'Expected a Fingerprint (articleId, minhash, reuse, terms), got something else',
    );
  }
}
