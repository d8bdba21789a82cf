import type { Problem } from '../model/index.ts';

/** Where a problem sits inside its source, and how bad it is (default `error`). */
export interface ProblemDetails {
  line?: number;
  offset?: number;
  severity?: Problem['severity'];
}

/**
 * Build an ingest `Problem`.
 * @example problem('ingest/empty', 'The file is empty: …', 'notes.txt')
 */
export function problem(
  code: string,
  message: string,
  source: string,
  details: ProblemDetails = {},
): Problem {
  const result: Problem = { code, message, source, severity: details.severity ?? 'error' };
  if (details.line !== undefined) result.line = details.line;
  if (details.offset !== undefined) result.offset = details.offset;
  return result;
}
