/**
 * Cap on the bytes read from one file or stdin: ingest holds one input in
 * memory whole. 256 MiB holds a focused crawl's WARC.gz segment or years of
 * a big outlet's feed archive; a bigger archive should be split.
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/**
 * Cap on the (decoded) bytes of one fetched URL. The largest page among the
 * 181 of `../shared/eval/extraction` is under 2 MiB and real feeds stay
 * under a few MiB; 32 MiB leaves room and stops an endless or hostile stream.
 */
export const MAX_FETCH_BYTES = 32 * 1024 * 1024;

/**
 * Time allowed for one URL, all redirects and the body included. News sites
 * answer in well under 5 s; 30 s tolerates a slow one without letting a
 * stalled server hold the batch.
 */
export const FETCH_TIMEOUT_MS = 30_000;

/**
 * Redirects followed for one URL. Real news links need at most 3 or 4
 * (http→https, bare→www, a tracking hop, the canonical path); 10 leaves room
 * and cuts a redirect loop short (browsers allow 20).
 */
export const MAX_REDIRECTS = 10;
