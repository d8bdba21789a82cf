import { UsageError } from './exit-code.ts';

const UNIT_BYTES: Record<string, number> = {
  '': 1,
  k: 1024,
  m: 1024 ** 2,
  g: 1024 ** 3,
};

/**
 * A byte size as typed on the command line: a whole number of bytes, or a
 * number with a binary unit (`K`, `M`, `G`, optionally followed by `iB` or
 * `B`: `64M`, `1.5GiB`, `512k`). Undefined when it is not one, or not positive.
 *
 * @example parseByteSize('64M') // => 67108864
 */
export function parseByteSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:([kmg])(?:i?b)?|b)?\s*$/i.exec(text);
  if (match === null) return undefined;
  const bytes = Math.floor(Number(match[1]) * (UNIT_BYTES[(match[2] ?? '').toLowerCase()] ?? 1));
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

/**
 * `--max-bytes SIZE` as a number of bytes, undefined when not given.
 *
 * @throws {UsageError} when it is not a positive size.
 */
export function parseMaxBytes(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const bytes = parseByteSize(value);
  if (bytes === undefined) {
    throw new UsageError(
      `Expected --max-bytes to be a positive size in bytes (67108864, 64M, 1G), got '${value}'`,
    );
  }
  return bytes;
}
