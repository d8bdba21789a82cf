import { type Fingerprint, fingerprint, storyId, type TermStatistics } from '../group/index.ts';
import { MIN_WORDS } from '../group/thresholds.ts';
import type { Article, Problem, StoryAnalysis } from '../model/index.ts';
import { decodeCursor, encodeCursor, pageLimit } from './cursor.ts';
import { LOCK_NAMESPACE, STORY_LOCK } from './locks.ts';
import type { Queryable, QueryPort, TransactionPort } from './query-port.ts';
import { isoNow, num, parseJson, text, timeParam } from './rows.ts';
import { SUMMARY_COLUMNS, toSummary } from './sql-articles.ts';
import {
  commonReuse,
  candidates as findCandidates,
  fingerprintsOf,
  indexFingerprint,
  indexSize,
  termFrequencies,
} from './sql-candidates.ts';
import type {
  AssignResult,
  Page,
  StoredAnalysis,
  StoryCandidate,
  StoryDecider,
  StoryDetail,
  StoryListOptions,
  StorySummary,
} from './store.ts';
import { streamDecider } from './story-decision.ts';

const DEFAULT_DECIDER = streamDecider();

const STORY_COLUMNS = `s.id, s.member_hash, s.size, s.headline, s.outlets, s.first_published,
  s.last_published, s.created_at, s.updated_at, s.sort_time`;

function toStory(row: Record<string, unknown>): StorySummary {
  return {
    id: String(row.id),
    memberHash: String(row.member_hash),
    size: num(row.size),
    headline: text(row.headline),
    outlets: Array.isArray(row.outlets) ? row.outlets.map(String) : [],
    firstPublishedAt: row.first_published === null ? null : isoNow(row.first_published),
    lastPublishedAt: row.last_published === null ? null : isoNow(row.last_published),
    createdAt: isoNow(row.created_at),
    updatedAt: isoNow(row.updated_at),
  };
}

/** Recompute a story's member hash and summary columns from its members. */
async function refreshStory(tx: Queryable, id: string): Promise<string> {
  const members = await tx.query('select article_id from story_member where story_id = $1', [id]);
  const memberHash = storyId(members.map((row) => String(row.article_id)));
  await tx.query(
    `update story s set
       member_hash = $2,
       size = x.size,
       outlets = x.outlets,
       first_published = x.first_published,
       last_published = x.last_published,
       headline = x.headline,
       sort_time = coalesce(x.last_published, s.created_at),
       updated_at = date_trunc('milliseconds', now())
     from (
       select count(*)::int4 as size,
         coalesce(array_agg(distinct a.outlet) filter (where a.outlet is not null), '{}') as outlets,
         min(a.published_at) as first_published,
         max(a.published_at) as last_published,
         (array_agg(a.headline order by a.published_at asc nulls last, a.id)
           filter (where a.headline is not null))[1] as headline
       from story_member m join article a on a.id = m.article_id
       where m.story_id = $1
     ) x
     where s.id = $1`,
    [id, memberHash],
  );
  return memberHash;
}

/**
 * Assign a stored article to a story, in two phases.
 *
 * 1. Without the lock: fingerprint the article (unless one is stored),
 *    index it (its own short transaction) and prefetch what deciding
 *    needs: candidates, their fingerprints, term frequencies and common
 *    reuse hashes. This is most of the work, and any number of workers
 *    do it in parallel.
 * 2. In one transaction holding `pg_advisory_xact_lock(LOCK_NAMESPACE,
 *    STORY_LOCK)`: check the article is still unassigned, look the
 *    candidates up again (an article indexed and assigned since phase 1
 *    is found now), load only what phase 1 missed, read the candidates'
 *    stories, decide and write the membership and merges. Assignments on
 *    any number of connections and machines thus run this part one at a
 *    time, each seeing every earlier one committed: two articles of one
 *    story arriving at once end in one story, never two. The lock is
 *    released at commit or rollback (a crashed worker cannot hold it).
 *
 * Run one after another, assignments give exactly what group's
 * `createStoryIndex` gives in the same order. Run at once, term
 * frequencies may lag by the articles indexed meanwhile (a rounding-size
 * change to IDF weights); memberships never do.
 */
