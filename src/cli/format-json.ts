import type { Analysis } from '../model/index.ts';

/**
 * The JSON output (docs/json.md): two-space indented, one trailing newline.
 * Byte-identical for identical analyses, since every stage builds its
 * objects with a fixed key order.
 */
export function formatJson(analysis: Analysis): string {
  return `${JSON.stringify(analysis, null, 2)}\n`;
}
