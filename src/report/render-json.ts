import type { ReportAnalysis } from './story-view.ts';

/**
 * The JSON report: the full analysis, two-space indented, one trailing
 * newline (docs/json.md). Byte-identical for identical analyses, since
 * every stage builds its objects with a fixed key order.
 */
export function renderJson(analysis: ReportAnalysis): string {
  return `${JSON.stringify(analysis, null, 2)}\n`;
}