export async function assignStory(
  port: QueryPort,
  articleId: string,
  decider: StoryDecider = DEFAULT_DECIDER,
): Promise<AssignResult> {
  if (typeof articleId !== 'string') {
    throw new TypeError(`Expected an article id string, got ${typeof articleId}`);
  }
  const before = await currentStory(port, articleId);
  if (before !== null) return unchanged(before);
  const fp = await port.transaction((tx) => fingerprintFor(tx, articleId));
  if (fp.words < MIN_WORDS) {
    // As group's StoryIndex: too little text to group by; a story of its own, not indexed.
    const problems: Problem[] = [
      {
        code: fp.words === 0 ? 'group/no-text' : 'group/too-short',
        message: `Article ${articleId} has ${fp.words === 0 ? 'no text' : `${fp.words} word(s)`}, too little to group by; it is kept as a story of its own.`,
        source: articleId,
        severity: 'warning',
      },
    ];
    return port.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1, $2)', [LOCK_NAMESPACE, STORY_LOCK]);
      const current = await currentStory(tx, articleId);
      if (current !== null) return unchanged(current);
      const made = await newStory(tx, articleId);
      return { ...made, assigned: true, createdStory: true, merged: [], candidates: [], problems };
    });
  }

  // Phase 1: index and prefetch, without the lock.
  await port.transaction((tx) => indexFingerprint(tx, fp));
  const documents = await indexSize(port);
  const df = await termFrequencies(port, fp.terms);
  const query = decider.query(fp, statisticsOf(documents, df));
  const data: CandidateData = { fps: new Map(), df, common: new Set(), checked: new Set() };
  await loadCandidateData(port, fp, await findCandidates(port, fp, query), data);

  // Phase 2: decide and write, holding the lock.
  return port.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1, $2)', [LOCK_NAMESPACE, STORY_LOCK]);
    const current = await currentStory(tx, articleId);
    if (current !== null) return unchanged(current);
    const found = await findCandidates(tx, fp, query);
    await loadCandidateData(tx, fp, found, data);
    const ids = found.map((c) => c.articleId);
    const stories = await tx.query(
      `select m.article_id, m.story_id, s.size from story_member m join story s on s.id = m.story_id
       where m.article_id = any($1::text[])`,
      [ids],
    );
    const storyOf = new Map(
      stories.map((row) => [
        String(row.article_id),
        { id: String(row.story_id), size: num(row.size) },
      ]),
    );
    const loaded: StoryCandidate[] = [];
    for (const candidate of found) {
      const other = data.fps.get(candidate.articleId);
      const story = storyOf.get(candidate.articleId);
      // Indexed but not in a story yet (its assignment has not run): nothing to join.
      if (other === undefined || story === undefined) continue;
      loaded.push({ candidate, fingerprint: other, storyId: story.id, storySize: story.size });
    }
    const decision = decider.decide({
      fingerprint: fp,
      candidates: loaded,
      statistics: statisticsOf(documents, data.df),
      isCommonReuse: (h) => data.common.has(h >>> 0),
    });
    const allowed = new Set(loaded.map((c) => c.storyId));
    const join = [...new Set(decision.join)];
    for (const id of join) {
      if (!allowed.has(id)) {
        throw new RangeError(`Expected the decider to join candidates' stories, got ${id}`);
      }
    }
    if (join.length === 0) {
      const made = await newStory(tx, articleId);
      return {
        ...made,
        assigned: true,
        createdStory: true,
        merged: [],
        candidates: found,
        problems: [],
      };
    }
    // The oldest joined story survives (as StoryIndex keeps the first made); the others merge into it.
    const order = await tx.query('select id from story where id = any($1::text[]) order by seq', [
      join,
    ]);
    const [survivor, ...others] = order.map((row) => String(row.id)) as [string, ...string[]];
    for (const other of others) {
      await tx.query('update story_member set story_id = $2 where story_id = $1', [
        other,
        survivor,
      ]);
      // Older ids merged into `other` now point at the survivor: one lookup resolves any id.
      await tx.query('update story_merge set into_id = $2 where into_id = $1', [other, survivor]);
      await tx.query('insert into story_merge (from_id, into_id, article_id) values ($1, $2, $3)', [
        other,
        survivor,
        articleId,
      ]);
      await tx.query('delete from story where id = $1', [other]);
    }
    await tx.query('insert into story_member (article_id, story_id) values ($1, $2)', [
      articleId,
      survivor,
    ]);
    const memberHash = await refreshStory(tx, survivor);
    return {
      storyId: survivor,
      memberHash,
      assigned: true,
      createdStory: false,
      merged: others,
      candidates: found,
      problems: [],
    };
  });
}

/** What deciding needs about candidates, loaded once and topped up. */
interface CandidateData {
  fps: Map<string, Fingerprint>;
  /** Document frequencies of the article's and candidates' terms. */
  df: Map<number, number>;
  /** Common reuse hashes among those checked. */
  common: Set<number>;
  /** Reuse hashes already checked. */
  checked: Set<number>;
}

