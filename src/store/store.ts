import type { PGlite } from '@electric-sql/pglite';
import type { Candidate, CandidateQuery, Fingerprint, TermStatistics } from '../group/index.ts';
import type { Article, Problem, StoryAnalysis } from '../model/index.ts';

/**
 * The persistent store of parallax: articles, fingerprints and the
 * candidate index, stories with their memberships and merges, story
 * analyses and ingest history. Two backends run the same SQL: PGlite
 * (embedded, a folder on disk; `openStore('.parallax')`) and PostgreSQL
 * (`openStore('postgres://…')`). Every method may reject with a
 * `StoreError` when the database fails; misuse (a bad cursor, a bad
 * limit, an unknown article to assign) rejects with a `TypeError` or
 * `RangeError`.
 *
 * Times are ISO 8601 strings in UTC (`2021-08-20T10:00:00.000Z`).
 *
 * @example
 * const store = await openStore(undefined, process.env);
 * const { created } = await store.putArticle(article);
 * const { storyId } = await store.assignStory(article.id);
 * await store.close();
 */
export interface Store {
  /** Which backend this is and how to reach its database (pg-boss shares it). */
  readonly connection: StoreConnection;

  // --- articles -----------------------------------------------------------

  /**
   * Keep an article. Idempotent: an id already stored writes nothing and
   * reports `created: false`. A new article whose URL was seen before is a
   * new version of that URL, linked to the previous latest one
   * (`previousId`).
   */
  putArticle(article: Article, options?: PutArticleOptions): Promise<PutArticleResult>;

  /** An article by id with its story, or null when unknown. */
  getArticle(id: string): Promise<StoredArticle | null>;

  /** Every stored version of a URL, oldest first (empty when the URL is unknown). */
  articleVersions(url: string): Promise<ArticleVersion[]>;

  /** The latest stored version of a URL, or null when the URL is unknown. */
  latestVersion(url: string): Promise<ArticleVersion | null>;

  /**
   * Search articles by text (headline and body, PostgreSQL full-text
   * search: `websearch_to_tsquery` syntax, so `"exact phrase"`, `or` and
   * `-word` work). Best match first, ties by id; paginated.
   */
  searchArticles(query: string, options?: PageOptions): Promise<Page<SearchHit>>;

  /** Stored articles, most recently stored first (ties by id), optionally of one outlet; paginated. */
  listArticles(options?: ArticleListOptions): Promise<Page<ArticleSummary>>;

  // --- fingerprints and the candidate index -------------------------------

  /** Keep an article's fingerprint (replacing one stored before). Does not index it: `assignStory` and `indexFingerprint` do. */
  putFingerprint(fingerprint: Fingerprint): Promise<void>;

  /** An article's fingerprint, or null when none is stored. */
  getFingerprint(articleId: string): Promise<Fingerprint | null>;

  /**
   * Add a fingerprint's postings to the candidate index (LSH bands,
   * sampled reuse hashes, terms) and keep the fingerprint. Idempotent:
   * an article already indexed is ignored. Returns whether it was added.
   */
  indexFingerprint(fingerprint: Fingerprint): Promise<boolean>;

  /**
   * Indexed articles that may relate to `fingerprint` (never itself),
   * strongest first, ties latest indexed first: the same answer as
   * src/group's in-memory `CandidateIndex.candidates` on the same
   * fingerprints, from a few indexed queries.
   */
  candidates(fingerprint: Fingerprint, query?: CandidateQuery): Promise<Candidate[]>;

  /** How many articles are indexed (the N of IDF). */
  indexSize(): Promise<number>;

  /** Document frequency of each term (0 for unknown ones), keyed by term id. */
  termFrequencies(terms: ArrayLike<number>): Promise<Map<number, number>>;

  /** Which of these reuse hashes are common (in more indexed articles than group's REUSE_COMMON_DF). */
  commonReuse(hashes: ArrayLike<number>): Promise<Set<number>>;

  // --- stories ------------------------------------------------------------

  /**
   * Put a stored article into a story, correctly under concurrency. First,
   * without locks: fingerprint it (src/group's `fingerprint`, unless one is
   * stored), index it and prefetch its candidates' data. Then one
   * transaction holding a PostgreSQL advisory lock for story assignment
   * looks the candidates up again, reads their stories, lets `decider`
   * choose (default: src/group's streaming rule) and writes the membership
   * and any merges. Idempotent: an article already in a story returns that
   * story with `assigned: false`. Rejects with a RangeError when the
   * article is not stored.
   */
  assignStory(articleId: string, decider?: StoryDecider): Promise<AssignResult>;

