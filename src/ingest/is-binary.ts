import { SNIFF_BYTES } from './limits.ts';

/**
 * Share of control bytes (other than tab, newline, form feed, carriage
 * return and escape) above which a file is not text. Text in any 8-bit or
 * UTF-8 encoding has none; 10% is git's and `file(1)`'s order of magnitude
 * for calling data binary, and leaves room for a few stray bytes.
 */
export const MAX_CONTROL_BYTE_SHARE = 0.1;

function isControl(byte: number): boolean {
  return (
    (byte < 0x20 &&
      byte !== 0x09 &&
      byte !== 0x0a &&
      byte !== 0x0c &&
      byte !== 0x0d &&
      byte !== 0x1b) ||
    byte === 0x7f
  );
}

/**
 * True when the bytes are not text: a NUL byte in the first
 * `SNIFF_BYTES`, or more than `MAX_CONTROL_BYTE_SHARE` control bytes there.
 * Call it only on bytes without a UTF-16 byte-order mark (UTF-16 text is full of NULs).
 */
export function isBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) return true;
  let controls = 0;
  for (const byte of head) if (isControl(byte)) controls++;
  return head.length > 0 && controls / head.length > MAX_CONTROL_BYTE_SHARE;
}
