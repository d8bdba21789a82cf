/**
 * Every heuristic number of the group stage, with the data it was measured
 * on. Figures come from `npm run eval:cluster` (ECB+, 982 articles, 86 events
 * in 43 topics), `npm run eval:reuse` (copies of ECB+ and Zyte ground-truth
 * texts made by bench/lib/derive-copies.ts) and the seeds story.
 */

/** Words per shingle. 4-grams: copies with 5% of words edited keep containment 0.69 on average, while independent articles of one ECB+ topic rarely share any (eval:reuse). */
export const SHINGLE_SIZE = 4;

/** Winnowing window (shingles): keeps ~2/11 of shingles and guarantees a hash for any shared run of 13+ words (a sentence). */
export const WINNOW_WINDOW = 10;

/** MinHash signature size: 16 LSH bands of 4 rows; a pair at Jaccard 0.5 collides with p = 0.64, at 0.7 with p = 0.99. */
export const SIGNATURE_SIZE = 64;

/** Rows per LSH band (SIGNATURE_SIZE / LSH_ROWS bands). */
export const LSH_ROWS = 4;

/** TF-IDF weight of a named-entity term (capitalised word or run). ECB+: entity weight 1 with numbers at 2 and content words at 0.5 gave the best event F1 of the grid {1,2,3,4} x {1,2,3} x {0.5,1}. */
export const ENTITY_WEIGHT = 1;

/** TF-IDF weight of a number term (years, counts, scores); ECB+ grid as above. */
export const NUMBER_WEIGHT = 2;

/** TF-IDF weight of a content word; ECB+ grid as above. */
export const CONTENT_WEIGHT = 0.5;

/** Terms in fewer documents than this are left out of TF-IDF vectors in a batch (they match nothing). */
export const MIN_TERM_DF = 2;

/** Gaussian time weight sigma in days (Miranda et al. 2018 use about 3 days for news streams). */
export const TIME_SIGMA_DAYS = 3;

/** Time weight of articles far apart in time; not measured (ECB+ carries no dates): a story may run for weeks, so time halves, never zeroes, topical similarity. */
export const TIME_FLOOR = 0.5;

/** A reuse hash in more documents than this is boilerplate or a stock phrase and is ignored. Wire stories reach a few hundred outlets; page furniture of one site repeats on every page. */
export const REUSE_COMMON_DF = 500;

/** Term postings stop at this many documents: such a term is too common to find candidates with (its IDF is low anyway). */
export const TERM_POSTING_CAP = 2000;

/** Candidates must share at least this many sampled non-common reuse hashes (one can be a chance collision of a stock phrase). */
export const MIN_SHARED_REUSE = 2;

/** The candidate index posts and looks up one reuse hash in this many (hash % 3 === 0): a third of the postings and lookups; containment for relations is still computed on all hashes. */
export const REUSE_SAMPLE = 3;

/** Topical candidates must share at least this many of the query's key terms. */
export const MIN_SHARED_TERMS = 2;

/** Key terms per article used to look up topical candidates. */
export const QUERY_TERMS = 20;

/** At most this many candidates per lookup, strongest first. */
export const MAX_CANDIDATES = 100;

/** Fewer reuse hashes than this and containment is not evidence (a line or two of text). */
export const MIN_REUSE_HASHES = 4;

/** Articles with fewer words than this are reported and kept as their own story. */
export const MIN_WORDS = 5;

/** Containment both ways at or above which two articles are duplicates (near-identical text). eval:reuse: plain copies at edit rate <= 0.05 called duplicate 0.891, embedded copies 27 of 1800 (0.5: 0.979 and 78; 0.7: 0.721 and 7). */
export const DUPLICATE_CONTAINMENT = 0.6;

/** Containment (either way) at or above which one article is derived from the other. eval:reuse: copies at edit rate <= 0.2 found 0.972, 10 of 661 independent pairs (0.1: 0.991 and 20; 0.2: 0.922 and 8); ECB+ holds some real syndicated copies, so not all 10 are errors. */
export const DERIVED_CONTAINMENT = 0.15;

/** Lower containment that still means derived when the two are also topically close (a paraphrase keeps quotes and phrases). Seeds: the student paraphrase (003) shares 0.05-0.10 of its hashes with the wire copies; the other angle (004) shares none. */
export const PARAPHRASE_CONTAINMENT = 0.05;

/** Topical similarity that, with PARAPHRASE_CONTAINMENT, makes a paraphrase. Seeds: 003 against the wire copies 0.50-0.58. eval:reuse: this rule adds 14 of 661 independent pairs (same-event articles sharing a quote). */
export const PARAPHRASE_TOPICAL = 0.4;

/** Articles whose texts contain each other at least this much both ways are copies of one text: clustered as one item. */
export const UNIT_CONTAINMENT = 0.5;

/** Mean similarity at or above which average-link keeps merging articles into one story. ECB+ events, B-cubed F1 on all data: 0.12: 0.926, 0.14: 0.922, 0.16: 0.935, 0.18: 0.931, 0.20: 0.918; two-fold cross-validation over topics picks 0.12 and 0.14 (eval:cluster). */
export const STORY_THRESHOLD = 0.16;

