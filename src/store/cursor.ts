/**
 * Opaque pagination cursors: base64url of a small JSON object saying which
 * list they belong to and where the next page starts. Callers only pass
 * back what a previous page returned as `next`.
 */

/** Encode a cursor for the list `kind`. */
export function encodeCursor(kind: string, position: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify({ k: kind, ...position }), 'utf8').toString('base64url');
}

/** Decode a cursor of the list `kind`; throws a RangeError when it is not one. */
export function decodeCursor(kind: string, cursor: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = null;
  }
  if (
    value === null ||
    typeof value !== 'object' ||
    Array.isArray(value) ||
    (value as { k?: unknown }).k !== kind
  ) {
    throw new RangeError(
      `Expected a cursor from a previous page of ${kind}, got ${JSON.stringify(cursor)}`,
    );
  }
  return value as Record<string, unknown>;
}

/** Default and largest page sizes. */
export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 200;

/** Check a page size: an integer from 1 to MAX_PAGE (default DEFAULT_PAGE). */
export function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new RangeError(`Expected a limit from 1 to ${MAX_PAGE}, got ${limit}`);
  }
  return limit;
}
