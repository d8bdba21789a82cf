import type { AgencyMention, Article, RemovalReason, RemovedBlock } from '../model/article.ts';
import type { Problem } from '../model/problem.ts';
import type { Source } from '../model/source.ts';
import { hashHex } from '../text/hash.ts';
import { extractHtml, type HtmlExtraction } from './html/index.ts';
import { agencyByAlias } from './metadata/agencies.ts';
import {
  authorFromAuthorBox,
  authorFromPhoto,
  isNameLine,
  parseByline,
} from './metadata/bylines.ts';
import { findCites } from './metadata/cites.ts';
import { creditFromLine, splitSignOff } from './metadata/credits.ts';
import { splitDateline } from './metadata/dateline.ts';
import { normalizeDate } from './metadata/dates.ts';
import { detectLanguage, normalizeLanguageTag } from './metadata/language.ts';
import { outletFromFurniture, outletFromUrl } from './metadata/outlet.ts';
import { publishedAtFromLines } from './metadata/published-at.ts';
import { type Classification, classifyUnits } from './text/classify-units.ts';
import { markTemplates } from './text/mark-templates.ts';
import { splitMarkdown } from './text/split-markdown.ts';
import { splitPlainText } from './text/split-plain-text.ts';
import type { Unit } from './text/unit.ts';

/** Options of `extractArticles` and `extractArticle`. */
export interface ExtractOptions {
  /**
   * Keep every block in the body, in place: furniture is still detected and
   * listed in `removed`, and the metadata is still read from it, but nothing
   * is taken out of `paragraphs` (for overriding a wrong removal).
   */
  keepAll?: boolean;
}

/** What `extractArticles` returns: the articles it could extract and the problems it met. */
export interface ExtractResult {
  articles: Article[];
  problems: Problem[];
}

/** One source read and classified, before the batch-wide template pass. */
interface Prepared {
  source: Source;
  units: Unit[];
  classification: Classification;
  html: HtmlExtraction | null;
  /** The outlet: from the container, the page metadata, the furniture or the URL host. */
  outlet: string | null;
  /** Template group: the outlet, or '' for every source whose outlet is unknown. */
  group: string;
  problems: Problem[];
}

const FORMATS = new Set(['text', 'markdown', 'html']);

function checkSource(source: unknown, where: string): asserts source is Source {
  if (typeof source !== 'object' || source === null) {
    throw new TypeError(
      `Expected ${where} to be a Source object, got ${source === null ? 'null' : typeof source}`,
    );
  }
  const s = source as Partial<Source>;
  if (typeof s.location !== 'string') {
    throw new TypeError(`Expected ${where}.location to be a string, got ${typeof s.location}`);
  }
  if (typeof s.content !== 'string') {
    throw new TypeError(`Expected ${where}.content to be a string, got ${typeof s.content}`);
  }
  if (!FORMATS.has(s.format as string)) {
    throw new TypeError(
      `Expected ${where}.format to be 'text', 'markdown' or 'html', got ${JSON.stringify(s.format)}`,
    );
  }
  if (typeof s.meta !== 'object' || s.meta === null) {
    throw new TypeError(
      `Expected ${where}.meta to be an object, got ${s.meta === null ? 'null' : typeof s.meta}`,
    );
  }
}

function checkOptions(options: unknown): asserts options is ExtractOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `Expected options to be an object, got ${options === null ? 'null' : typeof options}`,
    );
  }
  const keepAll = (options as ExtractOptions).keepAll;
  if (keepAll !== undefined && typeof keepAll !== 'boolean') {
    throw new TypeError(`Expected options.keepAll to be a boolean, got ${typeof keepAll}`);
  }
}

function prepare(source: Source): Prepared {
  const problems: Problem[] = [];
  let units: Unit[];
  let html: HtmlExtraction | null = null;
  if (source.format === 'html') {
    try {
      html = extractHtml(source.content, source.meta.url ? { url: source.meta.url } : {});
    } catch (error) {
      problems.push({
        code: 'extract/bad-html',
        message: `Could not read the HTML of ${source.location}: ${error instanceof Error ? error.message : String(error)}. Check that the file is an HTML page.`,
        source: source.location,
        severity: 'error',
      });
    }
    units = (html?.paragraphs ?? []).map((text) => ({ text, kind: 'text' as const }));
  } else if (source.format === 'markdown') {
    units = splitMarkdown(source.content);
  } else {
    units = splitPlainText(source.content);
  }
  const classification = classifyUnits(units, {
    knownHeadline: html ? html.headline : (source.meta.title ?? null),
    findHeadline: source.format !== 'html',
    structure: source.format === 'html' ? 'markup' : 'text',
  });
  const furniture = units.filter((_, i) => classification.verdicts[i]?.reason !== null);
  const outlet =
    source.meta.outlet ?? html?.outlet ?? furnitureOutlet(furniture) ?? urlOutlet(source, html);
  return { source, units, classification, html, outlet, group: outlet ?? '', problems };
}

