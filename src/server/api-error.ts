/**
 * What went wrong with a request, as clients see it in `{error: {code}}`.
 * Each code has one HTTP status (`API_ERROR_STATUS`); the server maps every
 * thrown error to one of these in one place (`errorResponse`).
 */
export type ApiErrorCode =
  | 'bad-request'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'method-not-allowed'
  | 'too-large'
  | 'unsupported-media-type'
  | 'too-many-requests'
  | 'bad-gateway'
  | 'unavailable'
  | 'internal';

/** The HTTP status of each error code. */
export const API_ERROR_STATUS = {
  'bad-request': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'method-not-allowed': 405,
  'too-large': 413,
  'unsupported-media-type': 415,
  'too-many-requests': 429,
  'bad-gateway': 502,
  unavailable: 503,
  internal: 500,
} as const satisfies Record<ApiErrorCode, number>;

/** Every error code, for the OpenAPI description of the error body. */
export const API_ERROR_CODES = Object.keys(API_ERROR_STATUS) as ApiErrorCode[];

/**
 * The one error type of the HTTP API: a handler throws it with a code and a
 * message a client can act on; `errorResponse` turns it into
 * `{error: {code, message}}` with the code's status.
 *
 * @example throw new ApiError('not-found', `No story with id '${id}'`)
 */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly code: ApiErrorCode;
  /** For `too-many-requests`: whole seconds until the client may try again (the `Retry-After` header). */
  readonly retryAfterSeconds: number | null;

  constructor(
    code: ApiErrorCode,
    message: string,
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryAfterSeconds = options?.retryAfterSeconds ?? null;
  }

  /** The HTTP status of this error's code. */
  get status(): (typeof API_ERROR_STATUS)[ApiErrorCode] {
    return API_ERROR_STATUS[this.code];
  }
}
