/**
 * Cap on the bytes read from one file or stdin (`--max-bytes` raises it):
 * ingest holds one input in memory whole, and extraction holds every page
 * of it at once. Measured with `scripts/limits-full.ts` on WARCs of dense
 * 64 KB pages, the costliest input per byte: at 32 MiB (508 pages) a run
 * peaked at 957 MiB and 22 s of CPU, within the documented 1.5 GiB and a
 * minute; 64 MiB peaked at 1,513 MiB and 44 s (1,781 MiB before the JSON
 * report was streamed), 250 MiB at 5.2 GiB before. 32 MiB is hundreds of
 * dense pages, thousands of ordinary ones or a year of a big outlet's
 * feed; a bigger archive should be split, or read with `--max-bytes` on a
 * machine with the memory.
 */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;

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