/**
 * Mean similarity at or above which stories are grouped into one kind of
 * event (topics.ts), the similarity of two stories being the mean of their
 * word-profile and name-profile cosines. ECB+ topics (story threshold 0.16),
 * B-cubed F1: 0.09: 0.935, 0.095 to 0.115: 0.953, 0.12: 0.943, 0.14: 0.937
 * (without the name anchors below at most 0.925; the former single centroid
 * of kind-weighted terms at most 0.928); cross-validation over topics picks
 * 0.095 and 0.105 on split halves, 0.095 in context (eval:cluster).
 */
export const TOPIC_THRESHOLD = 0.105;

/** Mean name cosine at or above which stories of one kind form a name group that may anchor a topic (topics.ts). ECB+ topics, B-cubed F1 at topic threshold 0.095-0.115: 0.1: 0.944, 0.15: 0.953, 0.2: 0.953, 0.25: 0.942, 0.3: 0.932. */
export const TOPIC_NAME_THRESHOLD = 0.15;

/** A name group anchors a topic of its own when at least two of its stories have this many articles: stories of one or two articles are often stray pieces of another story that share all its names. ECB+ topics, B-cubed F1: 1: 0.939, 2: 0.946, 3 to 5: 0.953, 6: 0.945. */
export const TOPIC_ANCHOR_ARTICLES = 4;

/** Stories up to this size get relations for every pair; larger ones for candidate pairs only. */
export const FULL_RELATIONS_MAX = 30;

/** In larger stories, each article keeps at most this many relations (its strongest). */
export const MAX_RELATIONS_PER_ARTICLE = 4;

/** Pseudo-documents added to N in IDF = ln((N + k) / df): a small batch about one story (the five seeds) still weighs the terms they all share; negligible on large batches. */
export const IDF_PSEUDO_DOCUMENTS = 20;

/** Streaming: a story is compared with a new article (or another story) through at most this many of its closest members; equals average link for stories this small. ECB+ events B-cubed F1, file order / shuffled seeds 1, 2 (eval:cluster): 5: 0.881/0.902/0.886, 10: 0.897/0.922/0.899, 20: 0.890/0.921/0.895. */
export const STREAM_LINK_MEMBERS = 10;

/** Streaming: mean similarity to a story's k closest members for a new article to join it, plus STREAM_JOIN_SUPPORT / k. ECB+ events F1 as above: 0.10: 0.895/0.896/0.892, 0.12: 0.897/0.922/0.899, 0.14: 0.881/0.916/0.896. */
export const STREAM_JOIN_THRESHOLD = 0.12;

/** Streaming: support margin of a join over k compared members (a story of one asks 0.27, of ten 0.135). ECB+ events F1 as above: 0: 0.871/0.880/0.879, 0.10: 0.888/0.911/0.912, 0.15: 0.897/0.922/0.899, 0.20: 0.886/0.920/0.900. Without it the first article of an event joins a one-article story of another event it resembles: in file order that starts 19 of 86 events inside another event's story (8 with it). */
export const STREAM_JOIN_SUPPORT = 0.15;

/** Streaming: mean similarity between the group an article joined and another story it bridges for the two to merge. ECB+ events F1 as above: 0.16: 0.884/0.910/0.893, 0.18: 0.897/0.922/0.899, 0.20: 0.896/0.922/0.905, 0.22: 0.894/0.920/0.905; the earlier rule (merge every story the article joins at 0.16) gave 0.869/0.857/0.874 with precision 0.78-0.80. */
export const STREAM_MERGE_THRESHOLD = 0.18;

/** Text candidates looked at per article (LSH and reuse hashes), strongest first. */
export const TEXT_CANDIDATES = 50;

/** Text pairs kept per article: its best pair with each of at most this many units (copies of one text count once). */
export const TEXT_PAIRS_PER_ARTICLE = 8;

/** Topical candidates compared per unit representative. ECB+ events have 3-22 articles; events F1 with 20 candidates 0.924, with 30 or 40 0.934. */
export const TOPICAL_CANDIDATES = 30;

/** Terms kept per TF-IDF vector (the highest weighted). ECB+ events F1 at story threshold 0.18: 48 terms 0.928, 64 0.930, 100 0.931, 150 0.933; memory and comparisons grow with it. */
export const VECTOR_TERMS = 100;

/** Terms kept per story profile (words, and names apart) when grouping stories into topics. ECB+ topics F1 with 100 terms: 0.953 at thresholds 0.085-0.105; with 200: 0.953 at 0.095-0.115 and better held out in context at story threshold 0.16 (0.958 against 0.949). */
export const CENTROID_TERMS = 200;

/** In a batch, index lookups (LSH buckets, reuse hashes, terms) visit the newest this many articles of a list: lookups stay bounded when one text is copied thousands of times (bench:group), 32 earlier copies are plenty to join a new copy to, and ECB+ figures are unchanged. */
export const POSTING_VISIT_CAP = 32;

/** Pairs less similar than this are left out of average linking (ECB+: events F1 unchanged at 0.935 with 0.05; it cuts the edges to merge by about half on bench:group). */
export const EDGE_FLOOR = 0.05;

/**
 * Articles that share text (containment >= DERIVED_CONTAINMENT) and are at
 * least this topically similar are one item for clustering: a heavy rewrite
 * of one wire story. ECB+ events F1 with 0.5: 0.926, 0.6: 0.925, 0.7: 0.935
 * (as without the rule); bench:group at 30k: 14.5k items to cluster become
 * 8k, CPU time 16.2 s becomes 11.9 s.
 */
export const UNIT_TOPICAL = 0.7;