function furnitureOutlet(units: readonly Unit[]): string | null {
  for (const unit of units) {
    const name = outletFromFurniture(unit.text);
    if (name) return name;
  }
  return null;
}

function urlOutlet(source: Source, html: HtmlExtraction | null): string | null {
  const url = html?.url ?? source.meta.url;
  return url ? outletFromUrl(url) : null;
}

function addUnique(list: AgencyMention[], mention: AgencyMention | null): void {
  if (mention && !list.some((m) => m.name === mention.name)) list.push(mention);
}

function addName(list: string[], name: string | null | undefined): void {
  const clean = name?.replace(/\s+/g, ' ').trim();
  if (clean && !list.some((n) => n.toLowerCase() === clean.toLowerCase())) list.push(clean);
}

/** JSON with object keys sorted at every level: the same value always gives the same string. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function describeRemoved(removed: readonly RemovedBlock[]): string {
  const counts = new Map<RemovalReason, number>();
  for (const r of removed) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([reason, n]) => `${n} ${reason}`)
    .join(', ');
}

function finish(
  prepared: Prepared,
  keepAll: boolean,
): { article: Article | null; problems: Problem[] } {
  const { source, units, html } = prepared;
  const { verdicts } = prepared.classification;
  const problems = [...prepared.problems];
  const meta = source.meta;

  // Body units, and the dateline and sign-off cut from the first and last.
  const body = units.map((_, i) => i).filter((i) => verdicts[i]?.reason === null);
  const texts = units.map((u) => u.text);
  const inline = new Map<number, { before?: RemovedBlock; after?: RemovedBlock }>();
  const credits: AgencyMention[] = [];
  let dateline: string | null = null;
  const firstBody = body[0];
  if (firstBody !== undefined) {
    const found = splitDateline(texts[firstBody] ?? '');
    if (found) {
      dateline = found.place;
      if (!keepAll) texts[firstBody] = found.rest;
      inline.set(firstBody, {
        before: {
          text: found.prefix.trim(),
          reason: 'dateline',
          detail: 'dateline: the place (and agency) opening the first paragraph',
        },
      });
    }
  }
  const lastBody = body[body.length - 1];
  let signOff: AgencyMention | null = null;
  if (lastBody !== undefined) {
    const found = splitSignOff(texts[lastBody] ?? '');
    if (found) {
      signOff = found.credit;
      if (!keepAll) texts[lastBody] = found.rest;
      inline.set(lastBody, {
        ...inline.get(lastBody),
        after: {
          text: found.suffix.trim(),
          reason: 'credit-line',
          detail: "sign-off: an agency credit after the last sentence ('-REUTERS')",
        },
      });
    }
  }

  const removed: RemovedBlock[] = [...(html?.removed ?? [])];
  const paragraphs: string[] = [];
  units.forEach((unit, i) => {
    const verdict = verdicts[i];
    const extra = inline.get(i);
    if (extra?.before) removed.push(extra.before);
    if (verdict && verdict.reason !== null) {
      removed.push(
        verdict.detail
          ? { text: unit.text, reason: verdict.reason, detail: verdict.detail }
          : { text: unit.text, reason: verdict.reason },
      );
    }
    if (extra?.after) removed.push(extra.after);
    const text = texts[i] ?? '';
    if ((keepAll || verdict?.reason === null) && text.trim() !== '') paragraphs.push(text);
  });

  if (paragraphs.length === 0) {
    // An unreadable page already has its problem; no body follows from it.
    if (problems.some((p) => p.severity === 'error')) return { article: null, problems };
    const what =
      units.length === 0 && removed.length === 0
        ? 'found no text at all'
        : `found ${units.length} block${units.length === 1 ? '' : 's'}, and every one was page furniture (${describeRemoved(removed)})`;
    problems.push({
      code: 'extract/no-body',
      message: `No article text left in ${source.location}: ${what}. If that is wrong, run again with --keep-all to keep every block in the body.`,
      source: source.location,
      severity: 'error',
    });
    return { article: null, problems };
  }

  // Metadata from the furniture: headline, bylines, credits, dates, outlet.
  const headlineIndex = prepared.classification.headline;
  const headline =
    html?.headline ??
    (headlineIndex >= 0 ? (units[headlineIndex]?.text ?? null) : (meta.title ?? null));
  const bylines: string[] = [];
  for (const name of meta.bylines ?? []) addName(bylines, name);
  for (const name of html?.bylines ?? []) addName(bylines, name);
  const datedLines: Array<{ text: string; reason: RemovalReason }> = [];
  units.forEach((unit, i) => {
    const reason = verdicts[i]?.reason;
    if (reason === null || reason === undefined) return;
    datedLines.push({ text: unit.text, reason });
    if (reason === 'byline' || reason === 'author-box') {
      const byline = parseByline(unit.text);
      addUnique(credits, byline?.credit ?? null);
      const named = authorFromPhoto(unit.text) ?? authorFromAuthorBox(unit.text);
      const nameLine = reason === 'byline' && isNameLine(unit.text) ? unit.text : null;
      for (const name of byline ? byline.names : [named ?? nameLine]) addName(bylines, name);
    }
    if (reason === 'credit-line' || reason === 'legal')
      addUnique(credits, creditFromLine(unit.text));
  });
  for (const r of html?.removed ?? []) {
    if (r.reason === 'credit-line' || r.reason === 'byline') {
      addUnique(credits, creditFromLine(r.text) ?? parseByline(r.text)?.credit ?? null);
    }
  }
  const datelineCredit =
    firstBody !== undefined ? splitDateline(units[firstBody]?.text ?? '')?.credit : null;
  addUnique(credits, datelineCredit ?? null);
  addUnique(credits, signOff);

  let publishedAt: string | null = null;
  for (const candidate of [html?.publishedAt, meta.publishedAt]) {
    if (!candidate || publishedAt !== null) continue;
    publishedAt = normalizeDate(candidate);
    if (publishedAt === null) {
      problems.push({
        code: 'extract/bad-date',
        message: `Could not read the publication time '${candidate}' given for ${source.location}; the date shown on the page is used if there is one.`,
        source: source.location,
        severity: 'warning',
      });
    }
  }
  publishedAt ??= publishedAtFromLines(datedLines);

  const url = html?.url ?? meta.url ?? null;
  const outlet = prepared.outlet;
  const text = paragraphs.join('\n\n');
  const ownName = outlet ? (agencyByAlias(outlet)?.name ?? outlet) : null;
  const cites = findCites(text, ownName ? { exclude: [ownName] } : {});
  const language =
    detectLanguage(text) ?? normalizeLanguageTag(html?.language ?? meta.language ?? '');

  const content = {
    headline,
    text,
    bylines,
    publishedAt,
    dateline,
    outlet,
    credits,
    cites,
    language,
  };
  const article: Article = {
    id: hashHex(canonicalJson(content)),
    source: source.location,
    url,
    headline,
    bylines,
    publishedAt,
    dateline,
    outlet,
    credits,
    cites,
    language,
    text,
    paragraphs,
    removed,
  };
  return { article, problems };
}

/**
 * Extract clean articles from a batch of sources: body paragraphs, every
 * removed block with its reason, and the metadata (headline, bylines,
 * publication time, dateline, outlet, credited and cited agencies,
 * language). Reading the batch together finds template blocks: a
 * paragraph repeated verbatim in two or more articles of one outlet (or of
 * the batch, when outlets are unknown) that does not read like story copy.
 * A source left with no body gives an `extract/no-body` problem, not an
 * article. Pure and deterministic.
 *
 * @example extractArticles([{ location: 'a.txt', format: 'text', content, meta: {} }]).articles[0].headline
 */
