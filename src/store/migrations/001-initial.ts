import type { Migration } from './migration.ts';

/**
 * The first schema. Ids are `collate "C"` so every ordering by id is
 * code-unit order, the same on every server locale (and the same as
 * src/group's `compareIds`). Hashes (uint32) are kept in int8.
 */
export const initial: Migration = {
  id: 1,
  name: 'initial',
  sql: `
create table article (
  id text collate "C" primary key,
  url text collate "C",
  outlet text collate "C",
  published_at timestamptz,
  headline text,
  language text,
  -- The whole Article as put (json, not jsonb: key order and text kept byte for byte).
  data json not null,
  stored_at timestamptz not null default date_trunc('milliseconds', now()),
  -- Full-text search: headline (weight A) and body, English stemming for
  -- English articles and none for the rest; the body is capped so one
  -- huge page cannot exceed the tsvector size limit.
  search tsvector generated always as (
    setweight(to_tsvector(case when language = 'en' then 'english'::regconfig else 'simple'::regconfig end, coalesce(headline, '')), 'A') ||
    to_tsvector(case when language = 'en' then 'english'::regconfig else 'simple'::regconfig end, left(coalesce(data ->> 'text', ''), 200000))
  ) stored
);
create index article_search on article using gin (search);
create index article_url on article (url);

-- Versions of a URL: a changed page is a new article linked to the previous one.
create table article_version (
  url text collate "C" not null,
  article_id text collate "C" not null references article (id),
  previous_id text collate "C" references article (id),
  seen_at timestamptz not null,
  seq bigint generated always as identity,
  primary key (url, article_id)
);
create index article_version_latest on article_version (url, seq desc);

-- Fingerprints (src/group's Fingerprint as JSON). doc is the article's
-- number in the candidate index (order of indexing), null until indexed.
create table fingerprint (
  article_id text collate "C" primary key,
  data json not null,
  doc bigint unique
);
create sequence fingerprint_doc;

-- The candidate index as postings: key -> doc. Docs, not article ids, keep
-- the rows and their b-trees small; fingerprint.doc maps them back.
create table lsh_band (
  band_key bigint not null,
  doc bigint not null,
  primary key (band_key, doc)
);
-- Only sampled reuse hashes (hash % REUSE_SAMPLE = 0) are posted, and only
-- while the hash is in at most REUSE_COMMON_DF articles.
create table reuse_hash (
  hash bigint not null,
  doc bigint not null,
  primary key (hash, doc)
);
-- Document frequency of every reuse hash (common ones are boilerplate).
create table reuse_df (
  hash bigint primary key,
  df integer not null
);
-- Term postings stop at TERM_POSTING_CAP articles (too common to find candidates with).
create table term (
  term_id bigint not null,
  doc bigint not null,
  primary key (term_id, doc)
);
create table term_df (
  term_id bigint primary key,
  df integer not null
);
create table index_stats (
  id integer primary key check (id = 1),
  documents bigint not null
);
insert into index_stats (id, documents) values (1, 0);

-- Stories keep the id they were made with (src/group's storyId of the
-- founding article); member_hash is storyId of the current members.
create table story (
  id text collate "C" primary key,
  seq bigint generated always as identity,
  member_hash text collate "C" not null,
  size integer not null,
  headline text,
  outlets text[] collate "C" not null default '{}',
  first_published timestamptz,
  last_published timestamptz,
  -- newest-first order: latest publication, else when the story was made
  sort_time timestamptz not null,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  updated_at timestamptz not null default date_trunc('milliseconds', now())
);
create index story_newest on story (sort_time desc, id desc);
create index story_biggest on story (size desc, id desc);
create index story_outlets on story using gin (outlets);
create index story_changed on story (updated_at, id);

create table story_member (
  article_id text collate "C" primary key references article (id),
  story_id text collate "C" not null references story (id),
  joined_at timestamptz not null default date_trunc('milliseconds', now())
);
create index story_member_story on story_member (story_id);

-- A story merged into another; into_id is always a live story (merging
-- rewrites older records), so one lookup resolves an old id.
create table story_merge (
  from_id text collate "C" primary key,
  into_id text collate "C" not null,
  article_id text collate "C",
  merged_at timestamptz not null default date_trunc('milliseconds', now())
);
create index story_merge_into on story_merge (into_id);

create table story_analysis (
  story_id text collate "C" primary key references story (id) on delete cascade,
  member_hash text collate "C" not null,
  data json not null,
  updated_at timestamptz not null default date_trunc('milliseconds', now())
);

create table ingest (
  id text collate "C" primary key,
  input json not null,
  started_at timestamptz not null,
  finished_at timestamptz,
  counts json not null default '{}'
);
create index ingest_started on ingest (started_at desc, id desc);

create table ingest_problem (
  ingest_id text collate "C" not null references ingest (id) on delete cascade,
  seq bigint generated always as identity,
  data json not null,
  primary key (ingest_id, seq)
);
`,
};
