/**
 * Caps that bound the time and memory of alignment on bad input (very long
 * articles, text repeated many times, boilerplate shared by everything).
 * Each cap is far above what a real news article needs; when one is hit the
 * alignment says so (`Alignment.truncated`) instead of running away.
 */

/**
 * Words of an article that take part in alignment. Longest body among the
 * 181 extraction ground-truth pages is ~9k words and an ECB+ article ~1.5k;
 * 200k words (a short novel) aligns against itself in ~2 s on this machine
 * (bench:align), so anything longer is cut there.
 */
export const MAX_ALIGN_WORDS = 200_000;

/**
 * Occurrences of one seed n-gram used on the indexed side. A text repeated
 * k times gives each n-gram k occurrences; past this many only the first
 * ones seed, so "A contains B 100 times" aligns the first 32 copies.
 */
export const MAX_GRAM_OCCURRENCES = 32;

/** Seed matches per article pair; 4M seeds take ~1 s and ~200 MB at most. */
export const MAX_SEEDS = 4_000_000;

/** Predecessor runs examined per run while chaining (repeated text offers many). */
export const MAX_CHAIN_CANDIDATES = 64;

/** Passages reported per article pair. */
export const MAX_PASSAGES = 2_000;

/**
 * Sentence pairs scored by the paraphrase matcher per article pair (the
 * sentence model takes ~0.1-1 ms a pair); two 100-sentence articles that
 * share no passage offer 10,000, almost all rejected by the prefilter.
 */
export const MAX_PARAPHRASE_PAIRS = 2_000;

/** Words of a sentence beyond which the paraphrase matcher skips it (not a sentence: a list or a table). */
export const MAX_SENTENCE_WORDS = 150;

/**
 * Articles in a story up to which alignStory lists every aligned pair in
 * `alignments`; a larger story that carries relations lists its related
 * pairs only (the group stage relates every pair up to 30 members, above
 * that each member's strongest 4). The other pairs are still aligned, for
 * the common sources, the provenance and the brief's wording differences
 * (`StoryAlignment.allPairs`), but compare and the JSON skip them. On
 * bench:report's story (the example's 5 articles and 45 edited wire copies,
 * one story of 50): listing all 1,225 pairs gave 1,168 alignments with
 * 52,285 word edits, 26.6 MB of JSON and 27,000 sentence-model calls in
 * compare's passage links; the 157 related pairs with passages give 6,771
 * edits and 6,300 calls, and the same fact units, sources, provenance and
 * brief.
 */
export const ALL_PAIRS_MAX_ARTICLES = 30;

/** Articles in one story beyond which alignStory aligns only the first ones (n² pairs). */
export const MAX_STORY_ARTICLES = 500;
