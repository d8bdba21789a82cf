/** What kind of IO failure an IoError is; the CLI and server map these to exit codes and statuses. */
export type IoErrorCode =
  | 'io/bad-url'
  | 'io/refused'
  | 'io/timeout'
  | 'io/too-large'
  | 'io/too-many-redirects'
  | 'io/http-status'
  | 'io/network'
  | 'io/not-found'
  | 'io/unreadable'
  | 'io/unwritable';

/** Optional details of an IoError. */
export interface IoErrorOptions {
  /** The underlying error (a Node system error, a DNS failure). */
  cause?: unknown;
  /** HTTP status, for `io/http-status`. */
  status?: number;
}

/**
 * The one error class of parallax's IO edge (STYLE.md, errors of the third
 * kind): a file, stream or URL could not be read. `code` says what went
 * wrong, `target` which path or URL, `cause` the underlying error.
 */
export class IoError extends Error {
  override name = 'IoError';
  readonly code: IoErrorCode;
  readonly target: string;
  readonly status: number | undefined;

  constructor(code: IoErrorCode, message: string, target: string, options: IoErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.target = target;
    this.status = options.status;
  }
}
