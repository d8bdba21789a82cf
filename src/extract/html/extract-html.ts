import { parseHTML } from 'linkedom';
import type { RemovedBlock } from '../../model/index.ts';
import { MAX_HTML_DEPTH, MAX_HTML_PARSE_WORK } from '../limits.ts';
import { normalizeDate } from '../metadata/dates.ts';
import { collectBlocks } from './blocks.ts';
import type { DomDocument } from './dom.ts';
import { applyJsonLdBody } from './json-ld-body.ts';
import { markupParagraphs } from './markup-paragraphs.ts';
import { nameRemoved } from './name-removed.ts';
import { type Nesting, scanNesting } from './nesting.ts';
import { readPageMetadata } from './page-metadata.ts';
import { personNames } from './person-names.ts';
import { runReadability } from './readability-pass.ts';
import { selectBody } from './select-body.ts';

/** What `extractHtml` finds in one page. */
export interface HtmlExtraction {
  /** Clean body paragraphs: plain text, white space normalised, in page order. */
  paragraphs: string[];
  /** Every visible text block of the page that was not kept, in page order, with the reason. */
  removed: RemovedBlock[];
  /**
   * Where each removed block stands among the paragraphs, parallel to
   * `removed`: the index in `paragraphs` of the first paragraph after it
   * (`paragraphs.length` after the last one), so later passes can list
   * furniture and what they cut from paragraphs in page order. With keepAll
   * a removed block is itself a paragraph: its own index. With a JSON-LD
   * body, which is not on the page, every block is placed before it (0).
   */
  removedAt: number[];
  headline: string | null;
  /** Person names only ("By Jane Doe and John Roe" -> ["Jane Doe", "John Roe"]). */
  bylines: string[];
  /** ISO 8601, with the UTC offset when the page gives one. */
  publishedAt: string | null;
  /** og:site_name, JSON-LD publisher.name or application-name. */
  outlet: string | null;
  /** ISO 639-1 ("en") from `<html lang>`, og:locale, content-language or JSON-LD. */
  language: string | null;
  /** Canonical URL (link rel=canonical, og:url), resolved against `options.url`. */
  url: string | null;
  /** og:description or meta description. */
  description: string | null;
  /**
   * Set when the page nests deeper than `MAX_HTML_DEPTH` or would cost the
   * parser more than `MAX_HTML_PARSE_WORK`: its text was then read without
   * the tree (`paragraphs` only, no metadata, nothing removed).
   */
  tooDeep: Nesting | null;
}

/** Options of `extractHtml`. */
export interface ExtractHtmlOptions {
  /** Where the page came from: the base for relative URLs, and the fallback `url`. */
  url?: string;
  /** Keep every block in `paragraphs`, in page order; removed blocks are still reported with their reasons. */
  keepAll?: boolean;
}

const EMPTY: HtmlExtraction = {
  paragraphs: [],
  removed: [],
  removedAt: [],
  headline: null,
  bylines: [],
  publishedAt: null,
  outlet: null,
  language: null,
  url: null,
  description: null,
  tooDeep: null,
};

const DATE_PREFIX = /^[^\d\p{L}]*(?:published|updated|posted)\s*:?\s*/iu;

/** The first removed date line that reads as a date ("Published 4:00 am CST, Nov 20, 2019"). */
function dateFromRemoved(removed: readonly RemovedBlock[]): string | null {
  for (const r of removed) {
    if (r.reason !== 'date') continue;
    const iso = normalizeDate(r.text.replace(DATE_PREFIX, ''));
    if (iso !== null) return iso;
  }
  return null;
}

/**
 * Extract the article of a news page: body paragraphs, the page furniture
 * that was removed (each block with its reason) and the metadata. Mozilla
 * Readability finds the article; parallax then removes the furniture it
 * leaves inside (captions, share bars, related links, newsletter boxes,
 * bylines, dates, headlines), takes back what it dropped between body
 * paragraphs (embedded tweets, lists) and reads the metadata from JSON-LD,
 * OpenGraph and `<meta>` tags. Pure: no IO, no clock.
 *
 * @example extractHtml('<html><body><article><p>…</p></article></body></html>').paragraphs
 */
export function extractHtml(html: string, options: ExtractHtmlOptions = {}): HtmlExtraction {
  if (typeof html !== 'string')
    throw new TypeError(`Expected html to be a string, got ${typeof html}`);
  if (options.url !== undefined && typeof options.url !== 'string') {
    throw new TypeError(`Expected options.url to be a string, got ${typeof options.url}`);
  }
  // Checked before parsing: the parser's own stack work grows with depth × tags.
  const nesting = scanNesting(html, { depth: MAX_HTML_DEPTH, work: MAX_HTML_PARSE_WORK });
  if (nesting.exceeded) {
    return {
      ...EMPTY,
      paragraphs: markupParagraphs(html),
      url: options.url ?? null,
      tooDeep: nesting,
    };
  }
  const { document } = parseHTML(html) as unknown as { document: DomDocument };
  const root = document.documentElement;
  if (!root) return { ...EMPTY, url: options.url ?? null };

  const meta = readPageMetadata(document, options.url);
  const blocks = collectBlocks(root);
  const readability = runReadability(document, blocks);
  const decisions = selectBody({
    blocks,
    keptChars: readability.keptChars,
    titles: meta.titles,
  });

  const declared = applyJsonLdBody(blocks, decisions, meta.jsonLd?.articleBody ?? null);
  // Which blocks go is decided; now say as precisely as the page allows why.
  nameRemoved(blocks, decisions);

  const paragraphs: string[] = declared ?? [];
  const removed: RemovedBlock[] = [];
  const removedAt: number[] = [];
  for (const block of blocks) {
    const d = decisions[block.index];
    if (d === undefined) continue;
    // With the JSON-LD body in use nothing was kept (see applyJsonLdBody).
    // keepAll: every block stays in the body in page order (a user overriding
    // the furniture decisions); removed blocks are still reported.
    const at = declared === null ? paragraphs.length : 0;
    if (d.keep || (options.keepAll === true && declared === null)) paragraphs.push(block.text);
    if (!d.keep) {
      removed.push({ text: block.text, reason: d.reason, detail: d.detail });
      removedAt.push(at);
    }
  }

  let bylines = meta.bylines;
  if (bylines.length === 0 && readability.byline) {
    bylines = personNames([readability.byline], meta.outlets);
  }
  if (bylines.length === 0) {
    const lines = removed.filter((r) => r.reason === 'byline').map((r) => r.text);
    bylines = personNames(lines, meta.outlets);
  }
  let publishedAt = meta.publishedAt;
  if (publishedAt === null && readability.publishedTime) {
    publishedAt = normalizeDate(readability.publishedTime);
  }
  publishedAt ??= dateFromRemoved(removed);

  return {
    paragraphs,
    removed,
    removedAt,
    headline: meta.headline ?? readability.title ?? null,
    bylines,
    publishedAt,
    outlet:
      meta.outlet ??
      (readability.siteName && !/^(?:https?:|www\.)/i.test(readability.siteName)
        ? readability.siteName
        : null),
    language: meta.language,
    url: meta.url,
    description: meta.description,
    tooDeep: null,
  };
}
