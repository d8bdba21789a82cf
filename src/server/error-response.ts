import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { IoError } from '../io/index.ts';
import { StoreError } from '../store/index.ts';
import { API_ERROR_STATUS, ApiError, type ApiErrorCode } from './api-error.ts';

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: ApiErrorCode; message: string };
}

/** What `errorResponse` decided: the status, the body, and whether the error is a bug to log. */
export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  /** True for errors the client did not cause (a bug, a failed database): the server logs them. */
  log: boolean;
  /** Seconds for the `Retry-After` header of a 429. */
  retryAfterSeconds?: number;
}

const INTERNAL_MESSAGE = 'Internal error: the server log has the details';

/** Codes of hono's own HTTPExceptions (body limit, bad JSON, unsupported media type). */
function codeOfStatus(status: number): ApiErrorCode {
  for (const [code, s] of Object.entries(API_ERROR_STATUS)) {
    if (s === status) return code as ApiErrorCode;
  }
  return status >= 500 ? 'internal' : 'bad-request';
}

function ioCode(error: IoError): ApiErrorCode {
  switch (error.code) {
    case 'io/too-large':
      return 'too-large';
    case 'io/not-found':
      return 'not-found';
    case 'io/bad-url':
    case 'io/refused':
      return 'bad-request';
    default:
      return 'bad-gateway';
  }
}

/** Hono's own messages, restated as sentences a client can act on. */
function hostMessage(status: number, message: string): string {
  if (status === 413) return 'Request body too large';
  if (status === 415) return 'Unsupported Content-Type for this route; see /openapi.json';
  if (status === 429) return 'Too many requests; try again later';
  return message || 'Bad request';
}

/**
 * The one place a thrown error becomes an HTTP response (STYLE.md, errors
 * of the third kind): `ApiError` keeps its code, hono's `HTTPException`
 * (body limit, malformed JSON) and parallax's `IoError` are mapped by
 * status and kind, an unreachable database (`StoreError`
 * `store/unavailable`) is a 503, anything else is a bug or a failed query:
 * 500 with a fixed message, the details only in the server log. No stack
 * trace ever reaches a client.
 */
export function errorResponse(error: unknown): ErrorResponse {
  let code: ApiErrorCode;
  let message: string;
  if (error instanceof ApiError) {
    code = error.code;
    message = error.message;
  } else if (error instanceof HTTPException) {
    code = codeOfStatus(error.status);
    message = hostMessage(error.status, error.message);
  } else if (error instanceof IoError) {
    code = ioCode(error);
    message = error.message;
  } else if (error instanceof StoreError && error.code === 'store/unavailable') {
    // The driver's message names hosts and ports: it stays in the log.
    code = 'unavailable';
    message = 'The database is unavailable; try again later';
  } else {
    code = 'internal';
    message = INTERNAL_MESSAGE;
  }
  const status = API_ERROR_STATUS[code];
  if (code === 'internal') message = INTERNAL_MESSAGE;
  const response: ErrorResponse = {
    status,
    body: { error: { code, message } },
    log: status >= 500,
  };
  if (error instanceof ApiError && error.retryAfterSeconds !== null) {
    response.retryAfterSeconds = error.retryAfterSeconds;
  }
  return response;
}

/** Where a validated value came from, as a client would call it. */
const TARGET_NAMES: Record<string, string> = {
  query: 'query parameter',
  param: 'path parameter',
  json: 'JSON body field',
  form: 'form field',
  header: 'header',
  cookie: 'cookie',
};

/**
 * A 400 `ApiError` for a failed schema check, naming the first offending
 * value and saying what was expected: "query parameter 'limit': Too big:
 * expected number to be <=100".
 */
export function validationError(target: string, error: ZodError): ApiError {
  const where = TARGET_NAMES[target] ?? target;
  const issues = error.issues.slice(0, 3).map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => `'${k}'`).join(', ');
      return `${where}${issue.keys.length > 1 ? 's' : ''} ${keys}: not one this route takes`;
    }
    const path = issue.path.map(String).join('.');
    return path === ''
      ? `${target === 'json' ? 'JSON body' : where}: ${issue.message}`
      : `${where} '${path}': ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return new ApiError('bad-request', `Invalid ${issues.join('; ')}${more}`);
}