  /** The id of the story an article is in, or null. */
  storyOf(articleId: string): Promise<string | null>;

  /**
   * A story with its articles and analysis, or null when unknown. An id
   * merged into another story resolves to the story it is now part of
   * (`mergedFrom` says which id was asked for).
   */
  getStory(id: string): Promise<StoryDetail | null>;

  /** Stories, newest or biggest first, filtered by outlet and publication date; keyset-paginated. */
  listStories(options?: StoryListOptions): Promise<Page<StorySummary>>;

  // --- analyses -----------------------------------------------------------

  /**
   * Keep a story's analysis computed for the members hashed as
   * `memberHash` (`StorySummary.memberHash` when the work started). Kept
   * only while that is still the story's member hash; returns false (and
   * writes nothing) when the story changed or is gone: the work is stale.
   */
  putAnalysis(storyId: string, memberHash: string, analysis: StoryAnalysis): Promise<boolean>;

  /** A story's latest analysis (possibly stale: see `stale`), or null. */
  getAnalysis(storyId: string): Promise<StoredAnalysis | null>;

  /** Stories whose analysis is missing or stale, oldest change first: the work queue of recomputation. */
  staleStories(limit?: number): Promise<Array<{ id: string; memberHash: string }>>;

  // --- ingest history -----------------------------------------------------

  /** Start recording an ingest run; returns its record (`id` given or generated). */
  beginIngest(start: IngestStart): Promise<IngestRecord>;

  /** Add to an ingest's counts (summed per key) and append problems; safe from several workers at once. */
  recordIngest(id: string, delta: IngestDelta): Promise<void>;

  /** Record the delta, then mark the ingest finished; returns the final record. */
  finishIngest(id: string, delta?: IngestDelta): Promise<IngestRecord>;

  /** An ingest run with its counts and problems, or null. */
  getIngest(id: string): Promise<IngestRecord | null>;

  /** Ingest runs, newest first (problems left out: `getIngest` has them). */
  listIngests(options?: PageOptions): Promise<Page<IngestRecord>>;

  // --- whole store --------------------------------------------------------

  /** How many of each thing are stored. */
  counts(): Promise<StoreCounts>;

  /** Close the connection(s); the store cannot be used afterwards. Safe to call twice. */
  close(): Promise<void>;
}

/** The database behind a store. */
export type StoreConnection =
  | {
      kind: 'pglite';
      /** The data folder. */
      folder: string;
      /** The open PGlite instance (pg-boss's `fromPglite` takes it; it is one connection, shared). */
      pglite: PGlite;
    }
  | {
      kind: 'postgres';
      /** The connection URL as given (with any password). */
      url: string;
    };

/** Options of `putArticle`. */
export interface PutArticleOptions {
  /** When the URL was seen with this content; default now. */
  seenAt?: string;
}

/** What `putArticle` did. */
export interface PutArticleResult {
  articleId: string;
  /** False when this id was already stored (nothing was written). */
  created: boolean;
  /** When this is a new version of a known URL: the version it follows; else null. */
  previousId: string | null;
}

/** The columns of an article (no body): what lists and search results show. */
export interface ArticleSummary {
  id: string;
  url: string | null;
  outlet: string | null;
  publishedAt: string | null;
  headline: string | null;
  language: string | null;
  /** The story it is in, or null when not assigned yet. */
  storyId: string | null;
}

/** A stored article. */
export interface StoredArticle {
  /** The full article, exactly as it was put (removed blocks included). */
  article: Article;
  storyId: string | null;
  /** When the store first saw it. */
  storedAt: string;
}

/** One version of a URL. */
export interface ArticleVersion {
  url: string;
  articleId: string;
  /** The version before this one, or null for the first. */
  previousId: string | null;
  seenAt: string;
}

/** A search result. */
export interface SearchHit extends ArticleSummary {
  /** `ts_rank` of the match (higher is better). */
  rank: number;
}

/** Pagination of a list. */
export interface PageOptions {
  /** Items per page; default 20, at most 200. */
  limit?: number;
  /** The `next` of the previous page; none for the first page. */
  cursor?: string;
}

/** One page of a list. */
export interface Page<T> {
  items: T[];
  /** Opaque cursor of the next page, or null on the last page. */
  next: string | null;
}

/** Options of `listArticles`. */
export interface ArticleListOptions extends PageOptions {
  /** Only articles of this outlet (exact match). */
  outlet?: string;
}