/** Load the fingerprints, term frequencies and common reuse hashes not loaded yet. */
async function loadCandidateData(
  db: Queryable,
  fp: Fingerprint,
  found: readonly { articleId: string }[],
  data: CandidateData,
): Promise<void> {
  const missing = found.map((c) => c.articleId).filter((id) => !data.fps.has(id));
  const fresh = [...(await fingerprintsOf(db, missing)).values()];
  for (const other of fresh) data.fps.set(other.articleId, other);
  const terms: number[] = [];
  const hashes: number[] = [];
  for (const other of data.checked.size === 0 ? [fp, ...fresh] : fresh) {
    for (const t of other.terms) if (!data.df.has(t >>> 0)) terms.push(t);
    for (const h of other.reuse) if (!data.checked.has(h >>> 0)) hashes.push(h);
  }
  for (const [t, n] of await termFrequencies(db, terms)) data.df.set(t, n);
  for (const h of await commonReuse(db, hashes)) data.common.add(h);
  for (const h of hashes) data.checked.add(h >>> 0);
}

async function currentStory(
  db: Queryable,
  articleId: string,
): Promise<{ storyId: string; memberHash: string } | null> {
  const rows = await db.query(
    `select m.story_id, s.member_hash from story_member m join story s on s.id = m.story_id
     where m.article_id = $1`,
    [articleId],
  );
  return rows[0] === undefined
    ? null
    : { storyId: String(rows[0].story_id), memberHash: String(rows[0].member_hash) };
}

function unchanged(current: { storyId: string; memberHash: string }): AssignResult {
  return {
    ...current,
    assigned: false,
    createdStory: false,
    merged: [],
    candidates: [],
    problems: [],
  };
}

function statisticsOf(documents: number, df: Map<number, number>): TermStatistics {
  return { documents, frequency: (t) => df.get(t >>> 0) ?? 0 };
}

async function fingerprintFor(tx: TransactionPort, articleId: string): Promise<Fingerprint> {
  const rows = await tx.query(
    `select a.data::text as article, f.data::text as fingerprint
     from article a left join fingerprint f on f.article_id = a.id
     where a.id = $1`,
    [articleId],
  );
  const row = rows[0];
  if (row === undefined)
    throw new RangeError(`Expected the id of a stored article, got ${articleId}`);
  if (row.fingerprint !== null) return parseJson<Fingerprint>(row.fingerprint);
  const fp = fingerprint(parseJson<Article>(row.article));
  await tx.query(
    'insert into fingerprint (article_id, data) values ($1, $2::json) on conflict do nothing',
    [articleId, JSON.stringify(fp)],
  );
  return fp;
}

async function newStory(
  tx: Queryable,
  articleId: string,
): Promise<{ storyId: string; memberHash: string }> {
  const id = storyId([articleId]);
  await tx.query(
    `insert into story (id, member_hash, size, sort_time)
     values ($1, $1, 1, date_trunc('milliseconds', now()))`,
    [id],
  );
  await tx.query('insert into story_member (article_id, story_id) values ($1, $2)', [
    articleId,
    id,
  ]);
  const memberHash = await refreshStory(tx, id);
  return { storyId: id, memberHash };
}

/** The story an article is in. */
export async function storyOf(db: Queryable, articleId: string): Promise<string | null> {
  const rows = await db.query('select story_id from story_member where article_id = $1', [
    articleId,
  ]);
  return rows[0] === undefined ? null : String(rows[0].story_id);
}

/** A live story id for an id (itself, or the story it was merged into), or null. */
async function resolveStory(db: Queryable, id: string): Promise<string | null> {
  const rows = await db.query(
    `select id from story where id = $1
     union all
     select into_id from story_merge where from_id = $1`,
    [id],
  );
  return rows[0] === undefined ? null : String(rows[0].id);
}

/** A story with its members and analysis (following merges). */
export async function getStory(db: Queryable, id: string): Promise<StoryDetail | null> {
  const live = await resolveStory(db, id);
  if (live === null) return null;
  const rows = await db.query(`select ${STORY_COLUMNS} from story s where s.id = $1`, [live]);
  if (rows[0] === undefined) return null;
  const members = await db.query(
    `select ${SUMMARY_COLUMNS}
     from story_member m join article a on a.id = m.article_id
     where m.story_id = $1
     order by a.published_at asc nulls last, a.id`,
    [live],
  );
  const story = toStory(rows[0]);
  const detail: StoryDetail = {
    story,
    articles: members.map(toSummary),
    analysis: await analysisOf(db, live, story.memberHash),
  };
  if (live !== id) detail.mergedFrom = id;
  return detail;
}

