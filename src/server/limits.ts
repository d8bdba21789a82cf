/**
 * Items per page when a client gives no `limit`: a screenful of the UI's
 * story list. The store's own default is the same.
 */
export const DEFAULT_PAGE_LIMIT = 20;

/**
 * Most items one page may ask for. Story and article summaries are under
 * 1 KiB each (headline, outlets, dates), so 100 keep a page under ~100 KiB;
 * the store allows up to 200, the API keeps half of that for headroom.
 */
export const MAX_PAGE_LIMIT = 100;

/**
 * Most bytes of a JSON request body. The one JSON write is a list of URLs:
 * `MAX_URLS_PER_REQUEST` URLs of up to `MAX_URL_LENGTH` characters fit in
 * ~410 KiB at worst; real news URLs are under 200 characters, so 512 KiB
 * is plenty and still stops a client that streams junk.
 */
export const MAX_JSON_BODY_BYTES = 512 * 1024;

/**
 * Most bytes of an upload request (all its files together). The server
 * holds an upload in memory and hands each file to a job; 64 MiB takes a
 * crawl segment or a year of a big outlet's feed archive. A bigger archive
 * is better read from disk by the command line (up to src/io's
 * MAX_INPUT_BYTES).
 */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

/** Most files in one upload; each becomes one job, so this bounds a request's queue writes. */
export const MAX_FILES_PER_REQUEST = 100;

/** Most URLs in one ingest request; each becomes one job. */
export const MAX_URLS_PER_REQUEST = 200;

/**
 * Longest URL accepted. 2,048 characters is the common practical limit of
 * browsers and CDNs; longer "URLs" are almost always tracking junk or abuse.
 */
export const MAX_URL_LENGTH = 2048;

/** Longest search query: a sentence or a few quoted phrases. */
export const MAX_QUERY_LENGTH = 200;

/** Longest id in a path (article and story ids are 16 to 17 characters; job ids are UUIDs). */
export const MAX_ID_LENGTH = 128;

/** Longest uploaded file name (most file systems allow 255 bytes). */
export const MAX_FILENAME_LENGTH = 255;