/** Sort orders of `listStories`. */
export type StorySort = 'newest' | 'biggest';

/** Options of `listStories`. */
export interface StoryListOptions extends PageOptions {
  /** `newest` (latest publication time first, an undated story by when it was made; default) or `biggest` (most articles first); ties by id. */
  sort?: StorySort;
  /** Only stories with an article from this outlet (exact name). */
  outlet?: string;
  /** Only stories with an article published at or after this time (ISO 8601). */
  from?: string;
  /** Only stories with an article published before this time (ISO 8601). */
  to?: string;
}

/** A story as lists show it. */
export interface StorySummary {
  /** Stable id: it stays when articles join; a story merged away redirects (`getStory`). */
  id: string;
  /** src/group's `storyId` of the current member ids: changes whenever the members do. */
  memberHash: string;
  size: number;
  /** Headline of the earliest published member (ties by id). */
  headline: string | null;
  /** Distinct outlets of the members, sorted. */
  outlets: string[];
  firstPublishedAt: string | null;
  lastPublishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A story with its members and analysis. */
export interface StoryDetail {
  story: StorySummary;
  /** Members, earliest published first (undated last), ties by id. */
  articles: ArticleSummary[];
  analysis: StoredAnalysis | null;
  /** Set when the id asked for was merged into this story. */
  mergedFrom?: string;
}

/** A stored story analysis. */
export interface StoredAnalysis {
  storyId: string;
  /** The member hash it was computed for. */
  memberHash: string;
  /** Whether the story's members changed since (recompute it). */
  stale: boolean;
  analysis: StoryAnalysis;
  updatedAt: string;
}

/** A candidate of story assignment with what the decider needs to score it. */
export interface StoryCandidate {
  candidate: Candidate;
  fingerprint: Fingerprint;
  /** The story the candidate is in. */
  storyId: string;
  /** How many articles that story has. */
  storySize: number;
}

/** What a decider sees: the article, its candidates with their stories, and index statistics. */
export interface AssignContext {
  fingerprint: Fingerprint;
  candidates: StoryCandidate[];
  /** Document frequencies over the index (terms of the article and its candidates). */
  statistics: TermStatistics;
  isCommonReuse(hash: number): boolean;
}

/** A decider's choice. */
export interface StoryDecision {
  /** Ids of the candidates' stories the article joins: none makes a new story, two or more merge. */
  join: string[];
}

/** How `assignStory` chooses a story; the default follows src/group's streaming `StoryIndex`. */
export interface StoryDecider {
  /** What to look up for a fingerprint, given the index statistics over its own terms. */
  query(fingerprint: Fingerprint, statistics: TermStatistics): CandidateQuery;
  /** Which stories to join. Pure and synchronous: it runs while the assignment lock is held. */
  decide(context: AssignContext): StoryDecision;
}

/** What `assignStory` did. */
export interface AssignResult {
  /** The story the article is in now. */
  storyId: string;
  /** That story's member hash now. */
  memberHash: string;
  /** False when the article was already in a story (nothing changed). */
  assigned: boolean;
  /** Whether a new story was made for it. */
  createdStory: boolean;
  /** Ids of other stories merged into `storyId` by this article (recorded in story_merge). */
  merged: string[];
  /** The candidates that were compared with it. */
  candidates: Candidate[];
  /** Problems with this article (too little text to group by). */
  problems: Problem[];
}

/** The start of an ingest run. */
export interface IngestStart {
  /** Id of the run (e.g. a job id); default a generated UUID. */
  id?: string;
  /** What was asked for: paths, URLs, globs as typed. */
  input: string[];
  /** Default now. */
  startedAt?: string;
}

/** Progress of an ingest run. */
export interface IngestDelta {
  /** Added to the run's counts per key (`sources`, `articles`, `created`, ...). */
  counts?: Record<string, number>;
  problems?: Problem[];
}

/** An ingest run. */
export interface IngestRecord {
  id: string;
  input: string[];
  startedAt: string;
  finishedAt: string | null;
  counts: Record<string, number>;
  problems: Problem[];
}

/** How many of each thing are stored. */
export interface StoreCounts {
  articles: number;
  /** Distinct URLs seen. */
  urls: number;
  fingerprints: number;
  /** Articles in the candidate index. */
  indexed: number;
  stories: number;
  merges: number;
  analyses: number;
  /** Analyses whose story changed since. */
  staleAnalyses: number;
  ingests: number;
}
