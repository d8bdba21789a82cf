/**
 * Conversions of driver values shared by both backends: PGlite returns int8
 * as a number and pg as a string; both return timestamptz as a Date.
 */

/** A count or int8 column as a number. */
export function num(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n))
    throw new TypeError(`Expected a number from the database, got ${String(value)}`);
  return n;
}

/** A timestamptz column as ISO 8601 UTC, or null. */
export function iso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return date.toISOString();
}

/** A non-null timestamptz column as ISO 8601 UTC. */
export function isoNow(value: unknown): string {
  return iso(value) ?? new Date(0).toISOString();
}

/** An ISO 8601 time from the caller as a Date for a parameter, or null when absent or not a time. */
export function timeParam(value: string | null | undefined): Date | null {
  if (typeof value !== 'string' || value === '') return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms) : null;
}

/** A JSON document selected as `data::text`, parsed. */
export function parseJson<T>(value: unknown): T {
  return JSON.parse(String(value)) as T;
}

/** A uint32 hash or term id as the int8 value the index keeps. */
export function u32(value: number): number {
  return value >>> 0;
}

/** A text column, or null. */
export function text(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}
