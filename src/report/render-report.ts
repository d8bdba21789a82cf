import { renderHtml } from './render-html.ts';
import { renderJson } from './render-json.ts';
import { renderMarkdown } from './render-markdown.ts';
import type { ReportAnalysis } from './story-view.ts';

/** The report formats: JSON, Markdown and self-contained HTML. */
export const REPORT_FORMATS = ['json', 'md', 'html'] as const;

/** One of `REPORT_FORMATS`. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * Render an analysis in one of the report formats.
 *
 * @throws {RangeError} on a format that is not one of `REPORT_FORMATS`.
 */
export function renderReport(analysis: ReportAnalysis, format: ReportFormat): string {
  if (format === 'json') return renderJson(analysis);
  if (format === 'md') return renderMarkdown(analysis);
  if (format === 'html') return renderHtml(analysis);
  throw new RangeError(
    `Expected a format of ${REPORT_FORMATS.join(', ')}, got '${String(format)}'`,
  );
}