/** Stories, filtered and keyset-paginated. */
export async function listStories(
  db: Queryable,
  options: StoryListOptions = {},
): Promise<Page<StorySummary>> {
  const sort = options.sort ?? 'newest';
  if (sort !== 'newest' && sort !== 'biggest') {
    throw new RangeError(`Expected sort 'newest' or 'biggest', got ${String(sort)}`);
  }
  const limit = pageLimit(options.limit);
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (options.outlet !== undefined) {
    where.push(`s.outlets @> array[${param(options.outlet)}::text collate "C"]`);
  }
  const from = timeBound('from', options.from);
  const to = timeBound('to', options.to);
  if (from !== null || to !== null) {
    const range: string[] = [];
    if (from !== null) range.push(`a.published_at >= ${param(from)}`);
    if (to !== null) range.push(`a.published_at < ${param(to)}`);
    where.push(`exists (
      select 1 from story_member m join article a on a.id = m.article_id
      where m.story_id = s.id and ${range.join(' and ')})`);
  }
  if (options.cursor !== undefined) {
    const c = decodeCursor(`stories-${sort}`, options.cursor);
    if (typeof c.id !== 'string') {
      throw new RangeError(
        `Expected a cursor from a previous page of stories, got ${options.cursor}`,
      );
    }
    if (sort === 'newest') {
      const t = timeParam(typeof c.t === 'string' ? c.t : undefined);
      if (t === null)
        throw new RangeError(`Expected a cursor from a previous page, got ${options.cursor}`);
      where.push(
        `(s.sort_time, s.id) < (${param(t)}::timestamptz, ${param(c.id)}::text collate "C")`,
      );
    } else {
      if (typeof c.n !== 'number')
        throw new RangeError(`Expected a cursor from a previous page, got ${options.cursor}`);
      where.push(`(s.size, s.id) < (${param(c.n)}::int4, ${param(c.id)}::text collate "C")`);
    }
  }
  const order = sort === 'newest' ? 's.sort_time desc, s.id desc' : 's.size desc, s.id desc';
  const rows = await db.query(
    `select ${STORY_COLUMNS} from story s
     ${where.length > 0 ? `where ${where.join(' and ')}` : ''}
     order by ${order}
     limit ${param(limit + 1)}`,
    params,
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  let next: string | null = null;
  if (rows.length > limit && last !== undefined) {
    next =
      sort === 'newest'
        ? encodeCursor('stories-newest', { t: isoNow(last.sort_time), id: String(last.id) })
        : encodeCursor('stories-biggest', { n: num(last.size), id: String(last.id) });
  }
  return { items: page.map(toStory), next };
}

function timeBound(name: string, value: string | undefined): Date | null {
  if (value === undefined) return null;
  const t = timeParam(value);
  if (t === null) throw new RangeError(`Expected ${name} as an ISO 8601 time, got ${value}`);
  return t;
}

async function analysisOf(
  db: Queryable,
  id: string,
  memberHash: string,
): Promise<StoredAnalysis | null> {
  const rows = await db.query(
    'select member_hash, data::text as data, updated_at from story_analysis where story_id = $1',
    [id],
  );
  const row = rows[0];
  if (row === undefined) return null;
  return {
    storyId: id,
    memberHash: String(row.member_hash),
    stale: String(row.member_hash) !== memberHash,
    analysis: parseJson<StoryAnalysis>(row.data),
    updatedAt: isoNow(row.updated_at),
  };
}

/** Keep an analysis while the story still has the members it was computed for. */
export async function putAnalysis(
  db: Queryable,
  id: string,
  memberHash: string,
  analysis: StoryAnalysis,
): Promise<boolean> {
  if (typeof id !== 'string' || typeof memberHash !== 'string') {
    throw new TypeError('Expected a story id and member hash (strings)');
  }
  const rows = await db.query(
    `insert into story_analysis (story_id, member_hash, data)
     select id, member_hash, $3::json from story where id = $1 and member_hash = $2
     on conflict (story_id) do update set
       member_hash = excluded.member_hash,
       data = excluded.data,
       updated_at = date_trunc('milliseconds', now())
     returning story_id`,
    [id, memberHash, JSON.stringify(analysis)],
  );
  return rows.length > 0;
}

/** A story's analysis (following merges). */
export async function getAnalysis(db: Queryable, id: string): Promise<StoredAnalysis | null> {
  const live = await resolveStory(db, id);
  if (live === null) return null;
  const rows = await db.query('select member_hash from story where id = $1', [live]);
  if (rows[0] === undefined) return null;
  return analysisOf(db, live, String(rows[0].member_hash));
}

/** Stories whose analysis is missing or stale, least recently changed first. */
export async function staleStories(
  db: Queryable,
  limit = 100,
): Promise<Array<{ id: string; memberHash: string }>> {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`Expected a limit >= 1, got ${limit}`);
  }
  const rows = await db.query(
    `select s.id, s.member_hash from story s
     left join story_analysis x on x.story_id = s.id
     where x.story_id is null or x.member_hash <> s.member_hash
     order by s.updated_at, s.id
     limit $1`,
    [limit],
  );
  return rows.map((row) => ({ id: String(row.id), memberHash: String(row.member_hash) }));
}
