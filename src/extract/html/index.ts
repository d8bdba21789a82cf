export type { ExtractHtmlOptions, HtmlExtraction } from './extract-html.ts';
export { extractHtml } from './extract-html.ts';