export function extractArticles(
  sources: readonly Source[],
  options: ExtractOptions = {},
): ExtractResult {
  if (!Array.isArray(sources)) {
    throw new TypeError(
      `Expected sources to be an array of Source, got ${sources === null ? 'null' : typeof sources}`,
    );
  }
  checkOptions(options);
  sources.forEach((s, i) => {
    checkSource(s, `sources[${i}]`);
  });
  const prepared = sources.map(prepare);
  if (prepared.length > 1) {
    markTemplates(
      prepared.map((p) => ({
        group: p.group,
        texts: p.units.map((u) => u.text),
        features: p.classification.features,
        verdicts: p.classification.verdicts,
      })),
    );
  }
  const articles: Article[] = [];
  const problems: Problem[] = [];
  for (const p of prepared) {
    const result = finish(p, options.keepAll === true);
    if (result.article) articles.push(result.article);
    problems.push(...result.problems);
  }
  return { articles, problems };
}

/**
 * Extract one article from one source (no cross-article template pass; use
 * `extractArticles` for a batch). `article` is null when no body text is
 * left, with an `extract/no-body` problem saying what was found.
 *
 * @example extractArticle({ location: 'a.md', format: 'markdown', content: '# Title\n\nText.', meta: {} }).article?.headline // 'Title'
 */
export function extractArticle(
  source: Source,
  options: ExtractOptions = {},
): { article: Article | null; problems: Problem[] } {
  checkSource(source, 'source');
  checkOptions(options);
  return finish(prepare(source), options.keepAll === true);
}
