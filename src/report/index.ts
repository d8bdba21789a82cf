export { escapeHtml, jsonForScript, safeHttpUrl } from './escape.ts';
export { coverageFigure, provenanceFigure } from './html-figures.ts';
export { type HtmlRange, paragraphRanges, renderRanges } from './html-ranges.ts';
export { type StoryIds, storyIds } from './html-targets.ts';
export { contentSecurityPolicy, renderHtml } from './render-html.ts';
export { renderJson } from './render-json.ts';
export { renderMarkdown } from './render-markdown.ts';
export { REPORT_FORMATS, type ReportFormat, renderReport } from './render-report.ts';
export {
  isStoryAnalysis,
  type ReportAnalysis,
  type StoryView,
  storyView,
  storyViews,
} from './story-view.ts';
export { type CoverageSvgOptions, renderCoverageSvg } from './svg-coverage.ts';
export {
  edgeEvidence,
  layoutProvenance,
  type PlacedNode,
  type ProvenanceLayout,
  type ProvenanceSvgOptions,
  renderProvenanceSvg,
} from './svg-provenance.ts';
