/** What kind of database failure a StoreError is; the CLI and server map these to exit codes and statuses. */
export type StoreErrorCode =
  /** `--db` / `DATABASE_URL` is neither a folder nor a postgres:// URL (a usage error). */
  | 'store/bad-location'
  /** The database could not be reached or opened (server down, refused, folder unreadable). */
  | 'store/unavailable'
  /** A migration failed: the schema is not what this version of parallax needs. */
  | 'store/migration'
  /** A statement failed (constraint, lost connection mid-query, disk full). */
  | 'store/query'
  /** The store was used after `close()`. */
  | 'store/closed';

/**
 * The one error class of the store (STYLE.md, errors of the third kind):
 * the database failed. `code` says how, `cause` holds the driver's error.
 * Suggested mapping: `store/bad-location` exit 2 / HTTP 400,
 * `store/unavailable` exit 3 / HTTP 503, anything else exit 3 / HTTP 500.
 */
export class StoreError extends Error {
  override name = 'StoreError';
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}

// SQLSTATE classes of connection trouble: 08 connection exception, 57P0x
// shutdown/cannot connect now, 53 insufficient resources (too many clients).
const UNAVAILABLE_STATE = /^(08|57P0|53)/;
const UNAVAILABLE_SYSCALL = /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|EPIPE)$/;

/** Wrap a driver error as a StoreError (a StoreError or an API-misuse error passes through). */
export function toStoreError(error: unknown, doing: string): Error {
  if (error instanceof StoreError || error instanceof TypeError || error instanceof RangeError) {
    return error;
  }
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? error.message : String(error);
  const kind =
    UNAVAILABLE_STATE.test(code) ||
    UNAVAILABLE_SYSCALL.test(code) ||
    /Connection terminated|connect ECONNREFUSED/.test(message)
      ? 'store/unavailable'
      : 'store/query';
  return new StoreError(kind, `Store failed while ${doing}: ${message}`, { cause: error });
}
